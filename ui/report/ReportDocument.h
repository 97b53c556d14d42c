#pragma once
// The regression report as a document: HTML with the coefficient table, the model's numbers, the
// flagged rows and the diagnostic plots, written to an .html file (images inline) or printed to
// PDF. What the report panel's Export writes.

#include <QImage>
#include <QList>
#include <QString>

#include <utility>

class CoefficientTableModel;
class RegressionRunner;

class ReportDocument {
public:
    /// The report of `runner`'s latest result; `plots` are (title, image) of the diagnostics.
    ReportDocument(const RegressionRunner& runner, const CoefficientTableModel& table,
                   QList<std::pair<QString, QImage>> plots);

    /// The HTML; `inlineImages` embeds the plots as data URLs (for a file), otherwise they are
    /// named plot0.png, plot1.png, ... (for a QTextDocument's resources).
    QString html(bool inlineImages) const;
    /// Writes the HTML file or, for a path ending in .pdf, an A4 PDF. Returns "" or why not.
    QString write(const QString& path) const;

private:
    const RegressionRunner& m_runner;
    const CoefficientTableModel& m_table;
    QList<std::pair<QString, QImage>> m_plots;
};
