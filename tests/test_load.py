"""The web app under concurrent API clients: no errors, and every answer is the library's answer.

CI runs 8 clients × 5 questions; the big run is
    QA_LOAD_CLIENTS=50 QA_LOAD_QUESTIONS=10 ./test.sh tests/test_load.py -s
(or scripts/loadtest.py against an app that is already running).
"""
from __future__ import annotations

import json
import os

import pytest

from scripts.loadtest import expected_answers, load_questions, plan, run_load, summarize, table

from .apprunner import OUT, app_server

CLIENTS = int(os.environ.get("QA_LOAD_CLIENTS", "8"))
QUESTIONS = int(os.environ.get("QA_LOAD_QUESTIONS", "5"))
# Answers are serialised on the query encoder, so the run takes about clients × questions answers.
RUN_TIMEOUT = 60 + 3 * CLIENTS * QUESTIONS


@pytest.fixture(scope="module")
def app(builtin_index):
    # the built-in corpus, indexed into a temporary folder: the project's own index/ is never built or changed
    with app_server(args=("--index", str(builtin_index))) as (url, proc):
        yield url, proc, builtin_index


def test_concurrent_clients_get_the_library_answer(app):
    url, proc, folder = app
    questions = plan(CLIENTS, QUESTIONS, load_questions())
    expected = expected_answers([q for qs in questions for q in qs], folder)  # in-process, on the same index
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
