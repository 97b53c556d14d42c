#!/usr/bin/python3
"""`linlab --batch FILE --label body_mass_g --fit lstsq` beside pandas and NumPy.

  penguins_check.py LINLAB_EXE             on a generated penguins-like file (344 rows, text
                                           columns, "NA" cells, 11 incomplete rows)
  penguins_check.py LINLAB_EXE --real PATH on the Palmer penguins file; exit 77 (skipped) when
                                           it is not there

pandas: read_csv, dropna, get_dummies(drop_first=True), NumPy: lstsq([X 1], y). The weights and
bias must agree to 1e-9 (relative, absolute below 1), and so must the rows used and the names.
Uses Debian's python3-numpy and python3-pandas (/usr/bin/python3).
"""

import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

TOLERANCE = 1e-9
SKIPPED = 77  # ctest's SKIP_RETURN_CODE


def penguins_like(path):
    """344 birds like the Palmer penguins: three species on three islands, four measures, sex and
    year; 2 rows with no measures and 9 more with no sex (333 complete)."""
    rng = np.random.default_rng(13)
    n = 344
    species = rng.choice(["Adelie", "Chinstrap", "Gentoo"], size=n, p=[0.44, 0.2, 0.36])
    island = np.where(species == "Gentoo", "Biscoe",
                      rng.choice(["Biscoe", "Dream", "Torgersen"], size=n))
    sex = rng.choice(["female", "male"], size=n)
    base = {"Adelie": (38.8, 18.3, 190, 3700), "Chinstrap": (48.8, 18.4, 196, 3733),
            "Gentoo": (47.5, 15.0, 217, 5076)}
    rows = ["species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year"]
    no_measures = {3, 271}
    no_sex = {8, 9, 10, 11, 47, 178, 218, 256, 268}
    for i in range(n):
        bl, bd, fl, bm = base[species[i]]
        male = sex[i] == "male"
        bl = round(bl + 2.0 * male + rng.normal(0, 2.5), 1)
        bd = round(bd + 1.0 * male + rng.normal(0, 0.8), 1)
        fl = int(round(fl + 5 * male + rng.normal(0, 6)))
        bm = int(25 * round((bm + 450 * male + 30 * (fl - base[species[i]][2]) + rng.normal(0, 250)) / 25))
        year = 2007 + i % 3
        if i in no_measures:
            rows.append("%s,%s,NA,NA,NA,NA,NA,%d" % (species[i], island[i], year))
        else:
            rows.append("%s,%s,%.1f,%.1f,%d,%d,%s,%d" % (species[i], island[i], bl, bd, fl, bm,
                                                         "NA" if i in no_sex else sex[i], year))
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")


def linlab_fit(exe, path):
    out = subprocess.run([exe, "--batch", path, "--label", "body_mass_g", "--fit", "lstsq"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def pandas_fit(path, names):
    """The fit as a NumPy user writes it, its columns put in LinLab's order (pandas appends the
    dummies after the numeric columns)."""
    frame = pd.read_csv(path).dropna()
    y = frame.pop("body_mass_g").to_numpy(dtype=float)
    X = pd.get_dummies(frame, drop_first=True, prefix_sep="=")
    if sorted(X.columns) != sorted(names):
        sys.exit("columns differ: pandas %s, linlab %s" % (list(X.columns), names))
    A = np.column_stack([X[names].to_numpy(dtype=float), np.ones(len(y))])
    solution, *_ = np.linalg.lstsq(A, y, rcond=None)
    return solution, [int(i) + 1 for i in frame.index]


def numeric(values):
    """True for a (nested) list of numbers (a vector, the rows of X)."""
    try:
        np.array(values, dtype=float)
        return True
    except (TypeError, ValueError):
        return False


def compare(printed, report, where, failures):
    """Every value the script printed against the report's at the same key; returns how many."""
    if isinstance(printed, dict):
        return sum(compare(v, report.get(k), where + "/" + k, failures)
                   for k, v in printed.items() if isinstance(report, dict) and k in report)
    if isinstance(printed, list) and printed and not numeric(printed):
        if printed != report:
            failures.append("%s: script %s, batch %s" % (where, printed, report))
        return 1
    if isinstance(printed, (int, float, list)) and not isinstance(printed, bool):
        a = np.atleast_1d(np.array(printed, dtype=float))
        b = np.atleast_1d(np.array(report, dtype=float))
        close = a.shape == b.shape and np.all(
            (np.isnan(a) & np.isnan(b)) | (np.abs(a - b) <= 1e-9 * np.maximum(np.abs(b), 1.0)))
        if not close:
            failures.append("%s: script %s, batch %s" % (where, printed, report))
        return 1
    if printed != report:
        failures.append("%s: script %s, batch %s" % (where, printed, report))
    return 1


def script_check(exe, path, folder):
    """The exported NumPy script of a typed file (raw columns, the dummy coding and the z-score
    of the numeric features written out in NumPy) prints the numbers the batch reports."""
    script = os.path.join(folder, "reproduce.py")
    args = [exe, "--batch", path, "--label", "body_mass_g", "--normalize", "zscore",
            "--export-numpy", script]
    report = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    printed = json.loads(subprocess.run([sys.executable, script], check=True, capture_output=True,
                                        text=True).stdout)
    failures = []
    compared = compare(printed, report, "", failures)
    if compared < 10:
        failures.append("the script printed only %d of the report's values" % compared)
    print("exported script of %s: %s" % (path, "same numbers" if not failures else "differs"))
    return failures


def check(exe, path):
    report = linlab_fit(exe, path)
    names = report["feature_names"]
    theirs, used = pandas_fit(path, names)
    ours = np.array(report["weights"] + [report["bias"]])
    excluded = sorted(set(range(1, report["n_rows"] + 1)) - set(used))
    failures = []
    if report["n_samples"] != len(used) or report["excluded_rows"] != excluded:
        failures.append("rows: linlab %d used, excluded %s; pandas %d used, excluded %s"
                        % (report["n_samples"], report["excluded_rows"], len(used), excluded))
    diff = np.abs(ours - theirs) / np.maximum(np.abs(theirs), 1.0)
    if diff.max() > TOLERANCE:
        failures.append("weights differ by %.2e: linlab %s, numpy %s" % (diff.max(), list(ours), list(theirs)))
    print("%s: %d of %d rows, %d features (%s), max relative difference %.2e"
          % (path, report["n_samples"], report["n_rows"], len(names), ", ".join(names), diff.max()))
    with tempfile.TemporaryDirectory() as folder:
        failures += script_check(exe, path, folder)
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


def main():
    if len(sys.argv) == 4 and sys.argv[2] == "--real":
        if not os.path.exists(sys.argv[3]):
            print("skipped: %s is not installed (r-cran-palmerpenguins)" % sys.argv[3])
            return SKIPPED
        return check(sys.argv[1], sys.argv[3])
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "penguins-like.csv")
        penguins_like(path)
        return check(sys.argv[1], path)


if __name__ == "__main__":
    sys.exit(main())
