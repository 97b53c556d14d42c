#include "Document.h"

#include <QUndoStack>

using namespace linlab;

Document::Document(QObject* parent)
    : QObject(parent)
    , m_dataset(Dataset::lesson())
    , m_model(Dataset::lessonWeights(), Dataset::lessonBias())
    , m_undoStack(new QUndoStack(this))
    , m_name(QStringLiteral("lesson"))
{
    m_analysis = Analysis(m_dataset, m_settings);
    evaluateModel();
}

Document::~Document() = default;

void Document::setName(const QString& name)
{
    if (name == m_name)
        return;
    m_name = name;
    emit nameChanged(name);
}

LinearModel Document::defaultModel() const
{
    if (m_dataset.isLesson() && m_dataset.featureCount() == Dataset::lessonWeights().n_elem)
        return LinearModel(Dataset::lessonWeights(), Dataset::lessonBias());
    return LinearModel(m_dataset.featureCount());
}

LinearModel Document::leastSquaresModel() const
{
    const LeastSquaresResult& ls = m_analysis.statistics().leastSquares();
    if (ls.weights.n_elem != m_dataset.featureCount() || !ls.weights.is_finite() || !std::isfinite(ls.bias))
        return m_model;
    return LinearModel(ls.weights, ls.bias);
}

void Document::evaluateModel()
{
    if (m_dataset.rowCount() <= kDirectEvaluationRows)
        m_evaluation = m_analysis.evaluate(m_model);
    else
        m_analysis.evaluateFast(m_model, m_evaluation); // in place: a tick allocates nothing
}

void Document::recompute(Recompute what, bool modelToo)
{
    if (what == Recompute::Analysis) {
        try {
            m_analysis = Analysis(m_dataset, m_settings, std::move(m_analysis));
        } catch (const std::exception&) {
            // Settings are validated before they get here; fall back to the raw data rather than fail.
            m_settings = TransformSettings{};
            m_analysis = Analysis(m_dataset, m_settings);
        }
    }
    evaluateModel();
    if (what == Recompute::Analysis)
        emit analysisChanged();
    if (modelToo)
        emit modelChanged();
    emit evaluationChanged();
}

void Document::setValues(int row, int column, const arma::mat& block)
{
    if (block.is_empty())
        return;
    for (arma::uword r = 0; r < block.n_rows; ++r)
        for (arma::uword c = 0; c < block.n_cols; ++c)
            m_dataset.setValue(row + r, column + c, block(r, c));
    emit valuesChanged(row, column, row + int(block.n_rows) - 1, column + int(block.n_cols) - 1);
    recompute(Recompute::Analysis);
}

void Document::insertRows(int row, const arma::mat& block)
{
    if (block.n_rows == 0)
        return;
    emit rowsAboutToBeInserted(row, row + int(block.n_rows) - 1);
    m_dataset.insertRows(row, block.n_rows, block);
    emit rowsInserted();
    recompute(Recompute::Analysis);
}

void Document::removeRows(int row, int count)
{
    if (count <= 0)
        return;
    emit rowsAboutToBeRemoved(row, row + count - 1);
    m_dataset.removeRows(row, count);
    emit rowsRemoved();
    recompute(Recompute::Analysis);
}

void Document::insertFeature(int column, const std::string& name, const arma::vec& values, double weight)
{
    emit columnsAboutToBeInserted(column, column);
    m_dataset.insertFeature(column, name, values);
    arma::vec w = m_model.weights();
    w.insert_rows(column, arma::vec{weight});
    m_model.setWeights(w);
    emit columnsInserted();
    recompute(Recompute::Analysis, true);
}

void Document::removeFeature(int column)
{
    emit columnsAboutToBeRemoved(column, column);
    m_dataset.removeFeature(column);
    arma::vec w = m_model.weights();
    w.shed_row(column);
    m_model.setWeights(w);
    emit columnsRemoved();
    recompute(Recompute::Analysis, true);
}

void Document::renameColumn(int column, const std::string& name)
{
    m_dataset.renameColumn(column, name);
    emit headersChanged(column, column);
    emit analysisChanged(); // names appear in panels and plot titles
}

void Document::swapLabelWithFeature(int column)
{
    m_dataset.swapLabelWithFeature(column);
    const int label = int(m_dataset.featureCount());
    emit valuesChanged(0, column, int(m_dataset.rowCount()) - 1, column);
    emit valuesChanged(0, label, int(m_dataset.rowCount()) - 1, label);
    emit headersChanged(column, column);
    emit headersChanged(label, label);
    recompute(Recompute::Analysis);
}

void Document::setTransformSettings(const TransformSettings& settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    recompute(Recompute::Analysis);
}

void Document::setModel(const LinearModel& model)
{
    if (model.weights().n_elem != m_dataset.featureCount())
        throw std::invalid_argument("Document::setModel: wrong number of weights");
    m_model = model;
    recompute(Recompute::Evaluation, true);
}

void Document::replaceAll(Dataset dataset, const TransformSettings& settings, const LinearModel& model,
                          const QString& name)
{
    emit aboutToReset();
    // Moved in, and the analysis reuses its memory: a million rows are not held twice.
    m_dataset = std::move(dataset);
    m_settings = settings;
    m_model = model.weights().n_elem == m_dataset.featureCount() ? model : LinearModel(m_dataset.featureCount());
    m_undoStack->clear();
    m_analysis = Analysis(m_dataset, m_settings, std::move(m_analysis));
    evaluateModel();
    emit resetDone();
    setName(name);
    emit analysisChanged();
    emit modelChanged();
    emit evaluationChanged();
}
