#include "ui/training/LossLandscapeView.h"

#include "ui/common/Teardown.h"

#include "app/document/Document.h"
#include "model/training/LandscapeSlice.h"
#include "ui/common/NumberText.h"
#include "ui/common/ParameterSymbols.h"
#include "ui/plots/PlotView.h"
#include "ui/training/LandscapeDrag.h"
#include "ui/training/LandscapeStyle.h"
#include "ui/training/PenaltyOverlay.h"
#include "ui/training/TrainingSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

// The arrow down the gradient spans this fraction of the view (its direction is exact, its
// length only says "this way").
constexpr double kArrowFraction = 0.16;

const QColor kPathColor(0xff, 0x7f, 0x0e);
const QColor kPointColor(0xd6, 0x27, 0x28);

} // namespace

QString LossLandscapeView::parameterSymbol(int featureCount, int k) {
    return ParameterSymbols::parameterSymbol(k, featureCount);
}

QString LossLandscapeView::parameterTitle(const std::vector<std::string>& featureNames, int k) {
    const int d = int(featureNames.size());
    if (k >= d)
        return tr("b (bias)");
    return QStringLiteral("%1 (%2)").arg(parameterSymbol(d, k),
                                         QString::fromStdString(featureNames[size_t(k)]));
}

LossLandscapeView::LossLandscapeView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_xBox(new QComboBox(this))
    , m_yBox(new QComboBox(this))
    , m_logBox(new QCheckBox(tr("log colours"), this))
    , m_heldLabel(new QLabel(this))
    , m_readout(new QLabel(this))
    , m_plot(new QCustomPlot(this)) {
    m_plot->setAccessibleName(tr("Loss landscape"));
    buildLayout();
    buildColorMap();
    buildMarkers();
    connectSignals();
    rebuildCombos();
    updateAll(true);
}

void LossLandscapeView::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* head = new QHBoxLayout;
    head->setSpacing(6);
    m_title = new QLabel(tr("<b>Loss landscape</b>: MSE over"), this);
    head->addWidget(m_title);
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
}

void LossLandscapeView::buildColorMap() {
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
    m_colorScale->setGradient(LandscapeStyle::lossGradient());
    auto* group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    LandscapeStyle::putLegendBelow(m_plot);
}

void LossLandscapeView::buildMarkers() {
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
    m_optimum->setScatterStyle(LandscapeStyle::optimumStyle());
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

    m_penalty = std::make_unique<PenaltyOverlay>(m_plot, m_overlay);

    m_message = new QCPItemText(m_plot);
    m_message->setLayer(QStringLiteral("legend"));
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setAxisRect(m_plot->axisRect());
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(QColor(110, 110, 110));
    m_message->setVisible(false);
}

void LossLandscapeView::connectSignals() {
    connect(m_xBox, &QComboBox::activated, this, [this](int index) {
        // Choosing the other axis's parameter swaps the two.
        setParameters(index, index == m_yParameter ? m_xParameter : m_yParameter);
    });
    connect(m_yBox, &QComboBox::activated, this, [this](int index) {
        setParameters(index == m_xParameter ? m_yParameter : m_xParameter, index);
    });
    connect(m_logBox, &QCheckBox::toggled, this, &LossLandscapeView::setLogColors);
    m_drag = new LandscapeDrag(m_document, this, m_readout);
    connect(m_drag, &LandscapeDrag::started, this, [this] {
        if (m_session)
            m_session->pause();
    });
    connect(m_drag, &LandscapeDrag::finished, this, [this] {
        updateAll(false);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });

    // Every change ends with evaluationChanged, with everything recomputed before it.
    connect(m_document, &Document::analysisChanged, this, &LossLandscapeView::onAnalysisChanged);
    // Another penalty, alpha, intercept or split: another loss (evaluationChanged follows).
    connect(m_document, &Document::fitSettingsChanged, this, &LossLandscapeView::onAnalysisChanged);
    connect(m_document, &Document::headersChanged, this, &LossLandscapeView::rebuildCombos);
    connect(m_document, &Document::evaluationChanged, this,
            &LossLandscapeView::onEvaluationChanged);
    connect(m_document, &Document::resetDone, m_drag, &LandscapeDrag::cancel);
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

static QPointF firstPoint(const QCPGraph* graph) {
    if (graph->data()->isEmpty())
        return QPointF(std::nan(""), std::nan(""));
    const auto it = graph->data()->constBegin();
    return QPointF(it->key, it->value);
}

QPointF LossLandscapeView::currentPoint() const {
    return firstPoint(m_point);
}

QPointF LossLandscapeView::optimumPoint() const {
    return firstPoint(m_optimum);
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
        LandscapeStyle::fillColorMap(m_colorMap, m_grid, m_logColors);
        LandscapeStyle::drawContours(m_plot, m_contours, m_grid, m_logColors,
                                     m_plot->layer(QStringLiteral("main")));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossLandscapeView::rebuildCombos() {
    const std::vector<std::string>& names = m_document->dataset().featureNames();
    // Through the origin b stays 0: no axis for it while two weights can be shown.
    const bool bias = m_document->fitSettings().intercept || names.size() < 2;
    const int count = int(names.size()) + (bias ? 1 : 0);
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

bool LossLandscapeView::isDragging() const {
    return m_drag->isDragging();
}

bool LossLandscapeView::canDraw() const {
    const Dataset& data = m_document->dataset();
    const Analysis& a = m_document->analysis();
    return data.featureCount() >= 1 && data.rowCount() > 0 &&
           a.labels().n_elem == data.rowCount() &&
           fitStatistics().featureCount() == data.featureCount() &&
           fitStatistics().sampleCount() > 0 &&
           m_document->model().weights().n_elem == data.featureCount() &&
           m_xParameter != m_yParameter && m_xParameter <= int(data.featureCount()) &&
           m_yParameter <= int(data.featureCount());
}

const SufficientStatistics& LossLandscapeView::fitStatistics() const {
    return m_document->fitSetup().fitStatistics(m_document->analysis());
}

std::vector<double> LossLandscapeView::heldValues() const {
    return heldParameters(m_document->model(), arma::uword(m_xParameter),
                          arma::uword(m_yParameter));
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
    if (!drawn)
        m_penalty->hide();
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
    const SufficientStatistics& stats = fitStatistics();
    const LinearModel& model = m_document->model();
    const arma::uword i = arma::uword(m_xParameter), j = arma::uword(m_yParameter);
    const double x = parameterValue(model, i), y = parameterValue(model, j);
    const LandscapeWindow shown{m_xMin, m_xMax, m_yMin, m_yMax};
    if (m_analysisDirty)
        refitOptimum(); // the star's fit: once a change of data or settings, not per tick

    bool rebuild =
        m_analysisDirty || heldValues() != m_held || m_grid.values.is_empty() || wasHidden;
    // A dragged point stays in the window (it is clamped): the view must not move under the mouse.
    if (newWindow || !m_haveWindow || m_analysisDirty || (!isDragging() && !shown.contains(x, y))) {
        const LinearModel& fit = m_penalty->fit();
        // The path walked so far stays in view too: a new window must not cut the run in two.
        std::vector<std::pair<double, double>> points{{x, y}};
        if (m_penalty->valid())
            points.emplace_back(parameterValue(fit, i), parameterValue(fit, j));
        if (m_penalty->settings().penalty != Penalty::None && i < model.weights().n_elem &&
            j < model.weights().n_elem)
            points.emplace_back(0.0, 0.0); // the constraint region's centre
        if (m_session && m_session->hasRun())
            appendSlicePoints(points, m_session->result().trajectory,
                              std::size_t(std::max(m_session->position() + 1, 0)), i, j);
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
        const FitSettings& fit = m_document->fitSettings();
        m_grid = LossSurface::compute(fitStatistics(), m_document->model(), spec, fit.penalty,
                                      fit.alpha);
    } catch (const std::exception&) {
        m_grid = LossSurfaceGrid{};
    }
    m_held = heldValues();
    ++m_gridBuilds;
    LandscapeStyle::fillColorMap(m_colorMap, m_grid, m_logColors);
    LandscapeStyle::drawContours(m_plot, m_contours, m_grid, m_logColors,
                                 m_plot->layer(QStringLiteral("main")));
    const auto range = [](double lo, double hi) {
        const bool ok = PlotView::isPlottable(lo) && PlotView::isPlottable(hi) && lo < hi;
        return ok ? QCPRange(lo, hi) : QCPRange(0, 1);
    };
    m_plot->xAxis->setRange(range(m_xMin, m_xMax));
    m_plot->yAxis->setRange(range(m_yMin, m_yMax));
    const std::vector<std::string>& names = m_document->dataset().featureNames();
    m_plot->xAxis->setLabel(parameterTitle(names, m_xParameter));
    m_plot->yAxis->setLabel(parameterTitle(names, m_yParameter));
}

void LossLandscapeView::refitOptimum() {
    m_penalty->refit(*m_document);
    m_optimum->setName(m_penalty->fitName());
    const QString loss = m_penalty->lossName();
    m_colorScale->axis()->setLabel(loss);
    m_title->setText(tr("<b>Loss landscape</b>: %1 over").arg(loss.toHtmlEscaped()));
}

void LossLandscapeView::updateMarkers() {
    const SufficientStatistics& stats = fitStatistics();
    const LinearModel& model = m_document->model();
    const arma::uword i = arma::uword(m_xParameter), j = arma::uword(m_yParameter);
    const double x = parameterValue(model, i), y = parameterValue(model, j);
    const bool pointShown = PlotView::isPlottable(x) && PlotView::isPlottable(y);
    if (pointShown)
        m_point->data()->set({QCPGraphData(x, y)}, true);
    else
        m_point->data()->clear();

    const double ox = m_penalty->valid() ? parameterValue(m_penalty->fit(), i) : std::nan("");
    const double oy = m_penalty->valid() ? parameterValue(m_penalty->fit(), j) : std::nan("");
    const bool optimumShown = PlotView::isPlottable(ox) && PlotView::isPlottable(oy);
    m_penalty->draw(i, j);
    if (optimumShown)
        m_optimum->data()->set({QCPGraphData(ox, oy)}, true);
    else
        m_optimum->data()->clear();

    // The bottom of this slice differs from the optimum while the held parameters are not at
    // theirs: shown only then, so the star is not left looking like a wrong answer.
    double sx = 0, sy = 0;
    const double xSpan = m_xMax - m_xMin, ySpan = m_yMax - m_yMin;
    const LandscapeWindow window{m_xMin, m_xMax, m_yMin, m_yMax};
    // The slice's bottom is the MSE's: shown for the plain fit only.
    const bool plain = m_penalty->settings().penalty == Penalty::None;
    const bool sliceShown =
        plain && sliceMinimum(stats, model, i, j, sx, sy) && PlotView::isPlottable(sx) &&
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
    const Gradient g = shownLossGradient();
    double gx = std::nan(""), gy = std::nan("");
    if (g.weights.n_elem == model.weights().n_elem) {
        gx = parameterValue(g, i);
        gy = parameterValue(g, j);
    }
    m_shownGradient = QPointF(gx, gy);
    double tipX = 0, tipY = 0;
    const bool arrowShown =
        pointShown && downhillArrowTip(window, x, y, gx, gy, kArrowFraction, tipX, tipY);
    if (arrowShown) {
        m_arrow->start->setCoords(x, y);
        m_arrow->end->setCoords(tipX, tipY);
        // The label beyond the tip, on the side the arrow points to (left when the gradient
        // points right, down when it points up), clear of the arrow head.
        const bool left = gx > 0, down = gy < 0;
        m_arrowLabel->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) |
                                           (down ? Qt::AlignBottom : Qt::AlignTop));
        m_arrowLabel->position->setCoords(left ? -6 : 6, down ? -4 : 4);
    }
    m_arrow->setVisible(arrowShown);
    m_arrowLabel->setVisible(arrowShown);
}

Gradient LossLandscapeView::shownLossGradient() const {
    const FitSettings& fit = m_document->fitSettings();
    const Evaluation& e = m_document->evaluation();
    // The plain MSE on every row: the evaluation's own gradient, already computed.
    if (fit.penalty == Penalty::None && !m_document->fitSetup().hasSplit())
        return e.gradient;
    const LinearModel& model = m_document->model();
    try {
        return Regularized::lossGradient(fitStatistics(), fit.penalty, fit.alpha, model.weights(),
                                         model.bias());
    } catch (const std::exception&) {
        return Gradient{};
    }
}

void LossLandscapeView::updateHeldText() {
    m_heldLabel->setText(LandscapeStyle::heldText(m_document->model(), m_xParameter, m_yParameter));
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
        LandscapeStyle::appendTrajectory(m_path, trajectory, m_pathShown, shown, i, j);
        m_pathShown = shown;
    }
    // Dots mark the steps while they are few enough to tell apart.
    m_path->setScatterStyle(LandscapeStyle::pathDots(m_pathShown, kPathColor));
    if (!m_plot->legend->hasItemWithPlottable(m_path))
        m_path->addToLegend();
}
