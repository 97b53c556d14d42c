#include "model/fit/FitSetup.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace linlab {

namespace {

// The window's lasso is live: it stops at scikit-learn's default max_iter (1000 sweeps) rather
// than the batch's long run; the sweeps are O(d^2), so this bounds a drag's tick.
LassoSettings liveLasso() {
    LassoSettings settings;
    settings.maxSweeps = 1000;
    return settings;
}

// MSE, RMSE and R^2 of (w, b) from statistics, O(d^2); MAE NaN (it needs the rows).
Metrics metricsFromStatistics(const SufficientStatistics& s, const LinearModel& model) {
    Metrics m;
    if (s.sampleCount() == 0)
        return m;
    m.mse = s.mse(model.weights(), model.bias());
    m.rmse = std::sqrt(m.mse);
    const double ssTot = s.centredLabelSquares();
    if (ssTot > 0)
        m.r2 = 1.0 - m.mse * static_cast<double>(s.sampleCount()) / ssTot;
    return m;
}

bool finiteModel(const arma::vec& w, double b) {
    return w.is_finite() && std::isfinite(b);
}

} // namespace

void FitSetup::check(const FitSettings& s) {
    if (!(s.alpha >= 0) || !std::isfinite(s.alpha))
        throw std::invalid_argument("FitSetup: alpha must be a finite number >= 0");
    if (!(s.testFraction >= 0 && s.testFraction < 1))
        throw std::invalid_argument("FitSetup: the test fraction must be in [0, 1)");
    if (s.cvFolds < 2)
        throw std::invalid_argument("FitSetup: cross-validation needs at least 2 folds");
}

void FitSetup::update(const Analysis& analysis, const FitSettings& settings) {
    check(settings);
    m_settings = settings;
    m_split.reset();
    m_trainStats = SufficientStatistics();
    m_testStats = SufficientStatistics();
    const arma::uword n = analysis.labels().n_elem;
    m_testMask.zeros(n);
    if (!(settings.testFraction > 0) || n < 2)
        return;
    TrainTestRows rows = DataSplit::trainTest(n, settings.testFraction, settings.seed);
    if (rows.train.is_empty() || rows.test.is_empty())
        return; // a fraction too small or too large for these rows: no split (the panel says so)
    m_testMask.elem(rows.test).ones();
    m_trainStats = HeldOut::statisticsOf(analysis.features(), analysis.labels(), rows.train);
    m_testStats = HeldOut::statisticsOf(analysis.features(), analysis.labels(), rows.test);
    m_split = std::move(rows);
}

void FitSetup::changeSettings(const Analysis& analysis, const FitSettings& settings) {
    check(settings);
    if (settings.testFraction == m_settings.testFraction && settings.seed == m_settings.seed) {
        m_settings = settings; // the same rows: the split and its statistics stand
        return;
    }
    update(analysis, settings);
}

const SufficientStatistics& FitSetup::fitStatistics(const Analysis& analysis) const {
    return m_split ? m_trainStats : analysis.statistics();
}

std::optional<LinearModel> FitSetup::fit(const Analysis& analysis, const LinearModel& start) const {
    return fitOn(fitStatistics(analysis), m_settings, start);
}

std::optional<LinearModel> FitSetup::fitOn(const SufficientStatistics& s,
                                           const FitSettings& settings, const LinearModel& start) {
    if (s.sampleCount() == 0)
        return std::nullopt;
    arma::vec weights;
    double bias = 0;
    if (settings.penalty == Penalty::None || settings.alpha == 0) {
        const LeastSquaresResult& ls =
            settings.intercept ? s.leastSquares() : Regularized::leastSquaresThroughOrigin(s);
        weights = ls.weights;
        bias = settings.intercept ? ls.bias : 0.0;
    } else if (settings.penalty == Penalty::Ridge) {
        const RegularizedFit f = Regularized::ridge(s, settings.alpha, settings.intercept);
        weights = f.weights;
        bias = f.bias;
    } else {
        const arma::vec warm =
            start.weights().n_elem == s.featureCount() && start.weights().is_finite()
                ? start.weights()
                : arma::vec();
        const RegularizedFit f =
            Regularized::lasso(s, settings.alpha, warm, settings.intercept, liveLasso());
        weights = f.weights;
        bias = f.bias;
    }
    if (weights.n_elem != s.featureCount() || !finiteModel(weights, bias))
        return std::nullopt;
    return LinearModel(weights, bias);
}

double FitSetup::objective(const Analysis& analysis, const LinearModel& model) const {
    const SufficientStatistics& s = fitStatistics(analysis);
    if (s.sampleCount() == 0 || model.weights().n_elem != s.featureCount())
        return arma::datum::nan;
    const Penalty p = m_settings.alpha == 0 ? Penalty::None : m_settings.penalty;
    return Regularized::loss(s, p, m_settings.alpha, model.weights(), model.bias());
}

HeldOutMetrics FitSetup::metrics(const Analysis& analysis, const LinearModel& model) const {
    HeldOutMetrics h;
    if (model.weights().n_elem != analysis.features().n_cols)
        return h;
    if (!m_split) {
        h.train = metricsFromStatistics(analysis.statistics(), model);
        return h;
    }
    if (analysis.labels().n_elem <= kDirectRows) {
        h.train = HeldOut::metricsOn(model, analysis.features(), analysis.labels(), m_split->train);
        h.test = HeldOut::metricsOn(model, analysis.features(), analysis.labels(), m_split->test);
        return h;
    }
    h.train = metricsFromStatistics(m_trainStats, model);
    h.test = metricsFromStatistics(m_testStats, model);
    return h;
}

CrossValidation FitSetup::crossValidate(const Analysis& analysis) const {
    const arma::mat X =
        m_split ? arma::mat(analysis.features().rows(m_split->train)) : analysis.features();
    const arma::vec y =
        m_split ? arma::vec(analysis.labels().elem(m_split->train)) : analysis.labels();
    if (X.n_rows < m_settings.cvFolds)
        throw std::invalid_argument("cross-validation: " + std::to_string(m_settings.cvFolds) +
                                    " folds need at least as many rows (" +
                                    std::to_string(X.n_rows) + " used)");
    const arma::uvec folds = DataSplit::folds(X.n_rows, m_settings.cvFolds, m_settings.seed);
    const FitSettings settings = m_settings;
    const HeldOut::Fit fitFold = [&settings](const SufficientStatistics& s, const arma::mat&,
                                             const arma::vec&) {
        const LinearModel zeros(s.featureCount());
        return fitOn(s, settings, zeros).value_or(zeros);
    };
    return HeldOut::crossValidate(X, y, folds, m_settings.cvFolds, fitFold);
}

} // namespace linlab
