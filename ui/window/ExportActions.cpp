#include "ui/window/ExportActions.h"

#include "app/document/Document.h"
#include "app/document/RegressionRunner.h"
#include "model/io/AtomicFile.h"
#include "model/io/CsvWriter.h"
#include "model/io/DataExport.h"
#include "model/io/NumpyScript.h"
#include "ui/common/LastFolder.h"
#include "ui/plots/ExportPlotDialog.h"
#include "ui/training/TrainingSession.h"
#include "ui/window/OpenFileWatcher.h"
#include "ui/window/WindowNotices.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QVBoxLayout>

ExportActions::ExportActions(QMainWindow* window, Document* document, TrainingSession* session,
                             const QMap<linlab::PlotKind, QCustomPlot*>& plots,
                             QAction* showTransformed, OpenFileWatcher* watcher)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_session(session)
    , m_plots(plots)
    , m_showTransformed(showTransformed)
    , m_watcher(watcher) {}

void ExportActions::exportDataCsv() {
    QDialog options(m_window);
    options.setWindowTitle(tr("Export Data as CSV"));
    auto* transformed = new QCheckBox(tr("Transformed values (as the model sees them)"));
    auto* predictions = new QCheckBox(tr("Add prediction and residual columns"));
    auto* diagnostics = new QCheckBox(tr(
        "Add the least-squares fit's diagnostics (fitted, residual, leverage, Cook's distance)"));
    diagnostics->setVisible(m_regression != nullptr);
    transformed->setChecked(m_showTransformed->isChecked());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(&options);
    layout->addWidget(transformed);
    layout->addWidget(predictions);
    layout->addWidget(diagnostics);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &options, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &options, &QDialog::reject);
    if (options.exec() != QDialog::Accepted)
        return;
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Export Data as CSV"),
                                     QDir(LastFolder::get(LastFolder::Purpose::Files))
                                         .filePath(m_document->name() + QStringLiteral(".csv")),
                                     tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportDataCsvTo(path, transformed->isChecked(), predictions->isChecked(),
                        diagnostics->isChecked());
}

bool ExportActions::exportDataCsvTo(const QString& path, bool transformed, bool predictions,
                                    bool diagnostics) {
    try {
        linlab::DataExportOptions options{transformed, predictions, nullptr};
        if (diagnostics && m_regression) {
            m_regression->waitForResult(); // the diagnostics of the data as it is now
            options.diagnostics = &m_regression->result().diagnostics;
        }
        // The rows used, with the design's names (dummies as COLUMN=LEVEL) in a typed document.
        const linlab::CsvTable table = linlab::DataExport::table(
            m_document->dataset(), m_document->analysis(), m_document->fullEvaluation(), options);
        linlab::CsvWriter::writeFile(path.toStdString(), table.names, table.data);
    } catch (const std::exception& e) {
        warnNotWritten(e);
        return false;
    }
    written(path, tr("Wrote %1.").arg(QFileInfo(path).fileName()));
    return true;
}

void ExportActions::exportNumpyScript() {
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Export NumPy Script"),
                                     QDir(LastFolder::get(LastFolder::Purpose::Files))
                                         .filePath(m_document->name() + QStringLiteral(".py")),
                                     tr("Python scripts (*.py)"));
    if (!path.isEmpty())
        exportNumpyScriptTo(path);
}

bool ExportActions::exportNumpyScriptTo(const QString& path) {
    try {
        // A plain gradient-descent run being watched is repeated in the script from its start.
        const bool withRun = m_session->isAttached() &&
                             m_session->method() == TrainingSession::Method::GradientDescent;
        const linlab::LinearModel& model = withRun ? m_session->startModel() : m_document->model();
        const std::optional<linlab::GradientDescentSettings> gd =
            withRun ? std::optional(m_session->descentSettings()) : std::nullopt;
        // A typed document's script starts from the raw columns and does the design in NumPy.
        const std::string script =
            m_document->isTyped()
                ? linlab::NumpyScript::generate(m_document->source(),
                                                m_document->transformSettings(), model, gd)
                : linlab::NumpyScript::generate(m_document->dataset(),
                                                m_document->transformSettings(), model, gd);
        linlab::writeFileAtomically(path.toStdString(), script);
    } catch (const std::exception& e) {
        warnNotWritten(e);
        return false;
    }
    written(path, tr("Wrote %1: run it with python3 to see the same numbers.")
                      .arg(QFileInfo(path).fileName()));
    return true;
}

void ExportActions::exportPlots() {
    QList<QPair<QString, QCustomPlot*>> plots;
    for (const linlab::PlotKindInfo& info : linlab::plotKinds())
        if (QCustomPlot* plot = m_plots.value(info.kind))
            plots.append({QString::fromLatin1(info.name), plot});
    ExportPlotDialog dialog(plots, m_document->name(), m_window);
    dialog.exec();
}

void ExportActions::warnNotWritten(const std::exception& e) {
    WindowNotices::warn(
        m_window, tr("Cannot Export"),
        tr("%1\n\nAny file already there is untouched; your data is still open and unchanged.")
            .arg(QString::fromStdString(e.what())));
}

void ExportActions::written(const QString& path, const QString& text) {
    m_watcher->noteOwnWrite(path); // written over the open CSV: not someone else's change
    WindowNotices::status(m_window, text, false);
}
