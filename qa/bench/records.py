"""What `qa bench` measures, as typed records. `to_json()` gives the JSON written to reports/."""
from __future__ import annotations

from dataclasses import asdict, dataclass


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


@dataclass(frozen=True)
class Machine:
    cpus: int
    python: str
    platform: str
    memory_gb: float | None
    loadavg_start: tuple[float, ...]
    loadavg_end: tuple[float, ...]


@dataclass(frozen=True)
class Latency:
    """Per-question wall time over `rounds` rounds, after warm-up: medians of each round's figure."""

    questions: int
    rounds: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    # the slowest questions, each by its median over the rounds: what p95 is made of
    slowest: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Build:
    """One index build."""

    seconds: float
    chunks: int
    texts: int  # texts embedded (qa: chunks, sentences and clauses; LangChain: chunks)
    encoded: int  # of those, encoded by the model (the rest came from the embedding cache)
    embed_s: float | None = None

    @property
    def texts_per_s(self) -> float | None:
        return self.encoded / self.embed_s if self.embed_s and self.encoded else None


@dataclass(frozen=True)
class ColdAsk:
    """`qa ask` in a new process, to its printed answer."""

    seconds: float | None = None
    peak_rss_mb: float | None = None  # the child's VmHWM
    rss_at_exit_mb: float | None = None  # index and model loaded, one question answered
    abstained: bool | None = None
    error: str = ""


@dataclass(frozen=True)
class BenchResult:
    machine: Machine
    corpus: str
    corpus_chars: int
    quick: bool
    model: str
    model_load_s: float
    qa_cold: Build  # empty embedding cache
    qa_warm: Build  # every vector from the cache
    langchain_cold: Build  # empty embedding cache, the same encoder
    qa_answer: Latency  # Assistant.answer, index and model loaded
    langchain_query: Latency  # encode the question, flat search, top 5
    cold_ask: ColdAsk
    peak_rss_mb: float  # this process
    total_s: float
    qa_both_cold: Build | None = None  # empty embedding cache, --vectors both (chunks encoded too)
    langchain_st_cold: Build | None = None  # empty cache, the model through sentence-transformers
    app_rss_mb: float | None = None  # the web app at rest, having answered once
    langchain_st_query: Latency | None = None  # the same, the model through sentence-transformers

    def ratios(self) -> dict:
        return {
            "index_cold_vs_langchain": _ratio(self.qa_cold.seconds, self.langchain_cold.seconds),
            "index_cold_vs_langchain_st": _ratio(self.qa_cold.seconds, self.langchain_st_cold.seconds) if self.langchain_st_cold else None,
            "answer_p50_vs_langchain_st": _ratio(self.qa_answer.p50_ms, self.langchain_st_query.p50_ms) if self.langchain_st_query else None,
            "index_both_vs_langchain": _ratio(self.qa_both_cold.seconds, self.langchain_cold.seconds) if self.qa_both_cold else None,
            "answer_p50_vs_langchain": _ratio(self.qa_answer.p50_ms, self.langchain_query.p50_ms),
            "answer_p95_vs_langchain": _ratio(self.qa_answer.p95_ms, self.langchain_query.p95_ms),
        }

    def to_json(self) -> dict:
        return {**asdict(self), "ratios": self.ratios()}


@dataclass(frozen=True)
class VectorIndex:
    """One FAISS index over the synthetic chunk vectors, against exact search."""

    type: str
    build_s: float
    query_p50_ms: float  # one query at a time, with faiss's default threads (as the product searches)
    query_p50_1thread_ms: float  # the same on one thread
    index_mb: float  # its serialized size: the vectors plus its lists or graph
    recall_at_10: float


@dataclass(frozen=True)
class VectorFigures:
    exact: VectorIndex
    chosen: VectorIndex  # the type choose_vector_index picks for this size
    alternative: VectorIndex | None  # the other approximate type, above the exact-search limit
    peak_rss_mb: float


@dataclass(frozen=True)
class AnswerFigures:
    """Assistant.answer over a synthetic index of n chunks, written and loaded like a real one."""

    latency: Latency
    answered: float  # share of the timed questions not refused (the synthetic corpus still answers)
    sentences: int
    make_s: float  # synthetic documents, sections, chunks, vectors, BM25 and term index
    write_s: float  # write_index, with its FAISS indexes
    load_s: float
    index_mb: float  # the index folder on disk
    peak_rss_mb: float


@dataclass(frozen=True)
class ScaleRow:
    n: int
    answer: AnswerFigures | None
    vectors: VectorFigures | None
    notes: tuple[str, ...] = ()  # why a part was not run

    @property
    def answer_p50_ms(self) -> float | None:
        return self.answer.latency.p50_ms if self.answer else None

    def to_json(self) -> dict:
        return {"n": self.n, "answer_p50_ms": self.answer_p50_ms,
                "answer_p95_ms": self.answer.latency.p95_ms if self.answer else None, **asdict(self)}


@dataclass(frozen=True)
class ScaleResult:
    machine: Machine
    vector_noise: float  # per-dimension sigma added to real vectors for the vector-index figures
    answer_noise: float  # the same for the answer path's synthetic index
    real_chunks: int
    questions: int  # timed per round
    rows: tuple[ScaleRow, ...]
    total_s: float

    def to_json(self) -> dict:
        d = asdict(self)
        d.pop("rows")
        return {**d, "scale": [r.to_json() for r in self.rows]}
