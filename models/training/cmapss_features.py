"""C-MAPSS FD001: loading, the capped RUL target and the per-cycle window features.

The TypeScript twin is models/rulFeatures.ts. Both use plain left-to-right sums (not numpy's
pairwise ones) and the same operation order, so the float64 features agree to the last bit before
they are rounded to float32; a tree split sitting between two float32 neighbours would otherwise
turn a last-bit difference into a different prediction.

For a trajectory x[0..n-1] (oldest first, n >= 1) of one sensor, with m = min(WINDOW, n) and the
last m readings y[0..m-1] = x[n-m..n-1]:
  last  = x[n-1]
  mean  = (y[0] + ... + y[m-1]) / m
  slope = sum((i - c) * (y[i] - mean)) / sum((i - c)^2), c = (m - 1) / 2   (0 when m = 1)
          the least-squares slope per cycle over the window
and `cycle` is the `time` of the last row (the engine's age in cycles). A trajectory shorter than
WINDOW uses what it has: that is how the rows of the first WINDOW - 1 cycles of every training
engine are built too, so a short trajectory at serving time is a case the model has seen.
"""

from dataclasses import dataclass

import numpy as np

COLUMNS = ["unit_number", "time", "opt_set1", "opt_set2", "opt_set3"] + [f"s{i}" for i in range(1, 22)]
# FD001 has one operating condition: the three settings only carry noise around it (opt_set3 is
# constant). Sensors with fewer than three distinct values over the whole file carry no trend:
# s1, s5, s10, s16, s18, s19 are constant and s6 takes two values 0.01 apart.
DROPPED_CHANNELS = ["opt_set1", "opt_set2", "opt_set3", "s1", "s5", "s6", "s10", "s16", "s18", "s19"]
SENSORS = ["s2", "s3", "s4", "s7", "s8", "s9", "s11", "s12", "s13", "s14", "s15", "s17", "s20", "s21"]
WINDOW = 30
RUL_CAP = 125
FEATURE_NAMES = ["cycle"] + [f"{s}_{kind}" for s in SENSORS for kind in ("last", "mean", "slope")]


@dataclass
class Fd001:
    unit: np.ndarray  # int, per row
    time: np.ndarray  # int, per row
    columns: dict  # column name -> float64 array, per row
    rows: int


def load_fd001(path: str) -> Fd001:
    with open(path, encoding="ascii") as handle:
        header = handle.readline().split()
        if header[: len(COLUMNS)] != COLUMNS:
            raise ValueError(f"{path}: unexpected header {header[:len(COLUMNS)]}")
        data = np.array([[float(v) for v in line.split()] for line in handle if line.strip()], dtype=np.float64)
    if data.shape[1] != len(COLUMNS):
        raise ValueError(f"{path}: {data.shape[1]} columns, expected {len(COLUMNS)}")
    return Fd001(
        unit=data[:, 0].astype(np.int64),
        time=data[:, 1].astype(np.int64),
        columns={name: data[:, j] for j, name in enumerate(COLUMNS)},
        rows=data.shape[0],
    )


def engines(data: Fd001) -> dict:
    """unit -> row indices in cycle order (the file is sorted by unit, then time)."""
    out = {}
    for unit in np.unique(data.unit):
        idx = np.flatnonzero(data.unit == unit)
        if not np.all(np.diff(data.time[idx]) == 1) or data.time[idx][0] != 1:
            raise ValueError(f"unit {unit}: cycles are not 1, 2, 3, ...")
        out[int(unit)] = idx
    return out


def capped_rul(cycles_left: np.ndarray) -> np.ndarray:
    """Piecewise-linear target: min(T - t, RUL_CAP)."""
    return np.minimum(cycles_left, RUL_CAP).astype(np.float64)


def _window_stats(y: list) -> tuple:
    m = len(y)
    total = 0.0
    for v in y:
        total += v
    mean = total / m
    if m == 1:
        return mean, 0.0
    c = (m - 1) / 2
    num = 0.0
    den = 0.0
    for i, v in enumerate(y):
        d = i - c
        num += d * (v - mean)
        den += d * d
    return mean, num / den


def trajectory_features(time: list, sensors: dict) -> list:
    """Feature row (float64, FEATURE_NAMES order) at the last cycle of a trajectory.
    `sensors` maps each of SENSORS to its readings, oldest first, as long as `time`."""
    n = len(time)
    if n < 1:
        raise ValueError("a trajectory needs at least one cycle")
    row = [float(time[-1])]
    m = min(WINDOW, n)
    for s in SENSORS:
        x = sensors[s]
        y = [float(v) for v in x[n - m : n]]
        mean, slope = _window_stats(y)
        row.extend([float(x[-1]), mean, slope])
    return row


def prefix_features(data: Fd001, idx: np.ndarray, upto: int) -> list:
    """Features of the first `upto` cycles (1 <= upto <= len(idx)) of the engine with rows idx."""
    rows = idx[:upto]
    return trajectory_features(
        [int(t) for t in data.time[rows]],
        {s: data.columns[s][rows].tolist() for s in SENSORS},
    )


def engine_features(data: Fd001, idx: np.ndarray) -> np.ndarray:
    """One feature row per cycle of one engine: row k sees cycles 1..k+1 only (no look-ahead)."""
    return np.array([prefix_features(data, idx, k) for k in range(1, len(idx) + 1)], dtype=np.float64)


def feature_spec() -> dict:
    return {
        "input_dtype": "float32",
        "window": WINDOW,
        "rul_cap": RUL_CAP,
        "sensors": SENSORS,
        "dropped_channels": DROPPED_CHANNELS,
        "features": [{"name": "cycle", "formula": "time of the last row"}]
        + [
            feature
            for s in SENSORS
            for feature in (
                {"name": f"{s}_last", "formula": f"{s}[n-1]"},
                {"name": f"{s}_mean", "formula": f"mean of {s} over the last m = min(window, n) rows"},
                {"name": f"{s}_slope", "formula": f"least-squares slope of {s} per row over the last m rows (0 when m = 1)"},
            )
        ],
        "evaluation": "plain left-to-right sums in float64, then rounded to float32",
        "slope_formula": "sum((i - c) * (y[i] - mean)) / sum((i - c)^2), i = 0..m-1, c = (m - 1) / 2",
        "trajectory": "rows oldest first, keyed by the training file's column names; any length >= 1",
    }
