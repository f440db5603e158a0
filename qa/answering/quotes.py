"""Citations: which passages are cited, in what order, and which sentence of each is quoted.

Every quote is a slice of its passage, and every passage a slice of its document:
nothing here rewrites text.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..retrieval import Candidate, SentenceHit
from ..schema import FRONT_PROVINCE, Citation

NOT_FOUND = "未在资料中找到相关内容"
MAYBE = "可能相关"


@dataclass(frozen=True)
class Pick:
    """A quote chosen for the answer: sentence(s) start:end of a candidate's text."""

    candidate: Candidate
    start: int
    end: int
    score: float = 0.0

    @property
    def text(self) -> str:
        return self.candidate.chunk.text[self.start : self.end]


def sentence_pick(c: Candidate, s: SentenceHit, score: float | None = None) -> Pick:
    """A sentence as a quote; a very short one (a heading, "一是：") takes its neighbour along."""
    start, end = s.start, s.end
    if end - start < 30:
        later = [t for t in c.sentences if t.start >= end]
        if later and "\n" not in c.chunk.text[start : later[0].end]:
            end = later[0].end
    return Pick(c, start, end, s.score if score is None else score)


def best_pick(c: Candidate) -> Pick:
    """The candidate's best sentence, or the whole passage when it has none."""
    s = c.best
    return sentence_pick(c, s) if s else Pick(c, 0, len(c.chunk.text), c.dense)


def opening_pick(c: Candidate) -> Pick:
    """The candidate's first sentence (a report's opening, shown for what the report leaves
    out, which has no sentence of its own to quote), or its best pick when it has none."""
    return sentence_pick(c, min(c.sentences, key=lambda t: t.start)) if c.sentences else best_pick(c)


class Citations:
    """Numbered citations in the order they are first used; a passage quoted twice with
    different sentences is cited twice, so that every [n] names exactly one quote."""

    def __init__(self) -> None:
        self.picks: list[Pick] = []
        self._rank: dict[tuple[int, int, int], int] = {}  # (chunk id, start, end) -> its number

    def add(self, pick: Pick) -> int:
        key = (pick.candidate.chunk.id, pick.start, pick.end)
        if key not in self._rank:
            self.picks.append(pick)
            self._rank[key] = len(self.picks)
        return self._rank[key]

    def fill(self, ranked: list[Candidate], k: int) -> None:
        """Closest passages not cited yet, until there are k citations to check the answer against."""
        cited = {p.candidate.chunk.id for p in self.picks}
        for c in ranked:
            if len(self.picks) >= k:
                break
            if c.chunk.id not in cited:
                self.add(best_pick(c))
                cited.add(c.chunk.id)

    def build(self) -> list[Citation]:
        return [cite(i + 1, p) for i, p in enumerate(self.picks)]

    def where(self, rank: int, with_doc: bool = False) -> str:
        return where(cite(rank, self.picks[rank - 1]), with_doc)


def cite(rank: int, pick: Pick) -> Citation:
    c = pick.candidate.chunk
    return Citation(
        rank=rank,
        province=c.province,
        section=c.section,
        title=c.title,
        page=c.page_at(pick.start) if c.page_exact else c.page,
        quote=pick.text,
        passage=c.text,
        score=round(pick.candidate.score, 6),
        doc=c.doc,
        start=c.start,
        end=c.end,
        quote_spans=((pick.start, pick.end),),
        doc_title=c.doc_title,
        page_exact=c.page_exact,
    )


def where(c: Citation, with_doc: bool = False) -> str:
    """广东·第1节·第3页起 — how a citation is named in the answer text. The page is the
    quote's own when the source gives pages, else the section's first page (起)."""
    parts = [c.doc_title or c.doc] if with_doc else []
    parts.append(c.province)
    if c.section != FRONT_PROVINCE:
        number, _, appendix = c.section.partition("-")
        parts.append(f"第{number}节" + (appendix if appendix else ""))
    if c.page:
        parts.append(f"第{c.page}页" + ("" if c.page_exact else "起"))
    return "·".join(parts)


def quoted(rank: int, text: str) -> str:
    return f"「{text}」[{rank}]"


def maybe_line(citations: list[Citation], with_doc: bool = False) -> str:
    if not citations:
        return ""
    return f"\n{MAYBE}：" + "；".join(f"[{c.rank}] {where(c, with_doc)}" for c in citations)
