"""Questions about the meetings themselves, answered from the meeting records that
were read from each report at index time (who presided, when, in what form, how many
attended). Each record field carries the verbatim sentence it came from; that
sentence is what the answer quotes."""
from __future__ import annotations

import re

from ..question import MEETING_FIELDS
from ..schema import MeetingRecord
from . import spans
from .context import AnswerContext, Reply, missing_fact
from .quotes import Pick, best_pick, quoted

FIELD_NAMES = {"host": "主持人", "date": "召开日期", "format": "会议形式", "scale": "参会规模", "speakers": "讲话人"}


def _value(m: MeetingRecord, field: str) -> str:
    v = getattr(m, field, "")
    return "、".join(v) if isinstance(v, tuple) else (v or "")


def _condition(ctx: AnswerContext, field: str) -> list[str]:
    """What the question asks of the field: `由省长主持` → 省长; `不是在2月18日` → 2月18日."""
    q = ctx.question
    if field == "date":
        found = [re.sub(r"\s+", "", q.text[a:b]) for a, b in spans.dates(q.text)]
        if found:
            return found
    trigger = MEETING_FIELDS[field]
    return [t for t in q.terms if len(t) > 1 and not trigger.search(t) and not re.search(r"会议|大会|省市|省份|地方|哪些", t)]


def _matches(m: MeetingRecord, field: str, condition: list[str], evidence_text: str) -> bool:
    # a title or a date is read from the field's value: the sentence may name other people
    value = re.sub(r"\s+", "", _value(m, field))
    haystack = value if field in ("host", "date", "speakers") else value + re.sub(r"\s+", "", evidence_text)
    return any(c in haystack for c in condition)


def answer_meeting(ctx: AnswerContext) -> Reply:
    q = ctx.question
    if q.qtype == "which":
        return _which(ctx, q.meeting_field)
    return _each(ctx, q.meeting_field)


def _which(ctx: AnswerContext, field: str) -> Reply:
    condition = _condition(ctx, field)
    listed, unknown = [], []
    for m, located in ctx.retrieved.meetings:
        if field not in located:
            unknown.append(m)
            continue
        c, a, b = located[field]
        hit = _matches(m, field, condition, c.chunk.text[a:b]) if condition else True
        if hit != ctx.question.negated:
            listed.append((m, Pick(c, a, b, c.score)))
    what = FIELD_NAMES[field]
    if not listed:
        return Reply([f"所有报道中没有符合条件的会议（按{what}）。"], abstained=True, reason="")
    lines = [f"共{len(listed)}个省市：{'、'.join(_label(ctx, m) for m, _ in listed)}"]
    for n, (m, pick) in enumerate(listed, 1):
        rank = ctx.citations.add(pick)
        lines.append(f"{n}. {ctx.citations.where(rank, ctx.with_doc)}：{quoted(rank, pick.text)}")
    if unknown:
        lines.append(f"另有{len(unknown)}个省市的报道未写明{what}：{'、'.join(_label(ctx, m) for m in unknown)}。")
    return Reply(lines, provinces=tuple(m.province for m, _ in listed))


def _each(ctx: AnswerContext, field: str) -> Reply:
    """The field for each province asked about (one for a single-province question)."""
    lines, answered, direct = [], False, None
    what = FIELD_NAMES[field]
    compare = ctx.question.qtype == "compare"
    for m, located in ctx.retrieved.meetings:
        if field in located:
            c, a, b = located[field]
            pick = Pick(c, a, b, c.score)
            rank = ctx.citations.add(pick)
            label = _label(ctx, m) if compare else ctx.citations.where(rank, ctx.with_doc)
            lines.append(f"{label}：{quoted(rank, pick.text)}")
            value = _value(m, field)
            at = pick.text.find(value) if value else -1
            if direct is None and at >= 0:
                direct = (pick, at, at + len(value))
            answered = True
        else:
            opening = ctx.retrieved.openings.get(m.province)
            note = f"{_label(ctx, m)}：资料未写明{what}"
            if opening is not None:
                rank = ctx.citations.add(best_pick(opening))
                note += f"；报道提到：{quoted(rank, ctx.citations.picks[rank - 1].text)}"
            lines.append(note + "。")
    if not answered:
        return Reply(lines, abstained=True, reason=missing_fact(ctx.question, field) + "。")
    return Reply(lines, direct=None if compare else direct, provinces=ctx.question.provinces)


def _label(ctx: AnswerContext, m: MeetingRecord) -> str:
    return f"{m.province}（{m.doc_title or m.doc}）" if ctx.with_doc else m.province
