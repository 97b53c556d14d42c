#pragma once
// The coefficient table of the regression report as a read-only item model: one row per term
// (the intercept first), columns estimate, std. error, t, p, the interval, std. beta and VIF.
// Cells show rounded numbers; tooltips and the copied table keep every digit.

#include "model/fit/Regression.h"

#include <QAbstractTableModel>

class CoefficientTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Estimate, StdError, T, P, CiLow, CiHigh, StdBeta, Vif, ColumnCount };

    explicit CoefficientTableModel(QObject* parent = nullptr);

    /// Shows this report's coefficients (a reset).
    void setReport(const linlab::RegressionReport& report);
    const linlab::RegressionReport& report() const { return m_report; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The table as tab-separated text, full precision, with a header line: what a spreadsheet
    /// pastes into columns.
    QString toTabSeparated() const;
    /// The value of `column` for coefficient `row` (NaN when not defined).
    double value(int row, int column) const;
    /// The column's short title ("Estimate", "Std. error", "t", "p", "95% CI low", ...).
    QString columnTitle(int column) const;

private:
    linlab::RegressionReport m_report;
};
