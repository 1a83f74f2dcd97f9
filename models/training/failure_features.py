"""The AI4I dataset and the failure classifier's feature engineering.

The ONNX classifiers take the ENGINEERED feature vector (float32, in FEATURES order); the
TypeScript side (models/failureFeatures.ts) computes the same formulas in the same order.
FEATURE_SPEC is written into the registry manifest so inference never has to guess.
"""

import csv
import math
from dataclasses import dataclass

import numpy as np

# Request names of the raw inputs and the CSV column each one comes from.
RAW_INPUTS = [
    ("Air_temperature_K", "Air temperature [K]", "K"),
    ("Process_temperature_K", "Process temperature [K]", "K"),
    ("Rotational_speed_rpm", "Rotational speed [rpm]", "rpm"),
    ("Torque_Nm", "Torque [Nm]", "Nm"),
    ("Tool_wear_min", "Tool wear [min]", "min"),
]
TYPE_ENCODING = {"L": 0.0, "M": 1.0, "H": 2.0}
# L is the commonest variant (60 % of rows) and the one that fails most often, so assuming it when
# a caller leaves Type out errs on the side of warning.
DEFAULT_TYPE = "L"

# Name and formula of every model input, in tensor order. Formulas are evaluated left to right
# in float64 and the result is rounded to float32 once.
FEATURES = [
    ("Air_temperature_K", "Air_temperature_K"),
    ("Process_temperature_K", "Process_temperature_K"),
    ("Rotational_speed_rpm", "Rotational_speed_rpm"),
    ("Torque_Nm", "Torque_Nm"),
    ("Tool_wear_min", "Tool_wear_min"),
    ("Type_code", "L -> 0, M -> 1, H -> 2"),
    ("Temperature_difference_K", "Process_temperature_K - Air_temperature_K"),
    ("Power_W", "Torque_Nm * Rotational_speed_rpm * 2 * pi / 60"),
    ("Strain_min_Nm", "Tool_wear_min * Torque_Nm"),
]

# Columns that must never reach the model: identifiers and the failure-mode labels (outcomes).
EXCLUDED_COLUMNS = ["UDI", "Product ID", "Machine failure", "TWF", "HDF", "PWF", "OSF", "RNF"]
TARGET = "Machine failure"


def feature_spec() -> dict:
    return {
        "input_dtype": "float32",
        "raw_inputs": [
            {"name": name, "unit": unit, "required": True} for name, _, unit in RAW_INPUTS
        ]
        + [{"name": "Type", "values": list(TYPE_ENCODING), "required": False, "default": DEFAULT_TYPE}],
        "type_encoding": TYPE_ENCODING,
        "features": [{"name": name, "formula": formula} for name, formula in FEATURES],
        "evaluation": "formulas evaluated left to right in float64, then rounded to float32",
        "excluded_columns": EXCLUDED_COLUMNS,
        "target": TARGET,
    }


def engineer_row(raw: dict) -> list[float]:
    """Engineered features of one request-shaped row, in float64 (the caller rounds to float32)."""
    air = float(raw["Air_temperature_K"])
    process = float(raw["Process_temperature_K"])
    speed = float(raw["Rotational_speed_rpm"])
    torque = float(raw["Torque_Nm"])
    wear = float(raw["Tool_wear_min"])
    type_code = TYPE_ENCODING[raw.get("Type", DEFAULT_TYPE)]
    return [
        air,
        process,
        speed,
        torque,
        wear,
        type_code,
        process - air,
        torque * speed * 2 * math.pi / 60,
        wear * torque,
    ]


@dataclass
class Dataset:
    udi: np.ndarray
    raw: list[dict]  # request-shaped rows: only the six allowed inputs
    X: np.ndarray  # float32 engineered features
    y: np.ndarray  # Machine failure, 0/1


def load_dataset(path: str) -> Dataset:
    # utf-8-sig: the file starts with a BOM that would otherwise rename the first column.
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    raw = []
    for row in rows:
        item = {name: float(row[column]) for name, column, _ in RAW_INPUTS}
        item["Type"] = row["Type"]
        raw.append(item)
    X = np.array([engineer_row(item) for item in raw], dtype=np.float64).astype(np.float32)
    y = np.array([int(row[TARGET]) for row in rows], dtype=np.int64)
    udi = np.array([int(row["UDI"]) for row in rows], dtype=np.int64)
    return Dataset(udi=udi, raw=raw, X=X, y=y)


def is_test_row(udi: np.ndarray) -> np.ndarray:
    """The split rule: UDI % 5 == 0 is the test set, never seen by training or threshold choice."""
    return udi % 5 == 0
