#include "app/document/Document.h"

#include "app/document/BackgroundMae.h"
#include "app/document/StatisticsRefresh.h"
#include "model/data/DesignRoles.h"

#include <QUndoStack>

#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

using namespace linlab;

Document::Document(QObject* parent)
    : QObject(parent)
    , m_dataset(Dataset::lesson())
    , m_model(Dataset::lessonWeights(), Dataset::lessonBias())
    , m_undoStack(new QUndoStack(this))
    , m_name(QStringLiteral("lesson"))
    , m_mae(new BackgroundMae(this))
    , m_refresh(new StatisticsRefresh(this)) {
    connect(m_mae, &BackgroundMae::finished, this, &Document::putMae);
    connect(m_refresh, &StatisticsRefresh::finished, this, &Document::onStatisticsRefreshed);
    m_analysis = Analysis(m_dataset, m_settings);
    m_fit.update(m_analysis, FitSettings{});
    evaluateModel();
}

// The background passes read the analysis: they are stopped before the analysis goes.
Document::~Document() {
    m_mae->stop();
    m_refresh->stop();
}

void Document::stopAnalysisReaders() {
    m_mae->stop();
    m_refresh->stop();
    emit analysisAboutToChange();
}

void Document::onStatisticsRefreshed() {
    putExactStatistics(m_refresh->takeResult());
}

void Document::waitForStatistics() {
    if (std::optional<SufficientStatistics> exact = m_refresh->wait())
        putExactStatistics(std::move(*exact));
}

void Document::putExactStatistics(SufficientStatistics exact) {
    m_mae->stop(); // reads the analysis; evaluateModel() starts it again
    emit analysisAboutToChange();
    m_analysis.setExactStatistics(std::move(exact));
    evaluateModel();
    emit statisticsRefreshed();
    emit evaluationChanged();
}

void Document::setName(const QString& name) {
    if (name == m_name)
        return;
    m_name = name;
    emit nameChanged(name);
}

LinearModel Document::defaultModel() const {
    if (m_dataset.isLesson() && m_dataset.featureCount() == Dataset::lessonWeights().n_elem)
        return LinearModel(Dataset::lessonWeights(), Dataset::lessonBias());
    return LinearModel(m_dataset.featureCount());
}

LinearModel Document::fittedModel() const {
    return m_fit.fit(m_analysis, m_model).value_or(m_model);
}

void Document::setFitSettings(const FitSettings& settings) {
    FitSetup::check(settings);
    const FitSettings& old = m_fit.settings();
    if (settings.testFraction != old.testFraction || settings.seed != old.seed)
        m_mae->stop(); // reads the split's mask, which is about to be rebuilt
    m_fit.changeSettings(m_analysis, settings); // O(n d^2) only for a new split
    const bool biasToZero = !settings.intercept && m_model.bias() != 0;
    if (biasToZero)
        m_model = LinearModel(m_model.weights(), 0.0);
    evaluateModel();
    emit fitSettingsChanged();
    if (biasToZero)
        emit modelChanged();
    emit evaluationChanged();
}

LinearModel Document::leastSquaresModel() const {
    const LeastSquaresResult& ls = m_analysis.statistics().leastSquares();
    if (ls.weights.n_elem != m_dataset.featureCount() || !ls.weights.is_finite() ||
        !std::isfinite(ls.bias))
        return m_model;
    return LinearModel(ls.weights, ls.bias);
}

arma::uword Document::displayStep() const {
    return linlab::displayStep(m_dataset.rowCount());
}

bool Document::hasPredictions() const {
    const arma::uword n = m_dataset.rowCount();
    const arma::uword step = m_evaluation.sampleStep;
    return step > 0 && m_analysis.labels().n_elem == n &&
           m_analysis.features().n_cols == m_dataset.featureCount() &&
           m_model.weights().n_elem == m_dataset.featureCount() &&
           m_evaluation.predictions.n_elem == (n + step - 1) / step &&
           m_evaluation.residuals.n_elem == m_evaluation.predictions.n_elem;
}

double Document::prediction(arma::uword row) const {
    const arma::uword step = m_evaluation.sampleStep;
    if (step > 0 && row % step == 0 && row / step < m_evaluation.predictions.n_elem)
        return m_evaluation.predictions(row / step);
    return m_analysis.predict(m_model, row); // a row the sample skipped (a selected one, a tooltip)
}

double Document::residual(arma::uword row) const {
    const arma::uword step = m_evaluation.sampleStep;
    if (step > 0 && row % step == 0 && row / step < m_evaluation.residuals.n_elem)
        return m_evaluation.residuals(row / step);
    return prediction(row) - m_analysis.labels()(row);
}

linlab::Evaluation Document::fullEvaluation() const {
    if (m_evaluation.sampleStep == 1 && !m_maePending)
        return m_evaluation;
    return m_analysis.evaluateFast(m_model);
}

void Document::evaluateFit() {
    m_objective = m_fit.objective(m_analysis, m_model);
    if (m_fit.hasSplit()) {
        m_heldOut = m_fit.metrics(m_analysis, m_model);
    } else {
        m_heldOut.train = m_evaluation.metrics;
        m_heldOut.test = Metrics{};
    }
}

void Document::evaluateModel(bool tick) {
    if (m_dataset.rowCount() <= kDirectEvaluationRows) {
        m_evaluation = m_analysis.evaluate(m_model);
        evaluateFit();
        m_maePending = false;
        m_mae->stop();
        return;
    }
    // In place (a tick allocates nothing) and O(display rows + d^2): every number but the MAEs
    // comes from the statistics; the MAEs follow from a pass on the other core.
    m_analysis.evaluateSampled(m_model, m_evaluation);
    evaluateFit();
    m_maePending = true;
    m_mae->request(m_analysis, m_model, m_fit.hasSplit() ? &m_fit.testMask() : nullptr, tick);
}

void Document::putMae(const SplitMae& mae) {
    m_evaluation.metrics.mae = mae.all;
    m_heldOut.train.mae = m_fit.hasSplit() ? mae.train : mae.all;
    m_heldOut.test.mae = m_fit.hasSplit() ? mae.test : arma::datum::nan;
    m_maePending = false;
    emit metricsRefined();
}

void Document::waitForMetrics() {
    if (!m_maePending)
        return;
    putMae(m_mae->wait().value_or(SplitMae{}));
}

void Document::recompute(Recompute what, bool modelToo, const CellChange* cells) {
    if (what == Recompute::Analysis) {
        stopAnalysisReaders(); // they read the analysis about to be replaced
        try {
            if (cells)
                m_analysis = Analysis(m_dataset, std::move(m_analysis), cells->featureColumns,
                                      cells->firstRow, cells->lastRow);
            else
                m_analysis = Analysis(m_dataset, m_settings, std::move(m_analysis));
        } catch (const std::exception&) {
            // Settings are validated before they get here; fall back to the raw data rather than
            // fail.
            m_settings = TransformSettings{};
            m_analysis = Analysis(m_dataset, m_settings);
        }
        if (m_analysis.statisticsUpdated())
            m_refresh->schedule(m_analysis);
        m_fit.update(m_analysis, m_fit.settings()); // the split's statistics follow the rows
    }
    evaluateModel(what == Recompute::Evaluation);
    if (what == Recompute::Analysis)
        emit analysisChanged();
    if (modelToo)
        emit modelChanged();
    emit evaluationChanged();
}

void Document::setValues(int row, int column, const arma::mat& block) {
    if (block.is_empty())
        return;
    for (arma::uword r = 0; r < block.n_rows; ++r)
        for (arma::uword c = 0; c < block.n_cols; ++c)
            m_dataset.setValue(row + r, column + c, block(r, c));
    emit valuesChanged(row, column, row + int(block.n_rows) - 1, column + int(block.n_cols) - 1);
    // Only these cells changed: the other columns keep their fit and transformed values.
    CellChange cells{{}, arma::uword(row), arma::uword(row) + block.n_rows - 1};
    for (arma::uword c = 0; c < block.n_cols; ++c)
        if (arma::uword(column) + c < m_dataset.featureCount())
            cells.featureColumns.push_back(arma::uword(column) + c);
    recompute(Recompute::Analysis, false, &cells);
}

void Document::insertRows(int row, const arma::mat& block) {
    if (block.n_rows == 0)
        return;
    emit rowsAboutToBeInserted(row, row + int(block.n_rows) - 1);
    m_dataset.insertRows(row, block.n_rows, block);
    emit rowsInserted();
    recompute(Recompute::Analysis);
}

void Document::removeRows(int row, int count) {
    if (count <= 0)
        return;
    emit rowsAboutToBeRemoved(row, row + count - 1);
    m_dataset.removeRows(row, count);
    emit rowsRemoved();
    recompute(Recompute::Analysis);
}

void Document::insertFeature(int column, const std::string& name, const arma::vec& values,
                             double weight) {
    emit columnsAboutToBeInserted(column, column);
    m_dataset.insertFeature(column, name, values);
    arma::vec w = m_model.weights();
    w.insert_rows(column, arma::vec{weight});
    m_model.setWeights(w);
    emit columnsInserted();
    recompute(Recompute::Analysis, true);
}

void Document::removeFeature(int column) {
    emit columnsAboutToBeRemoved(column, column);
    m_dataset.removeFeature(column);
    arma::vec w = m_model.weights();
    w.shed_row(column);
    m_model.setWeights(w);
    emit columnsRemoved();
    recompute(Recompute::Analysis, true);
}

void Document::renameColumn(int column, const std::string& name) {
    if (m_typed) {
        const std::string old = m_source.table.column(std::size_t(column)).name();
        m_source.table.renameColumn(std::size_t(column), name);
        m_source.design = DesignRoles::renamed(m_source.design, old, name);
        for (DerivedSpec& spec : m_source.design.derived) // the expressions follow the column
            spec.expression = DerivedFeature::renameColumn(spec.expression, old, name);
        emit headersChanged(column, column);
        rebuildDesign(&m_model); // same features, new names: the weights keep their places
        return;
    }
    m_dataset.renameColumn(column, name);
    emit headersChanged(column, column);
    emit analysisChanged(); // names appear in panels and plot titles
}

void Document::swapLabelWithFeature(int column) {
    m_dataset.swapLabelWithFeature(column);
    const int label = int(m_dataset.featureCount());
    emit valuesChanged(0, column, int(m_dataset.rowCount()) - 1, column);
    emit valuesChanged(0, label, int(m_dataset.rowCount()) - 1, label);
    emit headersChanged(column, column);
    emit headersChanged(label, label);
    recompute(Recompute::Analysis);
}

void Document::setTransformSettings(const TransformSettings& settings) {
    if (settings == m_settings)
        return;
    m_settings = settings;
    recompute(Recompute::Analysis);
}

void Document::setModel(const LinearModel& model) {
    if (model.weights().n_elem != m_dataset.featureCount())
        throw std::invalid_argument("Document::setModel: wrong number of weights");
    m_model = m_fit.settings().intercept ? model : LinearModel(model.weights(), 0.0);
    recompute(Recompute::Evaluation, true);
}

void Document::replaceAll(Dataset dataset, const TransformSettings& settings,
                          const LinearModel& model, const QString& name) {
    emit aboutToReset();
    m_typed = false;
    m_source = SourceTable{};
    m_design = Design{};
    // Moved in, and the analysis reuses its memory: a million rows are not held twice.
    m_dataset = std::move(dataset);
    finishReset(settings, model, name);
}

void Document::finishReset(const TransformSettings& settings, const LinearModel& model,
                           const QString& name) {
    m_settings = settings;
    m_model = model.weights().n_elem == m_dataset.featureCount()
                  ? model
                  : LinearModel(m_dataset.featureCount());
    if (!m_keepUndo)
        m_undoStack->clear();
    stopAnalysisReaders(); // they read the analysis about to be replaced
    m_analysis = Analysis(m_dataset, m_settings, std::move(m_analysis));
    m_fit.update(m_analysis, FitSettings{}); // a new table starts with a plain fit on every row
    evaluateModel();
    emit resetDone();
    setName(name);
    emit designChanged();
    emit analysisChanged();
    emit modelChanged();
    emit evaluationChanged();
}

Document::DataState Document::dataState() const {
    return {m_typed,
            m_typed ? Dataset() : m_dataset,
            m_typed ? m_source : SourceTable{},
            m_settings,
            m_model,
            m_fit.settings()};
}

void Document::restoreDataState(const DataState& state) {
    {
        m_keepUndo = true;
        const std::unique_ptr<bool, void (*)(bool*)> reset(&m_keepUndo,
                                                           [](bool* b) { *b = false; });
        if (state.typed)
            replaceSource(state.source, state.transform, state.model, m_name);
        else
            replaceAll(state.dataset, state.transform, state.model, m_name);
    }
    setFitSettings(state.fit);
}

// --- Typed documents ----------------------------------------------------------------------------

int Document::tableRowCount() const {
    return int(m_typed ? m_source.table.rowCount() : m_dataset.rowCount());
}

int Document::tableColumnCount() const {
    return int(m_typed ? m_source.table.columnCount() : m_dataset.columnCount());
}

const std::string& Document::tableColumnName(int column) const {
    return m_typed ? m_source.table.column(std::size_t(column)).name()
                   : m_dataset.columnName(arma::uword(column));
}

int Document::datasetRow(int tableRow) const {
    if (!m_typed)
        return tableRow;
    const std::vector<std::size_t>& used = m_design.usedRows();
    const auto it = std::lower_bound(used.begin(), used.end(), std::size_t(tableRow));
    return it != used.end() && *it == std::size_t(tableRow) ? int(it - used.begin()) : -1;
}

int Document::tableRow(int datasetRow) const {
    if (!m_typed)
        return datasetRow;
    const std::vector<std::size_t>& used = m_design.usedRows();
    return datasetRow >= 0 && std::size_t(datasetRow) < used.size() ? int(used[datasetRow]) : -1;
}

QString Document::rowsUsedText() const {
    if (!m_typed || m_design.excludedRows().empty())
        return {};
    return tr("%1 of %2 rows used (%3 with missing values)")
        .arg(m_design.usedRows().size())
        .arg(m_design.tableRows())
        .arg(m_design.excludedRows().size());
}

QString Document::checkCellText(int row, int column, const std::string& text) const {
    if (!m_typed)
        return {};
    // The cell written into a copy of its column: the column's own reading decides.
    TypedTable probe({m_source.table.column(std::size_t(column))});
    try {
        probe.setCell(std::size_t(row), 0, text, m_source.missingTokens);
    } catch (const std::invalid_argument& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString Document::checkColumnType(int column, ColumnType type) const {
    const bool isLabel =
        m_typed ? m_source.table.column(std::size_t(column)).name() == m_source.design.label
                : column == int(m_dataset.featureCount());
    if (!isLabel || type == ColumnType::Numeric || type == ColumnType::Date)
        return {};
    const std::string name =
        m_typed ? m_source.table.column(std::size_t(column)).name() : m_dataset.labelName();
    return tr("Column \u201c%1\u201d is the label, and the label must be numeric or a date: "
              "choose another label first.")
        .arg(QString::fromStdString(name));
}

LinearModel Document::modelByName(const std::vector<std::string>& oldNames,
                                  const LinearModel& old) const {
    std::map<std::string, double> byName;
    for (std::size_t j = 0; j < oldNames.size() && j < old.weights().n_elem; ++j)
        byName.emplace(oldNames[j], old.weights()(j));
    const std::vector<std::string>& names = m_dataset.featureNames();
    arma::vec weights(names.size(), arma::fill::zeros);
    for (std::size_t j = 0; j < names.size(); ++j)
        if (const auto it = byName.find(names[j]); it != byName.end())
            weights(j) = it->second;
    return LinearModel(weights, old.bias());
}

void Document::rebuildDesign(const LinearModel* model) {
    // An edit may have taken the last row of a reference level or of a filled column's values.
    m_source.design = DesignRoles::sanitized(m_source.table, m_source.design);
    Design design = Design::build(m_source.table, m_source.design); // throws: nothing changed
    const std::vector<std::string> oldNames = m_dataset.featureNames();
    m_dataset = std::move(design).dataset();
    m_design = std::move(design);
    m_model = model && model->weights().n_elem == m_dataset.featureCount()
                  ? *model
                  : modelByName(oldNames, m_model);
    emit designChanged();
    recompute(Recompute::Analysis, true);
}

void Document::replaceSource(SourceTable source, const TransformSettings& settings,
                             const LinearModel& model, const QString& name) {
    source.design = DesignRoles::explicitRoles(source.table, source.design);
    Design design = Design::build(source.table, source.design); // throws before anything changes
    emit aboutToReset();
    m_typed = true;
    m_source = std::move(source);
    m_dataset = std::move(design).dataset();
    m_design = std::move(design);
    finishReset(settings, model, name);
}

void Document::setTyped(bool typed) {
    if (typed == m_typed)
        return;
    if (typed) {
        SourceTable source;
        source.table = TypedTable::fromDataset(m_dataset);
        source.design.label = m_dataset.labelName();
        source.design.features = m_dataset.featureNames();
        Design design = Design::build(source.table, source.design);
        m_source = std::move(source);
        m_dataset = std::move(design).dataset(); // the same numbers, in the same order
        m_design = std::move(design);
        m_typed = true;
    } else {
        const TypedTable& table = m_source.table;
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const Role expected = c + 1 == table.columnCount() ? Role::Label : Role::Feature;
            if (table.column(c).type() != ColumnType::Numeric ||
                table.column(c).missingCount() > 0 || m_design.roles()[c] != expected)
                throw std::logic_error("Document::setTyped: the table is not a plain dataset");
        }
        m_typed = false;
        m_source = SourceTable{};
        m_design = Design{};
    }
    recompute(Recompute::Analysis);
    emit headersChanged(0, tableColumnCount() - 1);
    emit designChanged();
}

void Document::setCellTexts(int row, int column,
                            const std::vector<std::vector<std::string>>& block) {
    if (block.empty() || block.front().empty())
        return;
    TypedTable before = m_source.table; // a refused text leaves every cell as it was
    try {
        for (std::size_t r = 0; r < block.size(); ++r)
            for (std::size_t c = 0; c < block[r].size(); ++c)
                m_source.table.setCell(std::size_t(row) + r, std::size_t(column) + c, block[r][c],
                                       m_source.missingTokens);
        rebuildDesign();
    } catch (...) {
        m_source.table = std::move(before);
        throw;
    }
    // Rows may have come in or gone out: every row's shade may differ.
    emit valuesChanged(0, 0, tableRowCount() - 1, tableColumnCount() - 1);
}

void Document::setColumn(int index, Column column, const DesignOptions& options,
                         const LinearModel* model) {
    Column old = m_source.table.column(std::size_t(index));
    DesignOptions oldOptions = m_source.design;
    m_source.table.setColumn(std::size_t(index), std::move(column));
    m_source.design = options;
    try {
        rebuildDesign(model);
    } catch (...) {
        m_source.table.setColumn(std::size_t(index), std::move(old));
        m_source.design = std::move(oldOptions);
        throw;
    }
    emit headersChanged(index, index);
    emit valuesChanged(0, 0, tableRowCount() - 1, tableColumnCount() - 1);
}

void Document::setDesignOptions(const DesignOptions& options, const LinearModel* model) {
    DesignOptions old = m_source.design;
    m_source.design = options;
    try {
        rebuildDesign(model);
    } catch (...) {
        m_source.design = std::move(old);
        throw;
    }
    emit headersChanged(0, tableColumnCount() - 1);
    emit valuesChanged(0, 0, tableRowCount() - 1, tableColumnCount() - 1);
}

void Document::insertTableRows(int row, const TypedTable& rows) {
    if (rows.rowCount() == 0)
        return;
    emit rowsAboutToBeInserted(row, row + int(rows.rowCount()) - 1);
    m_source.table.insertTableRows(std::size_t(row), rows);
    emit rowsInserted();
    rebuildDesign();
}

void Document::removeTableRows(int row, int count) {
    if (count <= 0)
        return;
    emit rowsAboutToBeRemoved(row, row + count - 1);
    m_source.table.removeRows(std::size_t(row), std::size_t(count));
    emit rowsRemoved();
    rebuildDesign();
}

void Document::insertTableColumn(int index, Column column, const DesignOptions& options,
                                 const LinearModel* model) {
    emit columnsAboutToBeInserted(index, index);
    m_source.table.insertColumn(std::size_t(index), std::move(column));
    m_source.design = options;
    emit columnsInserted();
    rebuildDesign(model);
}

void Document::removeTableColumn(int index, const DesignOptions& options) {
    emit columnsAboutToBeRemoved(index, index);
    m_source.table.removeColumn(std::size_t(index));
    m_source.design = options;
    emit columnsRemoved();
    rebuildDesign();
}
