# The layers, checked on the sources (ctest `layering`, run as `cmake -P` with SOURCE_DIR set):
#   model <- app/batch;  model <- app/document <- ui <- app (main, the Qt batch hooks).
# model/ and app/batch/ include no Qt; every quoted include is qualified from the project root
# ("model/fit/Analysis.h"), names a file that exists and is in a layer the folder may see.
set(rules
  "model/|model/|noqt"
  "app/batch/|model/,app/batch/|noqt"
  "app/document/|model/,app/document/|qt"
  "ui/|model/,app/document/,ui/|qt"
  "app/|model/,app/,ui/|qt"
  "tests/|model/,app/,ui/,tests/|qt")
set(problems "")
foreach(rule IN LISTS rules)
  string(REPLACE "|" ";" parts "${rule}")
  list(GET parts 0 folder)
  list(GET parts 1 allowed)
  list(GET parts 2 qt)
  string(REPLACE "," ";" allowed "${allowed}")
  file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${folder}*.h" "${SOURCE_DIR}/${folder}*.cpp")
  foreach(source IN LISTS sources)
    # A file is judged by the most specific rule: app/batch/ files are not judged as app/.
    if(folder STREQUAL "app/" AND source MATCHES "^app/(batch|document)/")
      continue()
    endif()
    file(STRINGS "${SOURCE_DIR}/${source}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      if(line MATCHES "#[ \t]*include[ \t]*\"([^\"]+)\"")
        set(path "${CMAKE_MATCH_1}")
        if(path MATCHES "\\.moc$" OR path MATCHES "^moc_")
          continue()
        endif()
        if(NOT EXISTS "${SOURCE_DIR}/${path}")
          string(APPEND problems "  ${source}: \"${path}\" is not a path from the project root\n")
          continue()
        endif()
        set(ok FALSE)
        foreach(prefix IN LISTS allowed)
          string(FIND "${path}" "${prefix}" at)
          if(at EQUAL 0)
            set(ok TRUE)
          endif()
        endforeach()
        if(NOT ok)
          string(APPEND problems "  ${source}: includes \"${path}\", outside its layers (${allowed})\n")
        endif()
      elseif(qt STREQUAL "noqt" AND line MATCHES "#[ \t]*include[ \t]*<(Q[A-Za-z]*|qcustomplot[^>]*|Qt[A-Za-z]*/[^>]*)>")
        string(APPEND problems "  ${source}: includes <${CMAKE_MATCH_1}>, but ${folder} has no Qt\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "layering broken:\n${problems}")
endif()
message(STATUS "layering ok")
