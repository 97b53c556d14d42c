#include "ui/report/CoefficientTableModel.h"

#include "ui/common/NumberText.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <cmath>

namespace {
QString percent(double level) {
    return NumberText::brief(100.0 * level, 4) + QLatin1Char('%');
}

// p-values the way R prints them: tiny ones as "< 2.2e-16" rather than a meaningless 0.
QString pText(double p) {
    if (!std::isfinite(p))
        return NumberText::dash();
    if (p < 2.2e-16)
        return QStringLiteral("< 2.2e-16");
    return NumberText::brief(p, 3);
}
} // namespace

CoefficientTableModel::CoefficientTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void CoefficientTableModel::setReport(const linlab::RegressionReport& report) {
    beginResetModel();
    m_report = report;
    endResetModel();
}

int CoefficientTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_report.coefficients.size());
}

int CoefficientTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

double CoefficientTableModel::value(int row, int column) const {
    if (row < 0 || row >= rowCount())
        return arma::datum::nan;
    const linlab::Coefficient& c = m_report.coefficients[std::size_t(row)];
    switch (column) {
    case Estimate:
        return c.estimate;
    case StdError:
        return c.stdError;
    case T:
        return c.t;
    case P:
        return c.p;
    case CiLow:
        return c.ciLow;
    case CiHigh:
        return c.ciHigh;
    case StdBeta:
        return c.stdBeta;
    case Vif:
        return c.vif;
    default:
        return arma::datum::nan;
    }
}

QString CoefficientTableModel::columnTitle(int column) const {
    const QString level = percent(m_report.confidenceLevel);
    switch (column) {
    case Estimate:
        return tr("Estimate");
    case StdError:
        return tr("Std. error");
    case T:
        return tr("t");
    case P:
        return tr("p");
    case CiLow:
        return tr("%1 CI low").arg(level);
    case CiHigh:
        return tr("%1 CI high").arg(level);
    case StdBeta:
        return tr("Std. β");
    case Vif:
        return tr("VIF");
    default:
        return {};
    }
}

QVariant CoefficientTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const linlab::Coefficient& c = m_report.coefficients[std::size_t(index.row())];
    const double v = value(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (!c.estimable)
            return index.column() == Estimate ? tr("not defined") : QString();
        return index.column() == P ? pText(v) : NumberText::shown(v);
    case Qt::ToolTipRole:
        if (!c.estimable)
            return tr("%1 is aliased: it is a combination of the other terms in these rows, so "
                      "its weight is not defined (R: \"not defined because of singularities\").")
                .arg(QString::fromStdString(c.name));
        return NumberText::exact(v);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!c.estimable)
            return QBrush(QColor(130, 130, 130));
        if (index.column() == Vif && v > 10)
            return QBrush(QColor(170, 60, 0)); // the usual warning line of collinearity
        return {};
    case Qt::FontRole:
        if (index.column() == P && c.estimable && c.p < 1 - m_report.confidenceLevel) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant CoefficientTableModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= ColumnCount)
            return {};
        if (role == Qt::ToolTipRole) {
            switch (section) {
            case P:
                return tr("Two-sided p-value of t, from Student's t with the residual degrees of "
                          "freedom. Bold: below 1 − the confidence level.");
            case StdBeta:
                return tr("Standardized coefficient: estimate · sd(x) / sd(y)");
            case Vif:
                return tr("Variance inflation factor: how much collinearity with the other "
                          "features inflates this weight's variance (above 10: in orange)");
            default:
                return {};
            }
        }
        return columnTitle(section);
    }
    if (section < 0 || section >= rowCount())
        return {};
    return QString::fromStdString(m_report.coefficients[std::size_t(section)].name);
}

QString CoefficientTableModel::toTabSeparated() const {
    QString text = tr("Term");
    for (int c = 0; c < ColumnCount; ++c)
        text += QLatin1Char('\t') + columnTitle(c);
    text += QLatin1Char('\n');
    for (int r = 0; r < rowCount(); ++r) {
        const linlab::Coefficient& coefficient = m_report.coefficients[std::size_t(r)];
        text += QString::fromStdString(coefficient.name);
        for (int c = 0; c < ColumnCount; ++c) {
            text += QLatin1Char('\t');
            // Full precision for a spreadsheet; an empty cell where the number is not defined.
            const double v = value(r, c);
            if (coefficient.estimable && std::isfinite(v))
                text += NumberText::exact(v);
        }
        text += QLatin1Char('\n');
    }
    return text;
}
