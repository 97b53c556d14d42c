#pragma once
// The lesson's preprocessing: the scale factor (X * 1.1), the normalisation (none, z-score,
// min-max) and z-score's ddof, with a read-out of each scaled feature's mean, std, min and max.
// Every change becomes a SetTransformCommand on the document's undo stack.

#include <QStringList>
#include <QWidget>

class Document;
class PreciseSpinBox;
class QComboBox;
class QLabel;
class QTableWidget;

class TransformPanel : public QWidget {
    Q_OBJECT
public:
    explicit TransformPanel(Document* document, QWidget* parent = nullptr);
    ~TransformPanel() override;

    /// The scale factor s of X * s.
    PreciseSpinBox* scaleBox() const { return m_scaleBox; }
    /// None / Z-score / Min-max, in the order of linlab::Normalization.
    QComboBox* normalizationBox() const { return m_normalizationBox; }
    /// ddof 0 (population, as NumPy) or 1 (sample); enabled only for z-score.
    QComboBox* ddofBox() const { return m_ddofBox; }
    /// Read-only: one row per feature; columns feature, mean, std, min, max of the scaled features.
    QTableWidget* statsTable() const { return m_statsTable; }

private:
    void syncFromDocument();
    void fillStatistics();
    void pushSettings();

    Document* m_document;
    PreciseSpinBox* m_scaleBox = nullptr;
    QComboBox* m_normalizationBox = nullptr;
    QComboBox* m_ddofBox = nullptr;
    QLabel* m_dummyNote = nullptr; ///< shown when dummies are left as they are
    QLabel* m_statsCaption = nullptr;
    QTableWidget* m_statsTable = nullptr;
    bool m_updating = false; ///< set while document values are pushed into widgets
};
