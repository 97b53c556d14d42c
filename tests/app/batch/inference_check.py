#!/usr/bin/python3
"""`linlab --batch ... --fit lstsq`'s `inference` and `predictions_new` beside statsmodels' OLS.

  inference_check.py LINLAB_EXE

On (a) a generated penguins-like file (categorical terms, missing rows; raw and z-scored
features, 95% and 90% intervals, a --predict by level), and the Palmer penguins file where
r-cran-palmerpenguins installed it; (b) Longley; (c) a degree-10 polynomial on x in [-9, -3].
Every number of the inference must agree with statsmodels' OLS to 1e-8 relative. The polynomial is
the exception the issue names: statsmodels' pinv of its raw design keeps few digits, so there the
coefficients and standard errors are compared with an mpmath reference at 50 digits (7 and 6
significant digits, the issue's bar), the rest with statsmodels to 1e-6. Exits 1 naming every
difference. Uses Debian's python3-statsmodels, python3-pandas and python3-mpmath (/usr/bin/python3).
"""

import json
import os
import subprocess
import sys
import tempfile
import warnings

import mpmath as mp
import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.stats.outliers_influence import variance_inflation_factor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from penguins_check import penguins_like  # noqa: E402

REAL = "/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv"
MODEL_KEYS = {"sigma": "sigma_", "r2": "rsquared", "r2_adjusted": "rsquared_adj",
              "f_statistic": "fvalue", "f_pvalue": "f_pvalue", "log_likelihood": "llf",
              "aic": "aic", "bic": "bic"}


def linlab(exe, args):
    out = subprocess.run([exe, "--batch"] + args + ["--fit", "lstsq"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def close(a, b, tol):
    if a is None or b is None or not np.isfinite(b):
        return a is None and (b is None or not np.isfinite(b))
    return abs(a - b) <= tol * max(abs(b), 1e-300)


class Checker:
    def __init__(self):
        self.failures = []
        self.compared = 0

    def same(self, where, ours, theirs, tol):
        self.compared += 1
        if not close(ours, theirs, tol):
            self.failures.append("%s: linlab %r, statsmodels %r" % (where, ours, theirs))


def statsmodels_fit(frame, label, names):
    """OLS on the rows pandas keeps (dropna) with get_dummies(drop_first) in LinLab's order."""
    frame = frame.dropna()
    y = frame.pop(label).to_numpy(dtype=float)
    X = pd.get_dummies(frame, drop_first=True, prefix_sep="=")
    if sorted(X.columns) != sorted(names):
        sys.exit("columns differ: pandas %s, linlab %s" % (list(X.columns), names))
    X = X[names].to_numpy(dtype=float)
    return sm.OLS(y, sm.add_constant(X, has_constant="add")).fit(), X, y


def model_number(fit, name):
    return float(np.sqrt(fit.scale) if name == "sigma_" else getattr(fit, name))


def reference(fit, X, y, level):
    """statsmodels' numbers under the report's keys: the model's, and one array per column."""
    A = fit.model.exog
    ci = fit.conf_int(1 - level)
    ref = {ours: model_number(fit, theirs) for ours, theirs in MODEL_KEYS.items()}
    ref.update(n=float(fit.nobs), df_model=fit.df_model, df_residual=fit.df_resid,
               estimate=fit.params, std_error=fit.bse, t=fit.tvalues, p=fit.pvalues,
               ci_low=ci[:, 0], ci_high=ci[:, 1],
               std_beta=np.concatenate([[np.nan], fit.params[1:] * X.std(axis=0, ddof=1) /
                                        y.std(ddof=1)]),
               vif=[np.nan] + [variance_inflation_factor(A, k) for k in range(1, A.shape[1])])
    return ref


COEFFICIENT_KEYS = ("estimate", "std_error", "t", "p", "ci_low", "ci_high", "std_beta", "vif")


def compare_inference(check, where, report, ref, level, tol):
    inf = report["inference"]
    for key in ("n", "df_model", "df_residual"):
        check.same(where + "/" + key, inf[key], ref[key], 0)
    check.same(where + "/confidence_level", inf["confidence_level"], level, 0)
    for key in MODEL_KEYS:
        check.same(where + "/" + key, inf[key], ref[key], tol)
    names = ["(intercept)"] + report["feature_names"]
    if [c["name"] for c in inf["coefficients"]] != names:
        check.failures.append("%s: coefficient names %s" % (where, [c["name"] for c in inf["coefficients"]]))
        return
    for k, c in enumerate(inf["coefficients"]):
        w = "%s/%s/" % (where, c["name"])
        if not c["estimable"]:
            check.failures.append(w + "not estimable")
            continue
        for key in COEFFICIENT_KEYS:
            # A tiny p is exp(-t^2 / 2)-like: its relative error is t^2 times t's.
            scale = max(1.0, ref["t"][k] ** 2) if key == "p" else 1.0
            check.same(w + key, c[key], float(ref[key][k]), tol * scale)


def penguins(check, exe, path, real):
    frame = pd.read_csv(path)
    label = "body_mass_g"
    for extra, level in (([], 0.95), (["--normalize", "zscore", "--confidence", "0.9"], 0.9)):
        args = [path, "--label", label] + extra
        if not real:
            args += ["--predict", "species=Gentoo,island=Biscoe,bill_length_mm=45.5,"
                     "bill_depth_mm=15.2,flipper_length_mm=215,sex=male,year=2008"]
        report = linlab(exe, args)
        fit, X, y = statsmodels_fit(frame.copy(), label, report["feature_names"])
        where = "%s %s" % (os.path.basename(path), " ".join(extra) or "raw")
        compare_inference(check, where, report, reference(fit, X, y, level), level, 1e-8)
        if not real:
            row = {"species=Gentoo": 1, "island=Biscoe": 1, "bill_length_mm": 45.5,
                   "bill_depth_mm": 15.2, "flipper_length_mm": 215, "sex=male": 1, "year": 2008}
            x = [1.0] + [float(row.get(n, 0)) for n in report["feature_names"]]
            sf = fit.get_prediction(np.array([x])).summary_frame(alpha=1 - level)
            p = report["predictions_new"][0]
            for ours, theirs in (("fit", "mean"), ("ci_low", "mean_ci_lower"),
                                 ("ci_high", "mean_ci_upper"), ("pi_low", "obs_ci_lower"),
                                 ("pi_high", "obs_ci_upper")):
                check.same(where + "/predict/" + ours, p[ours], float(sf[theirs].iloc[0]), 1e-8)
    print("%s: %d rows used, %d terms" % (path, report["inference"]["n"],
                                          len(report["inference"]["coefficients"])))


def longley(check, exe, folder):
    data = sm.datasets.longley.load_pandas().data
    path = os.path.join(folder, "longley.csv")
    data.to_csv(path, index=False, float_format="%.17g")
    report = linlab(exe, [path, "--label", "TOTEMP"])
    fit, X, y = statsmodels_fit(data.copy(), "TOTEMP", report["feature_names"])
    compare_inference(check, "longley", report, reference(fit, X, y, 0.95), 0.95, 1e-8)


def polynomial(check, exe, folder):
    x = np.array([-9.0 + 0.1 * i for i in range(61)])
    cols, p = [], x.copy()
    for _ in range(10):
        cols.append(p.copy())
        p = p * x
    X = np.column_stack(cols)
    y = np.array([1.0 / (1.0 + v * v) + 0.001 * float((i * 37) % 11) for i, v in enumerate(x)])
    frame = pd.DataFrame(X, columns=["x%d" % k for k in range(1, 11)])
    frame["y"] = y
    path = os.path.join(folder, "polynomial.csv")
    frame.to_csv(path, index=False, float_format="%.17g")
    report = linlab(exe, [path, "--label", "y"])
    # The reference: the normal equations in 50 digits.
    mp.mp.dps = 50
    A = mp.matrix([[1] + [mp.mpf(float(v)) for v in row] for row in X])
    b = mp.matrix([mp.mpf(float(v)) for v in y])
    Ginv = mp.inverse(A.T * A)
    beta = Ginv * (A.T * b)
    r = b - A * beta
    sigma2 = sum(v * v for v in r) / (len(y) - 11)
    coefficients = report["inference"]["coefficients"]
    for k, c in enumerate(coefficients):
        for key, exact, digits in (("estimate", beta[k], 7), ("std_error", mp.sqrt(sigma2 * Ginv[k, k]), 6)):
            check.compared += 1
            if c[key] is None or abs(c[key] - float(exact)) > 10.0 ** -digits * abs(float(exact)):
                check.failures.append("polynomial/%s/%s: linlab %r, mpmath %s"
                                      % (c["name"], key, c[key], mp.nstr(exact, 17)))
    # statsmodels' pinv of the raw design drops a term (the issue's point): its OLS is fitted on
    # the same model with centred, unit-variance columns, and mapped back (slopes divided by the
    # scale; the intercept is the mean response at x = 0).
    warnings.simplefilter("ignore", RuntimeWarning)  # statsmodels' VIF of 1 / 0, replaced below
    mean, std = X.mean(axis=0), X.std(axis=0)
    fit = sm.OLS(y, sm.add_constant((X - mean) / std)).fit()
    ref = reference(fit, (X - mean) / std, y, 0.95)
    at_zero = np.concatenate([[1.0], -mean / std])
    origin = fit.get_prediction(at_zero[None, :]).summary_frame(alpha=0.05).iloc[0]
    first = {"estimate": origin["mean"], "std_error": origin["mean_se"],
             "ci_low": origin["mean_ci_lower"], "ci_high": origin["mean_ci_upper"],
             "t": origin["mean"] / origin["mean_se"],
             "p": float(fit.t_test(at_zero[None, :]).pvalue)}
    for key, value in first.items():
        rest = np.array(ref[key][1:]) / (std if key in ("estimate", "std_error", "ci_low", "ci_high") else 1.0)
        ref[key] = np.concatenate([[float(value)], rest])
    # Its VIFs (up to 2e17) are past 1 / (1 - R2) in doubles: the diagonal of the inverse of the
    # columns' correlation matrix, in mpmath.
    Z = mp.matrix([[mp.mpf(float(v)) for v in row] for row in X])
    centred = [[Z[i, j] - sum(Z[r, j] for r in range(Z.rows)) / Z.rows for j in range(Z.cols)]
               for i in range(Z.rows)]
    C = mp.matrix([[sum(centred[r][i] * centred[r][j] for r in range(Z.rows)) for j in range(Z.cols)]
                   for i in range(Z.cols)])
    Cinv = mp.inverse(C)
    ref["vif"] = [np.nan] + [float(Cinv[j, j] * C[j, j]) for j in range(Z.cols)]
    compare_inference(check, "polynomial", report, ref, 0.95, 1e-6)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    exe = sys.argv[1]
    check = Checker()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "penguins-like.csv")
        penguins_like(path)
        penguins(check, exe, path, real=False)
        if os.path.exists(REAL):
            penguins(check, exe, REAL, real=True)
        else:
            print("skipped: %s is not installed (r-cran-palmerpenguins)" % REAL)
        longley(check, exe, folder)
        polynomial(check, exe, folder)
    print("%d numbers compared" % check.compared)
    for failure in check.failures:
        print("FAIL: " + failure)
    return 1 if check.failures or check.compared < 100 else 0


if __name__ == "__main__":
    sys.exit(main())
