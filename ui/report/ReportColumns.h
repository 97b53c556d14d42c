#pragma once
// The regression report's per-row numbers as read-only columns of the data table: fitted value,
// residual, leverage, studentized residual and Cook's distance of the least-squares fit, beside
// the rows they belong to. Binds the runner's result to the table model; no math of its own.

#include <QObject>

class DataTableModel;
class RegressionRunner;

class ReportColumns : public QObject {
    Q_OBJECT
public:
    ReportColumns(DataTableModel* table, RegressionRunner* regression, QObject* parent = nullptr);

    /// Adds the columns to the table (or removes them).
    void setShown(bool shown);
    bool isShown() const { return m_shown; }
    /// The columns' names, in order.
    static QStringList names();

private:
    double value(int datasetRow, int column) const;

    DataTableModel* m_table;
    RegressionRunner* m_regression;
    bool m_shown = false;
};
