#pragma once
// The "Report" dock: the least-squares fit as a statistician reads it (R's summary.lm,
// statsmodels' OLS summary) — the coefficient table with standard errors, t, p, intervals,
// standardized coefficients and VIFs; the model's σ, R², F, log-likelihood, AIC, BIC and
// condition number; the rows the usual rules flag (a click selects the row); and Predict: type
// feature values, read the prediction with its confidence and prediction intervals.
// It shows the RegressionRunner's latest result; the level is the one control it changes.

#include "model/fit/Influence.h"

#include <QImage>
#include <QWidget>

#include <functional>
#include <utility>
#include <vector>

class CoefficientTableModel;
class Document;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class RegressionRunner;

class ReportPanel : public QWidget {
    Q_OBJECT
public:
    /// Full: every column and number (the Report tab). Compact: estimate, std. error and p, for a
    /// narrow dock beside the plots (the other numbers are in the tooltips and the copy).
    enum class Layout { Full, Compact };
    /// Predict offers one input per feature up to this many features.
    static constexpr int kMaxPredictInputs = 50;
    /// The coefficient table's columns fit their contents up to this many terms.
    static constexpr int kMaxMeasuredRows = 500;

    ReportPanel(Document* document, RegressionRunner* runner, Layout layout = Layout::Full,
                QWidget* parent = nullptr);
    ~ReportPanel() override;

    CoefficientTableModel* coefficients() const { return m_coefficients; }
    QTableView* coefficientView() const { return m_view; }
    QListWidget* flaggedList() const { return m_flagged; }
    QDoubleSpinBox* levelBox() const { return m_level; }
    /// The model-number label named `objectName` ("sigmaValue", "r2Value", "fValue", ...).
    QLabel* valueLabel(const QString& objectName) const;
    /// The Predict inputs, one per feature, and the line that shows the prediction.
    const std::vector<QLineEdit*>& predictInputs() const { return m_inputs; }
    QLabel* predictionLabel() const { return m_prediction; }

    /// Why a row is flagged: "outlier (studentized 3.23), Cook's distance 0.023".
    static QString flagReason(const linlab::FlaggedRow& row, const linlab::RowDiagnostics& d);

    /// The diagnostic plots an export includes, as (title, image) pairs.
    using PlotImages = std::function<QList<std::pair<QString, QImage>>()>;
    void setPlotImages(PlotImages images) { m_plotImages = std::move(images); }
    /// Writes the report (HTML, or PDF for a .pdf path) with the plots; "" or why not.
    QString exportTo(const QString& path) const;

public slots:
    /// Rereads the runner's latest result.
    void refresh();
    /// Copies the coefficient table (tab-separated, full precision) to the clipboard.
    void copyTable();

signals:
    /// A flagged row was clicked (a dataset row).
    void rowActivated(int row);
    /// A report was written (the status bar says so).
    void exported(const QString& path);

private:
    /// Asks for the file, then exports; a failure is shown in a warning.
    void exportReport();
    void buildModelGrid();
    void rebuildInputs();
    void updatePrediction();
    void setValue(const QString& objectName, const QString& text);

    Document* m_document;
    RegressionRunner* m_runner;
    Layout m_layout;
    CoefficientTableModel* m_coefficients;
    QTableView* m_view;
    QLabel* m_formula;
    QLabel* m_problem;
    QDoubleSpinBox* m_level;
    QGridLayout* m_modelGrid;
    QListWidget* m_flagged;
    QLabel* m_flaggedTitle;
    QGridLayout* m_inputGrid;
    std::vector<QLineEdit*> m_inputs;
    QLabel* m_prediction;
    QStringList m_inputNames; ///< the features m_inputs were made for
    PlotImages m_plotImages;
};
