#include "ui/window/CsvImportDialog.h"

#include "ui/common/Teardown.h"

#include "ui/common/NumberText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
constexpr qint64 kPreviewBytes = 64 * 1024;
constexpr int kPreviewRows = 20;
} // namespace

CsvImportDialog::CsvImportDialog(const QString& path, QWidget* parent)
    : QDialog(parent)
    , m_path(path)
    , m_delimiter(new QComboBox)
    , m_decimal(new QComboBox)
    , m_header(new QComboBox)
    , m_label(new QComboBox)
    , m_preview(new QTableWidget)
    , m_status(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Open %1").arg(QFileInfo(path).fileName()));
    resize(720, 520);

    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        QByteArray head = file.read(kPreviewBytes);
        m_truncated = !file.atEnd();
        if (m_truncated) {
            const qsizetype cut = head.lastIndexOf('\n');
            head.truncate(cut > 0 ? cut + 1 : 0);
        }
        m_head = head.toStdString();
    }

    m_delimiter->addItem(tr("Detect"), 0);
    m_delimiter->addItem(tr("Comma  ,"), int(','));
    m_delimiter->addItem(tr("Semicolon  ;"), int(';'));
    m_delimiter->addItem(tr("Tab"), int('\t'));
    m_decimal->addItem(tr("Detect"), 0);
    m_decimal->addItem(tr("Point  1.5"), int('.'));
    m_decimal->addItem(tr("Comma  1,5"), int(','));
    m_header->addItem(tr("Detect"), int(linlab::CsvReadOptions::Header::Detect));
    m_header->addItem(tr("First row holds names"), int(linlab::CsvReadOptions::Header::Yes));
    m_header->addItem(tr("No names: data from the first row"),
                      int(linlab::CsvReadOptions::Header::No));
    m_delimiter->setToolTip(tr("What separates the values on a line"));
    m_decimal->setToolTip(
        tr("How the numbers write their decimals: 1.5 or 1,5 (European spreadsheets)"));
    m_header->setToolTip(tr("Whether the first row names the columns"));
    m_label->setToolTip(
        tr("The column y the model predicts; every other column becomes a feature of X"));

    QSettings settings;
    auto restore = [&settings](QComboBox* box, const QString& key) {
        const int i = box->findData(settings.value(key, 0).toInt());
        box->setCurrentIndex(i >= 0 ? i : 0);
    };
    restore(m_delimiter, QStringLiteral("import/delimiter"));
    restore(m_decimal, QStringLiteral("import/decimal"));
    restore(m_header, QStringLiteral("import/header"));

    auto* form = new QFormLayout;
    form->addRow(tr("Delimiter"), m_delimiter);
    form->addRow(tr("Decimal separator"), m_decimal);
    form->addRow(tr("Header"), m_header);
    form->addRow(tr("Label column (y)"), m_label);

    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview of the first rows:")));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CsvImportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QComboBox* box : {m_delimiter, m_decimal, m_header})
        connect(box, &QComboBox::currentIndexChanged, this, &CsvImportDialog::updatePreview);
    connect(m_label, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            updatePreview();
    });
    updatePreview();
}

linlab::CsvReadOptions CsvImportDialog::options() const {
    linlab::CsvReadOptions o;
    o.delimiter = char(m_delimiter->currentData().toInt());
    o.decimal = char(m_decimal->currentData().toInt());
    o.header = linlab::CsvReadOptions::Header(m_header->currentData().toInt());
    return o;
}

int CsvImportDialog::labelColumn() const {
    return m_label->count() > 0 ? m_label->currentIndex() : -1;
}

void CsvImportDialog::updatePreview() {
    m_previewOk = false;
    linlab::CsvTable table;
    try {
        table = linlab::CsvReader::readString(m_head, QFileInfo(m_path).fileName().toStdString(),
                                              options());
        m_previewOk = true;
    } catch (const std::exception& e) {
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_status->setText(tr("Cannot read it this way: %1").arg(QString::fromStdString(e.what())));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_previewOk);

    // Keep the chosen label column when only the reading options changed.
    const int previousLabel = m_label->currentIndex();
    const int previousCount = m_label->count();
    m_updating = true;
    m_label->clear();
    m_preview->clear();
    if (!m_previewOk) {
        m_preview->setRowCount(0);
        m_preview->setColumnCount(0);
        m_updating = false;
        return;
    }
    const int columns = int(table.data.n_cols);
    for (const std::string& name : table.names)
        m_label->addItem(QString::fromStdString(name));
    m_label->setCurrentIndex(previousCount == columns && previousLabel >= 0 ? previousLabel
                                                                            : columns - 1);
    m_updating = false;

    const int label = m_label->currentIndex();
    const int rows = std::min(int(table.data.n_rows), kPreviewRows);
    m_preview->setColumnCount(columns);
    m_preview->setRowCount(rows);
    QStringList headers;
    for (int c = 0; c < columns; ++c)
        headers << (c == label ? tr("%1\nlabel y").arg(QString::fromStdString(table.names[c]))
                               : tr("%1\nfeature").arg(QString::fromStdString(table.names[c])));
    m_preview->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            auto* item = new QTableWidgetItem(NumberText::exact(table.data(r, c)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == label)
                item->setBackground(QColor(0xfd, 0xf1, 0xe4));
            m_preview->setItem(r, c, item);
        }
    }
    m_status->setStyleSheet(QString());
    const QString delimiter =
        table.delimiter == '\t'
            ? tr("tab")
            : QStringLiteral("\u201c%1\u201d").arg(QLatin1Char(table.delimiter));
    m_status->setText(
        tr("%1 columns, delimiter %2, decimal \u201c%3\u201d, %4. %5")
            .arg(columns)
            .arg(delimiter)
            .arg(QLatin1Char(table.decimal))
            .arg(table.hadHeader ? tr("names from the first row")
                                 : tr("no header: columns named x1, x2, \u2026, y"))
            .arg(m_truncated
                     ? tr("Showing the first rows; the whole file is checked when it loads.")
                     : tr("%n data row(s).", nullptr, int(table.data.n_rows))));
}

void CsvImportDialog::accept() {
    if (!m_previewOk)
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("import/delimiter"), m_delimiter->currentData());
    settings.setValue(QStringLiteral("import/decimal"), m_decimal->currentData());
    settings.setValue(QStringLiteral("import/header"), m_header->currentData());
    QDialog::accept();
}

CsvImportDialog::~CsvImportDialog() {
    silenceChildren(this);
}
