#include "ui/report/FitBands.h"

#include "app/document/Document.h"
#include "app/document/RegressionRunner.h"
#include "ui/common/NumberText.h"
#include "ui/plots/DataPlotView.h"

FitBands::FitBands(DataPlotView* plot, Document* document, RegressionRunner* runner,
                   QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_document(document)
    , m_runner(runner) {
    QCustomPlot* p = plot->plot();
    // Under the data points and the moving model line; static while sliders move.
    p->addLayer(QStringLiteral("bands"), p->layer(QStringLiteral("modelBelow")),
                QCustomPlot::limBelow);
    m_layer = p->layer(QStringLiteral("bands"));
    const auto edge = [p, this](const QColor& colour) {
        QCPGraph* g = p->addGraph();
        g->setLayer(m_layer);
        g->setPen(QPen(colour, 1, Qt::DotLine));
        g->removeFromLegend();
        return g;
    };
    m_piLow = edge(QColor(120, 120, 120));
    m_piHigh = edge(QColor(120, 120, 120));
    m_piHigh->setBrush(QColor(140, 140, 140, 40));
    m_piHigh->setChannelFillGraph(m_piLow);
    m_ciLow = edge(QColor(40, 110, 180));
    m_ciHigh = edge(QColor(40, 110, 180));
    m_ciHigh->setBrush(QColor(40, 110, 180, 60));
    m_ciHigh->setChannelFillGraph(m_ciLow);
    connect(runner, &RegressionRunner::resultChanged, this, &FitBands::update);
    connect(plot, &DataPlotView::xChanged, this, &FitBands::update);
    connect(p->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &FitBands::update);
}

void FitBands::setShown(bool shown) {
    if (shown == m_shown)
        return;
    m_shown = shown;
    update();
}

void FitBands::clear() {
    for (QCPGraph* g : {m_ciLow, m_ciHigh, m_piLow, m_piHigh}) {
        g->data()->clear();
        g->removeFromLegend();
    }
}

void FitBands::update() {
    // Hidden and empty: nothing to clear and nothing to replot (the axes move on slider ticks).
    if (m_updating || (!m_shown && m_ciHigh->dataCount() == 0))
        return;
    m_updating = true;
    clear();
    const linlab::Dataset& data = m_document->dataset();
    const RegressionRunner::Result& r = m_runner->result();
    const int feature = m_plot->feature();
    const bool drawable = m_shown && m_plot->xCategory().isEmpty() && feature >= 0 &&
                          r.regression.report().problem.empty() &&
                          !r.regression.report().coefficients.empty() &&
                          r.featureNames.size() == int(data.featureCount()) &&
                          r.featureMeans.n_elem == data.featureCount();
    if (drawable) {
        const QCPRange x = m_plot->plot()->xAxis->range();
        // Each row of the grid: the features' means, x in the plotted feature's place.
        arma::mat grid = arma::repmat(r.featureMeans, kSteps, 1);
        grid.col(arma::uword(feature)) = arma::linspace(x.lower, x.upper, kSteps);
        const std::vector<linlab::IntervalPrediction> bands = r.regression.predictRows(grid);
        QVector<double> keys, ciLow, ciHigh, piLow, piHigh;
        for (int i = 0; i < kSteps; ++i) {
            const linlab::IntervalPrediction& b = bands[std::size_t(i)];
            if (!PlotView::isPlottable(b.piLow) || !PlotView::isPlottable(b.piHigh))
                continue;
            keys << grid(arma::uword(i), arma::uword(feature));
            ciLow << b.ciLow;
            ciHigh << b.ciHigh;
            piLow << b.piLow;
            piHigh << b.piHigh;
        }
        m_ciLow->setData(keys, ciLow, true);
        m_ciHigh->setData(keys, ciHigh, true);
        m_piLow->setData(keys, piLow, true);
        m_piHigh->setData(keys, piHigh, true);
        const QString level =
            NumberText::brief(100 * r.regression.report().confidenceLevel, 4) + QLatin1Char('%');
        m_ciHigh->setName(tr("%1 confidence band (least squares)").arg(level));
        m_piHigh->setName(tr("%1 prediction band").arg(level));
        if (!keys.isEmpty()) {
            m_ciHigh->addToLegend();
            m_piHigh->addToLegend();
        }
    }
    m_plot->plot()->replot(QCustomPlot::rpQueuedReplot);
    m_updating = false;
}
