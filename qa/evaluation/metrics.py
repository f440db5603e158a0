"""The measures, as pure functions of a ranking, an answer and the expected evidence.

Evidence strings are verbatim substrings of the cleaned document; a passage
"contains" one when it does after all white space is removed from both sides
(the raw-text baseline keeps PDF line breaks and stray spaces).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..answering import NOT_FOUND
from ..schema import Answer, Citation

_WS = re.compile(r"\s+")
_CITED = re.compile(r"\[(\d+)\]")


def squash(text: str) -> str:
    """Text with all white space removed."""
    return _WS.sub("", text)


@dataclass(frozen=True)
class Passage:
    """One ranked retrieval result. Offsets (when known) point into the cleaned document."""

    text: str
    province: str = ""
    section: str = ""
    doc: str = ""
    start: int = -1
    end: int = -1
    quote: str = ""
    score: float = 0.0


def citation_passage(c: Citation) -> Passage:
    return Passage(c.passage, c.province, c.section, c.doc, c.start, c.end, c.quote, c.score)


def ranked_passages(answer: Answer) -> list[Passage]:
    return [citation_passage(c) for c in sorted(answer.citations, key=lambda c: c.rank)]


# ---------------------------------------------------------------- ranking

def _merged_texts(passages: Sequence[Passage], docs: dict[str, str] | None) -> list[str]:
    """Texts of runs of passages that touch in their document (only white space
    between them), so an evidence string cut by a chunk boundary still counts."""
    if not docs:
        return []
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for p in passages:
        if p.doc in docs and 0 <= p.start < p.end:
            by_doc.setdefault(p.doc, []).append((p.start, p.end))
    out = []
    for doc, spans in by_doc.items():
        text = docs[doc]
        spans.sort()
        runs: list[list[int]] = []
        for s, e in spans:
            if runs and (s <= runs[-1][1] or not text[runs[-1][1] : s].strip()):
                runs[-1][1] = max(runs[-1][1], e)
            else:
                runs.append([s, e])
        out += [text[s:e] for s, e in runs if (s, e) not in spans]
    return out


def evidence_found(passages: Sequence[Passage], evidence: Sequence[str], docs: dict[str, str] | None = None) -> list[bool]:
    """For each evidence string: is it inside one of the passages (or a run of touching ones)?"""
    texts = [squash(p.text) for p in passages] + [squash(t) for t in _merged_texts(passages, docs)]
    return [any(squash(e) in t for t in texts) for e in evidence]


def evidence_recall(passages: Sequence[Passage], evidence: Sequence[str], k: int, docs: dict[str, str] | None = None) -> float | None:
    """Fraction of evidence strings found in the top-k passages (None: no evidence)."""
    if not evidence:
        return None
    return sum(evidence_found(list(passages[:k]), evidence, docs)) / len(evidence)


def is_relevant(text: str, evidence: Sequence[str]) -> bool:
    t = squash(text)
    return any(squash(e) in t for e in evidence)


def reciprocal_rank(passages: Sequence[Passage], evidence: Sequence[str], k: int = 10) -> float | None:
    """1/rank of the first passage that contains an evidence string (MRR@k per question)."""
    if not evidence:
        return None
    for rank, p in enumerate(passages[:k], 1):
        if is_relevant(p.text, evidence):
            return 1.0 / rank
    return 0.0


def ndcg(passages: Sequence[Passage], evidence: Sequence[str], k: int = 10, n_relevant: int | None = None) -> float | None:
    """Binary-relevance nDCG@k. `n_relevant` is how many passages of the whole
    collection are relevant (for the ideal ranking); by default those retrieved."""
    if not evidence:
        return None
    gains = [1.0 if is_relevant(p.text, evidence) else 0.0 for p in passages[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal_n = int(sum(gains)) if n_relevant is None else max(int(n_relevant), int(sum(gains)))
    ideal_n = min(ideal_n, k)
    if ideal_n == 0:
        return 0.0
    return dcg / sum(1.0 / math.log2(i + 2) for i in range(ideal_n))


def relevant_counts(evidence_by_id: dict[str, Sequence[str]], texts: Sequence[str]) -> dict[str, int]:
    """How many passages of a collection contain an evidence string, per question id."""
    squashed = [squash(t) for t in texts]
    out = {}
    for qid, evidence in evidence_by_id.items():
        ev = [squash(e) for e in evidence]
        out[qid] = sum(1 for t in squashed if any(e in t for e in ev)) if ev else 0
    return out


def province_hit(passages: Sequence[Passage], gold: Sequence[str]) -> bool | None:
    """Is the top passage from one of the question's provinces? None: no gold provinces."""
    if not gold:
        return None
    return bool(passages) and passages[0].province in gold


# ---------------------------------------------------------------- answers

def precision_recall(predicted: Iterable[str], gold: Iterable[str]) -> tuple[float | None, float | None]:
    pred, want = set(predicted), set(gold)
    right = len(pred & want)
    precision = right / len(pred) if pred else None
    recall = right / len(want) if want else None
    return precision, recall


def refusal_scores(pairs: Iterable[tuple[bool, bool]]) -> dict:
    """Refusals as a classifier. pairs: (should_abstain, abstained).
    precision: refusals that were right; recall: unanswerable questions refused."""
    tp = fp = fn = tn = 0
    for should, did in pairs:
        if should and did:
            tp += 1
        elif did:
            fp += 1
        elif should:
            fn += 1
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def check_citation(c: Citation, docs: dict[str, str]) -> str | None:
    """None when the citation is verbatim, else the reason it is not."""
    if not c.quote:
        return "empty quote"
    if c.quote not in c.passage:
        return "quote is not a substring of its passage"
    text = docs.get(c.doc)
    if text is None:
        return f"source document {c.doc!r} not found"
    if not (0 <= c.start <= c.end <= len(text)) or text[c.start : c.end] != c.passage:
        return f"passage is not {c.doc}[{c.start}:{c.end}]"
    return None


def cited(answer: Answer) -> list[Citation]:
    """The citations the answer's text refers to with [n], in rank order."""
    ranks = {int(m) for m in _CITED.findall(answer.text)}
    return [c for c in sorted(answer.citations, key=lambda c: c.rank) if c.rank in ranks]


def listed_provinces(answer: Answer) -> tuple[str, ...]:
    """The provinces an answer names as having the thing asked about."""
    if answer.abstained:
        return ()
    if answer.mode in ("which", "meeting") and answer.provinces:
        return tuple(answer.provinces)
    return tuple(dict.fromkeys(c.province for c in cited(answer)))


def direct_match(answer: Answer, expected: str) -> tuple[bool, bool]:
    """(exact, lenient): the answer is not refused and its direct answer equals the
    expected span once white space is removed (exact), or holds it or lies inside it."""
    if answer.abstained or answer.direct_answer is None or not expected:
        return False, False
    got, want = squash(answer.direct_answer.text), squash(expected)
    if not got:
        return False, False
    return got == want, want in got or got in want


def part_said_missing(answer_text: str, n: int) -> bool:
    return f"（{n}）{NOT_FOUND}" in answer_text


def parts_covered(answer: Answer, parts: Sequence[Sequence[str]], docs: dict[str, str] | None = None) -> list[bool]:
    """For each part of a multi-part question: all its evidence is in the passages
    the answer cites, and the answer does not say that part is missing."""
    if answer.abstained:
        return [False] * len(parts)
    passages = [citation_passage(c) for c in cited(answer)]
    return [all(evidence_found(passages, part, docs)) and not part_said_missing(answer.text, n)
            for n, part in enumerate(parts, 1)]
