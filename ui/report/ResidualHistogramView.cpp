#include "ui/report/ResidualHistogramView.h"

#include "app/document/RegressionRunner.h"
#include "ui/common/Teardown.h"
#include "ui/plots/PlotView.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

ResidualHistogramView::ResidualHistogramView(RegressionRunner* runner, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_plot(new QCustomPlot) {
    m_plot->setAccessibleName(tr("Histogram of residuals"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    PlotView::stylePlot(m_plot);
    m_plot->setMinimumSize(220, 160);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setName(tr("residuals"));
    m_bars->setPen(QPen(QColor(60, 110, 170)));
    m_bars->setBrush(QColor(60, 110, 170, 90));
    m_curve = m_plot->addGraph();
    m_curve->setName(tr("normal"));
    m_curve->setPen(QPen(QColor(200, 80, 40), 1.6));
    m_plot->xAxis->setLabel(tr("residual (actual \u2212 fitted)"));
    m_plot->yAxis->setLabel(tr("density"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    connect(runner, &RegressionRunner::resultChanged, this, &ResidualHistogramView::refresh);
    refresh();
}

ResidualHistogramView::~ResidualHistogramView() {
    silenceChildren(this);
}

QString ResidualHistogramView::title() const {
    return tr("Residuals");
}

void ResidualHistogramView::refresh() {
    const RegressionRunner::Result& r = m_runner->result();
    const arma::vec& e = r.diagnostics.residuals;
    const linlab::Histogram h = linlab::Influence::histogram(e);
    m_bars->data()->clear();
    m_curve->data()->clear();
    if (h.counts.is_empty()) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    // Densities, so the bars and the curve share one scale whatever the bin width.
    const double width = h.edges(1) - h.edges(0);
    const double total = double(arma::accu(h.counts));
    QVector<double> keys, values;
    double top = 0;
    for (arma::uword b = 0; b < h.counts.n_elem; ++b) {
        keys << h.edges(b) + width / 2;
        values << double(h.counts(b)) / (total * width);
        top = std::max(top, values.last());
    }
    m_bars->setWidth(width);
    m_bars->setData(keys, values, true);
    const double sigma = r.regression.report().sigma;
    const arma::vec x = arma::linspace(h.edges.front() - width, h.edges.back() + width, 160);
    const arma::vec y = linlab::Influence::normalDensity(x, 0.0, sigma);
    QVector<double> cx, cy;
    for (arma::uword i = 0; i < x.n_elem; ++i) {
        if (!PlotView::isPlottable(y(i)))
            continue;
        cx << x(i);
        cy << y(i);
        top = std::max(top, y(i));
    }
    m_curve->setData(cx, cy, true);
    m_plot->xAxis->setRange(PlotView::paddedRange(h.edges.front() - width, h.edges.back() + width));
    m_plot->yAxis->setRange(PlotView::isPlottable(top) && top > 0 ? QCPRange(0, top * 1.1)
                                                                  : QCPRange(0, 1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
