#!/usr/bin/env bash
# Run the whole test suite (creates .venv on first run; installs Debian's chromium for the browser tests).
set -euo pipefail
cd "$(dirname "$0")"
QA_EXTRAS=test,eval source scripts/bootstrap.sh
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo ">> installing chromium for the browser tests" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >&2
fi
exec python -m pytest "$@"
