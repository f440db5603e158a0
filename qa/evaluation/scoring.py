"""One question's result (`score_ranking`, `score_answer`) and the summaries of many."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

from ..gazetteer import provinces_in
from ..schema import FRONT_PROVINCE, Answer, Chunk
from .metrics import (
    Passage,
    check_citation,
    direct_match,
    evidence_recall,
    listed_provinces,
    ndcg,
    parts_covered,
    precision_recall,
    province_hit,
    ranked_passages,
    reciprocal_rank,
    refusal_scores,
)
from .questions import NO_VERDICTS, TYPES, YES_VERDICTS, EvalQuestion

KS = (1, 3, 5, 10)
FEATURES = ("dense", "sentence", "keyword", "coverage", "score")


@dataclass(frozen=True)
class Shown:
    """A retrieved passage as the report shows it."""

    province: str
    section: str
    text: str
    score: float


@dataclass(frozen=True)
class QuestionResult:
    id: str
    type: str
    split: str
    answerable: bool
    question: str
    recall: dict[int, float | None]
    mrr: float | None
    ndcg: float | None
    province_ok: bool | None
    top: tuple[Shown, ...] = ()  # the first passages retrieved (the system: from its trace)
    top5_chars: int = 0  # how much text the top 5 passages hold: recall grows with it
    # the rest is only known for the full system (baselines retrieve, they do not answer)
    abstained: bool | None = None
    answer: str = ""
    which_precision: float | None = None
    which_recall: float | None = None
    citations: int = 0
    faithful: int = 0
    unfaithful: tuple[str, ...] = ()
    direct_exact: bool | None = None  # None: the question has no expected span
    direct_lenient: bool | None = None
    parts: tuple[bool, ...] = ()  # a multi-part question: each part answered from cited evidence
    verdict_ok: bool | None = None  # None: the question expects no verdict
    error: str = ""  # answer() raised: the question counts as failed and fails the gate
    features: dict | None = field(default=None, compare=False)  # the top citation's retrieval scores

    def problems(self) -> list[str]:
        """Why this question failed (empty: it did not)."""
        out = [f"error: {self.error}"] if self.error else []
        if self.unfaithful:
            out.append("unfaithful citation: " + "; ".join(self.unfaithful[:3]))
        if not self.answerable:
            if self.abstained is False:
                out.append("answered an unanswerable question")
            return out
        if self.abstained:
            out.append("abstained")
        r5 = self.recall.get(5)
        if r5 is not None and r5 < 1.0:
            out.append(f"Recall@5 {r5:.2f}")
        if self.province_ok is False:
            out.append("top citation from another province")
        if self.which_recall is not None and (self.which_recall < 1.0 or (self.which_precision or 0.0) < 1.0):
            out.append(f"provinces listed: recall {pct(self.which_recall)}, precision {pct(self.which_precision)}")
        if self.direct_lenient is False and not self.abstained:
            out.append("direct answer differs")
        if self.verdict_ok is False:
            out.append("no verdict, or the wrong one")
        if self.parts and not all(self.parts):
            out.append(f"parts answered {sum(self.parts)}/{len(self.parts)}")
        return out

    @property
    def failed(self) -> bool:
        return bool(self.problems())

    def to_dict(self) -> dict:
        d = asdict(self)
        d["recall"] = {f"@{k}": v for k, v in self.recall.items()}
        return d


def pct(v) -> str:
    return "—" if v is None else f"{100 * v:.1f}%"


def _shown(passages: Sequence[Passage], n: int = 3) -> tuple[Shown, ...]:
    return tuple(Shown(p.province, p.section, (p.quote or p.text)[:160], round(p.score, 4)) for p in passages[:n])


def score_ranking(q: EvalQuestion, passages: Sequence[Passage], k: int = 10, docs: dict[str, str] | None = None,
                  n_relevant: int | None = None) -> QuestionResult:
    """Retrieval measures of a ranking (what the baselines are scored on)."""
    ev = q.evidence
    return QuestionResult(
        id=q.id, type=q.type, split=q.split, answerable=q.answerable, question=q.shown,
        recall={kk: evidence_recall(passages, ev, kk, docs) for kk in KS},
        mrr=reciprocal_rank(passages, ev, min(k, 10)),
        ndcg=ndcg(passages, ev, min(k, 10), n_relevant),
        province_ok=province_hit(passages, q.provinces) if q.answerable else None,
        top=_shown(passages),
        top5_chars=sum(len(p.text) for p in passages[:5]),
    )


def error_result(q: EvalQuestion, exc: Exception) -> QuestionResult:
    """The result of a question whose answer raised: nothing retrieved, nothing answered."""
    return replace(score_ranking(q, []), abstained=True, error=f"{type(exc).__name__}: {exc}"[:300])


def trace_features(answer: Answer) -> dict | None:
    """Retrieval scores of the ranked hit behind the answer's top citation."""
    if not answer.citations or answer.trace is None:
        return None
    top = min(answer.citations, key=lambda c: c.rank)
    for h in answer.trace.hits:
        if h.doc == top.doc and h.start == top.start and h.end == top.end:
            return {**{f: round(float(getattr(h, f)), 6) for f in FEATURES}, "province": h.province}
    return None


def traced(answer: Answer, chunks: Sequence[Chunk], n: int = 3) -> tuple[Shown, ...]:
    """The first passages the retrieval ranked, from the answer's trace."""
    if answer.trace is None:
        return ()
    return tuple(Shown(h.province, h.section, chunks[h.chunk_id].text[:160], round(h.score, 4)) for h in answer.trace.hits[:n])


def _expected_provinces(q: EvalQuestion, listed: tuple[str, ...]) -> tuple[str, ...]:
    """编者按里说哪三个省…: the provinces the editor's overview names in its evidence; an
    answer may list them, or cite the overview alone (as the question's provinces say)."""
    if tuple(q.provinces) != (FRONT_PROVINCE,) or listed == (FRONT_PROVINCE,):
        return tuple(q.provinces)
    return tuple(provinces_in("".join(q.evidence), cities=False)) or tuple(q.provinces)


def verdict_taken(q: EvalQuestion, answer: Answer) -> bool | None:
    """Whether the answer takes the side the question expects: a yes must be said (有, 是);
    a no is said (不是) or the question is refused, as a report that never names a thing
    cannot show that it does not."""
    if not q.verdict:
        return None
    if q.verdict in YES_VERDICTS:
        return not answer.abstained and answer.verdict in YES_VERDICTS
    return bool(answer.abstained) or answer.verdict in NO_VERDICTS


def score_answer(q: EvalQuestion, answer: Answer, docs: dict[str, str], k: int = 10, n_relevant: int | None = None,
                 chunks: Sequence[Chunk] | None = None) -> QuestionResult:
    """Every measure of one answer of the full system. Ranking measures are taken
    over its citations in rank order; `chunks` (the index's) show the trace."""
    r = score_ranking(q, ranked_passages(answer), k, docs, n_relevant)
    which_p = which_r = None
    if q.type == "which":
        listed = listed_provinces(answer)
        which_p, which_r = precision_recall(listed, _expected_provinces(q, listed))
    unfaithful = []
    for c in answer.citations:
        reason = check_citation(c, docs)
        if reason is not None:
            unfaithful.append(f"[{c.rank}] {reason}")
    exact = lenient = None
    if q.direct:
        exact, lenient = direct_match(answer, q.direct)
    return replace(
        r,
        top=traced(answer, chunks) if chunks is not None and answer.trace else r.top,
        abstained=bool(answer.abstained), answer=answer.text,
        which_precision=which_p, which_recall=which_r,
        citations=len(answer.citations), faithful=len(answer.citations) - len(unfaithful), unfaithful=tuple(unfaithful),
        direct_exact=exact, direct_lenient=lenient,
        parts=tuple(parts_covered(answer, q.parts, docs)) if q.parts else (),
        verdict_ok=verdict_taken(q, answer),
        features=trace_features(answer),
    )


# ---------------------------------------------------------------- summaries

def _mean(values: Iterable) -> float | None:
    vals = [float(v) for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def summarize(results: Sequence[QuestionResult]) -> dict:
    """Every measure over a set of results. Ranking measures are over answerable
    questions; multi-part coverage is the share of all parts (pooled) answered."""
    answerable = [r for r in results if r.answerable]
    m: dict = {"questions": len(results), "answerable": len(answerable)}
    for kk in KS:
        m[f"recall@{kk}"] = _mean(r.recall.get(kk) for r in answerable)
    m["mrr@10"] = _mean(r.mrr for r in answerable)
    m["ndcg@10"] = _mean(r.ndcg for r in answerable)
    m["province_accuracy"] = _mean(r.province_ok for r in answerable)
    m["top5_chars"] = _mean(r.top5_chars for r in answerable)
    if not any(r.abstained is not None for r in results):
        return m  # a baseline: retrieval only
    m["which_precision"] = _mean(r.which_precision for r in results if r.type == "which")
    m["which_recall"] = _mean(r.which_recall for r in results if r.type == "which")
    ref = refusal_scores((not r.answerable, bool(r.abstained)) for r in results)
    m["refusal_precision"], m["refusal_recall"] = ref["precision"], ref["recall"]
    m["refusals"] = {k: ref[k] for k in ("tp", "fp", "fn", "tn")}
    m["answered_rate"] = _mean((not r.abstained) for r in answerable)
    cits = sum(r.citations for r in results)
    m["citations"] = cits
    m["faithfulness"] = (sum(r.faithful for r in results) / cits) if cits else None
    direct = [r for r in results if r.direct_exact is not None]
    m["direct_questions"] = len(direct)
    m["direct_exact"] = _mean(r.direct_exact for r in direct)
    m["direct_lenient"] = _mean(r.direct_lenient for r in direct)
    verdicts = [r.verdict_ok for r in results if r.verdict_ok is not None]
    m["verdict_questions"] = len(verdicts)
    m["verdict"] = _mean(verdicts)
    parts = [p for r in results for p in r.parts]
    m["multi_parts"] = len(parts)
    m["multi_coverage"] = (sum(parts) / len(parts)) if parts else None
    return m


def summarize_by_type(results: Sequence[QuestionResult]) -> dict:
    out = {}
    for t in TYPES:
        rs = [r for r in results if r.type == t]
        if rs:
            out[t] = summarize(rs)
    return out
