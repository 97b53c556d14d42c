#include "ui/training/LossLandscapeView.h"

#include "ui/common/Teardown.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/MergeIds.h"
#include "model/training/ContourLines.h"
#include "model/training/LandscapeSlice.h"
#include "model/training/LandscapeWindow.h"
#include "model/training/Rounding.h"
#include "ui/common/NumberText.h"
#include "ui/plots/PlotView.h"
#include "ui/training/TrainingSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QSignalBlocker>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

QString subscript(int number) {
    QString digits = QString::number(number);
    for (QChar& c : digits)
        c = QChar(char16_t(0x2080 + (c.unicode() - u'0')));
    return digits;
}

// The arrow down the gradient spans this fraction of the view (its direction is exact, its
// length only says "this way").
constexpr double kArrowFraction = 0.16;

constexpr double kPi = 3.14159265358979323846;

const QColor kPathColor(0xff, 0x7f, 0x0e);
const QColor kPointColor(0xd6, 0x27, 0x28);

} // namespace

// --- Shared drawing helpers ---------------------------------------------------------------------

QCPColorGradient LossLandscapeView::lossGradient() {
    // Viridis: perceptually even, dark where the loss is low, readable in grey.
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    g.setColorStopAt(0.13, QColor(0x48, 0x28, 0x78));
    g.setColorStopAt(0.25, QColor(0x3e, 0x49, 0x89));
    g.setColorStopAt(0.38, QColor(0x31, 0x68, 0x8e));
    g.setColorStopAt(0.5, QColor(0x26, 0x82, 0x8e));
    g.setColorStopAt(0.63, QColor(0x1f, 0x9e, 0x89));
    g.setColorStopAt(0.75, QColor(0x35, 0xb7, 0x79));
    g.setColorStopAt(0.88, QColor(0x6e, 0xce, 0x58));
    g.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    g.setLevelCount(256);
    return g;
}

void LossLandscapeView::fillColorMap(QCPColorMap* map, const LossSurfaceGrid& grid,
                                     bool logarithmic) {
    QCPColorMapData* data = map->data();
    const int nx = int(grid.x.n_elem), ny = int(grid.y.n_elem);
    if (nx < 2 || ny < 2 || grid.values.n_rows != grid.x.n_elem ||
        grid.values.n_cols != grid.y.n_elem) {
        data->clear();
        return;
    }
    data->setSize(nx, ny);
    data->setRange(QCPRange(grid.x(0), grid.x(nx - 1)), QCPRange(grid.y(0), grid.y(ny - 1)));
    const auto [lo, hi] = colorRange(grid.values, logarithmic);
    for (int i = 0; i < nx; ++i) {
        for (int j = 0; j < ny; ++j) {
            double v = grid.values(arma::uword(i), arma::uword(j));
            // A log colour scale cannot place 0 (the exact optimum of a perfect fit): clamp.
            if (logarithmic && std::isfinite(v))
                v = std::max(v, lo);
            data->setCell(i, j, v);
        }
    }
    map->setDataScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    map->setDataRange(QCPRange(lo, hi));
    if (QCPColorScale* scale = map->colorScale()) {
        if (logarithmic)
            scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        else
            scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
}

void LossLandscapeView::drawContours(QCustomPlot* plot, QVector<QCPCurve*>& pool,
                                     const LossSurfaceGrid& grid, bool logarithmic,
                                     QCPLayer* layer) {
    std::vector<ContourLevel> lines;
    if (grid.values.n_elem > 0) {
        try {
            lines = ContourLines::compute(
                grid.x, grid.y, grid.values,
                ContourLines::niceLevels(grid.values, kContourLevels, logarithmic));
        } catch (const std::exception&) {
            lines.clear();
        }
    }
    const QPen pen(QColor(255, 255, 255, 120), 1.0);
    int used = 0;
    for (const ContourLevel& level : lines) {
        for (const auto& polyline : level.polylines) {
            QVector<QCPCurveData> data;
            data.reserve(int(polyline.size()));
            for (const auto& [x, y] : polyline)
                if (PlotView::isPlottable(x) && PlotView::isPlottable(y))
                    data.append(QCPCurveData(data.size(), x, y));
            if (data.size() < 2)
                continue;
            if (used == pool.size()) {
                auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
                curve->setLayer(layer);
                curve->removeFromLegend();
                curve->setSelectable(QCP::stNone);
                pool.append(curve);
            }
            QCPCurve* curve = pool[used++];
            curve->setPen(pen);
            curve->data()->set(data, true);
            curve->setVisible(true);
        }
    }
    for (int k = used; k < pool.size(); ++k) {
        pool[k]->data()->clear();
        pool[k]->setVisible(false);
    }
}

QString LossLandscapeView::parameterSymbol(int featureCount, int k) {
    return k < featureCount ? QStringLiteral("w") + subscript(k + 1) : QStringLiteral("b");
}

QString LossLandscapeView::parameterTitle(const std::vector<std::string>& featureNames, int k) {
    const int d = int(featureNames.size());
    if (k >= d)
        return tr("b (bias)");
    return QStringLiteral("%1 (%2)").arg(parameterSymbol(d, k),
                                         QString::fromStdString(featureNames[size_t(k)]));
}

QCPScatterStyle LossLandscapeView::optimumStyle(double size) {
    QPainterPath star;
    for (int k = 0; k < 10; ++k) {
        // QCustomPlot draws custom scatters scaled by size / 6: a radius of 3 spans `size` pixels.
        const double r = k % 2 == 0 ? 3.0 : 1.25;
        const double a = -kPi / 2 + k * kPi / 5;
        const QPointF p(r * std::cos(a), r * std::sin(a));
        if (k == 0)
            star.moveTo(p);
        else
            star.lineTo(p);
    }
    star.closeSubpath();
    return QCPScatterStyle(star, QPen(QColor(30, 30, 30), 1.2), QBrush(Qt::white), size);
}

// --- The view
// -------------------------------------------------------------------------------------

LossLandscapeView::LossLandscapeView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_xBox(new QComboBox(this))
    , m_yBox(new QComboBox(this))
    , m_logBox(new QCheckBox(tr("log colours"), this))
    , m_heldLabel(new QLabel(this))
    , m_readout(new QLabel(this))
    , m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* head = new QHBoxLayout;
    head->setSpacing(6);
    auto* title = new QLabel(tr("<b>Loss landscape</b>: MSE over"), this);
    head->addWidget(title);
    head->addWidget(m_xBox);
    head->addWidget(new QLabel(tr("and"), this));
    head->addWidget(m_yBox);
    head->addStretch(1);
    head->addWidget(m_logBox);
    layout->addLayout(head);
    auto* info = new QHBoxLayout;
    m_heldLabel->setForegroundRole(QPalette::PlaceholderText);
    m_readout->setForegroundRole(QPalette::PlaceholderText);
    m_readout->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    info->addWidget(m_heldLabel, 1);
    info->addWidget(m_readout);
    layout->addLayout(info);
    layout->addWidget(m_plot, 1);
    m_xBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_yBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_xBox->setToolTip(tr("The parameter along the horizontal axis"));
    m_yBox->setToolTip(tr("The parameter along the vertical axis"));
    m_logBox->setChecked(m_logColors);
    m_logBox->setToolTip(
        tr("Colour by the logarithm of the MSE: shows the shape near the bottom of the bowl"));
    m_heldLabel->setToolTip(
        tr("The landscape is a slice: every parameter not on an axis stays at its current value"));
    m_plot->setMinimumSize(260, 220);
    m_plot->setMouseTracking(true);
    PlotView::stylePlot(m_plot);

    // Colour map and colour bar, aligned top and bottom; the legend in a row of its own below.
    m_colorMap = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_colorMap->setInterpolate(true);
    m_colorMap->setTightBoundary(false);
    m_colorMap->removeFromLegend();
    m_colorScale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(0, 1, m_colorScale);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(12);
    m_colorScale->axis()->setLabel(tr("MSE"));
    m_colorScale->axis()->setTickLabelFont(m_plot->xAxis->tickLabelFont());
    m_colorScale->axis()->setLabelFont(m_plot->xAxis->labelFont());
    m_colorMap->setColorScale(m_colorScale);
    // After the association: the map takes the scale's gradient, so the scale must have ours.
    m_colorScale->setGradient(lossGradient());
    auto* group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    legendRow->setMargins(QMargins(0, 0, 0, 4));
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    legendRow->addElement(0, 0, m_plot->legend);
    // Two entries a row: four in one row do not fit beside the colour bar.
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(2);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(16);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setVisible(true);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);

    // Whatever moves with the model lives on its own buffered layer above the map.
    m_plot->addLayer(QStringLiteral("moving"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    m_overlay = m_plot->layer(QStringLiteral("moving"));
    m_overlay->setMode(QCPLayer::lmBuffered);

    m_path = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_path->setLayer(m_overlay);
    m_path->setName(tr("gradient descent"));
    QColor pathPen = kPathColor;
    pathPen.setAlpha(215);
    m_path->setPen(QPen(pathPen, 1.8));

    m_optimum = m_plot->addGraph();
    m_optimum->setLayer(m_overlay);
    m_optimum->setLineStyle(QCPGraph::lsNone);
    m_optimum->setScatterStyle(optimumStyle());
    m_optimum->setName(tr("least squares"));

    m_sliceMinimum = m_plot->addGraph();
    m_sliceMinimum->setLayer(m_overlay);
    m_sliceMinimum->setLineStyle(QCPGraph::lsNone);
    m_sliceMinimum->setScatterStyle(QCPScatterStyle(
        QCPScatterStyle::ssDiamond, QPen(QColor(30, 30, 30), 1.0), QBrush(Qt::white), 9));
    m_sliceMinimum->setName(tr("bottom of this slice"));

    m_point = m_plot->addGraph();
    m_point->setLayer(m_overlay);
    m_point->setLineStyle(QCPGraph::lsNone);
    m_point->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 2.0), QBrush(kPointColor), 13));
    m_point->setName(tr("current model (drag it)"));

    m_arrow = new QCPItemLine(m_plot);
    m_arrow->setLayer(m_overlay);
    m_arrow->setPen(QPen(Qt::white, 2.2));
    m_arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 11, 14));
    m_arrow->setClipToAxisRect(true);
    m_arrowLabel = new QCPItemText(m_plot);
    m_arrowLabel->setLayer(m_overlay);
    m_arrowLabel->setText(tr("\u2212gradient"));
    m_arrowLabel->setColor(Qt::white);
    m_arrowLabel->position->setParentAnchor(m_arrow->end);
    m_arrowLabel->position->setType(QCPItemPosition::ptAbsolute);

    m_message = new QCPItemText(m_plot);
    m_message->setLayer(QStringLiteral("legend"));
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setAxisRect(m_plot->axisRect());
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(QColor(110, 110, 110));
    m_message->setVisible(false);

    connect(m_xBox, &QComboBox::activated, this, [this](int index) {
        // Choosing the other axis's parameter swaps the two.
        setParameters(index, index == m_yParameter ? m_xParameter : m_yParameter);
    });
    connect(m_yBox, &QComboBox::activated, this, [this](int index) {
        setParameters(index == m_xParameter ? m_yParameter : m_xParameter, index);
    });
    connect(m_logBox, &QCheckBox::toggled, this, &LossLandscapeView::setLogColors);
    connect(m_plot, &QCustomPlot::mousePress, this, &LossLandscapeView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &LossLandscapeView::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &LossLandscapeView::onMouseRelease);

    // Every change ends with evaluationChanged, with everything recomputed before it.
    connect(m_document, &Document::analysisChanged, this, &LossLandscapeView::onAnalysisChanged);
    connect(m_document, &Document::headersChanged, this, &LossLandscapeView::rebuildCombos);
    connect(m_document, &Document::evaluationChanged, this,
            &LossLandscapeView::onEvaluationChanged);
    connect(m_document, &Document::resetDone, this, [this] {
        m_dragging = false;
        m_dragId = 0;
    });

    rebuildCombos();
    updateAll(true);
}

LossLandscapeView::~LossLandscapeView() {
    silenceChildren(this);
}

void LossLandscapeView::setSession(TrainingSession* session) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &TrainingSession::runChanged, this, [this] {
            updatePath(true);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        });
        connect(m_session, &TrainingSession::positionChanged, this, [this] {
            updatePath(false);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        });
    }
    updatePath(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QPointF LossLandscapeView::currentPoint() const {
    if (m_point->data()->isEmpty())
        return QPointF(std::nan(""), std::nan(""));
    const auto it = m_point->data()->constBegin();
    return QPointF(it->key, it->value);
}

QPointF LossLandscapeView::optimumPoint() const {
    if (m_optimum->data()->isEmpty())
        return QPointF(std::nan(""), std::nan(""));
    const auto it = m_optimum->data()->constBegin();
    return QPointF(it->key, it->value);
}

int LossLandscapeView::contourCount() const {
    return int(std::count_if(m_contours.begin(), m_contours.end(),
                             [](const QCPCurve* c) { return c->visible(); }));
}

QString LossLandscapeView::message() const {
    return m_message->visible() ? m_message->text() : QString();
}

void LossLandscapeView::setParameters(int x, int y) {
    const int count = int(m_document->dataset().featureCount()) + 1;
    if (x == y || x < 0 || y < 0 || x >= count || y >= count)
        return;
    if (x == m_xParameter && y == m_yParameter)
        return;
    m_xParameter = x;
    m_yParameter = y;
    {
        const QSignalBlocker bx(m_xBox), by(m_yBox);
        m_xBox->setCurrentIndex(x);
        m_yBox->setCurrentIndex(y);
    }
    updateAll(true);
    updatePath(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossLandscapeView::setLogColors(bool on) {
    if (on == m_logColors)
        return;
    m_logColors = on;
    {
        const QSignalBlocker block(m_logBox);
        m_logBox->setChecked(on);
    }
    if (canDraw()) {
        fillColorMap(m_colorMap, m_grid, m_logColors);
        drawContours(m_plot, m_contours, m_grid, m_logColors,
                     m_plot->layer(QStringLiteral("main")));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossLandscapeView::rebuildCombos() {
    const std::vector<std::string>& names = m_document->dataset().featureNames();
    const int count = int(names.size()) + 1;
    const QSignalBlocker bx(m_xBox), by(m_yBox);
    m_xBox->clear();
    m_yBox->clear();
    for (int k = 0; k < count; ++k) {
        m_xBox->addItem(parameterTitle(names, k));
        m_yBox->addItem(parameterTitle(names, k));
    }
    // Keep the choice while it still exists; else two weights, or the one weight and the bias.
    if (m_xParameter >= count || m_yParameter >= count || m_xParameter == m_yParameter) {
        m_xParameter = 0;
        m_yParameter = std::min(1, count - 1);
    }
    m_xBox->setCurrentIndex(m_xParameter);
    m_yBox->setCurrentIndex(m_yParameter);
    m_xBox->setEnabled(count >= 2);
    m_yBox->setEnabled(count >= 2);
    if (count >= 2) {
        m_plot->xAxis->setLabel(parameterTitle(names, m_xParameter));
        m_plot->yAxis->setLabel(parameterTitle(names, m_yParameter));
    }
}

void LossLandscapeView::onAnalysisChanged() {
    m_analysisDirty = true;
    rebuildCombos(); // the features, their number or their names may have changed
}

void LossLandscapeView::onEvaluationChanged() {
    // Behind another tab of a shown window: catch up once when shown, not on every slider tick.
    if (!isVisible() && window()->isVisible()) {
        m_updatePending = true;
        return;
    }
    m_updatePending = false;
    updateAll(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossLandscapeView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_updatePending)
        onEvaluationChanged();
}

bool LossLandscapeView::canDraw() const {
    const Dataset& data = m_document->dataset();
    const Analysis& a = m_document->analysis();
    return data.featureCount() >= 1 && data.rowCount() > 0 &&
           a.labels().n_elem == data.rowCount() &&
           a.statistics().featureCount() == data.featureCount() &&
           m_document->model().weights().n_elem == data.featureCount() &&
           m_xParameter != m_yParameter && m_xParameter <= int(data.featureCount()) &&
           m_yParameter <= int(data.featureCount());
}

std::vector<double> LossLandscapeView::heldValues() const {
    const LinearModel& model = m_document->model();
    std::vector<double> held;
    const arma::uword count = model.weights().n_elem + 1;
    for (arma::uword k = 0; k < count; ++k)
        if (int(k) != m_xParameter && int(k) != m_yParameter)
            held.push_back(parameterValue(model, k));
    return held;
}

void LossLandscapeView::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    const bool drawn = text.isEmpty();
    m_colorMap->setVisible(drawn);
    m_colorScale->setVisible(drawn);
    m_plot->legend->setVisible(drawn);
    m_plot->xAxis->setTickLabels(drawn);
    m_plot->yAxis->setTickLabels(drawn);
    for (QCPAbstractPlottable* p :
         {static_cast<QCPAbstractPlottable*>(m_path), static_cast<QCPAbstractPlottable*>(m_point),
          static_cast<QCPAbstractPlottable*>(m_optimum),
          static_cast<QCPAbstractPlottable*>(m_sliceMinimum)})
        p->setVisible(drawn);
    m_arrow->setVisible(drawn && m_arrow->visible());
    m_arrowLabel->setVisible(m_arrow->visible());
    if (!drawn)
        for (QCPCurve* c : m_contours)
            c->setVisible(false);
}

void LossLandscapeView::updateAll(bool newWindow) {
    if (!canDraw()) {
        const Dataset& data = m_document->dataset();
        m_grid = LossSurfaceGrid{};
        m_colorMap->data()->clear();
        m_heldLabel->clear();
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
        showMessage(data.rowCount() == 0 ? tr("No rows: no loss to draw")
                    : data.featureCount() == 0
                        ? tr("Add a feature: a landscape needs two parameters")
                        : tr("Nothing to draw"));
        m_haveWindow = false;
        return;
    }
    const bool wasHidden = m_message->visible();
    if (wasHidden)
        showMessage(QString());
    const SufficientStatistics& stats = m_document->analysis().statistics();
    const LinearModel& model = m_document->model();
    const arma::uword i = arma::uword(m_xParameter), j = arma::uword(m_yParameter);
    const double x = parameterValue(model, i), y = parameterValue(model, j);
    const LandscapeWindow shown{m_xMin, m_xMax, m_yMin, m_yMax};

    bool rebuild =
        m_analysisDirty || heldValues() != m_held || m_grid.values.is_empty() || wasHidden;
    // A dragged point stays in the window (it is clamped): the view must not move under the mouse.
    if (newWindow || !m_haveWindow || m_analysisDirty || (!m_dragging && !shown.contains(x, y))) {
        const LeastSquaresResult& ls = stats.leastSquares();
        const double ox = i < ls.weights.n_elem ? ls.weights(i) : ls.bias;
        const double oy = j < ls.weights.n_elem ? ls.weights(j) : ls.bias;
        // The path walked so far stays in view too: a new window must not cut the run in two.
        std::vector<std::pair<double, double>> points{{x, y}, {ox, oy}};
        if (m_session && m_session->hasRun()) {
            const auto& trajectory = m_session->result().trajectory;
            const int shown = std::min(m_session->position() + 1, int(trajectory.size()));
            for (int k = 0; k < shown; ++k)
                if (trajectory[size_t(k)].n_elem > std::max(i, j))
                    points.emplace_back(trajectory[size_t(k)](i), trajectory[size_t(k)](j));
        }
        const LandscapeWindow w = landscapeWindow(stats, i, j, points);
        m_xMin = w.xMin;
        m_xMax = w.xMax;
        m_yMin = w.yMin;
        m_yMax = w.yMax;
        m_haveWindow = true;
        rebuild = true;
    }
    if (rebuild)
        rebuildGrid();
    m_analysisDirty = false;
    updateMarkers();
    updateHeldText();
}

void LossLandscapeView::rebuildGrid() {
    LossSurfaceSpec spec;
    spec.xParameter = arma::uword(m_xParameter);
    spec.yParameter = arma::uword(m_yParameter);
    spec.xMin = m_xMin;
    spec.xMax = m_xMax;
    spec.yMin = m_yMin;
    spec.yMax = m_yMax;
    spec.xSteps = kGridSize;
    spec.ySteps = kGridSize;
    try {
        m_grid =
            LossSurface::compute(m_document->analysis().statistics(), m_document->model(), spec);
    } catch (const std::exception&) {
        m_grid = LossSurfaceGrid{};
    }
    m_held = heldValues();
    ++m_gridBuilds;
    fillColorMap(m_colorMap, m_grid, m_logColors);
    drawContours(m_plot, m_contours, m_grid, m_logColors, m_plot->layer(QStringLiteral("main")));
    m_plot->xAxis->setRange(PlotView::isPlottable(m_xMin) && PlotView::isPlottable(m_xMax) &&
                                    m_xMin < m_xMax
                                ? QCPRange(m_xMin, m_xMax)
                                : QCPRange(0, 1));
    m_plot->yAxis->setRange(PlotView::isPlottable(m_yMin) && PlotView::isPlottable(m_yMax) &&
                                    m_yMin < m_yMax
                                ? QCPRange(m_yMin, m_yMax)
                                : QCPRange(0, 1));
    const std::vector<std::string>& names = m_document->dataset().featureNames();
    m_plot->xAxis->setLabel(parameterTitle(names, m_xParameter));
    m_plot->yAxis->setLabel(parameterTitle(names, m_yParameter));
}

void LossLandscapeView::updateMarkers() {
    const SufficientStatistics& stats = m_document->analysis().statistics();
    const LinearModel& model = m_document->model();
    const arma::uword i = arma::uword(m_xParameter), j = arma::uword(m_yParameter);
    const double x = parameterValue(model, i), y = parameterValue(model, j);
    const bool pointShown = PlotView::isPlottable(x) && PlotView::isPlottable(y);
    if (pointShown)
        m_point->data()->set({QCPGraphData(x, y)}, true);
    else
        m_point->data()->clear();

    const LeastSquaresResult& ls = stats.leastSquares();
    const double ox = i < ls.weights.n_elem ? ls.weights(i) : ls.bias;
    const double oy = j < ls.weights.n_elem ? ls.weights(j) : ls.bias;
    const bool optimumShown = PlotView::isPlottable(ox) && PlotView::isPlottable(oy);
    if (optimumShown)
        m_optimum->data()->set({QCPGraphData(ox, oy)}, true);
    else
        m_optimum->data()->clear();

    // The bottom of this slice differs from the optimum while the held parameters are not at
    // theirs: shown only then, so the star is not left looking like a wrong answer.
    double sx = 0, sy = 0;
    const double xSpan = m_xMax - m_xMin, ySpan = m_yMax - m_yMin;
    const LandscapeWindow window{m_xMin, m_xMax, m_yMin, m_yMax};
    const bool sliceShown =
        sliceMinimum(stats, model, i, j, sx, sy) && PlotView::isPlottable(sx) &&
        PlotView::isPlottable(sy) && window.contains(sx, sy) &&
        (!optimumShown || std::abs(sx - ox) > 0.01 * xSpan || std::abs(sy - oy) > 0.01 * ySpan);
    if (sliceShown) {
        m_sliceMinimum->data()->set({QCPGraphData(sx, sy)}, true);
        if (!m_plot->legend->hasItemWithPlottable(m_sliceMinimum))
            m_sliceMinimum->addToLegend();
    } else {
        m_sliceMinimum->data()->clear();
        m_sliceMinimum->removeFromLegend();
    }

    // The arrow: exact direction of -gradient on screen, a fixed share of the view long.
    const Evaluation& e = m_document->evaluation();
    double gx = std::nan(""), gy = std::nan("");
    if (e.gradient.weights.n_elem == model.weights().n_elem) {
        gx = i < e.gradient.weights.n_elem ? e.gradient.weights(i) : e.gradient.bias;
        gy = j < e.gradient.weights.n_elem ? e.gradient.weights(j) : e.gradient.bias;
    }
    const double u = -gx / xSpan, v = -gy / ySpan;
    const double length = std::hypot(u, v);
    const bool arrowShown =
        pointShown && std::isfinite(length) && length > 0 && xSpan > 0 && ySpan > 0;
    if (arrowShown) {
        const double f = kArrowFraction / length;
        m_arrow->start->setCoords(x, y);
        m_arrow->end->setCoords(x + u * f * xSpan, y + v * f * ySpan);
        // The label beyond the tip, on the side the arrow points to, clear of the arrow head.
        m_arrowLabel->setPositionAlignment((u < 0 ? Qt::AlignRight : Qt::AlignLeft) |
                                           (v > 0 ? Qt::AlignBottom : Qt::AlignTop));
        m_arrowLabel->position->setCoords(u < 0 ? -6 : 6, v > 0 ? -4 : 4);
    }
    m_arrow->setVisible(arrowShown);
    m_arrowLabel->setVisible(arrowShown);
}

void LossLandscapeView::updateHeldText() {
    const LinearModel& model = m_document->model();
    const int d = int(model.weights().n_elem);
    QStringList parts;
    for (int k = 0; k <= d; ++k)
        if (k != m_xParameter && k != m_yParameter)
            parts << QStringLiteral("%1 = %2").arg(
                parameterSymbol(d, k), NumberText::brief(parameterValue(model, arma::uword(k)), 4));
    const QString held = parts.isEmpty() ? tr("nothing else to hold")
                                         : tr("held: %1").arg(parts.join(QStringLiteral(", ")));
    m_heldLabel->setText(held);
}

void LossLandscapeView::updatePath(bool restart) {
    const bool run = m_session && m_session->hasRun() && canDraw();
    if (!run) {
        m_path->data()->clear();
        m_pathShown = 0;
        m_path->removeFromLegend();
        return;
    }
    const auto& trajectory = m_session->result().trajectory;
    const int shown = std::min(m_session->position() + 1, int(trajectory.size()));
    const arma::uword i = arma::uword(m_xParameter), j = arma::uword(m_yParameter);
    if (restart || shown < m_pathShown) {
        m_path->data()->clear();
        m_pathShown = 0;
        if (!restart)
            restart = true;
    }
    if (shown > m_pathShown) {
        QVector<QCPCurveData> add;
        add.reserve(shown - m_pathShown);
        for (int k = m_pathShown; k < shown; ++k) {
            const arma::vec& theta = trajectory[size_t(k)];
            if (theta.n_elem <= std::max(i, j))
                continue;
            if (PlotView::isPlottable(theta(i)) && PlotView::isPlottable(theta(j)))
                add.append(QCPCurveData(k, theta(i), theta(j)));
        }
        m_path->data()->add(add, true);
        m_pathShown = shown;
    }
    // Dots mark the steps while they are few enough to tell apart.
    m_path->setScatterStyle(m_pathShown <= 400
                                ? QCPScatterStyle(QCPScatterStyle::ssDisc, kPathColor, 4.5)
                                : QCPScatterStyle(QCPScatterStyle::ssNone));
    if (!m_plot->legend->hasItemWithPlottable(m_path))
        m_path->addToLegend();
}

// --- Dragging ----------------------------------------------------------------------------------

void LossLandscapeView::onMousePress(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !canDraw() || m_point->data()->isEmpty())
        return;
    const QPointF p = currentPoint();
    const QPointF pixel(m_plot->xAxis->coordToPixel(p.x()), m_plot->yAxis->coordToPixel(p.y()));
    const QPointF offset = pixel - event->position();
    if (std::hypot(offset.x(), offset.y()) > kGrabRadius)
        return;
    m_dragging = true;
    m_dragId = nextMergeId(); // one undo step a drag
    m_grabOffset = offset;
    m_plot->setCursor(Qt::ClosedHandCursor);
    if (m_session)
        m_session->pause();
}

void LossLandscapeView::onMouseMove(QMouseEvent* event) {
    if (m_dragging) {
        dragTo(event->position() + m_grabOffset);
        return;
    }
    if (!canDraw())
        return;
    // Hover: the loss under the cursor, and a hand over the point.
    const QRect rect = m_plot->axisRect()->rect();
    if (!rect.contains(event->position().toPoint())) {
        m_readout->clear();
        m_plot->unsetCursor();
        return;
    }
    const double cx = m_plot->xAxis->pixelToCoord(event->position().x());
    const double cy = m_plot->yAxis->pixelToCoord(event->position().y());
    const LinearModel probe = withParameters(m_document->model(), arma::uword(m_xParameter), cx,
                                             arma::uword(m_yParameter), cy);
    const int d = int(m_document->dataset().featureCount());
    double loss = std::nan("");
    try {
        loss = m_document->analysis().statistics().mse(probe.weights(), probe.bias());
    } catch (const std::exception&) {
    }
    m_readout->setText(tr("%1 %2, %3 %4: MSE %5")
                           .arg(parameterSymbol(d, m_xParameter), NumberText::brief(cx, 4),
                                parameterSymbol(d, m_yParameter), NumberText::brief(cy, 4),
                                NumberText::brief(loss, 4)));
    const QPointF p = currentPoint();
    const QPointF pixel(m_plot->xAxis->coordToPixel(p.x()), m_plot->yAxis->coordToPixel(p.y()));
    const QPointF offset = pixel - event->position();
    if (std::hypot(offset.x(), offset.y()) <= kGrabRadius)
        m_plot->setCursor(Qt::OpenHandCursor);
    else
        m_plot->unsetCursor();
}

void LossLandscapeView::onMouseRelease(QMouseEvent* event) {
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    dragTo(event->position() + m_grabOffset);
    m_dragging = false;
    m_dragId = 0;
    m_plot->setCursor(Qt::OpenHandCursor);
    updateAll(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossLandscapeView::dragTo(const QPointF& pixel) {
    if (!canDraw())
        return;
    // Inside the view: the window must not move under the mouse.
    const double cx = std::clamp(m_plot->xAxis->pixelToCoord(pixel.x()), m_xMin, m_xMax);
    const double cy = std::clamp(m_plot->yAxis->pixelToCoord(pixel.y()), m_yMin, m_yMax);
    // The shortest decimal within a quarter pixel: the same point on screen, a readable number.
    const double xPixel = std::abs(m_plot->xAxis->pixelToCoord(1) - m_plot->xAxis->pixelToCoord(0));
    const double yPixel = std::abs(m_plot->yAxis->pixelToCoord(1) - m_plot->yAxis->pixelToCoord(0));
    const double x = shortestDecimal(cx, 0.25 * xPixel), y = shortestDecimal(cy, 0.25 * yPixel);
    if (!std::isfinite(x) || !std::isfinite(y))
        return;
    const LinearModel& current = m_document->model();
    const arma::uword i = arma::uword(m_xParameter), j = arma::uword(m_yParameter);
    if (parameterValue(current, i) == x && parameterValue(current, j) == y)
        return;
    m_document->undoStack()->push(new SetModelCommand(
        m_document, withParameters(current, i, x, j, y), tr("Drag on the landscape"), m_dragId));
}
