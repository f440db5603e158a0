"""FAISS indexes over normalised vectors (inner product = cosine), chosen by size.

Below 50k vectors: exact search (IndexFlatIP); a query costs well under 10 ms.
Above: IVF-Flat (about 4·sqrt(n) lists, nprobe = lists/64, at least 16). `qa bench
--scale` measured it against HNSW (M=32, efSearch=64) on perturbed real vectors:
IVF kept recall@10 at 0.93 (100k) and 0.97 (1M) where HNSW fell to 0.60 and 0.34,
and IVF builds faster.
"""
from __future__ import annotations

import os
from contextlib import contextmanager

import faiss
import numpy as np

FLAT_MAX = 50_000  # below this many vectors exact search is fast enough
HNSW_M = 32
HNSW_EF_SEARCH = 64
HNSW_EF_CONSTRUCTION = 40
IVF_MAX_LISTS = 8192
IVF_TRAIN_PER_LIST = 40  # k-means sample: faiss wants at least 39 points per list


def ivf_params(n: int) -> tuple[int, int]:
    """(nlist, nprobe) for an IVF index over n vectors: about 4·sqrt(n) lists, probing 1/64 of them (at least 16)."""
    nlist = max(16, min(IVF_MAX_LISTS, int(4 * np.sqrt(n))))
    return nlist, min(nlist, max(16, nlist // 64))


def choose_vector_index(vectors: np.ndarray, kind: str | None = None) -> faiss.Index:
    """A FAISS inner-product index holding `vectors`, of a type fit for their number.
    `kind` ("flat", "ivf", "hnsw") forces a type (the bench compares them)."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    n, dim = vectors.shape
    kind = kind or ("flat" if n < FLAT_MAX else "ivf")
    if kind == "flat":
        index = faiss.IndexFlatIP(dim)
    elif kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    elif kind == "ivf":
        nlist, nprobe = ivf_params(n)
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)
        sample = vectors if n <= nlist * IVF_TRAIN_PER_LIST else vectors[np.sort(rng.choice(n, nlist * IVF_TRAIN_PER_LIST, replace=False))]
        with _threads(os.cpu_count() or 1):  # training is a batch job: every core
            index.train(sample)
        index.nprobe = nprobe
    else:
        raise ValueError(f"unknown vector index kind {kind!r}")
    with _threads(os.cpu_count() or 1):
        index.add(vectors)
    return index


@contextmanager
def _threads(n: int):
    faiss.omp_set_num_threads(n)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(1)


def describe_index(index: faiss.Index) -> str:
    if isinstance(index, faiss.IndexHNSWFlat):
        return f"HNSWFlat(M={HNSW_M}, efSearch={index.hnsw.efSearch})"
    if isinstance(index, faiss.IndexIVFFlat):
        return f"IVFFlat(nlist={index.nlist}, nprobe={index.nprobe})"
    return type(index).__name__


# One thread for a single query: on a busy 2-core machine two threads wait on each
# other (20-30 ms instead of 0.3-1.4 ms for exact search over 10k vectors, `qa bench`).
faiss.omp_set_num_threads(1)


def search(index: faiss.Index, query: np.ndarray, n: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(ids, similarities) of the n nearest vectors, best first; only ids where
    `allowed` (a boolean mask over all vectors) is True, when given."""
    n = min(int(n), index.ntotal)
    if n <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
    params = None
    if allowed is not None:
        count = int(np.count_nonzero(allowed))
        if count == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        n = min(n, count)
        # a bitmap costs one pass over the mask; a batch selector hashes every allowed id
        bits = np.packbits(allowed, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bits))
        if isinstance(index, faiss.IndexIVF):
            params = faiss.SearchParametersIVF(sel=selector, nprobe=index.nprobe)
        else:
            params = faiss.SearchParameters(sel=selector)
    sims, found = index.search(q, n, params=params) if params is not None else index.search(q, n)
    keep = found[0] >= 0
    return found[0][keep].astype(np.int64), sims[0][keep].astype(np.float32)
