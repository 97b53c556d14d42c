#include "ui/window/CsvImportDialog.h"

#include "model/data/DesignRoles.h"
#include "model/io/TypedCsvReader.h"
#include "ui/common/Teardown.h"
#include "ui/window/ImportColumnsTable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr qint64 kPreviewBytes = 64 * 1024;
constexpr int kPreviewRows = 20;
constexpr int kListedInvalid = 200;
const QColor kLabelTint(0xfd, 0xf1, 0xe4);
const QColor kMissingTint(0xf2, 0xf2, 0xf2);
const QColor kErrorColour(0xb0, 0x00, 0x20);

// The tokens as the line edit shows them: ", " between, the empty cell as "".
QString tokensText(const std::vector<std::string>& tokens) {
    QStringList parts;
    for (const std::string& token : tokens)
        parts << (token.empty() ? QStringLiteral("\"\"") : QString::fromStdString(token));
    return parts.join(QStringLiteral(", "));
}

// The last numeric column, or "" (DesignRoles then takes the last date): a date at the end of a
// file is rarely what a lesson predicts.
std::string defaultLabel(const linlab::TypedTable& table) {
    for (std::size_t c = table.columnCount(); c-- > 0;)
        if (table.column(c).type() == linlab::ColumnType::Numeric)
            return table.column(c).name();
    return {};
}

QString typeWord(linlab::ColumnType type) {
    return QString::fromLatin1(linlab::columnTypeName(type));
}

QString roleWord(linlab::Role role) {
    switch (role) {
    case linlab::Role::Label:
        return CsvImportDialog::tr("label y");
    case linlab::Role::Feature:
        return CsvImportDialog::tr("feature");
    case linlab::Role::Ignored:
        return CsvImportDialog::tr("ignored");
    }
    return QString();
}
} // namespace

CsvImportDialog::CsvImportDialog(const QString& path, QWidget* parent)
    : QDialog(parent)
    , m_path(path)
    , m_delimiter(new QComboBox)
    , m_decimal(new QComboBox)
    , m_header(new QComboBox)
    , m_missing(new QLineEdit)
    , m_label(new QComboBox)
    , m_preview(new QTableWidget)
    , m_columns(new ImportColumnsTable)
    , m_status(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Open %1").arg(QFileInfo(path).fileName()));
    resize(1040, 640);

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
    m_missing->setText(tokensText(linlab::defaultMissingTokens()));
    m_delimiter->setToolTip(tr("What separates the values on a line"));
    m_decimal->setToolTip(
        tr("How the numbers write their decimals: 1.5 or 1,5 (European spreadsheets)"));
    m_header->setToolTip(tr("Whether the first row names the columns"));
    m_missing->setToolTip(tr("Cells that mean \u201cno value\u201d, separated by commas; \"\" is "
                             "an empty cell"));
    m_label->setToolTip(tr("The column y the model predicts (numeric or a date); the roles in "
                           "the column list say which columns become the features of X"));

    QSettings settings;
    auto restore = [&settings](QComboBox* box, const QString& key) {
        const int i = box->findData(settings.value(key, 0).toInt());
        box->setCurrentIndex(i >= 0 ? i : 0);
    };
    restore(m_delimiter, QStringLiteral("import/delimiter"));
    restore(m_decimal, QStringLiteral("import/decimal"));
    restore(m_header, QStringLiteral("import/header"));

    // Two short forms side by side: the text's dialect, then what its cells mean.
    auto* reading = new QFormLayout;
    reading->addRow(tr("Delimiter"), m_delimiter);
    reading->addRow(tr("Decimal separator"), m_decimal);
    reading->addRow(tr("Header"), m_header);
    auto* meaning = new QFormLayout;
    meaning->addRow(tr("Missing values"), m_missing);
    meaning->addRow(tr("Label column (y)"), m_label);
    auto* forms = new QHBoxLayout;
    forms->addLayout(reading, 1);
    forms->addSpacing(16);
    forms->addLayout(meaning, 1);

    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* columnsBox = new QGroupBox(tr("Columns"));
    (new QVBoxLayout(columnsBox))->addWidget(m_columns);
    auto* previewBox = new QGroupBox(tr("Preview of the first rows"));
    (new QVBoxLayout(previewBox))->addWidget(m_preview);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(columnsBox);
    split->addWidget(previewBox);
    split->setSizes({440, 560});
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(forms);
    layout->addWidget(split, 1);
    layout->addWidget(buildInvalidPanel());
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CsvImportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QComboBox* box : {m_delimiter, m_decimal, m_header})
        connect(box, &QComboBox::currentIndexChanged, this, &CsvImportDialog::updatePreview);
    connect(m_missing, &QLineEdit::textChanged, this, &CsvImportDialog::updatePreview);
    connect(m_label, &QComboBox::currentIndexChanged, this, [this](int column) {
        if (column >= 0)
            setRole(column, linlab::Role::Label);
    });
    connect(m_columns, &ImportColumnsTable::typeChosen, this, &CsvImportDialog::setType);
    connect(m_columns, &ImportColumnsTable::roleChosen, this, &CsvImportDialog::setRole);
    connect(m_readInvalid, &QCheckBox::toggled, this, &CsvImportDialog::refresh);
    updatePreview();
}

QWidget* CsvImportDialog::buildInvalidPanel() {
    m_invalidPanel = new QWidget;
    m_invalidTitle = new QLabel;
    m_invalidTitle->setWordWrap(true);
    m_invalidList = new QTableWidget(0, 3);
    m_invalidList->setHorizontalHeaderLabels({tr("Line"), tr("Column"), tr("Text")});
    m_invalidList->horizontalHeader()->setStretchLastSection(true);
    m_invalidList->verticalHeader()->hide();
    m_invalidList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_readInvalid = new QCheckBox(tr("Read these cells as missing"));
    m_readInvalid->setToolTip(tr("Or go back: change the column's type, the missing values or "
                                 "the file, or Cancel"));
    auto* layout = new QVBoxLayout(m_invalidPanel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_invalidTitle);
    layout->addWidget(m_invalidList);
    layout->addWidget(m_readInvalid);
    m_invalidPanel->hide();
    return m_invalidPanel;
}

linlab::CsvReadOptions CsvImportDialog::options() const {
    linlab::CsvReadOptions o;
    o.delimiter = char(m_delimiter->currentData().toInt());
    o.decimal = char(m_decimal->currentData().toInt());
    o.header = linlab::CsvReadOptions::Header(m_header->currentData().toInt());
    return o;
}

std::vector<std::string> CsvImportDialog::missingTokens() const {
    std::vector<std::string> tokens;
    for (const QString& part : m_missing->text().split(QLatin1Char(','))) {
        const QString token = part.trimmed();
        if (token == QStringLiteral("\"\""))
            tokens.emplace_back();
        else if (!token.isEmpty())
            tokens.push_back(token.toStdString());
    }
    return tokens;
}

linlab::TypedReadOptions CsvImportDialog::typedOptions(bool withForced) const {
    linlab::TypedReadOptions o;
    o.missingTokens = missingTokens();
    if (withForced)
        for (const auto& [name, type] : m_forced)
            o.columns[name].type = type;
    return o;
}

linlab::DesignOptions CsvImportDialog::design() const {
    linlab::DesignOptions d;
    for (std::size_t c = 0; c < m_roles.size() && c < m_names.size(); ++c) {
        switch (m_roles[c]) {
        case linlab::Role::Label:
            d.label = m_names[c];
            break;
        case linlab::Role::Feature:
            d.features.push_back(m_names[c]);
            break;
        case linlab::Role::Ignored:
            d.ignored.push_back(m_names[c]);
            break;
        }
    }
    return d;
}

int CsvImportDialog::labelColumn() const {
    const auto it = std::find(m_roles.begin(), m_roles.end(), linlab::Role::Label);
    return it == m_roles.end() ? -1 : int(it - m_roles.begin());
}

bool CsvImportDialog::isPlain() const {
    if (!m_table || m_table->table.columnCount() == 0)
        return false;
    const auto labels = std::count(m_roles.begin(), m_roles.end(), linlab::Role::Label);
    const auto features = std::count(m_roles.begin(), m_roles.end(), linlab::Role::Feature);
    if (labels != 1 || std::size_t(labels + features) != m_roles.size())
        return false;
    for (const linlab::Column& column : m_table->table.columns())
        if (column.type() != linlab::ColumnType::Numeric || column.missingCount() > 0)
            return false;
    return true;
}

ImportChoice CsvImportDialog::choice() const {
    ImportChoice c;
    c.csv = options();
    c.typed = typedOptions(true);
    c.design = design();
    c.invalidAsMissing = m_readInvalid->isChecked();
    c.plain = isPlain();
    c.labelColumn = labelColumn();
    return c;
}

void CsvImportDialog::setType(int column, linlab::ColumnType type) {
    if (column < 0 || std::size_t(column) >= m_names.size())
        return;
    const std::string& name = m_names[std::size_t(column)];
    if (std::size_t(column) < m_inferred.size() && m_inferred[std::size_t(column)] == type)
        m_forced.erase(name); // back to what the file says
    else
        m_forced[name] = type;
    updatePreview();
}

void CsvImportDialog::setRole(int column, linlab::Role role) {
    if (column < 0 || std::size_t(column) >= m_roles.size())
        return;
    if (role == linlab::Role::Label) {
        // One label: the old one becomes a feature when it can be one (as DesignRoles does).
        for (std::size_t c = 0; c < m_roles.size(); ++c)
            if (m_roles[c] == linlab::Role::Label && c != std::size_t(column))
                m_roles[c] = m_table && m_table->table.column(c).type() == linlab::ColumnType::Text
                                 ? linlab::Role::Ignored
                                 : linlab::Role::Feature;
    }
    m_roles[std::size_t(column)] = role;
    refresh();
}

void CsvImportDialog::showReadError(const QString& message) {
    m_table.reset();
    m_roles.clear();
    m_names.clear();
    m_inferred.clear();
    m_previewOk = false;
    m_label->clear();
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_columns->setRowCount(0);
    m_invalidPanel->hide();
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status->setText(tr("Cannot read it this way: %1").arg(message));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
}

void CsvImportDialog::updatePreview() {
    const std::string source = QFileInfo(m_path).fileName().toStdString();
    try {
        const linlab::TypedCsvTable inferred =
            linlab::TypedCsvReader::readString(m_head, source, options(), typedOptions(false));
        const std::vector<std::string> names = inferred.table.names();
        for (auto it = m_forced.begin(); it != m_forced.end();) // types of columns still there
            it = std::find(names.begin(), names.end(), it->first) == names.end()
                     ? m_forced.erase(it)
                     : std::next(it);
        m_inferred.clear();
        for (const linlab::Column& column : inferred.table.columns())
            m_inferred.push_back(column.type());
        m_table = m_forced.empty() ? inferred
                                   : linlab::TypedCsvReader::readString(m_head, source, options(),
                                                                        typedOptions(true));
    } catch (const std::exception& e) {
        showReadError(QString::fromStdString(e.what()));
        return;
    }
    const linlab::TypedTable& table = m_table->table;
    if (table.names() != m_names) { // other columns: the roles DesignRoles would choose
        m_names = table.names();
        linlab::DesignOptions wanted;
        wanted.label = defaultLabel(table);
        const linlab::DesignOptions roles = linlab::DesignRoles::explicitRoles(table, wanted);
        m_roles.clear();
        for (std::size_t c = 0; c < table.columnCount(); ++c)
            m_roles.push_back(linlab::DesignRoles::roleOf(table, roles, c));
    }
    for (std::size_t c = 0; c < table.columnCount(); ++c) // a text column is no feature
        if (table.column(c).type() == linlab::ColumnType::Text &&
            m_roles[c] == linlab::Role::Feature)
            m_roles[c] = linlab::Role::Ignored;
    std::string seen;
    for (const linlab::InvalidCell& cell : table.invalidCells())
        seen += std::to_string(cell.row) + ':' + std::to_string(cell.column) + '\n';
    if (seen != m_invalidSeen) { // new cells not fitting their type: the user looks again
        m_invalidSeen = seen;
        const QSignalBlocker block(m_readInvalid);
        m_readInvalid->setChecked(false);
    }
    refresh();
}

void CsvImportDialog::refresh() {
    if (!m_table)
        return;
    {
        const QSignalBlocker block(m_label);
        m_label->clear();
        for (const std::string& name : m_names)
            m_label->addItem(QString::fromStdString(name));
        m_label->setCurrentIndex(labelColumn());
    }
    m_columns->setColumns(m_table->table, m_inferred, m_roles);
    showTable();
    showInvalidCells();
    const QString why = problem();
    m_previewOk = why.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_previewOk);
    m_status->setStyleSheet(m_previewOk ? QString() : QStringLiteral("color: #b00020;"));
    m_status->setText(m_previewOk ? summary() : why);
}

void CsvImportDialog::showTable() {
    const linlab::TypedTable& table = m_table->table;
    const int columns = int(table.columnCount());
    const int rows = std::min(int(table.rowCount()), kPreviewRows);
    m_preview->clear();
    m_preview->setColumnCount(columns);
    m_preview->setRowCount(rows);
    QStringList headers;
    for (int c = 0; c < columns; ++c)
        headers << QStringLiteral("%1\n%2 \u00b7 %3")
                       .arg(QString::fromStdString(table.column(std::size_t(c)).name()),
                            typeWord(table.column(std::size_t(c)).type()),
                            roleWord(m_roles[std::size_t(c)]));
    m_preview->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const linlab::Column& column = table.column(std::size_t(c));
            auto* item = new QTableWidgetItem(QString::fromStdString(column.cellText(r)));
            item->setTextAlignment((column.isNumber() ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
            if (m_roles[std::size_t(c)] == linlab::Role::Label)
                item->setBackground(kLabelTint);
            if (column.isMissing(std::size_t(r))) // shown empty and muted
                item->setBackground(kMissingTint);
            if (m_roles[std::size_t(c)] == linlab::Role::Ignored)
                item->setForeground(QColor(0x80, 0x80, 0x80));
            m_preview->setItem(r, c, item);
        }
    }
    // An invalid cell shows what it says, in red: what the user is asked about.
    for (const linlab::InvalidCell& cell : table.invalidCells())
        if (QTableWidgetItem* item = m_preview->item(int(cell.row), int(cell.column))) {
            item->setText(QString::fromStdString(cell.text));
            item->setForeground(kErrorColour);
            item->setToolTip(
                tr("Does not read as %1").arg(typeWord(table.column(cell.column).type())));
        }
    m_preview->resizeColumnsToContents();
}

void CsvImportDialog::showInvalidCells() {
    const linlab::TypedTable& table = m_table->table;
    const std::vector<linlab::InvalidCell>& cells = table.invalidCells();
    m_invalidPanel->setVisible(!cells.empty());
    if (cells.empty())
        return;
    const std::size_t count = table.invalidCount();
    m_invalidTitle->setText(
        count == 1 ? tr("1 cell does not fit its column's type. Read it as missing, or go back: "
                        "change the column's type or the missing values, or Cancel.")
                   : tr("%1 cells do not fit their column's type. Read them as missing, or go "
                        "back: change the column's type or the missing values, or Cancel.")
                         .arg(count));
    const int shown = std::min(int(cells.size()), kListedInvalid);
    m_invalidList->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const linlab::CsvPlace& place = m_table->invalidAt[std::size_t(i)];
        auto* line = new QTableWidgetItem(QString::number(place.line));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_invalidList->setItem(i, 0, line);
        m_invalidList->setItem(
            i, 1,
            new QTableWidgetItem(QStringLiteral("%1 (%2)").arg(
                QString::fromStdString(table.column(cells[std::size_t(i)].column).name()),
                QString::number(place.column))));
        auto* text = new QTableWidgetItem(QString::fromStdString(cells[std::size_t(i)].text));
        text->setForeground(kErrorColour);
        m_invalidList->setItem(i, 2, text);
    }
    m_invalidList->resizeColumnToContents(0);
    m_invalidList->resizeColumnToContents(1);
    // As tall as its rows, up to four: a single cell takes no more room than it needs.
    const int rowHeight = m_invalidList->verticalHeader()->defaultSectionSize();
    m_invalidList->setFixedHeight(m_invalidList->horizontalHeader()->sizeHint().height() +
                                  std::min(shown, 4) * rowHeight + 2 * m_invalidList->frameWidth());
}

QString CsvImportDialog::problem() const {
    if (!m_table->table.invalidCells().empty() && !m_readInvalid->isChecked())
        return tr("%1. Tick \u201cRead these cells as missing\u201d to open the file.")
            .arg(QString::fromStdString(
                linlab::TypedCsvReader::invalidCellError(*m_table, 0).what()));
    try {
        linlab::Design::build(m_table->table, design());
    } catch (const std::invalid_argument& e) {
        return tr("Cannot use these roles: %1.").arg(QString::fromStdString(e.what()));
    }
    return QString();
}

QString CsvImportDialog::summary() const {
    const linlab::TypedCsvTable& t = *m_table;
    const QString delimiter = t.delimiter == '\t'
                                  ? tr("tab")
                                  : QStringLiteral("\u201c%1\u201d").arg(QLatin1Char(t.delimiter));
    std::size_t incomplete = 0;
    for (std::size_t r = 0; r < t.table.rowCount(); ++r)
        for (const linlab::Column& column : t.table.columns())
            if (column.isMissing(r)) {
                ++incomplete;
                break;
            }
    const QString rows =
        m_truncated
            ? tr("Showing the first rows; the whole file is checked when it loads.")
            : (t.table.rowCount() == 1 ? tr("1 data row")
                                       : tr("%1 data rows").arg(t.table.rowCount())) +
                  (incomplete > 0 ? tr(", %1 with missing values").arg(incomplete) : QString()) +
                  QLatin1Char('.');
    return tr("%1 columns, delimiter %2, decimal \u201c%3\u201d, %4. %5")
        .arg(t.table.columnCount())
        .arg(delimiter)
        .arg(QLatin1Char(t.decimal))
        .arg(t.hadHeader ? tr("names from the first row")
                         : tr("no header: columns named x1, x2, \u2026, y"))
        .arg(rows);
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
