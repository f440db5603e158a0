"""The web app under concurrent API clients: no errors, and every answer is the library's answer.

CI runs 8 clients × 5 questions; the big run is
    QA_LOAD_CLIENTS=50 QA_LOAD_QUESTIONS=10 ./test.sh tests/test_load.py -s
(or scripts/loadtest.py against an app that is already running).
"""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.loadtest import expected_answers, load_questions, plan, run_load, summarize, table

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-output"
STARTUP_TIMEOUT = 300  # loading the model takes seconds; building a missing default index, minutes
CLIENTS = int(os.environ.get("QA_LOAD_CLIENTS", "8"))
QUESTIONS = int(os.environ.get("QA_LOAD_QUESTIONS", "5"))
# Answers are serialised on the query encoder, so the run takes about clients × questions answers.
RUN_TIMEOUT = 60 + 3 * CLIENTS * QUESTIONS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def app_server(env: dict[str, str | None] | None = None, args: tuple[str, ...] = (), log_name: str = "app-load.log"):
    """app.py in a subprocess on a free port; yields (url, Popen). env values of None unset a variable."""
    OUT.mkdir(exist_ok=True)
    port = free_port()
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "QA_PORT": str(port), "GRADIO_ANALYTICS_ENABLED": "False"}
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
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def app():
    with app_server() as served:
        yield served


def test_concurrent_clients_get_the_library_answer(app):
    url, proc = app
    questions = plan(CLIENTS, QUESTIONS, load_questions())
    expected = expected_answers([q for qs in questions for q in qs])  # in-process, on the same default index
    result = run_load(url, questions, timeout=RUN_TIMEOUT, pid=proc.pid)
    summary = summarize(result, questions, expected)
    print(f"\nload test: {CLIENTS} clients × {QUESTIONS} questions\n{table(summary)}")
    OUT.mkdir(exist_ok=True)
    (OUT / "load.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")

    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["answered"] == CLIENTS * QUESTIONS
    assert summary["mismatches"] == 0, summary["mismatch_samples"]
    # every client really was waiting on the app at once (those beyond the 8 workers in its queue)
    assert summary["peak_in_flight"] == CLIENTS
    assert proc.poll() is None, "the app died under load"
