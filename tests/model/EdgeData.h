#pragma once
// The edge datasets shared by the edge-number tests (tests/model/tst_EdgeNumbers.cpp and
// tests/app/tst_AppEdgeNumbers.cpp): values of 1e300 and 1e-300, a constant feature, a constant
// label, a single row, more features than rows, exactly collinear features, a million identical
// rows.

#include "model/data/Dataset.h"
#include "model/data/Transform.h"
#include "tests/common/TestUtil.h"

#include <QRegularExpression>
#include <QString>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace edgedata {

using namespace linlab;
using testutil::close;

// The base data of the scaled cases: four samples, two features, full rank.
// NumPy: np.linalg.lstsq(np.column_stack([X, np.ones(4)]), y, rcond=None) gives
// [1.5555555555555556, -0.6507936507936508, 0.6507936507936508], rank 3, MSE 0.007936507936507938.
// (NumPy itself fails on X, y times 1e300 (rank 2, np.std overflows) and times 1e-300 (rank 1,
// zero weights); the centred solve must not.)
inline const arma::mat kBaseX{{1, 2}, {2, 1}, {3, 5}, {4, 3}};
inline const arma::vec kBaseY{1, 3, 2, 5};
inline const arma::vec kBaseWeights{1.5555555555555556, -0.6507936507936508};
inline constexpr double kBaseBias = 0.6507936507936508;

inline Dataset makeDataset(const arma::mat& X, const arma::vec& y) {
    std::vector<std::string> names;
    for (arma::uword j = 0; j < X.n_cols; ++j)
        names.push_back("x" + std::to_string(j + 1));
    return Dataset(X, y, names, "y");
}

/// The edge datasets by name; `scale` is what the base data was multiplied by (0: not scaled).
// The default settings with normalisation `mode` (a Normalization as int, as the _data tables hold
// it).
inline TransformSettings normalized(int mode) {
    TransformSettings settings;
    settings.normalization = Normalization(mode);
    return settings;
}

inline Dataset edgeDataset(const QString& name, double* scale = nullptr) {
    if (scale)
        *scale = 0;
    if (name == QLatin1String("huge") || name == QLatin1String("tiny")) {
        const double s = name == QLatin1String("huge") ? 1e300 : 1e-300;
        if (scale)
            *scale = s;
        return makeDataset(kBaseX * s, kBaseY * s);
    }
    if (name == QLatin1String("constant feature"))
        return makeDataset(arma::mat{{1, 7}, {2, 7}, {3, 7}, {4, 7}}, arma::vec{3, 5, 8, 9});
    if (name == QLatin1String("constant label"))
        return makeDataset(kBaseX, arma::vec{5, 5, 5, 5});
    if (name == QLatin1String("single row"))
        return makeDataset(arma::mat{{2, 3}}, arma::vec{4});
    if (name == QLatin1String("more features than rows"))
        return makeDataset(arma::mat{{1, 0, 2, 5, -1}, {0, 3, 1, 1, 2}, {4, 1, 0, 2, 2}},
                           arma::vec{1, 2, 4});
    if (name == QLatin1String("collinear"))
        return makeDataset(arma::mat{{1, 2}, {2, 4}, {3, 6}, {4, 8}}, arma::vec{3, 5, 8, 9});
    if (name == QLatin1String("million identical rows"))
        return makeDataset(arma::repmat(arma::rowvec{1.5, -2.5}, 1000000, 1),
                           arma::vec(1000000, arma::fill::value(4.0)));
    qFatal("unknown edge dataset");
}

inline bool allFinite(const arma::mat& m) {
    return m.is_finite();
}

inline bool allFinite(const std::vector<double>& v) {
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

/// Finite and equal to rounding, or both not available: what evaluate() and evaluateFast() share.
inline bool agree(double a, double b, double tol) {
    if (!std::isfinite(a) || !std::isfinite(b))
        return !std::isfinite(a) && !std::isfinite(b);
    return close(a, b, tol);
}

/// A JSON text holds no token JSON cannot read (NaN, Infinity, inf).
inline bool strictJson(const QByteArray& text) {
    static const QRegularExpression bad(QStringLiteral("\\b(nan|NaN|inf|Infinity)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    return !QString::fromUtf8(text).contains(bad);
}

} // namespace edgedata
