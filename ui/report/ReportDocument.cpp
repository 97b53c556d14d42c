#include "ui/report/ReportDocument.h"

#include "app/document/RegressionRunner.h"
#include "ui/common/NumberText.h"
#include "ui/report/CoefficientTableModel.h"

#include <QBuffer>
#include <QFile>
#include <QPageSize>
#include <QPrinter>
#include <QTextDocument>
#include <QUrl>

namespace {
QString cell(const QString& text, bool header = false) {
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    return QStringLiteral("<%1>%2</%1>").arg(tag, text.toHtmlEscaped());
}

QString pngDataUrl(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}
} // namespace

ReportDocument::ReportDocument(const RegressionRunner& runner, const CoefficientTableModel& table,
                               QList<std::pair<QString, QImage>> plots)
    : m_runner(runner)
    , m_table(table)
    , m_plots(std::move(plots)) {}

QString ReportDocument::html(bool inlineImages) const {
    const RegressionRunner::Result& r = m_runner.result();
    const linlab::RegressionReport& rep = r.regression.report();
    QString h =
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                       "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
                       "td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}"
                       "th:first-child,td:first-child{text-align:left}</style></head><body>")
            .arg(QObject::tr("LinLab regression report"));
    QStringList terms{QStringLiteral("1")};
    terms << r.featureNames;
    h += QStringLiteral("<h2>%1</h2>")
             .arg(QStringLiteral("%1 ~ %2")
                      .arg(r.labelName, terms.join(QStringLiteral(" + ")))
                      .toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg(QObject::tr("Ordinary least squares, with the definitions of R's summary.lm and "
                              "statsmodels' OLS.")
                      .toHtmlEscaped());
    if (!rep.problem.empty())
        h += QStringLiteral("<p><b>%1</b></p>")
                 .arg(QString::fromStdString(rep.problem).toHtmlEscaped());
    h += QStringLiteral("<table><tr>") + cell(QObject::tr("Term"), true);
    for (int c = 0; c < CoefficientTableModel::ColumnCount; ++c)
        h += cell(m_table.columnTitle(c), true);
    h += QStringLiteral("</tr>");
    for (int row = 0; row < m_table.rowCount(); ++row) {
        h += QStringLiteral("<tr>") +
             cell(m_table.headerData(row, Qt::Vertical, Qt::DisplayRole).toString());
        for (int c = 0; c < CoefficientTableModel::ColumnCount; ++c)
            h += cell(m_table.data(m_table.index(row, c), Qt::DisplayRole).toString());
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table><h3>%1</h3><table>").arg(QObject::tr("Model"));
    const QList<std::pair<QString, QString>> model{
        {QObject::tr("Rows used"), NumberText::count(qint64(rep.n))},
        {QObject::tr("Degrees of freedom (model, residual)"),
         NumberText::brief(rep.dfModel) + QStringLiteral(", ") + NumberText::brief(rep.dfResidual)},
        {QObject::tr("Residual standard error"), NumberText::brief(rep.sigma)},
        {QObject::tr("R\u00B2 (adjusted)"), NumberText::brief(rep.r2) + QStringLiteral(" (") +
                                                NumberText::brief(rep.r2Adjusted) +
                                                QStringLiteral(")")},
        {QObject::tr("F (p)"), NumberText::brief(rep.fStatistic) + QStringLiteral(" (") +
                                   NumberText::brief(rep.fPValue, 3) + QStringLiteral(")")},
        {QObject::tr("Log-likelihood"), NumberText::brief(rep.logLikelihood)},
        {QObject::tr("AIC, BIC"),
         NumberText::brief(rep.aic) + QStringLiteral(", ") + NumberText::brief(rep.bic)},
        {QObject::tr("Condition number"), NumberText::brief(rep.conditionNumber, 3)}};
    for (const auto& [name, value] : model)
        h += QStringLiteral("<tr>") + cell(name) + cell(value) + QStringLiteral("</tr>");
    h += QStringLiteral("</table>");
    if (!r.flagged.empty())
        h += QStringLiteral("<p>%1</p>")
                 .arg(QObject::tr("%n row(s) flagged (|studentized residual| > 3, Cook's distance "
                                  "> 4/n or leverage > 2p/n).",
                                  nullptr, int(r.flagged.size()))
                          .toHtmlEscaped());
    for (int i = 0; i < m_plots.size(); ++i) {
        const QString src =
            inlineImages ? pngDataUrl(m_plots[i].second) : QStringLiteral("plot%1.png").arg(i);
        h += QStringLiteral("<h3>%1</h3><img src=\"%2\" width=\"%3\">")
                 .arg(m_plots[i].first.toHtmlEscaped(), src)
                 .arg(std::min(m_plots[i].second.width(), 640));
    }
    return h + QStringLiteral("</body></html>");
}

QString ReportDocument::write(const QString& path) const {
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive)) {
        QTextDocument doc;
        for (int i = 0; i < m_plots.size(); ++i)
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("plot%1.png").arg(i)),
                            m_plots[i].second);
        doc.setHtml(html(false));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setOutputFileName(path);
        doc.print(&printer);
        return QFile::exists(path) ? QString() : QObject::tr("Could not write %1").arg(path);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QObject::tr("Could not write %1: %2").arg(path, file.errorString());
    file.write(html(true).toUtf8());
    return file.error() == QFile::NoError ? QString() : file.errorString();
}
