# The training view (owned by whoever writes ui/Training*, ui/Loss*View, ui/NormalizationComparison).
linlab_add_test(tst_TrainingView ui/tst_TrainingView.cpp linlab_ui)
