#!/usr/bin/python3
"""The NumPy and pandas side of LinLab's benchmark, on the same data.

Reads the CSVs that `linlab-bench --data-dir DIR` wrote (bench_n<N>_d<D>.csv) and times what a
NumPy user would write for the same jobs:

  read_csv          pandas.read_csv(path)                      (+ its peak memory, in a subprocess)
  loadtxt           numpy.loadtxt(path, delimiter=",", skiprows=1)   (n <= 1e5 unless --all)
  tick_direct       e = X @ w + b - y; mse = e @ e / n; gradient 2/n X.T @ e, 2/n sum(e)
  lstsq             numpy.linalg.lstsq([X 1], y)               (the [X 1] matrix is built untimed)
  gd_epoch          one full-batch gradient-descent epoch on the data
  loss_surface_200  the MSE on a 200 x 200 grid of (w1, w2), by broadcasting over the data; past
                    n = 1e4 a few grid rows are timed and scaled to 200 (unless --all)
  batch_real        real data (bench_real_n<N>.csv: 8 numeric columns with 1% "NA", two
                    categorical, a label): `linlab --batch FILE --label y --fit lstsq` beside
                    read_csv, dropna, get_dummies(drop_first=True) and lstsq (wall time and peak
                    memory of each; weights equal to 1e-9)

and checks that LinLab's least squares (lstsq_n<N>_d<D>.json) equals NumPy's to 1e-9 relative.

  compare_numpy.py --data-dir DIR [--quick] [--huge] [--all] [--sizes ...] [--cases ...] [--json]
  compare_numpy.py --data-dir DIR --linlab-json linlab.json   # one table: LinLab vs NumPy/pandas

Uses Debian's python3-numpy and python3-pandas (/usr/bin/python3).
"""

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time

import numpy as np

CASES = ["read_csv", "loadtxt", "tick_direct", "lstsq", "gd_epoch", "loss_surface_200", "batch_lstsq", "window_rss",
         "batch_real"]
TOLERANCE = 1e-9

# Peak memory of one read, measured the same way as linlab-bench's: reset VmHWM, note VmRSS,
# read, take VmHWM. getrusage gives the process's whole peak (interpreter and imports included).
MEMORY_PROBE = r"""
import json, resource, sys
kind, path = sys.argv[1], sys.argv[2]
import numpy as np
import pandas as pd

def status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return 0

try:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
except OSError:
    pass
before = status("VmRSS")
if kind == "read_csv":
    data = pd.read_csv(path)
else:
    data = np.loadtxt(path, delimiter=",", skiprows=1)
peak = status("VmHWM")
print(json.dumps({"rss_delta_mb": (peak - before) / 2**20,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


# The real-data case as a pandas user writes it, in a fresh interpreter: the pipeline's wall time
# (imports not counted), the process's own peak memory (VmHWM) and the solution by column name.
REAL_PIPELINE = r"""
import json, sys, time
import numpy as np
import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1]).dropna()
y = frame.pop("y").to_numpy(dtype=np.float64)
X = pd.get_dummies(frame, drop_first=True, prefix_sep="=")
A = np.column_stack([X.to_numpy(dtype=np.float64), np.ones(len(y))])
solution, *_ = np.linalg.lstsq(A, y, rcond=None)
elapsed = (time.perf_counter() - start) * 1000
with open("/proc/self/status") as f:
    peak = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) / 1024
print(json.dumps({"ms": elapsed, "peak_rss_mb": peak, "rows": len(y),
                  "weights": dict(zip(X.columns, solution[:-1].tolist())), "bias": solution[-1]}))
"""


def parse_count(text):
    value = float(text)
    if value < 1 or value != math.floor(value):
        raise argparse.ArgumentTypeError("not a positive whole number: " + text)
    return int(value)


def parse_list(text):
    return [part for part in text.split(",") if part]


class Timer:
    """Warm-up, then samples until the budget is spent; very short work runs several times a sample."""

    def __init__(self, budget_ms, min_repeats, max_repeats=1000):
        self.budget_ms = budget_ms
        self.min_repeats = min_repeats
        self.max_repeats = max_repeats

    def measure(self, work, min_repeats=None):
        def elapsed(runs):
            start = time.perf_counter()
            for _ in range(runs):
                work()
            return (time.perf_counter() - start) * 1000.0

        first = elapsed(1)
        runs = 1
        while first * runs < 0.2 and runs < (1 << 20):
            runs *= 4
            first = elapsed(runs) / runs
        sample_ms = max(first * runs, 1e-6)
        low = self.min_repeats if min_repeats is None else min_repeats
        repeats = int(min(max(math.ceil(self.budget_ms / sample_ms), low), self.max_repeats))
        samples = sorted(elapsed(runs) / runs for _ in range(repeats))
        m = len(samples)
        median = samples[m // 2] if m % 2 else 0.5 * (samples[m // 2 - 1] + samples[m // 2])
        return {"median_ms": median, "min_ms": samples[0], "repeats": repeats, "runs_per_sample": runs}


def memory_of(kind, path):
    result = subprocess.run([sys.executable, "-c", MEMORY_PROBE, kind, path],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def loss_surface(X, y, w, b, a_values, b_values, rows=None):
    """MSE over the (w1, w2) grid: the straightforward NumPy way, broadcasting over the data.

    rows: compute only this many grid rows (for timing at large n). Temporaries stay near 256 MB.
    """
    n = X.shape[0]
    x0, x1 = X[:, 0], X[:, 1]
    base = X @ w + b - y - w[0] * x0 - w[1] * x1  # residual without the two grid parameters
    grid_rows = len(a_values) if rows is None else rows
    Z = np.empty((grid_rows, len(b_values)))
    if len(a_values) * len(b_values) * n * 8 <= 256 * 2**20 and rows is None:
        E = base[None, None, :] + a_values[:, None, None] * x0 + b_values[None, :, None] * x1
        return np.mean(E * E, axis=2)
    block = max(1, (256 * 2**20) // (len(b_values) * 8))
    for i in range(grid_rows):
        total = np.zeros(len(b_values))
        for start in range(0, n, block):
            s = slice(start, start + block)
            E = base[None, s] + a_values[i] * x0[None, s] + b_values[:, None] * x1[None, s]
            total += np.einsum("ij,ij->i", E, E)
        Z[i] = total / n
    return Z


def load_data(path, d):
    import pandas as pd
    frame = pd.read_csv(path)
    values = frame.to_numpy(dtype=np.float64)
    return np.ascontiguousarray(values[:, :d]), np.ascontiguousarray(values[:, d])


def time_batch(exe, path, repeats=3, options=("--fit", "lstsq")):
    """`linlab --batch FILE --fit lstsq`, the whole program: median wall time and its own peak RSS."""
    times, peaks = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        child = subprocess.Popen([exe, "--batch", path] + list(options) + ["--output", os.devnull],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The child's own VmHWM, read while it runs: ru_maxrss of a child forked from this big
        # Python process starts at this process's size (Linux keeps the pre-exec high-water).
        peak = 0.0
        while child.poll() is None:
            try:
                with open("/proc/%d/status" % child.pid) as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peak = max(peak, int(line.split()[1]) / 1024)
            except OSError:
                pass
            time.sleep(0.005)
        times.append((time.perf_counter() - start) * 1000)
        if child.returncode != 0:
            sys.exit("compare_numpy.py: linlab --batch %s %s failed (status %d)"
                     % (path, " ".join(options), child.returncode))
        peaks.append(peak)
    times.sort()
    return {"median_ms": times[len(times) // 2], "min_ms": times[0], "repeats": repeats, "peak_rss_mb": max(peaks)}


def batch_real(exe, path, repeats=3):
    """The real-data case: LinLab's whole program beside the pandas pipeline, and their weights."""
    options = ("--label", "y", "--fit", "lstsq")
    ours = time_batch(exe, path, repeats, options)
    runs = [json.loads(subprocess.run([sys.executable, "-c", REAL_PIPELINE, path], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(repeats)]
    times = sorted(r["ms"] for r in runs)
    report = json.loads(subprocess.run([exe, "--batch", path] + list(options), check=True,
                                       capture_output=True, text=True).stdout)
    theirs = runs[0]
    want = np.array([theirs["weights"][name] for name in report["feature_names"]] + [theirs["bias"]])
    got = np.array(report["weights"] + [report["bias"]])
    rel = np.abs(got - want) / np.maximum(np.abs(want), 1.0)
    return dict(ours, pandas_median_ms=times[len(times) // 2], pandas_peak_rss_mb=max(r["peak_rss_mb"] for r in runs),
                rows_used=report["n_samples"], pandas_rows=theirs["rows"], features=len(report["feature_names"]),
                max_rel_diff=float(rel.max()), equal=bool(rel.max() <= TOLERANCE and report["n_samples"] == theirs["rows"]))


def window_rss(bench_exe, path):
    """LinLab's window (offscreen) with `path` loaded by its own background loader and every view
    settled: resident and peak memory of that process alone (linlab-bench --window-rss)."""
    out = subprocess.run([bench_exe, "--window-rss", path], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_cases(args):
    import pandas as pd
    results = []
    checks = []
    timer = Timer(args.budget_ms, 3 if args.quick else 5)
    slow = Timer(args.budget_ms, 3)

    def add(name, n, d, timing, **extra):
        entry = {"name": name, "n": n, "d": d}
        entry.update(timing)
        entry.update(extra)
        results.append(entry)
        print("[compare_numpy] %s n=%d d=%d: median %.4g ms" % (name, n, d, timing["median_ms"]),
              file=sys.stderr, flush=True)

    wanted = lambda case: not args.cases or case in args.cases
    if args.linlab_exe and wanted("batch_real"):
        n = max(args.sizes)
        path = os.path.join(args.data_dir, "bench_real_n%d.csv" % n)
        if os.path.exists(path):
            real = batch_real(args.linlab_exe, path)
            add("batch_real", n, real["features"], real)
    for n in args.sizes:
        for d in args.dims:
            if args.cases and set(args.cases) <= {"batch_real"}:
                continue  # nothing else asked for: no need to read these files
            path = os.path.join(args.data_dir, "bench_n%d_d%d.csv" % (n, d))
            if not os.path.exists(path):
                sys.exit("compare_numpy.py: %s is missing; run linlab-bench --data-dir %s first"
                         % (path, args.data_dir))
            if wanted("read_csv"):
                timing = (slow if n >= 10**6 else timer).measure(lambda: pd.read_csv(path))
                add("read_csv", n, d, timing, **memory_of("read_csv", path))
            if args.linlab_exe and wanted("batch_lstsq") and n == max(args.sizes):
                add("batch_lstsq", n, d, time_batch(args.linlab_exe, path))
            if args.linlab_exe and wanted("window_rss") and n == max(args.sizes) and d == max(args.dims):
                bench_exe = os.path.join(os.path.dirname(args.linlab_exe), "linlab-bench")
                rss = window_rss(bench_exe, path)
                add("window_rss", n, d, {"median_ms": rss["load_ms"], "min_ms": rss["load_ms"], "repeats": 1},
                    rss_mb=rss["rss_mb"], window_peak_rss_mb=rss["peak_rss_mb"])
            if wanted("loadtxt") and (n <= 10**5 or args.all):
                timing = slow.measure(lambda: np.loadtxt(path, delimiter=",", skiprows=1), min_repeats=3)
                add("loadtxt", n, d, timing, **memory_of("loadtxt", path))

            X, y = load_data(path, d)
            A = np.column_stack([X, np.ones(n)])
            solution, *_ = np.linalg.lstsq(A, y, rcond=None)
            w_fit, b_fit = solution[:d], solution[d]
            # The same slider position as linlab-bench's tick cases: near the fit.
            w, b = w_fit * 1.01, b_fit + 0.5

            linlab_path = os.path.join(args.data_dir, "lstsq_n%d_d%d.json" % (n, d))
            if os.path.exists(linlab_path):
                with open(linlab_path) as f:
                    linlab = json.load(f)
                ours = np.array(linlab["weights"] + [linlab["bias"]])
                rel = np.abs(ours - solution) / np.maximum(np.abs(solution), np.finfo(float).tiny)
                norm_rel = float(np.linalg.norm(ours - solution) / np.linalg.norm(solution))
                checks.append({"n": n, "d": d, "max_rel_diff": float(rel.max()), "norm_rel_diff": norm_rel,
                               "ok": bool(rel.max() <= TOLERANCE)})

            if wanted("tick_direct"):
                def tick():
                    e = X @ w + b - y
                    mse = e @ e / n
                    gw = (2.0 / n) * (X.T @ e)
                    gb = 2.0 / n * e.sum()
                    return mse, gw, gb
                add("tick_direct", n, d, timer.measure(tick))
            if wanted("lstsq"):
                add("lstsq", n, d, timer.measure(lambda: np.linalg.lstsq(A, y, rcond=None)))
            if wanted("gd_epoch"):
                state = {"w": np.zeros(d), "b": 0.0}

                def epoch():
                    e = X @ state["w"] + state["b"] - y
                    state["w"] = state["w"] - 1e-6 * (2.0 / n) * (X.T @ e)
                    state["b"] = state["b"] - 1e-6 * (2.0 / n) * e.sum()
                add("gd_epoch", n, d, timer.measure(epoch))
            if wanted("loss_surface_200") and d >= 2:
                a_values = np.linspace(w_fit[0] - 1, w_fit[0] + 1, 200)
                b_values = np.linspace(w_fit[1] - 1, w_fit[1] + 1, 200)
                if n <= 10**4 or args.all:
                    timing = timer.measure(lambda: loss_surface(X, y, w, b, a_values, b_values))
                    add("loss_surface_200", n, d, timing)
                else:
                    # 200 x 200 x n at 1e6 rows is minutes of work: time a few grid rows and scale.
                    rows = 2 if n >= 10**6 else 10
                    timing = slow.measure(lambda: loss_surface(X, y, w, b, a_values, b_values, rows),
                                          min_repeats=3)
                    scale = 200.0 / rows
                    timing = dict(timing, median_ms=timing["median_ms"] * scale, min_ms=timing["min_ms"] * scale)
                    add("loss_surface_200", n, d, timing, extrapolated_from_grid_rows=rows)
            del X, y, A
    return results, checks


def fmt_ms(value):
    if value is None:
        return "-"
    if value < 0.01:
        return "%.3g" % value
    if value < 100:
        return "%.3f" % value
    return "%.1f" % value


def fmt_ratio(value):
    if value is None:
        return "-"
    if value >= 100:
        return "%.0fx" % value
    return "%.2gx" % value if value < 10 else "%.1fx" % value


def report(linlab, numpy_results, checks, n, d):
    """One table: LinLab's medians beside NumPy/pandas', with ratios and the targets."""
    def find(results, name):
        for r in results:
            if r["name"] == name and r["n"] == n and r["d"] == d:
                return r
        return None

    ours = {name: find(linlab["cases"], name) for name in
            ["csv_load", "statistics", "tick_stats", "tick_direct", "mae_pass", "lstsq", "gd_epoch", "loss_surface_200",
             "frame", "cell_edit"]}
    theirs = {name: find(numpy_results, name) for name in CASES}
    check = next((c for c in checks if c["n"] == n and c["d"] == d), None)

    def median(r):
        return r["median_ms"] if r else None

    def ratio(ours_r, theirs_r):
        if not ours_r or not theirs_r or ours_r["median_ms"] <= 0:
            return None
        return theirs_r["median_ms"] / ours_r["median_ms"]

    rows = []  # case, linlab ms, counterpart, their ms, ratio, target, met
    verdicts = []

    def verdict(name, ok, why):
        verdicts.append((name, ok, why))
        return "yes" if ok else ("no" if ok is not None else "n/a")

    r = ratio(ours["csv_load"], theirs["read_csv"])
    met = verdict("csv_load >= 3x faster than pandas.read_csv (aim 5x)", None if r is None else r >= 3,
                  "" if r is None else "%.1fx" % r)
    rows.append(("csv_load", median(ours["csv_load"]), "pandas.read_csv", median(theirs["read_csv"]), r,
                 ">= 3x (aim 5x)", met))
    ours_mem = ours["csv_load"].get("rss_delta_mb") if ours["csv_load"] else None
    their_mem = theirs["read_csv"].get("rss_delta_mb") if theirs["read_csv"] else None
    mem_ok = None if ours_mem is None or their_mem is None else ours_mem < their_mem
    met = verdict("csv_load peak memory below pandas'", mem_ok,
                  "" if mem_ok is None else "+%.0f MB vs +%.0f MB" % (ours_mem, their_mem))
    rows.append(("  peak RSS (MB)", ours_mem, "  read_csv peak RSS", their_mem,
                 None if mem_ok is None or not ours_mem else their_mem / ours_mem, "below pandas", met))
    if theirs["loadtxt"]:
        rows.append(("csv_load", median(ours["csv_load"]), "numpy.loadtxt", median(theirs["loadtxt"]),
                     ratio(ours["csv_load"], theirs["loadtxt"]), "", ""))
    rows.append(("statistics", median(ours["statistics"]), "-", None, None, "", ""))
    r = ratio(ours["tick_stats"], theirs["tick_direct"])
    met = verdict("tick_stats >= 1000x faster than NumPy tick_direct", None if r is None else r >= 1000,
                  "" if r is None else "%.0fx" % r)
    rows.append(("tick_stats", median(ours["tick_stats"]), "numpy tick_direct", median(theirs["tick_direct"]), r,
                 ">= 1000x", met))
    rows.append(("tick_direct", median(ours["tick_direct"]), "numpy tick_direct", median(theirs["tick_direct"]),
                 ratio(ours["tick_direct"], theirs["tick_direct"]), "", ""))
    rows.append(("mae_pass", median(ours["mae_pass"]), "-", None, None, "", ""))
    r = ratio(ours["lstsq"], theirs["lstsq"])
    equal = check["ok"] if check else None
    lstsq_ok = None if r is None or equal is None else (r > 1 and equal)
    met = verdict("lstsq faster than numpy.linalg.lstsq and equal to 1e-9", lstsq_ok,
                  "" if r is None else "%.1fx, max rel diff %.1e" % (r, check["max_rel_diff"] if check else float("nan")))
    rows.append(("lstsq", median(ours["lstsq"]), "numpy.linalg.lstsq", median(theirs["lstsq"]), r,
                 "faster, equal 1e-9", met))
    rows.append(("gd_epoch", median(ours["gd_epoch"]), "numpy GD epoch", median(theirs["gd_epoch"]),
                 ratio(ours["gd_epoch"], theirs["gd_epoch"]), "", ""))
    surface = theirs["loss_surface_200"]
    label = "numpy broadcasting"
    if surface and surface.get("extrapolated_from_grid_rows"):
        label += " (*)"
    rows.append(("loss_surface_200", median(ours["loss_surface_200"]), label, median(surface),
                 ratio(ours["loss_surface_200"], surface), "", ""))
    frame = ours["frame"]
    frame_ok = None if frame is None else frame["median_ms"] <= 16
    met = verdict("frame <= 16 ms at n = %s" % ("1M" if n == 10**6 else n), frame_ok,
                  "" if frame is None else "%.1f ms" % frame["median_ms"])
    rows.append(("frame", median(frame), "-", None, None, "<= 16 ms", met))
    edit = ours["cell_edit"]
    edit_ok = None if edit is None else edit["median_ms"] < 100
    met = verdict("cell edit updates everything in < 100 ms at n = %s" % ("1M" if n == 10**6 else n), edit_ok,
                  "" if edit is None else "%.0f ms" % edit["median_ms"])
    rows.append(("cell_edit", median(edit), "-", None, None, "< 100 ms", met))
    batch = theirs["batch_lstsq"]
    if batch:
        both = None
        if theirs["read_csv"] and theirs["lstsq"]:
            both = {"median_ms": theirs["read_csv"]["median_ms"] + theirs["lstsq"]["median_ms"]}
        r = None if both is None else both["median_ms"] / batch["median_ms"]
        met = verdict("linlab --batch FILE --fit lstsq (whole program) >= 3x faster than read_csv + lstsq",
                      None if r is None else r >= 3,
                      "%.0f ms, peak RSS %.0f MB" % (batch["median_ms"], batch["peak_rss_mb"]))
        rows.append(("batch --fit lstsq", batch["median_ms"], "read_csv + lstsq", median(both), r, ">= 3x", met))
    real = next((r for r in numpy_results if r["name"] == "batch_real" and r["n"] == n), None)
    if real:
        r = real["pandas_median_ms"] / real["median_ms"] if real["median_ms"] > 0 else None
        met = verdict("linlab --batch real data --label y --fit lstsq >= 3x faster than read_csv + dropna + "
                      "get_dummies + lstsq, equal to 1e-9", None if r is None else r >= 3 and real["equal"],
                      "%.0f ms vs %.0f ms, max rel diff %.1e" % (real["median_ms"], real["pandas_median_ms"],
                                                                  real["max_rel_diff"]))
        rows.append(("batch real data", real["median_ms"], "pandas pipeline", real["pandas_median_ms"], r,
                     ">= 3x, equal 1e-9", met))
        mem_ok = real["peak_rss_mb"] < real["pandas_peak_rss_mb"]
        met = verdict("real data: LinLab's peak memory below pandas'", mem_ok,
                      "%.0f MB vs %.0f MB" % (real["peak_rss_mb"], real["pandas_peak_rss_mb"]))
        rows.append(("  peak RSS (MB)", real["peak_rss_mb"], "  pipeline peak RSS", real["pandas_peak_rss_mb"],
                     real["pandas_peak_rss_mb"] / real["peak_rss_mb"] if real["peak_rss_mb"] else None,
                     "below pandas", met))
    window = theirs["window_rss"]
    if window:
        ok = None if window.get("window_peak_rss_mb") is None else window["window_peak_rss_mb"] < 400
        met = verdict("window RSS < 400 MB with the file open (peak, loading included)", ok,
                      "%.0f MB resident, peak %.0f MB" % (window.get("rss_mb") or 0, window.get("window_peak_rss_mb") or 0))
        rows.append(("  window RSS (MB)", window.get("window_peak_rss_mb"), "-", None, None, "< 400 MB", met))

    lines = []
    lines.append("LinLab vs NumPy/pandas, n = %d, d = %d (medians, ms; ratio = NumPy or pandas time / LinLab time)"
                 % (n, d))
    header = ("case", "LinLab", "NumPy/pandas", "", "ratio", "target", "met")
    widths = (18, 11, 22, 11, 9, 19, 4)
    def line(cells):
        return "  ".join(str(c).ljust(w) if i in (0, 2, 5, 6) else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    lines.append(line(header))
    lines.append(line(["-" * w for w in widths]))
    for case, our_ms, other, their_ms, r, target, met in rows:
        is_mem = case.strip().startswith("peak") or "RSS" in case
        ours_text = ("%.0f" % our_ms if our_ms is not None else "-") if is_mem else fmt_ms(our_ms)
        theirs_text = ("%.0f" % their_ms if their_ms is not None else "-") if is_mem else fmt_ms(their_ms)
        lines.append(line([case, ours_text, other, theirs_text, fmt_ratio(r), target, met]))
    if surface and surface.get("extrapolated_from_grid_rows"):
        lines.append("(*) %d of the 200 grid rows timed, scaled to 200 (the full grid is %.0f s of work)"
                     % (surface["extrapolated_from_grid_rows"], surface["median_ms"] / 1000))
    lines.append("tick_stats and gd_epoch: LinLab works from the sufficient statistics, O(d^2) whatever n;"
                 " NumPy passes over the data, O(n d)")
    if check:
        lines.append("lstsq: LinLab vs numpy.linalg.lstsq, max relative difference %.2e (norm-wise %.2e)"
                     % (check["max_rel_diff"], check["norm_rel_diff"]))
    if ours["frame"]:
        f = ours["frame"]
        lines.append("frame: %s visible plots replotted per weight change; median split: Document::setModel and its"
                     " synchronous slots %.1f ms, queued work (replots, lesson pane) %.1f ms, painting %.1f ms"
                     % (f.get("plots", "?"), f.get("set_model_ms", float("nan")), f.get("queued_ms", float("nan")),
                        f.get("paint_ms", float("nan"))))
    if ours["mae_pass"]:
        lines.append("mae_pass: the MAE over every row, on the second core after each weight change (the one number"
                     " the statistics cannot give); the metrics panel shows it this long after the frame")
    lines.append("LinLab peak RSS (whole linlab-bench run): %.0f MB" % linlab.get("peak_rss_mb", float("nan")))
    lines.append("")
    lines.append("Targets:")
    for name, ok, why in verdicts:
        lines.append("  [%s] %s%s" % ({True: "met", False: "NOT met", None: "n/a"}[ok], name,
                                       " (" + why + ")" if why else ""))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", required=True, help="where linlab-bench wrote its CSVs and lstsq JSON")
    parser.add_argument("--json", action="store_true", help='print {"cases": [...]} instead of a table')
    parser.add_argument("--quick", action="store_true", help="n up to 1e5, shorter budget")
    parser.add_argument("--huge", action="store_true", help="also n = 1e7")
    parser.add_argument("--all", action="store_true", help="numpy.loadtxt and the full loss surface at every n")
    parser.add_argument("--sizes", type=lambda t: [parse_count(x) for x in parse_list(t)])
    parser.add_argument("--dims", type=lambda t: [parse_count(x) for x in parse_list(t)], default=[2, 10])
    parser.add_argument("--cases", type=parse_list, default=[])
    parser.add_argument("--budget-ms", type=float, default=1500)
    parser.add_argument("--linlab-json", help="linlab-bench --json output: print the side-by-side table")
    parser.add_argument("--json-out", help="also write the JSON results to this file")
    parser.add_argument("--linlab-exe", help="the linlab program: also time `linlab --batch FILE --fit lstsq` and"
                                             " measure the window's memory on the largest file")
    parser.add_argument("--report-n", type=parse_count, help="n of the side-by-side table (default: largest)")
    parser.add_argument("--report-d", type=parse_count, default=10, help="d of the side-by-side table")
    args = parser.parse_args()
    for case in args.cases:
        if case not in CASES:
            parser.error("unknown case %s (cases: %s)" % (case, ", ".join(CASES)))
    if args.sizes is None:
        args.sizes = [10**3, 10**4, 10**5] + ([] if args.quick else [10**6]) + \
                     ([10**7] if args.huge and not args.quick else [])
    if args.quick:
        args.budget_ms = min(args.budget_ms, 400)

    results, checks = run_cases(args)
    output = {"cases": results, "lstsq_checks": checks,
              "numpy": np.__version__, "python": platform.python_version()}
    try:
        import pandas
        output["pandas"] = pandas.__version__
    except ImportError:
        pass
    output["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(output, f, indent=1)
    if args.linlab_json:
        with open(args.linlab_json) as f:
            linlab = json.load(f)
        n = args.report_n or max(args.sizes)
        print(report(linlab, results, checks, n, args.report_d))
    elif args.json:
        print(json.dumps(output, indent=1))
    else:
        print("%-17s %9s %3s %12s %12s %8s  %s" % ("case", "n", "d", "median ms", "min ms", "repeats", "note"))
        for r in results:
            note = ""
            if "rss_delta_mb" in r:
                note = "peak RSS +%.1f MB (process %.0f MB)" % (r["rss_delta_mb"], r["peak_rss_mb"])
            if "extrapolated_from_grid_rows" in r:
                note = "from %d of 200 grid rows" % r["extrapolated_from_grid_rows"]
            print("%-17s %9d %3d %12s %12s %8d  %s" % (r["name"], r["n"], r["d"], fmt_ms(r["median_ms"]),
                                                       fmt_ms(r["min_ms"]), r["repeats"], note))
        for c in checks:
            print("lstsq check n=%d d=%d: max relative difference %.2e -> %s"
                  % (c["n"], c["d"], c["max_rel_diff"], "ok" if c["ok"] else "DIFFERENT"))
    failed = [c for c in checks if not c["ok"]]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
