"""Stage 4: build, swap in and load an index.

An index folder holds `current`, a symlink to the latest complete build. A
build is written to a fresh folder beside it and made current with one atomic
rename, so a build that fails or is killed leaves the previous index whole.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import faiss
import numpy as np

from .chunking import chunk_sections, sentence_spans
from .config import Settings
from .documents import DocumentError, read_document
from .embedding import EmbeddingCache, Encoder, embed_texts, embed_with_spans, load_encoder
from .keyword_index import KeywordIndex
from .schema import Chunk, Document, Section
from .sections import split_sections

FORMAT = 2  # 2: sentence vectors
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
SECTIONS = "sections.json"
VECTORS = "vectors.faiss"
BM25_DIR = "bm25"
SENTENCE_SPANS = "sentences.json"
SENTENCE_VECTORS = "sentences.npy"
CURRENT = "current"


class IndexError_(Exception):
    """An index that is missing, damaged or built differently. The message says how to fix it."""


class IndexOutdated(IndexError_):
    """An index written by another version of qa: rebuilding fixes it."""


class BuildError(Exception):
    pass


def rebuild_hint(folder: Path) -> str:
    return f"rebuild it with: qa index [FILES ...] --out {folder}"


# ---------------------------------------------------------------- files

def collect_files(paths: list[Path]) -> list[Path]:
    """Files named directly, and supported files inside named folders, sorted."""
    from .documents import SUPPORTED_SUFFIXES

    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise FileNotFoundError(str(p))
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(p)
    seen, unique = set(), []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


TITLE_CONTEXT = 40  # characters of the section title; keeps a chunk inside the model's 512 tokens


def passage_text(chunk: Chunk) -> str:
    """What the encoder sees for a chunk: its province and section title give
    context that the chunk's own sentences often leave implicit."""
    return f"{chunk.province}｜{chunk.title[:TITLE_CONTEXT]}\n{chunk.text}"


def sentence_text(chunk: Chunk, sentence: str) -> str:
    return f"{chunk.province}｜{sentence}"


# ---------------------------------------------------------------- build

@dataclass
class BuildReport:
    out: Path
    documents: list[Document]
    sections: list[Section]
    chunks: list[Chunk]
    skipped: list[DocumentError]
    embedded: int  # texts (chunks and sentences) that had to be encoded
    cached: int  # texts whose vectors came from the embedding cache
    seconds: float
    manifest: dict = field(default_factory=dict)

    def sections_per_province(self) -> Counter:
        return Counter(s.province for s in self.sections)


Progress = Callable[[str, int, int], None]


def build_index(
    paths: list[Path],
    out: Path,
    settings: Settings,
    strict: bool = False,
    progress: Progress | None = None,
    on_skip: Callable[[DocumentError], None] | None = None,
    encoder: Encoder | None = None,
    late_chunking: bool = False,
) -> BuildReport:
    t0 = time.perf_counter()
    progress = progress or (lambda stage, done, total: None)
    out = Path(out)
    files = collect_files(paths)
    if not files:
        raise BuildError("no .txt, .md or .pdf files to index")
    _check_writable(out)  # before minutes of embedding, not after

    documents, skipped = [], []
    for i, f in enumerate(files):
        progress("read", i, len(files))
        try:
            documents.append(read_document(f))
        except DocumentError as err:
            if strict:
                raise
            skipped.append(err)
            if on_skip:
                on_skip(err)
    progress("read", len(files), len(files))
    if not documents:
        raise BuildError("none of the files could be read")

    sections: list[Section] = []
    chunks: list[Chunk] = []
    per_file = []
    for doc in documents:
        secs = split_sections(doc)
        chs = chunk_sections(doc, secs, settings.chunk_size, settings.chunk_overlap, first_id=len(chunks))
        sections += secs
        chunks += chs
        per_file.append({"name": doc.name, "path": doc.path, "sha256": doc.sha256, "sections": len(secs), "chunks": len(chs)})
    if not chunks:
        raise BuildError("the files hold no text to index")

    # embeddings: from the cache where possible, the encoder only for new text
    cache = EmbeddingCache(settings.embedding_cache_dir, encoder.cache_name if encoder else settings.model)

    def get_encoder() -> Encoder:  # loaded only when some text is not in the cache
        return encoder or load_encoder(settings.model, settings)

    spans = [sentence_spans(c.text) for c in chunks]
    vectors, sentence_vectors, embedded = embed_chunks(chunks, spans, cache, get_encoder, settings.batch_size, progress, late_chunking)
    cache.save()
    dim = vectors.shape[1]

    progress("write", 0, 1)
    try:
        build_dir = Path(tempfile.mkdtemp(prefix=f"build-{time.strftime('%Y%m%d-%H%M%S')}-", dir=out))
    except OSError as exc:
        raise BuildError(f"cannot write the index to {out}: {exc.strerror or exc}") from exc
    try:
        _write_build(build_dir, chunks, sections, vectors, spans, sentence_vectors)
        manifest = {
            "format": FORMAT,
            "model": settings.model,
            "dim": dim,
            "chunk_size": settings.chunk_size,
            "chunk_overlap": settings.chunk_overlap,
            "passage_template": "{province}｜{title[:%d]}\\n{text}" % TITLE_CONTEXT,
            "sentence_template": "{province}｜{sentence}",
            "sentence_vectors": "late chunking" if late_chunking else "separate",
            "keyword_tokenizer": "rjieba.cut_for_search",
            "files": per_file,
            "skipped": [{"path": e.path, "reason": e.reason} for e in skipped],
            "counts": {"documents": len(documents), "sections": len(sections), "chunks": len(chunks)},
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "build_seconds": round(time.perf_counter() - t0, 3),
            "checksums": {name: _sha256(build_dir / name) for name in _checked_files(build_dir)},
        }
        (build_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        _fsync_tree(build_dir)
        _swap_current(out, build_dir)
    except OSError as exc:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise BuildError(f"cannot write the index to {out}: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise
    _remove_old_builds(out)
    progress("write", 1, 1)
    total = len(chunks) + len(sentence_vectors)
    return BuildReport(out, documents, sections, chunks, skipped, embedded, total - embedded, time.perf_counter() - t0, manifest)


def embed_chunks(chunks: list[Chunk], spans: list[list[tuple[int, int]]], cache: EmbeddingCache, encoder, batch_size: int,
                 progress: Progress, late_chunking: bool = False) -> tuple[np.ndarray, np.ndarray, int]:
    """Chunk vectors, sentence vectors (all chunks' sentences in order), and how many texts were encoded.

    Separate: each sentence is encoded again on its own, as sentence_text(). Late chunking:
    a sentence's vector is the mean of its tokens' states in its chunk's own forward pass,
    so the chunks are encoded once and nothing else.
    """
    passages = [passage_text(c) for c in chunks]
    if late_chunking:
        shifted = [[(a + len(p) - len(c.text), b + len(p) - len(c.text)) for a, b in sp] for c, p, sp in zip(chunks, passages, spans)]
        vectors, per_chunk, n = embed_with_spans(passages, shifted, cache, encoder, batch_size, lambda d, t: progress("embed", d, t))
        return vectors, np.vstack([vectors[:0], *per_chunk]), n
    vectors, n = embed_texts(passages, cache, encoder, batch_size, lambda d, t: progress("embed", d, t))
    sentences = [sentence_text(c, c.text[a:b]) for c, sp in zip(chunks, spans) for a, b in sp]
    sentence_vectors, n_s = embed_texts(sentences, cache, encoder, batch_size, lambda d, t: progress("sentences", d, t))
    if not sentences:
        sentence_vectors = np.zeros((0, vectors.shape[1]), dtype=np.float32)
    return vectors, sentence_vectors, n + n_s


def _check_writable(out: Path) -> None:
    # a real write: as root, os.access() says yes even to a read-only folder on a read-only mount
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise BuildError(f"cannot write the index to {out}: {exc.strerror or exc}") from exc


def _write_build(folder: Path, chunks: list[Chunk], sections: list[Section], vectors: np.ndarray, spans: list, sentence_vectors: np.ndarray) -> None:
    with open(folder / CHUNKS, "w", encoding="utf-8") as fh:
        for c in chunks:
            fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    (folder / SECTIONS).write_text(
        json.dumps([s.__dict__ for s in sections], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    faiss.write_index(make_vector_index(vectors), str(folder / VECTORS))
    (folder / SENTENCE_SPANS).write_text(json.dumps(spans), encoding="utf-8")
    with open(folder / SENTENCE_VECTORS, "wb") as fh:
        np.save(fh, sentence_vectors)
    KeywordIndex.build([c.text for c in chunks]).save(folder / BM25_DIR)


def make_vector_index(vectors: np.ndarray) -> faiss.Index:
    """Inner product on normalised vectors (= cosine), of the type chosen by size."""
    return choose_vector_index(vectors)


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


def choose_vector_index(vectors: np.ndarray, kind: str | None = None):
    """A FAISS inner-product index holding `vectors`, of a type fit for their number.

    Below 50k vectors: exact search (IndexFlatIP); a query costs well under 10 ms.
    Above: IVF-Flat (about 4·sqrt(n) lists, nprobe = lists/64, at least 16). `qa bench
    --scale` measured it against HNSW (M=32, efSearch=64) on perturbed real vectors:
    IVF kept recall@10 near 1.0 where HNSW fell to 0.62 at 100k and 0.40 at 1M, and
    IVF builds faster. `kind` ("flat", "ivf", "hnsw") forces a type.
    """
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
        index.train(sample)
        index.nprobe = nprobe
    else:
        raise ValueError(f"unknown vector index kind {kind!r}")
    index.add(vectors)
    return index


def describe_index(index) -> str:
    if isinstance(index, faiss.IndexHNSWFlat):
        return f"HNSWFlat(M={HNSW_M}, efSearch={index.hnsw.efSearch})"
    if isinstance(index, faiss.IndexIVFFlat):
        return f"IVFFlat(nlist={index.nlist}, nprobe={index.nprobe})"
    return type(index).__name__


def _checked_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())


def _swap_current(out: Path, build_dir: Path) -> None:
    link = out / CURRENT
    tmp = out / f".{CURRENT}.{os.getpid()}.tmp"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(build_dir.name, tmp)
    os.replace(tmp, link)  # atomic: readers see the old build or the new one, never neither


def _remove_old_builds(out: Path) -> None:
    try:
        keep = os.readlink(out / CURRENT)
    except OSError:
        return
    for p in out.glob("build-*"):
        if p.name != keep and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


# ---------------------------------------------------------------- load

@dataclass
class LoadedIndex:
    folder: Path
    manifest: dict
    chunks: list[Chunk]
    sections: list[Section]
    vectors: faiss.Index
    keywords: KeywordIndex
    sentence_spans: list[list[tuple[int, int]]]  # per chunk, offsets inside the chunk text
    sentence_vectors: np.ndarray  # one row per sentence, in chunk order

    @property
    def provinces(self) -> list[str]:
        seen: list[str] = []
        for s in self.sections:
            if s.province not in seen:
                seen.append(s.province)
        return seen


def index_exists(folder: Path) -> bool:
    return (Path(folder) / CURRENT / MANIFEST).is_file()


def load_index(folder: Path, settings: Settings | None = None, verify: bool = True) -> LoadedIndex:
    folder = Path(folder)
    build = folder / CURRENT
    if not (build / MANIFEST).is_file():
        raise IndexError_(f"no index in {folder}; {rebuild_hint(folder)}")
    try:
        manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or not isinstance(manifest.get("format"), int):
            raise ValueError("no format number")
    except (OSError, ValueError) as exc:
        raise IndexError_(f"damaged index file {build / MANIFEST} ({exc}); {rebuild_hint(folder)}") from exc
    if manifest["format"] != FORMAT:
        raise IndexOutdated(f"the index in {folder} has format {manifest['format']}, this version of qa reads format {FORMAT}; {rebuild_hint(folder)}")
    if settings is not None and manifest.get("model") != settings.model:
        raise IndexError_(
            f"the index in {folder} was built with model '{manifest.get('model')}', not '{settings.model}'; "
            f"use --model {manifest.get('model')} or rebuild it: qa index --out {folder} --model {settings.model}"
        )
    if verify:
        for name, digest in manifest.get("checksums", {}).items():
            path = build / name
            if not path.is_file() or _sha256(path) != digest:
                raise IndexError_(f"damaged or missing index file {path}; {rebuild_hint(folder)}")
    try:
        chunks = [Chunk(**json.loads(line)) for line in (build / CHUNKS).read_text(encoding="utf-8").splitlines() if line]
        sections = [Section(**s) for s in json.loads((build / SECTIONS).read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError) as exc:
        raise IndexError_(f"damaged index file in {build} ({exc}); {rebuild_hint(folder)}") from exc
    try:
        vectors = faiss.read_index(str(build / VECTORS))
    except RuntimeError as exc:
        raise IndexError_(f"damaged index file {build / VECTORS}; {rebuild_hint(folder)}") from exc
    try:
        keywords = KeywordIndex.load(build / BM25_DIR)
    except (OSError, ValueError, KeyError) as exc:
        raise IndexError_(f"damaged index file in {build / BM25_DIR}; {rebuild_hint(folder)}") from exc
    try:
        spans = [[tuple(x) for x in sp] for sp in json.loads((build / SENTENCE_SPANS).read_text(encoding="utf-8"))]
        sentence_vectors = np.load(build / SENTENCE_VECTORS)
    except (OSError, ValueError, TypeError) as exc:
        raise IndexError_(f"damaged index file in {build} ({exc}); {rebuild_hint(folder)}") from exc
    if (
        vectors.ntotal != len(chunks)
        or len(keywords) != len(chunks)
        or vectors.d != manifest.get("dim")
        or len(spans) != len(chunks)
        or sentence_vectors.shape != (sum(len(sp) for sp in spans), vectors.d)
    ):
        raise IndexError_(f"index files in {build} disagree with each other; {rebuild_hint(folder)}")
    return LoadedIndex(folder, manifest, chunks, sections, vectors, keywords, spans, sentence_vectors)
