#pragma once
// The validation curve: train and held-out error (the split's test rows, or k-fold CV without a
// split) against the polynomial degree of one feature or against alpha (log x), the current
// setting marked. Computed on another thread (ValidationCurve), a new request or a data change
// cancelling the running one. Reads the document only.

#include "model/fit/ValidationCurve.h"

#include <QWidget>

#include <optional>

class BackgroundTask;
class Document;
class QComboBox;
class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;
class QSpinBox;
class QTimer;

class ValidationCurveView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Degree, Alpha };
    /// Points on the alpha grid.
    static constexpr int kAlphaPoints = 25;

    explicit ValidationCurveView(Document* document, QWidget* parent = nullptr);
    ~ValidationCurveView() override;

    QCustomPlot* plot() const { return m_plot; }
    QCPGraph* trainGraph() const { return m_train; }
    QCPGraph* testGraph() const { return m_test; }
    QComboBox* modeBox() const { return m_mode; }
    QComboBox* columnBox() const { return m_column; }
    QSpinBox* degreeBox() const { return m_degree; }
    /// "computing…", a reason there is no curve, or empty.
    QLabel* note() const { return m_note; }
    BackgroundTask* task() const { return m_task; }
    /// The curve drawn last (nullopt while none is).
    const std::optional<linlab::ValidationCurveResult>& curve() const { return m_curve; }
    /// The alphas a curve of the document's fit would use (empty without ridge or lasso).
    std::vector<double> alphaGrid() const;

public slots:
    /// Cancels the running curve and starts one for the document as it is now.
    void recompute();

private:
    void scheduleRecompute();
    void refreshColumns();
    void show(const linlab::ValidationCurveResult& curve);
    void showMessage(const QString& text);
    void markCurrent();

    Document* m_document;
    QComboBox* m_mode;
    QComboBox* m_column;
    QSpinBox* m_degree;
    QLabel* m_note;
    QCustomPlot* m_plot;
    QCPGraph* m_train;
    QCPGraph* m_test;
    QCPItemStraightLine* m_current;
    BackgroundTask* m_task;
    QTimer* m_debounce;
    std::optional<linlab::ValidationCurveResult> m_curve;
};
