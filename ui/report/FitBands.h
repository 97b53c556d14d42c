#pragma once
// The least-squares fit's confidence band (of the mean response) and prediction band (of a new
// row) around its line in the data plot, the other features held at their means as the plot's
// model line holds them. Drawn under the points; shown or hidden by the View menu. It reads the
// RegressionRunner's result and the plot's x axis; the numbers come from Regression::predictRows.

#include <QObject>

class DataPlotView;
class Document;
class QCPGraph;
class QCPLayer;
class RegressionRunner;

class FitBands : public QObject {
    Q_OBJECT
public:
    /// Points along x per band edge: smooth at any plot width.
    static constexpr int kSteps = 80;

    FitBands(DataPlotView* plot, Document* document, RegressionRunner* runner,
             QObject* parent = nullptr);

    bool isShown() const { return m_shown; }
    /// The band edges: lower and upper of the confidence band, then of the prediction band.
    QCPGraph* confidenceLower() const { return m_ciLow; }
    QCPGraph* confidenceUpper() const { return m_ciHigh; }
    QCPGraph* predictionLower() const { return m_piLow; }
    QCPGraph* predictionUpper() const { return m_piHigh; }

public slots:
    void setShown(bool shown);
    /// Recomputes the bands over the plot's current x range (nothing drawn while hidden, with a
    /// categorical column on x, or without a report).
    void update();

private:
    void clear();

    DataPlotView* m_plot;
    Document* m_document;
    RegressionRunner* m_runner;
    QCPLayer* m_layer;
    QCPGraph* m_ciLow;
    QCPGraph* m_ciHigh;
    QCPGraph* m_piLow;
    QCPGraph* m_piHigh;
    bool m_shown = false;
    bool m_updating = false; // setData on a graph must not re-enter through rangeChanged
};
