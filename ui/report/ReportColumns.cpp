#include "ui/report/ReportColumns.h"

#include "app/document/RegressionRunner.h"
#include "ui/table/DataTableModel.h"

#include <QStringList>

#include <cmath>
#include <iterator>

ReportColumns::ReportColumns(DataTableModel* table, RegressionRunner* regression, QObject* parent)
    : QObject(parent)
    , m_table(table)
    , m_regression(regression) {
    connect(m_regression, &RegressionRunner::resultChanged, this, [this] {
        if (m_shown)
            m_table->extraValuesChanged();
    });
}

QStringList ReportColumns::names() {
    return {tr("fitted"), tr("residual"), tr("leverage"), tr("studentized"), tr("Cook's D")};
}

void ReportColumns::setShown(bool shown) {
    if (shown == m_shown)
        return;
    m_shown = shown;
    if (!shown) {
        m_table->setExtraColumns({}, {}, {});
        return;
    }
    const QString fit = tr("of the least-squares fit, from the regression report (all rows used)");
    const QStringList tips = {
        tr("Fitted value \u0177 %1").arg(fit), tr("Residual y \u2212 \u0177 %1").arg(fit),
        tr("Leverage h\u1d62\u1d62, the hat matrix's diagonal, %1").arg(fit),
        tr("Externally studentized residual (R's rstudent) %1; |value| > 3 flags the row").arg(fit),
        tr("Cook's distance %1; above 4/n flags the row").arg(fit)};
    m_table->setExtraColumns(names(), tips,
                             [this](int row, int column) { return value(row, column); });
}

double ReportColumns::value(int datasetRow, int column) const {
    const linlab::RowDiagnostics& d = m_regression->result().diagnostics;
    const arma::vec* columns[] = {&d.fitted, &d.residuals, &d.leverage, &d.studentized,
                                  &d.cooksDistance};
    if (column < 0 || column >= int(std::size(columns)) || datasetRow < 0 ||
        arma::uword(datasetRow) >= columns[column]->n_elem)
        return std::nan("");
    return (*columns[column])(arma::uword(datasetRow));
}
