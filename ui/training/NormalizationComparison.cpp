#include "ui/training/NormalizationComparison.h"

#include "ui/common/Teardown.h"

#include "app/document/Document.h"
#include "model/training/Conditioning.h"
#include "model/training/LossSurface.h"
#include "ui/common/NumberText.h"
#include "ui/plots/PlotView.h"
#include "ui/training/LandscapeStyle.h"
#include "ui/training/LossLandscapeView.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

const QColor kPathColor(0xff, 0x7f, 0x0e);

QString grouped(qint64 n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

QString vectorText(const arma::vec& v) {
    QStringList parts;
    for (double x : v)
        parts << NumberText::brief(x, 6);
    return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

QString conditionText(double kappa) {
    if (std::isinf(kappa))
        return QCoreApplication::translate("NormalizationComparison", "\u221e (singular)");
    if (!std::isfinite(kappa))
        return NumberText::dash();
    return kappa >= 1000 ? grouped(qint64(std::llround(kappa))) : NumberText::brief(kappa, 3);
}

QString epochsText(const GradientDescentResult& r) {
    const QString n = grouped(qint64(r.epochsRun));
    switch (r.stopReason) {
    case StopReason::Converged:
        return n;
    case StopReason::EpochLimit:
        return QCoreApplication::translate("NormalizationComparison",
                                           "over %1 (stopped at the limit)")
            .arg(n);
    case StopReason::Diverged:
        return QCoreApplication::translate("NormalizationComparison", "diverged at %1").arg(n);
    case StopReason::NoData:
        break;
    }
    return NumberText::dash();
}

} // namespace

NormalizationComparison::NormalizationComparison(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_intro(new QLabel(this))
    , m_sliceBox(new QComboBox(this))
    , m_againButton(new QPushButton(tr("Compare again"), this))
    , m_outdatedLabel(new QLabel(this))
    , m_summary(new QLabel(this)) {
    setWindowTitle(tr("Why normalisation matters"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(6);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::RichText);
    layout->addWidget(m_intro);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Slice shown:"), this));
    controls->addWidget(m_sliceBox);
    controls->addSpacing(12);
    controls->addWidget(m_outdatedLabel, 1);
    controls->addWidget(m_againButton);
    layout->addLayout(controls);
    m_sliceBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sliceBox->setToolTip(tr("The two parameters drawn; the others are held at each side's fit. "
                              "Chosen first: the slice that normalising changes most."));
    m_outdatedLabel->setStyleSheet(QStringLiteral("color: #b35900;"));

    auto* plots = new QHBoxLayout;
    plots->setSpacing(10);
    for (int k = 0; k < 2; ++k) {
        m_sides[k].plot = new QCustomPlot(this);
        m_sides[k].plot->setMinimumSize(300, 280);
        plots->addWidget(m_sides[k].plot, 1);
    }
    layout->addLayout(plots, 1);
    buildSide(m_sides[0], tr("Raw features"));
    buildSide(m_sides[1], tr("Z-scored features"));

    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    connect(m_againButton, &QPushButton::clicked, this, &NormalizationComparison::compareAgain);
    connect(m_sliceBox, &QComboBox::activated, this, [this](int index) {
        const QPoint pair = m_sliceBox->itemData(index).toPoint();
        setSlice(pair.x(), pair.y());
    });
    connect(m_document, &Document::analysisChanged, this, [this] {
        if (!m_hasResult)
            return;
        m_outdated = true;
        m_outdatedLabel->setText(tr("The data changed since: compare again to update."));
    });
    updateSummary();
}

NormalizationComparison::~NormalizationComparison() {
    silenceChildren(this);
}

void NormalizationComparison::buildSide(Side& side, const QString& title) {
    QCustomPlot* plot = side.plot;
    PlotView::stylePlot(plot);
    plot->plotLayout()->insertRow(0);
    QFont titleFont = plot->xAxis->labelFont();
    titleFont.setBold(true);
    side.title = new QCPTextElement(plot, title, titleFont);
    plot->plotLayout()->addElement(0, 0, side.title);

    side.map = new QCPColorMap(plot->xAxis, plot->yAxis);
    side.map->setGradient(LandscapeStyle::lossGradient());
    side.map->setInterpolate(true);
    side.map->setTightBoundary(false);
    side.map->removeFromLegend();

    plot->addLayer(QStringLiteral("moving"), plot->layer(QStringLiteral("main")),
                   QCustomPlot::limAbove);
    QCPLayer* overlay = plot->layer(QStringLiteral("moving"));
    side.path = new QCPCurve(plot->xAxis, plot->yAxis);
    side.path->setLayer(overlay);
    side.path->setPen(QPen(kPathColor, 2.0));
    side.path->setName(tr("gradient descent"));
    side.start = plot->addGraph();
    side.start->setLayer(overlay);
    side.start->setLineStyle(QCPGraph::lsNone);
    side.start->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 2), QBrush(kPathColor), 10));
    side.start->setName(tr("start (all 0)"));
    side.optimum = plot->addGraph();
    side.optimum->setLayer(overlay);
    side.optimum->setLineStyle(QCPGraph::lsNone);
    side.optimum->setScatterStyle(LandscapeStyle::optimumStyle());
    side.optimum->setName(tr("least squares"));
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    // Equal scales on both axes (a circle looks round): the axis rect's size is known only
    // after layout, so the ranges are fitted then, and the grid follows them.
    connect(plot, &QCustomPlot::afterLayout, this, [this, &side] { fitAspect(side); });
}

void NormalizationComparison::compare(const NormalizationComparisonSettings& settings) {
    m_settings = settings;
    m_settings.scale = m_document->transformSettings().scale;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        m_result = compareNormalization(m_document->dataset(), m_settings);
        m_hasResult = true;
    } catch (const std::exception&) {
        m_result = NormalizationComparisonResult();
        m_hasResult = false;
    }
    QApplication::restoreOverrideCursor();
    m_outdated = false;
    m_outdatedLabel->clear();
    rebuildSliceBox();
    redraw();
}

void NormalizationComparison::compareAgain() {
    compare(m_settings);
}

void NormalizationComparison::rebuildSliceBox() {
    const std::vector<std::string>& names = m_document->dataset().featureNames();
    const int d = int(names.size());
    const QSignalBlocker block(m_sliceBox);
    m_sliceBox->clear();
    for (int i = 0; i <= d; ++i)
        for (int j = i + 1; j <= d; ++j)
            m_sliceBox->addItem(QStringLiteral("%1 \u00d7 %2")
                                    .arg(LossLandscapeView::parameterTitle(names, i),
                                         LossLandscapeView::parameterTitle(names, j)),
                                QPoint(i, j));
    // The slice where normalising changes the shape most tells the story best.
    if (m_hasResult) {
        const auto [i, j] = mostChangedSlice(m_result.raw.statistics, m_result.zscored.statistics);
        m_slice = {int(i), int(j)};
    }
    const int index = m_sliceBox->findData(QPoint(m_slice.first, m_slice.second));
    m_sliceBox->setCurrentIndex(std::max(0, index));
    m_sliceBox->setEnabled(m_sliceBox->count() > 1);
}

void NormalizationComparison::setSlice(int i, int j) {
    const int d = int(m_document->dataset().featureCount());
    if (i == j || i < 0 || j < 0 || i > d || j > d)
        return;
    m_slice = {std::min(i, j), std::max(i, j)};
    const QSignalBlocker block(m_sliceBox);
    m_sliceBox->setCurrentIndex(
        std::max(0, m_sliceBox->findData(QPoint(m_slice.first, m_slice.second))));
    redraw();
}

void NormalizationComparison::redraw() {
    drawSide(m_sides[0], m_result.raw);
    drawSide(m_sides[1], m_result.zscored);
    updateSummary();
}

void NormalizationComparison::drawSide(Side& side, const NormalizationRun& run) {
    QCustomPlot* plot = side.plot;
    const arma::uword d = run.statistics.featureCount();
    const arma::uword i = arma::uword(m_slice.first), j = arma::uword(m_slice.second);
    const bool drawable = m_hasResult && run.statistics.sampleCount() > 0 && d >= 1 && i <= d &&
                          j <= d && i != j && !run.path.empty();
    side.path->data()->clear();
    side.start->data()->clear();
    side.optimum->data()->clear();
    side.map->data()->clear();
    for (QCPCurve* c : side.contours)
        c->setVisible(false);
    if (!drawable) {
        plot->xAxis->setRange(0, 1);
        plot->yAxis->setRange(0, 1);
        plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const std::vector<std::string>& names = m_document->dataset().featureNames();
    plot->xAxis->setLabel(LossLandscapeView::parameterTitle(names, int(i)));
    plot->yAxis->setLabel(LossLandscapeView::parameterTitle(names, int(j)));

    QVector<QCPCurveData> path;
    path.reserve(int(run.path.size()));
    for (std::size_t k = 0; k < run.path.size(); ++k) {
        const arma::vec& theta = run.path[k];
        if (PlotView::isPlottable(theta(i)) && PlotView::isPlottable(theta(j)))
            path.append(QCPCurveData(double(k), theta(i), theta(j)));
    }
    side.path->data()->set(path, true);
    const arma::vec& first = run.path.front();
    side.start->data()->set({QCPGraphData(first(i), first(j))}, true);
    const LeastSquaresResult& ls = run.statistics.leastSquares();
    const double ox = i < d ? ls.weights(i) : ls.bias, oy = j < d ? ls.weights(j) : ls.bias;
    if (PlotView::isPlottable(ox) && PlotView::isPlottable(oy))
        side.optimum->data()->set({QCPGraphData(ox, oy)}, true);

    // The whole path in view (it may swing wide of the line from the start to the fit).
    std::vector<std::pair<double, double>> points{{ox, oy}};
    for (const QCPCurveData& p : path)
        points.emplace_back(p.key, p.value);
    side.wanted = landscapeWindow(run.statistics, i, j, points, true);
    side.drawn = side.wanted;
    fillGrid(side, run);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void NormalizationComparison::fillGrid(Side& side, const NormalizationRun& run) {
    QCustomPlot* plot = side.plot;
    LossSurfaceSpec spec;
    spec.xParameter = arma::uword(m_slice.first);
    spec.yParameter = arma::uword(m_slice.second);
    spec.xMin = side.drawn.xMin;
    spec.xMax = side.drawn.xMax;
    spec.yMin = side.drawn.yMin;
    spec.yMax = side.drawn.yMax;
    spec.xSteps = spec.ySteps = LossLandscapeView::kGridSize;
    LossSurfaceGrid grid;
    try {
        // The slice through the fit: the other parameters held where descent ends.
        const LeastSquaresResult& ls = run.statistics.leastSquares();
        grid = LossSurface::compute(run.statistics, LinearModel(ls.weights, ls.bias), spec);
    } catch (const std::exception&) {
        grid = LossSurfaceGrid{};
    }
    LandscapeStyle::fillColorMap(side.map, grid, true);
    LandscapeStyle::drawContours(plot, side.contours, grid, true,
                                 plot->layer(QStringLiteral("main")));
    const auto range = [](double lo, double hi) {
        return PlotView::isPlottable(lo) && PlotView::isPlottable(hi) && lo < hi ? QCPRange(lo, hi)
                                                                                 : QCPRange(0, 1);
    };
    plot->xAxis->setRange(range(side.drawn.xMin, side.drawn.xMax));
    plot->yAxis->setRange(range(side.drawn.yMin, side.drawn.yMax));
}

void NormalizationComparison::fitAspect(Side& side) {
    if (m_fitting || !m_hasResult || side.map->data()->isEmpty())
        return;
    const QRect rect = side.plot->axisRect()->rect();
    if (rect.width() < 20 || rect.height() < 20)
        return;
    const LandscapeWindow& w = side.wanted;
    // One unit as many pixels on both axes, showing at least the wanted window.
    const double unit =
        std::max((w.xMax - w.xMin) / rect.width(), (w.yMax - w.yMin) / rect.height());
    const double xc = w.xMin / 2 + w.xMax / 2, yc = w.yMin / 2 + w.yMax / 2;
    LandscapeWindow fitted;
    fitted.xMin = xc - unit * rect.width() / 2;
    fitted.xMax = xc + unit * rect.width() / 2;
    fitted.yMin = yc - unit * rect.height() / 2;
    fitted.yMax = yc + unit * rect.height() / 2;
    const double tx = 0.003 * (fitted.xMax - fitted.xMin), ty = 0.003 * (fitted.yMax - fitted.yMin);
    if (std::abs(fitted.xMin - side.drawn.xMin) <= tx &&
        std::abs(fitted.xMax - side.drawn.xMax) <= tx &&
        std::abs(fitted.yMin - side.drawn.yMin) <= ty &&
        std::abs(fitted.yMax - side.drawn.yMax) <= ty)
        return;
    m_fitting = true;
    side.drawn = fitted;
    fillGrid(side, &side == &m_sides[0] ? m_result.raw : m_result.zscored);
    m_fitting = false;
    // This replot laid out its ticks for the old ranges: one more with the new ones.
    side.plot->replot(QCustomPlot::rpQueuedReplot);
}

void NormalizationComparison::updateSummary() {
    const QString tolerance = NumberText::brief(m_settings.tolerance, 3);
    const QString fraction = NumberText::brief(m_settings.rateFraction, 3);
    m_intro->setText(tr("<b>Why normalisation matters.</b> Full-batch gradient descent from "
                        "w&nbsp;=&nbsp;0, b&nbsp;=&nbsp;0 on the "
                        "same data twice: once on the raw features, once on z-scored ones (mean 0, "
                        "std 1). Each runs at "
                        "%1 of its own stable bound 2/\u03bb<sub>max</sub> until the gradient is "
                        "%2 of its starting size. "
                        "Both landscapes are drawn at equal scales on the two axes, so a round "
                        "bowl looks round.")
                         .arg(fraction, tolerance));
    if (!m_hasResult) {
        m_summary->setText(tr("Press <i>Compare again</i> to run both."));
        for (Side& side : m_sides)
            side.title->setText(side.title->text()
                                    .section(QStringLiteral(" \u2014 "), 0, 0)
                                    .section(QLatin1Char('\n'), 0, 0));
        return;
    }
    updateTitles();
    m_summary->setText(summaryTable(fraction, tolerance) + moralText());
}

void NormalizationComparison::updateTitles() {
    const NormalizationRun& raw = m_result.raw;
    const NormalizationRun& z = m_result.zscored;
    // The stretch of the slice drawn, so what the eye sees has a number (it can differ from the
    // whole bowl's: the bias's coupling shows only on slices with the bias).
    const arma::uword i = arma::uword(m_slice.first), j = arma::uword(m_slice.second);
    const auto title = [&](const QString& name, const NormalizationRun& run) {
        return tr("%1 \u2014 %2 epochs\ncondition number of this slice: %3")
            .arg(name, epochsText(run.result),
                 conditionText(sliceConditionNumber(run.statistics, i, j)));
    };
    m_sides[0].title->setText(title(tr("Raw features"), raw));
    m_sides[1].title->setText(title(tr("Z-scored features"), z));
}

QString NormalizationComparison::summaryTable(const QString& fraction,
                                              const QString& tolerance) const {
    const NormalizationRun& raw = m_result.raw;
    const NormalizationRun& z = m_result.zscored;
    const QString row = QStringLiteral("<tr><td>%1</td><td align=right>&nbsp;&nbsp;%2</td><td "
                                       "align=right>&nbsp;&nbsp;%3</td></tr>");
    QString table = QStringLiteral("<table cellspacing=0 cellpadding=1>");
    table += row.arg(QString(), tr("<b>raw</b>"), tr("<b>z-scored</b>"));
    table += row.arg(tr("learning rate (%1 \u00d7 2/\u03bb<sub>max</sub>)").arg(fraction),
                     NumberText::brief(raw.rate, 3), NumberText::brief(z.rate, 3));
    table += row.arg(tr("condition number of X<sub>c</sub><sup>T</sup>X<sub>c</sub> (centred Gram, "
                        "bias left out)"),
                     conditionText(raw.gramCondition), conditionText(z.gramCondition));
    table += row.arg(tr("condition number of the Hessian over (w, b): what descent feels"),
                     conditionText(raw.hessianCondition), conditionText(z.hessianCondition));
    table += row.arg(tr("epochs to tolerance %1").arg(tolerance), epochsText(raw.result),
                     epochsText(z.result));
    const bool fits = raw.originalWeights.n_elem > 0 && z.originalWeights.n_elem > 0;
    if (fits) {
        table += row.arg(tr("weights in original units"), vectorText(raw.originalWeights),
                         vectorText(z.originalWeights));
        table += row.arg(tr("bias in original units"), NumberText::brief(raw.originalBias, 6),
                         NumberText::brief(z.originalBias, 6));
    }
    table += QStringLiteral("</table>");
    return table;
}

QString NormalizationComparison::moralText() const {
    const NormalizationRun& raw = m_result.raw;
    const NormalizationRun& z = m_result.zscored;
    QString moral;
    if (raw.result.converged && z.result.converged && z.result.epochsRun > 0) {
        const double ratio = double(raw.result.epochsRun) / double(z.result.epochsRun);
        moral = tr("<p>The same model either way (compare the fits in original units), reached in "
                   "%1\u00d7 fewer "
                   "epochs on z-scored features. Centring removes the coupling between the bias "
                   "and the weights, and "
                   "equal spreads make every direction equally steep: the bowl becomes round, so "
                   "one rate suits "
                   "every direction.</p>")
                    .arg(ratio >= 10 ? grouped(qint64(std::llround(ratio)))
                                     : NumberText::brief(ratio, 2));
    } else {
        moral = tr("<p>Compare the epochs: a stretched bowl forces a rate small enough for its "
                   "steepest direction, "
                   "and the flat directions then crawl.</p>");
    }
    return moral;
}
