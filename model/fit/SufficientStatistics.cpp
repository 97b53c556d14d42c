#include "model/fit/SufficientStatistics.h"

#include "model/support/Parallel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace linlab {

namespace {

// Plain loops rather than BLAS for these small products: OpenBLAS, called from two threads at
// once, spends its time handing work between its own threads.
double dot(const double* a, const double* b, arma::uword n) {
    // Four running sums: independent additions keep the pipeline full (and vector lanes busy).
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    arma::uword i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; ++i)
        s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

// What one thread adds up over its blocks.
struct Sums {
    arma::mat sxx;
    arma::vec sxy;
    double scalar = 0;
    arma::rowvec columnSum;
    double labelSum = 0;
};

// X and y centred on given means, visited a block of rows at a time.
struct CentredBlocks {
    static constexpr arma::uword kBlockRows = 2048;

    const arma::mat& X;
    const arma::vec& y;
    const arma::rowvec& meanX;
    double meanY;
    const std::atomic<bool>* cancel; // checked before each block; null: never cancelled

    // init(sums) per thread, add(sums, Xb, yb) per block, then merge(sums) per thread in order.
    template <typename Init, typename Add, typename Merge>
    void forEach(Init init, Add add, Merge merge) const {
        const arma::uword n = X.n_rows;
        const arma::uword half = n >= 2 * kBlockRows ? n / 2 : n;
        Sums parts[2];
        forEachIndex(half < n ? 2 : 1, n * (X.n_cols + 1), [&](std::size_t part) {
            init(parts[part]);
            const arma::uword begin = part == 0 ? 0 : half, end = part == 0 ? half : n;
            arma::mat Xb;
            arma::vec yb;
            for (arma::uword a = begin; a < end; a += kBlockRows) {
                if (cancel && cancel->load(std::memory_order_relaxed))
                    break;
                const arma::uword last = std::min(end, a + kBlockRows) - 1;
                // (rows() and each_row() of a matrix with no columns are undefined in Armadillo:
                // a label-only table has none.)
                if (X.n_cols > 0) {
                    Xb = X.rows(a, last);
                    Xb.each_row() -= meanX;
                } else {
                    Xb.set_size(last - a + 1, 0);
                }
                yb = y.subvec(a, last) - meanY;
                add(parts[part], Xb, yb);
            }
        });
        merge(parts[0]);
        if (half < n)
            merge(parts[1]);
    }

    void materialize(arma::mat& Xc, arma::vec& yc) const {
        Xc = X;
        if (Xc.n_cols > 0)
            Xc.each_row() -= meanX;
        yc = y - meanY;
    }
};

} // namespace

SufficientStatistics SufficientStatistics::compute(const arma::mat& X, const arma::vec& y) {
    return compute(X, y, nullptr);
}

std::optional<SufficientStatistics> SufficientStatistics::compute(const arma::mat& X,
                                                                  const arma::vec& y,
                                                                  const std::atomic<bool>& cancel) {
    SufficientStatistics s = compute(X, y, &cancel);
    if (cancel.load())
        return std::nullopt;
    return s;
}

SufficientStatistics SufficientStatistics::compute(const arma::mat& X, const arma::vec& y,
                                                   const std::atomic<bool>* cancel) {
    if (X.n_rows != y.n_elem)
        throw std::invalid_argument("SufficientStatistics::compute: X has " +
                                    std::to_string(X.n_rows) + " rows but y has " +
                                    std::to_string(y.n_elem) + " labels");
    SufficientStatistics s;
    const arma::uword n = X.n_rows, d = X.n_cols;
    const bool wide = d > kWideFeatures && d > n;
    s.m_n = n;
    s.m_wide = wide;
    if (wide)
        s.m_lazyGram = std::make_shared<LazyGram>();
    s.m_meanX.zeros(d);
    if (!wide)
        s.m_sxx.zeros(d, d);
    s.m_sxy.zeros(d);
    s.m_anchorGrad.zeros(d);
    s.m_ls.weights.zeros(d);
    if (n == 0) {
        s.m_centred.zeros(0, wide ? d : 0);
        return s;
    }

    // First means, one pass per column; the sums pass below corrects their rounding.
    auto firstMean = [n](const double* v) {
        double sum = 0;
        for (arma::uword i = 0; i < n; ++i)
            sum += v[i];
        double mean = sum / static_cast<double>(n);
        if (!std::isfinite(mean)) { // the sum overflowed (values near the largest double)
            mean = 0;
            for (arma::uword i = 0; i < n; ++i)
                mean += (v[i] - mean) / static_cast<double>(i + 1);
        }
        return mean;
    };
    forEachIndex(d + 1, n * (d + 1), [&](std::size_t j) {
        if (j < d)
            s.m_meanX(j) = firstMean(X.colptr(j));
        else
            s.m_meanY = firstMean(y.memptr());
    });

    // The centred data is never held whole: blocks of rows are centred into a small buffer (in
    // cache) and folded into the sums, each half of the rows on its own thread. The first pass
    // also sums the deviations from the first means: the corrected two-pass formulas
    // (S - n dd^T, d the mean deviation) then give the sums about the exact means, and the
    // means themselves, without a pass of their own.
    const CentredBlocks blocks{X, y, s.m_meanX, s.m_meanY, cancel};
    arma::rowvec deviationX(d, arma::fill::zeros);
    double deviationY = 0;
    s.m_syy = 0;
    blocks.forEach(
        [d, wide](Sums& sums) {
            if (!wide)
                sums.sxx.zeros(d, d);
            sums.sxy.zeros(d);
            sums.columnSum.zeros(d);
        },
        [d, wide](Sums& sums, const arma::mat& Xb, const arma::vec& yb) {
            if (d > 0) {
                if (!wide)
                    sums.sxx += Xb.t() * Xb; // BLAS syrk: its vector kernels beat any loop here
                sums.sxy += Xb.t() * yb;
                sums.columnSum += arma::sum(Xb, 0);
            }
            sums.scalar += dot(yb.memptr(), yb.memptr(), yb.n_elem);
            sums.labelSum += arma::accu(yb);
        },
        [&](const Sums& sums) {
            if (!wide)
                s.m_sxx += sums.sxx;
            s.m_sxy += sums.sxy;
            s.m_syy += sums.scalar;
            deviationX += sums.columnSum;
            deviationY += sums.labelSum;
        });
    if (cancel && cancel->load())
        return s; // meaningless, and dropped: no least squares for it
    const double count = static_cast<double>(n);
    deviationX /= count;
    deviationY /= count;
    if (!wide)
        s.m_sxx -= count * (deviationX.t() * deviationX);
    s.m_sxy -= count * deviationY * deviationX.t();
    s.m_syy -= count * deviationY * deviationY;
    s.m_meanX += deviationX;
    s.m_meanY += deviationY;
    if (!wide)
        s.m_sxx = 0.5 * (s.m_sxx + s.m_sxx.t()); // exactly symmetric for eig_sym

    // Xc^T r and |r|^2 for the residual r = Xc w - yc, in one pass.
    arma::vec lastWeights, lastGradient;
    double lastSse = 0;
    auto residualSums = [&](const arma::vec& w, arma::vec& gradient, double& sse) {
        gradient.zeros(d);
        sse = 0;
        blocks.forEach([d](Sums& sums) { sums.sxy.zeros(d); },
                       [&w, d](Sums& sums, const arma::mat& Xb, const arma::vec& yb) {
                           arma::vec r = -yb;
                           for (arma::uword k = 0; k < d; ++k) {
                               const double* column = Xb.colptr(k);
                               const double wk = w(k);
                               for (arma::uword i = 0; i < r.n_elem; ++i)
                                   r(i) += wk * column[i];
                           }
                           for (arma::uword k = 0; k < d; ++k)
                               sums.sxy(k) += dot(Xb.colptr(k), r.memptr(), r.n_elem);
                           sums.scalar += dot(r.memptr(), r.memptr(), r.n_elem);
                       },
                       [&](const Sums& sums) {
                           gradient += sums.sxy;
                           sse += sums.scalar;
                       });
        lastWeights = w;
        lastGradient = gradient;
        lastSse = sse;
    };
    if (wide) {
        // The d x d Gram matrix and its eigen-decomposition would cost d^2 memory and d^3 time
        // whatever n is: solve from the centred data itself.
        arma::vec yc;
        blocks.materialize(s.m_centred, yc);
        s.m_ls = LeastSquares::solveCentredData(s.m_centred, yc);
    } else {
        s.m_ls = LeastSquares::solveCentred(
            n, s.m_sxx, s.m_sxy,
            [&](const arma::vec& w) {
                arma::vec gradient;
                double sse = 0;
                residualSums(w, gradient, sse);
                return gradient;
            },
            [&](arma::mat& Xc, arma::vec& yc) { blocks.materialize(Xc, yc); });
    }
    if (d > 0 && lastWeights.n_elem == d && s.m_ls.method == "normal-equations") {
        // The fit is the refined point p = w - c, w the point whose residual r was just summed:
        // Xc^T (r - Xc c) = g - Sxx c and |r - Xc c|^2 = |r|^2 - 2 c^T g + c^T Sxx c. The
        // correction c is tiny, so these are as accurate as another pass, at O(d^2).
        const arma::vec c = lastWeights - s.m_ls.weights;
        const arma::vec sxxC = s.m_sxx * c;
        s.m_anchorGrad = lastGradient - sxxC;
        s.m_anchorSse =
            std::max(0.0, lastSse - 2.0 * arma::dot(c, lastGradient) + arma::dot(c, sxxC));
    } else {
        residualSums(s.m_ls.weights, s.m_anchorGrad, s.m_anchorSse);
    }
    if (d == 0)
        s.m_anchorGrad.reset();
    s.m_ls.bias =
        -s.meanResidual(s.m_ls.weights, 0.0); // mean_y - mean_x . w, in extended precision
    s.m_ls.mse = s.mse(s.m_ls.weights, s.m_ls.bias);
    return s;
}

namespace {

// Thrown by the least-squares solver's callback when it wants the centred rows, which an update
// does not have.
struct NeedsRows {};

// Moves the centred moments `M` and means `mean` of n points from one point z to another.
// Welford's steps: take z out, then put zNew in.
void replacePoint(arma::mat& M, arma::vec& mean, double n, const arma::vec& z,
                  const arma::vec& zNew) {
    arma::vec delta = z - mean;
    mean -= delta / (n - 1.0);
    M -= (n / (n - 1.0)) * (delta * delta.t());
    delta = zNew - mean;
    mean += delta / n;
    M += ((n - 1.0) / n) * (delta * delta.t());
}

} // namespace

std::optional<SufficientStatistics>
SufficientStatistics::updated(const SufficientStatistics& previous, const arma::rowvec& scale,
                              const arma::rowvec& shift, const arma::mat& oldRows,
                              const arma::vec& oldLabels, const arma::mat& newRows,
                              const arma::vec& newLabels) {
    const arma::uword n = previous.m_n, d = previous.featureCount(), k = oldRows.n_rows;
    const bool sizesFit = scale.n_elem == d && shift.n_elem == d && oldRows.n_cols == d &&
                          newRows.n_cols == d && newRows.n_rows == k && oldLabels.n_elem == k &&
                          newLabels.n_elem == k && k < n;
    if (previous.m_wide || n < kMinUpdateRows || d == 0 || !sizesFit ||
        previous.m_ls.method != "normal-equations" || !previous.m_ls.weights.is_finite() ||
        !scale.is_finite() || !shift.is_finite() || arma::any(scale == 0.0))
        return std::nullopt;

    // The centred moments of z = (x, y, u), u = x . p - y, p the anchor in the new coordinates:
    // they hold Sxx, Sxy and syy, and (centring u gives the anchor's residual r) Xc^T r and |r|^2.
    // Each entry moves on its own, so the anchor's small sums stay small: nothing cancels.
    const arma::vec a = scale.t();
    const arma::vec p = previous.m_ls.weights / a;
    arma::mat M(d + 2, d + 2);
    M.submat(0, 0, d - 1, d - 1) = previous.m_sxx % (a * a.t());
    M.submat(0, d, d - 1, d) = previous.m_sxy % a;
    M.submat(0, d + 1, d - 1, d + 1) = previous.m_anchorGrad % a;
    M(d, d) = previous.m_syy;
    M(d, d + 1) = arma::dot(previous.m_sxy, previous.m_ls.weights) - previous.m_syy; // yc^T r
    M(d + 1, d + 1) = previous.m_anchorSse;
    M = arma::symmatu(M);
    arma::vec mean(d + 2);
    mean.head(d) = (previous.m_meanX % scale + shift).t();
    mean(d) = previous.m_meanY;
    SufficientStatistics mapped; // for meanResidual() in the new coordinates
    mapped.m_meanX = mean.head(d).t();
    mapped.m_meanY = previous.m_meanY;
    mean(d + 1) = mapped.meanResidual(p, 0.0);

    arma::vec z(d + 2), zNew(d + 2);
    for (arma::uword i = 0; i < k; ++i) {
        const arma::rowvec x = oldRows.row(i) % scale + shift;
        z.head(d) = x.t();
        z(d) = oldLabels(i);
        z(d + 1) = arma::dot(x, p) - oldLabels(i);
        zNew.head(d) = newRows.row(i).t();
        zNew(d) = newLabels(i);
        zNew(d + 1) = arma::dot(newRows.row(i), p) - newLabels(i);
        if (!z.is_finite() || !zNew.is_finite())
            return std::nullopt;
        replacePoint(M, mean, static_cast<double>(n), z, zNew);
    }

    SufficientStatistics s;
    s.m_n = n;
    s.m_meanX = mean.head(d).t();
    s.m_meanY = mean(d);
    s.m_sxx = M.submat(0, 0, d - 1, d - 1);
    s.m_sxx = 0.5 * (s.m_sxx + s.m_sxx.t());
    s.m_sxy = M.submat(0, d, d - 1, d);
    s.m_syy = M(d, d);
    const arma::vec g = M.submat(0, d + 1, d - 1, d + 1);
    const double rr = std::max(0.0, M(d + 1, d + 1));
    // The solver's refinement asks for Xc^T (Xc w - yc): around the anchor that is
    // Sxx (w - p) + Xc^T r, to the anchor's precision.
    try {
        s.m_ls = LeastSquares::solveCentred(
            n, s.m_sxx, s.m_sxy,
            [&](const arma::vec& w) { return arma::vec(s.m_sxx * (w - p) + g); },
            [](arma::mat&, arma::vec&) { throw NeedsRows{}; });
    } catch (const NeedsRows&) {
        return std::nullopt; // ill conditioned: the QR of the rows
    }
    const arma::vec step = s.m_ls.weights - p;
    const arma::vec sxxStep = s.m_sxx * step;
    s.m_anchorGrad = g + sxxStep;
    s.m_anchorSse = std::max(0.0, rr + 2.0 * arma::dot(step, g) + arma::dot(step, sxxStep));
    s.m_ls.bias = -s.meanResidual(s.m_ls.weights, 0.0);
    s.m_ls.mse = s.mse(s.m_ls.weights, s.m_ls.bias);
    return s;
}

SufficientStatistics SufficientStatistics::fromMoments(arma::uword n,
                                                       const arma::rowvec& featureMean,
                                                       double labelMean, const arma::mat& sxx,
                                                       const arma::vec& sxy, double syy) {
    const arma::uword d = featureMean.n_elem;
    if (sxx.n_rows != d || sxx.n_cols != d || sxy.n_elem != d)
        throw std::invalid_argument("SufficientStatistics::fromMoments: " + std::to_string(d) +
                                    " means for a " + std::to_string(sxx.n_rows) + " x " +
                                    std::to_string(sxx.n_cols) + " Gram matrix and " +
                                    std::to_string(sxy.n_elem) + " cross products");
    if (d > kWideFeatures && d > n)
        throw std::invalid_argument("SufficientStatistics::fromMoments: " + std::to_string(d) +
                                    " features for " + std::to_string(n) +
                                    " rows: wide data is solved from its rows");
    SufficientStatistics s;
    s.m_n = n;
    s.m_meanX = featureMean;
    s.m_meanY = labelMean;
    s.m_sxx = 0.5 * (sxx + sxx.t());
    s.m_sxy = sxy;
    s.m_syy = syy;
    s.m_ls.weights.zeros(d);
    s.m_anchorGrad.zeros(d);
    if (n == 0)
        return s;
    // The refinement asks for Xc^T (Xc w - yc): from the moments that is Sxx w - Sxy.
    s.m_ls = LeastSquares::solveCentred(
        n, s.m_sxx, s.m_sxy, [&](const arma::vec& w) { return arma::vec(s.m_sxx * w - s.m_sxy); },
        [](arma::mat&, arma::vec&) {
            throw std::invalid_argument(
                "SufficientStatistics::fromMoments: the centred Gram matrix is singular or "
                "ill conditioned (condition past 1e10): its least squares needs the rows");
        });
    // |r|^2 = syy - 2 p.Sxy + p^T Sxx p: centred, so the data's offset does not cancel here.
    const arma::vec& p = s.m_ls.weights;
    const arma::vec sxxP = s.m_sxx * p;
    s.m_anchorGrad = sxxP - s.m_sxy;
    s.m_anchorSse = std::max(0.0, syy - 2.0 * arma::dot(p, s.m_sxy) + arma::dot(p, sxxP));
    if (d == 0)
        s.m_anchorGrad.reset();
    s.m_ls.bias = -s.meanResidual(p, 0.0);
    s.m_ls.mse = s.mse(p, s.m_ls.bias);
    return s;
}

SufficientStatistics SufficientStatistics::withAnchor(double sse, const arma::vec& cross) const {
    if (cross.n_elem != featureCount())
        throw std::invalid_argument(
            "SufficientStatistics::withAnchor: " + std::to_string(cross.n_elem) +
            " cross sums for " + std::to_string(featureCount()) + " features");
    SufficientStatistics s = *this;
    s.m_anchorSse = std::max(0.0, sse);
    s.m_anchorGrad = cross;
    if (featureCount() == 0)
        s.m_anchorGrad.reset();
    if (m_n > 0)
        s.m_ls.mse = s.mse(s.m_ls.weights, s.m_ls.bias);
    return s;
}

void SufficientStatistics::check(const char* function, const arma::vec& weights) const {
    if (weights.n_elem != m_meanX.n_elem)
        throw std::invalid_argument(std::string(function) + ": " + std::to_string(weights.n_elem) +
                                    " weights for " + std::to_string(m_meanX.n_elem) + " features");
}

double SufficientStatistics::mse(const arma::vec& weights, double bias) const {
    check("SufficientStatistics::mse", weights);
    if (m_n == 0)
        return arma::datum::nan;
    const double n = static_cast<double>(m_n);
    const double delta = meanResidual(weights, bias);
    double sse = m_anchorSse;
    const arma::vec dw = weights - m_ls.weights;
    // At the fit itself there is nothing to add, and an overflowed Sxx (features near 1e300)
    // times zero would be NaN where the fit's own loss is a fine number.
    if (arma::any(dw != 0.0))
        sse += gramQuadratic(dw) + 2.0 * arma::dot(dw, m_anchorGrad);
    // Rounding may leave a tiny negative SSE; an overflow (NaN or inf) must stay not a number.
    const double meanSquare = sse / n;
    return (meanSquare < 0.0 ? 0.0 : meanSquare) + delta * delta;
}

Gradient SufficientStatistics::gradient(const arma::vec& weights, double bias) const {
    check("SufficientStatistics::gradient", weights);
    Gradient g;
    if (m_n == 0) {
        g.weights.set_size(weights.n_elem);
        g.weights.fill(arma::datum::nan);
        g.bias = arma::datum::nan;
        return g;
    }
    const double n = static_cast<double>(m_n);
    const double delta = meanResidual(weights, bias);
    // sum_i x_i e_i = Xc^T e + n mean_x delta, and Xc^T e = Sxx (w - p) + Xc^T r.
    const arma::vec dw = weights - m_ls.weights;
    if (weights.n_elem == 0)
        g.weights.reset();
    else if (arma::any(dw != 0.0))
        g.weights = (2.0 / n) * (gramTimes(dw) + m_anchorGrad) + 2.0 * delta * m_meanX.t();
    else // at the fit: as in mse(), no overflowed Sxx times zero
        g.weights = (2.0 / n) * m_anchorGrad + 2.0 * delta * m_meanX.t();
    g.bias = 2.0 * delta;
    return g;
}

const arma::mat& SufficientStatistics::centredGram() const {
    if (!m_wide)
        return m_sxx;
    std::call_once(m_lazyGram->once, [this] { m_lazyGram->gram = m_centred.t() * m_centred; });
    return m_lazyGram->gram;
}

double SufficientStatistics::centredSquares(arma::uword feature) const {
    if (!m_wide)
        return m_sxx(feature, feature);
    const arma::vec column = m_centred.col(feature);
    return arma::dot(column, column);
}

arma::vec SufficientStatistics::gramTimes(const arma::vec& v) const {
    if (!m_wide)
        return m_sxx * v;
    return m_centred.t() * (m_centred * v);
}

double SufficientStatistics::gramQuadratic(const arma::vec& dw) const {
    if (!m_wide)
        return arma::dot(dw, m_sxx * dw);
    const arma::vec u = m_centred * dw;
    return arma::dot(u, u);
}

double SufficientStatistics::meanResidual(const arma::vec& weights, double bias) const {
    long double delta = static_cast<long double>(bias) - static_cast<long double>(m_meanY);
    for (arma::uword j = 0; j < weights.n_elem; ++j)
        delta += static_cast<long double>(m_meanX(j)) * static_cast<long double>(weights(j));
    return static_cast<double>(delta);
}

arma::mat SufficientStatistics::hessian() const {
    const arma::uword d = featureCount();
    arma::mat H(d + 1, d + 1, arma::fill::zeros);
    if (m_n == 0)
        return H;
    const double n = static_cast<double>(m_n);
    // [X 1]^T [X 1] = [[Sxx + n m m^T, n m], [n m^T, n]]
    if (d > 0) {
        H.submat(0, 0, d - 1, d - 1) = centredGram() + n * (m_meanX.t() * m_meanX);
        H.submat(0, d, d - 1, d) = n * m_meanX.t();
        H.submat(d, 0, d, d - 1) = n * m_meanX;
    }
    H(d, d) = n;
    return (2.0 / n) * H;
}

double SufficientStatistics::stableLearningRate() const {
    if (m_n == 0)
        return arma::datum::nan;
    arma::vec lambda;
    if (m_wide) {
        // The Hessian (2/n) A^T A, A = [X 1], shares its nonzero eigenvalues with (2/n) A A^T,
        // which is n x n.
        arma::mat A = m_centred;
        A.each_row() += m_meanX;
        A.insert_cols(A.n_cols, arma::vec(m_n, arma::fill::ones));
        const arma::mat small = (2.0 / static_cast<double>(m_n)) * (A * A.t());
        if (!small.is_finite() || !arma::eig_sym(lambda, small) || lambda.max() <= 0)
            return arma::datum::nan;
        return 2.0 / lambda.max();
    }
    const arma::mat H = hessian();
    if (!H.is_finite() || !arma::eig_sym(lambda, H) || lambda.max() <= 0)
        return arma::datum::nan;
    return 2.0 / lambda.max();
}

} // namespace linlab
