#include "ui/plots/DataPlotView.h"

#include "app/document/Document.h"
#include "app/document/DragPointCommand.h"
#include "model/data/Column.h"
#include "model/data/DateValue.h"
#include "ui/common/NumberText.h"
#include "ui/plots/DenseScatter.h"
#include "ui/plots/PlotTickers.h"
#include "ui/plots/TypedColumns.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

DataPlotView::DataPlotView(Document* document, QWidget* parent)
    : PlotView(document, parent)
    , m_comboLabel(new QLabel(this))
    , m_combo(new QComboBox(this))
    , m_colourLabel(new QLabel(tr("Colour by"), this))
    , m_colourCombo(new QComboBox(this))
    , m_levels(plot(), plot()->layer(QStringLiteral("main"))) {
    auto* header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 6, 0);
    m_comboLabel->setBuddy(m_combo);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setToolTip(tr("The feature on the x axis"));
    m_colourLabel->setBuddy(m_colourCombo);
    m_colourCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_colourCombo->setToolTip(tr("Draw each level of a categorical column in its own colour"));
    header->addWidget(m_comboLabel);
    header->addWidget(m_combo);
    header->addSpacing(12);
    header->addWidget(m_colourLabel);
    header->addWidget(m_colourCombo);
    header->addStretch(1);
    mainLayout()->insertLayout(0, header);
    m_colourLabel->hide(); // shown for a typed table with categorical columns
    m_colourCombo->hide();
    m_plainTicker = plot()->xAxis->ticker();
    m_plainZeroLine = plot()->xAxis->grid()->zeroLinePen();

    // Residual segments: error bars on the points graph, one per point, from y_i to prediction_i.
    // A single plottable draws ~20k segments quickly and keeps index i aligned with the points.
    m_residuals = new QCPErrorBars(plot()->xAxis, plot()->yAxis);
    m_residuals->setLayer(modelBelowLayer());
    m_residuals->setErrorType(QCPErrorBars::etValueError);
    m_residuals->setDataPlottable(pointsGraph());
    m_residuals->setWhiskerWidth(0);
    m_residuals->setName(tr("residuals"));

    m_model = addLineGraph(tr("model (others at mean)"), QPen(modelColor(), 2), modelLayer());
    // Each level's mean prediction: a bar across its group (key errors on points at the means).
    m_means = addLineGraph(tr("mean prediction"), QPen(Qt::NoPen), modelLayer());
    m_means->setLineStyle(QCPGraph::lsNone);
    m_means->removeFromLegend();
    m_meanBars = new QCPErrorBars(plot()->xAxis, plot()->yAxis);
    m_meanBars->setLayer(modelLayer());
    m_meanBars->setErrorType(QCPErrorBars::etKeyError);
    m_meanBars->setDataPlottable(m_means);
    m_meanBars->setWhiskerWidth(0);
    m_meanBars->setSymbolGap(0);
    QPen meanPen(modelColor(), 3);
    meanPen.setCapStyle(Qt::FlatCap);
    m_meanBars->setPen(meanPen);
    m_meanBars->setName(tr("mean prediction"));
    m_meanBars->removeFromLegend();

    connect(document, &Document::columnsAboutToBeInserted, this,
            &DataPlotView::onColumnsAboutToBeInserted);
    connect(document, &Document::columnsAboutToBeRemoved, this,
            &DataPlotView::onColumnsAboutToBeRemoved);
    // A new document starts on its first feature. (PlotView's own refresh on resetDone ran first.)
    connect(document, &Document::resetDone, this, &DataPlotView::onReset);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &DataPlotView::onComboIndexChanged);
    connect(m_colourCombo, &QComboBox::currentIndexChanged, this,
            &DataPlotView::onColourIndexChanged);
    refresh();
}

DataPlotView::~DataPlotView() = default;

void DataPlotView::setFeature(int column) {
    if (column < 0 || column >= int(document()->dataset().featureCount()) ||
        (column == m_feature && m_xCategory.empty()))
        return;
    m_feature = column;
    m_xCategory.clear();
    refresh();
    emit xChanged();
}

void DataPlotView::setXCategory(const QString& name) {
    const std::string column = name.toStdString();
    if (column == m_xCategory || TypedColumns::categoricalIndex(*document(), column) < 0)
        return;
    m_xCategory = column;
    refresh();
    emit xChanged();
}

void DataPlotView::setColourColumn(const QString& name) {
    std::string column = name.toStdString();
    if (TypedColumns::categoricalIndex(*document(), column) < 0)
        column.clear();
    if (column == m_colourBy)
        return;
    m_colourBy = column;
    refresh();
}

void DataPlotView::onComboIndexChanged(int index) {
    // Features carry their index, categorical columns their name (the separator nothing).
    const QVariant choice = m_combo->itemData(index);
    if (choice.typeId() == QMetaType::QString)
        setXCategory(choice.toString());
    else if (choice.isValid())
        setFeature(choice.toInt());
}

void DataPlotView::onColourIndexChanged(int index) {
    setColourColumn(m_colourCombo->itemData(index).toString());
}

void DataPlotView::onReset() {
    m_feature = 0;
    m_xCategory.clear();
    m_colourBy.clear();
    refresh();
    emit xChanged();
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
    const std::vector<std::string> categories = TypedColumns::categoricalNames(*document());
    m_xColumn = TypedColumns::categoricalIndex(*document(), m_xCategory);
    if (m_xColumn < 0)
        m_xCategory.clear();

    // The features, then (after a separator) a typed table's categorical columns.
    QStringList items;
    for (const std::string& name : names)
        items.append(QString::fromStdString(name));
    const int firstCategory = categories.empty() ? count : count + 1;
    const int total = firstCategory + int(categories.size());
    bool same = m_combo->count() == total;
    for (int i = 0; same && i < count; ++i)
        same = m_combo->itemText(i) == items.at(i);
    for (int i = 0; same && i < int(categories.size()); ++i)
        same = m_combo->itemData(firstCategory + i).toString() ==
               QString::fromStdString(categories[std::size_t(i)]);

    // The combo mirrors the document; its own signal is for the user's choices only.
    const QSignalBlocker blocker(m_combo);
    if (!same) {
        m_combo->clear();
        for (int i = 0; i < count; ++i)
            m_combo->addItem(items.at(i), i);
        if (!categories.empty())
            m_combo->insertSeparator(count);
        for (const std::string& name : categories)
            m_combo->addItem(QString::fromStdString(name), QString::fromStdString(name));
    }
    int current = m_feature;
    if (m_xColumn >= 0)
        current = firstCategory + int(std::find(categories.begin(), categories.end(), m_xCategory) -
                                      categories.begin());
    m_combo->setCurrentIndex(current);
    m_combo->setEnabled(total > 0);
}

void DataPlotView::syncColourCombo() {
    const std::vector<std::string> categories = TypedColumns::categoricalNames(*document());
    m_colourColumn = TypedColumns::categoricalIndex(*document(), m_colourBy);
    if (m_colourColumn < 0)
        m_colourBy.clear();
    bool same = m_colourCombo->count() == int(categories.size()) + 1;
    for (int i = 0; same && i < int(categories.size()); ++i)
        same = m_colourCombo->itemData(i + 1).toString() ==
               QString::fromStdString(categories[std::size_t(i)]);

    const QSignalBlocker blocker(m_colourCombo);
    if (!same) {
        m_colourCombo->clear();
        m_colourCombo->addItem(tr("none"), QString());
        for (const std::string& name : categories)
            m_colourCombo->addItem(QString::fromStdString(name), QString::fromStdString(name));
    }
    m_colourCombo->setCurrentIndex(
        m_colourColumn < 0 ? 0
                           : 1 + int(std::find(categories.begin(), categories.end(), m_colourBy) -
                                     categories.begin()));
    m_colourLabel->setVisible(!categories.empty());
    m_colourCombo->setVisible(!categories.empty());
}

bool DataPlotView::rowPoint(int row, QPointF* point) const {
    const linlab::Dataset& data = document()->dataset();
    if (row < 0 || arma::uword(row) >= data.rowCount())
        return false;
    if (const linlab::Column* category = TypedColumns::categoricalColumn(*document(), m_xColumn)) {
        // Level k's points spread around x = k; points without a level after the last level.
        const int level = TypedColumns::levelOfRow(*document(), *category, row);
        const int group = level == TypedColumns::kMissing ? int(category->levels().size()) : level;
        *point =
            QPointF(group + PlotTickers::jitter(document()->tableRow(row)), data.labels()(row));
        return true;
    }
    if (m_feature < 0 || arma::uword(m_feature) >= data.featureCount())
        return false;
    *point = QPointF(data.features()(row, m_feature) * m_xScale, data.labels()(row));
    return true;
}

QVector<QPair<int, double>> DataPlotView::dragCells(int row, const QPointF& coords) const {
    const linlab::Dataset& data = document()->dataset();
    QVector<QPair<int, double>> cells;
    if (row < 0 || arma::uword(row) >= data.rowCount())
        return cells;
    // Across: the feature on x (not a category's jittered group); up and down: the label.
    const bool categoryOnX = TypedColumns::categoricalColumn(*document(), m_xColumn) != nullptr;
    if (!categoryOnX && m_feature >= 0 && DragPointCommand::canDrag(document(), m_feature) &&
        m_xScale != 0 && isPlottable(coords.x()))
        cells.append({m_feature, coords.x() / m_xScale});
    if (DragPointCommand::canDrag(document(), int(data.featureCount())) && isPlottable(coords.y()))
        cells.append({int(data.featureCount()), coords.y()});
    return cells;
}

QString DataPlotView::rowDetails(int row) const {
    const linlab::Dataset& data = document()->dataset();
    if (row < 0 || arma::uword(row) >= data.rowCount())
        return QString();
    QStringList parts;
    const auto levelPart = [&](const linlab::Column& column) {
        const int level = TypedColumns::levelOfRow(*document(), column, row);
        return QStringLiteral("%1 %2").arg(
            QString::fromStdString(column.name()),
            level == TypedColumns::kMissing
                ? tr("missing")
                : QString::fromStdString(column.levels()[std::size_t(level)]));
    };
    const linlab::Column* category = TypedColumns::categoricalColumn(*document(), m_xColumn);
    if (category) {
        parts << levelPart(*category);
    } else if (m_feature >= 0 && arma::uword(m_feature) < data.featureCount()) {
        const double x = data.features()(row, m_feature);
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(data.featureNames()[m_feature]),
                                             TypedColumns::isDateFeature(*document(), m_feature) &&
                                                     std::isfinite(x)
                                                 ? QString::fromStdString(linlab::formatIsoDate(x))
                                                 : NumberText::brief(x));
    }
    parts << QStringLiteral("%1 %2").arg(QString::fromStdString(data.labelName()),
                                         NumberText::brief(data.labels()(row)));
    if (const linlab::Column* colour = TypedColumns::categoricalColumn(*document(), m_colourColumn);
        colour && colour != category)
        parts << levelPart(*colour);
    if (hasPredictions())
        parts
            << tr("predicted %1").arg(NumberText::brief(document()->prediction(arma::uword(row))));
    return parts.join(QStringLiteral(", "));
}

void DataPlotView::rebuild() {
    syncFeatureCombo();
    syncColourCombo();
    const linlab::Dataset& data = document()->dataset();
    const QString label = QString::fromStdString(data.labelName());
    m_comboLabel->setText(tr("%1 vs").arg(label));
    constexpr double inf = std::numeric_limits<double>::infinity();
    const linlab::Column* category = TypedColumns::categoricalColumn(*document(), m_xColumn);
    m_xScale = !category && TypedColumns::isDateFeature(*document(), m_feature)
                   ? PlotTickers::kSecondsPerDay
                   : 1;

    if (m_feature < 0 && !category) {
        // Nothing to put on the x axis: an empty frame and a note.
        updatePoints(pointsName());
        m_levels.clear();
        m_residuals->setData(QVector<double>(), QVector<double>());
        m_model->data()->clear();
        m_means->data()->clear();
        m_meanBars->data()->clear();
        m_meanBars->removeFromLegend();
        updateXTicker();
        setAxisTitles(tr("(no feature)"), label);
        setRanges(paddedRange(inf, -inf), paddedRange(inf, -inf));
        setMessage(tr("No feature columns.\nAdd a feature to plot %1 against it.").arg(label));
        return;
    }

    setAxisTitles(category ? QString::fromStdString(category->name())
                           : QString::fromStdString(data.featureNames()[m_feature]),
                  label);
    updatePoints(pointsName());
    applyColours();
    m_xLo = m_yLo = inf;
    m_xHi = m_yHi = -inf;
    const QSharedPointer<QCPGraphDataContainer> points = pointsGraph()->data();
    for (auto it = points->constBegin(); it != points->constEnd(); ++it) {
        include(it->key, m_xLo, m_xHi);
        include(it->value, m_yLo, m_yHi);
    }
    if (category) {
        // Every level has its tick, drawn or not; "missing" only when some point has no level.
        const int levels = int(category->levels().size());
        m_groups = levels + (pointCount() > 0 && m_xHi > levels - 0.5 ? 1 : 0);
    }
    updateXTicker();
    updateModelParts();
    orderLegend();
    setMessage(pointCount() > 0 ? QString() : emptyMessage());
}

void DataPlotView::applyColours() {
    const linlab::Column* colour = TypedColumns::categoricalColumn(*document(), m_colourColumn);
    if (!colour) {
        m_levels.clear();
        if (!plot()->legend->hasItemWithPlottable(pointsGraph()))
            pointsGraph()->addToLegend();
        return;
    }
    QVector<int> levelOfPoint;
    levelOfPoint.reserve(pointCount());
    for (int row : drawnRows())
        levelOfPoint.append(TypedColumns::levelOfRow(*document(), *colour, row));
    m_levels.show(*pointsGraph()->data(), levelOfPoint, TypedColumns::levelNames(*colour),
                  isDense());
    // The points graph still maps pixels to rows and carries the segments; drawn, its one colour
    // would cover the levels'.
    DenseScatter::apply(pointsGraph(), QCPScatterStyle(QCPScatterStyle::ssNone), false);
    // Sampled, its entry stays (without a marker) for the "1 in k shown".
    if (sampleStep() == 1)
        pointsGraph()->removeFromLegend();
    else if (!plot()->legend->hasItemWithPlottable(pointsGraph()))
        pointsGraph()->addToLegend();
}

void DataPlotView::updateXTicker() {
    QCPAxis* x = plot()->xAxis;
    if (const linlab::Column* category = TypedColumns::categoricalColumn(*document(), m_xColumn)) {
        QStringList labels = TypedColumns::levelNames(*category);
        if (m_groups > labels.size())
            labels << tr("missing");
        x->setTicker(PlotTickers::levelTicker(labels));
        x->setTickLabelRotation(labels.size() > 8 ? 35 : 0); // many names side by side overlap
        x->grid()->setZeroLinePen(Qt::NoPen);                // x = 0 is the first level, not a zero
        return;
    }
    x->setTickLabelRotation(0);
    x->grid()->setZeroLinePen(m_plainZeroLine);
    if (m_xScale != 1) {
        x->setTicker(PlotTickers::dateTicker(paddedRange(m_xLo, m_xHi).size()));
        return;
    }
    if (x->ticker() != m_plainTicker)
        x->setTicker(m_plainTicker);
}

void DataPlotView::orderLegend() {
    QCPLegend* legend = plot()->legend;
    QVector<QCPAbstractPlottable*> order{pointsGraph()};
    for (QCPGraph* graph : m_levels.graphs())
        order.append(graph);
    order << m_residuals << m_model << m_meanBars << highlightGraph();
    QVector<QCPAbstractPlottable*> shown;
    for (QCPAbstractPlottable* plottable : order)
        if (legend->hasItemWithPlottable(plottable))
            shown.append(plottable);
    bool inOrder = legend->itemCount() == shown.size();
    for (int i = 0; inOrder && i < shown.size(); ++i)
        inOrder = legend->item(i) == legend->itemWithPlottable(shown.at(i));
    if (inOrder)
        return; // the usual case: a rebuild leaves the legend's layout alone
    for (QCPAbstractPlottable* plottable : shown)
        plottable->removeFromLegend();
    for (QCPAbstractPlottable* plottable : shown)
        plottable->addToLegend();
}

bool DataPlotView::rebuildModel() {
    // The points are data: a new model moves only the line (and the segments, when drawn).
    if ((m_feature < 0 && !TypedColumns::categoricalColumn(*document(), m_xColumn)) ||
        pointCount() == 0 || !hasPredictions()) {
        rebuild();
        return false;
    }
    const QCPRange x = plot()->xAxis->range();
    const QCPRange y = plot()->yAxis->range();
    updateModelParts(true);
    // Drawn segments sit under the points, off the model layer: those few thousand need a replot.
    return plot()->xAxis->range() == x && plot()->yAxis->range() == y && !m_residuals->visible();
}

void DataPlotView::updateMeans(double& yLo, double& yHi) {
    m_means->data()->clear();
    m_meanBars->data()->clear();
    if (!TypedColumns::categoricalColumn(*document(), m_xColumn) || !hasPredictions() ||
        m_groups <= 0) {
        m_meanBars->removeFromLegend();
        return;
    }
    std::vector<double> sum(std::size_t(m_groups), 0.0);
    std::vector<int> count(std::size_t(m_groups), 0);
    const QSharedPointer<QCPGraphDataContainer> points = pointsGraph()->data();
    int i = 0;
    for (auto it = points->constBegin(); it != points->constEnd(); ++it, ++i) {
        const double p = document()->prediction(arma::uword(drawnRows().at(i)));
        const long group = std::lround(it->key); // jitter keeps a point within 0.3 of its level
        if (isPlottable(p) && group >= 0 && group < m_groups) {
            sum[std::size_t(group)] += p;
            ++count[std::size_t(group)];
        }
    }
    QVector<double> keys, values;
    for (int g = 0; g < m_groups; ++g) {
        const double mean = count[std::size_t(g)] > 0 ? sum[std::size_t(g)] / count[std::size_t(g)]
                                                      : std::numeric_limits<double>::quiet_NaN();
        if (isPlottable(mean)) {
            keys.append(g);
            values.append(mean);
            include(mean, yLo, yHi);
        }
    }
    m_means->setData(keys, values, true);
    const QVector<double> halfWidth(keys.size(), PlotTickers::kJitter + 0.05);
    m_meanBars->setData(halfWidth, halfWidth);
    if (keys.isEmpty())
        m_meanBars->removeFromLegend();
    else if (!plot()->legend->hasItemWithPlottable(m_meanBars))
        m_meanBars->addToLegend();
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
    m_residuals->setSymbolGap(m_levels.isShown() ? (isDense() ? 4 : 7)
                                                 : pointsGraph()->scatterStyle().size());
    QColor segment = residualColor();
    segment.setAlpha(isDense() ? 110 : 255);
    m_residuals->setPen(QPen(segment, isDense() ? 1.0 : 1.2));
    // Thousands of faint segments look the same without antialiasing, at a fraction of the cost.
    m_residuals->setAntialiased(!isDense());

    m_model->data()->clear();
    if (TypedColumns::categoricalColumn(*document(), m_xColumn)) {
        // No line across levels: each level's mean prediction instead.
        m_model->removeFromLegend();
        updateMeans(yLo, yHi);
        setRanges(QCPRange(-0.5 - PlotTickers::kJitter, m_groups - 0.5 + PlotTickers::kJitter),
                  shownRange(plot()->yAxis->range(), paddedRange(yLo, yHi), sticky));
        return;
    }
    updateMeans(yLo, yHi);
    if (!plot()->legend->hasItemWithPlottable(m_model))
        m_model->addToLegend();

    // The model's line across the visible x range (in the dataset's units: days for a date).
    const QCPRange xRange = paddedRange(m_xLo, m_xHi);
    if (pointCount() > 0 && analysisIsCurrent()) {
        // A line needs its two ends; a curve (x^2, log x ... among the features) 200 points.
        const linlab::PartialCurve* curve = partialCurve();
        const arma::vec xs =
            arma::linspace(xRange.lower, xRange.upper, curve && curve->curved() ? 200 : 2);
        arma::vec ys;
        try {
            ys = curve ? curve->predict(document()->analysis(), document()->model(), xs / m_xScale)
                       : arma::vec();
        } catch (const std::exception&) {
            ys.reset(); // a stale analysis mid-edit; the next signal redraws
        }
        QVector<double> keys, values;
        for (arma::uword i = 0; i < ys.n_elem; ++i)
            if (isPlottable(ys(i))) { // a gap where log x has no value, say
                keys.append(xs(i));
                values.append(ys(i));
                include(ys(i), yLo, yHi);
            }
        if (keys.size() >= 2)
            m_model->setData(keys, values, true);
    }
    const QCPRange yRange = paddedRange(yLo, yHi);
    setRanges(xRange, shownRange(plot()->yAxis->range(), yRange, sticky));
}

const linlab::PartialCurve* DataPlotView::partialCurve() {
    // Parsed again only when the features, the derived list or the feature on x change.
    const std::vector<std::string>& names = document()->dataset().featureNames();
    // Read in place, not copied: this runs on every slider tick (DerivedFeatureCommand::current's
    // list, which only a typed document has).
    static const std::vector<linlab::DerivedSpec> none;
    const std::vector<linlab::DerivedSpec>& derived =
        document()->isTyped() ? document()->source().design.derived : none;
    if (!m_curve || m_curveFeature != m_feature || m_curveNames != names ||
        !(m_curveDerived == derived)) {
        m_curve.reset();
        m_curveFeature = m_feature;
        m_curveNames = names;
        m_curveDerived = derived;
        try {
            m_curve.emplace(names, derived, arma::uword(std::max(m_feature, 0)));
        } catch (const std::exception&) {
            return nullptr; // an expression that does not parse draws no line
        }
    }
    return &*m_curve;
}
