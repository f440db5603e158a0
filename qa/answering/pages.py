"""那篇报道从第几页开始: a bulletin's table of contents gives each report's first page
(and its number: 那篇排第几篇).

The report asked about is the one the question's words found; its contents line is
quoted as it stands, the page number in it the direct answer. A source with pages of
its own (a PDF) gives the page of the passage found instead.
"""
from __future__ import annotations

import re

from .context import AnswerContext, Reply, bare, is_relevant
from .quotes import Pick, quoted, sentence_pick


def same_title(a: str, b: str, n: int = 12) -> bool:
    """Headings as the contents and the body print them: line breaks and spacing differ,
    and either may be cut short."""
    a, b = bare(a), bare(b)
    n = min(n, len(a), len(b))
    return n >= 4 and a[:n] == b[:n]


def answer_page(ctx: AnswerContext) -> Reply:
    r = ctx.retrieved
    if ctx.question.asks_page == "count":
        return _count_reports(ctx)
    target = next((c for c in r.ranked if c.chunk.kind != "front"), None)
    if target is None or target.best is None or not is_relevant(ctx, target, target.chunk.text):
        return Reply([], abstained=True)
    chunk = target.chunk
    if chunk.page_exact and chunk.page:
        # the source's own pages: the page of the passage found, not only where its report starts
        pick = sentence_pick(target, target.best)
        return Reply([f"据文档页码，在第{chunk.page_at(pick.start)}页：", ctx.quote_line(pick)], provinces=(chunk.province,))
    line = next((t for t in r.toc if t.candidate.chunk.doc == chunk.doc and same_title(t.title, chunk.title)), None)
    if line is None:
        return Reply([], abstained=True, reason=f"资料没有目录或页码，无法说明{chunk.province}这篇报道在第几页。")
    pick = Pick(line.candidate, line.start, line.end, line.candidate.score)
    if ctx.question.asks_page == "number":
        # 排第几篇: the number the contents line opens with
        if (m := _LEADING_NUMBER.match(pick.text)) is None:
            return Reply([], abstained=True, reason=f"资料目录未给{chunk.province}这篇报道编号。")
        at = m.span(1)
    else:
        page = str(line.page)
        start = pick.text.rindex(page)
        at = (start, start + len(page))
    rank = ctx.citations.add(pick)
    return Reply([f"{ctx.citations.where(rank, ctx.with_doc)}（目录）：{quoted(rank, pick.text)}"],
                 direct=(pick, *at), provinces=(chunk.province,))


_LEADING_NUMBER = re.compile(r"\s*(\d{1,3})\s*[.．、]")


def _count_reports(ctx: AnswerContext) -> Reply:
    """本期收了几篇报道: the contents lines of the bulletin the passages found, counted; the
    first and the last are quoted, and the last one's number is the answer when it agrees."""
    r = ctx.retrieved
    doc = next((c.chunk.doc for c in r.ranked), None)
    lines = [Pick(t.candidate, t.start, t.end, t.candidate.score)
             for t in sorted((t for t in r.toc if t.candidate.chunk.doc == doc), key=lambda t: (t.candidate.chunk.start, t.start))]
    # numbered reports, when the contents number them: an appendix (附：…讲话摘录) is part of one
    lines = [p for p in lines if _LEADING_NUMBER.match(p.text)] or lines
    if not lines:
        return Reply([], abstained=True, reason="资料没有目录，无法清点其中的报道。")
    picks = list(dict.fromkeys((lines[0], lines[-1])))
    ranks = [ctx.citations.add(p) for p in picks]
    where = ctx.citations.where(ranks[0], ctx.with_doc)
    head = f"目录共列{len(lines)}篇报道。{where}（目录）：" + "……".join(quoted(n, p.text) for n, p in zip(ranks, picks))
    m = _LEADING_NUMBER.match(picks[-1].text)
    direct = (picks[-1], *m.span(1)) if m and int(m.group(1)) == len(lines) else None
    return Reply([head], direct=direct, provinces=())

