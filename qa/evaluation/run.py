"""`qa eval`'s run: the full system answers every question, the baselines rank for the same ones.

Nothing of the assistant is patched: each run builds its own Assistant over the
index with an encoder that remembers query vectors (the sweep asks the same
questions many times), and reads what the answer was built from in `Answer.trace`.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ..assistant import Assistant, ensure_index
from ..config import AnswerSettings, Paths
from ..embedding import Encoder, load_encoder
from ..index_store import IndexData, load_index
from .baselines import LABELS, NAMES, BM25Baseline, DenseBaseline, LangChainBaseline
from .metrics import relevant_counts
from .questions import SPLITS, EvalQuestion, in_split
from .scoring import QuestionResult, error_result, pct, score_answer, score_ranking, summarize, summarize_by_type

Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


class CachingEncoder:
    """An Encoder that encodes each distinct query once; passages go straight through."""

    def __init__(self, encoder: Encoder):
        self.encoder = encoder
        self.dim = encoder.dim
        self.similarity = getattr(encoder, "similarity", (0.0, 1.0))
        self._queries: dict[str, np.ndarray] = {}

    def encode_query(self, text: str) -> np.ndarray:
        v = self._queries.get(text)
        if v is None:
            v = self._queries[text] = self.encoder.encode_query(text)
        return v

    def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        return self.encoder.encode_passages(texts, batch_size=batch_size)

    def encode_queries(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        return self.encoder.encode_queries(texts, batch_size=batch_size)


def answer_questions(assistant: Assistant, questions: Sequence[EvalQuestion], k: int, n_relevant: dict[str, int],
                     progress: Progress = _quiet) -> list[QuestionResult]:
    """The one answer loop: ask each question, score the answer. A question whose
    answer raises is recorded with its error and the loop goes on."""
    index = assistant.index
    docs = {d.name: d.text for d in index.documents}
    out = []
    for i, q in enumerate(questions):
        progress("answer", i, len(questions))
        try:
            answer = assistant.answer(q.question, k=k, history=list(q.history))
        except Exception as exc:  # a measuring run reports a crash as a failed question
            out.append(error_result(q, exc))
            continue
        out.append(score_answer(q, answer, docs, k, n_relevant.get(q.id), index.chunks))
    progress("answer", len(questions), len(questions))
    return out


def answer_problems(results: Sequence[QuestionResult]) -> list[str]:
    """What fails any run of answers, whatever it measures: a quote that is not verbatim,
    a question whose answer raised."""
    problems = []
    faith = summarize(results).get("faithfulness")
    if faith is not None and faith < 1.0:
        bad = [f"{r.id} {u}" for r in results for u in r.unfaithful]
        problems.append(f"quote faithfulness is {pct(faith)}, not 100%: " + "; ".join(bad[:5]))
    errors = [r for r in results if r.error]
    if errors:
        problems.append(f"{len(errors)} question(s) raised an error: " + "; ".join(f"{r.id} {r.error}" for r in errors[:5]))
    return problems


def evidence_counts(questions: Sequence[EvalQuestion], texts: Sequence[str]) -> dict[str, int]:
    return relevant_counts({q.id: q.evidence for q in questions}, texts)


@dataclass(frozen=True)
class EvalRun:
    questions: list[EvalQuestion]
    results: dict[str, list[QuestionResult]]  # by system name, "system" first
    meta: dict = field(default_factory=dict)

    @property
    def parts(self) -> list[str]:
        """The parts of the question set this run holds ("tune", "test")."""
        return [p for p in SPLITS if any(q.split == p for q in self.questions)]

    def of(self, system: str, part: str = "all") -> list[QuestionResult]:
        return [r for r in self.results[system] if part == "all" or r.split == part]

    def summary(self, system: str = "system", part: str = "all") -> dict:
        return summarize(self.of(system, part))

    def by_type(self, system: str = "system", part: str = "all") -> dict:
        return summarize_by_type(self.of(system, part))

    def gate(self, min_recall5: float) -> list[str]:
        """Reasons this run fails the CI gate (empty: passes): Recall@5 on the answerable
        questions it ran, and every quote verbatim."""
        problems = []
        s = self.summary()
        r5 = s.get("recall@5")
        if r5 is None or r5 < min_recall5:
            problems.append(f"Recall@5 on answerable questions is {pct(r5)}, below the required {pct(min_recall5)}")
        return problems + answer_problems(self.results["system"])

    def failures(self, part: str = "all") -> list[QuestionResult]:
        return [r for r in self.of("system", part) if r.failed]

    def to_json(self, min_recall5: float | None = None) -> dict:
        parts = self.parts + (["all"] if len(self.parts) > 1 else [])
        out = {
            "meta": self.meta,
            "systems": {
                name: {"label": LABELS[name], **{p: {"overall": self.summary(name, p), "by_type": self.by_type(name, p)} for p in parts}}
                for name in self.results
            },
            "failures": {p: [{"id": r.id, "type": r.type, "question": r.question, "why": r.problems(), "answer": r.answer,
                              "retrieved": [asdict(t) for t in r.top]} for r in self.failures(p)] for p in self.parts},
            "questions": [r.to_dict() for r in self.results["system"]],
        }
        if min_recall5 is not None:
            problems = self.gate(min_recall5)
            out["gate"] = {"min_recall5": min_recall5, "passed": not problems, "problems": problems}
        return out


def open_index(index_dir: Path | str | None, paths: Paths | None = None) -> tuple[IndexData, Paths]:
    """The index to evaluate; the default one is built from the built-in corpus when missing."""
    paths = (paths or Paths()).with_index(index_dir)
    if index_dir is None:
        ensure_index(paths.index_dir, paths)
    return load_index(paths.index_dir), paths


def run_evaluation(questions: Sequence[EvalQuestion], index_dir: Path | str | None = None, k: int = 10,
                   settings: AnswerSettings | None = None, paths: Paths | None = None, baselines: Sequence[str] = NAMES,
                   split: str = "all", progress: Progress = _quiet, source: str = "") -> EvalRun:
    """Answer the questions of `split` with the full system and rank them with each baseline."""
    questions = in_split(questions, split)
    settings = settings or AnswerSettings()
    t0 = time.perf_counter()
    progress("load", 0, 1)
    index, paths = open_index(index_dir, paths)
    encoder = CachingEncoder(load_encoder(index.build.model, paths))
    progress("load", 1, 1)
    timings = {"load_s": round(time.perf_counter() - t0, 2)}
    docs = {d.name: d.text for d in index.documents}
    n_rel = evidence_counts(questions, [c.text for c in index.chunks])

    t1 = time.perf_counter()
    results = {"system": answer_questions(Assistant(index, encoder, settings), questions, k, n_rel, progress)}
    timings["answer_s"] = round(time.perf_counter() - t1, 2)
    notes: list[str] = []
    if baselines:
        # the baselines search with the question as typed, as their tutorials do; a follow-up
        # with the messages before it, as a retriever that cannot rewrite it would
        asked = {q.id: " ".join(q.history + (q.question,)) for q in questions}
        qvec = {q.id: encoder.encode_query(asked[q.id]) for q in questions}
    if "dense" in baselines:
        dense = DenseBaseline(index)
        results["dense"] = [score_ranking(q, dense.rank(qvec[q.id], k), k, docs, n_rel[q.id]) for q in questions]
    if "bm25" in baselines:
        bm25 = BM25Baseline(index)
        results["bm25"] = [score_ranking(q, bm25.rank(asked[q.id], k), k, docs, n_rel[q.id]) for q in questions]
    if "langchain" in baselines:
        progress("langchain", 0, 1)
        t2 = time.perf_counter()
        lc = LangChainBaseline.build(index, encoder.encoder, paths)
        lc_rel = evidence_counts(questions, [p.text for p in lc.passages])
        results["langchain"] = [score_ranking(q, lc.rank(qvec[q.id], k), k, None, lc_rel[q.id]) for q in questions]
        timings.update(langchain_s=round(time.perf_counter() - t2, 2), langchain_chunks=len(lc.passages),
                       langchain_encoded=lc.pipeline.times.encoded)
        notes += lc.notes
        progress("langchain", 1, 1)

    meta = {
        "questions_file": source,
        "split": split,
        "questions": len(questions),
        "answerable": sum(q.answerable for q in questions),
        "index": str(Path(paths.index_dir).resolve()),
        "chunks": len(index.chunks),
        "build": index.build.to_manifest(),
        "k": k,
        "settings": asdict(settings),
        "timings": timings,
        "notes": notes,
        "evaluated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    return EvalRun(questions, results, meta)
