"""Fit, calibrate and export the Isolation Forest for univariate sensor streams."""

from dataclasses import dataclass

import numpy as np
import onnxruntime as ort
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.ensemble import IsolationForest

from window_features import FEATURE_NAMES, WINDOW, series_features, synthetic_normal_streams

SEED = 42
HOLDOUT_SEED = 4242
SPIKE_SEED = 424242
TRAIN_STREAMS, HOLDOUT_STREAMS, STREAM_LENGTH = 200, 100, 500
# The score an alarm needs: this quantile of held-out normal points, i.e. about one false alarm
# per 200 normal readings before any combination with the statistical detector.
NORMAL_QUANTILE = 0.995
SPIKE_SIGMAS = 6.0
TARGET_OPSET = {"": 17, "ai.onnx.ml": 3}
INPUT_NAME = "window_features"

NAME = "sensor_anomaly_isolation_forest"
VERSION = "1.0.0"


@dataclass
class TrainedAnomalyModel:
    model: IsolationForest
    onnx_bytes: bytes
    threshold: float
    metrics: dict
    params: dict


def features_of(streams) -> np.ndarray:
    rows = [row for stream in streams for row in series_features(stream)]
    return np.array(rows, dtype=np.float64).astype(np.float32)


def open_session(onnx_bytes: bytes) -> ort.InferenceSession:
    return ort.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])


def anomaly_scores(session: ort.InferenceSession, X: np.ndarray) -> np.ndarray:
    """0..1, higher = more anomalous: 2^(-E[h(x)]/c(n)) of the Isolation Forest paper. The ONNX
    `scores` output is scikit-learn's decision_function = score_samples - offset_, and with
    contamination='auto' offset_ = -0.5, so the paper's score is 0.5 - scores."""
    _, scores = session.run(["label", "scores"], {INPUT_NAME: X.astype(np.float32)})
    return 0.5 - scores[:, 0].astype(np.float64)


def spiked_streams(streams, rng):
    """One spike of SPIKE_SIGMAS window standard deviations per stream, after the warm-up."""
    spiked, positions = [], []
    for stream in streams:
        copy = np.array(stream, dtype=np.float64)
        t = int(rng.integers(WINDOW + 1, len(copy)))
        window = copy[t - WINDOW : t]
        copy[t] += rng.choice([-1.0, 1.0]) * SPIKE_SIGMAS * max(float(window.std()), 1e-9)
        spiked.append(copy)
        positions.append(t - WINDOW)  # index among the scorable points
    return spiked, positions


def train_anomaly_model() -> TrainedAnomalyModel:
    X_train = features_of(synthetic_normal_streams(SEED, TRAIN_STREAMS, STREAM_LENGTH))
    model = IsolationForest(
        n_estimators=100, max_samples=256, contamination="auto", random_state=SEED, n_jobs=1
    ).fit(X_train)
    if model.offset_ != -0.5:
        raise RuntimeError("the 0..1 score mapping assumes contamination='auto' (offset_ = -0.5)")

    onnx_bytes = convert_sklearn(
        model,
        name=NAME,  # a fixed graph name instead of skl2onnx's random uuid keeps the bytes reproducible
        initial_types=[(INPUT_NAME, FloatTensorType([None, len(FEATURE_NAMES)]))],
        target_opset=TARGET_OPSET,
    ).SerializeToString()
    # One session for every check below: creating one costs about a second for this graph.
    session = open_session(onnx_bytes)
    gap = float(np.max(np.abs(anomaly_scores(session, X_train[:2000]) + model.score_samples(X_train[:2000]))))
    if gap > 1e-5:
        raise RuntimeError(f"Isolation Forest: ONNX and scikit-learn disagree by {gap}")

    holdout = synthetic_normal_streams(HOLDOUT_SEED, HOLDOUT_STREAMS, STREAM_LENGTH)
    normal_scores = anomaly_scores(session, features_of(holdout))
    threshold = round(float(np.quantile(normal_scores, NORMAL_QUANTILE)), 4)

    spiked, positions = spiked_streams(holdout, np.random.default_rng(SPIKE_SEED))
    spike_scores = [
        anomaly_scores(session, features_of([stream]))[position]
        for stream, position in zip(spiked, positions)
    ]
    metrics = {
        "holdout_normal_points": int(normal_scores.size),
        "holdout_normal_false_alarm_rate": round(float(np.mean(normal_scores >= threshold)), 6),
        "holdout_normal_score_median": round(float(np.median(normal_scores)), 6),
        f"spike_{int(SPIKE_SIGMAS)}sd_detection_rate": round(float(np.mean(np.array(spike_scores) >= threshold)), 6),
        f"spike_{int(SPIKE_SIGMAS)}sd_score_median": round(float(np.median(spike_scores)), 6),
        "spikes": len(spike_scores),
        "onnx_vs_sklearn_max_abs_diff": gap,
    }
    params = {k: v for k, v in model.get_params().items() if isinstance(v, (int, float, str, bool, type(None)))}
    return TrainedAnomalyModel(model=model, onnx_bytes=onnx_bytes, threshold=threshold, metrics=metrics, params=params)
