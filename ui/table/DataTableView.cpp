#include "ui/table/DataTableView.h"

#include "ui/common/Teardown.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/data/DesignRoles.h"
#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/NumberText.h"
#include "ui/table/ColumnMenu.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DerivedMenu.h"
#include "ui/table/HeaderLabelStyle.h"
#include "ui/table/NumberDelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QStyle>
#include <QUndoStack>

#include <algorithm>
#include <set>

DataTableView::DataTableView(Document* document, QWidget* parent)
    : QTableView(parent)
    , m_document(document)
    , m_model(new DataTableModel(document, this))
    , m_delegate(new NumberDelegate(this)) {
    setModel(m_model);
    setItemDelegate(m_delegate);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    horizontalHeader()->setDefaultSectionSize(110);
    horizontalHeader()->setMinimumSectionSize(60);
    horizontalHeader()->setTextElideMode(Qt::ElideMiddle);
    horizontalHeader()->setStyle(new HeaderLabelStyle(this)); // two-line labels elided too
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setToolTip(
        tr("Each row is one sample (a student); each column one feature, the last the label. "
           "Double-click a cell to edit it."));

    connect(m_delegate, &NumberDelegate::inputRejected, this,
            [this](const QString& text) { emit message(text, true); });
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &DataTableView::showHeaderMenu);
    connect(horizontalHeader(), &QHeaderView::sectionDoubleClicked, this,
            &DataTableView::renameColumnInteractively);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit selectedRowsChanged(selectedDatasetRows()); });
    connect(m_model, &QAbstractItemModel::columnsInserted, this,
            &DataTableView::updateColumnSizing);
    connect(m_model, &QAbstractItemModel::columnsRemoved, this, &DataTableView::updateColumnSizing);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DataTableView::updateColumnSizing);
    connect(DisplayDigits::instance(), &DisplayDigits::changed, this,
            &DataTableView::updateColumnSizing);
    updateColumnSizing();
}

void DataTableView::updateColumnSizing() {
    QHeaderView* header = horizontalHeader();
    // A few plain columns share the width, so the label is always in view.
    if (!m_document->isTyped() && m_model->columnCount() <= 5) {
        header->setSectionResizeMode(QHeaderView::Stretch);
        header->setStretchLastSection(false);
        return;
    }
    // Many scroll sideways, each as wide as its numbers (Qt measures the rows in view) and its
    // name up to kMaxNameWidth: a longer name is elided in the middle, never drawn over the next.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const QFontMetrics names = header->fontMetrics();
    const int padding = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 8;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        int name = 0;
        for (const QString& line :
             m_model->headerData(c, Qt::Horizontal).toString().split(QLatin1Char('\n')))
            name = std::max(name, names.horizontalAdvance(line) + padding);
        const int width = std::max(sizeHintForColumn(c), std::min(name, kMaxNameWidth));
        setColumnWidth(c, std::clamp(width, header->minimumSectionSize(), kMaxColumnWidth));
    }
}

QList<int> DataTableView::selectedRowList() const {
    std::set<int> rows;
    for (const QModelIndex& i : selectionModel()->selectedIndexes())
        rows.insert(i.row());
    return QList<int>(rows.begin(), rows.end());
}

QList<int> DataTableView::selectedDatasetRows() const {
    const QList<int> rows = selectedRowList();
    if (!m_document->isTyped())
        return rows;
    QList<int> used;
    for (int row : rows)
        if (const int d = m_document->datasetRow(row); d >= 0)
            used.append(d);
    return used;
}

QString DataTableView::selectionText() const {
    QModelIndexList indexes = selectionModel()->selectedIndexes();
    if (indexes.isEmpty() && currentIndex().isValid())
        indexes.append(currentIndex());
    if (indexes.isEmpty())
        return {};
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QModelIndex& i : indexes) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    QString text;
    for (int r = top; r <= bottom; ++r) {
        for (int c = left; c <= right; ++c) {
            if (c > left)
                text += QLatin1Char('\t');
            text += m_model->index(r, c).data(Qt::EditRole).toString();
        }
        text += QLatin1Char('\n');
    }
    return text;
}

void DataTableView::copySelection() {
    const QString text = selectionText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void DataTableView::paste() {
    pasteText(QApplication::clipboard()->text());
}

bool DataTableView::pasteText(const QString& text) {
    if (m_model->showTransformed()) {
        emit message(
            tr("Paste refused: the table shows transformed values; switch to raw values to edit."),
            true);
        return false;
    }
    if (currentIndex().isValid() && m_model->isExtraColumn(currentIndex().column())) {
        emit message(tr("Paste refused: the derived and report columns are read-only."), true);
        return false;
    }
    if (m_document->isTyped())
        return pasteTypedText(text);
    linlab::CsvTable block;
    try {
        linlab::CsvReadOptions options;
        options.header = linlab::CsvReadOptions::Header::Detect;
        block = linlab::CsvReader::readString(text.toStdString(), "clipboard", options);
    } catch (const linlab::CsvError& e) {
        emit message(tr("Paste refused: %1").arg(QString::fromStdString(e.what())), true);
        return false;
    } catch (const std::exception& e) {
        emit message(tr("Paste refused: %1").arg(QString::fromStdString(e.what())), true);
        return false;
    }
    const arma::mat& values = block.data;
    if (values.is_empty())
        return false;

    const QModelIndex at = currentIndex().isValid() ? currentIndex() : m_model->index(0, 0);
    const int row = std::max(0, at.row()), column = std::max(0, at.column());
    const int extraRows = row + int(values.n_rows) - m_model->rowCount();
    if (m_model->isExtraColumn(column)) {
        emit message(tr("Paste refused: the report's columns are read-only."), true);
        return false;
    }
    const int extraColumns = column + int(values.n_cols) - m_model->documentColumnCount();

    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(tr("Paste %1 \u00d7 %2").arg(values.n_rows).arg(values.n_cols));
    // New features go just before the label, so a block copied with its label last lands with
    // the label in the label column.
    for (int k = 0; k < extraColumns; ++k) {
        const int position = int(m_document->dataset().featureCount());
        const std::string name =
            m_document->dataset().uniqueName("x" + std::to_string(position + 1));
        stack->push(new InsertFeatureCommand(m_document, position, name, arma::vec()));
    }
    if (extraRows > 0)
        stack->push(new InsertRowsCommand(
            m_document, m_model->rowCount(),
            arma::mat(extraRows, m_model->documentColumnCount(), arma::fill::zeros)));
    stack->push(new SetValuesCommand(m_document, row, column, values, tr("Paste")));
    stack->endMacro();

    selectionModel()->select(QItemSelection(m_model->index(row, column),
                                            m_model->index(row + int(values.n_rows) - 1,
                                                           column + int(values.n_cols) - 1)),
                             QItemSelectionModel::ClearAndSelect);
    emit message(tr("Pasted %1 \u00d7 %2 values.").arg(values.n_rows).arg(values.n_cols), false);
    return true;
}

void DataTableView::insertRowBelow() {
    const int row = currentIndex().isValid() ? currentIndex().row() + 1 : m_model->rowCount();
    if (m_document->isTyped()) {
        m_document->undoStack()->push(
            new TableRowsCommand(m_document, TableRowsCommand::Action::Insert, row, 1));
        setCurrentIndex(m_model->index(row, 0));
        return;
    }
    m_document->undoStack()->push(new InsertRowsCommand(
        m_document, row, arma::mat(1, m_model->documentColumnCount(), arma::fill::zeros)));
    setCurrentIndex(m_model->index(row, 0));
}

void DataTableView::removeSelectedRows() {
    QList<int> rows = selectedRowList();
    if (rows.isEmpty() && currentIndex().isValid())
        rows.append(currentIndex().row());
    if (rows.isEmpty())
        return;
    if (rows.size() >= m_model->rowCount()) {
        emit message(tr("The model needs at least one row: the last row cannot be removed."), true);
        return;
    }
    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(rows.size() == 1 ? tr("Remove Row %1").arg(rows.first() + 1)
                                       : tr("Remove %1 Rows").arg(rows.size()));
    // From the bottom up, one command per consecutive run, so indices stay valid.
    int i = int(rows.size()) - 1;
    while (i >= 0) {
        int j = i;
        while (j > 0 && rows[j - 1] == rows[j] - 1)
            --j;
        if (m_document->isTyped())
            stack->push(new TableRowsCommand(m_document, TableRowsCommand::Action::Remove, rows[j],
                                             rows[i] - rows[j] + 1));
        else
            stack->push(new RemoveRowsCommand(m_document, rows[j], rows[i] - rows[j] + 1));
        i = j - 1;
    }
    stack->endMacro();
}

void DataTableView::addFeature() {
    if (m_document->isTyped()) {
        const int position = m_model->documentColumnCount();
        m_document->undoStack()->push(new TableColumnCommand(
            m_document, position, uniqueColumnName("x" + std::to_string(position + 1))));
        setCurrentIndex(m_model->index(0, position));
        return;
    }
    const int position = int(m_document->dataset().featureCount());
    const std::string name = m_document->dataset().uniqueName("x" + std::to_string(position + 1));
    m_document->undoStack()->push(
        new InsertFeatureCommand(m_document, position, name, arma::vec()));
    setCurrentIndex(m_model->index(0, position));
}

int DataTableView::currentColumnOrLast() const {
    // The report's read-only columns are nobody's to rename or remove: the last own column.
    const int last = m_model->documentColumnCount() - 1;
    return currentIndex().isValid() ? std::min(currentIndex().column(), last) : last;
}

void DataTableView::removeCurrentFeature() {
    if (refuseDerivedCell(tr("removed")))
        return;
    const int column = currentColumnOrLast();
    if (m_document->isTyped()) {
        if (column == m_model->labelColumn()) {
            emit message(tr("The label stays: choose another label before removing this column."),
                         true);
            return;
        }
        if (const QString why = DerivedMenu::readersRefusal(m_document, column, tr("removed"));
            !why.isEmpty()) {
            emit message(why, true);
            return;
        }
        m_document->undoStack()->push(new TableColumnCommand(m_document, column));
        return;
    }
    if (column >= m_model->labelColumn()) {
        emit message(tr("Select a feature column to remove (the label stays)."), true);
        return;
    }
    if (m_document->dataset().featureCount() <= 1) {
        emit message(
            tr("The model needs at least one feature: the last feature cannot be removed."), true);
        return;
    }
    m_document->undoStack()->push(new RemoveFeatureCommand(m_document, column));
}

bool DataTableView::renameColumnTo(int column, const QString& name) {
    const QString trimmed = name.trimmed();
    if (column < 0 || column >= m_model->documentColumnCount())
        return false;
    if (trimmed.isEmpty()) {
        emit message(tr("A column needs a name."), true);
        return false;
    }
    const std::string text = trimmed.toStdString();
    if (text == m_document->tableColumnName(column))
        return true;
    if (uniqueColumnName(text) != text) {
        emit message(tr("Another column is already called \u201c%1\u201d.").arg(trimmed), true);
        return false;
    }
    m_document->undoStack()->push(new RenameColumnCommand(m_document, column, text));
    return true;
}

void DataTableView::renameColumnInteractively(int column) {
    if (m_model->derivedIndex(column) >= 0) {
        emit message(tr("A derived feature is renamed in its header menu: Edit Derived "
                        "Feature\u2026"),
                     true);
        return;
    }
    if (column < 0 || column >= m_model->documentColumnCount())
        return;
    bool ok = false;
    const QString current = QString::fromStdString(m_document->tableColumnName(column));
    const QString name = QInputDialog::getText(this, tr("Rename Column"),
                                               tr("New name for \u201c%1\u201d:").arg(current),
                                               QLineEdit::Normal, current, &ok);
    if (ok)
        renameColumnTo(column, name);
}

void DataTableView::renameCurrentColumn() {
    if (refuseDerivedCell(tr("renamed")))
        return;
    renameColumnInteractively(currentColumnOrLast());
}

void DataTableView::useCurrentColumnAsLabel() {
    if (refuseDerivedCell(tr("made the label")))
        return;
    const int column = currentColumnOrLast();
    if (column == m_model->labelColumn()) {
        emit message(tr("That column is already the label."), false);
        return;
    }
    if (m_document->isTyped()) {
        useTypedColumnAs(column, linlab::Role::Label);
        return;
    }
    m_document->undoStack()->push(new SetLabelColumnCommand(m_document, column));
}

void DataTableView::setShowTransformed(bool transformed) {
    m_model->setShowTransformed(transformed);
}

void DataTableView::selectDataRow(int datasetRow, bool extend) {
    const int row = m_document->tableRow(datasetRow);
    if (row < 0 || row >= m_model->rowCount())
        return;
    const auto flags =
        (extend ? QItemSelectionModel::Select : QItemSelectionModel::ClearAndSelect) |
        QItemSelectionModel::Rows;
    selectionModel()->select(m_model->index(row, 0), flags);
    selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::NoUpdate);
    scrollTo(m_model->index(row, 0));
}

void DataTableView::showHeaderMenu(const QPoint& pos) {
    const int column = horizontalHeader()->logicalIndexAt(pos);
    if (column < 0 || (m_model->isExtraColumn(column) && m_model->derivedIndex(column) < 0))
        return; // the report's columns: View > Report Columns in Table hides them
    QMenu menu(this);
    if (m_model->derivedIndex(column) >= 0) {
        DerivedMenu::addTo(&menu, m_model, m_document, column, this);
        menu.exec(horizontalHeader()->mapToGlobal(pos));
        return;
    }
    menu.addAction(tr("Rename\u2026"), this, [this, column] { renameColumnInteractively(column); });
    ColumnMenu::addTo(&menu, m_document, column,
                      [this](const QString& text, bool error) { emit message(text, error); });
    menu.addSeparator();
    DerivedMenu::addTo(&menu, m_model, m_document, column, this);
    if (m_document->isTyped()) {
        menu.addSeparator();
        if (column != m_model->labelColumn())
            menu.addAction(tr("Remove Column"), this, [this, column] {
                setCurrentIndex(m_model->index(0, column));
                removeCurrentFeature();
            });
        menu.addAction(tr("Add Feature"), this, &DataTableView::addFeature);
        menu.exec(horizontalHeader()->mapToGlobal(pos));
        return;
    }
    menu.addSeparator();
    if (column < m_model->labelColumn()) {
        menu.addAction(tr("Use as Label"), this, [this, column] {
            m_document->undoStack()->push(new SetLabelColumnCommand(m_document, column));
        });
        menu.addAction(tr("Remove Feature"), this, [this, column] {
            setCurrentIndex(m_model->index(0, column));
            removeCurrentFeature();
        });
    }
    menu.addAction(tr("Add Feature"), this, &DataTableView::addFeature);
    menu.exec(horizontalHeader()->mapToGlobal(pos));
}

void DataTableView::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    QTableView::keyPressEvent(event);
}

DataTableView::~DataTableView() {
    silenceChildren(this);
}

std::string DataTableView::uniqueColumnName(const std::string& stem) const {
    if (!m_document->isTyped())
        return m_document->dataset().uniqueName(stem);
    const linlab::TypedTable& table = m_document->source().table;
    const std::vector<linlab::DerivedSpec>& derived = m_document->source().design.derived;
    auto taken = [&](const std::string& name) { // a derived feature's name is taken too
        return table.indexOf(name) < table.columnCount() ||
               std::any_of(derived.begin(), derived.end(),
                           [&](const linlab::DerivedSpec& d) { return d.name == name; });
    };
    std::string name = stem;
    for (int k = 2; taken(name); ++k)
        name = stem + "_" + std::to_string(k);
    return name;
}

bool DataTableView::refuseDerivedCell(const QString& what) {
    if (!currentIndex().isValid() || m_model->derivedIndex(currentIndex().column()) < 0)
        return false;
    emit message(tr("A derived column cannot be %1 from its cells: right-click its header to "
                    "edit or remove the derived feature.")
                     .arg(what),
                 true);
    return true;
}

void DataTableView::useTypedColumnAs(int column, linlab::Role role) {
    if (const QString why = DerivedMenu::readersRefusal(m_document, column, tr("the label"));
        role == linlab::Role::Label && !why.isEmpty()) {
        emit message(why, true);
        return;
    }
    const linlab::SourceTable& source = m_document->source();
    try {
        m_document->undoStack()->push(new SetDesignCommand(
            m_document,
            linlab::DesignRoles::withRole(source.table, source.design, std::size_t(column), role),
            tr("Use \u201c%1\u201d as Label")
                .arg(QString::fromStdString(source.table.column(std::size_t(column)).name()))));
    } catch (const std::invalid_argument& e) {
        emit message(QString::fromStdString(e.what()), true);
    }
}

bool DataTableView::pasteTypedText(const QString& text) {
    // Cells as a spreadsheet copies them: rows by line, cells by tab (by comma without a tab).
    QString body = text;
    body.remove(QLatin1Char('\r'));
    while (body.endsWith(QLatin1Char('\n')))
        body.chop(1);
    if (body.isEmpty())
        return false;
    const QChar separator = body.contains(QLatin1Char('\t')) ? QLatin1Char('\t') : QLatin1Char(',');
    std::vector<std::vector<std::string>> block;
    int width = 0;
    for (const QString& line : body.split(QLatin1Char('\n'))) {
        block.emplace_back();
        for (const QString& cell : line.split(separator))
            block.back().push_back(cell.trimmed().toStdString());
        width = std::max(width, int(block.back().size()));
    }
    for (std::vector<std::string>& row : block)
        row.resize(std::size_t(width)); // short lines: missing cells
    const QModelIndex at = currentIndex().isValid() ? currentIndex() : m_model->index(0, 0);
    const int row = std::max(0, at.row()), column = std::max(0, at.column());
    if (column + width > m_model->documentColumnCount()) {
        emit message(tr("Paste refused: %1 columns do not fit from column %2 (add columns first).")
                         .arg(width)
                         .arg(column + 1),
                     true);
        return false;
    }
    for (std::size_t r = 0; r < block.size(); ++r)
        for (int c = 0; c < width; ++c) {
            // The type decides, not the row: a row still to be added is checked as row 0.
            const int probeRow = row + int(r) < m_model->rowCount() ? row + int(r) : 0;
            const QString why = m_document->checkCellText(probeRow, column + c, block[r][c]);
            if (!why.isEmpty()) {
                emit message(
                    tr("Paste refused: line %1, cell %2: %3").arg(r + 1).arg(c + 1).arg(why), true);
                return false;
            }
        }
    const int extraRows = row + int(block.size()) - m_model->rowCount();
    QUndoStack* stack = m_document->undoStack();
    stack->beginMacro(tr("Paste %1 \u00d7 %2").arg(block.size()).arg(width));
    if (extraRows > 0)
        stack->push(new TableRowsCommand(m_document, TableRowsCommand::Action::Insert,
                                         m_model->rowCount(), extraRows));
    stack->push(new SetCellTextsCommand(m_document, row, column, block, tr("Paste")));
    stack->endMacro();
    emit message(tr("Pasted %1 \u00d7 %2 cells.").arg(block.size()).arg(width), false);
    return true;
}
