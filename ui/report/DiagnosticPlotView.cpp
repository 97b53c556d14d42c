#include "ui/report/DiagnosticPlotView.h"

#include "app/document/RegressionRunner.h"
#include "ui/common/NumberText.h"

#include <algorithm>
#include <cmath>
#include <limits>

DiagnosticPlotView::DiagnosticPlotView(Document* document, RegressionRunner* runner, Kind kind,
                                       QWidget* parent)
    : PlotView(document, parent)
    , m_runner(runner)
    , m_kind(kind) {
    QCPLayer* main = plot()->layer(QStringLiteral("main"));
    if (kind == Kind::NormalQQ) {
        m_guides << addLineGraph(tr("normal"), referencePen(), main);
    } else if (kind == Kind::Leverage) {
        QPen cooks(QColor(200, 80, 40), 1, Qt::DashLine);
        for (const QString& name : {tr("Cook's distance 0.5"), tr("Cook's distance 1")}) {
            m_guides << addLineGraph(name, cooks, main);
            m_guides << addLineGraph(QString(), cooks, main);
            m_guides.last()->removeFromLegend();
            cooks.setStyle(Qt::DotLine);
        }
    }
    if (kind == Kind::Leverage)
        plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    connect(runner, &RegressionRunner::resultChanged, this, &PlotView::refresh);
    refresh();
}

DiagnosticPlotView::~DiagnosticPlotView() = default;

QString DiagnosticPlotView::title() const {
    switch (m_kind) {
    case Kind::NormalQQ:
        return tr("Normal Q-Q");
    case Kind::ScaleLocation:
        return tr("Scale-location");
    case Kind::Leverage:
        return tr("Residuals vs leverage");
    }
    return {};
}

bool DiagnosticPlotView::hasDiagnostics() const {
    const RegressionRunner::Result& r = m_runner->result();
    return r.diagnostics.leverage.n_elem == document()->dataset().rowCount() &&
           r.diagnostics.leverage.n_elem > 0;
}

bool DiagnosticPlotView::rowPoint(int row, QPointF* point) const {
    if (!hasDiagnostics() || row < 0 || arma::uword(row) >= document()->dataset().rowCount())
        return false;
    const RegressionRunner::Result& r = m_runner->result();
    const auto i = arma::uword(row);
    const double standardized = r.diagnostics.standardized(i);
    switch (m_kind) {
    case Kind::NormalQQ:
        *point = QPointF(r.normalQuantiles(i), standardized);
        break;
    case Kind::ScaleLocation:
        *point = QPointF(r.diagnostics.fitted(i), std::sqrt(std::abs(standardized)));
        break;
    case Kind::Leverage:
        *point = QPointF(r.diagnostics.leverage(i), standardized);
        break;
    }
    return true;
}

QString DiagnosticPlotView::rowDetails(int row) const {
    if (!hasDiagnostics())
        return {};
    const linlab::RowDiagnostics& d = m_runner->result().diagnostics;
    const auto i = arma::uword(row);
    return tr("fitted %1, residual %2, standardized %3, leverage %4, Cook's distance %5")
        .arg(NumberText::brief(d.fitted(i)), NumberText::brief(d.residuals(i)),
             NumberText::brief(d.standardized(i), 4), NumberText::brief(d.leverage(i), 4),
             NumberText::brief(d.cooksDistance(i), 4));
}

void DiagnosticPlotView::rebuild() {
    const QString label = m_runner->result().labelName;
    switch (m_kind) {
    case Kind::NormalQQ:
        setAxisTitles(tr("theoretical quantile"), tr("standardized residual"));
        break;
    case Kind::ScaleLocation:
        setAxisTitles(tr("fitted %1").arg(label), tr("\u221A|standardized residual|"));
        break;
    case Kind::Leverage:
        setAxisTitles(tr("leverage"), tr("standardized residual"));
        break;
    }
    updatePoints(pointsName());
    double xLo = std::numeric_limits<double>::infinity(), xHi = -xLo;
    double yLo = xLo, yHi = -xLo;
    const QSharedPointer<QCPGraphDataContainer> points = pointsGraph()->data();
    for (auto it = points->constBegin(); it != points->constEnd(); ++it) {
        include(it->key, xLo, xHi);
        include(it->value, yLo, yHi);
    }
    if (m_kind == Kind::Leverage)
        xLo = std::min(xLo, 0.0); // leverage starts at 0: the contours need room on the left
    const QCPRange x = paddedRange(xLo, xHi), y = paddedRange(yLo, yHi);
    setRanges(x, y);
    updateGuides(x, y);
    if (pointCount() > 0)
        setMessage(QString());
    else if (!m_runner->result().regression.report().problem.empty())
        setMessage(QString::fromStdString(m_runner->result().regression.report().problem));
    else
        setMessage(m_runner->isCurrent() ? emptyMessage() : tr("Fitting\u2026"));
    // Small plots in a grid: only the leverage plot's contours need a legend.
    if (m_kind != Kind::Leverage)
        plot()->legend->setVisible(false);
}

bool DiagnosticPlotView::rebuildModel() {
    return true; // the least-squares fit does not move with the sliders
}

void DiagnosticPlotView::updateGuides(const QCPRange& x, const QCPRange& y) {
    for (QCPGraph* g : m_guides)
        g->data()->clear();
    if (pointCount() == 0)
        return;
    if (m_kind == Kind::NormalQQ) {
        const double lo = std::max(x.lower, y.lower), hi = std::min(x.upper, y.upper);
        if (lo < hi)
            m_guides[0]->setData(QVector<double>{lo, hi}, QVector<double>{lo, hi}, true);
    } else if (m_kind == Kind::Leverage) {
        // Each contour over the leverages shown, clipped to the plot's y range.
        const int steps = 120;
        const double hLo = std::max(x.lower, 1e-3 * x.upper), hHi = std::min(x.upper, 0.999);
        if (!(hLo < hHi))
            return;
        arma::vec h = arma::linspace(hLo, hHi, steps);
        const arma::uword rank = m_runner->result().regression.report().rank;
        const double levels[2] = {0.5, 1.0};
        for (int c = 0; c < 2; ++c) {
            const arma::vec r = linlab::Influence::cooksContour(h, levels[c], rank);
            QVector<double> keys, upper, lower;
            for (arma::uword i = 0; i < h.n_elem; ++i) {
                if (!isPlottable(r(i)) || r(i) > 4 * y.upper - 3 * y.lower)
                    continue;
                keys << h(i);
                upper << r(i);
                lower << -r(i);
            }
            m_guides[2 * c]->setData(keys, upper, true);
            m_guides[2 * c + 1]->setData(keys, lower, true);
        }
    }
}
