#include "model/fit/ValidationCurve.h"

#include "model/fit/DataSplit.h"
#include "model/fit/Moments.h"
#include "model/fit/Regularized.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace linlab {

namespace {

// Rows gathered and multiplied per step: the cancel flag is read between blocks.
constexpr arma::uword kBlockRows = 65536;

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

GroupSums emptySums(arma::uword p) {
    GroupSums g;
    g.sum.zeros(p);
    g.product.zeros(p, p);
    return g;
}

void add(GroupSums& into, const GroupSums& g, double sign = 1.0) {
    into.n = sign > 0 ? into.n + g.n : into.n - g.n;
    into.sum += sign * g.sum;
    into.product += sign * g.product;
}

// The sums of the columns `cols` (features) and `label` (the label's index), in that order.
GroupSums select(const GroupSums& g, const arma::uvec& cols) {
    GroupSums s;
    s.n = g.n;
    s.sum = g.sum.elem(cols);
    s.product = g.product.submat(cols, cols);
    return s;
}

// The fit's moments from shifted sums (the label last): centred ones with an intercept (in the
// shifted coordinates, which the fit's bias then refers to), else the uncentred ones about zero.
Moments momentsOf(const GroupSums& g, const arma::vec& shift, bool intercept) {
    const arma::uword d = g.sum.n_elem - 1;
    const double n = static_cast<double>(g.n);
    Moments m;
    m.n = g.n;
    m.intercept = intercept;
    arma::vec mean = g.sum / n;
    arma::mat p = g.product;
    if (intercept) {
        p -= n * mean * mean.t();
    } else {
        p += g.sum * shift.t() + shift * g.sum.t() + n * shift * shift.t();
        mean += shift;
    }
    m.gram = p.submat(0, 0, d - 1, d - 1);
    m.cross = p.col(d).head(d);
    m.labelSquares = p(d, d);
    m.featureMean = mean.head(d).t();
    m.labelMean = mean(d);
    return m;
}

// The MSE on sums `g` (shifted) of the model (w, b') in the shifted coordinates.
double mseOn(const GroupSums& g, const arma::vec& w, double shiftedBias) {
    if (g.n == 0)
        return arma::datum::nan;
    arma::vec u(w.n_elem + 1);
    u.head(w.n_elem) = w;
    u(w.n_elem) = -1.0;
    const double n = static_cast<double>(g.n);
    const double sse = arma::as_scalar(u.t() * g.product * u) +
                       2.0 * shiftedBias * arma::dot(u, g.sum) + n * shiftedBias * shiftedBias;
    return std::max(0.0, sse) / n;
}

struct PointFit {
    arma::vec weights;
    double shiftedBias = 0;
};

// The settings' fit on shifted sums `g`; the lasso warm-starts from `start` when it fits.
PointFit fitOn(const GroupSums& g, const arma::vec& shift, const FitSettings& settings,
               double alpha, const arma::vec& start) {
    const Moments m = momentsOf(g, shift, settings.intercept);
    RegularizedFit f;
    if (settings.penalty == Penalty::None || alpha == 0)
        f = Regularized::ridge(m, 0.0);
    else if (settings.penalty == Penalty::Ridge)
        f = Regularized::ridge(m, alpha);
    else {
        LassoSettings lasso;
        lasso.maxSweeps = 1000; // the window's live lasso (FitSetup)
        f = Regularized::lasso(m, alpha, start.n_elem == m.cross.n_elem ? start : arma::vec(),
                               lasso);
    }
    PointFit p;
    p.weights = f.weights;
    const arma::uword d = f.weights.n_elem;
    // Without an intercept the fit is about zero: b = 0 is b' = shift_x . w - shift_y.
    p.shiftedBias = settings.intercept ? f.bias : arma::dot(shift.head(d), f.weights) - shift(d);
    return p;
}

// One point of a curve: the columns `cols` of the sums, fitted with alpha. `starts` holds the
// lasso's warm start per fit (one per group, or one for a split) and is updated.
void addPoint(const std::vector<GroupSums>& sums, const arma::vec& shift, const arma::uvec& cols,
              const FitSettings& settings, double alpha, const CurveGroups& groups,
              std::vector<arma::vec>& starts, ValidationCurveResult& out) {
    arma::uvec withLabel(cols.n_elem + 1);
    withLabel.head(cols.n_elem) = cols;
    withLabel(cols.n_elem) = shift.n_elem - 1;
    const arma::vec sel = shift.elem(withLabel);
    std::vector<GroupSums> part;
    for (const GroupSums& g : sums)
        part.push_back(select(g, withLabel));
    starts.resize(groups.split ? 1 : part.size());
    if (groups.split) {
        const PointFit f = fitOn(part[0], sel, settings, alpha, starts[0]);
        starts[0] = f.weights;
        out.trainMse.push_back(mseOn(part[0], f.weights, f.shiftedBias));
        out.testMse.push_back(mseOn(part[1], f.weights, f.shiftedBias));
        return;
    }
    GroupSums total = emptySums(withLabel.n_elem);
    for (const GroupSums& g : part)
        add(total, g);
    double train = 0, test = 0;
    int used = 0;
    for (size_t k = 0; k < part.size(); ++k) {
        GroupSums rest = total;
        add(rest, part[k], -1.0);
        if (rest.n == 0 || part[k].n == 0)
            continue;
        const PointFit f = fitOn(rest, sel, settings, alpha, starts[k]);
        starts[k] = f.weights;
        train += mseOn(rest, f.weights, f.shiftedBias);
        test += mseOn(part[k], f.weights, f.shiftedBias);
        ++used;
    }
    out.trainMse.push_back(used ? train / used : arma::datum::nan);
    out.testMse.push_back(used ? test / used : arma::datum::nan);
}

arma::rowvec shiftOf(const arma::mat& X, const arma::vec& y) {
    arma::rowvec shift(X.n_cols + 1);
    shift.head(X.n_cols) = arma::mean(X, 0);
    shift(X.n_cols) = arma::mean(y);
    return shift;
}

void checkSizes(const char* function, const arma::mat& X, const arma::vec& y,
                const CurveGroups& groups) {
    if (X.n_rows != y.n_elem || groups.group.n_elem != y.n_elem || groups.count < 2 ||
        (groups.split && groups.count != 2) || y.n_elem == 0)
        throw std::invalid_argument(std::string(function) + ": sizes or groups do not agree");
}

} // namespace

CurveGroups ValidationCurve::groupsFor(const arma::uvec& testMask, arma::uword folds,
                                       std::uint64_t seed) {
    CurveGroups g;
    if (arma::any(testMask) && !arma::all(testMask)) {
        g.group = testMask;
        g.count = 2;
        g.split = true;
        return g;
    }
    g.group = DataSplit::folds(testMask.n_elem, folds, seed);
    g.count = folds;
    return g;
}

arma::mat ValidationCurve::polynomialDesign(const arma::mat& X, arma::uword column,
                                            arma::uword maxDegree) {
    if (column >= X.n_cols)
        throw std::out_of_range("ValidationCurve: column " + std::to_string(column) + " of " +
                                std::to_string(X.n_cols));
    const arma::uword extra = maxDegree > 1 ? maxDegree - 1 : 0;
    arma::mat design(X.n_rows, X.n_cols + extra);
    design.head_cols(X.n_cols) = X;
    for (arma::uword k = 0; k < extra; ++k)
        design.col(X.n_cols + k) = arma::pow(X.col(column), static_cast<double>(k + 2));
    return design;
}

std::vector<double> ValidationCurve::logGrid(double lo, double hi, std::size_t count) {
    if (!(lo > 0) || !(hi > 0) || count < 2)
        throw std::invalid_argument("ValidationCurve::logGrid: needs lo, hi > 0 and 2 values");
    std::vector<double> grid(count);
    const double a = std::log10(lo), b = std::log10(hi);
    for (std::size_t i = 0; i < count; ++i)
        grid[i] = std::pow(10.0, a + (b - a) * static_cast<double>(i) / (count - 1));
    return grid;
}

std::optional<std::vector<GroupSums>>
ValidationCurve::groupSums(const arma::mat& X, const arma::vec& y, const CurveGroups& groups,
                           const arma::rowvec& shift, const std::atomic<bool>* cancel) {
    const arma::uword p = X.n_cols + 1;
    std::vector<GroupSums> sums(groups.count, emptySums(p));
    for (arma::uword g = 0; g < groups.count; ++g) {
        const arma::uvec rows = arma::find(groups.group == g);
        sums[g].n = rows.n_elem;
        for (arma::uword a = 0; a < rows.n_elem; a += kBlockRows) {
            if (cancelled(cancel))
                return std::nullopt;
            const arma::uvec block = rows.subvec(a, std::min(a + kBlockRows, rows.n_elem) - 1);
            arma::mat z(block.n_elem, p);
            z.head_cols(X.n_cols) = X.rows(block);
            z.col(X.n_cols) = y.elem(block);
            z.each_row() -= shift;
            sums[g].sum += arma::sum(z, 0).t();
            sums[g].product += z.t() * z;
        }
    }
    return sums;
}

std::optional<ValidationCurveResult>
ValidationCurve::degrees(const arma::mat& X, const arma::vec& y, arma::uword column,
                         arma::uword maxDegree, const TransformSettings& transform,
                         const std::vector<bool>& fixed, const FitSettings& settings,
                         const CurveGroups& groups, const std::atomic<bool>* cancel) {
    checkSizes("ValidationCurve::degrees", X, y, groups);
    if (maxDegree < 1)
        throw std::invalid_argument("ValidationCurve::degrees: the degree starts at 1");
    arma::mat design = polynomialDesign(X, column, maxDegree);
    std::vector<bool> flags = fixed;
    if (!flags.empty())
        flags.resize(design.n_cols, false);
    const Transform t = Transform::fit(design, transform, flags);
    if (!t.isIdentity())
        t.applyInto(arma::mat(design), design);
    if (cancelled(cancel))
        return std::nullopt;
    const arma::rowvec shift = shiftOf(design, y);
    const std::optional<std::vector<GroupSums>> sums = groupSums(design, y, groups, shift, cancel);
    if (!sums)
        return std::nullopt;
    ValidationCurveResult out;
    out.crossValidated = !groups.split;
    std::vector<arma::vec> starts;
    for (arma::uword k = 1; k <= maxDegree; ++k) {
        if (cancelled(cancel))
            return std::nullopt;
        const arma::uvec cols = arma::regspace<arma::uvec>(0, X.n_cols + k - 2);
        starts.clear(); // another design: the last weights do not fit
        out.values.push_back(static_cast<double>(k));
        addPoint(*sums, shift.t(), cols, settings, settings.alpha, groups, starts, out);
    }
    return out;
}

std::optional<ValidationCurveResult> ValidationCurve::alphas(const arma::mat& X, const arma::vec& y,
                                                             const std::vector<double>& alphas,
                                                             const FitSettings& settings,
                                                             const CurveGroups& groups,
                                                             const std::atomic<bool>* cancel) {
    checkSizes("ValidationCurve::alphas", X, y, groups);
    if (X.n_cols == 0)
        throw std::invalid_argument("ValidationCurve::alphas: no features");
    const arma::rowvec shift = shiftOf(X, y);
    const std::optional<std::vector<GroupSums>> sums = groupSums(X, y, groups, shift, cancel);
    if (!sums)
        return std::nullopt;
    ValidationCurveResult out;
    out.crossValidated = !groups.split;
    const arma::uvec cols = arma::regspace<arma::uvec>(0, X.n_cols - 1);
    std::vector<arma::vec> starts; // warm starts along the grid, as a lasso path is computed
    for (double alpha : alphas) {
        if (cancelled(cancel))
            return std::nullopt;
        out.values.push_back(alpha);
        addPoint(*sums, shift.t(), cols, settings, alpha, groups, starts, out);
    }
    return out;
}

} // namespace linlab
