"""Stage 4: write, swap in and load an index folder.

An index folder holds `current`, a symlink to the latest complete build. A build is
written to a fresh folder beside it and made current with one atomic rename, so a
build that fails or is killed leaves the previous index whole, and a process that
is reading the old build keeps reading it.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import faiss
import numpy as np

from .config import BuildSettings
from .keyword_index import KeywordIndex, TermIndex
from .schema import FRONT_PROVINCE, Chunk, Document, Evidence, MeetingRecord, Section
from .vector_index import choose_vector_index

FORMAT = 5  # 3: documents, sentence table and term matrices, meetings; 4: documents re-read (a subtitle that quotes the paragraph under it stays apart); 5: clause vectors
MANIFEST = "manifest.json"
DOCUMENTS = "documents.jsonl"
SECTIONS = "sections.jsonl"
CHUNKS = "chunks.jsonl"
CHUNK_VECTORS = "chunk_vectors.npy"
CHUNK_SEARCH = "chunks.faiss"
SENTENCES = "sentences.npz"
SENTENCE_VECTORS = "sentence_vectors.npy"
SENTENCE_SEARCH = "sentences.faiss"
CLAUSES = "clauses.npz"
CLAUSE_VECTORS = "clause_vectors.npy"
CLAUSE_SEARCH = "clauses.faiss"
BM25_DIR = "bm25"
TERMS_DIR = "terms"
MEETINGS = "meetings.json"
CURRENT = "current"


class IndexError_(Exception):
    """An index that is missing, damaged or built differently. The message says how to fix it."""


class IndexOutdated(IndexError_):
    """An index written by another version of qa: rebuilding fixes it."""


def rebuild_hint(folder: Path) -> str:
    return f"rebuild it with: qa index [FILES ...] --out {folder}"


def rows_of(offsets: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows of these owners, in order, and where each owner's run starts and ends
    (owner j's rows are rows[bounds[j]:bounds[j+1]])."""
    first, counts = offsets[owners], (offsets[owners + 1] - offsets[owners]).astype(np.int64)
    bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return np.repeat(first - bounds[:-1], counts) + np.arange(bounds[-1]), bounds


class _Grouped:
    """Spans grouped by owner: owner i's rows are offsets[i]:offsets[i+1] (the first field)."""

    starts: np.ndarray
    ends: np.ndarray

    @classmethod
    def from_spans(cls, spans: list[list[tuple[int, int]]]):
        counts = np.array([len(s) for s in spans], dtype=np.int64)
        flat = [p for s in spans for p in s]
        return cls(np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
                   np.array([a for a, _ in flat], dtype=np.int32), np.array([b for _, b in flat], dtype=np.int32))

    def __len__(self) -> int:
        return len(self.starts)

    @staticmethod
    def _owners(offsets: np.ndarray) -> np.ndarray:
        return np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))


@dataclass(frozen=True)
class SentenceTable(_Grouped):
    """The sentences of every chunk: rows chunk_offsets[i]:chunk_offsets[i+1] are chunk i's,
    starts/ends are offsets inside that chunk's text."""

    chunk_offsets: np.ndarray
    starts: np.ndarray
    ends: np.ndarray

    def rows(self, chunk_id: int) -> range:
        return range(int(self.chunk_offsets[chunk_id]), int(self.chunk_offsets[chunk_id + 1]))

    def chunk_of(self) -> np.ndarray:
        """The chunk id of every sentence row."""
        return self._owners(self.chunk_offsets)


@dataclass(frozen=True)
class ClauseTable(_Grouped):
    """The clauses of every sentence (chunking.clause_spans): rows
    sentence_offsets[r]:sentence_offsets[r+1] are sentence r's, starts/ends are offsets
    inside its chunk's text."""

    sentence_offsets: np.ndarray
    starts: np.ndarray
    ends: np.ndarray

    @classmethod
    def empty(cls, sentences: int) -> ClauseTable:
        return cls.from_spans([[] for _ in range(sentences)])

    def sentence_of(self) -> np.ndarray:
        """The sentence row of every clause."""
        return self._owners(self.sentence_offsets)


@dataclass
class IndexData:
    """Everything an index holds; what a build writes and a load returns."""

    build: BuildSettings
    documents: list[Document]
    sections: list[Section]
    chunks: list[Chunk]
    chunk_vectors: np.ndarray
    sentences: SentenceTable
    sentence_vectors: np.ndarray
    keywords: KeywordIndex
    terms: TermIndex
    meetings: list[MeetingRecord]
    chunk_search: faiss.Index | None = None  # made from chunk_vectors when written
    sentence_search: faiss.Index | None = None
    clauses: ClauseTable | None = None  # None: the sentences are read whole
    clause_vectors: np.ndarray | None = None
    clause_search: faiss.Index | None = None
    folder: Path | None = None
    manifest: dict | None = None

    @property
    def provinces(self) -> list[str]:
        """Provinces with a section, in order of first appearance (总述 included)."""
        return list(dict.fromkeys(s.province for s in self.sections))

    @property
    def report_provinces(self) -> list[str]:
        return [p for p in self.provinces if p != FRONT_PROVINCE]


LoadedIndex = IndexData


# ---------------------------------------------------------------- write

def write_index(out: Path, data: IndexData, extra_manifest: dict | None = None) -> Path:
    """Write `data` as a new build in `out` and make it current. Returns the build folder."""
    out = Path(out)
    check_writable(out)
    try:
        build_dir = Path(tempfile.mkdtemp(prefix=f"build-{time.strftime('%Y%m%d-%H%M%S')}-", dir=out))
    except OSError as exc:
        raise OSError(f"cannot write the index to {out}: {exc.strerror or exc}") from exc
    try:
        _write_files(build_dir, data)
        manifest = {
            "format": FORMAT,
            **data.build.to_manifest(),
            "dim": int(data.chunk_vectors.shape[1]),
            "documents": [d.to_dict(with_text=False) for d in data.documents],
            "counts": {"documents": len(data.documents), "sections": len(data.sections), "chunks": len(data.chunks), "sentences": len(data.sentences),
                       "clauses": len(data.clauses or ()), "prior_passages": data.terms.prior.passages if data.terms.prior else 0},
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            **(extra_manifest or {}),
            "checksums": {name: file_sha256(build_dir / name) for name in _checked_files(build_dir)},
        }
        (build_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        _fsync_tree(build_dir)
        _swap_current(out, build_dir)
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise
    _remove_old_builds(out)
    return build_dir


def _write_files(folder: Path, data: IndexData) -> None:
    _write_jsonl(folder / DOCUMENTS, (d.to_dict() for d in data.documents))
    _write_jsonl(folder / SECTIONS, (asdict(s) for s in data.sections))
    _write_jsonl(folder / CHUNKS, (c.to_dict() for c in data.chunks))
    _save_npy(folder / CHUNK_VECTORS, data.chunk_vectors)
    faiss.write_index(data.chunk_search or choose_vector_index(data.chunk_vectors), str(folder / CHUNK_SEARCH))
    s = data.sentences
    np.savez(folder / SENTENCES, chunk_offsets=s.chunk_offsets, starts=s.starts, ends=s.ends)
    _save_npy(folder / SENTENCE_VECTORS, data.sentence_vectors)
    if len(data.sentence_vectors):
        faiss.write_index(data.sentence_search or choose_vector_index(data.sentence_vectors), str(folder / SENTENCE_SEARCH))
    c = data.clauses or ClauseTable.empty(len(s))
    np.savez(folder / CLAUSES, sentence_offsets=c.sentence_offsets, starts=c.starts, ends=c.ends)
    _save_npy(folder / CLAUSE_VECTORS, data.clause_vectors if data.clause_vectors is not None else np.zeros((0, data.sentence_vectors.shape[1])))
    if len(c):
        faiss.write_index(data.clause_search or choose_vector_index(data.clause_vectors), str(folder / CLAUSE_SEARCH))
    data.keywords.save(folder / BM25_DIR)
    data.terms.save(folder / TERMS_DIR)
    (folder / MEETINGS).write_text(json.dumps([m.to_dict() for m in data.meetings], ensure_ascii=False, indent=1), encoding="utf-8")


def _write_jsonl(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _save_npy(path: Path, array: np.ndarray) -> None:
    with open(path, "wb") as fh:
        np.save(fh, np.ascontiguousarray(array, dtype=np.float32))


def check_writable(out: Path) -> None:
    """A real write: as root, os.access() says yes even to a read-only folder on a read-only mount."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise OSError(f"cannot write the index to {out}: {exc.strerror or exc}") from exc


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


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
    # a process still reading an old build keeps its open files; new loads see `current`
    try:
        keep = os.readlink(out / CURRENT)
    except OSError:
        return
    for p in out.glob("build-*"):
        if p.name != keep and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


# ---------------------------------------------------------------- load

def index_exists(folder: Path) -> bool:
    return (Path(folder) / CURRENT / MANIFEST).is_file()


def read_manifest(folder: Path) -> dict:
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
    return manifest


def load_index(folder: Path, verify: bool = True) -> IndexData:
    """Load the current build of an index folder, with the build settings it was made with.

    Raises IndexError_ (IndexOutdated for an older format) with a message that says
    how to fix it. `verify` checks every file against the manifest's checksums."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    build = (folder / CURRENT).resolve()
    if verify:
        for name, digest in manifest.get("checksums", {}).items():
            path = build / name
            if not path.is_file() or file_sha256(path) != digest:
                raise IndexError_(f"damaged or missing index file {path}; {rebuild_hint(folder)}")
    try:
        documents = [Document(**_tuples(d, ("page_starts", "warnings"))) for d in _read_jsonl(build / DOCUMENTS)]
        sections = [Section(**_tuples(s, ("warnings",))) for s in _read_jsonl(build / SECTIONS)]
        chunks = [Chunk(**_tuples(c, ("page_starts",))) for c in _read_jsonl(build / CHUNKS)]
        meetings = [_meeting(m) for m in json.loads((build / MEETINGS).read_text(encoding="utf-8"))]
        chunk_vectors = np.load(build / CHUNK_VECTORS, mmap_mode="r")
        table = np.load(build / SENTENCES)
        sentences = SentenceTable(table["chunk_offsets"], table["starts"], table["ends"])
        sentence_vectors = np.load(build / SENTENCE_VECTORS, mmap_mode="r")
        table = np.load(build / CLAUSES)
        clauses = ClauseTable(table["sentence_offsets"], table["starts"], table["ends"])
        clause_vectors = np.load(build / CLAUSE_VECTORS, mmap_mode="r")
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise IndexError_(f"damaged index file in {build} ({exc}); {rebuild_hint(folder)}") from exc
    try:
        chunk_search = faiss.read_index(str(build / CHUNK_SEARCH))
        sentence_search = faiss.read_index(str(build / SENTENCE_SEARCH)) if len(sentence_vectors) else None
        clause_search = faiss.read_index(str(build / CLAUSE_SEARCH)) if len(clause_vectors) else None
    except RuntimeError as exc:
        raise IndexError_(f"damaged index file in {build} (vector index); {rebuild_hint(folder)}") from exc
    try:
        keywords = KeywordIndex.load(build / BM25_DIR)
        terms = TermIndex.load(build / TERMS_DIR)
    except (OSError, ValueError, KeyError) as exc:
        raise IndexError_(f"damaged index file in {build / BM25_DIR} or {build / TERMS_DIR}; {rebuild_hint(folder)}") from exc
    n = len(chunks)
    if (
        chunk_search.ntotal != n
        or chunk_vectors.shape != (n, manifest.get("dim"))
        or len(keywords) != n
        or len(sentences.chunk_offsets) != n + 1
        or sentence_vectors.shape[0] != len(sentences)
        or terms.chunks.shape[0] != n
        or terms.sentences.shape[0] != len(sentences)
        or len(clauses.sentence_offsets) != len(sentences) + 1
        or clause_vectors.shape[0] != len(clauses)
    ):
        raise IndexError_(f"index files in {build} disagree with each other; {rebuild_hint(folder)}")
    return IndexData(
        BuildSettings.from_manifest(manifest), documents, sections, chunks, chunk_vectors, sentences,
        sentence_vectors, keywords, terms, meetings, chunk_search, sentence_search, clauses if len(clauses) else None,
        clause_vectors if len(clauses) else None, clause_search, folder, manifest,
    )


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _tuples(d: dict, names: tuple[str, ...]) -> dict:
    """JSON gives lists where the records hold tuples (of pairs)."""
    for name in names:
        if name in d and isinstance(d[name], list):
            d[name] = tuple(tuple(x) if isinstance(x, list) else x for x in d[name])
    return d


def _meeting(d: dict) -> MeetingRecord:
    d["speakers"] = tuple(d.get("speakers", ()))
    d["evidence"] = {k: Evidence(**v) for k, v in d.get("evidence", {}).items()}
    return MeetingRecord(**d)
