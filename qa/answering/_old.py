"""Stage 6: the answer. Quote the sentences that answer, cite their passages,
or say 未在资料中找到相关内容 when nothing in the documents does."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .keyword_index import tokenize
from .question import Question
from .retrieval import Hit, Retriever, Scores
from .schema import FRONT_PROVINCE, Answer, Citation

NOT_FOUND = "未在资料中找到相关内容"
MAYBE = "可能相关"

# dates and years answer no "how many" question
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|[0-9]{1,2}\s*月|\d{4}")
_NUMBER = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两]+(?:个|年|项|家|次|条|大|批|支|届|周|倍|亿|万|成)")
_ROLE = re.compile(r"书记|省长|市长|主席|主任|厅长|院长|部长|主持|讲话|出席|董事长")


_HEADING_NUMBER = re.compile(r"^\**\s*\d{1,2}\s*[.．、]")


def has_figure(text: str) -> bool:
    """A count or an amount, not a date or a section number."""
    return bool(_NUMBER.search(_DATE.sub("", _HEADING_NUMBER.sub("", text))))


@dataclass(frozen=True)
class Quote:
    start: int  # offsets inside the passage
    end: int
    score: float


def best_quote(q: Question, hit: Hit, retriever: Retriever, scores: Scores) -> Quote:
    """The sentence of the passage that best answers the question.

    Sentences are ranked by their own embedding's similarity to the question,
    with a share for the question's key words and for a figure or a person when
    the question asks for one. A very short sentence takes its neighbour along.
    """
    text = hit.chunk.text
    spans = retriever.index.sentence_spans[hit.chunk.id]
    if not spans:  # a passage with no sentence to pick is quoted whole
        return Quote(0, len(text), hit.dense)
    first_row = int(retriever.sentence_offsets[hit.chunk.id])
    s = retriever.settings
    best, best_score = 0, float("-inf")
    for i, (a, b) in enumerate(spans):
        sent = text[a:b]
        score, _ = retriever.sentence_score(scores, first_row + i)
        if q.wants_number and has_figure(sent):
            score += s.quote_number_bonus
        if q.wants_person and _ROLE.search(sent):
            score += s.quote_bonus
        if a == 0 and len(spans) > 1 and hit.chunk.id in retriever.opens_section:
            score -= s.heading_penalty  # a heading names the meeting; the body answers
        if score > best_score:
            best, best_score = i, score
    a, b = spans[best]
    if b - a < 30 and best + 1 < len(spans) and "\n" not in text[a : spans[best + 1][1]]:
        b = spans[best + 1][1]
    return Quote(a, b, best_score)


def cite(rank: int, hit: Hit, quote: Quote) -> Citation:
    c = hit.chunk
    return Citation(
        rank=rank,
        province=c.province,
        section=c.section,
        title=c.title,
        page=c.page,
        quote=c.text[quote.start : quote.end],
        passage=c.text,
        score=round(hit.score, 6),
        doc=c.doc,
        start=c.start,
        end=c.end,
        quote_spans=((quote.start, quote.end),),
    )


def where(c: Citation) -> str:
    """广东·第1节·第3页 — how a citation is named in the answer text."""
    parts = [c.province]
    if c.section != FRONT_PROVINCE:
        number, _, appendix = c.section.partition("-")
        parts.append(f"第{number}节" + (appendix if appendix else ""))
    if c.page:
        parts.append(f"第{c.page}页")
    return "·".join(parts)


def is_relevant(q: Question, hit: Hit, quote_text: str, retriever: Retriever) -> bool:
    if not any(ch.isalnum() for ch in q.text):
        return False  # "。？！": near-empty queries sit close to every short sentence
    s = retriever.settings
    if not (hit.coverage >= s.min_coverage or hit.sentence >= s.min_dense):
        return False
    if q.wants_number and q.mode != "compare":
        # a figure question is answered only by a sentence that gives a figure
        # (not a date) and speaks of what was asked
        quote_coverage = retriever.coverage(q.terms, set(tokenize(quote_text)))
        return (has_figure(quote_text) and quote_coverage >= s.min_quote_coverage_number) or hit.coverage >= s.min_coverage_no_number
    return True


def citations_for(q: Question, hits: list[Hit], retriever: Retriever, scores: Scores) -> list[Citation]:
    return [cite(i + 1, h, best_quote(q, h, retriever, scores)) for i, h in enumerate(hits)]


def compose(q: Question, hits: list[Hit], retriever: Retriever, scores: Scores, missing: tuple[str, ...] = ()) -> Answer:
    """The Answer for ranked hits of a fact or comparison question."""
    citations = citations_for(q, hits, retriever, scores)
    if missing:
        return refusal(q, citations, f"资料中没有{'、'.join(missing)}的会议报告。")
    if not hits or not is_relevant(q, hits[0], citations[0].quote, retriever):
        return refusal(q, citations, "")
    lines = []
    if q.mode == "compare":
        for p in dict.fromkeys(c.province for c in citations if c.province in q.provinces):
            mine = [c for c in citations if c.province == p][:2]
            lines.append(f"{p}：" + "".join(f"「{c.quote}」[{c.rank}]" for c in mine))
    else:
        lines.append(f"{where(citations[0])}：「{citations[0].quote}」[1]")
        # a second passage nearly as good often completes the answer
        if len(hits) > 1 and hits[1].score >= retriever.settings.second_quote_ratio * hits[0].score and is_relevant(q, hits[1], citations[1].quote, retriever):
            lines.append(f"{where(citations[1])}：「{citations[1].quote}」[2]")
    return Answer(q.text, "\n".join(lines), False, citations, q.mode, q.provinces)


def refusal(q: Question, citations: list[Citation], reason: str) -> Answer:
    text = NOT_FOUND + "。" + reason
    if citations:
        text += f"\n{MAYBE}：" + "；".join(f"[{c.rank}] {where(c)}" for c in citations)
    return Answer(q.text, text, True, citations, q.mode, q.provinces)


def compose_which(q: Question, retriever: Retriever, scores: Scores, k: int) -> Answer:
    """One quote from every province that speaks of the topic.

    A province counts when its best sentence scores within `which_gap` of the
    best province's and holds some of the question's key words: on the e5 scale
    the gap separates the provinces that say it from those that merely sound alike.
    """
    s = retriever.settings
    best = retriever.best_sentences_by_province(scores)
    top = max((z for z, _, _ in best.values()), default=0.0)
    found = [
        retriever.hit(scores, chunk_id)
        for _, (z, cov, chunk_id) in sorted(best.items(), key=lambda kv: -kv[1][0])
        if z >= top - s.which_gap and cov >= s.which_min_coverage
    ]
    seen = {h.chunk.id for h in found}
    fill = retriever.rank(scores, (), k + len(found), exclude=seen)
    hits = found + fill[: max(0, k - len(found))]
    citations = citations_for(q, hits, retriever, scores)
    if not found or not is_relevant(q, found[0], citations[0].quote, retriever):
        return refusal(q, citations, "")
    lines = [f"共{len(found)}个省市：" if len(found) > 1 else "1个省市："]
    for c in citations[: len(found)]:
        lines.append(f"{c.rank}. {where(c)}：「{c.quote}」[{c.rank}]")
    return Answer(q.text, "\n".join(lines), False, citations, "which", tuple(h.chunk.province for h in found))
