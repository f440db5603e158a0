#!/usr/bin/env bash
# Create .venv and install the pinned dependencies, once per change of pyproject.toml.
# Sourced by ./chat.sh (the app's own dependencies only) and ./test.sh (QA_EXTRAS=test,eval).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
VENV="$ROOT/.venv"
EXTRAS="${QA_EXTRAS:-}"
STAMP="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)-${EXTRAS//,/-}"
if [ ! -f "$STAMP" ]; then
    echo ">> setting up $VENV${EXTRAS:+ with [$EXTRAS]} (first run only; a few minutes). Log: $VENV/install.log" >&2
    [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
    pip=("$VENV/bin/python" -m pip install --disable-pip-version-check)
    if ! {
        "${pip[@]}" --upgrade pip &&
        # torch first and pinned: an unpinned torch would pull a CUDA build of several GB
        "${pip[@]}" "torch==2.13.0" &&
        "${pip[@]}" -e "$ROOT${EXTRAS:+[$EXTRAS]}"
    } >"$VENV/install.log" 2>&1; then
        tail -30 "$VENV/install.log" >&2
        echo ">> installing the dependencies failed; the whole log is $VENV/install.log" >&2
        exit 1
    fi
    rm -f "$VENV"/.installed-*
    touch "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
