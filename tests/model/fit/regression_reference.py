#!/usr/bin/python3
"""High-precision reference figures for tst_Regression.cpp (mpmath at 80 digits).

Run once: /usr/bin/python3 tests/model/fit/regression_reference.py. The data are built with the same
double operations as the C++ test (so the inputs are the same doubles, converted exactly), the
ordinary least squares y ~ 1 + X is solved exactly enough through the normal equations in 80
digits, and the coefficients, standard errors and model numbers are printed as C++ initializers.
"""
import mpmath as mp

mp.mp.dps = 80


def polynomial():
    n = 61
    X, y = [], []
    for i in range(n):
        x = -9.0 + 0.1 * i
        row, p = [], x
        for _ in range(10):
            row.append(p)
            p = p * x
        X.append(row)
        y.append(1.0 / (1.0 + x * x) + 0.001 * float((i * 37) % 11))
    return X, y


def duplicated():
    X, y = [], []
    for i in range(20):
        x1 = float(i + 1)
        x2 = float((i * 7) % 5) + 0.5 * i
        x4 = float((i * i) % 13)
        X.append([x1, x2, x1, x4])
        y.append(2.0 + 0.5 * x1 - x2 + 0.3 * x4 + float((i * 5) % 7) / 10.0)
    return X, y


# Longley (1967), as statsmodels.datasets.longley and NIST StRD ship it: TOTEMP ~ GNPDEFL, GNP,
# UNEMP, ARMED, POP, YEAR.
LONGLEY = [
    [60323, 83.0, 234289, 2356, 1590, 107608, 1947], [61122, 88.5, 259426, 2325, 1456, 108632, 1948],
    [60171, 88.2, 258054, 3682, 1616, 109773, 1949], [61187, 89.5, 284599, 3351, 1650, 110929, 1950],
    [63221, 96.2, 328975, 2099, 3099, 112075, 1951], [63639, 98.1, 346999, 1932, 3594, 113270, 1952],
    [64989, 99.0, 365385, 1870, 3547, 115094, 1953], [63761, 100.0, 363112, 3578, 3350, 116219, 1954],
    [66019, 101.2, 397469, 2904, 3048, 117388, 1955], [67857, 104.6, 419180, 2822, 2857, 118734, 1956],
    [68169, 108.4, 442769, 2936, 2798, 120445, 1957], [66513, 110.8, 444546, 4681, 2637, 121950, 1958],
    [68655, 112.6, 482704, 3813, 2552, 123366, 1959], [69564, 114.2, 502601, 3931, 2514, 125368, 1960],
    [69331, 115.7, 518173, 4806, 2572, 127852, 1961], [70551, 116.9, 554894, 4007, 2827, 130081, 1962],
]


def longley():
    return [[float(v) for v in r[1:]] for r in LONGLEY], [float(r[0]) for r in LONGLEY]


def ols(X, y, keep=None):
    n, d = len(X), len(X[0])
    keep = list(range(d)) if keep is None else keep
    A = mp.matrix([[1] + [mp.mpf(X[i][j]) for j in keep] for i in range(n)])
    b = mp.matrix([mp.mpf(v) for v in y])
    G = A.T * A
    Ginv = mp.inverse(G)
    beta = Ginv * (A.T * b)
    r = b - A * beta
    rss = sum(v * v for v in r)
    p = len(keep) + 1
    sigma2 = rss / (n - p)
    ybar = sum(b) / n
    tss = sum((v - ybar) ** 2 for v in b)
    se = [mp.sqrt(sigma2 * Ginv[k, k]) for k in range(p)]
    r2 = 1 - rss / tss
    f = ((tss - rss) / (p - 1)) / (rss / (n - p))
    llf = -n / mp.mpf(2) * (mp.log(2 * mp.pi) + mp.log(rss / n) + 1)
    return beta, se, mp.sqrt(sigma2), r2, f, llf


def show(name, X, y, keep=None):
    beta, se, sigma, r2, f, llf = ols(X, y, keep)
    fmt = lambda v: mp.nstr(v, 17, min_fixed=0, max_fixed=0)
    print("// %s (mpmath, 80 digits): intercept first" % name)
    print("const double %sCoefficients[] = {%s};" % (name, ", ".join(fmt(v) for v in beta)))
    print("const double %sStdErrors[] = {%s};" % (name, ", ".join(fmt(v) for v in se)))
    print("// sigma, r2, F, log-likelihood")
    print("const double %sModel[] = {%s};" % (name, ", ".join(fmt(v) for v in (sigma, r2, f, llf))))


if __name__ == "__main__":
    show("polynomial", *polynomial())
    show("longley", *longley())
    show("duplicated", *duplicated(), keep=[0, 1, 3])


def statsmodels_figures():
    """The report's statsmodels figures (statsmodels 0.13.5) on the duplicated data without the
    copy, for tst_Regression's known answers."""
    import numpy as np
    import statsmodels.api as sm
    from statsmodels.stats.outliers_influence import variance_inflation_factor

    X, y = duplicated()
    X = np.array(X)[:, [0, 1, 3]]
    y = np.array(y)
    A = sm.add_constant(X)
    fit = sm.OLS(y, A).fit()
    fmt = lambda v: "%.17g" % v
    row = lambda name, vs: print("const double %s[] = {%s};" % (name, ", ".join(fmt(v) for v in vs)))
    print("// statsmodels %s OLS on the duplicated data without x3" % sm.__version__)
    row("smT", fit.tvalues)
    row("smP", fit.pvalues)
    ci95, ci90 = fit.conf_int(0.05), fit.conf_int(0.10)
    row("smCi95Low", ci95[:, 0])
    row("smCi95High", ci95[:, 1])
    row("smCi90Low", ci90[:, 0])
    row("smCi90High", ci90[:, 1])
    row("smVif", [variance_inflation_factor(A, k) for k in range(1, A.shape[1])])
    row("smStdBeta", fit.params[1:] * X.std(axis=0, ddof=1) / y.std(ddof=1))
    print("// r2_adjusted, f_pvalue, aic, bic")
    row("smModel", [fit.rsquared_adj, fit.f_pvalue, fit.aic, fit.bic])
    inf = fit.get_influence()
    rows = [0, 7, 19]
    print("// rows 0, 7, 19: fitted, residual, leverage, internal, external, Cook's distance")
    for k in rows:
        row("smRow%d" % k, [fit.fittedvalues[k], fit.resid[k], inf.hat_matrix_diag[k],
                            inf.resid_studentized_internal[k], inf.resid_studentized_external[k],
                            inf.cooks_distance[0][k]])
    frame = fit.get_prediction(np.array([[1.0, 10.5, 3.0, 20.0]])).summary_frame(alpha=0.05)
    print("// at x = (10.5, 3, 20): mean, mean_se, mean_ci, obs_ci")
    row("smPredict", [frame["mean"][0], frame["mean_se"][0], frame["mean_ci_lower"][0],
                      frame["mean_ci_upper"][0], frame["obs_ci_lower"][0], frame["obs_ci_upper"][0]])


if __name__ == "__main__":
    statsmodels_figures()
