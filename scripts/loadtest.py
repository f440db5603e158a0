#!/usr/bin/env python
"""Load test of the web app's API: N concurrent gradio_client clients, M questions each.

    python app.py --port 7860 &
    python scripts/loadtest.py --url http://127.0.0.1:7860 --clients 50 --questions 10

Questions come from data/questions.jsonl. Every answer the app returns is compared
with the library's own answer, computed in this process on the same index
(--index, default: the app's default index), on answer text, abstention and each
citation's province/section/quote/start/end. Prints a summary table; exits 1 on
any error or mismatch. The app's peak RSS is sampled when its process is found
(--pid, or the process listening on the URL's port).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "data" / "questions.jsonl"


def load_questions(path: Path = QUESTIONS) -> list[str]:
    return [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def plan(clients: int, per_client: int, pool: list[str]) -> list[list[str]]:
    """Client i asks per_client questions; together they walk the pool in order, wrapping."""
    return [[pool[(i * per_client + j) % len(pool)] for j in range(per_client)] for i in range(clients)]


def answer_key(d: dict) -> tuple:
    """What must match between the app and the library (scores are floats, so left out)."""
    cites = tuple((c["province"], c["section"], c["quote"], c["start"], c["end"]) for c in d["citations"])
    return d["answer"], d["abstained"], cites


def expected_answers(questions, index_dir=None) -> dict[str, tuple]:
    sys.path.insert(0, str(ROOT))
    from qa.assistant import get_assistant

    assistant = get_assistant(index_dir)
    return {q: answer_key(assistant.answer(q).to_dict()) for q in dict.fromkeys(questions)}


class RssSampler:
    """Peak resident memory of a process and its children, sampled in a thread."""

    def __init__(self, pid: int | None, every: float = 0.1):
        self.pid, self.every, self.peak, self.first = pid, every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        p = psutil.Process(self.pid)
        total = p.memory_info().rss
        for child in p.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self):
        import psutil

        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self._sample())
            except psutil.Error:
                return
            self._stop.wait(self.every)

    def __enter__(self):
        if self.pid:
            self.peak = self.first = self._sample()
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)


def listening_pid(url: str) -> int | None:
    """The process listening on the URL's port on this machine (None when not found or not allowed)."""
    import psutil

    port = urlparse(url).port
    try:
        for conn in psutil.net_connections(kind="tcp"):
            if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port and conn.pid:
                return conn.pid
    except psutil.Error:
        pass
    return None


@dataclass
class Request:
    client: int
    question: str
    start: float
    end: float = 0.0
    answer: dict | None = None
    error: str | None = None


@dataclass
class LoadResult:
    requests: list[Request] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # errors outside a request (connecting, timeouts)
    seconds: float = 0.0
    peak_rss: int = 0
    start_rss: int = 0


def run_load(url: str, questions: list[list[str]], timeout: float = 300, auth=None, pid: int | None = None) -> LoadResult:
    """Each list in `questions` is one client, in its own thread, asking its questions in turn.

    All clients connect first and then start together, so the app sees them all at once;
    the whole run is bounded by `timeout` seconds."""
    from gradio_client import Client

    result = LoadResult()
    lock = threading.Lock()
    start_together = threading.Barrier(len(questions))

    def one_client(i: int, mine: list[str]):
        client = None
        try:
            client = Client(url, auth=auth, verbose=False, analytics_enabled=False, download_files=False,
                            httpx_kwargs={"timeout": timeout})
        except Exception as exc:  # noqa: BLE001 - every failure is a test result
            with lock:
                result.errors.append(f"client {i} cannot connect: {exc.__class__.__name__}: {exc}")
        try:
            start_together.wait(timeout)
        except threading.BrokenBarrierError:
            pass
        if client is None:
            return
        for q in mine:
            req = Request(i, q, time.perf_counter())
            try:
                req.answer = client.predict(q, [], api_name="/ask")
            except Exception as exc:  # noqa: BLE001
                req.error = f"{exc.__class__.__name__}: {exc}"
            req.end = time.perf_counter()
            with lock:
                result.requests.append(req)
        client.close()  # stops its heartbeat thread

    threads = [threading.Thread(target=one_client, args=(i, qs), daemon=True) for i, qs in enumerate(questions)]
    t0 = time.perf_counter()
    with RssSampler(pid) as rss:
        for t in threads:
            t.start()
        deadline = t0 + timeout
        for t in threads:
            t.join(max(0.0, deadline - time.perf_counter()))
        result.seconds = time.perf_counter() - t0
    result.peak_rss, result.start_rss = rss.peak, rss.first
    hung = sum(t.is_alive() for t in threads)
    if hung:
        result.errors.append(f"{hung} client(s) still waiting after {timeout:.0f}s")
    return result


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def peak_in_flight(requests: list[Request]) -> int:
    """How many requests were waiting on the app at the same moment, at most."""
    events = sorted([(r.start, 1) for r in requests] + [(r.end, -1) for r in requests], key=lambda e: (e[0], e[1]))
    now = peak = 0
    for _, step in events:
        now += step
        peak = max(peak, now)
    return peak


def summarize(result: LoadResult, questions: list[list[str]], expected: dict[str, tuple]) -> dict:
    done = [r for r in result.requests if r.error is None]
    mismatches = [r for r in done if answer_key(r.answer) != expected[r.question]]
    latencies = [r.end - r.start for r in done]
    planned = sum(len(qs) for qs in questions)
    errors = result.errors + [f"client {r.client}: {r.question}: {r.error}" for r in result.requests if r.error]
    if len(result.requests) < planned and not result.errors:
        errors.append(f"only {len(result.requests)} of {planned} requests finished")
    return {
        "clients": len(questions),
        "questions_per_client": max(map(len, questions)) if questions else 0,
        "requests": planned,
        "answered": len(done),
        "errors": len(errors),
        "mismatches": len(mismatches),
        "p50_s": round(percentile(latencies, 50), 3),
        "p95_s": round(percentile(latencies, 95), 3),
        "max_s": round(max(latencies), 3) if latencies else None,
        "wall_s": round(result.seconds, 2),
        "answers_per_s": round(len(done) / result.seconds, 2) if result.seconds else None,
        "peak_in_flight": peak_in_flight(result.requests),
        "start_rss_mb": round(result.start_rss / 2**20, 1) if result.start_rss else None,
        "peak_rss_mb": round(result.peak_rss / 2**20, 1) if result.peak_rss else None,
        "error_samples": errors[:5],
        "mismatch_samples": [
            {"question": r.question, "got": answer_key(r.answer)[:2], "want": expected[r.question][:2]} for r in mismatches[:3]
        ],
    }


def table(summary: dict) -> str:
    rows = [(k, v) for k, v in summary.items() if not k.endswith("_samples")]
    width = max(len(k) for k, _ in rows)
    lines = [f"{k:<{width}}  {v}" for k, v in rows]
    for key in ("error_samples", "mismatch_samples"):
        lines += [f"{key[:-8]}: {s}" for s in summary[key]]
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default="http://127.0.0.1:7860")
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--questions", type=int, default=10, help="questions per client")
    p.add_argument("--timeout", type=float, default=600, help="seconds for the whole run")
    p.add_argument("--auth", help='"user:password" when the app runs with QA_AUTH')
    p.add_argument("--index", help="index folder the app serves (default: the app's default index)")
    p.add_argument("--pid", type=int, help="the app's process id, for its peak RSS (default: found by port)")
    p.add_argument("--json", type=Path, help="also write the summary here")
    args = p.parse_args(argv)

    questions = plan(args.clients, args.questions, load_questions())
    print(f"computing {len({q for qs in questions for q in qs})} reference answers in-process…", file=sys.stderr, flush=True)
    expected = expected_answers([q for qs in questions for q in qs], args.index)
    print(f"{args.clients} clients × {args.questions} questions against {args.url}…", file=sys.stderr, flush=True)
    auth = tuple(args.auth.split(":", 1)) if args.auth else None
    result = run_load(args.url, questions, args.timeout, auth, args.pid or listening_pid(args.url))
    summary = summarize(result, questions, expected)
    print(table(summary))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if summary["errors"] or summary["mismatches"] or summary["answered"] < summary["requests"] else 0


if __name__ == "__main__":
    sys.exit(main())
