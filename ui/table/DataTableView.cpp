#include "ui/table/DataTableView.h"

#include "ui/common/Teardown.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"
#include "ui/common/NumberText.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/NumberDelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
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
            [this] { emit selectedRowsChanged(selectedRowList()); });
    connect(m_model, &QAbstractItemModel::columnsInserted, this,
            &DataTableView::updateColumnSizing);
    connect(m_model, &QAbstractItemModel::columnsRemoved, this, &DataTableView::updateColumnSizing);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DataTableView::updateColumnSizing);
    updateColumnSizing();
}

void DataTableView::updateColumnSizing() {
    // A few columns share the width, so the label is always in view; many scroll sideways.
    const bool fewColumns = m_model->columnCount() <= 5;
    horizontalHeader()->setSectionResizeMode(fewColumns ? QHeaderView::Stretch
                                                        : QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(!fewColumns);
}

QList<int> DataTableView::selectedRowList() const {
    std::set<int> rows;
    for (const QModelIndex& i : selectionModel()->selectedIndexes())
        rows.insert(i.row());
    return QList<int>(rows.begin(), rows.end());
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
    const int extraColumns = column + int(values.n_cols) - m_model->columnCount();

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
        stack->push(
            new InsertRowsCommand(m_document, m_model->rowCount(),
                                  arma::mat(extraRows, m_model->columnCount(), arma::fill::zeros)));
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
    m_document->undoStack()->push(new InsertRowsCommand(
        m_document, row, arma::mat(1, m_model->columnCount(), arma::fill::zeros)));
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
        stack->push(new RemoveRowsCommand(m_document, rows[j], rows[i] - rows[j] + 1));
        i = j - 1;
    }
    stack->endMacro();
}

void DataTableView::addFeature() {
    const int position = int(m_document->dataset().featureCount());
    const std::string name = m_document->dataset().uniqueName("x" + std::to_string(position + 1));
    m_document->undoStack()->push(
        new InsertFeatureCommand(m_document, position, name, arma::vec()));
    setCurrentIndex(m_model->index(0, position));
}

int DataTableView::currentColumnOrLast() const {
    return currentIndex().isValid() ? currentIndex().column() : m_model->columnCount() - 1;
}

void DataTableView::removeCurrentFeature() {
    const int column = currentColumnOrLast();
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
    if (column < 0 || column >= m_model->columnCount())
        return false;
    if (trimmed.isEmpty()) {
        emit message(tr("A column needs a name."), true);
        return false;
    }
    const std::string text = trimmed.toStdString();
    if (text == m_document->dataset().columnName(column))
        return true;
    if (m_document->dataset().uniqueName(text) != text) {
        emit message(tr("Another column is already called \u201c%1\u201d.").arg(trimmed), true);
        return false;
    }
    m_document->undoStack()->push(new RenameColumnCommand(m_document, column, text));
    return true;
}

void DataTableView::renameColumnInteractively(int column) {
    if (column < 0 || column >= m_model->columnCount())
        return;
    bool ok = false;
    const QString current = QString::fromStdString(m_document->dataset().columnName(column));
    const QString name = QInputDialog::getText(this, tr("Rename Column"),
                                               tr("New name for \u201c%1\u201d:").arg(current),
                                               QLineEdit::Normal, current, &ok);
    if (ok)
        renameColumnTo(column, name);
}

void DataTableView::renameCurrentColumn() {
    renameColumnInteractively(currentColumnOrLast());
}

void DataTableView::useCurrentColumnAsLabel() {
    const int column = currentColumnOrLast();
    if (column >= m_model->labelColumn()) {
        emit message(tr("That column is already the label."), false);
        return;
    }
    m_document->undoStack()->push(new SetLabelColumnCommand(m_document, column));
}

void DataTableView::setShowTransformed(bool transformed) {
    m_model->setShowTransformed(transformed);
}

void DataTableView::selectDataRow(int row, bool extend) {
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
    if (column < 0)
        return;
    QMenu menu(this);
    menu.addAction(tr("Rename\u2026"), this, [this, column] { renameColumnInteractively(column); });
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
