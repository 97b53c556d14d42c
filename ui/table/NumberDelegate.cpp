#include "ui/table/NumberDelegate.h"

#include "model/io/NumberFormat.h"
#include "ui/table/DataTableModel.h"

#include <QLineEdit>
#include <QToolTip>

NumberDelegate::NumberDelegate(QObject* parent)
    : QStyledItemDelegate(parent) {}

QWidget* NumberDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                      const QModelIndex& index) const {
    auto* editor = new QLineEdit(parent);
    // Numbers right, text (a typed table's categories and names) left, as the cell shows them.
    const QVariant alignment = index.data(Qt::TextAlignmentRole);
    editor->setAlignment(alignment.isValid() ? Qt::Alignment(alignment.toInt())
                                             : Qt::AlignRight | Qt::AlignVCenter);
    editor->setFrame(false);
    return editor;
}

void NumberDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* line = static_cast<QLineEdit*>(editor);
    line->setText(index.data(Qt::EditRole).toString());
    line->selectAll();
}

void NumberDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                  const QModelIndex& index) const {
    auto* line = static_cast<QLineEdit*>(editor);
    if (model->setData(index, line->text(), Qt::EditRole))
        return;
    QString message =
        tr("\u201c%1\u201d is not a finite number; the old value stays.").arg(line->text());
    if (auto* table = qobject_cast<DataTableModel*>(model); table && !table->lastError().isEmpty())
        message = table->lastError();
    // Say it at the cell, where the user is looking.
    QToolTip::showText(editor->mapToGlobal(QPoint(0, editor->height())), message, editor);
    emit inputRejected(message);
}
