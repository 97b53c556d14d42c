#include "ui/plots/ValidationCurveView.h"

#include "app/document/Document.h"
#include "model/fit/Moments.h"
#include "ui/plots/BackgroundTask.h"
#include "ui/plots/PlotView.h"
#include "ui/plots/TestPoints.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStringList>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

using namespace linlab;

namespace {

// The curves' data, non-plottable points (and, on a log axis, alpha <= 0) left out.
void setCurve(QCPGraph* graph, const std::vector<double>& x, const std::vector<double>& y,
              bool logX, double& lo, double& hi) {
    QVector<double> keys, values;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (!PlotView::isPlottable(x[i]) || !PlotView::isPlottable(y[i]) || (logX && x[i] <= 0))
            continue;
        keys.append(x[i]);
        values.append(y[i]);
        PlotView::include(y[i], lo, hi);
    }
    graph->setData(keys, values, true);
}

QCPGraph* curveGraph(QCustomPlot* plot, const QString& name, const QColor& color, QCPLayer* layer,
                     QCPScatterStyle::ScatterShape shape) {
    QCPGraph* g = plot->addGraph();
    g->setName(name);
    g->setLayer(layer);
    g->setPen(QPen(color, 2));
    g->setScatterStyle(QCPScatterStyle(shape, QPen(color, 1.5), QBrush(Qt::white), 7));
    return g;
}

} // namespace

ValidationCurveView::ValidationCurveView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_mode(new QComboBox(this))
    , m_column(new QComboBox(this))
    , m_degree(new QSpinBox(this))
    , m_note(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_task(new BackgroundTask(this))
    , m_debounce(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* controls = new QHBoxLayout;
    m_mode->addItem(tr("against the degree of"), int(Mode::Degree));
    m_mode->addItem(tr("against \u03b1"), int(Mode::Alpha));
    m_mode->setObjectName(QStringLiteral("curveMode"));
    m_column->setObjectName(QStringLiteral("curveColumn"));
    m_column->setToolTip(tr("The feature whose powers x\u00b2, x\u00b3, \u2026 join the others"));
    m_degree->setRange(2, 20);
    m_degree->setAccessibleName(tr("Highest degree"));
    m_plot->setAccessibleName(tr("Validation curve: train and test error"));
    m_degree->setValue(10);
    m_degree->setPrefix(tr("up to "));
    m_degree->setObjectName(QStringLiteral("curveDegree"));
    m_note->setObjectName(QStringLiteral("curveNote"));
    m_note->setForegroundRole(QPalette::PlaceholderText);
    controls->addWidget(new QLabel(tr("Error"), this));
    controls->addWidget(m_mode);
    controls->addWidget(m_column, 1);
    controls->addWidget(m_degree);
    controls->addWidget(m_note, 1);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    m_plot->setMinimumSize(240, 160);

    PlotView::stylePlot(m_plot);
    // The curves on a buffered layer of their own: a new curve repaints only it.
    m_plot->addLayer(QStringLiteral("curves"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    QCPLayer* curves = m_plot->layer(QStringLiteral("curves"));
    curves->setMode(QCPLayer::lmBuffered);
    m_train = curveGraph(m_plot, tr("train"), QColor(0x1f, 0x77, 0xb4), curves,
                         QCPScatterStyle::ssCircle);
    m_test =
        curveGraph(m_plot, tr("test"), TestPoints::color(), curves, QCPScatterStyle::ssDiamond);
    m_current = new QCPItemStraightLine(m_plot);
    m_current->setLayer(curves);
    m_current->setPen(QPen(QColor(0x7f, 0x7f, 0x7f), 1.2, Qt::DashLine));
    m_current->setVisible(false);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->yAxis->setLabel(tr("MSE"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150); // a drag of alpha or the split asks once it settles
    connect(m_debounce, &QTimer::timeout, this, &ValidationCurveView::recompute);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ValidationCurveView::recompute);
    connect(m_column, &QComboBox::currentIndexChanged, this, &ValidationCurveView::recompute);
    connect(m_degree, &QSpinBox::valueChanged, this, &ValidationCurveView::scheduleRecompute);
    connect(m_document, &Document::analysisChanged, this, &ValidationCurveView::scheduleRecompute);
    connect(m_document, &Document::fitSettingsChanged, this,
            &ValidationCurveView::scheduleRecompute);
    connect(m_document, &Document::headersChanged, this, &ValidationCurveView::refreshColumns);
    connect(m_task, &BackgroundTask::busyChanged, this, [this](bool busy) {
        if (busy)
            m_note->setText(tr("computing\u2026"));
    });
    refreshColumns();
    recompute();
}

ValidationCurveView::~ValidationCurveView() = default;

void ValidationCurveView::refreshColumns() {
    QStringList names;
    for (const std::string& name : m_document->dataset().featureNames())
        names << QString::fromStdString(name);
    QStringList shown;
    for (int i = 0; i < m_column->count(); ++i)
        shown << m_column->itemText(i);
    if (names == shown)
        return;
    const QSignalBlocker block(m_column);
    const int keep = m_column->currentIndex();
    m_column->clear();
    m_column->addItems(names);
    m_column->setCurrentIndex(keep >= 0 && keep < m_column->count() ? keep : 0);
}

void ValidationCurveView::scheduleRecompute() {
    m_task->cancel(); // the data or settings changed: the running curve is stale already
    refreshColumns();
    m_debounce->start();
}

std::vector<double> ValidationCurveView::alphaGrid() const {
    const FitSettings& s = m_document->fitSettings();
    const SufficientStatistics& stats =
        m_document->fitSetup().fitStatistics(m_document->analysis());
    if (s.penalty == Penalty::None || stats.sampleCount() == 0 || stats.featureCount() == 0)
        return {};
    const Moments m = Moments::of(stats, s.intercept);
    // Lasso: from alphaMax (every weight 0) down four decades; ridge: about the features'
    // average sum of squares (alpha's scale there), six decades.
    double lo, hi;
    if (s.penalty == Penalty::Lasso) {
        hi = Regularized::lassoAlphaMax(m);
        lo = hi * 1e-4;
    } else {
        const double scale = std::max(arma::trace(m.gram) / double(m.gram.n_rows), 1e-12);
        lo = scale * 1e-4;
        hi = scale * 1e2;
    }
    if (!(hi > 0) || !std::isfinite(hi))
        return {};
    if (s.alpha > 0) {
        lo = std::min(lo, s.alpha / 2);
        hi = std::max(hi, s.alpha * 2);
    }
    return ValidationCurve::logGrid(lo, hi, kAlphaPoints);
}

void ValidationCurveView::recompute() {
    m_debounce->stop();
    m_task->cancel();
    refreshColumns(); // a new table comes without a headers change
    const Mode mode = Mode(m_mode->currentData().toInt());
    m_column->setVisible(mode == Mode::Degree);
    m_degree->setVisible(mode == Mode::Degree);
    const Dataset& data = m_document->dataset();
    const Analysis& analysis = m_document->analysis();
    if (data.rowCount() < 2 || data.featureCount() == 0 ||
        analysis.labels().n_elem != data.rowCount())
        return showMessage(tr("No curve: too few rows or no features"));
    // Each point fits from a (d + K)-square sum per group: past the wide-data limit that is
    // hundreds of megabytes for a picture nobody asked for.
    if (data.featureCount() > SufficientStatistics::kWideFeatures)
        return showMessage(
            tr("No curve past %1 features").arg(SufficientStatistics::kWideFeatures));
    const FitSettings settings = m_document->fitSettings();
    std::vector<double> alphas;
    if (mode == Mode::Alpha) {
        alphas = alphaGrid();
        if (alphas.empty())
            return showMessage(tr("Choose ridge or lasso for a curve against \u03b1"));
    }
    CurveGroups groups;
    try {
        groups = ValidationCurve::groupsFor(m_document->fitSetup().testMask(), settings.cvFolds,
                                            settings.seed);
    } catch (const std::exception&) {
        return showMessage(tr("No curve: fewer rows than folds"));
    }
    // Copies: the document may change while the curve is computed.
    auto X = std::make_shared<const arma::mat>(mode == Mode::Degree ? data.features()
                                                                    : analysis.features());
    auto y = std::make_shared<const arma::vec>(analysis.labels());
    const arma::uword column = arma::uword(std::max(0, m_column->currentIndex()));
    const arma::uword degree = arma::uword(m_degree->value());
    const TransformSettings transform = m_document->transformSettings();
    const std::vector<bool> fixed = data.dummyFeatures();
    m_task->start([=](const std::atomic<bool>& cancel) -> std::function<void()> {
        const std::optional<ValidationCurveResult> curve =
            mode == Mode::Degree
                ? ValidationCurve::degrees(*X, *y, column, degree, transform, fixed, settings,
                                           groups, &cancel)
                : ValidationCurve::alphas(*X, *y, alphas, settings, groups, &cancel);
        if (!curve)
            return nullptr;
        return [this, result = *curve] { show(result); };
    });
}

void ValidationCurveView::show(const ValidationCurveResult& curve) {
    m_curve = curve;
    const bool logX = Mode(m_mode->currentData().toInt()) == Mode::Alpha;
    m_plot->xAxis->setScaleType(logX ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logX)
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->xAxis->setLabel(logX ? tr("\u03b1 (log scale)")
                                 : tr("degree of %1").arg(m_column->currentText()));
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    setCurve(m_train, curve.values, curve.trainMse, logX, lo, hi);
    setCurve(m_test, curve.values, curve.testMse, logX, lo, hi);
    m_test->setName(curve.crossValidated ? tr("cross-validated (k-fold)") : tr("test (held out)"));
    m_train->setName(curve.crossValidated ? tr("train (mean over folds)") : tr("train"));
    m_plot->yAxis->setRange(PlotView::paddedRange(std::min(lo, 0.0), hi));
    if (logX && !curve.values.empty())
        m_plot->xAxis->setRange(curve.values.front() / 1.5, curve.values.back() * 1.5);
    else
        m_plot->xAxis->setRange(0.5, double(curve.values.size()) + 0.5);
    markCurrent();
    m_note->setText(
        curve.crossValidated
            ? tr("no split: test error by %1-fold CV").arg(m_document->fitSettings().cvFolds)
            : QString());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ValidationCurveView::markCurrent() {
    // The current setting: degree 1 (the features as they are) or the fit's alpha.
    const bool alpha = Mode(m_mode->currentData().toInt()) == Mode::Alpha;
    const double x = alpha ? m_document->fitSettings().alpha : 1.0;
    m_current->setVisible(PlotView::isPlottable(x) && x > 0);
    m_current->point1->setCoords(x, 0);
    m_current->point2->setCoords(x, 1);
}

void ValidationCurveView::showMessage(const QString& text) {
    m_curve.reset();
    m_train->data()->clear();
    m_test->data()->clear();
    m_current->setVisible(false);
    m_note->setText(text);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
