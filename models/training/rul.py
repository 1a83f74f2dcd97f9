"""Remaining-useful-life regressor on C-MAPSS FD001: grouped cross-validation by engine, a
split-conformal interval, and the ONNX export.

Validation holds out whole engines only. The 100 engines are dealt into FOLDS folds by a seeded
permutation; a model fitted on the other folds predicts every cycle of the held-out engines (each
prediction sees only the cycles up to it). For the headline figures each held-out engine is cut at
one seeded random cycle L ~ U{1..T} and scored at that last cycle, as the official test set is.

The interval is split-conformal, Mondrian by predicted RUL: the out-of-fold residuals
(true capped RUL - prediction) are grouped by the bin of the prediction, and each bin's
finite-sample (1-a)/2 and (1+a)/2 quantiles become the offsets of the interval. Conformal and not
quantile regression because its coverage on new engines rests only on engines being exchangeable,
and the residuals it calibrates on are exactly those of engines the model did not see; per bin
because the error is small near failure and at the cap and largest in between. The coverage
reported per fold is measured on engines whose residuals did not enter that fold's offsets.
"""

import math
from dataclasses import dataclass

import numpy as np
import onnxruntime as ort
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.ensemble import HistGradientBoostingRegressor

import cmapss_features as cf

NAME = "cmapss_rul_regressor"
VERSION = "1.0.0"
SEED = 42
TRUNCATION_SEED = 2008
FOLDS = 5
LEVEL = 0.9
# Predicted-RUL bin edges of the Mondrian conformal interval (cycles).
BIN_EDGES = [30.0, 60.0, 90.0, 110.0]
TARGET_OPSET = {"": 17, "ai.onnx.ml": 3}
INPUT_NAME = "features"
OUTPUT_NAME = "rul"
PARAMS = {
    "max_iter": 300,
    "learning_rate": 0.05,
    "max_depth": 6,
    "min_samples_leaf": 20,
    "l2_regularization": 0.0,
    # Early stopping would hold out random rows, i.e. cycles of engines it also trains on.
    "early_stopping": False,
    "random_state": SEED,
}


@dataclass
class Dataset:
    X: np.ndarray  # float32 [rows, features], row = one cycle, features see only that prefix
    y: np.ndarray  # capped RUL
    cycles_left: np.ndarray  # uncapped T - t
    unit: np.ndarray
    cycle: np.ndarray
    lengths: dict  # unit -> T


@dataclass
class TrainedRul:
    onnx_bytes: bytes
    conformal: dict
    metrics: dict
    engines: list  # per held-out engine: the truncated evaluation
    params: dict
    onnx_vs_sklearn_max_abs_diff: float


def build_dataset(data: cf.Fd001) -> Dataset:
    X, y, left, unit, cycle, lengths = [], [], [], [], [], {}
    for u, idx in cf.engines(data).items():
        T = len(idx)
        lengths[u] = T
        X.append(cf.engine_features(data, idx))
        remaining = T - np.arange(1, T + 1)
        left.append(remaining)
        y.append(cf.capped_rul(remaining))
        unit.append(np.full(T, u))
        cycle.append(np.arange(1, T + 1))
    return Dataset(
        X=np.vstack(X).astype(np.float32),
        y=np.concatenate(y),
        cycles_left=np.concatenate(left).astype(np.float64),
        unit=np.concatenate(unit),
        cycle=np.concatenate(cycle),
        lengths=lengths,
    )


def fold_of_units(units) -> dict:
    order = np.random.default_rng(SEED).permutation(sorted(units))
    return {int(u): i % FOLDS for i, u in enumerate(order)}


def truncation_points(lengths: dict) -> dict:
    """unit -> L, the number of cycles the held-out engine is cut to (uniform on 1..T)."""
    rng = np.random.default_rng(TRUNCATION_SEED)
    return {u: int(rng.integers(1, lengths[u] + 1)) for u in sorted(lengths)}


def floor_thresholds_to_float32(model: HistGradientBoostingRegressor) -> None:
    """Replaces every split threshold t by the largest float32 <= t. For float32 inputs x,
    x <= t and x <= floor32(t) are the same test, so scikit-learn's predictions do not change;
    ONNX stores thresholds as float32, and rounding t to nearest could move it past an input
    value (measured: up to 1.4 cycles of difference before this)."""
    for predictors in model._predictors:
        for predictor in predictors:
            t = predictor.nodes["num_threshold"]
            t32 = t.astype(np.float32)
            above = t32.astype(np.float64) > t
            t32[above] = np.nextafter(t32[above], np.float32(-np.inf))
            predictor.nodes["num_threshold"] = t32.astype(np.float64)


def fit(X: np.ndarray, y: np.ndarray) -> HistGradientBoostingRegressor:
    model = HistGradientBoostingRegressor(**PARAMS).fit(X, y)
    floor_thresholds_to_float32(model)
    return model


def served_rul(raw: np.ndarray) -> np.ndarray:
    """What inference returns: the model output clipped to [0, RUL_CAP] (the target's range)."""
    return np.clip(raw.astype(np.float64), 0.0, float(cf.RUL_CAP))


def phm08_score(d: np.ndarray) -> float:
    """d = predicted - true; late predictions (d > 0) cost more."""
    return float(np.sum(np.where(d < 0, np.exp(-d / 13.0) - 1.0, np.exp(d / 10.0) - 1.0)))


def rmse(d: np.ndarray) -> float:
    return float(math.sqrt(float(np.mean(d * d))))


def bin_of(prediction: np.ndarray) -> np.ndarray:
    return np.searchsorted(np.array(BIN_EDGES), prediction, side="right")


def conformal_offsets(residuals: np.ndarray, predictions: np.ndarray) -> dict:
    """Per predicted-RUL bin, the finite-sample quantiles of residual = true - predicted:
    lower = the floor((n+1)(1-LEVEL)/2)-th smallest, upper = the ceil((n+1)(1+LEVEL)/2)-th."""
    bins = bin_of(predictions)
    lows = [None] + BIN_EDGES
    highs = BIN_EDGES + [None]
    table = []
    for b in range(len(BIN_EDGES) + 1):
        r = np.sort(residuals[bins == b])
        n = r.size
        if n < 50:
            raise RuntimeError(f"conformal bin {b} has only {n} residuals")
        k_lo = max(1, math.floor((n + 1) * (1 - LEVEL) / 2))
        k_hi = min(n, math.ceil((n + 1) * (1 + LEVEL) / 2))
        table.append(
            {
                "min_prediction": lows[b],
                "max_prediction": highs[b],
                "lower_offset": round(float(r[k_lo - 1]), 6),
                "upper_offset": round(float(r[k_hi - 1]), 6),
                "residuals": int(n),
            }
        )
    return {
        "method": "split-conformal, Mondrian by predicted-RUL bin, equal-tailed",
        "level": LEVEL,
        "bin_rule": "bin b holds predictions p with edges[b-1] <= p < edges[b]",
        "bin_edges": BIN_EDGES,
        "bins": table,
        "interval": "[max(0, rul + lower_offset), rul + upper_offset] with the offsets of rul's bin",
    }


def interval(conformal: dict, predictions: np.ndarray) -> tuple:
    bins = bin_of(predictions)
    lower_off = np.array([conformal["bins"][b]["lower_offset"] for b in bins])
    upper_off = np.array([conformal["bins"][b]["upper_offset"] for b in bins])
    return np.maximum(0.0, predictions + lower_off), predictions + upper_off


def open_session(onnx_bytes: bytes) -> ort.InferenceSession:
    return ort.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])


def onnx_raw(session: ort.InferenceSession, X: np.ndarray) -> np.ndarray:
    (out,) = session.run([OUTPUT_NAME], {INPUT_NAME: X.astype(np.float32)})
    return out[:, 0].astype(np.float64)


def export(model: HistGradientBoostingRegressor) -> bytes:
    return convert_sklearn(
        model,
        name=NAME,  # a fixed graph name instead of skl2onnx's random uuid keeps the bytes reproducible
        initial_types=[(INPUT_NAME, FloatTensorType([None, len(cf.FEATURE_NAMES)]))],
        final_types=[(OUTPUT_NAME, FloatTensorType([None, 1]))],
        target_opset=TARGET_OPSET,
    ).SerializeToString()


def _summary(d: np.ndarray, d_uncapped: np.ndarray, covered: np.ndarray, width: np.ndarray) -> dict:
    return {
        "engines": int(d.size),
        "rmse": round(rmse(d), 4),
        "phm08_score": round(phm08_score(d), 4),
        "phm08_score_per_engine": round(phm08_score(d) / d.size, 4),
        "mae": round(float(np.mean(np.abs(d))), 4),
        "bias": round(float(np.mean(d)), 4),
        "rmse_against_uncapped_rul": round(rmse(d_uncapped), 4),
        "coverage": round(float(np.mean(covered)), 4),
        "mean_interval_width": round(float(np.mean(width)), 4),
    }


def train_rul(data: cf.Fd001) -> TrainedRul:
    ds = build_dataset(data)
    folds = fold_of_units(ds.lengths)
    row_fold = np.array([folds[int(u)] for u in ds.unit])
    cut = truncation_points(ds.lengths)
    is_last = np.array([c == cut[int(u)] for u, c in zip(ds.unit, ds.cycle)])

    oof = np.zeros(ds.y.size)
    for k in range(FOLDS):
        held = row_fold == k
        oof[held] = served_rul(fit(ds.X[~held], ds.y[~held]).predict(ds.X[held]))
    residual = ds.y - oof

    # Coverage of fold k: offsets calibrated on the other folds' residuals only.
    lower = np.zeros(ds.y.size)
    upper = np.zeros(ds.y.size)
    for k in range(FOLDS):
        held = row_fold == k
        table = conformal_offsets(residual[~held], oof[~held])
        lower[held], upper[held] = interval(table, oof[held])
    covered = (ds.y >= lower) & (ds.y <= upper)

    per_fold = []
    for k in range(FOLDS):
        sel = is_last & (row_fold == k)
        all_rows = row_fold == k
        per_fold.append(
            {
                "fold": k,
                "units": sorted(int(u) for u, f in folds.items() if f == k),
                **_summary(oof[sel] - ds.y[sel], oof[sel] - ds.cycles_left[sel], covered[sel], upper[sel] - lower[sel]),
                "all_cycles_rmse": round(rmse(oof[all_rows] - ds.y[all_rows]), 4),
                "all_cycles_coverage": round(float(np.mean(covered[all_rows])), 4),
            }
        )
    sel = is_last
    d = oof[sel] - ds.y[sel]
    near = sel & (ds.y < cf.RUL_CAP)
    metrics = {
        "grouped_cv": {
            **_summary(d, oof[sel] - ds.cycles_left[sel], covered[sel], upper[sel] - lower[sel]),
            "rmse_fold_mean": round(float(np.mean([f["rmse"] for f in per_fold])), 4),
            "rmse_fold_std": round(float(np.std([f["rmse"] for f in per_fold])), 4),
            "rmse_true_rul_below_cap": round(rmse(oof[near] - ds.y[near]), 4),
            "engines_true_rul_below_cap": int(near.sum()),
            "all_cycles_rmse": round(rmse(oof - ds.y), 4),
            "all_cycles_coverage": round(float(np.mean(covered)), 4),
            "all_cycles_rows": int(ds.y.size),
            "interval_level": LEVEL,
        },
        "per_fold": per_fold,
    }
    engines = [
        {
            "unit": int(ds.unit[i]),
            "fold": folds[int(ds.unit[i])],
            "length": int(ds.lengths[int(ds.unit[i])]),
            "truncated_at": int(ds.cycle[i]),
            "true_rul": int(ds.cycles_left[i]),
            "true_rul_capped": float(ds.y[i]),
            "predicted_rul": round(float(oof[i]), 4),
            "lower": round(float(lower[i]), 4),
            "upper": round(float(upper[i]), 4),
        }
        for i in np.flatnonzero(is_last)
    ]

    model = fit(ds.X, ds.y)
    conformal = conformal_offsets(residual, oof)
    onnx_bytes = export(model)
    gap = float(np.max(np.abs(onnx_raw(open_session(onnx_bytes), ds.X) - model.predict(ds.X))))
    if gap > 1e-3:
        raise RuntimeError(f"RUL regressor: ONNX and scikit-learn disagree by {gap}")
    params = {k: v for k, v in model.get_params().items() if isinstance(v, (int, float, str, bool, type(None)))}
    return TrainedRul(
        onnx_bytes=onnx_bytes,
        conformal=conformal,
        metrics=metrics,
        engines=engines,
        params=params,
        onnx_vs_sklearn_max_abs_diff=gap,
    )
