"""Stage 6: the answer. One strategy per question type, all reading one AnswerContext.

Adding a question type means one rule in qa/question.py and one function here.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..asking import THEME_ASKED, asks_one_thing
from ..question import BESIDE_A_MEETING, LARGEST, asks_only_the_meeting
from ..schema import Answer, DirectAnswer, Trace, TraceHit
from .agreement import agrees, names_the_meeting
from .context import FIELD_FOR_KIND, AnswerContext, Reply, answers_kind, direct_text
from .facts import answer_fact
from .items import answer_item, item_asked
from .listing import answer_compare, answer_which
from .meeting import answer_meeting, asks_the_form, holds_the_title_asked
from .pages import answer_page
from .polar import mentioned
from .premises import not_written, unwritten
from .quotes import MAYBE, NOT_FOUND, Citations, maybe_line
from .spans import shown_figure


def answer_multi(ctx: AnswerContext) -> Reply:
    """Each part of a multi-part question on its own line, with its own citations,
    or said to be missing. Refused only when no part is answered."""
    lines, direct, answered = [], None, 0
    found = set()  # each part's direct answer
    for n, part in enumerate(ctx.parts, 1):
        part.citations = ctx.citations  # one numbering across the parts
        mode = strategy(part)
        before = len(ctx.citations.picks)
        reply = answer_by(part, mode)
        # (浙江和江苏有没有都提到低空经济: each part is one province's, and says whose it is)
        label = f"{part.question.provinces[0]}：" if ctx.question.mention and len(part.question.provinces) == 1 else ""
        if reply.abstained:
            said = (reply.reason or "") + "".join(reply.lines)
            lines.append(f"（{n}）{label}{NOT_FOUND}" + (f"：{said}" if said else "。"))
            continue
        answered += 1
        direct = direct or reply.direct
        found.add(direct_text(reply.direct))
        settled = part.verdict if mode == "meeting" else mentioned(part, ctx.citations.picks[before:before + 1])
        lines.append(f"（{n}）{label}{settled + '。' if settled else ''}" + "\n".join(reply.lines))
    # (2024年和2025年四川的会分别由谁主持: one question of two years, answered 王晓晖 and 施小琳; neither alone)
    # (the whole question's years: a part's year, once it has chosen the documents, is dropped)
    each_year = len(ctx.question.years) == len(ctx.parts) > 1
    return Reply(lines, abstained=answered == 0, direct=None if each_year and len(found) > 1 else direct, provinces=ctx.question.provinces)


STRATEGIES = {
    "fact": answer_fact,
    "figure": answer_fact,
    "person": answer_fact,
    "date": answer_fact,
    "place": answer_fact,
    "summary": answer_fact,
    "which": answer_which,
    "compare": answer_compare,
    "meeting": answer_meeting,
    "multi": answer_multi,
    "page": answer_page,
    "item": answer_item,
}


# a which-answer and a comparison quote several reports, and are left as they are; a question
# in parts is checked part by part, in answer_multi
_SEVERAL_REPORTS = ("which", "compare", "multi")


def answer_by(ctx: AnswerContext, mode: str) -> Reply:
    """The strategy's reply, refused when the report it quotes does not write what the question
    states (qa/answering/premises.py): the nearest sentence of such a report answers another question."""
    before = len(ctx.citations.picks)
    reply = STRATEGIES[mode](ctx)
    if reply.abstained or mode in _SEVERAL_REPORTS or ctx.question.qtype in _SEVERAL_REPORTS:
        return reply
    # (the first passage the reply quoted: its picks are numbered from `before` on)
    pick = ctx.citations.picks[before] if len(ctx.citations.picks) > before else None
    if pick is None or not (missing := unwritten(ctx, pick.candidate)):
        return reply
    return Reply([ctx.mention_line(pick)], abstained=True, reason=not_written(missing, pick.candidate.chunk.province))


_ANOTHER_TIME = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)年前|去年|前年|往年|当年|上一?(?:届|次|年)|第一次|首次|历次|历年")


def strategy(ctx: AnswerContext) -> str:
    """Which strategy answers: the question's type, except that questions about the
    meetings themselves are answered from the meeting records where those hold the field."""
    q, r = ctx.question, ctx.retrieved
    if q.asks_page and q.qtype != "multi":
        return "page"
    if q.qtype not in ("multi", "which", "compare") and item_asked(q.text):
        return "item"  # 第三点讲的是什么: one item of a list the report spells out
    field = q.meeting_field
    if q.qtype == "which" and q.about_meeting and r.meetings and field is None and asks_only_the_meeting(q.text):
        return "meeting"  # 哪些省开了新春第一会: every meeting the reports record
    if q.qtype == "multi" or not (field and q.about_meeting and r.meetings):
        return q.qtype
    if q.qtype in ("which", "compare"):
        return "meeting"
    if field == "scale" and len(q.provinces) != 1 and LARGEST.search(q.text):
        return "meeting"  # 哪场会规模最大: the records that count who attended, ranked
    # (四川的会是哪天开的, of 四川's reports in two years' documents: each year's record answers)
    each_year = len({m.province for m, _ in r.meetings}) == 1 and len({m.doc for m, _ in r.meetings}) == len(r.meetings)
    single = len(r.meetings) == 1 or each_year
    one = single and field in r.meetings[0][1]
    if not holds_the_title_asked(q, r.meetings, field):
        return q.qtype  # (the report's sentences answer, or say no one of that post did it)
    asks_form = asks_the_form(q)
    if asks_form and single:
        return "meeting"  # (天津的会以什么形式召开, of a report that states none: its record says so)
    # 会议名称是什么, 开的是什么会: the name is the record's theme, read from the report's heading
    # (十年前第一次开的是什么会, 去年开的什么会: a meeting of another time than the report's)
    # (会议的主题是什么: the theme the heading gives, 全省深化能力作风建设工作会议，持之以恒…)
    asks_name = (q.kind == "name" or q.kind is None and bool(THEME_ASKED.search(q.text))) and field == "theme" and asks_one_thing(q.text)
    if asks_name and (q.years or _ANOTHER_TIME.search(q.text)):
        return q.qtype
    # 是2月18日开的吗, 是王凯主持的吗: whether the field holds a value (a verdict reads the record)
    asks_whether = q.polar and bool(ctx.verdict)
    if one and (field in FIELD_FOR_KIND.get(q.kind or "", ()) or asks_form or asks_name or asks_whether):
        c, a, b = r.meetings[0][1][field]
        # the record must hold the kind asked: 100余家…参会 is no count of people
        # (and name the same meeting: a 全国 meeting the report mentions is not its 全省 one)
        # (创新驱动发展分论坛: an event beside the meeting is another one, its host not the meeting's)
        beside = BESIDE_A_MEETING.search(q.meeting_name)
        if ((asks_name or asks_whether or answers_kind(q, c.chunk.text[a:b])) and agrees(q, c.chunk.text[a:b]) and names_the_meeting(q, c.chunk.text[a:b] + c.chunk.title)
                and not (beside and beside.group() not in r.meetings[0][0].title)):
            return "meeting"
    return q.qtype


def found_provinces(ctx: AnswerContext) -> tuple[str, ...]:
    """The provinces a which-provinces answer lists; none when it is refused. (Its citations
    are numbered apart: the question it is part of numbers them again.)"""
    reply = STRATEGIES[strategy(ctx)](replace(ctx, citations=Citations()))
    return () if reply.abstained else reply.provinces


def compose(ctx: AnswerContext, reason: str = "") -> Answer:
    """The Answer for a question: its strategy's reply, with numbered citations (at least k)."""
    mode = strategy(ctx)
    reply = Reply([], abstained=True, reason=reason) if reason else answer_by(ctx, mode)
    ctx.citations.fill(ctx.retrieved.ranked + ctx.retrieved.outside, ctx.k)
    citations = ctx.citations.build()
    q = ctx.question
    direct, said = None, ""
    if reply.abstained:
        missing = reply.reason + "".join(reply.lines)
        text = NOT_FOUND + (f"：{missing}" if reply.lines else f"。{missing}") + maybe_line(citations, ctx.with_doc)
    else:
        text = "\n".join(reply.lines)
        if reply.direct is not None:
            pick, a, b = reply.direct
            a = shown_figure(pick.text, a, b) if q.kind == "figure" else a
            rank = ctx.citations.add(pick)  # already cited: add() returns its number
            direct = DirectAnswer(pick.text[a:b], rank, a, b)
            text = f"**{direct.text}**\n{text}"
        if said := ctx.verdict if mode == "meeting" else mentioned(ctx):
            text = f"{said}。\n{text}"
    return Answer(q.asked or q.text, text, reply.abstained, citations, mode, reply.provinces or q.provinces, direct,
                  trace=trace(ctx, mode), verdict=said)


def trace(ctx: AnswerContext, mode: str) -> Trace:
    hits = tuple(
        TraceHit(c.chunk.id, c.chunk.doc, c.chunk.province, c.chunk.section, c.chunk.start, c.chunk.end,
                 c.score, c.dense, c.sentence, c.keyword, c.coverage)
        for c in ctx.retrieved.ranked
    )
    return Trace(mode, ctx.question.search_text, hits)


__all__ = ["AnswerContext", "MAYBE", "NOT_FOUND", "STRATEGIES", "compose", "strategy"]
