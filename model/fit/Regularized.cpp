#include "model/fit/Regularized.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace linlab {

namespace {

void checkAlpha(const char* function, double alpha) {
    if (!(alpha >= 0) || !std::isfinite(alpha))
        throw std::invalid_argument(std::string(function) +
                                    ": alpha must be a finite number of 0 or more");
}

// mean_y - mean_x . w in extended precision (as SufficientStatistics::meanResidual): large
// terms, a small sum. 0 through the origin.
double interceptOf(const Moments& m, const arma::vec& w) {
    if (!m.intercept)
        return 0.0;
    long double b = m.labelMean;
    for (arma::uword j = 0; j < w.n_elem; ++j)
        b -= static_cast<long double>(m.featureMean(j)) * w(j);
    return static_cast<double>(b);
}

// Eigenvalues below this fraction of the largest count as zero in a minimum-norm solve.
double eigenCutoff(const arma::vec& lambda) {
    const double top = lambda.n_elem > 0 ? std::max(0.0, lambda.max()) : 0.0;
    return top * static_cast<double>(std::max<arma::uword>(lambda.n_elem, 1)) * 2.2e-16;
}

// (G + alpha I)^+ c from G = V diag(lambda) V^T: the minimum-norm solution when singular.
arma::vec spectralSolve(const arma::vec& lambda, const arma::mat& V, const arma::vec& c,
                        double alpha) {
    const double cutoff = eigenCutoff(lambda);
    arma::vec coefficients = V.t() * c;
    for (arma::uword k = 0; k < lambda.n_elem; ++k) {
        const double shifted = lambda(k) + alpha;
        coefficients(k) =
            lambda(k) + alpha > cutoff && shifted > 0 ? coefficients(k) / shifted : 0.0;
    }
    return V * coefficients;
}

// Cholesky when G + alpha I is positive definite; else the minimum-norm solution.
arma::vec solveSymmetric(const arma::mat& G, const arma::vec& c, double alpha) {
    const arma::uword d = G.n_rows;
    arma::mat A = G;
    A.diag() += alpha;
    arma::mat R;
    if (d > 0 && arma::chol(R, A)) {
        const arma::vec z = arma::solve(arma::trimatl(R.t()), c);
        arma::vec w = arma::solve(arma::trimatu(R), z);
        // Cholesky succeeds on some numerically singular matrices: trust it when well
        // conditioned (its diagonal's spread bounds the condition number from below).
        const arma::vec diag = R.diag();
        if (w.is_finite() && diag.min() > 1e-7 * diag.max())
            return w;
    }
    arma::vec lambda;
    arma::mat V;
    if (!arma::eig_sym(lambda, V, G))
        return arma::vec(d, arma::fill::zeros);
    return spectralSolve(lambda, V, c, alpha);
}

double softThreshold(double value, double threshold) {
    if (value > threshold)
        return value - threshold;
    if (value < -threshold)
        return value + threshold;
    return 0.0;
}

// Coordinate descent on (1/2) |r|^2 + la |w|_1 in the sum-of-squares scale (la = n alpha), as
// scikit-learn's enet_coordinate_descent_gram: h = G w is kept up to date, O(d) a coordinate.
class CoordinateDescent {
public:
    CoordinateDescent(const Moments& m, double alpha)
        : m_m(m)
        , m_la(alpha * static_cast<double>(m.n)) {}

    RegularizedFit run(arma::vec w, const LassoSettings& settings) {
        const arma::uword d = w.n_elem;
        arma::vec h = m_m.gram * w;
        RegularizedFit fit;
        fit.converged = false;
        const double target = settings.tolerance * m_m.labelSquares;
        for (std::size_t sweep = 0; sweep < settings.maxSweeps && d > 0; ++sweep) {
            for (arma::uword j = 0; j < d; ++j) {
                const double gjj = m_m.gram(j, j);
                const double old = w(j);
                if (!(gjj > 0)) { // a constant feature: any weight fits as well; zero is sparse
                    w(j) = 0.0;
                } else {
                    const double rho = m_m.cross(j) - (h(j) - gjj * old);
                    w(j) = softThreshold(rho, m_la) / gjj;
                }
                if (w(j) != old)
                    h += (w(j) - old) * m_m.gram.col(j);
            }
            fit.iterations = sweep + 1;
            fit.dualityGap = gap(w, h);
            if (fit.dualityGap > target && fit.iterations % kPolishEvery == 0)
                polish(w, h, fit.dualityGap);
            if (fit.dualityGap <= target) {
                fit.converged = true;
                break;
            }
        }
        if (d == 0)
            fit.converged = true;
        fit.dualityGap /= static_cast<double>(std::max<arma::uword>(m_m.n, 1));
        fit.weights = std::move(w);
        return fit;
    }

private:
    // Sweeps between attempts to finish by the active set's linear system.
    static constexpr std::size_t kPolishEvery = 16;

    // Coordinate descent crawls on ill-conditioned features (raw, far from the origin): once it
    // has found the support S and the signs s, the optimum solves G_SS w_S = c_S - la s exactly.
    // That solution is taken when it keeps the signs, satisfies the optimality condition
    // |c_j - (G w)_j| <= la off the support and lowers the gap.
    void polish(arma::vec& w, arma::vec& h, double& currentGap) const {
        const arma::uvec support = arma::find(w != 0.0);
        if (support.is_empty())
            return;
        const arma::vec sign = arma::sign(w.elem(support));
        arma::mat R;
        const arma::mat Gss = m_m.gram.submat(support, support);
        if (!arma::chol(R, Gss))
            return;
        const arma::vec rhs = m_m.cross.elem(support) - m_la * sign;
        const arma::vec x = arma::solve(arma::trimatu(R), arma::solve(arma::trimatl(R.t()), rhs));
        if (!x.is_finite() || arma::any(arma::sign(x) != sign))
            return;
        arma::vec candidate(w.n_elem, arma::fill::zeros);
        candidate.elem(support) = x;
        const arma::vec hc = m_m.gram.cols(support) * x;
        const arma::vec slack = arma::abs(m_m.cross - hc);
        for (arma::uword j = 0; j < w.n_elem; ++j)
            if (candidate(j) == 0.0 && slack(j) > m_la * (1.0 + 1e-9))
                return;
        const double candidateGap = gap(candidate, hc);
        if (candidateGap < currentGap) {
            w = candidate;
            h = hc;
            currentGap = candidateGap;
        }
    }

    // scikit-learn's duality gap of the Gram formulation (sum scale).
    double gap(const arma::vec& w, const arma::vec& h) const {
        const double wc = arma::dot(w, m_m.cross);
        const double rr = std::max(0.0, m_m.labelSquares - 2.0 * wc + arma::dot(w, h));
        const double dualNorm = arma::abs(m_m.cross - h).max();
        double scale = 1.0, g = rr;
        if (dualNorm > m_la) {
            scale = m_la / dualNorm;
            g = 0.5 * (rr + rr * scale * scale);
        }
        return g + m_la * arma::norm(w, 1) - scale * (m_m.labelSquares - wc);
    }

    const Moments& m_m;
    double m_la;
};

} // namespace

RegularizedFit Regularized::ridge(const SufficientStatistics& s, double alpha, bool intercept) {
    checkAlpha("Regularized::ridge", alpha);
    if (alpha == 0 && intercept) {
        const LeastSquaresResult& ls = s.leastSquares();
        RegularizedFit fit;
        fit.weights = ls.weights;
        fit.bias = ls.bias;
        return fit;
    }
    return ridge(Moments::of(s, intercept), alpha);
}

RegularizedFit Regularized::ridge(const Moments& m, double alpha) {
    checkAlpha("Regularized::ridge", alpha);
    RegularizedFit fit;
    fit.weights = solveSymmetric(m.gram, m.cross, alpha);
    fit.bias = interceptOf(m, fit.weights);
    return fit;
}

RegularizedFit Regularized::lasso(const SufficientStatistics& s, double alpha,
                                  const arma::vec& start, bool intercept,
                                  const LassoSettings& settings) {
    checkAlpha("Regularized::lasso", alpha);
    if (alpha == 0)
        return ridge(s, 0.0, intercept);
    return lasso(Moments::of(s, intercept), alpha, start, settings);
}

RegularizedFit Regularized::lasso(const Moments& m, double alpha, const arma::vec& start,
                                  const LassoSettings& settings) {
    checkAlpha("Regularized::lasso", alpha);
    const arma::uword d = m.cross.n_elem;
    if (!start.is_empty() && start.n_elem != d)
        throw std::invalid_argument("Regularized::lasso: " + std::to_string(start.n_elem) +
                                    " start weights for " + std::to_string(d) + " features");
    if (alpha == 0)
        return ridge(m, 0.0);
    RegularizedFit fit = CoordinateDescent(m, alpha).run(
        start.is_empty() ? arma::vec(d, arma::fill::zeros) : start, settings);
    fit.bias = interceptOf(m, fit.weights);
    return fit;
}

RegularizedFit Regularized::fit(const SufficientStatistics& s, Penalty penalty, double alpha,
                                bool intercept) {
    switch (penalty) {
    case Penalty::Ridge:
        return ridge(s, alpha, intercept);
    case Penalty::Lasso:
        return lasso(s, alpha, {}, intercept);
    case Penalty::None:
        break;
    }
    return ridge(s, 0.0, intercept);
}

LeastSquaresResult Regularized::leastSquaresThroughOrigin(const SufficientStatistics& s) {
    const Moments m = Moments::of(s, false);
    const arma::uword d = m.cross.n_elem;
    LeastSquaresResult ls;
    ls.weights = ridge(m, 0.0).weights;
    ls.bias = 0.0;
    ls.mse = s.mse(ls.weights, 0.0);
    ls.method = "origin-normal-equations";
    arma::vec lambda;
    if (d == 0 || !arma::eig_sym(lambda, m.gram)) {
        ls.conditionNumber = d == 0 ? 1.0 : arma::datum::nan;
        return ls;
    }
    ls.rank = arma::uvec(arma::find(lambda > eigenCutoff(lambda))).n_elem;
    ls.rankDeficient = ls.rank < d;
    ls.conditionNumber =
        ls.rankDeficient ? arma::datum::inf : std::sqrt(lambda.max() / lambda.min());
    return ls;
}

double Regularized::lassoAlphaMax(const Moments& m) {
    if (m.n == 0 || m.cross.is_empty())
        return 0.0;
    return arma::abs(m.cross).max() / static_cast<double>(m.n);
}

double Regularized::loss(const SufficientStatistics& s, Penalty penalty, double alpha,
                         const arma::vec& weights, double bias) {
    const double mse = s.mse(weights, bias);
    const double n = static_cast<double>(s.sampleCount());
    switch (penalty) {
    case Penalty::Ridge:
        return n * mse + alpha * arma::dot(weights, weights);
    case Penalty::Lasso:
        return 0.5 * mse + alpha * arma::norm(weights, 1);
    case Penalty::None:
        break;
    }
    return mse;
}

Gradient Regularized::lossGradient(const SufficientStatistics& s, Penalty penalty, double alpha,
                                   const arma::vec& weights, double bias) {
    Gradient g = s.gradient(weights, bias);
    const double n = static_cast<double>(s.sampleCount());
    if (penalty == Penalty::Ridge) {
        g.weights = n * g.weights + 2.0 * alpha * weights;
        g.bias *= n;
    } else if (penalty == Penalty::Lasso) {
        g.weights *= 0.5;
        g.bias *= 0.5;
        for (arma::uword j = 0; j < weights.n_elem; ++j) {
            if (weights(j) != 0)
                g.weights(j) += alpha * (weights(j) > 0 ? 1.0 : -1.0);
            else
                g.weights(j) = softThreshold(g.weights(j), alpha);
        }
    }
    return g;
}

arma::vec Regularized::alphaGrid(double low, double high, arma::uword count) {
    if (!(low > 0) || !(high >= low) || !std::isfinite(high))
        throw std::invalid_argument("Regularized::alphaGrid: needs 0 < low <= high");
    if (count == 1)
        return arma::vec{low};
    return arma::exp(arma::linspace(std::log(low), std::log(high), count));
}

arma::mat Regularized::path(const Moments& m, Penalty penalty, const arma::vec& alphas) {
    const arma::uword d = m.cross.n_elem;
    arma::mat weights(d, alphas.n_elem, arma::fill::zeros);
    for (const double alpha : alphas)
        checkAlpha("Regularized::path", alpha);
    if (penalty == Penalty::Lasso) {
        const arma::uvec order = arma::sort_index(alphas, "descend");
        arma::vec w(d, arma::fill::zeros);
        for (const arma::uword k : order) {
            w = lasso(m, alphas(k), w).weights;
            weights.col(k) = w;
        }
        return weights;
    }
    arma::vec lambda;
    arma::mat V;
    if (d == 0 || !arma::eig_sym(lambda, V, m.gram))
        return weights;
    for (arma::uword k = 0; k < alphas.n_elem; ++k)
        weights.col(k) =
            spectralSolve(lambda, V, m.cross, penalty == Penalty::None ? 0.0 : alphas(k));
    return weights;
}

} // namespace linlab
