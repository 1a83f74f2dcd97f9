#!/usr/bin/env bash
# One command to retrain every model: creates models/.venv, installs the pinned requirements,
# runs train.py. Run from anywhere; `npm run train` calls this.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
models_dir="$(dirname "$here")"
venv="$models_dir/.venv"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
# One thread and a fixed hash seed: the fitted trees and the metrics do not depend on the machine.
PYTHONHASHSEED=0 OMP_NUM_THREADS=1 "$venv/bin/python" -u "$here/train.py" "$@"
