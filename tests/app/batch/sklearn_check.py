#!/usr/bin/python3
"""`linlab --batch` with ridge, lasso, --no-intercept, --test-fraction and --cv beside scikit-learn.

  sklearn_check.py LINLAB_EXE

On generated data (four correlated features far from the origin, and eight with a sparse truth):
Ridge and Lasso (tol=1e-10, max_iter=10^6) on the raw and on the z-scored features (LinLab's
--normalize zscore is StandardScaler, ddof 0), with and without fit_intercept;
LinearRegression(fit_intercept=False) and statsmodels' OLS without a constant (R^2 uncentred) for
--no-intercept; the train and test metrics recomputed from the reported test_rows (every fit on
the train rows, the scaler fitted to every row as LinLab fits its transform); --cv's folds refitted
fold by fold. 1e-8 relative (lasso 1e-6). Exits 1 naming every difference. Uses Debian's
python3-sklearn 1.2.1, python3-statsmodels and python3-numpy (/usr/bin/python3).
"""

import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import statsmodels.api as sm
from sklearn.linear_model import Lasso, LinearRegression, Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.preprocessing import StandardScaler


def linlab(exe, args):
    out = subprocess.run([exe, "--batch"] + args, check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


class Checker:
    def __init__(self):
        self.failures = []
        self.compared = 0

    def same(self, where, ours, theirs, tol, scale=0.0):
        """|ours - theirs| <= tol * max(|theirs|, scale): scale is a vector's size, for its zeros."""
        self.compared += 1
        if ours is None or not abs(ours - theirs) <= tol * max(abs(theirs), scale, 1e-300):
            self.failures.append("%s: linlab %r, reference %r" % (where, ours, theirs))

    def vector(self, where, ours, theirs, tol):
        theirs = np.asarray(theirs, dtype=float)
        if len(ours) != len(theirs):
            self.failures.append("%s: %d values, reference %d" % (where, len(ours), len(theirs)))
            return
        scale = float(np.max(np.abs(theirs))) if len(theirs) else 0.0
        for k, (a, b) in enumerate(zip(ours, theirs)):
            self.same("%s[%d]" % (where, k), a, float(b), tol, scale)


def write_csv(path, X, y):
    names = ["x%d" % (k + 1) for k in range(X.shape[1])]
    with open(path, "w") as f:
        f.write(",".join(names + ["y"]) + "\n")
        for row, label in zip(X, y):
            f.write(",".join(repr(float(v)) for v in list(row) + [label]) + "\n")


def correlated(n=300, seed=1):
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(n, 1))
    X = base + 0.4 * rng.normal(size=(n, 4))
    X = X * [1.0, 3.0, 0.5, 10.0] + [100.0, -20.0, 5.0, 1000.0]
    y = X @ [1.5, -0.4, 2.0, 0.05] + 7.0 + rng.normal(size=n)
    return X, y


def sparse(n=200, seed=2):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 8)) * 2.0 + 1.0
    y = X @ [3.0, 0, 0, -2.0, 0, 0.5, 0, 0] + 4.0 + 0.5 * rng.normal(size=n)
    return X, y


def features(X, zscore):
    return StandardScaler().fit_transform(X) if zscore else X


def estimator(method, alpha, intercept):
    if method == "ridge":
        return Ridge(alpha=alpha, fit_intercept=intercept)
    if method == "lasso":
        return Lasso(alpha=alpha, fit_intercept=intercept, tol=1e-10, max_iter=1000000)
    return LinearRegression(fit_intercept=intercept)


def options(method, alpha, intercept, zscore):
    args = ["--fit", method if method != "ols" else "lstsq"]
    if method in ("ridge", "lasso"):
        args += ["--alpha", repr(alpha)]
    if not intercept:
        args.append("--no-intercept")
    if zscore:
        args += ["--normalize", "zscore"]
    return args


def compare_fit(check, exe, path, X, y, method, alpha, intercept, zscore):
    where = "%s %s alpha=%g%s%s" % (os.path.basename(path), method, alpha,
                                    "" if intercept else " no-intercept",
                                    " zscore" if zscore else "")
    report = linlab(exe, [path] + options(method, alpha, intercept, zscore))
    Z = features(X, zscore)
    model = estimator(method, alpha, intercept).fit(Z, y)
    tol = 1e-6 if method == "lasso" else 1e-8
    if method == "lasso" and np.linalg.cond(Z - Z.mean(axis=0) if intercept else Z) > 1e3:
        # Ill-conditioned (raw features far from the origin, through it): scikit-learn's
        # coordinate descent stops at tol=1e-10 with weights good to about 1e-5, while LinLab
        # finishes on the active set's linear system. Its objective must be no higher.
        def objective(w, b):
            return 0.5 * np.mean((y - Z @ w - b) ** 2) + alpha * np.abs(w).sum()
        ours = objective(np.array(report["weights"]), report["bias"])
        theirs = objective(model.coef_, model.intercept_)
        check.compared += 1
        if not ours <= theirs * (1 + 1e-12):
            check.failures.append("%s/objective: linlab %r, scikit-learn %r" % (where, ours, theirs))
        tol = 1e-3
    check.vector(where + "/weights", report["weights"], model.coef_, tol)
    check.same(where + "/bias", report["bias"], float(model.intercept_), tol,
               float(np.max(np.abs(model.coef_))))
    if method in ("ridge", "lasso"):
        check.same(where + "/fit/alpha", report["fit"]["alpha"], alpha, 0)
    if not intercept and report["fit"].get("intercept") is not False:
        check.failures.append(where + ": fit has no \"intercept\": false")


def compare_origin_inference(check, exe, path, X, y):
    """--no-intercept's inference beside statsmodels' OLS without a constant (raw features)."""
    report = linlab(exe, [path, "--fit", "lstsq", "--no-intercept"])
    fit = sm.OLS(y, X).fit()
    inf = report["inference"]
    where = os.path.basename(path) + " inference no-intercept"
    for ours, theirs in (("r2", fit.rsquared), ("r2_adjusted", fit.rsquared_adj),
                         ("f_statistic", fit.fvalue), ("log_likelihood", fit.llf),
                         ("aic", fit.aic), ("bic", fit.bic), ("sigma", np.sqrt(fit.scale)),
                         ("df_model", fit.df_model), ("df_residual", fit.df_resid)):
        check.same(where + "/" + ours, inf[ours], float(theirs), 1e-8)
    coefficients = inf["coefficients"]
    if [c["name"] for c in coefficients] != report["feature_names"]:
        check.failures.append(where + ": coefficient names " + str([c["name"] for c in coefficients]))
        return
    for key, values in (("estimate", fit.params), ("std_error", fit.bse), ("t", fit.tvalues)):
        check.vector(where + "/" + key, [c[key] for c in coefficients], values, 1e-8)
    # The uncentred R^2 is 1 - RSS / y^T y, not scikit-learn's r2_score of the same fit.
    e = y - X @ fit.params
    check.same(where + "/r2 uncentred", inf["r2"], 1 - e @ e / (y @ y), 1e-8)


def train_rows(report, n):
    test = [r - 1 for r in report["test_rows"]]
    return sorted(set(range(n)) - set(test)), test


def compare_split(check, exe, path, X, y, method, alpha, seed):
    where = "%s split %s alpha=%g seed=%d" % (os.path.basename(path), method, alpha, seed)
    report = linlab(exe, [path, "--test-fraction", "0.3", "--seed", str(seed)] +
                    options(method, alpha, True, True))
    train, test = train_rows(report, len(y))
    if len(test) != round(0.3 * len(y)) or test != sorted(test):
        check.failures.append(where + ": test_rows %s" % report["test_rows"][:10])
        return
    Z = features(X, True)
    model = estimator(method, alpha, True).fit(Z[train], y[train])
    tol = 1e-6 if method == "lasso" else 1e-8
    check.vector(where + "/weights", report["weights"], model.coef_, tol)
    for part, rows in (("train", train), ("test", test)):
        p = model.predict(Z[rows])
        got = report[part]
        check.same(where + "/" + part + "/n", got["n"], len(rows), 0)
        check.same(where + "/" + part + "/mse", got["mse"], mean_squared_error(y[rows], p), tol)
        check.same(where + "/" + part + "/rmse", got["rmse"],
                   np.sqrt(mean_squared_error(y[rows], p)), tol)
        check.same(where + "/" + part + "/mae", got["mae"], mean_absolute_error(y[rows], p), tol)
        check.same(where + "/" + part + "/r2", got["r2"], r2_score(y[rows], p), tol)


def compare_cv(check, exe, path, X, y, method, alpha, k):
    where = "%s cv %s alpha=%g k=%d" % (os.path.basename(path), method, alpha, k)
    report = linlab(exe, [path, "--cv", str(k)] + options(method, alpha, True, True))
    cv = report["cv"]
    folds = np.array(cv["folds"])
    sizes = np.bincount(folds, minlength=k)
    if len(folds) != len(y) or sizes.max() - sizes.min() > 1 or cv["k"] != k:
        check.failures.append(where + ": fold sizes %s" % list(sizes))
        return
    Z = features(X, True)
    mse, r2 = [], []
    for f in range(k):
        fit = estimator(method, alpha, True).fit(Z[folds != f], y[folds != f])
        p = fit.predict(Z[folds == f])
        mse.append(mean_squared_error(y[folds == f], p))
        r2.append(r2_score(y[folds == f], p))
    tol = 1e-6 if method == "lasso" else 1e-8
    check.same(where + "/mse_mean", cv["mse_mean"], np.mean(mse), tol)
    check.same(where + "/mse_std", cv["mse_std"], np.std(mse), 1e-6)
    check.same(where + "/r2_mean", cv["r2_mean"], np.mean(r2), tol)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    exe = sys.argv[1]
    check = Checker()
    with tempfile.TemporaryDirectory() as folder:
        for name, (X, y) in (("correlated.csv", correlated()), ("sparse.csv", sparse())):
            path = os.path.join(folder, name)
            write_csv(path, X, y)
            for zscore in (False, True):
                for intercept in (True, False):
                    compare_fit(check, exe, path, X, y, "ols", 0.0, intercept, zscore)
                    for alpha in (0.1, 10.0):
                        compare_fit(check, exe, path, X, y, "ridge", alpha, intercept, zscore)
                    for alpha in (0.01, 0.3):
                        compare_fit(check, exe, path, X, y, "lasso", alpha, intercept, zscore)
            compare_origin_inference(check, exe, path, X, y)
            for method, alpha in (("ols", 0.0), ("ridge", 2.0), ("lasso", 0.05)):
                compare_split(check, exe, path, X, y, method, alpha, 7)
                compare_cv(check, exe, path, X, y, method, alpha, 5)
            # The lasso's sparsity: weights sklearn sets to zero are zero here too.
            report = linlab(exe, [path] + options("lasso", 0.3, True, True))
            model = estimator("lasso", 0.3, True).fit(features(X, True), y)
            zeros = [k for k, w in enumerate(model.coef_) if w == 0]
            if any(report["weights"][k] != 0 for k in zeros):
                check.failures.append(name + ": lasso zeros %s, linlab %s" % (zeros, report["weights"]))
    print("%d numbers compared" % check.compared)
    for failure in check.failures:
        print("FAIL: " + failure)
    return 1 if check.failures or check.compared < 200 else 0


if __name__ == "__main__":
    sys.exit(main())
