#pragma once
// Edits table cells as text with every digit: Qt's default double editor rounds to 2 decimals.
// Text that is not a finite number is refused at the cell with the reason; the old value stays.

#include <QStyledItemDelegate>

class NumberDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit NumberDelegate(QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

signals:
    /// An entry was refused; `message` says where and why.
    void inputRejected(const QString& message) const;
};
