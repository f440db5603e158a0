"""Stage 6: the answer. Quote the sentences that answer, cite their passages,
or say 未在资料中找到相关内容 when nothing in the documents does."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .keyword_index import tokenize
from .question import Question
from .retrieval import Hit, Retriever
from .schema import FRONT_PROVINCE, Answer, Citation

NOT_FOUND = "未在资料中找到相关内容"
MAYBE = "可能相关"

# a sentence runs to 。！？； (and any closing quote after it) or to the end of a line
_SENTENCE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)]*)?")
_NUMBER = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两]+(?:个|年|项|家|次|条|大|批|支|届|周|倍|亿|万)")
_ROLE = re.compile(r"书记|省长|市长|主席|主任|厅长|院长|部长|主持|讲话|出席|董事长")


@dataclass(frozen=True)
class Quote:
    start: int  # offsets inside the passage
    end: int
    score: float


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            spans.append((s, e))
    return spans


def best_quote(q: Question, hit: Hit, retriever: Retriever) -> Quote:
    """The sentence of the passage that best answers; a short one takes its neighbour along."""
    text = hit.chunk.text
    spans = sentence_spans(text) or [(0, len(text))]
    best, best_score = 0, -1.0
    for i, (s, e) in enumerate(spans):
        sent = text[s:e]
        score = retriever.coverage(q.terms, set(tokenize(sent)))
        if q.wants_number and _NUMBER.search(sent):
            score += 0.25
        if q.wants_person and _ROLE.search(sent):
            score += 0.2
        # headings name the meeting but rarely answer; prefer body sentences on ties
        if s == 0 and "\n" in text and hit.chunk.start == _section_start(hit, retriever):
            score -= 0.05
        if score > best_score:
            best, best_score = i, score
    s, e = spans[best]
    if e - s < 30 and best + 1 < len(spans) and "\n" not in text[s : spans[best + 1][1]]:
        e = spans[best + 1][1]
    return Quote(s, e, best_score)


def _section_start(hit: Hit, retriever: Retriever) -> int:
    for sec in retriever.index.sections:
        if sec.doc == hit.chunk.doc and sec.label == hit.chunk.section:
            return sec.start
    return -1


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
        parts.append(f"第{c.section}节" if "-" not in c.section else f"第{c.section.replace('-', '节')}")
    if c.page:
        parts.append(f"第{c.page}页")
    return "·".join(parts)


def is_answered(q: Question, hit: Hit, quote: Quote, retriever: Retriever) -> bool:
    s = retriever.settings
    if hit.coverage >= s.min_coverage or hit.dense >= s.min_dense:
        if q.wants_number and not _NUMBER.search(hit.chunk.text[quote.start : quote.end]):
            # a figure question answered by a sentence without a figure is not answered
            return hit.coverage >= 0.8 and quote.score >= 0.8
        return True
    return False


def compose(q: Question, hits: list[Hit], retriever: Retriever, k: int, missing: tuple[str, ...] = ()) -> Answer:
    """Build the Answer for ranked hits of a fact or comparison question."""
    citations = [cite(i + 1, h, best_quote(q, h, retriever)) for i, h in enumerate(hits)]
    if missing:
        names = "、".join(missing)
        return refusal(q, citations, f"资料中没有{names}的会议报告。")
    if not hits:
        return refusal(q, citations, "")
    top_quote = best_quote(q, hits[0], retriever)
    if not is_answered(q, hits[0], top_quote, retriever):
        return refusal(q, citations, "")
    lines = []
    if q.mode == "compare":
        for p in q.provinces:
            mine = [c for c in citations if c.province == p][:2]
            if mine:
                lines.append(f"{p}：" + "".join(f"「{c.quote}」[{c.rank}]" for c in mine))
    else:
        lines.append(f"{where(citations[0])}：「{citations[0].quote}」[1]")
        # a second passage that is nearly as good often completes the answer
        if len(hits) > 1 and hits[1].score >= 0.9 * hits[0].score and hits[1].coverage >= retriever.settings.min_coverage:
            lines.append(f"{where(citations[1])}：「{citations[1].quote}」[2]")
    return Answer(q.text, "\n".join(lines), False, citations, q.mode, q.provinces)


def refusal(q: Question, citations: list[Citation], reason: str) -> Answer:
    text = NOT_FOUND + "。" + (reason if reason else "")
    if citations:
        text += f"\n{MAYBE}：" + "；".join(f"[{c.rank}] {where(c)}" for c in citations)
    return Answer(q.text, text, True, citations, q.mode, q.provinces)


def compose_which(q: Question, per_province: list[tuple[str, Hit]], fill: list[Hit], retriever: Retriever, k: int) -> Answer:
    """One quote from each province whose best passage clears the bar."""
    s = retriever.settings
    found = [(p, h) for p, h in per_province if h.coverage >= s.which_min_coverage or h.dense >= s.min_dense]
    chosen = [h for _, h in found]
    seen = {h.chunk.id for h in chosen}
    rest = [h for h in fill if h.chunk.id not in seen]
    hits = chosen + rest[: max(0, k - len(chosen))]
    citations = [cite(i + 1, h, best_quote(q, h, retriever)) for i, h in enumerate(hits)]
    if not found:
        return refusal(q, citations, "")
    lines = [f"共{len(found)}个省市提到：" if len(found) > 1 else "1个省市提到："]
    for i, (p, _) in enumerate(found):
        c = citations[i]
        lines.append(f"{i + 1}. {where(c)}：「{c.quote}」[{c.rank}]")
    return Answer(q.text, "\n".join(lines), False, citations, "which", tuple(p for p, _ in found))
