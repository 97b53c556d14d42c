#pragma once
// A linear model y ~ X w + b. Rows of X are samples, columns are features. Plain C++17 + Armadillo.

#include <armadillo>

namespace linlab {

/// Fit quality of a model on data. Any entry is NaN where it is undefined (no rows; R2 with
/// constant labels).
struct Metrics {
    double mse = arma::datum::nan;  ///< mean squared error, mean(e^2)
    double rmse = arma::datum::nan; ///< sqrt(mse)
    double mae = arma::datum::nan;  ///< mean absolute error, mean(|e|)
    double r2 = arma::datum::nan;   ///< coefficient of determination, 1 - SSres/SStot
};

/// The gradient of the MSE with respect to the weights and the bias.
struct Gradient {
    arma::vec weights; ///< dMSE/dw = (2/n) X^T e
    double bias = 0;   ///< dMSE/db = (2/n) sum(e)
};

class LinearModel {
public:
    /// The zero model with d weights.
    explicit LinearModel(arma::uword featureCount = 0);
    /// A model with these weights and bias.
    LinearModel(arma::vec weights, double bias);

    const arma::vec& weights() const { return m_weights; }
    double bias() const { return m_bias; }
    void setWeights(const arma::vec& weights) { m_weights = weights; }
    void setBias(double bias) { m_bias = bias; }

    /// Predictions X w + b (one per row of X).
    arma::vec predict(const arma::mat& X) const;
    /// Residuals e = prediction - label.
    arma::vec residuals(const arma::mat& X, const arma::vec& y) const;
    /// MSE, RMSE, MAE and R2 of the model on (X, y).
    Metrics metrics(const arma::mat& X, const arma::vec& y) const;
    /// Mean squared error on (X, y).
    double mse(const arma::mat& X, const arma::vec& y) const;
    /// The true gradient of the MSE at this model: (2/n) X^T e and (2/n) sum(e).
    Gradient gradient(const arma::mat& X, const arma::vec& y) const;
    /// The lesson's gradient X^T e / n (half the true one; the lesson's own formula).
    arma::vec lessonGradient(const arma::mat& X, const arma::vec& y) const;

    /// Metrics from residuals and labels (shared by every path that has residuals).
    static Metrics metricsFromResiduals(const arma::vec& residuals, const arma::vec& y);

private:
    void checkSizes(const char* function, const arma::mat& X, const arma::vec* y) const;

    arma::vec m_weights;
    double m_bias = 0.0;
};

} // namespace linlab
