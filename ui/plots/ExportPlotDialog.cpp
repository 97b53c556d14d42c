#include "ui/plots/ExportPlotDialog.h"

#include "ui/common/LastFolder.h"
#include "ui/common/Teardown.h"

#include "ui/plots/PlotExporter.h"
#include "ui/plots/PlotFactory.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace {

const QSize kPresets[] = {QSize(800, 500), QSize(1600, 1000), QSize(3200, 2000)};
const QSize kDefaultSize(1600, 1000);

QString settingsKey(const char* name) {
    return QStringLiteral("export/") + QLatin1String(name);
}

QString filterFor(const QString& format) {
    if (format == QLatin1String("jpg"))
        return ExportPlotDialog::tr("JPEG image (*.jpg *.jpeg)");
    if (format == QLatin1String("pdf"))
        return ExportPlotDialog::tr("PDF document (*.pdf)");
    if (format == QLatin1String("svg"))
        return ExportPlotDialog::tr("SVG image (*.svg)");
    return ExportPlotDialog::tr("PNG image (*.png)");
}

/// `path` with its extension made `format`'s (a known extension is replaced, otherwise added).
QString withFormat(const QString& path, const QString& format) {
    if (path.isEmpty())
        return path;
    QString base = path;
    if (!PlotExporter::formatForPath(path).isEmpty())
        base.chop(QFileInfo(path).suffix().size() + 1);
    return base + QLatin1Char('.') + format;
}

} // namespace

ExportPlotDialog::ExportPlotDialog(const QList<QPair<QString, QCustomPlot*>>& plots,
                                   const QString& datasetName, QWidget* parent)
    : QDialog(parent)
    , m_plots(plots)
    , m_datasetName(datasetName)
    , m_plotCombo(new QComboBox)
    , m_formatCombo(new QComboBox)
    , m_presetCombo(new QComboBox)
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_scaleCombo(new QComboBox)
    , m_hint(new QLabel)
    , m_pathLabel(new QLabel)
    , m_pathEdit(new QLineEdit)
    , m_browseButton(new QPushButton(tr("Browse\u2026")))
    , m_copyButton(new QPushButton(tr("Copy to Clipboard")))
    , m_status(new QLabel) {
    setWindowTitle(tr("Export Plot"));

    for (int i = 0; i < m_plots.size(); ++i)
        m_plotCombo->addItem(plotTitle(i), i);
    if (m_plots.size() > 1)
        m_plotCombo->addItem(tr("All plots (one file each)"), -1);

    m_formatCombo->addItem(tr("PNG image"), QStringLiteral("png"));
    m_formatCombo->addItem(tr("JPG image"), QStringLiteral("jpg"));
    m_formatCombo->addItem(tr("PDF document (vector)"), QStringLiteral("pdf"));
    m_formatCombo->addItem(tr("SVG drawing (vector)"), QStringLiteral("svg"));

    for (const QSize& size : kPresets)
        m_presetCombo->addItem(tr("%1 \u00d7 %2").arg(size.width()).arg(size.height()), size);
    m_presetCombo->addItem(tr("Custom"), QSize());

    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(PlotExporter::kMinSide, PlotExporter::kMaxSide);
        box->setSuffix(tr(" px"));
        box->setAccelerated(true);
    }
    for (int s = 1; s <= 3; ++s)
        m_scaleCombo->addItem(tr("%1\u00d7").arg(s), double(s));
    m_scaleCombo->setToolTip(tr("Draws text and lines this many times larger: the same layout as a "
                                "window of the size divided by the scale, with crisper text."));
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false); // greyed: an explanation, not a setting
    m_status->setWordWrap(true);

    // Settings from last time; 1600 x 1000 at the scale that keeps its text readable otherwise.
    QSettings settings;
    const QString lastFormat =
        settings.value(settingsKey("format"), QStringLiteral("png")).toString();
    QSize size(settings.value(settingsKey("width"), kDefaultSize.width()).toInt(),
               settings.value(settingsKey("height"), kDefaultSize.height()).toInt());
    if (size.width() < PlotExporter::kMinSide || size.width() > PlotExporter::kMaxSide ||
        size.height() < PlotExporter::kMinSide || size.height() > PlotExporter::kMaxSide)
        size = kDefaultSize;
    const double lastScale =
        settings.value(settingsKey("scale"), PlotExporter::suggestedScale(size)).toDouble();
    const QString lastFolder = LastFolder::get(LastFolder::Purpose::Plots);

    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_presetCombo);
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("\u00d7")));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit, 1);
    pathRow->addWidget(m_browseButton);
    m_pathEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 50);

    auto* form = new QFormLayout;
    form->addRow(tr("&Plot:"), m_plotCombo);
    form->addRow(tr("&Format:"), m_formatCombo);
    // A row holding a layout gets no buddy by itself: give the mnemonic one.
    auto* sizeLabel = new QLabel(tr("&Size:"));
    sizeLabel->setBuddy(m_presetCombo);
    form->addRow(sizeLabel, sizeRow);
    form->addRow(tr("S&cale:"), m_scaleCombo);
    form->addRow(QString(), m_hint);
    form->addRow(m_pathLabel, pathRow);
    m_pathLabel->setBuddy(m_pathEdit);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    buttons->addButton(m_copyButton, QDialogButtonBox::ActionRole);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    // Initial state, before the connections so nothing below counts as the user's choice.
    {
        const int f = m_formatCombo->findData(lastFormat);
        m_formatCombo->setCurrentIndex(f >= 0 ? f : 0);
    }
    setSizePx(size);
    setScale(lastScale);
    setPathText(QDir(lastFolder).filePath(QStringLiteral("plot.png")));
    updateDefaultPath();
    onPlotChanged();
    updateHint();

    connect(m_plotCombo, &QComboBox::currentIndexChanged, this, &ExportPlotDialog::onPlotChanged);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this,
            &ExportPlotDialog::onFormatChanged);
    connect(m_presetCombo, &QComboBox::activated, this, &ExportPlotDialog::onPresetActivated);
    connect(m_width, &QSpinBox::valueChanged, this, &ExportPlotDialog::onSizeChanged);
    connect(m_height, &QSpinBox::valueChanged, this, &ExportPlotDialog::onSizeChanged);
    connect(m_scaleCombo, &QComboBox::currentIndexChanged, this, &ExportPlotDialog::updateHint);
    connect(m_pathEdit, &QLineEdit::textEdited, this, &ExportPlotDialog::onPathEdited);
    connect(m_browseButton, &QPushButton::clicked, this, &ExportPlotDialog::browse);
    connect(m_copyButton, &QPushButton::clicked, this, &ExportPlotDialog::onCopyClicked);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportPlotDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportPlotDialog::reject);
}

ExportPlotDialog::~ExportPlotDialog() {
    silenceChildren(this);
}

int ExportPlotDialog::plotIndex() const {
    return m_plotCombo->currentIndex() < 0 ? -1 : m_plotCombo->currentData().toInt();
}

QString ExportPlotDialog::format() const {
    return m_formatCombo->currentData().toString();
}

QSize ExportPlotDialog::sizePx() const {
    return QSize(m_width->value(), m_height->value());
}

double ExportPlotDialog::scale() const {
    return m_scaleCombo->currentData().toDouble();
}

QString ExportPlotDialog::path() const {
    return m_pathEdit->text().trimmed();
}

QStringList ExportPlotDialog::targetPaths() const {
    if (!allPlots())
        return {path().isEmpty() ? QString() : withFormat(path(), format())};
    QStringList paths;
    const QDir dir(path());
    for (const auto& plot : m_plots)
        paths.append(
            dir.filePath(PlotExporter::defaultFileName(m_datasetName, plot.first, format())));
    return paths;
}

void ExportPlotDialog::setPlotIndex(int index) {
    const int i = m_plotCombo->findData(index);
    if (i >= 0)
        m_plotCombo->setCurrentIndex(i);
}

void ExportPlotDialog::setFormat(const QString& format) {
    const QString f =
        format.toLower() == QLatin1String("jpeg") ? QStringLiteral("jpg") : format.toLower();
    const int i = m_formatCombo->findData(f);
    if (i >= 0)
        m_formatCombo->setCurrentIndex(i);
}

void ExportPlotDialog::setSizePx(const QSize& size) {
    {
        const QSignalBlocker blockWidth(m_width);
        const QSignalBlocker blockHeight(m_height);
        m_width->setValue(size.width());
        m_height->setValue(size.height());
    }
    onSizeChanged();
}

void ExportPlotDialog::setScale(double scale) {
    const int i = m_scaleCombo->findData(std::round(scale));
    if (i >= 0 && std::abs(scale - std::round(scale)) < 1e-9)
        m_scaleCombo->setCurrentIndex(i);
}

void ExportPlotDialog::setPath(const QString& path) {
    setPathText(path);
    onPathEdited(path);
}

bool ExportPlotDialog::exportNow(QString* error) {
    QString ignored;
    QString& message = error ? *error : ignored;
    if (m_plots.isEmpty()) {
        message = tr("There is no plot to export.");
        return false;
    }
    const QString target = path();
    if (target.isEmpty()) {
        message = allPlots() ? tr("Choose a folder to export the plots into.")
                             : tr("Choose a file to export to.");
        return false;
    }
    if (allPlots() && !QFileInfo(target).isDir()) {
        message = tr("cannot write into \"%1\": there is no such folder").arg(target);
        return false;
    }
    const QStringList files = targetPaths();
    for (int i = 0; i < files.size(); ++i) {
        QCustomPlot* plot = m_plots.at(allPlots() ? i : plotIndex()).second;
        if (!PlotExporter::exportPlot(plot, files.at(i), sizePx(), scale(), &message, format()))
            return false;
    }
    saveSettings();
    m_status->setText(files.size() == 1
                          ? tr("Wrote %1.").arg(QDir::toNativeSeparators(files.first()))
                          : tr("Wrote %n file(s) into %1.", nullptr, int(files.size()))
                                .arg(QDir::toNativeSeparators(target)));
    return true;
}

bool ExportPlotDialog::copyToClipboard() {
    if (allPlots() || m_plots.isEmpty())
        return false;
    return PlotExporter::copyToClipboard(m_plots.at(plotIndex()).second, sizePx(), scale());
}

void ExportPlotDialog::accept() {
    QStringList existing;
    for (const QString& file : targetPaths())
        if (QFileInfo::exists(file) && file != m_confirmedPath)
            existing.append(QDir::toNativeSeparators(file));
    if (!existing.isEmpty()) {
        const QString question =
            existing.size() == 1 ? tr("\"%1\" already exists. Replace it?").arg(existing.first())
                                 : tr("These files already exist:\n%1\n\nReplace them?")
                                       .arg(existing.join(QLatin1Char('\n')));
        if (QMessageBox::question(this, tr("Replace Files?"), question) != QMessageBox::Yes)
            return;
    }
    QString error;
    if (!exportNow(&error)) {
        QMessageBox::warning(this, tr("Export Failed"), error);
        return;
    }
    QDialog::accept();
}

void ExportPlotDialog::onPlotChanged() {
    const bool all = allPlots();
    m_pathLabel->setText(all ? tr("F&older:") : tr("F&ile:"));
    m_copyButton->setEnabled(!all);
    m_status->clear();
    if (all) {
        setPathText(folder());
        m_nameChosen = false;
    } else if (!QFileInfo(path()).isDir()) {
        updateDefaultPath();
    } else {
        // Coming back from "All plots": the path is the folder, add the file name to it.
        setPathText(QDir(path()).filePath(QStringLiteral("plot.png")));
        m_nameChosen = false;
        updateDefaultPath();
    }
}

void ExportPlotDialog::onFormatChanged() {
    if (!allPlots()) {
        if (m_nameChosen)
            setPathText(withFormat(path(), format()));
        else
            updateDefaultPath();
    }
    m_status->clear();
}

void ExportPlotDialog::onPresetActivated(int index) {
    const QSize size = m_presetCombo->itemData(index).toSize();
    if (!size.isValid())
        return; // "Custom": keep the numbers, let the user type
    setSizePx(size);
    // A preset also picks the scale that keeps its text readable.
    setScale(PlotExporter::suggestedScale(size));
}

void ExportPlotDialog::onSizeChanged() {
    int preset = m_presetCombo->count() - 1; // Custom
    for (int i = 0; i < m_presetCombo->count(); ++i)
        if (m_presetCombo->itemData(i).toSize() == sizePx())
            preset = i;
    {
        const QSignalBlocker block(m_presetCombo);
        m_presetCombo->setCurrentIndex(preset);
    }
    updateHint();
}

void ExportPlotDialog::onPathEdited(const QString& text) {
    m_status->clear();
    if (allPlots())
        return;
    m_nameChosen = true;
    // A typed extension chooses the format (without rewriting what is being typed).
    const QString typed = PlotExporter::formatForPath(text.trimmed());
    if (!typed.isEmpty() && typed != format()) {
        const QSignalBlocker block(m_formatCombo);
        setFormat(typed);
    }
}

void ExportPlotDialog::browse() {
    if (allPlots()) {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Export Plots into Folder"), folder());
        if (!dir.isEmpty())
            setPathText(dir);
        return;
    }
    QStringList filters;
    for (const QString& f : PlotExporter::formats())
        filters.append(filterFor(f));
    QString selected = filterFor(format());
    QString file = QFileDialog::getSaveFileName(this, tr("Export Plot"), path(),
                                                filters.join(QStringLiteral(";;")), &selected);
    if (file.isEmpty())
        return;
    // No or another extension typed: take the chosen filter's format.
    QString chosen = PlotExporter::formatForPath(file);
    if (chosen.isEmpty()) {
        for (const QString& f : PlotExporter::formats())
            if (filterFor(f) == selected)
                chosen = f;
        if (chosen.isEmpty())
            chosen = format();
        file = withFormat(file, chosen);
    }
    setPath(file);
    setFormat(chosen);
    // The file dialog asked before choosing an existing file; accept() need not ask again.
    m_confirmedPath = file;
}

void ExportPlotDialog::onCopyClicked() {
    if (copyToClipboard())
        m_status->setText(tr("Copied a %1 \u00d7 %2 image to the clipboard.")
                              .arg(sizePx().width())
                              .arg(sizePx().height()));
    else
        m_status->setText(tr("Could not copy the plot to the clipboard."));
}

QString ExportPlotDialog::folder() const {
    const QString p = path();
    if (p.isEmpty())
        return LastFolder::initial(LastFolder::Purpose::Plots);
    const QFileInfo info(p);
    return info.isDir() ? info.absoluteFilePath() : info.absolutePath();
}

void ExportPlotDialog::updateDefaultPath() {
    if (allPlots() || m_nameChosen || plotIndex() < 0 || plotIndex() >= m_plots.size())
        return;
    setPathText(QDir(folder()).filePath(
        PlotExporter::defaultFileName(m_datasetName, m_plots.at(plotIndex()).first, format())));
}

void ExportPlotDialog::updateHint() {
    const double s = scale() > 0 ? scale() : 1.0;
    m_hint->setText(tr("Laid out like a %1 \u00d7 %2 window, drawn at %3\u00d7.")
                        .arg(std::lround(sizePx().width() / s))
                        .arg(std::lround(sizePx().height() / s))
                        .arg(s));
}

void ExportPlotDialog::setPathText(const QString& text) {
    m_pathEdit->setText(QDir::toNativeSeparators(text));
}

void ExportPlotDialog::saveSettings() const {
    QSettings settings;
    LastFolder::set(LastFolder::Purpose::Plots, folder());
    settings.setValue(settingsKey("format"), format());
    settings.setValue(settingsKey("width"), sizePx().width());
    settings.setValue(settingsKey("height"), sizePx().height());
    settings.setValue(settingsKey("scale"), scale());
}

QString ExportPlotDialog::plotTitle(int index) const {
    const QString& name = m_plots.at(index).first;
    const std::optional<PlotKind> kind = PlotFactory::parseKind(name);
    return kind ? PlotFactory::kindTitle(*kind) : name;
}
