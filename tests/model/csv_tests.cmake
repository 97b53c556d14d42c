linlab_add_test(tst_Csv model/tst_Csv.cpp)
