"""`qa bench --scale` workers, each run in a process of its own so that its peak memory is its own.

    python -m qa.bench.worker SPEC.json     prints one JSON object

SPEC: {"kind": "answer" | "vectors", "n": N, "index": REAL_INDEX_DIR, "folder": TMP,
       "questions": [...], "rounds": R, "queries": QUERIES.npy}
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

from .records import AnswerFigures, VectorFigures, VectorIndex
from .synthetic import perturbed
from .system import peak_rss_mb, percentile, time_rounds

VECTOR_NOISE = 0.02  # per dimension: cosine to the original vector about 0.93, enough to make ANN search work
ANSWER_NOISE = 0.01  # per dimension: cosine about 0.98, so that the synthetic corpus still answers


def _query_p50(index, queries: np.ndarray, threads: int, limit: int = 200) -> float:
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(threads)
    try:
        ms = []
        for q in queries[:limit]:
            t = time.perf_counter()
            index.search(q.reshape(1, -1), 10)
            ms.append(1000 * (time.perf_counter() - t))
    finally:
        faiss.omp_set_num_threads(before)
    return percentile(ms, 50)


def vectors_worker(spec: dict) -> VectorFigures:
    """Exact search against the index type chosen for n vectors (and the other approximate type)."""
    import faiss

    from ..index_store import load_index
    from ..vector_index import FLAT_MAX, choose_vector_index, describe_index

    n = int(spec["n"])
    threads = faiss.omp_get_max_threads()  # what the product's searches use
    real = np.asarray(load_index(spec["index"], verify=False).chunk_vectors)
    rows = np.random.default_rng(n).integers(0, len(real), n)
    vectors = perturbed(real, rows, VECTOR_NOISE, seed=n)
    queries = np.load(spec["queries"])

    def measure(kind: str, truth: np.ndarray | None) -> tuple[VectorIndex, np.ndarray]:
        t = time.perf_counter()
        index = choose_vector_index(vectors, kind)
        build = time.perf_counter() - t
        size_mb = len(faiss.serialize_index(index)) / 2**20  # vectors plus lists or graph: what it holds in memory
        _, found = index.search(queries, 10)
        recall = 1.0 if truth is None else float(np.mean([len(set(a[a >= 0].tolist()) & set(b.tolist())) / 10 for a, b in zip(found, truth)]))
        return VectorIndex(describe_index(index), build, _query_p50(index, queries, threads), _query_p50(index, queries, 1),
                           size_mb, recall), found

    exact, truth = measure("flat", None)
    kinds = ["flat"] if n < FLAT_MAX else ["ivf", "hnsw"]  # the chosen type first
    chosen = exact if kinds == ["flat"] else measure(kinds[0], truth)[0]
    alternative = measure(kinds[1], truth)[0] if len(kinds) > 1 else None
    return VectorFigures(exact, chosen, alternative, peak_rss_mb())


def answer_worker(spec: dict) -> AnswerFigures:
    """A synthetic index of n chunks written with write_index, loaded with load_index,
    and Assistant.answer timed over real questions with the real query encoder."""
    import gc

    from ..assistant import Assistant
    from ..config import AnswerSettings, Paths
    from ..embedding import load_encoder
    from ..index_store import load_index, write_index
    from .synthetic import synthetic_index

    n = int(spec["n"])
    folder = Path(spec["folder"]) / f"index-{n}"
    t = time.perf_counter()
    data = synthetic_index(load_index(spec["index"], verify=False), n, ANSWER_NOISE, seed=n)
    make_s = time.perf_counter() - t
    sentences = len(data.sentences)
    t = time.perf_counter()
    build = write_index(folder, data)
    write_s = time.perf_counter() - t
    del data
    gc.collect()
    t = time.perf_counter()
    index = load_index(folder, verify=False)
    load_s = time.perf_counter() - t
    assistant = Assistant(index, load_encoder(index.build.model, Paths()), AnswerSettings())
    questions = list(spec["questions"])
    refused: dict[str, bool] = {}

    def ask(question: str) -> None:
        refused[question] = assistant.answer(question).abstained

    latency = time_rounds(ask, questions, int(spec["rounds"]))
    answered = sum(not r for r in refused.values()) / len(refused)
    index_mb = sum(p.stat().st_size for p in build.rglob("*") if p.is_file()) / 2**20
    return AnswerFigures(latency, answered, sentences, make_s, write_s, load_s, index_mb, peak_rss_mb())


WORKERS = {"answer": answer_worker, "vectors": vectors_worker}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m qa.bench.worker SPEC.json", file=sys.stderr)
        return 2
    spec = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    print(json.dumps(asdict(WORKERS[spec["kind"]](spec))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
