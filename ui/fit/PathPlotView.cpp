#include "ui/fit/PathPlotView.h"

#include "ui/common/Teardown.h"

#include "app/document/Document.h"
#include "model/fit/Moments.h"
#include "model/fit/Regularized.h"
#include "ui/common/NumberText.h"
#include "ui/panels/FitSettingsGroup.h"
#include "ui/plots/CategoryLayers.h"
#include "ui/plots/PlotView.h"
#include "ui/training/LandscapeStyle.h"

#include <QVBoxLayout>

#include <cmath>

using namespace linlab;

PathPlotView::PathPlotView(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_plot(new QCustomPlot(this)) {
    m_plot->setAccessibleName(tr("Regularisation path: each weight against alpha"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(260, 200);
    PlotView::stylePlot(m_plot);
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_plot->xAxis->setLabel(tr("\u03b1 (log scale)"));
    m_plot->yAxis->setLabel(tr("weight"));
    m_plot->legend->setFont(m_plot->xAxis->tickLabelFont());
    // Below the plot: inside it, the legend would hide the curves where they shrink to 0.
    LandscapeStyle::putLegendBelow(m_plot);

    // The marker moves on every alpha tick: its own buffered layer, the curves untouched.
    m_plot->addLayer(QStringLiteral("marker"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    m_overlay = m_plot->layer(QStringLiteral("marker"));
    m_overlay->setMode(QCPLayer::lmBuffered);
    m_marker = new QCPItemStraightLine(m_plot);
    m_marker->setLayer(m_overlay);
    m_marker->setPen(QPen(QColor(200, 30, 30), 1.6, Qt::DashLine));
    m_markerLabel = new QCPItemText(m_plot);
    m_markerLabel->setLayer(m_overlay);
    m_markerLabel->setColor(QColor(200, 30, 30));
    m_markerLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_markerLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_markerLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_markerLabel->setPadding(QMargins(4, 2, 4, 2));
    m_message = new QCPItemText(m_plot);
    m_message->setLayer(QStringLiteral("legend"));
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setColor(QColor(110, 110, 110));
    m_message->setVisible(false);

    connect(m_document, &Document::analysisChanged, this, &PathPlotView::rebuild);
    connect(m_document, &Document::fitSettingsChanged, this, &PathPlotView::onSettingsChanged);
    rebuild();
}

PathPlotView::~PathPlotView() {
    silenceChildren(this);
}

double PathPlotView::markerAlpha() const {
    return m_marker->visible() ? m_marker->point1->coords().x() : std::nan("");
}

QString PathPlotView::message() const {
    return m_message->visible() ? m_message->text() : QString();
}

void PathPlotView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_pending)
        rebuild();
}

arma::vec PathPlotView::settingsKey() const {
    const FitSettings& s = m_document->fitSettings();
    return {double(int(s.penalty)), s.intercept ? 1.0 : 0.0, s.testFraction, double(s.seed)};
}

void PathPlotView::onSettingsChanged() {
    const arma::vec key = settingsKey();
    if (key.n_elem == m_key.n_elem && arma::all(key == m_key) && !m_pending) {
        moveMarker(); // alpha alone: the path stands
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    rebuild();
}

void PathPlotView::rebuild() {
    // Behind another tab of a shown window: catch up once when shown.
    if (!isVisible() && window()->isVisible()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    m_key = settingsKey();
    computePath();
    drawPath();
    moveMarker();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PathPlotView::computePath() {
    m_alphas.reset();
    m_path.reset();
    const FitSettings& s = m_document->fitSettings();
    const SufficientStatistics& stats =
        m_document->fitSetup().fitStatistics(m_document->analysis());
    const arma::uword d = stats.featureCount();
    if (s.penalty == Penalty::None) {
        showMessage(tr("Choose Ridge or Lasso (Fit, in the model panel) to see each weight "
                       "against \u03b1"));
        return;
    }
    if (stats.sampleCount() == 0 || d == 0) {
        showMessage(tr("No rows or no features: no path to draw"));
        return;
    }
    if (d > arma::uword(kMaxFeatures)) {
        showMessage(tr("%1 features: a path is drawn for at most %2")
                        .arg(NumberText::count(qint64(d)))
                        .arg(kMaxFeatures));
        return;
    }
    double low = 0, high = 0;
    FitSettingsGroup::alphaRange(*m_document, low, high);
    try {
        m_alphas = Regularized::alphaGrid(low, high, kGridSize);
        m_path = Regularized::path(Moments::of(stats, s.intercept), s.penalty, m_alphas);
        ++m_builds;
        showMessage(QString());
    } catch (const std::exception&) {
        m_alphas.reset();
        m_path.reset();
        showMessage(tr("No path: the fit cannot be made on these rows"));
    }
}

void PathPlotView::drawPath() {
    m_plot->clearGraphs();
    if (m_path.is_empty())
        return;
    const std::vector<std::string>& names = m_document->dataset().featureNames();
    double lo = 0, hi = 0;
    bool any = false;
    for (arma::uword j = 0; j < m_path.n_rows; ++j) {
        QCPGraph* graph = m_plot->addGraph();
        const QString name =
            j < names.size() ? QString::fromStdString(names[j]) : QStringLiteral("w%1").arg(j);
        graph->setName(QStringLiteral("w%1  %2").arg(j + 1).arg(name));
        graph->setPen(QPen(CategoryLayers::levelColor(int(j)), 1.8));
        QVector<QCPGraphData> data;
        data.reserve(int(m_alphas.n_elem));
        for (arma::uword k = 0; k < m_alphas.n_elem; ++k) {
            const double w = m_path(j, k);
            // A value QCustomPlot cannot draw becomes a gap (NaN), not a spike.
            const bool ok = PlotView::isPlottable(w);
            data.append(QCPGraphData(m_alphas(k), ok ? w : std::nan("")));
            if (ok) {
                lo = any ? std::min(lo, w) : w;
                hi = any ? std::max(hi, w) : w;
                any = true;
            }
        }
        graph->data()->set(data, true);
    }
    m_plot->xAxis->setRange(m_alphas.front(), m_alphas.back());
    m_plot->yAxis->setRange(any ? PlotView::paddedRange(std::min(lo, 0.0), std::max(hi, 0.0))
                                : QCPRange(-1, 1));
    m_plot->legend->setVisible(m_path.n_rows <= 12); // beyond that a legend hides the curves
}

void PathPlotView::moveMarker() {
    const double alpha = m_document->fitSettings().alpha;
    const bool shown = !m_path.is_empty() && alpha > 0 && std::isfinite(alpha);
    m_marker->setVisible(shown);
    m_markerLabel->setVisible(shown);
    if (!shown)
        return;
    m_marker->point1->setCoords(alpha, 0);
    m_marker->point2->setCoords(alpha, 1);
    m_markerLabel->position->setCoords(alpha, 0.0);
    m_markerLabel->setText(tr("\u03b1 = %1").arg(NumberText::brief(alpha, 3)));
}

void PathPlotView::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_plot->legend->setVisible(text.isEmpty());
    m_plot->xAxis->setTickLabels(text.isEmpty());
    m_plot->yAxis->setTickLabels(text.isEmpty());
    if (!text.isEmpty())
        m_plot->clearGraphs();
}
