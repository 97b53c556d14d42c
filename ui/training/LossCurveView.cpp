#include "ui/training/LossCurveView.h"

#include "ui/common/Teardown.h"

#include "ui/common/NumberText.h"
#include "ui/plots/PlotView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/TrainingSession.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

const QColor kCurrentColor(0xff, 0x7f, 0x0e); // the path's colour on the landscape

// Kept runs: the tab10 palette without the current run's orange.
QColor keptColor(int k) {
    static const QColor colors[] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
        QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
        QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return colors[k % int(sizeof colors / sizeof colors[0])];
}

QString grouped(qint64 n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

// The epoch of loss-history point k (its index when no epochs are given).
double epochKey(const std::vector<std::size_t>& epochs, std::size_t k) {
    return double(k < epochs.size() ? epochs[k] : k);
}

// The history's points up to `epoch`, which the curve draws.
std::size_t pointsUpTo(const linlab::GradientDescentResult& r, std::size_t epoch) {
    const auto& epochs = r.lossHistoryEpochs;
    const auto upTo =
        std::size_t(std::upper_bound(epochs.begin(), epochs.end(), epoch) - epochs.begin());
    return std::min(upTo, r.lossHistory.size());
}

} // namespace

LossCurveView::LossCurveView(TrainingSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_plot(new QCustomPlot(this))
    , m_readout(new QLabel(this))
    , m_keepButton(new QPushButton(tr("Keep run"), this))
    , m_clearButton(new QPushButton(tr("Clear"), this))
    , m_logBox(new QCheckBox(tr("log scale"), this)) {
    m_plot->setAccessibleName(tr("Loss curve: the MSE against the epoch"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* head = new QHBoxLayout;
    head->setSpacing(6);
    head->addWidget(new QLabel(tr("<b>Loss curve</b>"), this));
    head->addWidget(m_logBox);
    head->addSpacing(8);
    head->addWidget(m_readout, 1);
    head->addWidget(m_keepButton);
    head->addWidget(m_clearButton);
    layout->addLayout(head);
    layout->addWidget(m_plot, 1);
    m_readout->setForegroundRole(QPalette::PlaceholderText);
    m_logBox->setChecked(m_log);
    m_logBox->setToolTip(
        tr("A logarithmic loss axis: steady convergence is a straight line going down"));
    m_keepButton->setToolTip(
        tr("Freeze this curve, to compare it with runs at other rates or with other methods"));
    m_clearButton->setToolTip(tr("Remove the kept curves"));

    m_plot->setMinimumSize(240, 140);
    m_plot->setMouseTracking(true);
    PlotView::stylePlot(m_plot);
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("MSE"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->axisRect()->setMinimumMargins(QMargins(12, 10, 16, 8));

    m_current = m_plot->addGraph();
    m_current->setPen(QPen(kCurrentColor, 2.2));
    m_current->setName(tr("this run"));
    m_current->removeFromLegend();

    m_tracer = new QCPItemTracer(m_plot);
    m_tracer->setInterpolating(false);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_tracer->setSize(8);
    m_tracer->setPen(QPen(QColor(40, 40, 40), 1.5));
    m_tracer->setBrush(QBrush(Qt::white));
    m_tracer->setVisible(false);

    connect(m_keepButton, &QPushButton::clicked, this, &LossCurveView::keepRun);
    connect(m_clearButton, &QPushButton::clicked, this, &LossCurveView::clearKept);
    connect(m_logBox, &QCheckBox::toggled, this, &LossCurveView::setLogScale);
    connect(m_plot, &QCustomPlot::mouseMove, this, &LossCurveView::onMouseMove);
    connect(m_session, &TrainingSession::runChanged, this, &LossCurveView::onRunChanged);
    connect(m_session, &TrainingSession::positionChanged, this, &LossCurveView::onPositionChanged);

    setLogScale(m_log);
    syncCurrent(true);
}

LossCurveView::~LossCurveView() {
    silenceChildren(this);
}

QStringList LossCurveView::keptNames() const {
    QStringList names;
    for (const Curve& c : m_kept)
        names << c.name;
    return names;
}

QStringList LossCurveView::legendNames() const {
    QStringList names;
    for (int k = 0; k < m_plot->legend->itemCount(); ++k)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(m_plot->legend->item(k)))
            names << item->plottable()->name();
    return names;
}

double LossCurveView::shown(double loss) const {
    return m_log ? std::max(loss, kLogFloor) : loss;
}

void LossCurveView::include(Curve& c, const std::vector<double>& loss, std::size_t from,
                            std::size_t to) {
    for (std::size_t k = from; k < to && k < loss.size(); ++k) {
        const double v = loss[k];
        if (!PlotView::isPlottable(v))
            continue;
        if (!c.any) {
            c.lo = c.hi = v;
            c.lowestPositive = v > 0 ? v : arma::datum::inf;
            c.any = true;
            continue;
        }
        c.lo = std::min(c.lo, v);
        c.hi = std::max(c.hi, v);
        if (v > 0)
            c.lowestPositive = std::min(c.lowestPositive, v);
    }
}

void LossCurveView::fill(QCPGraph* graph, const std::vector<double>& loss,
                         const std::vector<std::size_t>& epochs, std::size_t from,
                         std::size_t to) const {
    QVector<double> keys, values;
    keys.reserve(int(to - from));
    values.reserve(int(to - from));
    for (std::size_t k = from; k < to && k < loss.size(); ++k) {
        if (!PlotView::isPlottable(loss[k]))
            continue;
        keys.append(epochKey(epochs, k));
        values.append(shown(loss[k]));
    }
    graph->addData(keys, values, true);
}

std::size_t LossCurveView::nearestPoint(double epoch) const {
    const std::vector<std::size_t>& epochs = m_session->result().lossHistoryEpochs;
    const std::size_t count = std::min(m_currentCount, epochs.size());
    if (count == 0)
        return 0;
    const auto begin = epochs.begin(), end = begin + std::ptrdiff_t(count);
    const auto it = std::lower_bound(begin, end, epoch,
                                     [](std::size_t e, double key) { return double(e) < key; });
    if (it == end)
        return count - 1;
    if (it == begin)
        return 0;
    const bool before = epoch - double(*(it - 1)) <= double(*it) - epoch;
    return std::size_t(it - begin) - (before ? 1 : 0);
}

void LossCurveView::onRunChanged() {
    syncCurrent(true);
}

void LossCurveView::onPositionChanged() {
    syncCurrent(false);
}

void LossCurveView::syncCurrent(bool restart) {
    const bool run = m_session && m_session->hasRun();
    const std::vector<double> none;
    const std::vector<std::size_t> noEpochs;
    const std::vector<double>& loss = run ? m_session->result().lossHistory : none;
    const std::vector<std::size_t>& epochs = run ? m_session->result().lossHistoryEpochs : noEpochs;
    const std::size_t count = run ? pointsUpTo(m_session->result(), m_session->epoch()) : 0;
    if (restart || count < m_currentCount) {
        m_current->data()->clear();
        m_currentCurve = Curve{};
        m_currentCount = 0;
    }
    if (count > m_currentCount) {
        fill(m_current, loss, epochs, m_currentCount, count);
        include(m_currentCurve, loss, m_currentCount, count);
        m_currentCount = count;
    }
    if (run) {
        m_current->setName(tr("this run: %1").arg(m_session->runLabel()));
        if (!m_plot->legend->hasItemWithPlottable(m_current))
            m_current->addToLegend();
    } else {
        m_current->removeFromLegend();
    }
    if (!m_hovering)
        showReadout(count > 0 ? count - 1 : 0);
    updateRanges();
    updateButtons();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::updateRanges() {
    // Every curve drawn decides the ranges, so they follow the run: no frozen axes.
    double maxEpoch = 0;
    double lo = arma::datum::inf, hi = -arma::datum::inf, lowestPositive = arma::datum::inf;
    auto take = [&](const Curve& c, const std::vector<std::size_t>& epochs, std::size_t count) {
        if (!c.any)
            return;
        maxEpoch = std::max(maxEpoch, count > 0 ? epochKey(epochs, count - 1) : 0.0);
        lo = std::min(lo, c.lo);
        hi = std::max(hi, c.hi);
        lowestPositive = std::min(lowestPositive, c.lowestPositive);
    };
    const std::vector<std::size_t> noEpochs;
    const bool run = m_session && m_session->hasRun();
    take(m_currentCurve, run ? m_session->result().lossHistoryEpochs : noEpochs, m_currentCount);
    for (const Curve& c : m_kept)
        take(c, c.epochs, c.loss.size());

    m_plot->xAxis->setRange(0, std::max(10.0, maxEpoch * 1.03));
    if (m_log) {
        if (!(hi > 0) || !PlotView::isPlottable(lowestPositive) || !(lowestPositive <= hi))
            m_plot->yAxis->setRange(0.1, 10);
        else if (lowestPositive < hi)
            m_plot->yAxis->setRange(lowestPositive / 1.6, hi * 1.6);
        else
            m_plot->yAxis->setRange(hi / 10, hi * 10);
    } else if (PlotView::isPlottable(lo) && PlotView::isPlottable(hi) && lo <= hi) {
        // Losses are >= 0: the axis starts at 0 so heights compare honestly.
        m_plot->yAxis->setRange(lo >= 0 && hi > 0 ? QCPRange(0, hi * 1.05)
                                                  : PlotView::paddedRange(lo, hi));
    } else {
        m_plot->yAxis->setRange(0, 1);
    }
}

void LossCurveView::updateButtons() {
    m_keepButton->setEnabled(m_currentCount > 0);
    m_clearButton->setEnabled(!m_kept.empty());
}

void LossCurveView::showReadout(std::size_t index) {
    const bool run = m_session && m_session->hasRun();
    if (!run || m_currentCount == 0 || index >= m_session->result().lossHistory.size()) {
        m_readout->setText(tr("no run yet"));
        m_tracer->setGraph(nullptr); // a tracer on an empty graph complains on every replot
        m_tracer->setVisible(false);
        return;
    }
    const std::vector<double>& loss = m_session->result().lossHistory;
    const double epoch = epochKey(m_session->result().lossHistoryEpochs, index);
    m_readout->setText(
        tr("epoch %1: MSE %2").arg(grouped(qint64(epoch)), NumberText::brief(loss[index], 6)));
    const bool visible = m_hovering && PlotView::isPlottable(loss[index]);
    m_tracer->setGraph(visible ? m_current : nullptr);
    if (visible)
        m_tracer->setGraphKey(epoch);
    m_tracer->setVisible(visible);
}

void LossCurveView::onMouseMove(QMouseEvent* event) {
    const QRect rect = m_plot->axisRect()->rect();
    const bool inside = rect.contains(event->position().toPoint()) && m_currentCount > 0;
    m_hovering = inside;
    if (inside) {
        const double key = m_plot->xAxis->pixelToCoord(event->position().x());
        showReadout(nearestPoint(std::round(std::isfinite(key) ? key : 0.0)));
    } else {
        showReadout(m_currentCount > 0 ? m_currentCount - 1 : 0);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::keepRun() {
    if (!m_session || !m_session->hasRun() || m_currentCount == 0)
        return;
    Curve c;
    const auto& loss = m_session->result().lossHistory;
    const auto& epochs = m_session->result().lossHistoryEpochs;
    c.loss.assign(loss.begin(),
                  loss.begin() + std::ptrdiff_t(std::min(m_currentCount, loss.size())));
    c.epochs.assign(epochs.begin(),
                    epochs.begin() + std::ptrdiff_t(std::min(m_currentCount, epochs.size())));
    c.name = m_session->runLabel();
    include(c, c.loss, 0, c.loss.size());
    c.graph = m_plot->addGraph();
    c.graph->setPen(QPen(keptColor(int(m_kept.size())), 1.5));
    c.graph->setName(c.name);
    fill(c.graph, c.loss, c.epochs, 0, c.loss.size());
    m_kept.push_back(std::move(c));
    m_current->setLayer(m_plot->layer(QStringLiteral("main"))); // back on top of the kept ones
    updateRanges();
    updateButtons();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::clearKept() {
    for (Curve& c : m_kept)
        m_plot->removeGraph(c.graph);
    m_kept.clear();
    updateRanges();
    updateButtons();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::setLogScale(bool on) {
    m_log = on;
    {
        const QSignalBlocker block(m_logBox);
        m_logBox->setChecked(on);
    }
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    // Zeros are drawn differently on a log axis: refill every curve.
    for (Curve& c : m_kept) {
        c.graph->data()->clear();
        fill(c.graph, c.loss, c.epochs, 0, c.loss.size());
    }
    m_current->data()->clear();
    if (m_session && m_session->hasRun())
        fill(m_current, m_session->result().lossHistory, m_session->result().lossHistoryEpochs, 0,
             m_currentCount);
    updateRanges();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
