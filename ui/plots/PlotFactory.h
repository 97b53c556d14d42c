#pragma once
// The plot views by kind, so the export dialog, the window and the batch command line name them
// the same way ("data", "predicted-vs-actual", "residuals") and can build one offscreen.
//
// To add a kind: add it to PlotKind, to the table in PlotFactory.cpp and to create().

#include <QList>
#include <QString>

#include <optional>

class Document;
class PlotView;
class QWidget;

enum class PlotKind { Data, PredictedVsActual, Residuals };

class PlotFactory {
public:
    /// Every kind, in the order menus and "All plots" list them.
    static QList<PlotKind> kinds();
    /// The name used in file names and on the command line: "predicted-vs-actual".
    static QString kindName(PlotKind kind);
    /// The name shown to people: "Predicted vs actual".
    static QString kindTitle(PlotKind kind);
    /// The kind called `name` (as kindName() spells it, case-insensitive); nothing when unknown.
    static std::optional<PlotKind> parseKind(const QString& name);
    /// A new view of that kind on `document` (not shown; export works on hidden views too).
    static PlotView* create(PlotKind kind, Document* document, QWidget* parent = nullptr);
};
