#include "model/fit/Analysis.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <thread>

namespace linlab {

namespace {

std::vector<arma::uword> allColumns(arma::uword count) {
    std::vector<arma::uword> columns(count);
    for (arma::uword j = 0; j < count; ++j)
        columns[j] = j;
    return columns;
}

// Rows 0, step, 2 step, ... of `columns` of X, and of y, into the packed display copy (sized).
void packDisplayRows(const arma::mat& X, const arma::vec& y, arma::uword step,
                     const std::vector<arma::uword>& columns, arma::mat& displayX,
                     arma::vec& displayY) {
    for (arma::uword j : columns)
        for (arma::uword i = 0; i < displayY.n_elem; ++i)
            displayX(i, j) = X(i * step, j);
    for (arma::uword i = 0; i < displayY.n_elem; ++i)
        displayY(i) = y(i * step);
}

} // namespace

Analysis::Analysis(const Dataset& data, const TransformSettings& settings)
    : Analysis(data, settings, Analysis()) {}

Analysis::Analysis(const Dataset& data, const TransformSettings& settings, Analysis&& recycled)
    : m_transform(Transform::fit(data.features(), settings, data.dummyFeatures()))
    , m_features(std::move(recycled.m_features))
    , m_labels(std::move(recycled.m_labels)) {
    m_transform.applyInto(data.features(), m_features);
    m_labels = data.labels(); // a copy into the recycled memory when the size fits
    m_displayStep = displayStep(data.rowCount());
    if (m_displayStep > 1) {
        const arma::uword count = (data.rowCount() + m_displayStep - 1) / m_displayStep;
        m_displayFeatures.set_size(count, m_features.n_cols);
        m_displayLabels.set_size(count);
        packDisplayRows(m_features, m_labels, m_displayStep, allColumns(m_features.n_cols),
                        m_displayFeatures, m_displayLabels);
    }
    finish(data);
}

Analysis::Analysis(const Dataset& data, Analysis&& previous,
                   const std::vector<arma::uword>& columns, arma::uword firstRow,
                   arma::uword lastRow) {
    const arma::uword n = data.rowCount(), d = data.featureCount();
    const bool sameShape =
        n > 0 && previous.m_features.n_rows == n && previous.m_features.n_cols == d &&
        previous.m_labels.n_elem == n && previous.m_transform.mean().n_elem == d &&
        previous.m_transform.fixed() == data.dummyFeatures() && firstRow <= lastRow &&
        lastRow < n &&
        std::all_of(columns.begin(), columns.end(), [d](arma::uword j) { return j < d; });
    if (!sameShape) {
        *this = Analysis(data, previous.m_transform.settings(), std::move(previous));
        return;
    }
    // A cell edit at a million rows: one column's fit and values, not the table's; the rows as
    // the statistics saw them before, for their update.
    const bool update = n >= kStatisticsUpdateRows && lastRow - firstRow < kMaxUpdatedRows;
    arma::mat oldRows;
    arma::vec oldLabels;
    if (update) {
        oldRows = previous.m_features.rows(firstRow, lastRow);
        oldLabels = previous.m_labels.subvec(firstRow, lastRow);
    }
    m_transform = previous.m_transform.refit(data.features(), columns);
    m_features = std::move(previous.m_features);
    m_transform.applyColumnsInto(data.features(), columns, m_features);
    m_labels = std::move(previous.m_labels);
    m_labels.subvec(firstRow, lastRow) = data.labels().subvec(firstRow, lastRow);
    m_displayStep = previous.m_displayStep;
    m_displayFeatures = std::move(previous.m_displayFeatures);
    m_displayLabels = std::move(previous.m_displayLabels);
    if (m_displayStep > 1)
        packDisplayRows(m_features, m_labels, m_displayStep, columns, m_displayFeatures,
                        m_displayLabels);
    finish(data, update ? updateStatistics(previous, oldRows, oldLabels, firstRow) : std::nullopt);
}

std::optional<SufficientStatistics> Analysis::updateStatistics(const Analysis& previous,
                                                               const arma::mat& oldRows,
                                                               const arma::vec& oldLabels,
                                                               arma::uword firstRow) const {
    // Both transforms are affine per column, t = alpha x + beta: the new one is the old one
    // followed by t -> (alpha' / alpha) t + beta' - beta alpha' / alpha (1 and 0 where unchanged).
    const Transform& before = previous.m_transform;
    const arma::rowvec alpha = before.scales() / before.divisor();
    const arma::rowvec beta = -before.shift() / before.divisor();
    const arma::rowvec alphaNew = m_transform.scales() / m_transform.divisor();
    const arma::rowvec betaNew = -m_transform.shift() / m_transform.divisor();
    const arma::rowvec scale = alphaNew / alpha;
    const arma::rowvec shift = betaNew - beta % scale;
    const arma::uword lastRow = firstRow + oldRows.n_rows - 1;
    return SufficientStatistics::updated(previous.m_stats, scale, shift, oldRows, oldLabels,
                                         m_features.rows(firstRow, lastRow),
                                         m_labels.subvec(firstRow, lastRow));
}

void Analysis::setExactStatistics(SufficientStatistics exact) {
    if (exact.sampleCount() != m_labels.n_elem || exact.featureCount() != m_features.n_cols)
        throw std::invalid_argument(
            "Analysis::setExactStatistics: statistics of " + std::to_string(exact.sampleCount()) +
            " rows and " + std::to_string(exact.featureCount()) + " features for " +
            std::to_string(m_labels.n_elem) + " rows and " + std::to_string(m_features.n_cols));
    m_stats = std::move(exact);
    m_statisticsUpdated = false;
}

void Analysis::finish(const Dataset& data, std::optional<SufficientStatistics> updated) {
    // The raw means (for the line drawn over a feature) from the transform's, when it can.
    const double scale = m_transform.settings().scale;
    if (scale != 0 && std::isfinite(scale) && data.rowCount() > 0)
        m_rawMean = m_transform.mean() / m_transform.scales(); // 1 for a dummy
    else
        m_rawMean = data.rowCount() ? arma::rowvec(arma::mean(data.features(), 0))
                                    : arma::rowvec(data.featureCount(), arma::fill::zeros);
    m_statisticsUpdated = updated.has_value();
    m_stats = updated ? std::move(*updated) : SufficientStatistics::compute(m_features, m_labels);
}

Evaluation Analysis::evaluate(const LinearModel& model) const {
    Evaluation e;
    e.predictions = model.predict(m_features);
    e.residuals = e.predictions - m_labels;
    e.metrics = LinearModel::metricsFromResiduals(e.residuals, m_labels);
    const double n = static_cast<double>(m_labels.n_elem);
    if (m_labels.n_elem == 0) {
        e.gradient.weights.set_size(model.weights().n_elem);
        e.gradient.weights.fill(arma::datum::nan);
        e.gradient.bias = arma::datum::nan;
        e.lessonGradient = e.gradient.weights;
        return e;
    }
    // Same operations, in the same order, as the lesson's NumPy lines.
    const arma::vec xtE = m_features.t() * e.residuals;
    e.gradient.weights = 2.0 * xtE / n;
    e.gradient.bias = 2.0 * arma::mean(e.residuals);
    e.lessonGradient = xtE / n;

    compareWithLeastSquares(model, e);
    return e;
}

void Analysis::compareWithLeastSquares(const LinearModel& model, Evaluation& e) const {
    const LeastSquaresResult& ls = m_stats.leastSquares();
    if (ls.weights.n_elem != model.weights().n_elem)
        return;
    const double db = model.bias() - ls.bias;
    e.distanceToLeastSquares =
        std::sqrt(arma::accu(arma::square(model.weights() - ls.weights)) + db * db);
    e.excessLoss = e.metrics.mse - ls.mse;
}

namespace {

// Rows from which a second thread pays for itself in the residual pass.
constexpr arma::uword kTwoThreadRows = 200000;

// predictions = X w + b and residuals = predictions - y for rows [first, last), block by block
// so each block of X is read once while its predictions stay in cache; returns sum |residual|.
double residualPass(const arma::mat& X, const arma::vec& y, const arma::vec& w, double b,
                    double* predictions, double* residuals, arma::uword first, arma::uword last) {
    constexpr arma::uword kBlock = 2048;
    const double* labels = y.memptr();
    double absSum = 0;
    for (arma::uword begin = first; begin < last; begin += kBlock) {
        const arma::uword end = std::min(last, begin + kBlock);
        std::fill(predictions + begin, predictions + end, b);
        for (arma::uword k = 0; k < X.n_cols; ++k) {
            const double* column = X.colptr(k);
            const double wk = w(k);
            for (arma::uword i = begin; i < end; ++i)
                predictions[i] += wk * column[i];
        }
        for (arma::uword i = begin; i < end; ++i) {
            residuals[i] = predictions[i] - labels[i];
            absSum += std::abs(residuals[i]);
        }
    }
    return absSum;
}

} // namespace

double Analysis::predict(const LinearModel& model, arma::uword row) const {
    if (row >= m_features.n_rows || model.weights().n_elem != m_features.n_cols)
        throw std::invalid_argument("Analysis::predict: no row " + std::to_string(row) +
                                    " or wrong weight count");
    // The residual pass's order: the bias, then each feature's term in turn.
    double p = model.bias();
    for (arma::uword k = 0; k < m_features.n_cols; ++k)
        p += model.weights()(k) * m_features(row, k);
    return p;
}

double Analysis::meanAbsoluteError(const LinearModel& model,
                                   const std::atomic<bool>* cancel) const {
    return splitMeanAbsoluteError(model, nullptr, cancel).all;
}

SplitMae Analysis::splitMeanAbsoluteError(const LinearModel& model, const arma::uvec* testMask,
                                          const std::atomic<bool>* cancel) const {
    if (model.weights().n_elem != m_features.n_cols)
        throw std::invalid_argument("Analysis::splitMeanAbsoluteError: the model has " +
                                    std::to_string(model.weights().n_elem) + " weights for " +
                                    std::to_string(m_features.n_cols) + " features");
    const arma::uword n = m_labels.n_elem;
    if (testMask && testMask->n_elem != n)
        throw std::invalid_argument("Analysis::splitMeanAbsoluteError: the test mask has " +
                                    std::to_string(testMask->n_elem) + " flags for " +
                                    std::to_string(n) + " rows");
    SplitMae out;
    if (n == 0)
        return out;
    // The residual pass's arithmetic, block by block into a small buffer: nothing is stored.
    constexpr arma::uword kBlock = 2048;
    double predictions[kBlock];
    const double* labels = m_labels.memptr();
    const arma::uword* flags = testMask ? testMask->memptr() : nullptr;
    double sums[2] = {0, 0}; // train, test
    arma::uword testCount = 0;
    for (arma::uword begin = 0; begin < n; begin += kBlock) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return SplitMae{};
        const arma::uword size = std::min(n - begin, kBlock);
        std::fill(predictions, predictions + size, model.bias());
        for (arma::uword k = 0; k < m_features.n_cols; ++k) {
            const double* column = m_features.colptr(k) + begin;
            const double wk = model.weights()(k);
            for (arma::uword i = 0; i < size; ++i)
                predictions[i] += wk * column[i];
        }
        if (!flags) {
            for (arma::uword i = 0; i < size; ++i)
                sums[0] += std::abs(predictions[i] - labels[begin + i]);
            continue;
        }
        for (arma::uword i = 0; i < size; ++i) {
            const bool test = flags[begin + i] != 0;
            sums[test] += std::abs(predictions[i] - labels[begin + i]);
            testCount += test;
        }
    }
    out.all = (sums[0] + sums[1]) / static_cast<double>(n);
    if (flags) {
        const arma::uword trainCount = n - testCount;
        out.train = trainCount ? sums[0] / static_cast<double>(trainCount) : arma::datum::nan;
        out.test = testCount ? sums[1] / static_cast<double>(testCount) : arma::datum::nan;
    }
    return out;
}

void Analysis::evaluateSampled(const LinearModel& model, Evaluation& e) const {
    if (m_labels.n_elem == 0 || model.weights().n_elem != m_features.n_cols || m_displayStep <= 1) {
        evaluateFast(model, e); // every row anyway
        return;
    }
    // The residual pass's arithmetic on the packed display rows: the same bits as predict().
    const arma::uword count = m_displayLabels.n_elem;
    e.sampleStep = m_displayStep;
    e.predictions.set_size(count);
    e.residuals.set_size(count);
    double* predictions = e.predictions.memptr();
    std::fill(predictions, predictions + count, model.bias());
    for (arma::uword k = 0; k < m_displayFeatures.n_cols; ++k) {
        const double* column = m_displayFeatures.colptr(k);
        const double wk = model.weights()(k);
        for (arma::uword i = 0; i < count; ++i)
            predictions[i] += wk * column[i];
    }
    for (arma::uword i = 0; i < count; ++i)
        e.residuals(i) = predictions[i] - m_displayLabels(i);
    fillFromStatistics(model, e);
    e.metrics.mae = arma::datum::nan;
}

Evaluation Analysis::evaluateFast(const LinearModel& model) const {
    Evaluation e;
    evaluateFast(model, e);
    return e;
}

void Analysis::evaluateFast(const LinearModel& model, Evaluation& e) const {
    if (m_labels.n_elem == 0 || model.weights().n_elem != m_features.n_cols) {
        e = evaluate(model); // its messages and its empty-data answers
        return;
    }
    const arma::uword n = m_labels.n_elem;
    e.predictions.set_size(n); // no-ops when the sizes already fit
    e.residuals.set_size(n);
    double* predictions = e.predictions.memptr();
    double* residuals = e.residuals.memptr();
    double absSum = 0;
    if (n >= kTwoThreadRows && std::thread::hardware_concurrency() > 1) {
        double secondSum = 0;
        std::thread second([&] {
            secondSum = residualPass(m_features, m_labels, model.weights(), model.bias(),
                                     predictions, residuals, n / 2, n);
        });
        absSum = residualPass(m_features, m_labels, model.weights(), model.bias(), predictions,
                              residuals, 0, n / 2);
        second.join();
        absSum += secondSum;
    } else {
        absSum = residualPass(m_features, m_labels, model.weights(), model.bias(), predictions,
                              residuals, 0, n);
    }

    e.sampleStep = 1;
    fillFromStatistics(model, e);
    e.metrics.mae = absSum / static_cast<double>(n);
}

void Analysis::fillFromStatistics(const LinearModel& model, Evaluation& e) const {
    const double count = static_cast<double>(m_labels.n_elem);
    e.metrics = Metrics{};
    e.metrics.mse = m_stats.mse(model.weights(), model.bias());
    e.metrics.rmse = std::sqrt(e.metrics.mse);
    const double ssTot = m_stats.centredLabelSquares();
    if (ssTot > 0)
        e.metrics.r2 = 1.0 - e.metrics.mse * count / ssTot;
    e.gradient = m_stats.gradient(model.weights(), model.bias());
    e.lessonGradient = e.gradient.weights / 2.0;
    e.distanceToLeastSquares = arma::datum::nan;
    e.excessLoss = arma::datum::nan;
    compareWithLeastSquares(model, e);
}

arma::vec Analysis::partialPrediction(const LinearModel& model, arma::uword feature,
                                      const arma::vec& x) const {
    if (feature >= m_rawMean.n_elem)
        throw std::invalid_argument("Analysis::partialPrediction: no feature " +
                                    std::to_string(feature));
    const arma::vec w = m_transform.weightsToOriginal(model.weights());
    const double b = m_transform.biasToOriginal(model.weights(), model.bias());
    double rest = b;
    for (arma::uword k = 0; k < w.n_elem; ++k)
        if (k != feature)
            rest += w(k) * m_rawMean(k);
    return rest + w(feature) * x;
}

} // namespace linlab
