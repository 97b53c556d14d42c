#include "app/batch/BatchFit.h"

#include "model/io/NumberFormat.h"

#include <cmath>

namespace linlab {

namespace {

// The batch is not live: it lets coordinate descent run as long as scikit-learn's max_iter
// allows (ill-conditioned raw features through the origin need hundreds of thousands of sweeps).
LassoSettings batchLasso() {
    LassoSettings settings;
    settings.maxSweeps = 1000000;
    return settings;
}

// --fit on the statistics `s` of rows (X, y), from `start`; the run's details into `out`.
LinearModel fitOn(const BatchOptions& o, const SufficientStatistics& s, const arma::mat& X,
                  const arma::vec& y, const LinearModel& start, BatchFitResult& out) {
    using Fit = BatchOptions::Fit;
    switch (o.fit) {
    case Fit::None:
        return start;
    case Fit::LeastSquares: {
        const LeastSquaresResult& ls =
            o.intercept ? s.leastSquares() : Regularized::leastSquaresThroughOrigin(s);
        return LinearModel(ls.weights, ls.bias);
    }
    case Fit::Ridge:
    case Fit::Lasso:
        out.regularized = o.fit == Fit::Ridge
                              ? Regularized::ridge(s, o.alpha, o.intercept)
                              : Regularized::lasso(s, o.alpha, {}, o.intercept, batchLasso());
        return LinearModel(out.regularized.weights, out.regularized.bias);
    case Fit::GradientDescent: {
        GradientDescentSettings settings = o.gd;
        settings.intercept = o.intercept;
        out.gd = GradientDescent::run(s, X, y, start, settings);
        out.descent = true;
        return out.gd.model;
    }
    }
    return start;
}

} // namespace

std::optional<TrainTestRows> BatchFit::split(const BatchOptions& o, arma::uword rows) {
    if (o.cvFolds > 0 && o.cvFolds > rows)
        throw UsageError("--cv " + std::to_string(o.cvFolds) + " needs at least as many rows (" +
                         std::to_string(rows) + " used)");
    if (!(o.testFraction > 0))
        return std::nullopt;
    TrainTestRows r = DataSplit::trainTest(rows, o.testFraction, o.splitSeed);
    if (r.test.is_empty() || r.train.is_empty())
        throw UsageError("--test-fraction " + formatDouble(o.testFraction) + " of " +
                         std::to_string(rows) + " rows leaves no " +
                         (r.test.is_empty() ? "test" : "train") + " rows");
    return r;
}

BatchOptions BatchFit::withProjectFit(const BatchOptions& o, const FitSettings& fit) {
    BatchOptions merged = o;
    if (!o.interceptGiven && !fit.intercept) {
        if (o.bias)
            throw UsageError("--bias cannot be given for a project fitted through the origin "
                             "(add --intercept to fit with one)");
        merged.intercept = false;
    }
    if (!o.testFractionGiven)
        merged.testFraction = fit.testFraction;
    if (!o.seedGiven)
        merged.splitSeed = fit.seed;
    const bool samePenalty = (o.fit == BatchOptions::Fit::Ridge && fit.penalty == Penalty::Ridge) ||
                             (o.fit == BatchOptions::Fit::Lasso && fit.penalty == Penalty::Lasso);
    if (!o.alphaGiven && samePenalty)
        merged.alpha = fit.alpha;
    return merged;
}

void BatchFit::applyGivenModel(const BatchOptions& o, LinearModel& model) {
    const arma::uword d = model.weights().n_elem;
    if (o.weights) {
        if (o.weights->size() != d)
            throw UsageError("--weights has " + std::to_string(o.weights->size()) + " values for " +
                             std::to_string(d) + " features");
        model.setWeights(arma::vec(*o.weights));
    }
    if (o.bias)
        model.setBias(*o.bias);
}

FitSettings BatchFit::settingsOf(const BatchOptions& o) {
    FitSettings s;
    s.penalty = o.fit == BatchOptions::Fit::Ridge   ? Penalty::Ridge
                : o.fit == BatchOptions::Fit::Lasso ? Penalty::Lasso
                                                    : Penalty::None;
    s.alpha = o.alpha;
    s.intercept = o.intercept;
    s.testFraction = o.testFraction;
    s.seed = o.splitSeed;
    if (o.cvFolds >= 2)
        s.cvFolds = o.cvFolds;
    return s;
}

Regression BatchFit::inference(const BatchOptions& o, const Analysis& analysis,
                               const std::vector<std::string>& names,
                               const std::optional<TrainTestRows>& split) {
    if (!split)
        return Regression::ofAnalysis(analysis, names, o.confidence, o.intercept);
    // The transform is affine per column, as Regression::ofAnalysis maps it.
    const Transform& t = analysis.transform();
    const arma::rowvec slope = t.scales() / t.divisor();
    const arma::rowvec offset = -t.shift() / t.divisor();
    return Regression(analysis.features().rows(split->train), analysis.labels().elem(split->train),
                      names, o.confidence, slope, offset, o.intercept);
}

BatchFitResult BatchFit::run(const BatchOptions& o, const Analysis& analysis,
                             const LinearModel& start, const std::optional<TrainTestRows>& split) {
    BatchFitResult out;
    const arma::mat& X = analysis.features();
    const arma::vec& y = analysis.labels();
    if (split) {
        // Every fit uses the train rows: their statistics, computed once.
        const arma::mat Xt = X.rows(split->train);
        const arma::vec yt = y.elem(split->train);
        const SufficientStatistics s = SufficientStatistics::compute(Xt, yt);
        out.model = fitOn(o, s, Xt, yt, start, out);
        out.leastSquares =
            o.intercept ? s.leastSquares() : Regularized::leastSquaresThroughOrigin(s);
        out.split = split;
        out.train = HeldOut::metricsOn(out.model, X, y, split->train);
        out.test = HeldOut::metricsOn(out.model, X, y, split->test);
    } else {
        const SufficientStatistics& s = analysis.statistics();
        out.model = fitOn(o, s, X, y, start, out);
        out.leastSquares =
            o.intercept ? s.leastSquares() : Regularized::leastSquaresThroughOrigin(s);
    }
    if (o.cvFolds > 0) {
        out.folds = DataSplit::folds(y.n_elem, o.cvFolds, o.splitSeed);
        BatchFitResult scratch;
        out.cv = HeldOut::crossValidate(
            X, y, out.folds, o.cvFolds,
            [&](const SufficientStatistics& s, const arma::mat& Xf, const arma::vec& yf) {
                return fitOn(o, s, Xf, yf, start, scratch);
            });
    }
    return out;
}

} // namespace linlab
