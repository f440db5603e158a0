"""Build an index: read files, split sections, chunk, embed, and write it atomically.

`build_index` makes an index from files; `add_to_index` makes a new build of an
existing index with more files, re-embedding only the new text (the embedding
cache holds the rest) and swapping it in atomically.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .chunking import chunk_sections, clause_spans, sentence_spans
from .config import ADAPTED_MODEL, BUILTIN_CORPUS, BuildSettings, Paths
from .documents import SUPPORTED_SUFFIXES, DocumentError, read_document
from .embedding import EmbeddingCache, Encoder, embed_texts, embed_with_spans, load_encoder
from .index_store import ClauseTable, IndexData, SentenceTable, check_writable, load_index, write_index
from .keyword_index import KeywordIndex, TermIndex, WordPrior, tokenize
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


ENCODER_TEMPLATES = {"passage_template": f"{{province}}｜{{title[:{TITLE_CONTEXT}]}}\\n{{text}}", "sentence_template": "{province}｜{sentence}"}


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
    if build.model == ADAPTED_MODEL:
        # the index records which adaptation made its vectors (and the embedding cache is
        # kept per adaptation): one trained from other questions reads them differently
        from .adapt import AdaptError, adapted_name

        try:
            build = build.with_(model=adapted_name((paths_config or Paths()).model_cache_dir, progress))
        except AdaptError as exc:
            raise BuildError(str(exc)) from exc
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
    # a file already indexed, or named twice in this call, is added once
    added = list({d.sha256: d for d in new if d.sha256 not in known}.values())
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
    chunk_vectors, sentence_vectors, encoded = embed_chunks(chunks, spans, cache, get_encoder, progress, build.vectors)
    clauses = [clause_spans(c.text, a, b, build.clause_chars) for c, sp in zip(chunks, spans) for a, b in sp]
    owners = [c for c, sp in zip(chunks, spans) for _ in sp]
    clause_texts = [sentence_text(c, c.text[a:b]) for c, cl in zip(owners, clauses) for a, b in cl]
    # a clause is encoded as a question is: a question that paraphrases it is a symmetric
    # match, which e5 reads best with the same prompt on both sides (on the tuned paraphrase
    # questions the evidence sentence ranks first 60% -> 67%, in the top 5 82% -> 84%)
    clause_vectors, n_c = embed_texts(clause_texts, cache, get_encoder, 16, lambda d, t: progress("clauses", d, t), as_query=True)
    cache.save()

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
        clauses=ClauseTable.from_spans(clauses) if clause_texts else None,
        clause_vectors=clause_vectors if clause_texts else None,
        keywords=KeywordIndex.build([tokenize(c.text) for c in chunks]),
        terms=TermIndex.build(chunk_tokens, [tokenize(s) for s in sentences], genre_prior(documents, build) if build.idf_prior else None),
        meetings=meetings,
    )
    progress("keywords", 1, 1)
    total = len(chunks) + len(sentences) + len(clause_texts)
    return data, encoded + n_c, total - encoded - n_c


def genre_prior(documents: list[Document], build: BuildSettings) -> WordPrior | None:
    """Word counts of the built-in bulletin's passages, chunked as the index is, less those
    the index holds itself: a passage is not counted twice (an index of the bulletin, or of
    one of its reports, counts that report's words once)."""
    held = ["".join(d.text.split()) for d in documents]
    passages = [tokens for text, tokens in _bulletin_passages(build.chunk_size, build.chunk_overlap)
                if not any(text in doc for doc in held)]
    return WordPrior.count(passages) if passages else None


@lru_cache(maxsize=4)
def _bulletin_passages(chunk_size: int, chunk_overlap: int) -> tuple[tuple[str, list[str]], ...]:
    """(text without spaces, words) of each passage of the built-in bulletin, read and
    chunked once per chunking: every build (each upload, each report of `qa eval --alone`)
    counts them again."""
    try:
        bulletin = read_document(BUILTIN_CORPUS)
    except DocumentError:
        return ()  # (an installation without the data folder: IDF over the index alone)
    chunks = chunk_sections(bulletin, split_sections(bulletin), chunk_size, chunk_overlap)
    return tuple(("".join(c.text.split()), tokenize(f"{c.title}\n{c.text}")) for c in chunks)


VECTOR_MODES = ("sentences", "both", "late")


def embed_chunks(chunks: list[Chunk], spans: list[list[tuple[int, int]]], cache: EmbeddingCache, encoder, progress: Progress,
                 mode: str = "sentences", batch_size: int = 16) -> tuple[np.ndarray, np.ndarray, int]:
    """Chunk vectors, sentence vectors (every chunk's sentences in order), and how many
    vectors had to be computed. `mode` is BuildSettings.vectors:

    - "sentences": each sentence is encoded (as sentence_text); a chunk's vector is the
      normalised mean of its sentences' vectors, so the text is read once.
    - "both": the chunks are encoded too (as passage_text).
    - "late": only the chunks are encoded; a sentence's vector is the mean of its tokens'
      states in its chunk's own forward pass.
    """
    if mode not in VECTOR_MODES:
        raise BuildError(f"unknown vector mode {mode!r}; use one of {', '.join(VECTOR_MODES)}")
    passages = [passage_text(c) for c in chunks]
    if mode == "late":
        shifted = [[(a + len(p) - len(c.text), b + len(p) - len(c.text)) for a, b in sp] for c, p, sp in zip(chunks, passages, spans)]
        vectors, per_chunk, n = embed_with_spans(passages, shifted, cache, encoder, batch_size, lambda d, t: progress("embed", d, t))
        return vectors, np.vstack([vectors[:0], *per_chunk]), n
    sentences = [sentence_text(c, c.text[a:b]) for c, sp in zip(chunks, spans) for a, b in sp]
    sentence_vectors, n_s = embed_texts(sentences, cache, encoder, batch_size, lambda d, t: progress("sentences", d, t))
    if mode == "both" or not sentences:
        vectors, n = embed_texts(passages, cache, encoder, batch_size, lambda d, t: progress("embed", d, t))
    else:
        vectors, n = _mean_of_sentences(chunks, spans, sentence_vectors, cache, encoder, batch_size, progress), 0
    if not sentences:
        sentence_vectors = np.zeros((0, vectors.shape[1]), dtype=np.float32)
    return vectors, sentence_vectors, n + n_s


def _mean_of_sentences(chunks, spans, sentence_vectors, cache, encoder, batch_size, progress) -> np.ndarray:
    """Each chunk's vector: the normalised mean of its sentences' vectors (a chunk without
    a sentence, which cleaning makes rare, is encoded whole)."""
    counts = np.array([len(sp) for sp in spans])
    starts = np.concatenate([[0], np.cumsum(counts)])[:-1]
    vectors = np.zeros((len(chunks), sentence_vectors.shape[1]), dtype=np.float32)
    has = counts > 0
    if has.any():
        sums = np.add.reduceat(sentence_vectors, starts[has], axis=0)
        vectors[has] = sums / np.linalg.norm(sums, axis=1, keepdims=True)
    lonely = np.flatnonzero(~has)
    if len(lonely):
        encoded, _ = embed_texts([passage_text(chunks[i]) for i in lonely], cache, encoder, batch_size)
        vectors[lonely] = encoded
    return vectors


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
