"""`qa bench` on the built-in corpus, against the LangChain tutorial pipeline in the same run.

Everything goes through the product's own API: build_index for the index (from an
empty embedding cache, then from a warm one), Assistant.answer for the answers, and
`python -m qa ask` in a new process for the cold start.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..assistant import Assistant
from ..config import BUILTIN_CORPUS, DEFAULT_QUESTIONS, PROJECT_ROOT, AnswerSettings, BuildSettings, Paths
from ..embedding import EmbeddingCache, Encoder, load_encoder, open_encoder
from ..evaluation.questions import load_questions
from ..index_store import load_index
from ..indexing import build_index
from ..langchain_baseline import LangChainPipeline
from .records import BenchResult, Build, ColdAsk
from .system import MEMORY_FILE_ENV, StageTimer, loadavg, machine, peak_rss_mb, process_rss_mb, sample_questions, stop_process, time_rounds

Log = Callable[[str], None]


def quick_corpus(folder: Path, reports: int = 3) -> Path:
    """The built-in bulletin's cleaned text cut before its report number `reports + 1` (for --quick)."""
    from ..documents import read_document
    from ..sections import split_sections

    doc = read_document(BUILTIN_CORPUS)
    cut = next((s.start for s in split_sections(doc) if s.kind == "report" and s.number == reports + 1), len(doc.text))
    path = folder / "quick-corpus.txt"
    path.write_text(doc.text[:cut] + "\n", encoding="utf-8")
    return path


def _build(files: list[Path], out: Path, paths: Paths, build: BuildSettings, encoder: Encoder) -> Build:
    timer = StageTimer()
    report = build_index(files, out, build=build, paths_config=paths, progress=timer, encoder=encoder)
    texts = report.embedded + report.cached
    return Build(report.seconds, len(report.chunks), texts, report.embedded, timer.seconds("embed", "sentences", "clauses"))


def cold_ask(index_dir: Path, question: str, folder: Path, timeout: float = 600) -> ColdAsk:
    """`python -m qa ask QUESTION --index DIR --json` in a new process: wall time to its
    answer, and its own peak memory (VmHWM), which it writes at exit."""
    report = folder / "cold-ask-memory.json"
    env = dict(os.environ, **{MEMORY_FILE_ENV: str(report)})
    env["PYTHONPATH"] = str(PROJECT_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    cmd = [sys.executable, "-m", "qa", "ask", question, "--index", str(index_dir), "--json"]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=env, cwd=str(folder), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ColdAsk(error=f"stopped after {timeout:.0f} s")
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        return ColdAsk(seconds, error=f"exit {proc.returncode}: {proc.stderr.strip()[-400:]}")
    try:
        answer = json.loads(proc.stdout)
        memory = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return ColdAsk(seconds, error=f"unreadable output: {exc}")
    return ColdAsk(seconds, memory.get("peak_rss_mb"), memory.get("rss_mb"), answer.get("abstained"))


def app_at_rest(index_dir: Path, question: str, folder: Path, timeout: float = 300) -> float | None:
    """The web app's resident memory once it serves and has answered one question through
    its API (None when it did not come up)."""
    import socket

    from gradio_client import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT), QA_PORT=str(port))
    with open(folder / "app.log", "w", encoding="utf-8") as log:
        proc = subprocess.Popen([sys.executable, str(PROJECT_ROOT / "app.py"), "--index", str(index_dir)], env=env, cwd=str(folder),
                                stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        else:
            return None
        Client(f"http://127.0.0.1:{port}", verbose=False).predict(question, [], [], api_name="/ask")
        return process_rss_mb(proc.pid)
    except Exception:  # the app's own failure is reported as a missing figure, with its log beside it
        return None
    finally:
        stop_process(proc)


def run_benchmark(quick: bool = False, sample: int | None = None, rounds: int | None = None, questions_path: Path | None = None,
                  log: Log | None = None, paths: Paths | None = None) -> BenchResult:
    log = log or (lambda msg: None)
    t_start = time.perf_counter()
    load_start = loadavg()
    paths = paths or Paths()
    build = BuildSettings()
    sample = (16 if quick else 24) if sample is None else sample
    rounds = (1 if quick else 3) if rounds is None else rounds
    texts = [q.question for q in sample_questions(load_questions(questions_path or DEFAULT_QUESTIONS), sample)]

    with tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = quick_corpus(tmp) if quick else BUILTIN_CORPUS
        corpus_chars = len(corpus.read_text(encoding="utf-8"))
        # an empty embedding cache of its own; the converted model is the shared one
        cold_paths = Paths(index_dir=tmp / "index", cache_dir=tmp / "cache")

        log("loading the model")
        t = time.perf_counter()
        encoder = load_encoder(build.model, paths)
        model_load_s = time.perf_counter() - t

        log("qa: index from an empty embedding cache")
        qa_cold = _build([corpus], cold_paths.index_dir, cold_paths, build, encoder)
        log("qa with --vectors both: index from an empty embedding cache")
        both_paths = Paths(index_dir=tmp / "index-both", cache_dir=tmp / "cache-both")
        qa_both = _build([corpus], both_paths.index_dir, both_paths, build.with_(vectors="both"), encoder)
        log("LangChain, the same encoder: index from an empty embedding cache")
        lc = LangChainPipeline.from_files([corpus], encoder, EmbeddingCache(tmp / "lc-cache", build.model))
        lc_cold = Build(lc.times.seconds, len(lc.pieces), len(lc.pieces), lc.times.encoded, lc.times.embed_s)
        # what a LangChain user runs: the model through sentence-transformers (HuggingFaceEmbeddings)
        log("LangChain with sentence-transformers: index from an empty embedding cache")
        st = open_encoder(build.model, paths, backend="sentence-transformers")
        lc_st = LangChainPipeline.from_files([corpus], st, EmbeddingCache(tmp / "lc-st-cache", build.model + "#st"))
        lc_st_cold = Build(lc_st.times.seconds, len(lc_st.pieces), len(lc_st.pieces), lc_st.times.encoded, lc_st.times.embed_s)
        log("qa: index from the warm cache")
        qa_warm = _build([corpus], tmp / "index-warm", cold_paths, build, encoder)

        log(f"answer latency: {len(texts)} questions x {rounds} round(s), after warm-up")
        assistant = Assistant(load_index(cold_paths.index_dir), encoder, AnswerSettings())
        qa_answer = time_rounds(assistant.answer, texts, rounds)
        lc_query = time_rounds(lambda q: lc.ask(encoder, q, 5), texts, rounds)
        lc_st_query = time_rounds(lambda q: lc_st.ask(st, q, 5), texts, rounds)

        log("cold start: `qa ask` in a new process")
        cold = cold_ask(cold_paths.index_dir, texts[0], tmp)
        log("the web app at rest: `python app.py --index …`, after it has answered once")
        app_rss = app_at_rest(cold_paths.index_dir, texts[0], tmp)

    return BenchResult(
        machine=machine(load_start),
        corpus=f"{BUILTIN_CORPUS.name} (first 3 reports)" if quick else BUILTIN_CORPUS.name,
        corpus_chars=corpus_chars,
        quick=quick, model=build.model, model_load_s=model_load_s,
        qa_cold=qa_cold, qa_warm=qa_warm, langchain_cold=lc_cold, qa_both_cold=qa_both, langchain_st_cold=lc_st_cold,
        qa_answer=qa_answer, langchain_query=lc_query, cold_ask=cold, langchain_st_query=lc_st_query,
        peak_rss_mb=peak_rss_mb(), total_s=time.perf_counter() - t_start, app_rss_mb=app_rss,
    )
