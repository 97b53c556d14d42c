#include "model/fit/Moments.h"

namespace linlab {

Moments Moments::of(const SufficientStatistics& s, bool intercept) {
    Moments m;
    m.n = s.sampleCount();
    m.intercept = intercept;
    m.featureMean = s.featureMean();
    m.labelMean = s.labelMean();
    m.gram = s.centredGram();
    m.cross = s.centredCross();
    m.labelSquares = s.centredLabelSquares();
    if (!intercept && m.n > 0) {
        // Uncentred = centred + n mean mean^T. Where the means are large beside the spread
        // (data offset by 1e6) the sum keeps the digits of the larger term only: a fit through
        // the origin of such data is ill-conditioned anyway (its Gram matrix is nearly rank one).
        const double n = static_cast<double>(m.n);
        const arma::vec mx = m.featureMean.t();
        m.gram += n * (mx * mx.t());
        m.cross += n * m.labelMean * mx;
        m.labelSquares += n * m.labelMean * m.labelMean;
    }
    return m;
}

} // namespace linlab
