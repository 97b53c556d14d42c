#pragma once
// The held-out data controls: the test fraction of a seeded split (one drag one undo step), its
// seed, k for k-fold cross-validation, and a Cross-validate button whose folds are fitted on a
// thread of their own (a data or settings change drops the running one).

#include "model/fit/HeldOut.h"

#include <QWidget>

#include <optional>

class BackgroundTask;
class Document;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

class HeldOutPanel : public QWidget {
    Q_OBJECT
public:
    /// The slider's top: half the rows held out.
    static constexpr int kMaxPercent = 50;

    explicit HeldOutPanel(Document* document, QWidget* parent = nullptr);
    ~HeldOutPanel() override;

    QSlider* fractionSlider() const { return m_fraction; }
    QSpinBox* seedBox() const { return m_seed; }
    QSpinBox* foldsBox() const { return m_folds; }
    QPushButton* crossValidateButton() const { return m_run; }
    /// The split's status line ("8 of 40 rows held out ...", "no split: ...").
    QLabel* splitNote() const { return m_splitNote; }
    QLabel* crossValidationText() const { return m_cvText; }
    /// The cross-validation runner (tests wait on it).
    BackgroundTask* crossValidation() const { return m_cv; }
    /// The last cross-validation shown; nullopt before one or after a change.
    const std::optional<linlab::CrossValidation>& lastCrossValidation() const { return m_last; }

public slots:
    /// Rereads the settings and the split from the document.
    void refresh();
    /// Starts a cross-validation of the current fit on another thread.
    void crossValidate();

private:
    void onFractionChanged(int percent);
    void onSeedChanged(int seed);
    void onFoldsChanged(int k);
    void onDataChanged();
    void showCrossValidation(const linlab::CrossValidation& cv);
    void showCrossValidationError(const QString& message);

    Document* m_document;
    QSlider* m_fraction = nullptr;
    QLabel* m_percent = nullptr;
    QLabel* m_splitNote = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_folds = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_cvText = nullptr;
    BackgroundTask* m_cv = nullptr;
    std::optional<linlab::CrossValidation> m_last;
    int m_dragId = 0; // non-zero while the slider is held: the drag's steps merge into one
};
