#!/usr/bin/env bash
# The GPU check on a machine without network, with its own PyTorch: run `make gpu-bundle` where there is network first,
# carry the working tree with .gpu/ to the machine, then: bash tools/gpu-check.sh [--stages ...] [--limit STAGE=SECONDS]
# (PYTHON picks the interpreter, default python3; GPU_BUNDLE the bundle, default .gpu). Results: results/gpu_check/.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-python3}
bundle=${GPU_BUNDLE:-.gpu}
[ -d "$bundle/wheels" ] || { echo "gpu-check: no bundle at $bundle: run make gpu-bundle on a machine with network" >&2; exit 2; }
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
"$py" -m pip install --quiet --no-index --no-deps --no-compile --target "$site" "$bundle"/wheels/*.whl
export PYTHONPATH="$PWD:$site${PYTHONPATH:+:$PYTHONPATH}" TORCH_HOME="$(cd "$bundle" && pwd)/torch"
"$py" -c 'import sys; from ckdsnn.experiments.check import gpu_check_main; sys.exit(gpu_check_main())' \
  --plan "$bundle/plan-paper.json" --data-root "$bundle/cifar10-slice.zip" "$@"
