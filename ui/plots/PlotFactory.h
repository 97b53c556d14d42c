#pragma once
// The plot views by kind, so the export dialog, the window and the batch command line name them
// the same way ("data", "predicted-vs-actual", "residuals") and can build one offscreen. The
// kinds, their names and titles are the one table in model/io/PlotKind.h.
//
// To add a data plot: a row in that table, then a case in create().

#include "model/io/PlotKind.h"

#include <QList>
#include <QString>

#include <optional>

class Document;
class PlotView;
class QWidget;

using PlotKind = linlab::PlotKind;

class PlotFactory {
public:
    /// The kinds create() builds (the data plots, not the training tab's), in table order.
    static QList<PlotKind> kinds();
    /// The name used in file names and on the command line: "predicted-vs-actual".
    static QString kindName(PlotKind kind);
    /// The name shown to people, translated: "Predicted vs actual".
    static QString kindTitle(PlotKind kind);
    /// The kind called `name` (as kindName() spells it, case-insensitive, blanks around ignored);
    /// nothing when unknown.
    static std::optional<PlotKind> parseKind(const QString& name);
    /// A new view of that kind on `document` (not shown; export works on hidden views too); null
    /// for the training plots, which draw a TrainingSession rather than the document.
    static PlotView* create(PlotKind kind, Document* document, QWidget* parent = nullptr);
};
