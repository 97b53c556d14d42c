#pragma once
// The training area (the main window's "Training" tab): the loss landscape, the loss curve and
// the gradient-descent controls, with the raw-versus-z-scored comparison one button away.
// It reads the document and moves the model only through undo commands (via TrainingSession
// and LossLandscapeView).

#include <QHash>
#include <QString>
#include <QWidget>

class Document;
class LossCurveView;
class LossLandscapeView;
class NormalizationComparison;
class PreciseSpinBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;
class QVBoxLayout;
class TrainingSession;

class TrainingView : public QWidget {
    Q_OBJECT
public:
    /// Rate slider positions run 0..kRateSteps, logarithmic over [bound / 10^4, 4 x bound].
    static constexpr int kRateSteps = 1000;

    explicit TrainingView(Document* document, QWidget* parent = nullptr);
    ~TrainingView() override;

    TrainingSession* session() const { return m_session; }
    /// The controls (rate, method, Step/Run/...): a window may move them into a dock of their
    /// own, leaving the plots here.
    QWidget* controlsPanel() const { return m_controlsArea; }
    LossLandscapeView* landscape() const { return m_landscape; }
    LossCurveView* lossCurve() const { return m_lossCurve; }
    /// The comparison window; null until compareNormalization() first runs.
    NormalizationComparison* comparison() const { return m_comparison; }

    QComboBox* methodBox() const { return m_methodBox; }
    QSlider* rateSlider() const { return m_rateSlider; }
    PreciseSpinBox* rateSpinBox() const { return m_rateSpin; }
    /// "stable below 0.0146 (2/λmax)".
    QLabel* boundLabel() const { return m_boundLabel; }
    /// Shown while the rate is past the stable bound.
    QLabel* warningLabel() const { return m_warningLabel; }
    PreciseSpinBox* momentumSpinBox() const { return m_momentumSpin; }
    QSpinBox* batchSpinBox() const { return m_batchSpin; }
    QSpinBox* seedSpinBox() const { return m_seedSpin; }
    QSpinBox* maxEpochsSpinBox() const { return m_maxEpochsSpin; }
    PreciseSpinBox* toleranceSpinBox() const { return m_toleranceSpin; }
    QSlider* speedSlider() const { return m_speedSlider; }
    QPushButton* stepButton() const { return m_stepButton; }
    QPushButton* stepBackButton() const { return m_backButton; }
    QPushButton* runButton() const { return m_runButton; }
    QPushButton* resetButton() const { return m_resetButton; }
    QPushButton* endButton() const { return m_endButton; }
    QPushButton* compareButton() const { return m_compareButton; }
    /// "Epoch 37 · MSE 12.3".
    QLabel* epochLabel() const { return m_epochLabel; }
    /// Why the run stopped, or what to do next, in words.
    QLabel* statusLabel() const { return m_statusLabel; }

    /// The rate slider position `position` stands for (under the current bound).
    double rateAt(int position) const;
    /// The slider position nearest to `rate`.
    int ratePosition(double rate) const;

public slots:
    /// Runs the raw-versus-z-scored comparison at the session's tolerance and shows its window.
    void compareNormalization();

private:
    QWidget* buildControls();
    // buildControls' steps, one group of controls each.
    void addMethodControls(QWidget* panel, QVBoxLayout* v);
    void addRateControls(QWidget* panel, QVBoxLayout* v);
    void addLimitControls(QWidget* panel, QVBoxLayout* v);
    void addRunButtons(QWidget* panel, QVBoxLayout* v);
    void addSpeedControl(QWidget* panel, QVBoxLayout* v);
    void addRunReport(QWidget* panel, QVBoxLayout* v);
    void addComparisonControls(QWidget* panel, QVBoxLayout* v);
    void connectSettings();
    void connectRunButtons();
    void syncFromSession();
    void updateRunState();
    void onRateSlider(int position);
    double speedAt(int position) const;
    int speedPosition(double speed) const;

    Document* m_document;
    TrainingSession* m_session;
    QWidget* m_controlsArea = nullptr;
    LossLandscapeView* m_landscape;
    LossCurveView* m_lossCurve;
    NormalizationComparison* m_comparison = nullptr;

    QComboBox* m_methodBox = nullptr;
    QFormLayout* m_methodForm = nullptr;
    QWidget* m_momentumRow = nullptr;
    QWidget* m_batchRow = nullptr;
    PreciseSpinBox* m_momentumSpin = nullptr;
    QSpinBox* m_batchSpin = nullptr;
    QSpinBox* m_seedSpin = nullptr;
    QSlider* m_rateSlider = nullptr;
    PreciseSpinBox* m_rateSpin = nullptr;
    QLabel* m_boundLabel = nullptr;
    QToolButton* m_defaultRateButton = nullptr;
    QLabel* m_warningLabel = nullptr;
    QSpinBox* m_maxEpochsSpin = nullptr;
    PreciseSpinBox* m_toleranceSpin = nullptr;
    QSlider* m_speedSlider = nullptr;
    QLabel* m_speedLabel = nullptr;
    QPushButton* m_stepButton = nullptr;
    QPushButton* m_backButton = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_resetButton = nullptr;
    QPushButton* m_endButton = nullptr;
    QHash<const QPushButton*, QString> m_toolTips; ///< the buttons' own tooltips
    QPushButton* m_compareButton = nullptr;
    QLabel* m_epochLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    bool m_updating = false;
};
