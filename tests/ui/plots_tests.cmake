# Plot views (owned by whoever writes ui/*PlotView*).
linlab_add_test(tst_PlotViews ui/tst_PlotViews.cpp linlab_ui)
