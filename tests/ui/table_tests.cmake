linlab_add_test(tst_DataTableModel ui/tst_DataTableModel.cpp linlab_ui)
linlab_add_test(tst_MainWindow ui/tst_MainWindow.cpp linlab_ui)
linlab_add_test(tst_Files ui/tst_Files.cpp linlab_ui)
