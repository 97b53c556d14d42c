# Installs into a scratch prefix and checks that the desktop finds LinLab: the program, its menu
# entry, icons and the .linlab file type. Run by ctest as `cmake -P` with BUILD_DIR set.
set(prefix "${BUILD_DIR}/install-check")
file(REMOVE_RECURSE "${prefix}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(f bin/linlab share/applications/linlab.desktop share/mime/packages/linlab.xml
          share/icons/hicolor/scalable/apps/linlab.svg share/icons/hicolor/48x48/apps/linlab.png
          share/icons/hicolor/256x256/apps/linlab.png)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "missing after install: ${f}")
  endif()
endforeach()
file(READ "${prefix}/share/applications/linlab.desktop" desktop)
if(NOT desktop MATCHES "MimeType=application/x-linlab")
  message(FATAL_ERROR "the desktop file does not claim .linlab projects")
endif()
message(STATUS "install layout ok")
