#include "ui/training/TrainingSession.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/MergeIds.h"
#include "model/training/Conditioning.h"
#include "model/training/Rounding.h"
#include "ui/common/NumberText.h"
#include "ui/training/DivergenceText.h"

#include <QLocale>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <stdexcept>

using namespace linlab;

namespace {

// 1,000,000 whatever the system locale: epoch counts are read, not parsed.
QString grouped(qint64 n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

QString rateText(double rate) {
    return NumberText::brief(rate, 3);
}

// The animation redraws at most this often (ms); faster speeds move several epochs a frame.
constexpr int kFrameInterval = 33;

} // namespace

TrainingSession::TrainingSession(Document* document, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_timer(new QTimer(this)) {
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &TrainingSession::onTick);
    connect(m_document, &Document::modelChanged, this, &TrainingSession::onModelChanged);
    connect(m_document, &Document::analysisChanged, this, &TrainingSession::onAnalysisChanged);
    // A penalty, alpha, the intercept or the split: another loss to walk on.
    connect(m_document, &Document::fitSettingsChanged, this, &TrainingSession::onAnalysisChanged);
    // A new document: its undo stack is empty, so no run can continue into it.
    connect(m_document, &Document::resetDone, this, [this] {
        pause();
        dropRun();
    });
    const double rate = defaultRate();
    if (std::isfinite(rate) && rate > 0)
        m_rate = rate;
    m_statsKey = statisticsKey();
}

TrainingSession::~TrainingSession() = default;

// --- Settings ---------------------------------------------------------------------------------

void TrainingSession::settingChanged() {
    pause();
    if (m_hasRun)
        m_stale = true;
    emit settingsChanged();
    emit positionChanged(); // the status text changes
}

void TrainingSession::setMethod(Method method) {
    if (method == m_method)
        return;
    m_method = method;
    settingChanged();
}

void TrainingSession::setLearningRate(double rate) {
    if (!std::isfinite(rate) || !(rate > 0))
        return;
    m_rateIsDefault = false;
    if (rate == m_rate)
        return;
    m_rate = rate;
    settingChanged();
}

void TrainingSession::useDefaultRate() {
    const double rate = defaultRate();
    m_rateIsDefault = true;
    if (!std::isfinite(rate) || !(rate > 0) || rate == m_rate)
        return;
    m_rate = rate;
    settingChanged();
}

void TrainingSession::setMomentum(double momentum) {
    if (!std::isfinite(momentum))
        return;
    momentum = std::clamp(momentum, 0.0, 0.999);
    if (momentum == m_momentum)
        return;
    m_momentum = momentum;
    settingChanged();
}

void TrainingSession::setBatchSize(int rows) {
    rows = std::max(1, rows);
    if (rows == m_batchSize)
        return;
    m_batchSize = rows;
    settingChanged();
}

void TrainingSession::setSeed(std::uint64_t seed) {
    if (seed == m_seed)
        return;
    m_seed = seed;
    settingChanged();
}

void TrainingSession::setMaxEpochs(qint64 epochs) {
    epochs = std::max<qint64>(1, epochs);
    if (epochs == m_maxEpochs)
        return;
    m_maxEpochs = epochs;
    settingChanged();
}

void TrainingSession::setTolerance(double tolerance) {
    if (!std::isfinite(tolerance) || tolerance < 0 || tolerance == m_tolerance)
        return;
    m_tolerance = tolerance;
    settingChanged();
}

void TrainingSession::setSpeed(double epochsPerSecond) {
    if (!std::isfinite(epochsPerSecond))
        return;
    m_speed = std::clamp(epochsPerSecond, 0.5, 1e6);
    // Speed is how the walk is shown, not what is computed: the run goes on.
    if (m_timer->isActive())
        m_timer->setInterval(timerInterval());
    emit settingsChanged();
}

int TrainingSession::timerInterval() const {
    // Slow speeds: one epoch a tick. Fast: a frame every kFrameInterval, several epochs each.
    return m_speed * kFrameInterval >= 1000.0 ? kFrameInterval : int(std::lround(1000.0 / m_speed));
}

GradientDescentSettings TrainingSession::descentSettings() const {
    GradientDescentSettings s;
    s.learningRate = m_rate;
    s.maxEpochs = std::size_t(m_maxEpochs);
    s.tolerance = m_tolerance;
    s.momentum = m_method == Method::Momentum ? m_momentum : 0.0;
    s.batchSize = m_method == Method::MiniBatch ? std::size_t(m_batchSize) : 0;
    s.seed = m_seed;
    const FitSettings& fit = m_document->fitSettings();
    s.ridgeAlpha = fit.penalty == Penalty::Ridge ? fit.alpha : 0.0;
    s.intercept = fit.intercept;
    return s;
}

const SufficientStatistics& TrainingSession::fitStatistics() const {
    return m_document->fitSetup().fitStatistics(m_document->analysis());
}

bool TrainingSession::isAvailable() const {
    return m_document->fitSettings().penalty != Penalty::Lasso;
}

QString TrainingSession::unavailableText() const {
    if (isAvailable())
        return QString();
    return tr("Gradient descent is not available for the lasso: |w|₁ has no gradient where "
              "a weight is 0. Fit uses coordinate descent instead.");
}

// --- Bounds -----------------------------------------------------------------------------------

double TrainingSession::gradientBound() const {
    GradientDescentSettings plain = descentSettings();
    plain.momentum = 0.0;
    return GradientDescent::stableRate(fitStatistics(), plain);
}

double TrainingSession::stableBound() const {
    // Heavy ball on an eigen-direction lambda is stable while rate * lambda < 2 (1 + mu).
    const double mu = m_method == Method::Momentum ? std::clamp(m_momentum, 0.0, 1.0) : 0.0;
    return gradientBound() * (1.0 + mu);
}

bool TrainingSession::isPastBound() const {
    const double bound = stableBound();
    return std::isfinite(bound) && m_rate > bound;
}

double TrainingSession::suggestedRate() const {
    return linlab::suggestedRate(stableBound());
}

double TrainingSession::defaultRate() const {
    return linlab::suggestedRate(gradientBound());
}

// --- The run ----------------------------------------------------------------------------------

std::size_t TrainingSession::epoch() const {
    if (!m_hasRun || m_result.trajectoryEpochs.empty())
        return 0;
    return m_result.trajectoryEpochs[std::size_t(m_position)];
}

double TrainingSession::loss() const {
    if (!m_hasRun)
        return std::nan("");
    return m_result.lossAt(epoch()); // the history may be thinned past 10,000 epochs
}

LinearModel TrainingSession::modelAt(int position) const {
    if (!m_hasRun || position < 0 || std::size_t(position) >= m_result.trajectory.size())
        return m_start;
    const arma::vec& theta = m_result.trajectory[std::size_t(position)];
    const arma::uword d = theta.n_elem - 1;
    return LinearModel(theta.head(d), theta(d));
}

bool TrainingSession::isComplete() const {
    if (!m_hasRun)
        return false;
    return m_result.stopReason != StopReason::EpochLimit || qint64(m_limit) >= m_runMaxEpochs;
}

bool TrainingSession::atEnd() const {
    return m_hasRun && isComplete() && std::size_t(m_position) + 1 >= m_result.trajectory.size();
}

bool TrainingSession::isRunning() const {
    return m_timer->isActive();
}

std::size_t TrainingSession::pointBudget() const {
    // Points kept past kEveryEpochUpTo: never more than about 4 million numbers.
    const std::size_t width = m_document->dataset().featureCount() + 1;
    return std::max<std::size_t>(1000, std::min<std::size_t>(kEveryEpochUpTo, 4000000 / width));
}

double TrainingSession::epochCost() const {
    const double d1 = double(m_document->dataset().featureCount() + 1);
    const double n = double(m_document->dataset().rowCount());
    // Full batch: O(d^2) an epoch from the statistics. Mini-batches: every row once, O(n d).
    const Method method = m_hasRun ? m_runMethod : m_method;
    const bool rows = method == Method::MiniBatch && double(m_batchSize) < n;
    return std::max(1.0, rows ? n * d1 + d1 * d1 : 2 * d1 * d1 + 8);
}

std::size_t TrainingSession::initialLimit() const {
    const double limit = kWorkPerComputation / epochCost();
    const double lowest = std::min<double>(double(m_maxEpochs), 10.0);
    return std::size_t(std::clamp(limit, lowest, double(m_maxEpochs)));
}

arma::vec TrainingSession::statisticsKey() const {
    // Enough to tell whether the data the run walked on changed (a rename changes nothing).
    const SufficientStatistics& s = fitStatistics();
    const FitSettings& fit = m_document->fitSettings();
    const double ridge = fit.penalty == Penalty::Ridge ? fit.alpha : 0.0;
    const arma::vec head{double(s.sampleCount()), s.labelMean(), s.centredLabelSquares(), ridge,
                         fit.intercept ? 1.0 : 0.0};
    const arma::vec means = s.featureMean().t();
    if (s.isWide()) {
        // Wide data keeps no d x d matrix: its cross products and one product through the
        // centred data tell a change as surely, in O(n d).
        const arma::vec ones(s.featureCount(), arma::fill::ones);
        return arma::join_cols(arma::join_cols(head, means),
                               arma::join_cols(s.centredCross(), s.gramTimes(ones)));
    }
    return arma::join_cols(head, arma::join_cols(means, arma::vectorise(s.centredGram())));
}

bool TrainingSession::documentShows(const LinearModel& model) const {
    const LinearModel& m = m_document->model();
    return m.weights().n_elem == model.weights().n_elem &&
           arma::all(m.weights() == model.weights()) && m.bias() == model.bias();
}

bool TrainingSession::ensureRun() {
    if (!isAvailable())
        return false;
    if (!isAttached())
        startRun();
    return m_hasRun;
}

void TrainingSession::startRun() {
    const Dataset& data = m_document->dataset();
    if (m_document->model().weights().n_elem != data.featureCount())
        return; // a change half done: its next signal makes them agree
    m_start = m_document->model();
    m_lastPushed = m_start;
    m_runSettings = descentSettings();
    m_runMethod = m_method;
    m_runMaxEpochs = m_maxEpochs;
    m_mergeId = nextMergeId(); // one undo step a run
    m_position = 0;
    m_hasRun = true;
    m_attached = true;
    m_stale = false;
    m_statsKey = statisticsKey();
    compute(initialLimit());
    emit runChanged();
    emit positionChanged();
}

void TrainingSession::compute(std::size_t limit) {
    const SufficientStatistics& stats = fitStatistics();
    const auto run = [&](std::size_t epochs, std::size_t points) {
        GradientDescentSettings s = m_runSettings;
        s.maxEpochs = epochs;
        // The recorder keeps one place for the final point: epochs + 2 keeps every epoch.
        s.maxTrajectoryPoints = points + 1;
        if (m_runMethod == Method::MiniBatch) {
            const Analysis& a = m_document->analysis();
            if (!m_document->fitSetup().hasSplit())
                return GradientDescent::run(stats, a.features(), a.labels(), m_start, s);
            const arma::uvec& train = m_document->fitSetup().split().train;
            return GradientDescent::run(stats, a.features().rows(train), a.labels().elem(train),
                                        m_start, s);
        }
        return GradientDescent::run(stats, m_start, s);
    };
    try {
        // Every epoch of the first kEveryEpochUpTo, so Step and Step back always move by one
        // there; past it, evenly spaced points from the whole run. Runs are deterministic, so
        // the short run is exactly the long one's beginning.
        const std::size_t head = std::min(limit, kEveryEpochUpTo);
        m_result = run(head, head + 1);
        if (limit > head && m_result.stopReason == StopReason::EpochLimit) {
            GradientDescentResult whole = run(limit, pointBudget());
            const std::size_t last = m_result.trajectoryEpochs.back();
            for (std::size_t k = 0; k < whole.trajectory.size(); ++k) {
                if (whole.trajectoryEpochs[k] > last) {
                    m_result.trajectory.push_back(std::move(whole.trajectory[k]));
                    m_result.trajectoryEpochs.push_back(whole.trajectoryEpochs[k]);
                }
            }
            whole.trajectory = std::move(m_result.trajectory);
            whole.trajectoryEpochs = std::move(m_result.trajectoryEpochs);
            m_result = std::move(whole);
        }
    } catch (const std::exception&) {
        // Sizes that disagree mean the document is between two edits: show nothing to walk.
        m_result = GradientDescentResult();
        m_result.model = m_start;
        m_result.stopReason = StopReason::NoData;
        m_result.trajectory = {arma::join_cols(m_start.weights(), arma::vec{m_start.bias()})};
        m_result.trajectoryEpochs = {0};
    }
    m_limit = limit;
}

bool TrainingSession::extend(std::size_t atLeastEpoch) {
    if (!m_hasRun || isComplete())
        return false;
    const std::size_t shown = epoch();
    const std::size_t limit = std::size_t(std::min<qint64>(
        m_runMaxEpochs,
        qint64(std::max<std::size_t>(2 * std::max<std::size_t>(m_limit, 1), atLeastEpoch))));
    if (limit <= m_limit)
        return false;
    compute(limit);
    // The longer run begins exactly like the shorter one; past kEveryEpochUpTo its points are
    // thinned, so find the last one not past the epoch shown.
    const auto& epochs = m_result.trajectoryEpochs;
    const auto it = std::upper_bound(epochs.begin(), epochs.end(), shown);
    m_position = std::max(0, int(it - epochs.begin()) - 1);
    emit runChanged();
    return true;
}

void TrainingSession::moveTo(int position) {
    if (!m_hasRun || m_result.trajectory.empty())
        return;
    position = std::clamp(position, 0, int(m_result.trajectory.size()) - 1);
    m_position = position;
    const LinearModel model = modelAt(position);
    m_lastPushed = model;
    m_attached = true;
    if (!documentShows(model)) {
        m_pushing = true;
        m_document->undoStack()->push(
            new SetModelCommand(m_document, model, tr("Gradient Descent"), m_mergeId));
        m_pushing = false;
    }
    emit positionChanged();
}

bool TrainingSession::step() {
    return advance(1);
}

bool TrainingSession::advance(qint64 epochs) {
    if (!ensureRun())
        return false;
    const std::size_t target = epoch() + std::size_t(std::max<qint64>(1, epochs));
    while (!isComplete() && m_result.trajectoryEpochs.back() < target) {
        // Each extension recomputes the run from its start: while computed epochs remain ahead,
        // walk those first rather than stall a frame on a long computation.
        const bool ahead = m_result.trajectoryEpochs.back() > epoch();
        if (ahead && 2.0 * double(m_limit) * epochCost() > 4 * kWorkPerComputation)
            break;
        if (!extend(target))
            break;
    }
    const auto& e = m_result.trajectoryEpochs;
    int index = int(std::upper_bound(e.begin(), e.end(), target) - e.begin()) - 1;
    index = std::min(std::max(index, m_position + 1), int(e.size()) - 1);
    if (index == m_position)
        return false;
    moveTo(index);
    return true;
}

bool TrainingSession::stepBack() {
    if (!isAttached() || m_position == 0)
        return false;
    pause();
    moveTo(m_position - 1);
    return true;
}

void TrainingSession::reset() {
    if (!m_hasRun)
        return;
    pause();
    moveTo(0);
}

void TrainingSession::toEnd() {
    pause();
    if (!ensureRun())
        return;
    // At most about a second or two of computing per press (mini-batches on millions of rows
    // are slow): what is computed is shown, and the status says how to go on.
    while (!isComplete() && double(m_limit) * epochCost() < 40 * kWorkPerComputation)
        if (!extend(std::size_t(m_runMaxEpochs)))
            break;
    moveTo(int(m_result.trajectory.size()) - 1);
}

void TrainingSession::play() {
    if (isRunning() || !ensureRun() || atEnd())
        return;
    m_carry = 0.0;
    m_clock.start();
    m_timer->start(timerInterval());
    emit runningChanged(true);
    emit positionChanged();
}

void TrainingSession::pause() {
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    emit runningChanged(false);
    emit positionChanged();
}

void TrainingSession::togglePlay() {
    if (isRunning())
        pause();
    else
        play();
}

void TrainingSession::onTick() {
    qint64 epochs = 1;
    if (timerInterval() == kFrameInterval) {
        // As many epochs as the clock says are due, but never a burst after a stall.
        const double due = std::min(m_carry + m_speed * double(m_clock.restart()) / 1000.0,
                                    m_speed * 4 * kFrameInterval / 1000.0);
        epochs = std::max<qint64>(1, qint64(due));
        m_carry = std::max(0.0, due - double(epochs));
    }
    if (!advance(epochs) || atEnd() || !isAttached())
        pause();
}

void TrainingSession::onModelChanged() {
    if (m_pushing || !m_hasRun)
        return;
    // Someone else moved the model (a slider, an undo): the run no longer describes it. A redo
    // that brings back the run's point brings the run back with it.
    const bool shows = documentShows(m_lastPushed);
    if (shows == m_attached)
        return;
    m_attached = shows;
    if (!shows)
        pause();
    emit positionChanged();
}

void TrainingSession::onAnalysisChanged() {
    const arma::vec key = statisticsKey();
    bool same = key.n_elem == m_statsKey.n_elem;
    for (arma::uword k = 0; same && k < key.n_elem; ++k) // NaN (no rows) equals NaN here
        same = key(k) == m_statsKey(k) || (std::isnan(key(k)) && std::isnan(m_statsKey(k)));
    if (!same) {
        pause();
        dropRun();
        m_statsKey = key;
    }
    if (m_rateIsDefault) {
        const double rate = defaultRate();
        if (std::isfinite(rate) && rate > 0)
            m_rate = rate;
    }
    emit boundsChanged();
    emit settingsChanged();
}

void TrainingSession::dropRun() {
    const bool had = m_hasRun;
    m_hasRun = false;
    m_attached = false;
    m_stale = false;
    m_result = GradientDescentResult();
    m_position = 0;
    m_limit = 0;
    m_mergeId = 0;
    if (had) {
        emit runChanged();
        emit positionChanged();
    }
}

// --- Words ------------------------------------------------------------------------------------

QString TrainingSession::runLabel() const {
    const GradientDescentSettings s = m_hasRun ? m_runSettings : descentSettings();
    const Method method = m_hasRun ? m_runMethod : m_method;
    const QString rate = rateText(s.learningRate);
    switch (method) {
    case Method::Momentum:
        return tr("momentum %1 lr %2").arg(NumberText::brief(s.momentum, 3), rate);
    case Method::MiniBatch:
        return tr("SGD b=%1 lr %2 seed %3").arg(s.batchSize).arg(rate).arg(s.seed);
    case Method::GradientDescent:
        break;
    }
    return tr("GD lr %1").arg(rate);
}

QString TrainingSession::stopText() const {
    if (!atEnd())
        return QString();
    const GradientDescentResult& r = m_result;
    const QString epochs = grouped(qint64(r.epochsRun));
    switch (r.stopReason) {
    case StopReason::Converged:
        return tr("Converged at epoch %1: the gradient shrank below the tolerance (%2 of its "
                  "starting size).")
            .arg(epochs, NumberText::brief(m_runSettings.tolerance, 3));
    case StopReason::EpochLimit:
        return tr("Stopped at the epoch limit (%1) before converging; the loss is still falling.")
            .arg(epochs);
    case StopReason::NoData:
        return tr("No rows to learn from.");
    case StopReason::Diverged:
        break;
    }
    const double bound = GradientDescent::stableRate(fitStatistics(), m_runSettings) *
                         (1.0 + m_runSettings.momentum);
    return DivergenceText::explain(r, m_runSettings, bound, m_document->dataset().rowCount());
}

QString TrainingSession::statusText() const {
    if (!m_hasRun)
        return tr("Step or Run starts gradient descent from the current model.");
    if (m_stale)
        return tr("The settings changed: Step or Run starts a new run from the current model "
                  "(Reset first to start from this run's beginning).");
    if (!m_attached)
        return tr("The model was moved: Step or Run starts a new run from where it is now.");
    if (atEnd())
        return stopText();
    if (!isRunning() && std::size_t(m_position) + 1 >= m_result.trajectory.size())
        return tr("Computed up to epoch %1 so far: mini-batches over many rows take a while. Step, "
                  "Run or "
                  "To end goes on.")
            .arg(grouped(qint64(epoch())));
    if (isRunning())
        return tr("Running\u2026 Pause to stop and look; Step back to retrace.");
    if (m_position == 0)
        return tr("At the start of the run. Step takes one epoch; Run animates.");
    return tr("Paused. Step, Step back, Run or Reset.");
}
