#pragma once
// The import dialog's list of columns, one row each: its name, its type (a combo: numeric, date,
// categorical, text; the inferred one until changed), how many of the previewed cells are missing
// and its role (a combo: label, feature, ignored), as Orange's File widget shows them.

#include "model/data/Design.h"
#include "model/data/TypedTable.h"

#include <QTableWidget>

#include <vector>

class QComboBox;

class ImportColumnsTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ImportColumnsTable(QWidget* parent = nullptr);
    ~ImportColumnsTable() override;

    /// One row per column of `table`, with its type as read, the type inferred without the
    /// user's changes (`inferred`, shown in the tooltip) and its role (`roles`). The combos stay
    /// when the number of columns does, so a combo's own signal may lead here.
    void setColumns(const linlab::TypedTable& table,
                    const std::vector<linlab::ColumnType>& inferred,
                    const std::vector<linlab::Role>& roles);

    /// The type combo of column `column` (items in ColumnType order); null past the end.
    QComboBox* typeBox(int column) const;
    /// The role combo of column `column` (items in Role order); null past the end.
    QComboBox* roleBox(int column) const;

signals:
    /// The user chose `type` for column `column`.
    void typeChosen(int column, linlab::ColumnType type);
    /// The user chose `role` for column `column`.
    void roleChosen(int column, linlab::Role role);

private:
    enum Field { Name, Type, Missing, RoleField, FieldCount };
    void addCombos(int row);
};
