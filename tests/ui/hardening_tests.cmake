# Hardening: fault injection through the window's save and export paths, and the random-use soak.
linlab_add_test(tst_Faults ui/tst_Faults.cpp linlab_ui)
# The soak runs LINLAB_SOAK_ACTIONS random actions (1000 by default: well under a minute).
linlab_add_test(tst_Soak ui/tst_Soak.cpp linlab_ui)
option(LINLAB_LONG_SOAK "Also register soak_long: tst_Soak with 10,000 actions" OFF)
if(LINLAB_LONG_SOAK)
  add_test(NAME soak_long COMMAND tst_Soak)
  set_tests_properties(soak_long PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LINLAB_SOAK_ACTIONS=10000" TIMEOUT 3600)
endif()
