"""Write what the platform reads: .onnx artifacts, model cards, the registry manifest, fixtures."""

import hashlib
import json
import os
from datetime import datetime, timezone


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_bytes(models_dir: str, relative: str, data: bytes) -> None:
    path = os.path.join(models_dir, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def write_json(models_dir: str, relative: str, value) -> None:
    write_bytes(models_dir, relative, (json.dumps(value, indent=2) + "\n").encode("utf-8"))


def previous_created_at(models_dir: str) -> dict:
    """(name, version, sha256) -> created_at of the manifest on disk, so a rerun that reproduces an
    artifact byte for byte leaves the manifest byte for byte unchanged too."""
    path = os.path.join(models_dir, "registry.json")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        manifest = json.load(handle)
    found = {}
    for name, entry in manifest.get("models", {}).items():
        for version in entry.get("versions", []):
            found[(name, version["version"], version["sha256"])] = version["created_at"]
    return found


def created_at_for(previous: dict, name: str, version: str, digest: str) -> str:
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return previous.get((name, version, digest), now)


def _metric_rows(metrics: dict) -> str:
    cm = metrics["confusion_matrix"]
    return "\n".join(
        [
            "| metric | value |",
            "| --- | --- |",
            f"| ROC-AUC | {metrics['roc_auc']:.4f} |",
            f"| PR-AUC (average precision) | {metrics['pr_auc']:.4f} |",
            f"| precision (failure class) | {metrics['precision']:.4f} |",
            f"| recall (failure class) | {metrics['recall']:.4f} |",
            f"| F1 (failure class) | {metrics['f1']:.4f} |",
            f"| rows / failures | {metrics['rows']} / {metrics['positives']} |",
            "",
            "Confusion matrix at the threshold (rows: truth, columns: prediction):",
            "",
            "| | predicted 0 | predicted 1 |",
            "| --- | --- | --- |",
            f"| actual 0 | {cm['tn']} | {cm['fp']} |",
            f"| actual 1 | {cm['fn']} | {cm['tp']} |",
        ]
    )


def classifier_card(entry: dict, params: dict, versions: dict, dataset: dict) -> str:
    spec = entry["feature_spec"]
    features = "\n".join(f"{i}. `{f['name']}` = {f['formula']}" for i, f in enumerate(spec["features"]))
    return f"""# {entry['name']} {entry['version']}

{entry['description']}. Stage at training time: **{entry['stage']}** ({entry['stage_reason']}).

## Data and licence

AI4I 2020 Predictive Maintenance Dataset (`models/data/ai4i2020.csv`, sha256 `{dataset['sha256']}`),
by Stephan Matzka, UCI Machine Learning Repository, DOI 10.24432/C5HS5C; paper: S. Matzka,
"Explainable Artificial Intelligence for Predictive Maintenance Applications", AI4I 2020, IEEE,
pp. 69–74, doi:10.1109/AI4I49448.2020.00023. Licence CC BY 4.0. The data is synthetic, modelled on a
milling machine, not field telemetry.

Target: `Machine failure`. Never used as features: {', '.join(f'`{c}`' for c in spec['excluded_columns'])}
(identifiers, the target and the failure-mode flags, which are outcomes).

## Split

Test set: rows with `UDI % 5 == 0` ({dataset['test_rows']} rows). Training: the other {dataset['train_rows']} rows.
The test set was used for nothing but the figures below: not for fitting, not for the threshold,
not for choosing the stage.

## Features

ONNX input `{entry['input']['name']}`, float32, shape [N, {len(spec['features'])}], in this order
({spec['evaluation']}):

{features}

`Type` is optional in requests; when absent it is `{spec['raw_inputs'][-1]['default']}`.

## Threshold

**{entry['threshold']:.6f}** on the failure probability (`probabilities[:, 1]`); prediction = 1 when
probability ≥ threshold. Chosen as the F1-maximising cut on {entry['training']['cv_folds']}-fold stratified
out-of-fold probabilities of the training rows (seed {entry['training']['seed']}), placed halfway between the chosen
score and the next lower one. Out-of-fold at that threshold: ROC-AUC {entry['metrics']['oof']['roc_auc']:.4f},
F1 {entry['metrics']['oof']['f1']:.4f}.

## Test-set metrics (from the ONNX model's probabilities)

{_metric_rows(entry['metrics']['test'])}

ONNX vs scikit-learn max |Δ probability| on the test set: {entry['metrics']['test']['onnx_vs_sklearn_max_abs_diff']:.2e}.

## Training

Estimator `{entry['training']['estimator']}`, seed {entry['training']['seed']}, parameters:

```json
{json.dumps(params, indent=2, sort_keys=True)}
```

Versions: {', '.join(f'{k} {v}' for k, v in versions.items())}. Exported with skl2onnx without ZipMap
(outputs `label` int64 [N], `probabilities` float32 [N, 2]); opsets {json.dumps(entry['training']['target_opset'])}.

Artifact `{entry['artifact']}`, sha256 `{entry['sha256']}`.
Retrain: `npm run train` (see `models/README.md`).
"""


def anomaly_card(entry: dict, params: dict, versions: dict, generator_doc: str) -> str:
    spec = entry["feature_spec"]
    features = "\n".join(f"{i}. `{f['name']}` = {f['formula']}" for i, f in enumerate(spec["features"]))
    metrics = "\n".join(f"| {k} | {v} |" for k, v in entry["metrics"].items())
    return f"""# {entry['name']} {entry['version']}

{entry['description']}. Stage: **{entry['stage']}**.

## Data

No real data: synthetic normal streams generated with fixed seeds (training seed {entry['training']['seed']},
hold-out seed {entry['training']['holdout_seed']}, spike seed {entry['training']['spike_seed']}).
{generator_doc}

Training: {entry['training']['train_streams']} streams × {entry['training']['stream_length']} readings. Hold-out:
{entry['training']['holdout_streams']} other streams of the same length.

## Features

For each reading x with at least {spec['window']} readings before it, over the window W of those
{spec['window']} previous readings ({spec['window_definition']}); floor = {spec['floor']};
{spec['sums']}; clip = {spec['clip']}, log_clip = {spec['log_clip']}, short_window = {spec['short_window']}:

{features}

ONNX input `{entry['input']['name']}`, float32, shape [N, {len(spec['features'])}]. {spec['warm_up'].capitalize()}.

## Score scale and threshold

Anomaly score = `0.5 - scores` where `scores` is the ONNX output (scikit-learn's `decision_function`);
that is the Isolation Forest paper's 2^(-E[h(x)]/c(256)), in (0, 1], higher = more anomalous.
Threshold **{entry['threshold']}**: the {entry['training']['normal_quantile']} quantile of the scores of hold-out normal readings.

## Hold-out figures

| metric | value |
| --- | --- |
{metrics}

The spike rows inject one spike of {entry['training']['spike_sigmas']} window standard deviations per hold-out stream.

## Training

`IsolationForest`, parameters:

```json
{json.dumps(params, indent=2, sort_keys=True)}
```

Versions: {', '.join(f'{k} {v}' for k, v in versions.items())}.
Artifact `{entry['artifact']}`, sha256 `{entry['sha256']}`.
"""
