"""`qa bench`: how fast the assistant indexes and answers, and how the indexes scale.

The built-in benchmark (no option) times, in one run and on the built-in corpus:
indexing from an empty embedding cache (cold) and from a full one (warm), warm
answer latency, a fresh process's time to its first answer, peak memory, and the
encoder's throughput; then the same for a plain LangChain-style pipeline on the
same model (default splitter, flat FAISS, no BM25, no quote extraction).

`--scale N ...` builds N synthetic chunks (texts resampled from the corpus's
sentences, vectors made by perturbing real chunk vectors) and measures the vector
index chosen for that size (`choose_vector_index`) and BM25, each in a fresh
subprocess so that its peak memory is its own.
"""
from __future__ import annotations

import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .chunking import sentence_spans
from .config import BUILTIN_CORPUS, DEFAULT_QUESTIONS, PROJECT_ROOT, Settings
from .index_store import FLAT_MAX, choose_vector_index, describe_index

Log = Callable[[str], None]

VECTOR_NOISE = 0.02  # per-dimension sigma added to real chunk vectors (cosine to the original ~0.92)
QUERY_NOISE = 0.01
MEMORY_LIMIT_GB = 12.0
BM25_PROBE = 100_000  # measured first when a larger size is asked for with nothing to project from


# ---------------------------------------------------------------- small helpers

def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: on Linux a child's
    ru_maxrss starts from its parent's high-water mark at fork and survives exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if len(values) else float("nan")


def machine_info() -> dict:
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    info = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(), "loadavg": load}
    try:
        import psutil

        info["memory_gb"] = round(psutil.virtual_memory().total / 2**30, 1)
    except Exception:  # psutil is optional for this line only
        pass
    return info


class StageTimer:
    """A build_index progress callback that records when each stage starts and ends."""

    def __init__(self):
        self.first: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self.total: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        self.first.setdefault(stage, now)
        self.last[stage] = now
        self.total[stage] = total

    def seconds(self, stage: str) -> float | None:
        if stage not in self.first:
            return None
        return self.last[stage] - self.first[stage]


def sample_questions(questions: list, n: int) -> list:
    """A deterministic sample spread over question types (round-robin in file order)."""
    if n <= 0 or n >= len(questions):
        return list(questions)
    by_type: dict[str, list] = {}
    for q in questions:
        by_type.setdefault(q.type, []).append(q)
    out = []
    while len(out) < n:
        for t in list(by_type):
            if by_type[t] and len(out) < n:
                out.append(by_type[t].pop(0))
    return out


def quick_corpus(folder: Path, reports: int = 3) -> Path:
    """The built-in bulletin cut after its first `reports` reports (for --quick)."""
    from .documents import read_raw

    raw, _ = read_raw(BUILTIN_CORPUS)
    lines = raw.split("\n")
    heading = re.compile(r"^\**\s*(\d{1,2})\s*[.．、]\s*\S")
    seen_body = False
    cut = len(lines)
    count = 0
    for i, line in enumerate(lines):
        if "资料汇编" in line:
            seen_body = True  # the table of contents repeats the headings before this line
        m = heading.match(line.strip())
        if seen_body and m and not re.search(r"-\s*\d+\s*-\s*$", line):
            count += 1
            if count == reports + 1:
                cut = i
                break
    path = folder / "quick-corpus.txt"
    path.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    return path


def temp_settings(tmp: Path, base: Settings) -> Settings:
    """Settings whose embedding cache is empty but whose converted model is shared."""
    from .embedding import resolve_model

    resolve_model(base.model, base)  # convert once into the real cache, if needed
    cache = tmp / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    if base.model_cache_dir.exists() and not (cache / "models").exists():
        os.symlink(base.model_cache_dir.resolve(), cache / "models")
    return base.with_(cache_dir=cache, index_dir=tmp / "index")


# ---------------------------------------------------------------- LangChain-style pipeline

class LangChainPipeline:
    """What a LangChain tutorial builds: default splitter, one vector per chunk, flat IP search."""

    def __init__(self, encoder):
        self.encoder = encoder
        self.texts: list[str] = []
        self.index = None

    def build(self, files: Sequence[Path], batch_size: int = 16) -> dict:
        import faiss

        from .documents import read_raw
        from .evaluation import langchain_split

        t0 = time.perf_counter()
        self.texts = []
        for f in files:
            raw, _ = read_raw(Path(f))
            self.texts += langchain_split(raw)
        t1 = time.perf_counter()
        vectors = self.encoder.encode_passages(self.texts, batch_size=batch_size)
        t2 = time.perf_counter()
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        t3 = time.perf_counter()
        return {"seconds": t3 - t0, "split_seconds": t1 - t0, "embed_seconds": t2 - t1, "chunks": len(self.texts)}

    def answer(self, question: str, k: int = 5) -> list[str]:
        qvec = self.encoder.encode_query(question)
        _, ids = self.index.search(np.asarray(qvec, dtype=np.float32).reshape(1, -1), k)
        return [self.texts[i] for i in ids[0] if i >= 0]


def time_rounds(fn: Callable[[str], object], questions: Sequence[str], rounds: int, warmup: int = 3) -> dict:
    """Warm up, then time fn over the questions `rounds` times; medians of per-round percentiles."""
    for q in questions[:warmup]:
        fn(q)
    per_round = []
    for _ in range(rounds):
        ms = []
        for q in questions:
            t = time.perf_counter()
            fn(q)
            ms.append(1000 * (time.perf_counter() - t))
        per_round.append({"p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "mean_ms": statistics.fmean(ms), "max_ms": max(ms)})
    return {
        "questions": len(questions),
        "rounds": rounds,
        "p50_ms": statistics.median(r["p50_ms"] for r in per_round),
        "p95_ms": statistics.median(r["p95_ms"] for r in per_round),
        "mean_ms": statistics.median(r["mean_ms"] for r in per_round),
        "per_round": per_round,
    }


COLD_START_CODE = r"""
import json, sys, time
t0 = time.perf_counter()
import qa
from qa.assistant import get_assistant
t1 = time.perf_counter()
assistant = get_assistant()
t2 = time.perf_counter()
answer = assistant.answer(sys.argv[1])
t3 = time.perf_counter()
from qa.benchmark import peak_rss_mb
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "answer_s": t3 - t2,
                  "peak_rss_mb": peak_rss_mb(),
                  "abstained": answer.abstained, "answer": answer.text[:160]}, ensure_ascii=False))
"""


def cold_start(settings: Settings, question: str, timeout: float = 600) -> dict:
    """A new Python process: import qa, load model and index, answer one question."""
    env = dict(os.environ)
    env["QA_CACHE_DIR"] = str(settings.cache_dir)
    env["QA_INDEX_DIR"] = str(settings.index_dir)
    env["QA_MODEL"] = settings.model
    env["PYTHONPATH"] = str(PROJECT_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", COLD_START_CODE, question], env=env, cwd=str(PROJECT_ROOT), capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"cold-start process failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    report["seconds"] = seconds
    return report


# ---------------------------------------------------------------- the built-in benchmark

def run_benchmark(quick: bool = False, sample: int | None = None, rounds: int | None = None, questions_path: Path | None = None, log: Log | None = None, settings: Settings | None = None) -> dict:
    from .assistant import Assistant
    from .embedding import open_encoder
    from .evaluation import load_questions
    from .index_store import build_index, load_index

    log = log or (lambda msg: None)
    t_start = time.perf_counter()
    base = settings or Settings()
    sample = (16 if quick else 24) if sample is None else sample
    rounds = (1 if quick else 3) if rounds is None else rounds
    result: dict = {"machine": machine_info(), "quick": quick, "model": base.model}
    questions = sample_questions(load_questions(questions_path or DEFAULT_QUESTIONS), sample)
    texts = [q.question for q in questions]

    with tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp_name:
        tmp = Path(tmp_name)
        s = temp_settings(tmp, base)
        corpus = quick_corpus(tmp) if quick else BUILTIN_CORPUS
        result["corpus"] = {"file": corpus.name if not quick else f"{BUILTIN_CORPUS.name} (first 3 reports)", "chars": len(corpus.read_text(encoding="utf-8"))}

        log("loading the model")
        t = time.perf_counter()
        encoder = open_encoder(s.model, s)
        result["model_load_seconds"] = time.perf_counter() - t

        log("indexing cold (empty embedding cache)")
        timer = StageTimer()
        rss0 = rss_mb()
        cold = build_index([corpus], s.index_dir, s, progress=timer, encoder=encoder)
        chunk_s = timer.seconds("embed")
        sent_s = timer.seconds("sentences")
        n_chunks = len(cold.chunks)
        n_sent = timer.total.get("sentences", 0)
        result["index"] = {
            "chunks": n_chunks,
            "sections": len(cold.sections),
            "sentences_embedded": n_sent,
            "cold_seconds": cold.seconds,
            "cold_embed_chunks_seconds": chunk_s,
            "cold_embed_sentences_seconds": sent_s,
            "rss_growth_mb": rss_mb() - rss0,
        }
        log("indexing warm (embeddings from the cache)")
        warm = build_index([corpus], tmp / "index-warm", s, encoder=encoder)
        result["index"]["warm_seconds"] = warm.seconds
        result["throughput"] = {
            "chunks_per_s": (n_chunks / chunk_s) if chunk_s else None,
            "sentences_per_s": (n_sent / sent_s) if sent_s and n_sent else None,
            "avg_chunk_chars": statistics.fmean(len(c.text) for c in cold.chunks),
        }

        log(f"answer latency: {len(texts)} questions x {rounds} round(s)")
        assistant = Assistant(load_index(s.index_dir, s), encoder, s)
        result["query"] = time_rounds(lambda q: assistant.answer(q), texts, rounds)

        log("LangChain-style pipeline: index and latency")
        lc = LangChainPipeline(encoder)
        lc_build = lc.build([corpus], batch_size=s.batch_size)
        lc_query = time_rounds(lambda q: lc.answer(q), texts, rounds)
        result["langchain"] = {
            "index_seconds": lc_build["seconds"],
            "embed_seconds": lc_build["embed_seconds"],
            "chunks": lc_build["chunks"],
            "avg_chunk_chars": statistics.fmean(len(t) for t in lc.texts) if lc.texts else 0,
            "chunks_per_s": lc_build["chunks"] / lc_build["embed_seconds"] if lc_build["embed_seconds"] else None,
            "p50_ms": lc_query["p50_ms"],
            "p95_ms": lc_query["p95_ms"],
            "query": lc_query,
        }

        log("cold start: a new process to its first answer")
        try:
            result["cold_start"] = cold_start(s, texts[0])
        except (RuntimeError, subprocess.TimeoutExpired, ValueError) as exc:
            result["cold_start"] = {"error": str(exc)}

    result["memory"] = {"this_process_peak_rss_mb": peak_rss_mb(), "cold_start_process_peak_rss_mb": result["cold_start"].get("peak_rss_mb")}
    q, lcr = result["query"], result["langchain"]
    result["ratios"] = {
        "index_cold_vs_langchain": result["index"]["cold_seconds"] / lcr["index_seconds"] if lcr["index_seconds"] else None,
        "query_p50_vs_langchain": q["p50_ms"] / lcr["p50_ms"] if lcr["p50_ms"] else None,
        "query_p95_vs_langchain": q["p95_ms"] / lcr["p95_ms"] if lcr["p95_ms"] else None,
    }
    result["machine"]["loadavg_end"] = machine_info()["loadavg"]
    result["total_seconds"] = time.perf_counter() - t_start
    return result


def _f(v, unit: str = "", digits: int = 1) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return "—"
    return f"{v:,.{digits}f}{unit}"


def bench_rows(r: dict) -> list[tuple[str, str, str, str]]:
    """(measure, qa, LangChain-style, ratio) rows."""
    q, lc, ix, cs, ratio = r["query"], r["langchain"], r["index"], r["cold_start"], r["ratios"]
    rows = [
        ("model load", _f(r["model_load_seconds"], " s"), "(same model)", ""),
        (f"index cold ({ix['chunks']} chunks + {ix['sentences_embedded']} sentences | {lc['chunks']} chunks)", _f(ix["cold_seconds"], " s"), _f(lc["index_seconds"], " s"), _f(ratio["index_cold_vs_langchain"], "x", 2)),
        ("index warm (embedding cache)", _f(ix["warm_seconds"], " s", 2), "—", ""),
        (f"answer latency p50 ({q['questions']} q x {q['rounds']})", _f(q["p50_ms"], " ms"), _f(lc["p50_ms"], " ms"), _f(ratio["query_p50_vs_langchain"], "x", 2)),
        ("answer latency p95", _f(q["p95_ms"], " ms"), _f(lc["p95_ms"], " ms"), _f(ratio["query_p95_vs_langchain"], "x", 2)),
        ("encoder throughput", f"{_f(r['throughput']['chunks_per_s'])} chunks/s ({_f(r['throughput']['avg_chunk_chars'], '', 0)} chars), {_f(r['throughput']['sentences_per_s'])} sentences/s",
         f"{_f(lc['chunks_per_s'])} chunks/s ({_f(lc['avg_chunk_chars'], '', 0)} chars)", ""),
    ]
    if "error" in cs:
        rows.append(("cold start to first answer", "failed: " + cs["error"][:120], "", ""))
    else:
        rows.append(("cold start to first answer", f"{_f(cs['seconds'], ' s')} (import {_f(cs['import_s'], ' s')}, load {_f(cs['load_s'], ' s')}, answer {_f(cs['answer_s'], ' s')})", "", ""))
        rows.append(("peak memory, cold-start process", _f(cs.get("peak_rss_mb"), " MB", 0), "", ""))
    rows.append(("peak memory, this process", _f(r["memory"]["this_process_peak_rss_mb"], " MB", 0), "", ""))
    rows.append(("machine", f"{r['machine']['cpus']} CPUs, load {r['machine']['loadavg']} → {r['machine'].get('loadavg_end')}", "", ""))
    rows.append(("total benchmark time", _f(r["total_seconds"], " s"), "", ""))
    return rows


def print_bench(r: dict, console) -> None:
    from rich.table import Table

    t = Table(title=f"qa bench — {r['corpus']['file']}" + (" (quick)" if r.get("quick") else ""))
    t.add_column("measure")
    t.add_column("qa (hybrid + quotes)", justify="right")
    t.add_column("LangChain-style", justify="right")
    t.add_column("qa / LangChain", justify="right")
    for row in bench_rows(r):
        t.add_row(*row)
    console.print(t)


# ---------------------------------------------------------------- scale: synthetic corpora

def corpus_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text) if b - a >= 4]


def synthetic_vectors(base: np.ndarray, n: int, sigma: float, seed: int, block: int = 100_000) -> np.ndarray:
    """n unit vectors: random real vectors plus Gaussian noise, renormalised."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for s in range(0, n, block):
        b = min(block, n - s)
        v = base[rng.integers(0, len(base), b)] + rng.standard_normal((b, base.shape[1]), dtype=np.float32) * np.float32(sigma)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        out[s : s + b] = v
    return out


def synthetic_texts(sentences: Sequence[str], lengths: Sequence[int], n: int, seed: int) -> list[str]:
    """n texts, each of a real chunk's length, made of real sentences drawn at random."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        want = rng.choice(lengths)
        parts, size = [], 0
        while size < want:
            s = rng.choice(sentences)
            parts.append(s)
            size += len(s)
        out.append("".join(parts))
    return out


def faiss_worker(data: Path, n: int) -> dict:
    """Exact flat index versus the chosen one on n synthetic vectors (run in its own process)."""
    import faiss

    faiss.omp_set_num_threads(os.cpu_count() or 1)
    d = np.load(data)
    base, queries = d["chunks"], d["queries"]
    vectors = synthetic_vectors(base, n, VECTOR_NOISE, seed=n)
    out: dict = {"n": n, "dim": int(vectors.shape[1]), "queries": len(queries), "vectors_mb": vectors.nbytes / 2**20}

    r0 = rss_mb()
    t = time.perf_counter()
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    out["flat"] = {"build_s": time.perf_counter() - t, "memory_mb": rss_mb() - r0}
    out["flat"]["query_p50_ms"] = _single_query_p50(flat, queries)
    _, truth = flat.search(queries, 10)
    del flat

    kinds = ["flat"] if n < FLAT_MAX else ["ivf", "hnsw"]  # the chosen type first, then the alternative
    for kind in kinds:
        r0 = rss_mb()
        t = time.perf_counter()
        index = choose_vector_index(vectors, kind)
        build = time.perf_counter() - t
        mem = rss_mb() - r0
        _, found = index.search(queries, 10)
        recall = float(np.mean([len(set(a[a >= 0].tolist()) & set(b.tolist())) / 10 for a, b in zip(found, truth)]))
        row = {"type": describe_index(index), "build_s": build, "memory_mb": mem, "query_p50_ms": _single_query_p50(index, queries), "recall@10": recall}
        del index
        out["chosen" if kind == kinds[0] else "alternative"] = row
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def _single_query_p50(index, queries: np.ndarray, limit: int = 200) -> float:
    ms = []
    for q in queries[:limit]:
        t = time.perf_counter()
        index.search(q.reshape(1, -1), 10)
        ms.append(1000 * (time.perf_counter() - t))
    return percentile(ms, 50)


def bm25_worker(data: Path, n: int) -> dict:
    """BM25 (qa.keyword_index.KeywordIndex.build) over n synthetic texts, in its own process."""
    from .keyword_index import KeywordIndex

    meta = json.loads(Path(str(data) + ".json").read_text(encoding="utf-8"))
    t = time.perf_counter()
    texts = synthetic_texts(meta["sentences"], meta["lengths"], n, seed=n)
    gen = time.perf_counter() - t
    r0 = rss_mb()
    t = time.perf_counter()
    index = KeywordIndex.build(texts)
    build = time.perf_counter() - t
    mem = rss_mb() - r0
    texts_mb = sum(sys.getsizeof(x) for x in texts) / 2**20
    del texts
    ms = []
    for q in meta["questions"]:
        t = time.perf_counter()
        index.scores(q)
        ms.append(1000 * (time.perf_counter() - t))
    return {"n": n, "generate_s": gen, "build_s": build, "memory_mb": mem, "texts_mb": texts_mb, "query_p50_ms": percentile(ms, 50), "queries": len(ms), "peak_rss_mb": peak_rss_mb()}


def _run_worker(kind: str, data: Path, n: int, timeout: float) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PROJECT_ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "qa.benchmark", kind, str(data), str(n)], env=env, cwd=str(PROJECT_ROOT), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"n": n, "error": f"stopped after {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"n": n, "error": f"exit {proc.returncode}: {proc.stderr.strip()[-600:]}"}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_s"] = time.perf_counter() - t0
    return out


def _prepare_scale_data(folder: Path, settings: Settings, n_queries: int, log: Log) -> tuple[Path, dict]:
    """Real chunk vectors, perturbed real query vectors, sentences and chunk lengths."""
    from .documents import read_document
    from .embedding import EmbeddingCache, open_encoder
    from .evaluation import load_questions
    from .index_store import build_index, index_exists, load_index

    if not index_exists(settings.index_dir):
        log(f"building the built-in index in {settings.index_dir}")
        build_index([BUILTIN_CORPUS], settings.index_dir, settings)
    index = load_index(settings.index_dir, settings)
    chunks = index.vectors.reconstruct_n(0, index.vectors.ntotal)
    questions = [q.question for q in load_questions(DEFAULT_QUESTIONS)]
    # question vectors are kept in the embedding cache under a prefix of their own
    cache = EmbeddingCache(settings.embedding_cache_dir, settings.model)
    keys = ["\x00query\x00" + q for q in questions]
    found, missing = cache.get(keys)
    qvecs = np.zeros((len(questions), chunks.shape[1]), dtype=np.float32)
    for i, v in found.items():
        qvecs[i] = v
    if missing:
        log(f"encoding {len(missing)} questions")
        enc = open_encoder(settings.model, settings)
        for i in missing:
            qvecs[i] = enc.encode_query(questions[i])
        cache.add([keys[i] for i in missing], qvecs[missing])
        cache.save()
    rng = np.random.default_rng(7)
    queries = qvecs[rng.integers(0, len(qvecs), n_queries)] + rng.standard_normal((n_queries, qvecs.shape[1]), dtype=np.float32) * np.float32(QUERY_NOISE)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    data = folder / "scale.npz"
    np.savez(data, chunks=chunks.astype(np.float32), queries=queries.astype(np.float32))
    text = read_document(BUILTIN_CORPUS).text
    meta = {"sentences": corpus_sentences(text), "lengths": [len(c.text) for c in index.chunks], "questions": questions}
    Path(str(data) + ".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return data, {"real_chunks": len(chunks), "sentences": len(meta["sentences"]), "queries": n_queries}


def run_scale(sizes: Sequence[int], settings: Settings | None = None, log: Log | None = None, bm25_budget_s: float = 900, memory_limit_gb: float = MEMORY_LIMIT_GB, worker_timeout_s: float = 3600) -> dict:
    """FAISS and BM25 at each size; BM25 is capped where a linear projection from
    the largest size measured so far exceeds the time budget or ~85% of the memory limit."""
    log = log or (lambda msg: None)
    settings = settings or Settings()
    t_start = time.perf_counter()
    result: dict = {"machine": machine_info(), "vector_noise_sigma": VECTOR_NOISE, "query_noise_sigma": QUERY_NOISE, "sizes": [], "bm25_budget_s": bm25_budget_s, "memory_limit_gb": memory_limit_gb}
    with tempfile.TemporaryDirectory(prefix="qa-scale-") as tmp:
        data, info = _prepare_scale_data(Path(tmp), settings, 200, log)
        result["data"] = info
        measured_bm25: dict | None = None
        for n in sorted(set(int(x) for x in sizes)):
            row: dict = {"n": n}
            # the vectors, plus one index at a time (a copy of them, and HNSW's graph): about 2.3 copies at the peak
            need_gb = n * 384 * 4 * 2.3 / 2**30
            if need_gb > 0.85 * memory_limit_gb:
                row["faiss"] = {"n": n, "error": f"not run: needs about {need_gb:.1f} GB (limit {memory_limit_gb:.0f} GB)"}
            else:
                log(f"{n:,} vectors: exact flat" + (", IVF and HNSW" if n >= FLAT_MAX else ""))
                row["faiss"] = _run_worker("faiss", data, n, worker_timeout_s)
            if measured_bm25 is None and n > BM25_PROBE:
                log(f"{BM25_PROBE:,} texts: BM25 probe, to project time and memory")
                probe = _run_worker("bm25", data, BM25_PROBE, worker_timeout_s)
                row["bm25_probe"] = probe
                if "error" not in probe:
                    measured_bm25 = probe
            run_n, note = n, None
            if measured_bm25 and "error" not in measured_bm25:
                f = n / measured_bm25["n"]
                proj_s = measured_bm25["build_s"] * f
                proj_gb = measured_bm25["peak_rss_mb"] * f / 1024
                row["bm25_projected"] = {"build_s": proj_s, "peak_gb": proj_gb}
                if proj_s > bm25_budget_s or proj_gb > 0.85 * memory_limit_gb:
                    cap_f = min(bm25_budget_s / measured_bm25["build_s"], 0.85 * memory_limit_gb * 1024 / measured_bm25["peak_rss_mb"])
                    run_n = max(measured_bm25["n"], int(measured_bm25["n"] * cap_f) // 10_000 * 10_000)
                    note = (f"capped at {run_n:,}: a linear projection from {measured_bm25['n']:,} documents gives "
                            f"{proj_s:,.0f} s and {proj_gb:.1f} GB peak at {n:,} (budget {bm25_budget_s:.0f} s, {0.85 * memory_limit_gb:.1f} GB)")
            if note and run_n == measured_bm25["n"]:
                row["bm25"] = {**measured_bm25, "capped": True, "note": note + "; not run again"}
            else:
                log(f"{run_n:,} texts: BM25" + (f" ({note})" if note else ""))
                bm = _run_worker("bm25", data, run_n, worker_timeout_s)
                if note:
                    bm.update(capped=True, note=note)
                row["bm25"] = bm
                if "error" not in bm:
                    measured_bm25 = bm
            result["sizes"].append(row)
    result["machine"]["loadavg_end"] = machine_info()["loadavg"]
    result["total_seconds"] = time.perf_counter() - t_start
    return result


def print_scale(r: dict, console) -> None:
    from rich.table import Table

    t = Table(title=f"qa bench --scale (synthetic: real vectors + N(0, {r['vector_noise_sigma']}²) noise; texts resampled from {r['data']['sentences']} real sentences)")
    for col in ("N", "index", "build", "query p50", "memory", "recall@10", "peak RSS"):
        t.add_column(col, justify="right" if col not in ("index",) else "left")
    for row in r["sizes"]:
        fa, bm = row["faiss"], row["bm25"]
        n = f"{row['n']:,}"
        if "error" in fa:
            t.add_row(n, "faiss", "error: " + fa["error"][:80], "", "", "", "")
        else:
            t.add_row(n, "FAISS flat (exact)", _f(fa["flat"]["build_s"], " s", 2), _f(fa["flat"]["query_p50_ms"], " ms", 2), _f(fa["flat"]["memory_mb"], " MB", 0), "1.000", "")
            ch = fa["chosen"]
            t.add_row("", f"FAISS chosen: {ch['type']}", _f(ch["build_s"], " s", 2), _f(ch["query_p50_ms"], " ms", 2), _f(ch["memory_mb"], " MB", 0), f"{ch['recall@10']:.3f}", _f(fa["peak_rss_mb"], " MB", 0))
            if "alternative" in fa:
                al = fa["alternative"]
                t.add_row("", f"FAISS alternative: {al['type']}", _f(al["build_s"], " s", 2), _f(al["query_p50_ms"], " ms", 2), _f(al["memory_mb"], " MB", 0), f"{al['recall@10']:.3f}", "")
        if "error" in bm:
            t.add_row("", "BM25", "error: " + bm["error"][:80], "", "", "", "")
        else:
            label = "BM25" + (f" (capped at {bm['n']:,})" if bm.get("capped") else "")
            t.add_row("", label, _f(bm["build_s"], " s", 1), _f(bm["query_p50_ms"], " ms", 2), _f(bm["memory_mb"], " MB", 0), "", _f(bm["peak_rss_mb"], " MB", 0))
    console.print(t)
    for row in r["sizes"]:
        if row["bm25"].get("note"):
            console.print(f"[yellow]BM25 at {row['n']:,}:[/] {row['bm25']['note']}", highlight=False)


def write_json(result: dict, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=float), encoding="utf-8")
    return path


def _main(argv: list[str]) -> int:
    """Worker entry point: python -m qa.benchmark {faiss|bm25} DATA N"""
    if len(argv) != 3 or argv[0] not in ("faiss", "bm25"):
        print("usage: python -m qa.benchmark {faiss|bm25} DATA.npz N", file=sys.stderr)
        return 2
    kind, data, n = argv[0], Path(argv[1]), int(argv[2])
    out = faiss_worker(data, n) if kind == "faiss" else bm25_worker(data, n)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
