"""`qa bench --scale N ...`: the answer path and the vector index on synthetic corpora of N chunks.

For each size, two workers run in processes of their own (qa.bench.worker):
`answer` times Assistant.answer over a synthetic index written and loaded like a
real one; `vectors` compares exact search with the index type chosen for that size.
A size whose estimated memory exceeds the limit is not run, and the row says so.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ..assistant import ensure_index
from ..config import DEFAULT_QUESTIONS, PROJECT_ROOT, Paths
from ..embedding import load_encoder
from ..evaluation.questions import load_questions
from ..index_store import load_index
from .records import AnswerFigures, Latency, ScaleResult, ScaleRow, VectorFigures, VectorIndex
from .system import loadavg, machine, sample_questions, total_memory_gb
from .worker import ANSWER_NOISE, VECTOR_NOISE

Log = Callable[[str], None]

QUERY_NOISE = 0.01
N_QUERIES = 200
QUERY_QUESTIONS = 60  # real questions the vector-index queries are made from
MODEL_MB = 1500  # the encoder, torch and the interpreter, in the answer worker


def run_worker(spec: dict, folder: Path, timeout: float) -> tuple[dict | None, str]:
    """(the worker's JSON, "") or (None, why it failed)."""
    path = folder / f"spec-{spec['kind']}-{spec['n']}.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PROJECT_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        proc = subprocess.run([sys.executable, "-m", "qa.bench.worker", str(path)], env=env, cwd=str(folder),
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"{spec['kind']} stopped after {timeout:.0f} s"
    if proc.returncode != 0:
        return None, f"{spec['kind']} exit {proc.returncode}: {proc.stderr.strip()[-600:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1]), ""


def _vector_figures(d: dict) -> VectorFigures:
    alt = d.get("alternative")
    return VectorFigures(VectorIndex(**d["exact"]), VectorIndex(**d["chosen"]), VectorIndex(**alt) if alt else None, d["peak_rss_mb"])


def _answer_figures(d: dict) -> AnswerFigures:
    return AnswerFigures(**{**d, "latency": Latency(**d["latency"])})


def _query_vectors(questions: Sequence[str], model: str, paths: Paths) -> np.ndarray:
    """Real question vectors plus a little noise: N_QUERIES queries for the vector index."""
    encoder = load_encoder(model, paths)
    base = np.stack([encoder.encode_query(q) for q in questions])
    rng = np.random.default_rng(7)
    queries = base[rng.integers(0, len(base), N_QUERIES)] + rng.standard_normal((N_QUERIES, base.shape[1]), dtype=np.float32) * np.float32(QUERY_NOISE)
    return (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)


def run_scale(sizes: Sequence[int], index_dir: Path | str | None = None, paths: Paths | None = None, sample: int = 24,
              rounds: int = 3, log: Log | None = None, memory_limit_gb: float | None = None, timeout_s: float = 3600) -> ScaleResult:
    """One row per size: answer p50/p95 over a synthetic index of that many chunks, and
    the vector-index figures. The real index (the default one when None) is the source."""
    log = log or (lambda msg: None)
    t_start = time.perf_counter()
    load_start = loadavg()
    paths = (paths or Paths()).with_index(index_dir)
    if index_dir is None:
        ensure_index(paths.index_dir, paths)
    real = load_index(paths.index_dir, verify=False)
    dim = real.chunk_vectors.shape[1]
    per_chunk = 1 + (len(real.sentences) + len(real.clauses or ())) / max(1, len(real.chunks))  # vectors per chunk: itself, its sentences and clauses
    limit_gb = memory_limit_gb or min(12.0, 0.5 * (total_memory_gb() or 8.0))
    all_questions = load_questions(DEFAULT_QUESTIONS)
    questions = [q.question for q in sample_questions(all_questions, sample)]
    rows = []
    with tempfile.TemporaryDirectory(prefix="qa-scale-") as tmp_name:
        tmp = Path(tmp_name)
        base = [q.question for q in sample_questions(all_questions, QUERY_QUESTIONS)]
        log(f"encoding {len(base)} questions for the vector-index queries")
        np.save(tmp / "queries.npy", _query_vectors(base, real.build.model, paths))
        for n in sorted({int(x) for x in sizes}):
            spec = {"n": n, "index": str(paths.index_dir), "folder": str(tmp), "questions": questions, "rounds": rounds,
                    "queries": str(tmp / "queries.npy")}
            notes: list[str] = []

            def run(kind: str, need_gb: float, what: str):
                if need_gb > 0.85 * limit_gb:
                    notes.append(f"{kind} not run: needs about {need_gb:.1f} GB (limit {limit_gb:.1f} GB)")
                    return None
                log(f"{n:,} chunks: {what}")
                out, why = run_worker({**spec, "kind": kind}, tmp, timeout_s)
                notes.extend([why] if why else [])
                return out

            # the vectors, one index of them and its serialized copy; for the answer, chunk and sentence
            # vectors, their FAISS copies, the model
            out = run("vectors", n * dim * 4 * 3.3 / 2**30, "vector index (exact and chosen)")
            vectors = _vector_figures(out) if out else None
            out = run("answer", n * per_chunk * dim * 4 * 2.5 / 2**30 + MODEL_MB / 1024,
                      f"synthetic index, answer latency ({len(questions)} questions x {rounds})")
            answer = _answer_figures(out) if out else None
            rows.append(ScaleRow(n, answer, vectors, tuple(notes)))
            shutil.rmtree(tmp / f"index-{n}", ignore_errors=True)  # the next size needs the disk more
    return ScaleResult(machine(load_start), VECTOR_NOISE, ANSWER_NOISE, len(real.chunks), len(questions), tuple(rows),
                       time.perf_counter() - t_start)
