#pragma once
// The training settings and the gradient-descent run being watched. No widgets: the training
// view's controls edit the settings here, and its plots draw the run.
//
// A run is computed ahead (full batch costs O(d^2) an epoch from the statistics) and then
// walked: Step, Step back, Run (a timer), Reset, To end. Every move puts the run's model into
// the document through SetModelCommand, all with one merge id per run, so a whole run is one
// undo step. Moving the model any other way (a slider, an undo) detaches the run: the next Step
// starts a new run from wherever the model is. So does changing a setting.

#include "model/fit/LinearModel.h"
#include "model/training/DescentMethod.h"
#include "model/training/GradientDescent.h"

#include <armadillo>

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <cstddef>
#include <cstdint>

class Document;
class QTimer;

class TrainingSession : public QObject {
    Q_OBJECT
public:
    using Method = linlab::DescentMethod;

    /// Trajectories keep every epoch up to this many; longer runs keep evenly spaced epochs.
    static constexpr std::size_t kEveryEpochUpTo = 100000;
    /// Roughly how many multiply-adds one computation may take before the run is extended in a
    /// later one (runs are deterministic, so a longer run begins exactly like a shorter one).
    static constexpr double kWorkPerComputation = 3e7;

    explicit TrainingSession(Document* document, QObject* parent = nullptr);
    ~TrainingSession() override;

    Document* document() const { return m_document; }

    // --- Settings. Changing one pauses and makes the next Step start a new run. -------------
    Method method() const { return m_method; }
    void setMethod(Method method);
    double learningRate() const { return m_rate; }
    /// Ignored unless finite and > 0.
    void setLearningRate(double rate);
    /// True until the rate is set by hand: it then follows the data's bound (defaultRate()).
    bool isDefaultRate() const { return m_rateIsDefault; }
    /// Back to defaultRate(), following the data again.
    void useDefaultRate();
    double momentum() const { return m_momentum; }
    /// Clamped to [0, 0.999].
    void setMomentum(double momentum);
    int batchSize() const { return m_batchSize; }
    void setBatchSize(int rows);
    std::uint64_t seed() const { return m_seed; }
    void setSeed(std::uint64_t seed);
    qint64 maxEpochs() const { return m_maxEpochs; }
    void setMaxEpochs(qint64 epochs);
    double tolerance() const { return m_tolerance; }
    void setTolerance(double tolerance);
    /// Animation speed in epochs per second (0.5 .. 1e6).
    double speed() const { return m_speed; }
    void setSpeed(double epochsPerSecond);

    /// The settings as GradientDescent takes them (the momentum only with Method::Momentum,
    /// the batch only with Method::MiniBatch).
    linlab::GradientDescentSettings descentSettings() const;

    // --- Bounds, from the document's statistics. ---------------------------------------------
    /// 2 / lambda_max: plain descent's stable bound. NaN with no data.
    double gradientBound() const;
    /// False for the lasso (|w|_1 has no gradient at 0): Step and Run do nothing then.
    bool isAvailable() const;
    /// Why descent is not available (empty when it is).
    QString unavailableText() const;
    /// The bound for the chosen method: 2 (1 + mu) / lambda_max with momentum, else 2 / lambda_max.
    double stableBound() const;
    /// True when the rate is past stableBound().
    bool isPastBound() const;
    /// Half the method's bound, rounded down to 3 digits.
    double suggestedRate() const;
    /// Half of 2 / lambda_max (1 / lambda_max, GradientDescent's default), rounded down to 3
    /// digits.
    double defaultRate() const;

    // --- The run. -----------------------------------------------------------------------------
    bool hasRun() const { return m_hasRun; }
    /// The computed run (empty when hasRun() is false). It may stop short of maxEpochs before
    /// it is extended; isComplete() says whether it has.
    const linlab::GradientDescentResult& result() const { return m_result; }
    /// Index of the trajectory point shown (0 = the start).
    int position() const { return m_position; }
    /// The epoch shown.
    std::size_t epoch() const;
    /// The loss at the epoch shown (NaN without a run).
    double loss() const;
    /// The model at trajectory point `position`.
    linlab::LinearModel modelAt(int position) const;
    linlab::LinearModel startModel() const { return m_start; }
    /// False once the document's model moved away from the run or a setting changed.
    bool isAttached() const { return m_hasRun && m_attached && !m_stale; }
    /// The run is computed to where it really stops (not just the first part of it).
    bool isComplete() const;
    /// At the last point of a complete run: nothing more to step.
    bool atEnd() const;
    bool isRunning() const;
    /// The merge id every SetModelCommand of this run carries (0 without a run).
    int mergeId() const { return m_mergeId; }

    /// "GD lr 0.037", "momentum 0.9 lr 0.037", "SGD b=2 lr 0.01 seed 1": the run's settings.
    QString runLabel() const;
    /// Why the run stopped, in words, once the walk has reached its end; empty before.
    QString stopText() const;
    /// One or two sentences: what is shown and what to do next.
    QString statusText() const;

public slots:
    /// One epoch forward (one kept point, past kEveryEpochUpTo). Starts a run when there is none
    /// to continue. False when at the end.
    bool step();
    /// Forward by `epochs` epochs (at least one point); false when nothing moved.
    bool advance(qint64 epochs);
    /// One point back. False at the start or when detached.
    bool stepBack();
    /// Back to the run's start model.
    void reset();
    /// Computes the run to its stop and shows its last point.
    void toEnd();
    /// Animates: `speed()` epochs a second until the end, a pause, or a change.
    void play();
    void pause();
    void togglePlay();

signals:
    void settingsChanged();
    /// A run was started, extended or dropped.
    void runChanged();
    /// The point shown moved (or the run detached).
    void positionChanged();
    void runningChanged(bool running);
    /// The data changed: bounds and the default rate are new.
    void boundsChanged();

private:
    /// The statistics every descent runs on: the train rows' with a split.
    const linlab::SufficientStatistics& fitStatistics() const;
    bool ensureRun();
    void startRun();
    void compute(std::size_t limit);
    bool extend(std::size_t atLeastEpoch);
    void moveTo(int position);
    void settingChanged();
    void onTick();
    void onModelChanged();
    void onAnalysisChanged();
    void dropRun();
    bool documentShows(const linlab::LinearModel& model) const;
    std::size_t pointBudget() const;
    std::size_t initialLimit() const;
    /// Rough multiply-adds an epoch of the run costs.
    double epochCost() const;
    int timerInterval() const;
    arma::vec statisticsKey() const;

    Document* m_document;
    QTimer* m_timer;
    QElapsedTimer m_clock;
    double m_carry = 0.0; ///< fractional epochs owed by the animation

    Method m_method = Method::GradientDescent;
    double m_rate = 0.01;
    bool m_rateIsDefault = true;
    double m_momentum = 0.9;
    int m_batchSize = 2;
    std::uint64_t m_seed = 1;
    qint64 m_maxEpochs = 1000000;
    double m_tolerance = 1e-9;
    double m_speed = 30.0;

    bool m_hasRun = false;
    bool m_attached = false;
    bool m_stale = false;
    bool m_pushing = false;
    linlab::GradientDescentResult m_result;
    linlab::GradientDescentSettings m_runSettings; ///< the settings the run was computed with
    Method m_runMethod = Method::GradientDescent;
    qint64 m_runMaxEpochs = 0;
    arma::vec m_statsKey;    ///< what the statistics were when the run was computed
    std::size_t m_limit = 0; ///< epochs the computed part covers at most
    linlab::LinearModel m_start;
    linlab::LinearModel m_lastPushed;
    int m_position = 0;
    int m_mergeId = 0;
};
