#include "ui/plots/DataPlotView.h"

#include "app/document/Document.h"
#include "ui/common/NumberText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

DataPlotView::DataPlotView(Document* document, QWidget* parent)
    : PlotView(document, parent)
    , m_comboLabel(new QLabel(this))
    , m_combo(new QComboBox(this)) {
    auto* header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 6, 0);
    m_comboLabel->setBuddy(m_combo);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setToolTip(tr("The feature on the x axis"));
    header->addWidget(m_comboLabel);
    header->addWidget(m_combo);
    header->addStretch(1);
    mainLayout()->insertLayout(0, header);

    // Residual segments: error bars on the points graph, one per point, from y_i to prediction_i.
    // A single plottable draws ~20k segments quickly and keeps index i aligned with the points.
    m_residuals = new QCPErrorBars(plot()->xAxis, plot()->yAxis);
    m_residuals->setLayer(modelBelowLayer());
    m_residuals->setErrorType(QCPErrorBars::etValueError);
    m_residuals->setDataPlottable(pointsGraph());
    m_residuals->setWhiskerWidth(0);
    m_residuals->setName(tr("residuals"));

    m_model = addLineGraph(tr("model (others at mean)"), QPen(modelColor(), 2), modelLayer());

    connect(document, &Document::columnsAboutToBeInserted, this,
            &DataPlotView::onColumnsAboutToBeInserted);
    connect(document, &Document::columnsAboutToBeRemoved, this,
            &DataPlotView::onColumnsAboutToBeRemoved);
    // A new document starts on its first feature. (PlotView's own refresh on resetDone ran first.)
    connect(document, &Document::resetDone, this, &DataPlotView::onReset);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &DataPlotView::onComboIndexChanged);
    refresh();
}

DataPlotView::~DataPlotView() = default;

void DataPlotView::setFeature(int column) {
    if (column < 0 || column >= int(document()->dataset().featureCount()) || column == m_feature)
        return;
    m_feature = column;
    refresh();
}

void DataPlotView::onComboIndexChanged(int index) {
    setFeature(index);
}

void DataPlotView::onReset() {
    m_feature = 0;
    refresh();
}

void DataPlotView::onColumnsAboutToBeInserted(int first, int last) {
    // Keep showing the same feature as columns shift.
    if (m_feature >= first)
        m_feature += last - first + 1;
}

void DataPlotView::onColumnsAboutToBeRemoved(int first, int last) {
    if (m_feature > last)
        m_feature -= last - first + 1;
    else if (m_feature >= first)
        m_feature = first; // the feature that moves into its place (clamped in syncFeatureCombo)
}

void DataPlotView::syncFeatureCombo() {
    const std::vector<std::string>& names = document()->dataset().featureNames();
    const int count = int(names.size());
    m_feature = count == 0 ? -1 : std::clamp(m_feature, 0, count - 1);

    QStringList items;
    for (const std::string& name : names)
        items.append(QString::fromStdString(name));
    bool same = m_combo->count() == count;
    for (int i = 0; same && i < count; ++i)
        same = m_combo->itemText(i) == items.at(i);

    // The combo mirrors the document; its own signal is for the user's choices only.
    const QSignalBlocker blocker(m_combo);
    if (!same) {
        m_combo->clear();
        m_combo->addItems(items);
    }
    m_combo->setCurrentIndex(m_feature);
    m_combo->setEnabled(count > 0);
}

bool DataPlotView::rowPoint(int row, QPointF* point) const {
    const linlab::Dataset& data = document()->dataset();
    if (m_feature < 0 || arma::uword(m_feature) >= data.featureCount() || row < 0 ||
        arma::uword(row) >= data.rowCount())
        return false;
    *point = QPointF(data.features()(row, m_feature), data.labels()(row));
    return true;
}

QString DataPlotView::rowDetails(int row) const {
    const linlab::Dataset& data = document()->dataset();
    if (row < 0 || arma::uword(row) >= data.rowCount())
        return QString();
    QStringList parts;
    if (m_feature >= 0 && arma::uword(m_feature) < data.featureCount())
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(data.featureNames()[m_feature]),
                                             NumberText::brief(data.features()(row, m_feature)));
    parts << QStringLiteral("%1 %2").arg(QString::fromStdString(data.labelName()),
                                         NumberText::brief(data.labels()(row)));
    if (hasPredictions())
        parts
            << tr("predicted %1").arg(NumberText::brief(document()->prediction(arma::uword(row))));
    return parts.join(QStringLiteral(", "));
}

void DataPlotView::rebuild() {
    syncFeatureCombo();
    const linlab::Dataset& data = document()->dataset();
    const QString label = QString::fromStdString(data.labelName());
    m_comboLabel->setText(tr("%1 vs").arg(label));
    constexpr double inf = std::numeric_limits<double>::infinity();

    if (m_feature < 0) {
        // Nothing to put on the x axis: an empty frame and a note.
        updatePoints(pointsName());
        m_residuals->setData(QVector<double>(), QVector<double>());
        m_model->data()->clear();
        setAxisTitles(tr("(no feature)"), label);
        setRanges(paddedRange(inf, -inf), paddedRange(inf, -inf));
        setMessage(tr("No feature columns.\nAdd a feature to plot %1 against it.").arg(label));
        return;
    }

    setAxisTitles(QString::fromStdString(data.featureNames()[m_feature]), label);
    updatePoints(pointsName());
    m_xLo = m_yLo = inf;
    m_xHi = m_yHi = -inf;
    const QSharedPointer<QCPGraphDataContainer> points = pointsGraph()->data();
    for (auto it = points->constBegin(); it != points->constEnd(); ++it) {
        include(it->key, m_xLo, m_xHi);
        include(it->value, m_yLo, m_yHi);
    }
    updateModelParts();
    setMessage(pointCount() > 0 ? QString() : emptyMessage());
}

bool DataPlotView::rebuildModel() {
    // The points are data: a new model moves only the line (and the segments, when drawn).
    if (m_feature < 0 || pointCount() == 0 || !hasPredictions()) {
        rebuild();
        return false;
    }
    const QCPRange x = plot()->xAxis->range();
    const QCPRange y = plot()->yAxis->range();
    updateModelParts(true);
    // Drawn segments sit under the points, off the model layer: those few thousand need a replot.
    return plot()->xAxis->range() == x && plot()->yAxis->range() == y && !m_residuals->visible();
}

void DataPlotView::updateModelParts(bool sticky) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    // Past a few thousand points the segments are a blur that costs a third of a replot: the
    // residual plot beside this one shows them better. Hidden, they do not stretch the y axis
    // either, so a slider tick leaves the axes (and the layers under the line) alone.
    const bool segments = pointCount() <= kMaxResidualSegments;
    double yLo = m_yLo, yHi = m_yHi;

    // Residual segments in the points' (sorted) order; a row without a drawable prediction gets
    // a zero-length segment, which draws nothing.
    const bool predictions = hasPredictions();
    const QSharedPointer<QCPGraphDataContainer> points = pointsGraph()->data();
    QVector<double> below, above;
    if (segments) {
        below.reserve(points->size());
        above.reserve(points->size());
        int i = 0;
        for (auto it = points->constBegin(); it != points->constEnd(); ++it, ++i) {
            double up = 0, down = 0;
            const double p =
                predictions ? document()->prediction(arma::uword(drawnRows().at(i))) : inf;
            if (isPlottable(p)) {
                include(p, yLo, yHi);
                (p > it->value ? up : down) = std::abs(p - it->value);
            }
            below.append(down);
            above.append(up);
        }
    }
    m_residuals->setData(below, above);
    m_residuals->setVisible(segments);
    if (!segments)
        m_residuals->removeFromLegend();
    else if (!plot()->legend->hasItemWithPlottable(m_residuals))
        m_residuals->addToLegend();
    // Start segments at the marker's edge rather than its centre; fade them in a dense cloud.
    m_residuals->setSymbolGap(pointsGraph()->scatterStyle().size());
    QColor segment = residualColor();
    segment.setAlpha(isDense() ? 110 : 255);
    m_residuals->setPen(QPen(segment, isDense() ? 1.0 : 1.2));
    // Thousands of faint segments look the same without antialiasing, at a fraction of the cost.
    m_residuals->setAntialiased(!isDense());

    // The model's line across the visible x range.
    const QCPRange xRange = paddedRange(m_xLo, m_xHi);
    m_model->data()->clear();
    if (pointCount() > 0 && analysisIsCurrent()) {
        arma::vec ys;
        try {
            ys = document()->analysis().partialPrediction(
                document()->model(), arma::uword(m_feature), arma::vec{xRange.lower, xRange.upper});
        } catch (const std::exception&) {
            ys.reset(); // a stale analysis mid-edit; the next signal redraws
        }
        if (ys.n_elem == 2 && isPlottable(ys(0)) && isPlottable(ys(1))) {
            m_model->setData(QVector<double>{xRange.lower, xRange.upper},
                             QVector<double>{ys(0), ys(1)}, true);
            include(ys(0), yLo, yHi);
            include(ys(1), yLo, yHi);
        }
    }
    const QCPRange yRange = paddedRange(yLo, yHi);
    setRanges(xRange, shownRange(plot()->yAxis->range(), yRange, sticky));
}
