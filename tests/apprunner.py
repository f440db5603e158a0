"""Start app.py for the tests that drive it over HTTP or in a browser."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qa.bench.system import stop_process

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-output"
STARTUP_TIMEOUT = 300  # loading the model takes seconds; building a missing default index, minutes
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# In CI a missing browser must fail the run, not skip it.
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                    reason=f"{CHROMIUM} not installed (apt-get install chromium); CI is not set")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def app_server(env: dict[str, str | None] | None = None, args: tuple[str, ...] = (), log_name: str = "app-load.log"):
    """app.py in a subprocess on a free port; yields (url, Popen). env values of None unset a variable.
    Pass args=("--index", folder) to serve a temporary index: an empty or missing folder gets the
    built-in corpus, and the project's own index/ is never written."""
    OUT.mkdir(exist_ok=True)
    port = free_port()
    # analytics asked for by the environment: the app must turn them off itself
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "QA_PORT": str(port), "GRADIO_ANALYTICS_ENABLED": "True"}
    for key in ("QA_AUTH", "QA_HOST", "QA_INDEX_DIR"):
        full_env.pop(key, None)  # only what the caller asks for
    for key, value in (env or {}).items():
        if value is None:
            full_env.pop(key, None)
        else:
            full_env[key] = value
    log_path = OUT / log_name
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port), *args], cwd=ROOT, env=full_env,
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"app.py exited with {proc.returncode}:\n{log_path.read_text(encoding='utf-8')[-3000:]}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        pytest.fail(f"app.py not serving after {STARTUP_TIMEOUT}s; see {log_path}")
                    time.sleep(0.5)
            yield f"http://127.0.0.1:{port}", proc
        finally:
            stop_process(proc)
