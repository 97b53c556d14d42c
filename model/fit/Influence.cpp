#include "model/fit/Influence.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace linlab {

std::vector<FlaggedRow> Influence::flagRows(const RowDiagnostics& d, arma::uword rank) {
    std::vector<FlaggedRow> rows;
    const arma::uword n = d.leverage.n_elem;
    if (n == 0 || d.studentized.n_elem != n || d.cooksDistance.n_elem != n)
        return rows;
    const double cooksLimit = 4.0 / double(n);
    const double leverageLimit = 2.0 * double(rank) / double(n);
    for (arma::uword i = 0; i < n; ++i) {
        FlaggedRow f;
        f.row = i;
        f.outlier = std::abs(d.studentized(i)) > kOutlierLimit;
        f.influential = d.cooksDistance(i) > cooksLimit;
        f.highLeverage = d.leverage(i) > leverageLimit;
        if (f.outlier || f.influential || f.highLeverage)
            rows.push_back(f);
    }
    return rows;
}

std::vector<arma::uword> Influence::ringedRows(const std::vector<FlaggedRow>& flagged,
                                               const arma::vec& cooksDistance, arma::uword step,
                                               std::size_t limit) {
    std::vector<arma::uword> rows;
    for (const FlaggedRow& f : flagged)
        if (step > 0 && f.row % step == 0 && f.row < cooksDistance.n_elem)
            rows.push_back(f.row);
    if (rows.size() > limit) {
        std::nth_element(rows.begin(), rows.begin() + std::ptrdiff_t(limit), rows.end(),
                         [&cooksDistance](arma::uword a, arma::uword b) {
                             return cooksDistance(a) > cooksDistance(b);
                         });
        rows.resize(limit);
    }
    return rows;
}

arma::vec Influence::normalQuantiles(const arma::vec& values) {
    arma::vec q(values.n_elem, arma::fill::value(arma::datum::nan));
    std::vector<arma::uword> order;
    order.reserve(values.n_elem);
    for (arma::uword i = 0; i < values.n_elem; ++i)
        if (!std::isnan(values(i)))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&values](arma::uword a, arma::uword b) { return values(a) < values(b); });
    const double n = double(order.size());
    const double a = order.size() <= 10 ? 3.0 / 8.0 : 0.5;
    const boost::math::normal standard;
    for (std::size_t k = 0; k < order.size(); ++k)
        q(order[k]) = boost::math::quantile(standard, (double(k + 1) - a) / (n + 1.0 - 2.0 * a));
    return q;
}

arma::vec Influence::cooksContour(const arma::vec& leverage, double distance, arma::uword rank) {
    arma::vec r(leverage.n_elem);
    for (arma::uword i = 0; i < leverage.n_elem; ++i) {
        const double h = leverage(i);
        r(i) =
            h > 0 && h < 1 ? std::sqrt(distance * double(rank) * (1.0 - h) / h) : arma::datum::nan;
    }
    return r;
}

Histogram Influence::histogram(const arma::vec& values) {
    Histogram h;
    const arma::vec finite = values.elem(arma::find_finite(values));
    if (finite.is_empty())
        return h;
    const double lo = finite.min(), hi = finite.max();
    const auto sturges = arma::uword(std::ceil(std::log2(double(finite.n_elem)) + 1.0));
    const arma::uword bins = lo == hi ? 1 : std::clamp<arma::uword>(sturges, 5, 60);
    const double width = lo == hi ? 1.0 : (hi - lo) / double(bins);
    const double start = lo == hi ? lo - 0.5 : lo;
    h.edges = arma::regspace(0, double(bins)) * width + start;
    h.counts.zeros(bins);
    for (const double v : finite) {
        auto bin = arma::uword((v - start) / width);
        h.counts(std::min(bin, bins - 1))++;
    }
    return h;
}

arma::vec Influence::normalDensity(const arma::vec& x, double mean, double sd) {
    if (!(sd > 0))
        return arma::vec(x.n_elem, arma::fill::value(arma::datum::nan));
    const double norm = 1.0 / (sd * std::sqrt(2.0 * arma::datum::pi));
    return norm * arma::exp(-0.5 * arma::square((x - mean) / sd));
}

} // namespace linlab
