"""Build an index: read files, split sections, chunk, embed, and write it atomically.

`build_index` makes an index from files; `add_to_index` makes a new build of an
existing index with more files, re-embedding only the new text (the embedding
cache holds the rest) and swapping it in atomically.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from .chunking import chunk_sections, sentence_spans
from .config import BuildSettings, Paths
from .documents import SUPPORTED_SUFFIXES, DocumentError, read_document
from .embedding import EmbeddingCache, Encoder, load_encoder
from .index_store import IndexData, SentenceTable, check_writable, load_index, write_index
from .keyword_index import KeywordIndex, TermIndex, tokenize
from .meetings import extract_meetings
from .schema import Chunk, Document, MeetingRecord, Section
from .sections import split_sections

Progress = Callable[[str, int, int], None]

TITLE_CONTEXT = 40  # characters of the section title; keeps a chunk inside the model's 512 tokens


class BuildError(Exception):
    """A build that cannot be done; the message says why."""


def passage_text(chunk: Chunk) -> str:
    """What the encoder sees for a chunk: its province and section title give
    context that the chunk's own sentences often leave implicit."""
    return f"{chunk.province}｜{chunk.title[:TITLE_CONTEXT]}\n{chunk.text}"


def sentence_text(chunk: Chunk, sentence: str) -> str:
    return f"{chunk.province}｜{sentence}"


ENCODER_TEMPLATES = {"passage_template": "{province}｜{title[:%d]}\\n{text}" % TITLE_CONTEXT, "sentence_template": "{province}｜{sentence}"}


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
    added: list[Document] = field(default_factory=list)  # add_to_index: the new documents

    def sections_per_province(self) -> Counter:
        return Counter(s.province for s in self.sections)

    def warnings(self) -> list[str]:
        """`FILE: warning` for every document whose layout could not be read with confidence."""
        from .inspect import document_warnings

        return [f"{d.path}: {w}" for d in self.documents for w in document_warnings(d, [s for s in self.sections if s.doc == d.name])]


# ---------------------------------------------------------------- files

def collect_files(paths: list[Path]) -> list[Path]:
    """Files named directly, and supported files inside named folders, sorted, each once."""
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise FileNotFoundError(str(p))
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(p)
    return list({f.resolve(): f for f in files}.values())


def read_documents(files: list[Path], strict: bool = False, progress: Progress | None = None,
                   on_skip: Callable[[DocumentError], None] | None = None) -> tuple[list[Document], list[DocumentError]]:
    """Read each file; a file that cannot be read is skipped with its reason (fatal when strict)."""
    progress = progress or (lambda stage, done, total: None)
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
    return documents, skipped


# ---------------------------------------------------------------- build

def build_index(paths: list[Path], out: Path, build: BuildSettings | None = None, paths_config: Paths | None = None,
                strict: bool = False, progress: Progress | None = None,
                on_skip: Callable[[DocumentError], None] | None = None, encoder: Encoder | None = None) -> BuildReport:
    """Index the files (and folders) in `paths` into `out`, atomically.

    Unreadable files are skipped and reported (`strict` makes them fatal). Vectors come
    from the embedding cache where it has them; the model is loaded only for new text.
    Raises BuildError when nothing can be indexed or `out` cannot be written."""
    t0 = time.perf_counter()
    build = build or BuildSettings()
    files = collect_files(paths)
    if not files:
        raise BuildError(f"no {', '.join(SUPPORTED_SUFFIXES)} files to index")
    _writable(Path(out))  # before minutes of embedding, not after
    documents, skipped = read_documents(files, strict, progress, on_skip)
    if not documents:
        raise BuildError("none of the files could be read")
    data, embedded, cached = assemble(documents, build, paths_config or Paths(), progress, encoder)
    _write(out, data, progress)
    return BuildReport(Path(out), documents, data.sections, data.chunks, skipped, embedded, cached, time.perf_counter() - t0)


def add_to_index(index_dir: Path, paths: list[Path], paths_config: Paths | None = None, progress: Progress | None = None,
                 on_skip: Callable[[DocumentError], None] | None = None, encoder: Encoder | None = None) -> BuildReport:
    """A new build of `index_dir` holding its documents plus the readable files of `paths`.

    A file whose content is already indexed is not added twice; a file with the name of
    an indexed one replaces it. The old build keeps serving until the new one is swapped in."""
    t0 = time.perf_counter()
    old = load_index(index_dir, verify=False)
    _writable(Path(index_dir))
    new, skipped = read_documents(collect_files(paths), False, progress, on_skip)
    known = {d.sha256 for d in old.documents}
    added = [d for d in new if d.sha256 not in known]
    names = {d.name for d in added}
    documents = [d for d in old.documents if d.name not in names] + added
    data, embedded, cached = assemble(documents, old.build, paths_config or Paths(), progress, encoder)
    _write(index_dir, data, progress)
    report = BuildReport(Path(index_dir), documents, data.sections, data.chunks, skipped, embedded, cached, time.perf_counter() - t0)
    report.added = added
    return report


def assemble(documents: list[Document], build: BuildSettings, paths_config: Paths, progress: Progress | None = None,
             encoder: Encoder | None = None) -> tuple[IndexData, int, int]:
    """Sections, chunks, vectors, keyword and term indexes for `documents`.
    Returns the data, how many texts were encoded and how many came from the cache."""
    progress = progress or (lambda stage, done, total: None)
    sections: list[Section] = []
    chunks: list[Chunk] = []
    meetings: list[MeetingRecord] = []
    for doc in documents:
        secs = split_sections(doc)
        sections += secs
        meetings += extract_meetings(doc, secs)
        chunks += chunk_sections(doc, secs, build.chunk_size, build.chunk_overlap, first_id=len(chunks))
    if not chunks:
        raise BuildError("the files hold no text to index")

    cache = EmbeddingCache(paths_config.embedding_cache_dir, build.model)

    def get_encoder() -> Encoder:  # loaded only when some text is not in the cache
        return encoder or load_encoder(build.model, paths_config)

    spans = [sentence_spans(c.text) for c in chunks]
    sentences = [c.text[a:b] for c, sp in zip(chunks, spans) for a, b in sp]
    owners = [c for c, sp in zip(chunks, spans) for _ in sp]
    chunk_vectors, n1 = _embed(cache, [passage_text(c) for c in chunks], get_encoder, progress, "embed")
    sentence_vectors, n2 = _embed(cache, [sentence_text(c, s) for c, s in zip(owners, sentences)], get_encoder, progress, "sentences")
    cache.save()
    if not sentences:
        sentence_vectors = np.zeros((0, chunk_vectors.shape[1]), dtype=np.float32)

    progress("keywords", 0, 1)
    chunk_tokens = [tokenize(f"{c.title}\n{c.text}") for c in chunks]
    data = IndexData(
        build=build,
        documents=documents,
        sections=sections,
        chunks=chunks,
        chunk_vectors=chunk_vectors,
        sentences=SentenceTable.from_spans(spans),
        sentence_vectors=sentence_vectors,
        keywords=KeywordIndex.build([tokenize(c.text) for c in chunks]),
        terms=TermIndex.build(chunk_tokens, [tokenize(s) for s in sentences]),
        meetings=meetings,
    )
    progress("keywords", 1, 1)
    total = len(chunks) + len(sentences)
    return data, n1 + n2, total - n1 - n2


def _writable(out: Path) -> None:
    try:
        check_writable(out)
    except OSError as exc:
        raise BuildError(str(exc)) from exc


def _write(out: Path, data: IndexData, progress: Progress) -> None:
    progress = progress or (lambda stage, done, total: None)
    progress("write", 0, 1)
    try:
        write_index(Path(out), data, ENCODER_TEMPLATES)
    except OSError as exc:
        raise BuildError(str(exc) if "cannot write" in str(exc) else f"cannot write the index to {out}: {exc.strerror or exc}") from exc
    progress("write", 1, 1)


def _embed(cache: EmbeddingCache, texts: list[str], get_encoder, progress: Progress, stage: str, batch_size: int = 16) -> tuple[np.ndarray, int]:
    """Vectors for `texts`, encoding only those the cache lacks; and how many were encoded."""
    found, missing = cache.get(texts)
    new = None
    if missing:
        encoder = get_encoder()
        new = np.zeros((len(missing), encoder.dim), dtype=np.float32)
        for s in range(0, len(missing), batch_size):
            progress(stage, s, len(missing))
            batch = [texts[i] for i in missing[s : s + batch_size]]
            new[s : s + len(batch)] = encoder.encode_passages(batch, batch_size=batch_size)
        progress(stage, len(missing), len(missing))
        cache.add([texts[i] for i in missing], new)
        dim = encoder.dim
    else:
        dim = len(next(iter(found.values()))) if found else 0
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for i, v in found.items():
        out[i] = v
    for j, i in enumerate(missing):
        out[i] = new[j]
    return out, len(missing)
