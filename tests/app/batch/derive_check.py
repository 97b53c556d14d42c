#!/usr/bin/python3
"""`linlab --batch` with derived features (--poly, --derive) beside pandas and NumPy.

  derive_check.py LINLAB_EXE

On a generated penguins-like file (text columns, "NA" cells) and on an all-numeric file:
--poly 3 of a column, a --derive log and a --derive product (one with a dummy) must give the
columns NumPy computes, and a fit whose least-squares weights and bias equal NumPy's lstsq on
those columns (z-scored) to 1e-8. The exported NumPy script, which computes the derived features
itself (np.log, **), must print the batch's numbers. Uses Debian's python3-numpy and
python3-pandas (/usr/bin/python3).
"""

import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from penguins_check import compare, penguins_like  # noqa: E402

TOLERANCE = 1e-8


def run(exe, args):
    out = subprocess.run([exe, "--batch"] + args, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def lstsq_zscore(X, y, dummy):
    """NumPy's lstsq on [z-scored X, 1] (ddof 0, as LinLab's --normalize zscore; dummies stay
    0/1)."""
    Z = np.where(dummy, X, (X - X.mean(axis=0)) / X.std(axis=0))
    solution, *_ = np.linalg.lstsq(np.column_stack([Z, np.ones(len(y))]), y, rcond=None)
    return Z, solution


def differs(ours, theirs):
    ours, theirs = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    if ours.shape != theirs.shape:
        return float("inf")
    return float(np.max(np.abs(ours - theirs) / np.maximum(np.abs(theirs), 1.0)))


def check_fit(name, report, X, y, names, failures):
    """The report's features, names and least squares against NumPy's on the same columns."""
    if report["feature_names"] != names:
        failures.append("%s: names %s, expected %s" % (name, report["feature_names"], names))
        return
    Z, solution = lstsq_zscore(X, y, np.array(["=" in n for n in names]))
    ls = report["least_squares"]
    d_x = differs(report["features"], Z)
    d_w = differs(ls["weights"] + [ls["bias"]], solution)
    print("%s: %d rows, %d features (%s); X %.1e, lstsq %.1e" % (
        name, len(y), len(names), ", ".join(names), d_x, d_w))
    if d_x > 1e-12:
        failures.append("%s: transformed features differ by %.2e" % (name, d_x))
    if d_w > TOLERANCE:
        failures.append("%s: lstsq differs by %.2e: linlab %s, numpy %s" % (
            name, d_w, ls["weights"] + [ls["bias"]], list(solution)))


def check_script(name, exe, args, folder, failures):
    """The exported script prints the batch's numbers (1e-9, as penguins_check)."""
    script = os.path.join(folder, name + ".py")
    report = run(exe, args + ["--export-numpy", script])
    text = open(script).read()
    if "np.log(" not in text or "**" not in text:
        failures.append("%s: the script does not compute the derived features" % name)
    printed = json.loads(subprocess.run([sys.executable, script], check=True,
                                        capture_output=True, text=True).stdout)
    script_failures = []
    compared = compare(printed, report, "", script_failures)
    if compared < 10:
        script_failures.append("the script printed only %d values" % compared)
    print("%s: exported script %s (%d values)" % (
        name, "same numbers" if not script_failures else "differs", compared))
    failures += ["%s script: %s" % (name, f) for f in script_failures]


def penguins(exe, folder, failures):
    path = os.path.join(folder, "penguins-like.csv")
    penguins_like(path)
    args = [path, "--label", "body_mass_g",
            "--features", "species,bill_length_mm,flipper_length_mm",  # in the file's order
            "--poly", "flipper_length_mm=3",
            "--derive", "log bill=log(bill_length_mm)",
            "--derive", "gentoo flipper=[species=Gentoo] * flipper_length_mm",
            "--normalize", "zscore", "--fit", "lstsq"]
    report = run(exe, args)
    frame = pd.read_csv(path)[["body_mass_g", "flipper_length_mm", "species",
                               "bill_length_mm"]].dropna()
    y = frame.pop("body_mass_g").to_numpy(dtype=float)
    X = pd.get_dummies(frame, columns=["species"], drop_first=True, prefix_sep="=")
    f = X["flipper_length_mm"].to_numpy(dtype=float)
    names = ["species=Chinstrap", "species=Gentoo", "bill_length_mm", "flipper_length_mm",
             "flipper_length_mm^2", "flipper_length_mm^3", "log bill", "gentoo flipper"]
    columns = [X[n].to_numpy(dtype=float) for n in names[:4]]
    columns += [f ** 2, f ** 3, np.log(X["bill_length_mm"].to_numpy(dtype=float)),
                X["species=Gentoo"].to_numpy(dtype=float) * f]
    check_fit("penguins-like", report, np.column_stack(columns), y, names, failures)
    if report.get("derived", [{}])[-1].get("expression") != "[species=Gentoo] * flipper_length_mm":
        failures.append("penguins-like: the report's derived list is %s" % report.get("derived"))
    check_script("penguins_derived", exe, args, folder, failures)


def numeric(exe, folder, failures):
    rng = np.random.default_rng(15)
    x = rng.uniform(-2, 3, 200)
    z = rng.uniform(0.5, 4, 200)
    y = 1 + 2 * x - 0.5 * x ** 2 + 0.25 * x ** 3 + 3 * np.log(z) + rng.normal(0, 0.1, 200)
    path = os.path.join(folder, "numbers.csv")
    np.savetxt(path, np.column_stack([x, z, y]), delimiter=",", header="x,z,y", comments="",
               fmt="%.17g")
    args = [path, "--label", "y", "--poly", "x=3", "--derive", "lz=log(z)",
            "--derive", "xz=x*z", "--normalize", "zscore", "--fit", "lstsq"]
    report = run(exe, args)
    names = ["x", "z", "x^2", "x^3", "lz", "xz"]
    X = np.column_stack([x, z, x ** 2, x ** 3, np.log(z), x * z])
    check_fit("all-numeric", report, X, y, names, failures)
    check_script("numeric_derived", exe, args, folder, failures)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        penguins(sys.argv[1], folder, failures)
        numeric(sys.argv[1], folder, failures)
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
