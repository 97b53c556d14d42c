# Side-panel widgets: model sliders, transform settings, metrics read-out, lesson pane.
linlab_add_test(tst_ModelPanel ui/tst_ModelPanel.cpp linlab_ui)
linlab_add_test(tst_Panels ui/tst_Panels.cpp linlab_ui)
