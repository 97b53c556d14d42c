#include "model/fit/Regression.h"

#include "model/fit/Analysis.h"
#include "model/fit/PivotedQr.h"
#include "model/fit/SufficientStatistics.h"
#include "model/support/Parallel.h"

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <stdexcept>

namespace linlab {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Column means in extended precision (the intercept is as exact as they are).
arma::rowvec columnMeans(const arma::mat& X) {
    arma::rowvec m(X.n_cols);
    for (arma::uword j = 0; j < X.n_cols; ++j) {
        long double s = 0;
        const double* c = X.colptr(j);
        for (arma::uword i = 0; i < X.n_rows; ++i)
            s += c[i];
        m(j) = static_cast<double>(s / static_cast<long double>(X.n_rows));
    }
    return m;
}

double mean(const arma::vec& y) {
    long double s = 0;
    for (const double v : y)
        s += v;
    return static_cast<double>(s / static_cast<long double>(y.n_elem));
}

// r = (y - yMean) - (X - means) (beta / scales), summed in extended precision from the data.
arma::vec residualOnData(const arma::mat& X, const arma::vec& y, const arma::rowvec& means,
                         const arma::rowvec& scales, double yMean, const arma::vec& beta) {
    const arma::uword n = X.n_rows;
    std::vector<long double> r(n);
    for (arma::uword i = 0; i < n; ++i)
        r[i] = static_cast<long double>(y(i)) - yMean;
    for (arma::uword j = 0; j < X.n_cols; ++j) {
        if (!std::isfinite(beta(j)) || beta(j) == 0)
            continue;
        const long double w = static_cast<long double>(beta(j)) / scales(j);
        const long double m = means(j);
        const double* c = X.colptr(j);
        for (arma::uword i = 0; i < n; ++i)
            r[i] -= (c[i] - m) * w;
    }
    arma::vec out(n);
    for (arma::uword i = 0; i < n; ++i)
        out(i) = static_cast<double>(r[i]);
    return out;
}

// R's choice of aliased terms: in column order, a column within `tolerance` of the span of the
// ones kept before it is aliased. Decided on the small matrix R P^T, whose columns relate as the
// design's do (the design is Q times it), by Gram-Schmidt with a second orthogonalisation.
arma::uvec keptInOrder(const PivotedQr& qr, double tolerance) {
    const arma::mat M = qr.unpivotedR();
    std::vector<arma::uword> kept;
    arma::mat basis(M.n_rows, 0);
    for (arma::uword j = 0; j < M.n_cols; ++j) {
        arma::vec v = M.col(j);
        const double size = arma::norm(v);
        for (int pass = 0; pass < 2 && basis.n_cols > 0; ++pass)
            v -= basis * (basis.t() * v);
        const double rest = arma::norm(v);
        if (size > 0 && rest > tolerance * size) {
            basis.insert_cols(basis.n_cols, v / rest);
            kept.push_back(j);
        }
    }
    return arma::uvec(kept);
}

double twoSidedP(double t, double df) {
    if (!std::isfinite(t) || !(df > 0))
        return std::isinf(t) && df > 0 ? 0.0 : arma::datum::nan;
    const boost::math::students_t dist(df);
    return 2.0 * boost::math::cdf(boost::math::complement(dist, std::abs(t)));
}

} // namespace

Regression::Regression(const arma::mat& X, const arma::vec& y,
                       const std::vector<std::string>& names, double confidenceLevel)
    : Regression(X, y, names, confidenceLevel, arma::rowvec(X.n_cols, arma::fill::ones),
                 arma::rowvec(X.n_cols, arma::fill::zeros)) {}

Regression::Regression(const arma::mat& X, const arma::vec& y,
                       const std::vector<std::string>& names, double confidenceLevel,
                       const arma::rowvec& slope, const arma::rowvec& offset, bool intercept)
    : m_slope(slope)
    , m_offset(offset) {
    const arma::uword n = X.n_rows, d = X.n_cols;
    if (y.n_elem != n || names.size() != d || slope.n_elem != d || offset.n_elem != d)
        throw std::invalid_argument("Regression: X is " + std::to_string(n) + " x " +
                                    std::to_string(d) + " but there are " +
                                    std::to_string(y.n_elem) + " labels, " +
                                    std::to_string(names.size()) + " names and " +
                                    std::to_string(slope.n_elem) + " slopes");
    if (!(confidenceLevel > 0 && confidenceLevel < 1))
        throw std::invalid_argument("Regression: the confidence level must be between 0 and 1");
    m_report.confidenceLevel = confidenceLevel;
    if (n == 0) {
        m_report.problem = "no rows to fit";
        return;
    }
    if (!X.is_finite() || !y.is_finite()) {
        m_report.problem = "the data has values that are not finite numbers";
        return;
    }
    Solution s;
    s.n = n;
    s.intercept = intercept;
    // Through the origin nothing is centred: the same steps on the raw columns.
    s.means = intercept ? columnMeans(X) : arma::rowvec(d, arma::fill::zeros);
    s.labelMean = intercept ? mean(y) : 0.0;
    // The centred design, each column scaled to unit norm: the rank and the digits are decided on
    // this problem, whatever the features' units and offsets.
    arma::mat Z = X;
    Z.each_row() -= s.means;
    s.scales = arma::sqrt(arma::sum(arma::square(Z), 0));
    for (arma::uword j = 0; j < d; ++j)
        if (!(s.scales(j) > 0))
            s.scales(j) = 1.0; // zero after centring (aliased by the intercept), or all zero
    Z.each_row() /= s.scales;
    PivotedQr qr(Z, kRankTolerance);
    if (d > 0 && !qr.ok()) {
        m_report.problem = "the least-squares factorisation failed";
        return;
    }
    // Rank-deficient: the pivoted QR says how many; the later of aliased columns go, as in R,
    // and the others are factorised again.
    arma::uvec columns = arma::regspace<arma::uvec>(0, d == 0 ? 0 : d - 1);
    columns.resize(d);
    if (d > 0 && qr.rank() < d) {
        columns = keptInOrder(qr, kRankTolerance);
        qr = PivotedQr(Z.cols(columns), kRankTolerance);
    }
    const arma::uword rank = qr.rank();
    const arma::vec yc = y - s.labelMean;
    s.tss = arma::dot(yc, yc);
    s.beta.zeros(d);
    auto solve = [&](const arma::vec& v) {
        arma::vec full(d, arma::fill::zeros);
        if (rank > 0)
            full.elem(columns) = qr.solve(v);
        return full;
    };
    s.beta = solve(yc);
    arma::vec r = residualOnData(X, y, s.means, s.scales, s.labelMean, s.beta);
    for (int pass = 0; pass < 2 && rank > 0; ++pass) { // refinement with the residual on the data
        s.beta += solve(r);
        r = residualOnData(X, y, s.means, s.scales, s.labelMean, s.beta);
    }
    s.rss = arma::dot(r, r);
    // (head() of an empty vector binds a null pointer: no estimable column without a rank.)
    s.estimable = rank > 0 ? arma::uvec(columns.elem(qr.pivot().head(rank))) : arma::uvec();
    if (rank > 0)
        s.rInverse = arma::inv(arma::trimatu(qr.leadingR()));
    arma::uvec aliased(d, arma::fill::ones);
    aliased.elem(s.estimable).zeros();
    s.beta.elem(arma::find(aliased)).fill(arma::datum::nan);
    finish(std::move(s), names, confidenceLevel);
}

std::optional<Regression> Regression::fromStatistics(const SufficientStatistics& statistics,
                                                     const std::vector<std::string>& names,
                                                     double confidenceLevel,
                                                     const arma::rowvec& slope,
                                                     const arma::rowvec& offset) {
    const LeastSquaresResult& ls = statistics.leastSquares();
    const arma::uword n = statistics.sampleCount(), d = statistics.featureCount();
    if (statistics.isWide() || ls.rankDeficient || ls.method != "normal-equations" || n <= d + 1 ||
        names.size() != d || slope.n_elem != d || offset.n_elem != d ||
        !(confidenceLevel > 0 && confidenceLevel < 1))
        return std::nullopt;
    Solution s;
    s.n = n;
    s.means = statistics.featureMean();
    s.labelMean = statistics.labelMean();
    s.tss = statistics.centredLabelSquares();
    s.rss = statistics.anchorSse();
    s.estimable = arma::regspace<arma::uvec>(0, d == 0 ? 0 : d - 1);
    s.estimable.resize(d);
    if (d > 0) {
        const arma::mat& gram = statistics.centredGram();
        s.scales = arma::sqrt(gram.diag()).t();
        if (!s.scales.is_finite() || arma::any(s.scales <= 0))
            return std::nullopt;
        // The Gram matrix of the unit-norm columns, and its Cholesky factor: the R of their QR.
        const arma::mat correlation = gram / (s.scales.t() * s.scales);
        arma::vec lambda;
        arma::mat R;
        if (!arma::eig_sym(lambda, correlation) || !(lambda.min() > 0) ||
            std::sqrt(lambda.max() / lambda.min()) > kStatisticsConditionLimit ||
            !arma::chol(R, correlation))
            return std::nullopt;
        s.rInverse = arma::inv(arma::trimatu(R));
        s.beta = ls.weights % s.scales.t();
    } else {
        s.scales.reset();
        s.beta.reset();
    }
    Regression regression;
    regression.m_slope = slope;
    regression.m_offset = offset;
    regression.finish(std::move(s), names, confidenceLevel);
    return regression;
}

Regression Regression::ofAnalysis(const Analysis& analysis, const std::vector<std::string>& names,
                                  double confidenceLevel, bool intercept) {
    // The transform is affine per column: transformed = scale / divisor * x - shift / divisor.
    const Transform& t = analysis.transform();
    const arma::rowvec slope = t.scales() / t.divisor();
    const arma::rowvec offset = -t.shift() / t.divisor();
    if (intercept)
        if (auto fast =
                fromStatistics(analysis.statistics(), names, confidenceLevel, slope, offset))
            return std::move(*fast);
    return Regression(analysis.features(), analysis.labels(), names, confidenceLevel, slope, offset,
                      intercept);
}

void Regression::finish(Solution s, const std::vector<std::string>& names, double level) {
    const arma::uword d = s.beta.n_elem, r = s.estimable.n_elem, n = s.n;
    const arma::uword constant = s.intercept ? 1 : 0; // terms besides the features
    const arma::uword terms = r + constant;
    RegressionReport& rep = m_report;
    rep.confidenceLevel = level;
    rep.intercept = s.intercept;
    rep.n = n;
    rep.rank = terms;
    rep.dfModel = static_cast<double>(r);
    rep.dfResidual = static_cast<double>(n) - static_cast<double>(terms);
    const bool haveResidualDf = rep.dfResidual > 0;
    if (!haveResidualDf)
        rep.problem = "needs more rows than terms (" + std::to_string(n) + " rows, " +
                      std::to_string(terms) + " terms)";
    const double nd = static_cast<double>(n);
    rep.sigma = haveResidualDf ? std::sqrt(s.rss / rep.dfResidual) : arma::datum::nan;
    rep.r2 = s.tss > 0 ? 1.0 - s.rss / s.tss : arma::datum::nan;
    // (tss is uncentred through the origin: R's and statsmodels' uncentred R^2 and F.)
    rep.r2Adjusted = haveResidualDf ? 1.0 - (1.0 - rep.r2) * (nd - static_cast<double>(constant)) /
                                                rep.dfResidual
                                    : arma::datum::nan;
    if (r > 0 && haveResidualDf && s.tss > 0) {
        rep.fStatistic = ((s.tss - s.rss) / rep.dfModel) / (s.rss / rep.dfResidual);
        if (std::isfinite(rep.fStatistic) && rep.fStatistic >= 0)
            rep.fPValue = boost::math::cdf(boost::math::complement(
                boost::math::fisher_f(rep.dfModel, rep.dfResidual), rep.fStatistic));
    }
    // statsmodels' OLS: the Gaussian log-likelihood at the ML variance RSS / n.
    rep.logLikelihood = -0.5 * nd * (std::log(2.0 * kPi) + std::log(s.rss / nd) + 1.0);
    rep.aic = -2.0 * rep.logLikelihood + 2.0 * static_cast<double>(terms);
    rep.bic = -2.0 * rep.logLikelihood + std::log(nd) * static_cast<double>(terms);
    if (r > 0) {
        const arma::vec sv = arma::svd(s.rInverse);
        rep.conditionNumber = sv.max() / sv.min(); // the same as R11's
    } else {
        rep.conditionNumber = d == 0 ? 1.0 : arma::datum::inf;
    }
    if (haveResidualDf)
        m_tQuantile = boost::math::quantile(
            boost::math::complement(boost::math::students_t(rep.dfResidual), (1.0 - level) / 2.0));
    m_solution = std::move(s);
    const Solution& so = m_solution;

    auto fillTests = [&](Coefficient& c) {
        c.t = c.estimate / c.stdError;
        c.p = twoSidedP(c.t, rep.dfResidual);
        c.ciLow = c.estimate - m_tQuantile * c.stdError;
        c.ciHigh = c.estimate + m_tQuantile * c.stdError;
    };
    rep.coefficients.clear();
    Coefficient intercept;
    intercept.name = "(intercept)";
    meanResponse(m_offset, intercept.estimate, intercept.stdError); // the features all zero
    fillTests(intercept);
    if (so.intercept)
        rep.coefficients.push_back(intercept);
    m_intercept = intercept.estimate; // through the origin: 0 unless the map shifts

    m_weights.set_size(d);
    m_weights.fill(arma::datum::nan);
    for (arma::uword j = 0; j < d; ++j) {
        Coefficient c;
        c.name = names[j];
        c.estimable = false;
        rep.coefficients.push_back(c);
    }
    for (arma::uword k = 0; k < r; ++k) {
        const arma::uword j = so.estimable(k);
        Coefficient& c = rep.coefficients[j + constant];
        c.estimable = true;
        const double rowNorm = arma::norm(so.rInverse.row(k));
        c.estimate = m_slope(j) * so.beta(j) / so.scales(j);
        c.stdError = std::abs(m_slope(j)) * rep.sigma * rowNorm / so.scales(j);
        fillTests(c);
        c.stdBeta = (m_slope(j) < 0 ? -so.beta(j) : so.beta(j)) / std::sqrt(so.tss);
        c.vif = rowNorm * rowNorm; // the unit-norm columns' (Z^T Z)^-1 diagonal
        m_weights(j) = c.estimate;
    }
}

void Regression::meanResponse(const arma::rowvec& x, double& fit, double& stdError) const {
    const Solution& so = m_solution;
    const arma::uword r = so.estimable.n_elem;
    arma::vec z(r);
    long double sum = so.labelMean;
    for (arma::uword k = 0; k < r; ++k) {
        const arma::uword j = so.estimable(k);
        z(k) = (x(j) - so.means(j)) / so.scales(j);
        sum += (static_cast<long double>(x(j)) - so.means(j)) / so.scales(j) * so.beta(j);
    }
    fit = static_cast<double>(sum);
    const double spread = r > 0 ? arma::dot(so.rInverse.t() * z, so.rInverse.t() * z) : 0.0;
    const double fromMean = so.intercept ? 1.0 / static_cast<double>(so.n) : 0.0;
    stdError = m_report.sigma * std::sqrt(fromMean + spread);
}

RowDiagnostics Regression::diagnostics(const arma::mat& X, const arma::vec& y,
                                       const std::atomic<bool>* cancel) const {
    RowDiagnostics g;
    diagnostics(X, y, g, cancel);
    return g;
}

void Regression::diagnostics(const arma::mat& X, const arma::vec& y, RowDiagnostics& g,
                             const std::atomic<bool>* cancel) const {
    const Solution& so = m_solution;
    if (X.n_rows != y.n_elem || X.n_cols != so.beta.n_elem)
        throw std::invalid_argument("Regression::diagnostics: X is " + std::to_string(X.n_rows) +
                                    " x " + std::to_string(X.n_cols) + " with " +
                                    std::to_string(y.n_elem) + " labels, for a fit of " +
                                    std::to_string(so.beta.n_elem) + " features");
    const arma::uword n = X.n_rows;
    for (arma::vec* v :
         {&g.fitted, &g.residuals, &g.leverage, &g.standardized, &g.studentized, &g.cooksDistance})
        v->set_size(n);
    const arma::uvec& estimable = so.estimable;
    const arma::rowvec means = so.means.cols(estimable), scales = so.scales.cols(estimable);
    const arma::vec beta = so.beta.elem(estimable);
    const double sigma = m_report.sigma, df = m_report.dfResidual;
    const double terms = static_cast<double>(m_report.rank);
    const double baseLeverage = so.intercept ? 1.0 / static_cast<double>(so.n) : 0.0;
    // A block of rows at a time, centred and scaled in cache, both halves of the blocks at once:
    // a million rows cost no copy of the table. Plain loops: OpenBLAS called from two threads
    // at once spends its time handing work between its own threads. R^-1 is upper triangular.
    constexpr arma::uword kBlockRows = 4096;
    const arma::uword blocks = (n + kBlockRows - 1) / kBlockRows, r = estimable.n_elem;
    forEachIndex(blocks, n * (r + 1) * (r + 1), [&](std::size_t b) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return;
        const arma::uword first = b * kBlockRows;
        const arma::uword rows = std::min(n, first + kBlockRows) - first;
        arma::mat Z(rows, r);
        for (arma::uword j = 0; j < r; ++j) {
            const double* x = X.colptr(estimable(j)) + first;
            double* z = Z.colptr(j);
            const double mean = means(j), scale = scales(j);
            for (arma::uword i = 0; i < rows; ++i)
                z[i] = (x[i] - mean) / scale;
        }
        arma::vec fitted(rows, arma::fill::value(so.labelMean));
        arma::vec h(rows, arma::fill::value(baseLeverage)), w(rows);
        double *f = fitted.memptr(), *hp = h.memptr(), *wp = w.memptr();
        for (arma::uword c = 0; c < r; ++c) {
            const double* zc = Z.colptr(c);
            const double bc = beta(c);
            for (arma::uword i = 0; i < rows; ++i)
                f[i] += bc * zc[i];
            w.zeros();
            for (arma::uword j = 0; j <= c; ++j) {
                const double* zj = Z.colptr(j);
                const double rjc = so.rInverse(j, c);
                for (arma::uword i = 0; i < rows; ++i)
                    wp[i] += rjc * zj[i];
            }
            for (arma::uword i = 0; i < rows; ++i)
                hp[i] += wp[i] * wp[i];
        }
        const arma::span span(first, first + rows - 1);
        const arma::vec e = y(span) - fitted;
        const arma::vec t = e / (sigma * arma::sqrt(1.0 - h));
        g.fitted(span) = fitted;
        g.residuals(span) = e;
        g.leverage(span) = h;
        g.standardized(span) = t;
        g.studentized(span) = t % arma::sqrt((df - 1.0) / (df - arma::square(t)));
        g.cooksDistance(span) = arma::square(t) % h / ((1.0 - h) * terms);
    });
    if (cancel && cancel->load())
        g = RowDiagnostics{};
}

IntervalPrediction Regression::predict(const arma::vec& x) const {
    if (x.n_elem != m_slope.n_elem)
        throw std::invalid_argument("Regression::predict: " + std::to_string(x.n_elem) +
                                    " values for " + std::to_string(m_slope.n_elem) + " features");
    IntervalPrediction p;
    if (m_solution.n == 0)
        return p;
    meanResponse(m_slope % x.t() + m_offset, p.fit, p.stdErrorMean);
    const double sigma = m_report.sigma;
    const double wide = std::sqrt(sigma * sigma + p.stdErrorMean * p.stdErrorMean);
    p.ciLow = p.fit - m_tQuantile * p.stdErrorMean;
    p.ciHigh = p.fit + m_tQuantile * p.stdErrorMean;
    p.piLow = p.fit - m_tQuantile * wide;
    p.piHigh = p.fit + m_tQuantile * wide;
    return p;
}

std::vector<IntervalPrediction> Regression::predictRows(const arma::mat& X) const {
    std::vector<IntervalPrediction> out;
    out.reserve(X.n_rows);
    for (arma::uword i = 0; i < X.n_rows; ++i)
        out.push_back(predict(X.row(i).t()));
    return out;
}

} // namespace linlab
