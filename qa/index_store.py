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
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import faiss
import numpy as np

from .chunking import chunk_sections
from .config import Settings
from .documents import DocumentError, read_document
from .embedding import EmbeddingCache, Encoder
from .keyword_index import KeywordIndex
from .schema import Chunk, Document, Section
from .sections import split_sections

FORMAT = 1
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
SECTIONS = "sections.json"
VECTORS = "vectors.faiss"
BM25_DIR = "bm25"
CURRENT = "current"


class IndexError_(Exception):
    """An index that is missing, damaged or built differently. The message says how to fix it."""


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


def passage_text(chunk: Chunk) -> str:
    """What the encoder sees for a chunk: its province and section title give
    context that the chunk's own sentences often leave implicit."""
    return f"{chunk.province}｜{chunk.title}\n{chunk.text}"


# ---------------------------------------------------------------- build

@dataclass
class BuildReport:
    out: Path
    documents: list[Document]
    sections: list[Section]
    chunks: list[Chunk]
    skipped: list[DocumentError]
    embedded: int  # chunks that had to be encoded (not from the cache)
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
) -> BuildReport:
    t0 = time.perf_counter()
    progress = progress or (lambda stage, done, total: None)
    out = Path(out)
    files = collect_files(paths)
    if not files:
        raise BuildError("no .txt, .md or .pdf files to index")

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
    texts = [passage_text(c) for c in chunks]
    cache = EmbeddingCache(settings.embedding_cache_dir, settings.model)
    found, missing = cache.get(texts)
    vectors = np.zeros((len(chunks), 0), dtype=np.float32)
    if missing:
        encoder = encoder or Encoder(settings.model, settings)
        new = np.zeros((len(missing), encoder.dim), dtype=np.float32)
        step = max(1, settings.batch_size)
        for s in range(0, len(missing), step):
            progress("embed", s, len(missing))
            batch = [texts[i] for i in missing[s : s + step]]
            new[s : s + len(batch)] = encoder.encode_passages(batch, batch_size=step)
        progress("embed", len(missing), len(missing))
        cache.add([texts[i] for i in missing], new)
        cache.save()
        dim = encoder.dim
        vectors = np.zeros((len(chunks), dim), dtype=np.float32)
        for j, i in enumerate(missing):
            vectors[i] = new[j]
    else:
        dim = len(next(iter(found.values())))
        vectors = np.zeros((len(chunks), dim), dtype=np.float32)
    for i, v in found.items():
        vectors[i] = v

    progress("write", 0, 1)
    out.mkdir(parents=True, exist_ok=True)
    if not os.access(out, os.W_OK):
        raise BuildError(f"cannot write to {out}: permission denied")
    build_dir = out / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    try:
        build_dir.mkdir()
        _write_build(build_dir, chunks, sections, vectors)
        manifest = {
            "format": FORMAT,
            "model": settings.model,
            "dim": dim,
            "chunk_size": settings.chunk_size,
            "chunk_overlap": settings.chunk_overlap,
            "passage_template": "{province}｜{title}\\n{text}",
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
    return BuildReport(out, documents, sections, chunks, skipped, len(missing), time.perf_counter() - t0, manifest)


def _write_build(folder: Path, chunks: list[Chunk], sections: list[Section], vectors: np.ndarray) -> None:
    with open(folder / CHUNKS, "w", encoding="utf-8") as fh:
        for c in chunks:
            fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    (folder / SECTIONS).write_text(
        json.dumps([s.__dict__ for s in sections], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    faiss.write_index(make_vector_index(vectors), str(folder / VECTORS))
    KeywordIndex.build([c.text for c in chunks]).save(folder / BM25_DIR)


def make_vector_index(vectors: np.ndarray) -> faiss.Index:
    """Exact inner product on normalised vectors (= cosine). A bulletin corpus is
    a few thousand chunks; `qa bench --scale` measures the approximate types."""
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


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
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("unknown format")
    except (OSError, ValueError) as exc:
        raise IndexError_(f"damaged index file {build / MANIFEST} ({exc}); {rebuild_hint(folder)}") from exc
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
    if vectors.ntotal != len(chunks) or len(keywords) != len(chunks) or vectors.d != manifest.get("dim"):
        raise IndexError_(f"index files in {build} disagree with each other; {rebuild_hint(folder)}")
    return LoadedIndex(folder, manifest, chunks, sections, vectors, keywords)
