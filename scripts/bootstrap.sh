#!/usr/bin/env bash
# Create .venv and install the pinned dependencies, once per change of pyproject.toml.
# Sourced by ./chat.sh and ./test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
VENV="$ROOT/.venv"
STAMP="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
if [ ! -f "$STAMP" ]; then
    echo ">> setting up $VENV (first run only; a few minutes)" >&2
    [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
    # torch first and pinned: an unpinned torch would pull a CUDA build of several GB
    "$VENV/bin/python" -m pip install --quiet "torch==2.13.0" >&2
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]" >&2
    rm -f "$VENV"/.installed-*
    touch "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
