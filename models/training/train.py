"""Train every model, export ONNX, write cards, the registry manifest and the parity fixtures.

`--rul-only` retrains just the C-MAPSS RUL regressor and leaves every other file as it is.

Run through `npm run train` (models/training/train.sh), which pins the environment. Paths are
relative to models/, which is where the TypeScript registry resolves them from.
"""

import json
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
import cmapss_features as cf  # noqa: E402
import failure_features as ff  # noqa: E402
import publish  # noqa: E402
import rul  # noqa: E402
import window_features as wf  # noqa: E402
from classifiers import CV_FOLDS, INPUT_NAME, SEED, TARGET_OPSET, classifier_specs, onnx_probabilities, train_classifier  # noqa: E402

MODELS_DIR = os.path.dirname(HERE)
DATASET = os.path.join(MODELS_DIR, "data", "ai4i2020.csv")
CMAPSS = os.path.join(MODELS_DIR, "data", "cmapss", "train_FD001.txt")
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


def rul_entry(trained, created_at, dataset_sha256, metrics_file) -> dict:
    digest = publish.sha256(trained.onnx_bytes)
    cv = trained.metrics["grouped_cv"]
    return {
        "version": rul.VERSION,
        "stage": "Production",
        "stage_reason": "the only remaining-useful-life model",
        "enabled": True,
        "description": "Gradient-boosted trees (histogram) on per-cycle window features of C-MAPSS FD001 turbofans",
        "artifact": f"artifacts/{rul.NAME}-{rul.VERSION}.onnx",
        "sha256": digest,
        "input": {"name": rul.INPUT_NAME, "shape": [None, len(cf.FEATURE_NAMES)], "dtype": "float32"},
        "outputs": {"rul": rul.OUTPUT_NAME},
        "output_transform": f"rul = clamp(output[:, 0], 0, {cf.RUL_CAP})",
        "feature_spec": cf.feature_spec(),
        # A regressor has no decision threshold (the manifest schema requires null for one): the
        # decision is the caller's, e.g. an asset type's planning horizon against the interval's lower bound.
        "threshold": None,
        "threshold_rule": "none: a regressor has no decision threshold; an asset type's planning horizon, "
        "compared with the interval's lower bound, decides (README, Assets)",
        "interval": trained.conformal,
        "target": f"min(T - t, {cf.RUL_CAP}) cycles: piecewise-linear capped RUL",
        "validation": {
            "protocol": f"{rul.FOLDS}-fold cross-validation grouped by engine; each held-out engine cut at "
            f"L ~ U{{1..T}} (seed {rul.TRUNCATION_SEED}) and scored at cycle L against the capped RUL",
            "fold_seed": rul.SEED,
            "truncation_seed": rul.TRUNCATION_SEED,
        },
        "split": {"dataset": "models/data/cmapss/train_FD001.txt", "sha256": dataset_sha256, "engines": 100},
        "metrics": {
            "grouped_cv": cv,
            "per_fold": [
                {k: f[k] for k in ("fold", "engines", "rmse", "phm08_score", "coverage", "mean_interval_width")}
                for f in trained.metrics["per_fold"]
            ],
            "onnx_vs_sklearn_max_abs_diff": trained.onnx_vs_sklearn_max_abs_diff,
        },
        "metrics_file": metrics_file,
        "training": {
            "estimator": "HistGradientBoostingRegressor",
            "seed": rul.SEED,
            "cv_folds": rul.FOLDS,
            "target_opset": rul.TARGET_OPSET,
            "versions": VERSIONS,
        },
        "card": f"cards/{rul.NAME}-{rul.VERSION}.md",
        "created_at": created_at(rul.NAME, rul.VERSION, digest),
    }


FIXTURE_CUTS = [(1, 1), (2, 2), (3, 29), (4, 30), (5, 31)]


def rul_fixture(data, trained) -> dict:
    """Trajectories cut short (five short-history cases first, then one cross-validation
    truncation per fold) with the features and the committed artifact's predictions. Each
    trajectory row holds the values of `columns` (the training file's, without unit_number)."""
    cuts = list(FIXTURE_CUTS)
    for fold in range(rul.FOLDS):
        first = next(e for e in trained.engines if e["fold"] == fold and e["truncated_at"] <= 200 and e["true_rul"] < 110)
        cuts.append((first["unit"], first["truncated_at"]))
    by_unit = cf.engines(data)
    cuts.append((9, len(by_unit[9])))  # a whole life, cut at failure: true RUL 0
    session = rul.open_session(trained.onnx_bytes)
    names = cf.COLUMNS[1:]
    cases = []
    for unit, length in cuts:
        rows = by_unit[unit][:length]
        trajectory = [[int(data.columns[name][i]) if name == "time" else float(data.columns[name][i]) for name in names] for i in rows]
        features = cf.prefix_features(data, by_unit[unit], length)
        raw = rul.onnx_raw(session, np.array([features], dtype=np.float64).astype(np.float32))
        served = rul.served_rul(raw)
        lower, upper = rul.interval(trained.conformal, served)
        cases.append(
            {
                "unit": unit,
                "cycles": length,
                "true_rul": len(by_unit[unit]) - length,
                "trajectory": trajectory,
                "features": features,
                "onnx_output": float(raw[0]),
                "rul": float(served[0]),
                "lower": float(lower[0]),
                "upper": float(upper[0]),
            }
        )
    return {
        "model": rul.NAME,
        "version": rul.VERSION,
        "generated_by": "models/training/train.py with onnxruntime " + onnxruntime.__version__,
        "tolerance": 1e-4,
        "note": "the artifact is fitted on all 100 engines, these included: this checks parity, not accuracy",
        "level": rul.LEVEL,
        "feature_names": cf.FEATURE_NAMES,
        "columns": names,
        "cases": cases,
    }


def publish_rul(manifest: dict, created_at) -> None:
    data = cf.load_fd001(CMAPSS)
    dataset_sha256 = publish.sha256(open(CMAPSS, "rb").read())
    trained = rul.train_rul(data)
    print(f"{rul.NAME}: grouped CV {trained.metrics['grouped_cv']}")
    metrics_file = f"metrics/{rul.NAME}-{rul.VERSION}.json"
    entry = rul_entry(trained, created_at, dataset_sha256, metrics_file)
    publish.write_bytes(MODELS_DIR, entry["artifact"], trained.onnx_bytes)
    publish.write_json(
        MODELS_DIR,
        metrics_file,
        {
            "model": rul.NAME,
            "version": rul.VERSION,
            "artifact_sha256": entry["sha256"],
            "dataset_sha256": dataset_sha256,
            "validation": entry["validation"],
            **trained.metrics,
            "interval": trained.conformal,
            "held_out_engines": trained.engines,
        },
    )
    card = publish.rul_card({"name": rul.NAME, **entry}, trained, trained.params, VERSIONS)
    publish.write_bytes(MODELS_DIR, entry["card"], card.encode("utf-8"))
    manifest["models"][rul.NAME] = {"task": "rul_regression", "versions": [entry]}
    # Compact: the trajectories are a few thousand numbers.
    fixture = json.dumps(rul_fixture(data, trained), separators=(",", ":")) + "\n"
    publish.write_bytes(MODELS_DIR, "fixtures/rul_reference.json", fixture.encode("utf-8"))


def main() -> None:
    previous = publish.previous_created_at(MODELS_DIR)

    def created_at(name, version, digest):
        return publish.created_at_for(previous, name, version, digest)

    if "--rul-only" in sys.argv[1:]:
        # Retrains the RUL model alone; every other manifest entry and file stays as it is.
        with open(os.path.join(MODELS_DIR, "registry.json"), encoding="utf-8") as handle:
            manifest = json.load(handle)
        publish_rul(manifest, created_at)
        manifest["models"] = dict(sorted(manifest["models"].items()))
        publish.write_json(MODELS_DIR, "registry.json", manifest)
        return

    data = ff.load_dataset(DATASET)
    test = ff.is_test_row(data.udi)
    train = ~test
    dataset_info = {
        "train_rows": int(train.sum()),
        "test_rows": int(test.sum()),
        "sha256": publish.sha256(open(DATASET, "rb").read()),
    }

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
    publish_rul(manifest, created_at)
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
