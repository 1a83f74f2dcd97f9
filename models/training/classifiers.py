"""Fit, threshold, evaluate and export the AI4I failure classifiers."""

from dataclasses import dataclass, field

import numpy as np
import onnxruntime as ort
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.base import clone
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import (
    average_precision_score,
    confusion_matrix,
    f1_score,
    precision_recall_curve,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from failure_features import FEATURES

SEED = 42
CV_FOLDS = 5
TARGET_OPSET = {"": 17, "ai.onnx.ml": 3}
INPUT_NAME = "features"


@dataclass
class ClassifierSpec:
    name: str
    version: str
    description: str
    estimator: object


def classifier_specs() -> list[ClassifierSpec]:
    return [
        ClassifierSpec(
            name="ai4i_classifier_randomforest_baseline",
            version="1.0.0",
            description="Random forest on the six process inputs and three engineered physics features",
            estimator=RandomForestClassifier(n_estimators=200, random_state=SEED, n_jobs=1),
        ),
        ClassifierSpec(
            name="ai4i_classifier_gbm",
            version="1.0.0",
            description="Gradient-boosted trees on the same features",
            estimator=GradientBoostingClassifier(
                n_estimators=300, learning_rate=0.05, max_depth=4, subsample=0.8, random_state=SEED
            ),
        ),
    ]


@dataclass
class TrainedClassifier:
    spec: ClassifierSpec
    model: object
    threshold: float
    oof: dict
    test: dict
    onnx_bytes: bytes
    onnx_test_probabilities: np.ndarray
    params: dict = field(default_factory=dict)


def choose_threshold(y: np.ndarray, probabilities: np.ndarray) -> tuple[float, float]:
    """The F1-maximising cut on out-of-fold probabilities, placed halfway between the chosen
    score and the next lower one so float32 rounding in ONNX cannot flip a row sitting on it."""
    precision, recall, thresholds = precision_recall_curve(y, probabilities)
    f1 = 2 * precision[:-1] * recall[:-1] / np.maximum(precision[:-1] + recall[:-1], 1e-12)
    best = int(np.argmax(f1))
    chosen = float(thresholds[best])
    lower = probabilities[probabilities < chosen]
    threshold = (chosen + float(lower.max())) / 2 if lower.size else chosen / 2
    return threshold, float(f1[best])


def binary_metrics(y: np.ndarray, probabilities: np.ndarray, threshold: float) -> dict:
    predicted = (probabilities >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y, predicted, labels=[0, 1]).ravel()
    return {
        "roc_auc": round(float(roc_auc_score(y, probabilities)), 6),
        "pr_auc": round(float(average_precision_score(y, probabilities)), 6),
        "precision": round(float(precision_score(y, predicted, zero_division=0)), 6),
        "recall": round(float(recall_score(y, predicted)), 6),
        "f1": round(float(f1_score(y, predicted)), 6),
        "confusion_matrix": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
        "rows": int(len(y)),
        "positives": int(y.sum()),
    }


def export_onnx(model, name: str) -> bytes:
    onnx_model = convert_sklearn(
        model,
        # skl2onnx names the graph with a random uuid unless told; a fixed name keeps the bytes reproducible.
        name=name,
        initial_types=[(INPUT_NAME, FloatTensorType([None, len(FEATURES)]))],
        options={id(model): {"zipmap": False}},
        target_opset=TARGET_OPSET,
    )
    return onnx_model.SerializeToString()


def onnx_probabilities(onnx_bytes: bytes, X: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    _, probabilities = session.run(["label", "probabilities"], {INPUT_NAME: X.astype(np.float32)})
    return probabilities[:, 1]


def train_classifier(spec: ClassifierSpec, X_train, y_train, X_test, y_test) -> TrainedClassifier:
    folds = StratifiedKFold(n_splits=CV_FOLDS, shuffle=True, random_state=SEED)
    oof_probabilities = cross_val_predict(
        clone(spec.estimator), X_train, y_train, cv=folds, method="predict_proba"
    )[:, 1]
    threshold, _ = choose_threshold(y_train, oof_probabilities)

    model = clone(spec.estimator).fit(X_train, y_train)
    test_probabilities = model.predict_proba(X_test)[:, 1]
    onnx_bytes = export_onnx(model, spec.name)
    onnx_test = onnx_probabilities(onnx_bytes, X_test)
    gap = float(np.max(np.abs(onnx_test - test_probabilities)))
    if gap > 1e-5:
        raise RuntimeError(f"{spec.name}: ONNX and scikit-learn disagree by {gap}")

    # Metrics come from the ONNX probabilities: those are what the platform serves.
    return TrainedClassifier(
        spec=spec,
        model=model,
        threshold=threshold,
        oof=binary_metrics(y_train, oof_probabilities, threshold),
        test={**binary_metrics(y_test, onnx_test.astype(np.float64), threshold), "onnx_vs_sklearn_max_abs_diff": gap},
        onnx_bytes=onnx_bytes,
        onnx_test_probabilities=onnx_test,
        params={k: v for k, v in model.get_params().items() if isinstance(v, (int, float, str, bool, type(None)))},
    )
