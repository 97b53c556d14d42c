#include "ui/report/DiagnosticsView.h"

#include "ui/common/Teardown.h"
#include "ui/report/DiagnosticPlotView.h"
#include "ui/report/ResidualHistogramView.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace {
// A plot under its bold title.
QWidget* titled(const QString& title, QWidget* plot) {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    layout->addWidget(label);
    layout->addWidget(plot, 1);
    return box;
}
} // namespace

DiagnosticsView::DiagnosticsView(Document* document, RegressionRunner* runner, QWidget* parent)
    : QWidget(parent)
    , m_qq(new DiagnosticPlotView(document, runner, DiagnosticPlotView::Kind::NormalQQ))
    , m_scaleLocation(
          new DiagnosticPlotView(document, runner, DiagnosticPlotView::Kind::ScaleLocation))
    , m_leverage(new DiagnosticPlotView(document, runner, DiagnosticPlotView::Kind::Leverage))
    , m_histogram(new ResidualHistogramView(runner)) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(0);
    grid->addWidget(titled(m_qq->title(), m_qq), 0, 0);
    grid->addWidget(titled(m_scaleLocation->title(), m_scaleLocation), 0, 1);
    grid->addWidget(titled(m_leverage->title(), m_leverage), 1, 0);
    grid->addWidget(titled(m_histogram->title(), m_histogram), 1, 1);
    for (PlotView* view : rowPlots())
        connect(view, &PlotView::rowClicked, this, &DiagnosticsView::rowClicked);
}

DiagnosticsView::~DiagnosticsView() {
    silenceChildren(this);
}

QVector<PlotView*> DiagnosticsView::rowPlots() const {
    return {m_qq, m_scaleLocation, m_leverage};
}

void DiagnosticsView::setSelectedRows(const QList<int>& rows) {
    for (PlotView* view : rowPlots())
        view->setSelectedRows(rows);
}
