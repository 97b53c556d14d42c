#include "ui/plots/PlotView.h"

#include "ui/common/Teardown.h"
#include "ui/plots/DenseScatter.h"
#include "ui/plots/StableOrder.h"
#include "ui/plots/TestPoints.h"

#include "app/document/Document.h"
#include "ui/common/NumberText.h"

#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace {

/// One plotted row, kept together while sorting by x (QCPGraph stores its data sorted by key).
struct RowPoint {
    double x;
    double y;
    int row;
};

/// Sorts by x, keeping row order among equal x so the drawing is deterministic.
void sortByX(QVector<RowPoint>& points) {
    std::stable_sort(points.begin(), points.end(),
                     [](const RowPoint& a, const RowPoint& b) { return a.x < b.x; });
}

/// Fills `graph` with already sorted points (no re-sort) and returns their rows in the same order.
QVector<int> setGraphPoints(QCPGraph* graph, const QVector<RowPoint>& points) {
    QVector<QCPGraphData> data;
    QVector<int> rows;
    data.reserve(points.size());
    rows.reserve(points.size());
    for (const RowPoint& p : points) {
        data.append(QCPGraphData(p.x, p.y));
        rows.append(p.row);
    }
    graph->data()->set(data, true);
    return rows;
}

/// How far a press may move before its release stops counting as a click.
constexpr int kClickSlop = 4;

} // namespace

PlotView::PlotView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_layout(new QVBoxLayout(this))
    , m_plot(new QCustomPlot(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_layout->addWidget(m_plot, 1);
    m_plot->setMinimumSize(240, 180);
    // Tooltips follow the cursor, so moves must arrive without a button held.
    m_plot->setMouseTracking(true);

    stylePlot(m_plot);
    m_plot->setAntialiasedElements(m_plot->antialiasedElements() | QCP::aeFills);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    // Room on the sides without axes, so edge points and the last tick label are not cramped.
    m_plot->axisRect()->setMinimumMargins(QMargins(12, 14, 22, 12));

    // Layers, bottom to top: grid, modelBelow (moving, drawn under the data: residual segments
    // would otherwise hide a dense cloud), main (static data), model (moving), highlight.
    // Only the model layer is buffered: it gets its own paint buffer and a slider tick that leaves
    // the axes alone redraws just that. Every buffer is blended into the widget on each paint, so
    // the others share two: [background .. main] and [highlight .. overlay].
    m_plot->addLayer(QStringLiteral("modelBelow"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limBelow);
    m_modelBelowLayer = m_plot->layer(QStringLiteral("modelBelow"));
    m_plot->addLayer(QStringLiteral("model"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    m_modelLayer = m_plot->layer(QStringLiteral("model"));
    m_modelLayer->setMode(QCPLayer::lmBuffered);
    m_plot->addLayer(QStringLiteral("highlight"), m_modelLayer, QCustomPlot::limAbove);
    m_highlightLayer = m_plot->layer(QStringLiteral("highlight"));
    m_plot->layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);

    m_points = m_plot->addGraph();
    m_points->setLayer(m_plot->layer(QStringLiteral("main")));
    m_points->setLineStyle(QCPGraph::lsNone);
    m_points->setPen(QPen(pointColor()));
    m_points->setName(pointsName());

    m_highlight = m_plot->addGraph();
    m_highlight->setLayer(m_highlightLayer);
    m_highlight->setLineStyle(QCPGraph::lsNone);
    m_highlight->setPen(QPen(highlightColor()));
    m_highlight->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                 QPen(highlightColor().darker(140), 1.5),
                                                 QBrush(highlightColor()), 11));
    m_highlight->setName(tr("selected"));
    m_highlight->removeFromLegend();

    m_test = TestPoints::create(m_plot);
    m_flagged = m_plot->addGraph();
    m_flagged->setLineStyle(QCPGraph::lsNone);
    m_flagged->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(flaggedColor(), 1.6), Qt::NoBrush, 12));
    m_flagged->setName(tr("flagged rows"));
    m_flagged->removeFromLegend();

    m_message = new QCPItemText(m_plot);
    m_message->setLayer(QStringLiteral("legend"));
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setAxisRect(m_plot->axisRect());
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setTextAlignment(Qt::AlignCenter);
    const QFont textFont = m_plot->legend->font(); // the text size stylePlot chose
    QFont messageFont = textFont;
    messageFont.setPointSizeF(textFont.pointSizeF() > 0 ? textFont.pointSizeF() * 1.2 : 11);
    m_message->setFont(messageFont);
    m_message->setColor(QColor(110, 110, 110));
    m_message->setVisible(false);

    // The document recomputes everything before it signals, and every data, transform or model
    // change ends with evaluationChanged: one rebuild per change. Renames only touch headers.
    connect(m_document, &Document::analysisChanged, this, &PlotView::onAnalysisChanged);
    connect(m_document, &Document::evaluationChanged, this, &PlotView::onEvaluationChanged);
    connect(m_document, &Document::headersChanged, this, &PlotView::refresh);
    connect(m_document, &Document::fitSettingsChanged, this, [this] {
        if (TestPoints::splitChanged(m_test, m_document->fitSettings()))
            refresh(); // other test rows; an alpha tick leaves them (and its model redraws)
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, &PlotView::onMouseMove);
    connect(m_plot, &QCustomPlot::mousePress, this, &PlotView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &PlotView::onMouseRelease);
    // rebuild() is pure virtual here: each subclass calls refresh() at the end of its constructor.
}

PlotView::~PlotView() {
    silenceChildren(this);
}

QString PlotView::message() const {
    return m_message->visible() ? m_message->text() : QString();
}

bool PlotView::isPlottable(double value) {
    return std::isfinite(value) && std::abs(value) <= kLargestPlottable;
}

void PlotView::stylePlot(QCustomPlot* plot) {
    // White, antialiased data, a light grid, readable text: one look for every plot.
    plot->setBackground(QBrush(Qt::white));
    plot->setAntialiasedElements(QCP::aePlottables | QCP::aeScatters | QCP::aeItems |
                                 QCP::aeLegendItems);
    plot->setNotAntialiasedElements(QCP::aeGrid);
    QFont textFont = plot->font();
    if (textFont.pointSizeF() > 0 && textFont.pointSizeF() < 9)
        textFont.setPointSizeF(9);
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        axis->setLabelFont(textFont);
        axis->setTickLabelFont(textFont);
        axis->setLabelColor(QColor(60, 60, 60));
        axis->setTickLabelColor(QColor(60, 60, 60));
        axis->setBasePen(QPen(QColor(120, 120, 120)));
        axis->setTickPen(QPen(QColor(120, 120, 120)));
        axis->setSubTickPen(QPen(QColor(150, 150, 150)));
        axis->grid()->setPen(QPen(QColor(228, 228, 228), 0, Qt::SolidLine));
    }
    plot->legend->setFont(textFont);
    plot->legend->setBrush(QBrush(QColor(255, 255, 255, 225)));
    plot->legend->setBorderPen(QPen(QColor(200, 200, 200)));
}

void PlotView::include(double value, double& lo, double& hi) {
    if (!isPlottable(value))
        return;
    lo = std::min(lo, value);
    hi = std::max(hi, value);
}

bool PlotView::isOneValue(double lo, double hi) {
    const double span = hi - lo;
    return span <= std::max(std::abs(lo), std::abs(hi)) * 1e-9 || span <= 1e-150;
}

QCPRange PlotView::paddedRange(double lo, double hi) {
    if (!isPlottable(lo) || !isPlottable(hi) || lo > hi)
        return QCPRange(0, 1);
    const double scale = std::max(std::abs(lo), std::abs(hi));
    // One value (or values closer than the axis can label): centre a small range on it.
    if (isOneValue(lo, hi)) {
        const double mid = lo / 2 + hi / 2;
        const double half = scale > 1e-100 ? scale * 0.05 : 0.5;
        return QCPRange(mid - half, mid + half);
    }
    const double pad = 0.05 * (hi - lo);
    return QCPRange(lo - pad, hi + pad);
}

QCPRange PlotView::stickyRange(const QCPRange& current, const QCPRange& wanted) {
    if (wanted.lower >= current.lower && wanted.upper <= current.upper &&
        wanted.size() >= 0.5 * current.size())
        return current;
    return withRoom(wanted);
}

QCPRange PlotView::withRoom(const QCPRange& wanted) {
    const double room = 0.1 * wanted.size();
    const QCPRange wider(wanted.lower - room, wanted.upper + room);
    // Only ranges QCustomPlot accepts: fall back to the exact one if the room overflows.
    return isPlottable(wider.lower) && isPlottable(wider.upper) ? wider : wanted;
}

QCPRange PlotView::shownRange(const QCPRange& current, const QCPRange& wanted, bool tick) const {
    // Only dense plots: there each change of axes costs a replot of every point.
    if (!isDense())
        return wanted;
    return tick ? stickyRange(current, wanted) : withRoom(wanted);
}

void PlotView::setSelectedRows(const QList<int>& rows) {
    m_selectedRows = rows;
    updateHighlight();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotView::refresh() {
    m_dataChanged = false; // everything is rebuilt from the document as it is now
    rebuild();
    // Queued: a burst of document signals (a slider drag) becomes one replot per frame.
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotView::onAnalysisChanged() {
    if (!followsDocument())
        return;
    m_dataChanged = true; // the evaluationChanged that always follows rebuilds everything
}

void PlotView::onEvaluationChanged() {
    if (!followsDocument())
        return;
    if (m_dataChanged) {
        refresh();
        return;
    }
    if (rebuildModel()) {
        // Grid, axes, legend and the data points are as they were: redraw what moves, on its own.
        if (!m_layerReplotQueued) {
            m_layerReplotQueued = true;
            QMetaObject::invokeMethod(this, &PlotView::replotModelLayers, Qt::QueuedConnection);
        }
    } else {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

bool PlotView::rebuildModel() {
    rebuild();
    return false;
}

void PlotView::replotModelLayers() {
    m_layerReplotQueued = false;
    // QCPLayer::replot() redraws one buffered layer and schedules a repaint (or, with buffers
    // invalidated by a resize, replots everything).
    m_modelLayer->replot();
    emit layersReplotted();
}

void PlotView::updatePoints(const QString& name) {
    const int n = int(m_document->dataset().rowCount());
    // Every k-th row, k the smallest step that keeps the count within linlab::kMaxDisplayRows: the
    // rows whose predictions the document keeps at hand.
    m_sampleStep = int(m_document->displayStep());

    QVector<RowPoint> points;
    points.reserve(n / m_sampleStep + 1);
    QPointF p;
    for (int row = 0; row < n; row += m_sampleStep)
        if (rowPoint(row, &p) && isPlottable(p.x()) && isPlottable(p.y()))
            points.append({p.x(), p.y(), row});

    // Sorted by x (rows in order among equal x, so drawing is deterministic); the order of the
    // last call is reused when the x values are the same.
    bool sameX = points.size() == m_sortedX.size();
    for (qsizetype i = 0; sameX && i < points.size(); ++i)
        sameX = points[i].x == m_sortedX[i];
    if (!sameX) {
        m_sortedX.resize(points.size());
        for (qsizetype i = 0; i < points.size(); ++i)
            m_sortedX[i] = points[i].x;
        StableOrder::of(m_sortedX, m_sortOrder); // equal x keep row order
    }
    // Straight into the graph's data, in x order.
    QVector<QCPGraphData> data;
    data.reserve(points.size());
    m_drawnRows.resize(points.size());
    for (qsizetype i = 0; i < m_sortOrder.size(); ++i) {
        const RowPoint& point = points[m_sortOrder[i]];
        data.append(QCPGraphData(point.x, point.y));
        m_drawnRows[i] = point.row;
    }
    m_points->data()->set(data, true);
    // QCustomPlot's sampling (what keeps a dense frame fast) collapses points that share one x
    // into a dot or two: on a file just opened every prediction is 0, and the residual plot would
    // show nothing of its rows. With one x value, every (sampled) row is drawn.
    const bool oneX = data.isEmpty() || isOneValue(data.front().key, data.back().key);
    m_points->setAdaptiveSampling(!oneX);

    const QString shown = m_document->fitSetup().hasSplit() ? tr("train") : name;
    m_points->setName(m_sampleStep > 1 ? tr("%1 (1 in %2 shown)").arg(shown).arg(m_sampleStep)
                                       : shown);
    const bool dense = isDense();
    QColor fill = pointColor();
    fill.setAlpha(dense ? 110 : 170);
    DenseScatter::apply(m_points,
                        QCPScatterStyle(QCPScatterStyle::ssCircle,
                                        QPen(pointColor(), dense ? 0.8 : 1.2), QBrush(fill),
                                        dense ? 4 : 7),
                        dense);
    m_testRows =
        TestPoints::update(m_test, m_points, m_drawnRows, m_document->fitSetup().testMask(), dense);
    updateHighlight();
    updateFlagged();
}

bool PlotView::isDense() const {
    return pointCount() > kDenseThreshold;
}

void PlotView::updateHighlight() {
    const int n = int(m_document->dataset().rowCount());
    QList<int> rows = m_selectedRows;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());

    // Selected rows are shown even when sampling skipped them.
    QVector<RowPoint> points;
    QPointF p;
    for (int row : rows)
        if (row >= 0 && row < n && rowPoint(row, &p) && isPlottable(p.x()) && isPlottable(p.y()))
            points.append({p.x(), p.y(), row});
    sortByX(points);
    m_highlightRows = setGraphPoints(m_highlight, points);
    if (points.isEmpty())
        m_highlight->removeFromLegend();
    else if (!m_plot->legend->hasItemWithPlottable(m_highlight))
        m_highlight->addToLegend();
}

void PlotView::setFlaggedRows(const QVector<int>& rows) {
    QVector<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    if (sorted == m_flaggedRows)
        return;
    m_flaggedRows = sorted;
    updateFlagged();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotView::updateFlagged() {
    const int n = int(m_document->dataset().rowCount());
    QVector<RowPoint> points;
    QPointF p;
    for (int row : m_flaggedRows)
        if (row >= 0 && row < n && rowPoint(row, &p) && isPlottable(p.x()) && isPlottable(p.y()))
            points.append({p.x(), p.y(), row});
    sortByX(points);
    m_ringedRows = setGraphPoints(m_flagged, points);
    // On the points' layer: where they move with the model, the rings move with them. (Moving a
    // graph invalidates the layer's buffer, so only when it changed.)
    if (m_flagged->layer() != m_points->layer())
        m_flagged->setLayer(m_points->layer());
    if (points.isEmpty())
        m_flagged->removeFromLegend();
    else if (!m_plot->legend->hasItemWithPlottable(m_flagged))
        m_flagged->addToLegend();
}

void PlotView::setRanges(const QCPRange& x, const QCPRange& y) {
    if (m_dragging)
        return; // a point under the mouse: axes that moved would pull it away
    m_plot->xAxis->setRange(x);
    m_plot->yAxis->setRange(y);
}

void PlotView::setAxisTitles(const QString& x, const QString& y) {
    m_plot->xAxis->setLabel(x);
    m_plot->yAxis->setLabel(y);
    m_plot->setAccessibleName(tr("Plot of %1 against %2").arg(y, x));
}

void PlotView::setMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    // An empty frame: no legend, and no tick labels pretending there is a scale.
    m_plot->legend->setVisible(text.isEmpty());
    m_plot->xAxis->setTickLabels(text.isEmpty());
    m_plot->yAxis->setTickLabels(text.isEmpty());
}

bool PlotView::hasPredictions() const {
    return m_document->hasPredictions();
}

bool PlotView::analysisIsCurrent() const {
    const linlab::Dataset& d = m_document->dataset();
    const linlab::Analysis& a = m_document->analysis();
    return a.labels().n_elem == d.rowCount() && a.features().n_cols == d.featureCount() &&
           m_document->model().weights().n_elem == d.featureCount();
}

QString PlotView::pointsName() {
    return tr("samples");
}

QString PlotView::labelPredictionDetails(int row) const {
    const linlab::Dataset& data = m_document->dataset();
    if (row < 0 || arma::uword(row) >= data.rowCount())
        return QString();
    QString text = QStringLiteral("%1 %2").arg(QString::fromStdString(data.labelName()),
                                               NumberText::brief(data.labels()(row)));
    if (hasPredictions())
        text += tr(", predicted %1, residual %2")
                    .arg(NumberText::brief(m_document->prediction(arma::uword(row))),
                         NumberText::brief(m_document->residual(arma::uword(row))));
    return text;
}

QString PlotView::emptyMessage() const {
    if (m_document->dataset().rowCount() == 0)
        return tr("No rows to plot");
    return tr("No finite values to plot");
}

QCPGraph* PlotView::addLineGraph(const QString& name, const QPen& pen, QCPLayer* layer) {
    QCPGraph* graph = m_plot->addGraph();
    graph->setLayer(layer);
    graph->setName(name);
    graph->setPen(pen);
    graph->setLineStyle(QCPGraph::lsLine);
    graph->setAdaptiveSampling(false); // two points: nothing to sample
    return graph;
}

int PlotView::rowAtPixel(const QPointF& pixel) const {
    const QCPAxis* x = m_plot->xAxis;
    const QCPAxis* y = m_plot->yAxis;
    double best = kHitRadius * kHitRadius;
    int bestRow = -1;
    // Points are sorted by x: only those within the radius horizontally need a look.
    const double k1 = x->pixelToCoord(pixel.x() - kHitRadius);
    const double k2 = x->pixelToCoord(pixel.x() + kHitRadius);
    const auto scan = [&](const QCPGraph* graph, const QVector<int>& rows) {
        const QSharedPointer<QCPGraphDataContainer> data = graph->data();
        if (data->isEmpty() || data->size() != rows.size())
            return;
        auto it = data->findBegin(std::min(k1, k2), false);
        const auto end = data->findEnd(std::max(k1, k2), false);
        for (; it != end; ++it) {
            const double dx = x->coordToPixel(it->key) - pixel.x();
            const double dy = y->coordToPixel(it->value) - pixel.y();
            const double d2 = dx * dx + dy * dy;
            if (d2 <= best) {
                best = d2;
                bestRow = rows.at(int(it - data->constBegin()));
            }
        }
    };
    scan(m_points, m_drawnRows);
    scan(m_highlight, m_highlightRows); // on top, so it wins ties
    return bestRow;
}

QString PlotView::toolTipForRow(int row) const {
    // Numbered as the table numbers it: a typed table also shows the rows left out.
    return tr("Row %1 \u2014 %2").arg(m_document->tableRow(row) + 1).arg(rowDetails(row));
}

QVector<QPair<int, double>> PlotView::dragCells(int, const QPointF&) const {
    return {};
}

void PlotView::onMouseMove(QMouseEvent* event) {
    if (m_pressed && m_dragRow >= 0 && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (event->position() - m_pressPos).manhattanLength() <= kClickSlop)
            return;
        const QPointF coords(m_plot->xAxis->pixelToCoord(event->position().x()),
                             m_plot->yAxis->pixelToCoord(event->position().y()));
        const QVector<QPair<int, double>> cells = dragCells(m_dragRow, coords);
        if (cells.isEmpty())
            return;
        m_dragging = true; // the axes hold still until the release (see setRanges)
        m_dragCells = cells;
        QToolTip::hideText();
        emit pointDragged(m_dragRow, cells, false);
        return;
    }
    const int row = rowAtPixel(event->position());
    if (row < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), toolTipForRow(row), m_plot);
}

void PlotView::onMousePress(QMouseEvent* event) {
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPos = event->position();
    m_dragRow = m_pressed ? rowAtPixel(m_pressPos) : -1;
    m_dragging = false;
}

void PlotView::onMouseRelease(QMouseEvent* event) {
    // A click is a left press and release in (nearly) the same place; drags are not clicks.
    if (!m_pressed || event->button() != Qt::LeftButton)
        return;
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        emit pointDragged(m_dragRow, m_dragCells, true);
        refresh(); // the axes may follow the data again
        return;
    }
    if ((event->position() - m_pressPos).manhattanLength() > kClickSlop)
        return;
    const int row = rowAtPixel(event->position());
    if (row >= 0)
        emit rowClicked(row, event->modifiers().testFlag(Qt::ControlModifier));
}

QColor PlotView::pointColor() {
    return QColor(0x1f, 0x77, 0xb4);
}
QColor PlotView::modelColor() {
    return QColor(0xd6, 0x27, 0x28);
}
QColor PlotView::residualColor() {
    return QColor(0xbb, 0xbb, 0xbb);
}
QColor PlotView::referenceColor() {
    return QColor(0x7f, 0x7f, 0x7f);
}
QColor PlotView::flaggedColor() {
    return QColor(220, 110, 0);
}

QColor PlotView::highlightColor() {
    return QColor(0xff, 0x7f, 0x0e);
}

QPen PlotView::referencePen() {
    QPen pen(referenceColor(), 1.2, Qt::DashLine);
    return pen;
}
