#pragma once
// "Export Plot…": which plot (or all of them, one file each into a folder), the format, the size
// in pixels and the scale, and where to write; or copy the plot to the clipboard instead. The
// rendering itself is PlotExporter's; this dialog only gathers the settings and reports errors.
// The folder, format, size and scale last used are remembered (QSettings, group "export").

#include <QDialog>
#include <QList>
#include <QPair>
#include <QSize>
#include <QString>
#include <QStringList>

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class ExportPlotDialog : public QDialog {
    Q_OBJECT
public:
    /// `plots`: (kind name as PlotFactory::kindName spells it, plot) in the order to list them.
    ExportPlotDialog(const QList<QPair<QString, QCustomPlot*>>& plots, const QString& datasetName,
                     QWidget* parent = nullptr);
    ~ExportPlotDialog() override;

    /// The chosen plot's index in `plots`; -1 when "All plots" is chosen.
    int plotIndex() const;
    bool allPlots() const { return plotIndex() < 0; }
    /// "png", "jpg", "pdf" or "svg".
    QString format() const;
    QSize sizePx() const;
    double scale() const;
    /// The file to write, or with "All plots" the folder to write into.
    QString path() const;
    /// Every file exportNow() would write, in order.
    QStringList targetPaths() const;

    /// -1 chooses "All plots".
    void setPlotIndex(int index);
    void setFormat(const QString& format);
    void setSizePx(const QSize& size);
    /// 1, 2 or 3 (others are ignored).
    void setScale(double scale);
    /// A file (one plot) or folder (all plots); a file's known extension also sets the format.
    void setPath(const QString& path);

    /// Writes with the current settings; false with a message naming the path on failure.
    /// With "All plots" it stops at the first failure (files already written stay).
    bool exportNow(QString* error);
    /// Copies the chosen plot (not "All plots") to the clipboard.
    bool copyToClipboard();

public slots:
    /// Asks before replacing files, exports, and closes only on success.
    void accept() override;

private:
    void onPlotChanged();
    void onFormatChanged();
    void onPresetActivated(int index);
    void onSizeChanged();
    void onPathEdited(const QString& text);
    void browse();
    void onCopyClicked();
    /// The folder part of the current path (the path itself with "All plots").
    QString folder() const;
    /// Puts the default name for the chosen plot and format into the path (single plot only).
    void updateDefaultPath();
    void updateHint();
    void setPathText(const QString& text);
    void saveSettings() const;
    QString plotTitle(int index) const;

    QList<QPair<QString, QCustomPlot*>> m_plots;
    QString m_datasetName;
    QComboBox* m_plotCombo;
    QComboBox* m_formatCombo;
    QComboBox* m_presetCombo;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QComboBox* m_scaleCombo;
    QLabel* m_hint;
    QLabel* m_pathLabel;
    QLineEdit* m_pathEdit;
    QPushButton* m_browseButton;
    QPushButton* m_copyButton;
    QLabel* m_status;
    /// True once the user chose the file name (typed or browsed): keep it, only swap extensions.
    bool m_nameChosen = false;
    /// The file the save dialog already asked about replacing.
    QString m_confirmedPath;
};
