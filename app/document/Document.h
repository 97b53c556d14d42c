#pragma once
// The open LinLab document: the dataset, the transform settings and the model, with the
// analysis that follows from them and the undo stack of every edit.
//
// Data flows one way: a user action becomes an undo command; the command calls one of the
// mutators below; the document recomputes and signals; views redraw. Widgets never call the
// mutators themselves.

#include "model/data/Dataset.h"
#include "model/data/Design.h"
#include "model/data/SourceTable.h"
#include "model/data/Transform.h"
#include "model/fit/Analysis.h"
#include "model/fit/FitSetup.h"
#include "model/fit/LinearModel.h"

#include <QObject>
#include <QString>

class BackgroundMae;
class StatisticsRefresh;
class QUndoStack;

class Document : public QObject {
    Q_OBJECT
public:
    /// A document on the lesson's data and model.
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const linlab::Dataset& dataset() const { return m_dataset; }
    const linlab::TransformSettings& transformSettings() const { return m_settings; }
    const linlab::LinearModel& model() const { return m_model; }
    /// Transformed features and statistics; recomputed only when data or transform change.
    const linlab::Analysis& analysis() const { return m_analysis; }
    /// Predictions, metrics and gradients of the current model; recomputed on every change.
    /// Past kDirectEvaluationRows rows it holds the predictions of the display rows only (see
    /// displayStep()), and its MAE is NaN while maePending(): use prediction() for any row.
    const linlab::Evaluation& evaluation() const { return m_evaluation; }
    /// The evaluation with every row's prediction and the MAE, whatever the size (for exports).
    linlab::Evaluation fullEvaluation() const;
    QUndoStack* undoStack() const { return m_undoStack; }

    // --- Typed documents --------------------------------------------------------------------
    // A file with text, dates, categories or missing values is held as a typed table: the table
    // shows source().table (every row and column) and dataset() is its design's output (the used
    // rows, dummies expanded). An all-numeric, complete file stays a plain dataset (the fast path:
    // isTyped() false, the table shows dataset()).
    /// True when the document holds a typed table.
    bool isTyped() const { return m_typed; }
    /// The typed table, its missing tokens and design options (empty unless isTyped()).
    const linlab::SourceTable& source() const { return m_source; }
    /// Roles, used and excluded rows, dummy columns and fills of the typed table (empty unless
    /// isTyped(); its features() and labels() are handed to dataset()).
    const linlab::Design& design() const { return m_design; }
    /// Rows shown in the table: every typed row, or the dataset's rows.
    int tableRowCount() const;
    /// Columns shown in the table: every typed column, or the features and the label.
    int tableColumnCount() const;
    /// The name of table column `column`.
    const std::string& tableColumnName(int column) const;
    /// The dataset row of table row `tableRow`, or -1 for a row left out (identity when not
    /// typed).
    int datasetRow(int tableRow) const;
    /// The table row of dataset row `datasetRow` (identity when not typed).
    int tableRow(int datasetRow) const;
    /// "333 of 344 rows used (11 with missing values)" when rows are left out, else "".
    QString rowsUsedText() const;
    /// Why `text` cannot go into typed cell (row, column), or "" when it can.
    QString checkCellText(int row, int column, const std::string& text) const;
    /// Why table column `column` cannot become `type` (the label must stay a number), or "".
    QString checkColumnType(int column, linlab::ColumnType type) const;

    /// Up to this many rows every number is computed directly, exactly as NumPy's lines do; past
    /// it, a change of weights takes the loss and gradient from the statistics (O(d^2)).
    static constexpr arma::uword kDirectEvaluationRows = 50000;
    /// 1 when every row is drawn, k when the plots draw rows 0, k, 2k, ... (a faithful sample of
    /// at most linlab::kMaxDisplayRows rows).
    arma::uword displayStep() const;
    /// True when the evaluation belongs to the current rows, features and model.
    bool hasPredictions() const;
    /// The current model's prediction (and residual, prediction - label) for `row`, any row;
    /// only while hasPredictions().
    double prediction(arma::uword row) const;
    double residual(arma::uword row) const;
    /// True while the MAE of a large table is being computed in the background (evaluation()'s
    /// MAE is NaN meanwhile); metricsRefined() is sent when it is in.
    bool maePending() const { return m_maePending; }
    /// Finishes a pending MAE now, on this thread (tests, exports); sends metricsRefined().
    void waitForMetrics();
    /// Puts in a large table's exact statistics now when they are still to come after its cell
    /// edits, on this thread (tests, exports); sends statisticsRefreshed().
    void waitForStatistics();
    /// The name shown in the title bar ("lesson" for the built-in data).
    QString name() const { return m_name; }
    void setName(const QString& name);

    /// The lesson's model on the lesson's data, zeros otherwise: what Reset goes back to.
    linlab::LinearModel defaultModel() const;
    /// The model that least squares gives on the current (transformed) data.
    linlab::LinearModel leastSquaresModel() const;

    // --- The fit: penalty, intercept, held-out rows ------------------------------------------
    /// The penalty, alpha, intercept, split and folds every fit follows.
    const linlab::FitSettings& fitSettings() const { return m_fit.settings(); }
    /// The split, the train and test statistics and the fit of the settings.
    const linlab::FitSetup& fitSetup() const { return m_fit; }
    /// The model the settings' fit gives (on the train rows with a split); the current model
    /// when it cannot be made.
    linlab::LinearModel fittedModel() const;
    /// The current model's train and test metrics (test NaN without a split); recomputed with
    /// the evaluation.
    const linlab::HeldOutMetrics& heldOutMetrics() const { return m_heldOut; }
    /// The objective the fit minimises at the current model (the MSE without a penalty).
    double objective() const { return m_objective; }

    // --- Mutators, for undo commands only ---------------------------------------------------
    /// Overwrites the rectangle whose top-left cell is (row, column) with `block`.
    void setValues(int row, int column, const arma::mat& block);
    /// Inserts block.n_rows rows at `row`; block has one column per table column.
    void insertRows(int row, const arma::mat& block);
    /// Removes `count` rows from `row`.
    void removeRows(int row, int count);
    /// Inserts a feature column with its values and the model's weight for it.
    void insertFeature(int column, const std::string& name, const arma::vec& values, double weight);
    /// Removes a feature column and its weight.
    void removeFeature(int column);
    /// Renames a table column (a feature or the label).
    void renameColumn(int column, const std::string& name);
    /// Makes feature `column` the label and the label that feature.
    void swapLabelWithFeature(int column);
    /// Changes the scale factor, normalisation or ddof.
    void setTransformSettings(const linlab::TransformSettings& settings);
    /// Changes the weights and the bias (same number of weights as features). Through the origin
    /// (fitSettings().intercept false) the bias is set to 0 whatever `model` says.
    void setModel(const linlab::LinearModel& model);
    /// Changes the fit settings (throws std::invalid_argument, changing nothing, on bad ones);
    /// without an intercept the model's bias becomes 0.
    void setFitSettings(const linlab::FitSettings& settings);
    /// Replaces everything (a file opened, a project loaded).
    void replaceAll(linlab::Dataset dataset, const linlab::TransformSettings& settings,
                    const linlab::LinearModel& model, const QString& name);
    /// Replaces everything with a typed table; throws std::invalid_argument (naming the column)
    /// when its design cannot be built, and then nothing changes. A model with other weights than
    /// the design's features is replaced by zeros.
    void replaceSource(linlab::SourceTable source, const linlab::TransformSettings& settings,
                       const linlab::LinearModel& model, const QString& name);

    /// Everything replaceAll or replaceSource sets: what an undoable replacement of the data keeps
    /// to go back (a typed document's source, else its dataset).
    struct DataState {
        bool typed = false;
        linlab::Dataset dataset;
        linlab::SourceTable source;
        linlab::TransformSettings transform;
        linlab::LinearModel model;
        linlab::FitSettings fit;
    };
    /// The document's data state now.
    DataState dataState() const;
    /// Puts `state` in as replaceAll or replaceSource do, but keeps the undo stack and the name
    /// (for undo commands: Data > Generate). Throws as replaceSource, changing nothing.
    void restoreDataState(const DataState& state);

    // Typed mutators, for undo commands only (row and column in table coordinates).
    /// Makes a plain dataset a typed table of numeric columns (true), or a typed table whose every
    /// column is numeric, complete and used back into a plain dataset (false; throws
    /// std::logic_error when it is not).
    void setTyped(bool typed);
    /// Writes `block` (rows of cell texts) from (row, column); throws std::invalid_argument and
    /// changes nothing when a text does not read as its column's type.
    void setCellTexts(int row, int column, const std::vector<std::vector<std::string>>& block);
    /// Replaces column `index` (a type change and its undo) and the design options with it.
    void setColumn(int index, linlab::Column column, const linlab::DesignOptions& options,
                   const linlab::LinearModel* model = nullptr);
    /// Changes roles, fills or reference levels; `model` (or the current one, mapped by feature
    /// name) becomes the model.
    void setDesignOptions(const linlab::DesignOptions& options,
                          const linlab::LinearModel* model = nullptr);
    /// Inserts `rows` (a table of the same columns) at table row `row`.
    void insertTableRows(int row, const linlab::TypedTable& rows);
    /// Removes `count` typed rows from `row`.
    void removeTableRows(int row, int count);
    /// Inserts typed column `column` at `index`, with the options that give it its role; `model`
    /// (when given and of the right size) becomes the model.
    void insertTableColumn(int index, linlab::Column column, const linlab::DesignOptions& options,
                           const linlab::LinearModel* model = nullptr);
    /// Removes typed column `index`; `options` are the design options without it.
    void removeTableColumn(int index, const linlab::DesignOptions& options);

signals:
    // Structure and values of the table, for the table model adapter.
    void rowsAboutToBeInserted(int first, int last);
    void rowsInserted();
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved();
    void columnsAboutToBeInserted(int first, int last);
    void columnsInserted();
    void columnsAboutToBeRemoved(int first, int last);
    void columnsRemoved();
    void valuesChanged(int top, int left, int bottom, int right);
    void headersChanged(int first, int last);
    void aboutToReset();
    void resetDone();

    /// The transform or the data changed: statistics, ranges and the transformed view are new.
    /// (Always followed by evaluationChanged; everything is recomputed before either is sent.)
    void analysisChanged();
    /// The weights or the bias changed (also emitted when the number of features changes).
    void modelChanged();
    /// Every number shown may have changed: metrics, predictions, gradients.
    void evaluationChanged();
    void nameChanged(const QString& name);
    /// fitSettings() changed (followed by evaluationChanged; modelChanged when the bias went to 0).
    void fitSettingsChanged();
    /// Types, roles or the rows used of the typed table changed (before analysisChanged).
    void designChanged();
    /// The evaluation's MAE arrived from the background (nothing else changed).
    void metricsRefined();
    /// The analysis is about to change: whoever reads it on another thread stops now (connect
    /// directly). Sent before every change analysisChanged or statisticsRefreshed announces.
    void analysisAboutToChange();
    /// A large table's statistics, updated by its cell edits, were computed afresh from the rows
    /// (the same numbers to rounding); followed by evaluationChanged. Nothing need restart.
    void statisticsRefreshed();

private:
    enum class Recompute { Evaluation, Analysis };
    /// Which cells an edit changed, when it changed values only (no rows or columns).
    struct CellChange {
        std::vector<arma::uword> featureColumns;
        arma::uword firstRow, lastRow;
    };
    /// Recomputes, then signals: every signal sees a consistent document. With `cells`, only
    /// those cells changed and the analysis is updated rather than rebuilt.
    void recompute(Recompute what, bool modelToo = false, const CellChange* cells = nullptr);
    /// m_evaluation for m_model: from the rows up to kDirectEvaluationRows, else from the
    /// statistics. `tick`: only the model changed (a slider), so the MAE pass may wait for the next
    /// interval.
    void evaluateModel(bool tick = false);
    /// The objective and the held-out metrics of m_model, after m_evaluation.
    void evaluateFit();
    /// A background MAE pass's answer for the current model: into the evaluation and the
    /// held-out metrics.
    void putMae(const linlab::SplitMae& mae);
    /// Stops what reads m_analysis on other threads, before it changes.
    void stopAnalysisReaders();
    /// The exact statistics arrived from the background: in they go.
    void onStatisticsRefreshed();
    /// Replaces the analysis' updated statistics with `exact` and signals.
    void putExactStatistics(linlab::SufficientStatistics exact);
    /// The end of replaceAll and replaceSource, once the data is in: the settings and the model
    /// (zeros when its size does not fit), a new analysis, an empty undo stack, every signal.
    void finishReset(const linlab::TransformSettings& settings, const linlab::LinearModel& model,
                     const QString& name);
    /// Builds the design of m_source into m_design and m_dataset (throws, changing nothing, when
    /// it cannot be built); the model follows by feature name unless `model` is given.
    void rebuildDesign(const linlab::LinearModel* model = nullptr);
    /// The model for new feature names: each weight kept by name, new ones 0, the bias kept.
    linlab::LinearModel modelByName(const std::vector<std::string>& oldNames,
                                    const linlab::LinearModel& old) const;

    linlab::Dataset m_dataset;
    bool m_typed = false;
    linlab::SourceTable m_source;
    linlab::Design m_design;
    linlab::TransformSettings m_settings;
    linlab::LinearModel m_model;
    linlab::Analysis m_analysis;
    linlab::Evaluation m_evaluation;
    linlab::FitSetup m_fit;
    linlab::HeldOutMetrics m_heldOut;
    double m_objective = arma::datum::nan;
    QUndoStack* m_undoStack;
    QString m_name;
    BackgroundMae* m_mae;
    StatisticsRefresh* m_refresh; // exact statistics after a large table's cell edits
    bool m_maePending = false;
    bool m_keepUndo = false; // restoreDataState: a reset that is itself an undo step
};
