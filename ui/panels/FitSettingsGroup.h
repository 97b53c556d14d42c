#pragma once
// The model panel's "Fit" group: the penalty (none, ridge, lasso), alpha on a log slider with an
// exact spin box, "through the origin", the objective's formula and its value at the current
// model. Every change is a FitSettingsCommand; one alpha drag is one undo step and moves the
// weights with it (refit). Reads the document only.

#include "model/fit/FitSetup.h"

#include <QWidget>

class Document;
class PreciseSpinBox;
class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

class FitSettingsGroup : public QWidget {
    Q_OBJECT
public:
    /// Slider positions run 0..kAlphaSteps, evenly spaced in log alpha.
    static constexpr int kAlphaSteps = 1000;
    /// Ridge's alpha range (lasso's upper end is Regularized::lassoAlphaMax of the fit rows).
    static constexpr double kRidgeAlphaMin = 1e-4, kRidgeAlphaMax = 1e4;
    /// Lasso's range reaches this fraction of its alphaMax at the low end.
    static constexpr double kLassoLowFraction = 1e-4;

    explicit FitSettingsGroup(Document* document, QWidget* parent = nullptr);
    ~FitSettingsGroup() override;

    QComboBox* penaltyBox() const { return m_penaltyBox; }
    QSlider* alphaSlider() const { return m_alphaSlider; }
    PreciseSpinBox* alphaBox() const { return m_alphaBox; }
    QCheckBox* throughOriginBox() const { return m_originBox; }
    /// The objective's formula and notes.
    QLabel* formulaLabel() const { return m_formula; }
    /// The objective at the current model.
    QLabel* objectiveLabel() const { return m_objective; }
    /// Which R² is which (shown through the origin).
    QLabel* r2Note() const { return m_r2Note; }

    /// The slider's alpha range for the current penalty and fit rows.
    double alphaMinimum() const { return m_alphaLow; }
    double alphaMaximum() const { return m_alphaHigh; }
    /// The alpha slider position `position` stands for (log scale, 3 significant digits).
    double alphaAt(int position) const;
    /// The position closest to `alpha` (clamped).
    int positionOfAlpha(double alpha) const;

    /// The alpha range for the document's penalty: ridge (and none) kRidgeAlphaMin to
    /// kRidgeAlphaMax; lasso kLassoLowFraction alphaMax to alphaMax (Regularized::lassoAlphaMax
    /// of the fit rows' moments, O(d^2): call on a change of data or settings, not per tick).
    static void alphaRange(const Document& document, double& low, double& high);
    /// The objective's formula for `penalty`, as rich text.
    static QString formulaText(linlab::Penalty penalty, bool intercept);

private:
    void buildWidgets();
    void connectWidgets();
    void updateRange();
    void syncFromDocument();
    void updateObjective();
    void pushSettings(const linlab::FitSettings& settings, const QString& text, int mergeId,
                      bool refit);
    void pushAlpha(double alpha, int mergeId);

    Document* m_document;
    QComboBox* m_penaltyBox = nullptr;
    QSlider* m_alphaSlider = nullptr;
    PreciseSpinBox* m_alphaBox = nullptr;
    QLabel* m_alphaLabel = nullptr;
    QCheckBox* m_originBox = nullptr;
    QLabel* m_formula = nullptr;
    QLabel* m_objective = nullptr;
    QLabel* m_r2Note = nullptr;
    double m_alphaLow = kRidgeAlphaMin, m_alphaHigh = kRidgeAlphaMax;
    int m_dragId = 0; ///< non-zero while the alpha slider is held down
    int m_editId = 0; ///< non-zero during one alpha spin-box editing session
    bool m_updating = false;
};
