#!/usr/bin/env bash
# Launch the chat on the built-in corpus: http://127.0.0.1:7860
# First run creates .venv, converts the embedding model and builds the index.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
exec python app.py "$@"
