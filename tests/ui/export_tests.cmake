# Plot export: PlotExporter, PlotFactory and ExportPlotDialog (owned by "Files and export").
linlab_add_test(tst_PlotExporter ui/tst_PlotExporter.cpp linlab_ui)
