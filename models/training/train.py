"""Train every model, export ONNX, write cards, the registry manifest and the parity fixtures.

Run through `npm run train` (models/training/train.sh), which pins the environment. Paths are
relative to models/, which is where the TypeScript registry resolves them from.
"""

import os
import sys

import numpy as np
import onnx
import onnxruntime
import scipy
import skl2onnx
import sklearn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import anomaly  # noqa: E402
import failure_features as ff  # noqa: E402
import publish  # noqa: E402
import window_features as wf  # noqa: E402
from classifiers import CV_FOLDS, INPUT_NAME, SEED, TARGET_OPSET, classifier_specs, onnx_probabilities, train_classifier  # noqa: E402

MODELS_DIR = os.path.dirname(HERE)
DATASET = os.path.join(MODELS_DIR, "data", "ai4i2020.csv")
FIXTURE_ROWS_PER_CLASS = 25

VERSIONS = {
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "scikit-learn": sklearn.__version__,
    "skl2onnx": skl2onnx.__version__,
    "onnx": onnx.__version__,
    "onnxruntime": onnxruntime.__version__,
}


def classifier_entry(trained, stage, stage_reason, created_at, dataset_info) -> dict:
    name, version = trained.spec.name, trained.spec.version
    digest = publish.sha256(trained.onnx_bytes)
    return {
        "version": version,
        "stage": stage,
        "stage_reason": stage_reason,
        "enabled": True,
        "description": trained.spec.description,
        "artifact": f"artifacts/{name}-{version}.onnx",
        "sha256": digest,
        "input": {"name": INPUT_NAME, "shape": [None, len(ff.FEATURES)], "dtype": "float32"},
        "outputs": {"label": "label", "probabilities": "probabilities", "positive_class_index": 1},
        "feature_spec": ff.feature_spec(),
        "threshold": trained.threshold,
        "threshold_rule": f"max F1 on {CV_FOLDS}-fold stratified out-of-fold probabilities of the training rows",
        "split": {"test": "UDI % 5 == 0", **dataset_info},
        "metrics": {"test": trained.test, "oof": trained.oof},
        "training": {
            "estimator": type(trained.model).__name__,
            "seed": SEED,
            "cv_folds": CV_FOLDS,
            "target_opset": TARGET_OPSET,
            "versions": VERSIONS,
        },
        "card": f"cards/{name}-{version}.md",
        "created_at": created_at(name, version, digest),
    }


def anomaly_entry(trained, created_at) -> dict:
    digest = publish.sha256(trained.onnx_bytes)
    return {
        "version": anomaly.VERSION,
        "stage": "Production",
        "stage_reason": "the only anomaly model",
        "enabled": True,
        "description": "Isolation Forest on scale-free window features of one sensor stream",
        "artifact": f"artifacts/{anomaly.NAME}-{anomaly.VERSION}.onnx",
        "sha256": digest,
        "input": {"name": anomaly.INPUT_NAME, "shape": [None, len(wf.FEATURE_NAMES)], "dtype": "float32"},
        "outputs": {"label": "label", "scores": "scores"},
        "score_transform": "anomaly_score = 0.5 - scores (0..1, higher = more anomalous)",
        "feature_spec": wf.feature_spec(),
        "threshold": trained.threshold,
        "threshold_rule": f"{anomaly.NORMAL_QUANTILE} quantile of anomaly scores on hold-out synthetic normal streams",
        "metrics": trained.metrics,
        "training": {
            "estimator": "IsolationForest",
            "seed": anomaly.SEED,
            "holdout_seed": anomaly.HOLDOUT_SEED,
            "spike_seed": anomaly.SPIKE_SEED,
            "train_streams": anomaly.TRAIN_STREAMS,
            "holdout_streams": anomaly.HOLDOUT_STREAMS,
            "stream_length": anomaly.STREAM_LENGTH,
            "normal_quantile": anomaly.NORMAL_QUANTILE,
            "spike_sigmas": anomaly.SPIKE_SIGMAS,
            "generator": wf.GENERATOR_DOC,
            "target_opset": anomaly.TARGET_OPSET,
            "versions": VERSIONS,
        },
        "card": f"cards/{anomaly.NAME}-{anomaly.VERSION}.md",
        "created_at": created_at(anomaly.NAME, anomaly.VERSION, digest),
    }


def fixture_rows(data, test_mask) -> list[int]:
    """Indices of the first FIXTURE_ROWS_PER_CLASS failures and non-failures of the test set."""
    test_indices = np.flatnonzero(test_mask)
    failures = [int(i) for i in test_indices if data.y[i] == 1][:FIXTURE_ROWS_PER_CLASS]
    normal = [int(i) for i in test_indices if data.y[i] == 0][:FIXTURE_ROWS_PER_CLASS]
    return sorted(failures + normal)


def anomaly_fixture(trained) -> dict:
    stream = wf.synthetic_normal_streams(7, 1, 120)[0]
    stream[80] += 8 * float(np.std(stream[60:80]))
    values = [float(v) for v in stream]
    features = wf.series_features(values)
    scores = anomaly.anomaly_scores(anomaly.open_session(trained.onnx_bytes), np.array(features, dtype=np.float64).astype(np.float32))
    return {
        "model": anomaly.NAME,
        "version": anomaly.VERSION,
        "spike_index": 80,
        "values": values,
        "features": features,
        "scores": [float(s) for s in scores],
    }


def main() -> None:
    data = ff.load_dataset(DATASET)
    test = ff.is_test_row(data.udi)
    train = ~test
    dataset_info = {
        "train_rows": int(train.sum()),
        "test_rows": int(test.sum()),
        "sha256": publish.sha256(open(DATASET, "rb").read()),
    }
    previous = publish.previous_created_at(MODELS_DIR)

    def created_at(name, version, digest):
        return publish.created_at_for(previous, name, version, digest)

    trained = []
    for spec in classifier_specs():
        result = train_classifier(spec, data.X[train], data.y[train], data.X[test], data.y[test])
        print(f"{spec.name}: threshold {result.threshold:.4f} test {result.test} oof f1 {result.oof['f1']}")
        trained.append(result)

    # Stage by out-of-fold F1 on the training rows: choosing by test-set score would make the
    # test set part of model selection.
    ranked = sorted(trained, key=lambda t: t.oof["f1"], reverse=True)
    manifest = {"schema_version": 1, "models": {}}
    for rank, result in enumerate(ranked):
        stage = "Production" if rank == 0 else "Staging"
        reason = (
            f"{'highest' if rank == 0 else 'lower'} out-of-fold F1 on the training rows "
            f"({result.oof['f1']:.4f}) among the failure classifiers"
        )
        entry = classifier_entry(result, stage, reason, created_at, dataset_info)
        publish.write_bytes(MODELS_DIR, entry["artifact"], result.onnx_bytes)
        card = publish.classifier_card({"name": result.spec.name, **entry}, result.params, VERSIONS, dataset_info)
        publish.write_bytes(MODELS_DIR, entry["card"], card.encode("utf-8"))
        manifest["models"][result.spec.name] = {"task": "binary_classification", "versions": [entry]}

    detector = anomaly.train_anomaly_model()
    print(f"{anomaly.NAME}: threshold {detector.threshold} {detector.metrics}")
    entry = anomaly_entry(detector, created_at)
    publish.write_bytes(MODELS_DIR, entry["artifact"], detector.onnx_bytes)
    card = publish.anomaly_card({"name": anomaly.NAME, **entry}, detector.params, VERSIONS, wf.GENERATOR_DOC)
    publish.write_bytes(MODELS_DIR, entry["card"], card.encode("utf-8"))
    manifest["models"][anomaly.NAME] = {"task": "anomaly_detection", "versions": [entry]}
    # Keys in a fixed order so the manifest diff shows only real changes.
    manifest["models"] = dict(sorted(manifest["models"].items()))
    publish.write_json(MODELS_DIR, "registry.json", manifest)

    indices = fixture_rows(data, test)
    classifiers = {}
    for result in trained:
        probabilities = onnx_probabilities(result.onnx_bytes, data.X[indices])
        classifiers[result.spec.name] = {
            "version": result.spec.version,
            "threshold": result.threshold,
            "rows": [
                {
                    "udi": int(data.udi[i]),
                    "features": data.raw[i],
                    "machine_failure": int(data.y[i]),
                    "probability": float(p),
                    "prediction": int(p >= result.threshold),
                }
                for i, p in zip(indices, probabilities)
            ],
        }
    publish.write_json(
        MODELS_DIR,
        "fixtures/reference_predictions.json",
        {
            "generated_by": "models/training/train.py with onnxruntime " + onnxruntime.__version__,
            "tolerance": 1e-5,
            "classifiers": classifiers,
            "anomaly": anomaly_fixture(detector),
        },
    )


if __name__ == "__main__":
    main()
