#pragma once
// Opening a CSV: choose delimiter, decimal separator, header and the missing-value tokens while a
// live preview of the first rows shows what LinLab will read: every column's type (inferred, and
// changeable), its missing cells and its role (label, feature, ignored). Cells that do not fit
// their column's type are listed and must be accepted as missing. The reading options are
// remembered.

#include "model/data/Design.h"
#include "model/io/CsvReader.h"
#include "model/io/TypedCsvTable.h"
#include "ui/window/ImportChoice.h"

#include <QDialog>

#include <map>
#include <optional>
#include <string>
#include <vector>

class ImportColumnsTable;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QWidget;

class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    /// Reads the start of `path` for the preview; the file itself is read later, in full.
    explicit CsvImportDialog(const QString& path, QWidget* parent = nullptr);
    ~CsvImportDialog() override;

    /// The reading options chosen (delimiter, decimal, header; 0 / Detect = detect).
    linlab::CsvReadOptions options() const;
    /// The missing tokens as typed in the "Missing values" line.
    std::vector<std::string> missingTokens() const;
    /// Everything chosen: reading, typing (the changed types), roles, and which reader.
    ImportChoice choice() const;
    /// The chosen label column (0-based); -1 when no column is the label.
    int labelColumn() const;
    /// True when OK is enabled: the preview reads, the label is a number and cells that do not
    /// fit their type (if any) are accepted as missing.
    bool previewOk() const { return m_previewOk; }
    /// The typed preview of the first rows (nullptr when it does not read).
    const linlab::TypedCsvTable* previewData() const { return m_table ? &*m_table : nullptr; }

    QComboBox* delimiterBox() const { return m_delimiter; }
    QComboBox* decimalBox() const { return m_decimal; }
    QComboBox* headerBox() const { return m_header; }
    QLineEdit* missingEdit() const { return m_missing; }
    QComboBox* labelBox() const { return m_label; }
    QTableWidget* previewTable() const { return m_preview; }
    ImportColumnsTable* columnsTable() const { return m_columns; }
    /// The invalid cells (line | column | text); hidden when there are none.
    QTableWidget* invalidTable() const { return m_invalidList; }
    QCheckBox* readInvalidBox() const { return m_readInvalid; }
    QLabel* statusLabel() const { return m_status; }

    void accept() override;

private:
    QWidget* buildInvalidPanel();
    /// Reads the head again with the current options, then shows it.
    void updatePreview();
    /// Shows the preview read last with the current roles, and checks them.
    void refresh();
    void setType(int column, linlab::ColumnType type);
    void setRole(int column, linlab::Role role);
    linlab::TypedReadOptions typedOptions(bool withForced) const;
    linlab::DesignOptions design() const;
    void showTable();
    void showInvalidCells();
    void showReadError(const QString& message);
    /// What stops OK, or "" (unaccepted invalid cells, a label that is not a number, ...).
    QString problem() const;
    QString summary() const;
    bool isPlain() const;

    QString m_path;
    std::string m_head; // the first rows of the file, cut at a line break
    bool m_truncated = false;
    bool m_previewOk = false;
    std::optional<linlab::TypedCsvTable> m_table;       // the head as read with the user's types
    std::vector<linlab::ColumnType> m_inferred;         // each column's type without them
    std::map<std::string, linlab::ColumnType> m_forced; // the types the user changed, by name
    std::vector<linlab::Role> m_roles;                  // by column
    std::vector<std::string> m_names;                   // the columns m_roles is for
    std::string m_invalidSeen;                          // the invalid cells the tick is for
    QComboBox* m_delimiter;
    QComboBox* m_decimal;
    QComboBox* m_header;
    QLineEdit* m_missing;
    QComboBox* m_label;
    QTableWidget* m_preview;
    ImportColumnsTable* m_columns;
    QWidget* m_invalidPanel = nullptr;
    QLabel* m_invalidTitle = nullptr;
    QTableWidget* m_invalidList = nullptr;
    QCheckBox* m_readInvalid = nullptr;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
};
