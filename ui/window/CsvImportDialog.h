#pragma once
// Opening a CSV: choose delimiter, decimal separator, header and label column while a live
// preview of the first rows shows what LinLab will read. The choices are remembered.

#include "model/io/CsvReader.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    /// Reads the start of `path` for the preview; the file itself is read later, in full.
    explicit CsvImportDialog(const QString& path, QWidget* parent = nullptr);
    ~CsvImportDialog() override;

    /// The reading options chosen (delimiter, decimal, header; 0 / Detect = detect).
    linlab::CsvReadOptions options() const;
    /// The chosen label column (0-based); -1 before the preview has read anything.
    int labelColumn() const;
    /// True when the preview reads; OK is enabled only then.
    bool previewOk() const { return m_previewOk; }

    QComboBox* delimiterBox() const { return m_delimiter; }
    QComboBox* decimalBox() const { return m_decimal; }
    QComboBox* headerBox() const { return m_header; }
    QComboBox* labelBox() const { return m_label; }
    QTableWidget* previewTable() const { return m_preview; }
    QLabel* statusLabel() const { return m_status; }

    void accept() override;

private:
    void updatePreview();

    QString m_path;
    std::string m_head; // the first rows of the file, cut at a line break
    bool m_truncated = false;
    bool m_previewOk = false;
    bool m_updating = false;
    QComboBox* m_delimiter;
    QComboBox* m_decimal;
    QComboBox* m_header;
    QComboBox* m_label;
    QTableWidget* m_preview;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
};
