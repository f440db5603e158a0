"""Questions answered yes or no (北京的会是2月18日开的吗, 是王凯主持的吗, 是在深圳开的吗):
the verdict, read from the meeting records and said before the quotes that show it.

Only what a record states can say no: a date, the one host, the city a meeting was
held in. A record that lists the speakers or the format may leave someone or something
out, so about those it can only say yes."""
from __future__ import annotations

import re

from ..asking import POSTS
from ..meetings import field_text, holds_title, person_name
from ..question import HELD_IN, whether_side
from ..schema import MeetingRecord
from . import spans
from .agreement import holds_word
from .context import AnswerContext
from .meeting import condition, titles

YES, NO = "是", "不是"

_SAME_DAY = re.compile(r"同一天|同一日|同天|同日")
# 线上开的, 网上开的: held over a link, which a 视频 or 电视电话 meeting is
_REMOTE_ASKED = re.compile(r"视频|线上|网上|网络|远程|云上")
_REMOTE_HELD = re.compile(r"视频|电视电话|网络|线上")
_PARTS_ASKED = ("分会场", "主会场", "电视电话", "直播")
_POST = re.compile(rf"[\u4e00-\u9fff]{{0,6}}(?:{POSTS})")
# 省会, 省城: the capital, which the records do not know by that name
_NO_PLACE = re.compile(r"^(?:省会|省城|首府|会上|现场|当地|本地|线上|线下|网上)$")


def verdict(ctx: AnswerContext) -> str:
    """是 or 不是 for a yes-or-no question the meeting records answer, else ""."""
    q = ctx.question
    if not q.polar or q.qtype == "which":
        return ""
    field = q.meeting_field
    judge = {"date": _date, "host": _person, "speakers": _person, "format": _format}.get(field or "")
    # (where it was held may stand in the opening that dates it: 2月18日下午，…在长沙召开)
    records = [(m, "".join(c.chunk.text[a:b] for name, (c, a, b) in located.items() if name in (field, "date")))
               for m, located in ctx.retrieved.meetings if field in located]
    if judge is None or not records:
        return ""
    if field == "date" and not spans.month_day(q.text) and _SAME_DAY.search(q.text):
        days = {spans.month_day(field_text(m, "date")) for m, _ in records}
        one_issue = len({m.doc for m, _ in records}) == 1  # (the records hold no year)
        return "" if len(records) < 2 or None in days or not one_issue else YES if len(days) == 1 else NO
    found = [judge(ctx, m, said) for m, said in records]
    if None in found or len({m.doc for m, _ in records}) > 1 and len(set(found)) > 1:
        return ""  # (two issues that disagree: the question named no year to choose one)
    return YES if all(found) else NO


def mentioned(ctx: AnswerContext, first: list | None = None) -> str:
    """有 for 有没有提到北交所 when the first quote (`first`: of a part, the first it added),
    from the report asked about, holds every word asked after. Not finding them says
    nothing: the report may word it otherwise."""
    q = ctx.question
    first = ctx.citations.picks[:1] if first is None else first
    if not q.polar or len(q.choices) != 1 or not first:
        return ""
    pick = first[0]
    text = pick.text
    if q.provinces and pick.candidate.chunk.province not in q.provinces:
        return ""
    # (有企业发言吗: a kind is held by a member the quote lists, 金川集团 for 企业)
    if not all(holds_word(text, w, undenied=True) for w in q.choices[0]):
        return ""
    # (有…吗 offers its side as 有没有 does, and so does 提没提)
    return "有" if whether_side(q.text)[2] else YES


def _date(ctx: AnswerContext, m: MeetingRecord, said: str) -> bool | None:
    asked, held = spans.month_day(ctx.question.text), spans.month_day(field_text(m, "date"))
    if asked is None or held is None:
        return None
    (month, day), (held_month, held_day) = asked, held
    return day == held_day and month in (None, held_month)


def _person(ctx: AnswerContext, m: MeetingRecord, said: str) -> bool | None:
    q = ctx.question
    field = q.meeting_field
    people = (m.host,) if field == "host" else m.speakers
    if not any(people):
        return None
    # the people the question names, as the records and passages write them (the
    # segmenter splits a name it does not know: 孙立新 → 孙, 立新), and the posts it names
    known = {person_name(p) for r, _ in ctx.retrieved.meetings for p in (r.host, *r.speakers) if p}
    known |= {c.chunk.text[a:b] for c in ctx.retrieved.ranked for a, b in spans.persons(c.chunk.text)}
    wanted, unwanted = condition(ctx, field)
    named = [n for n in known if n in q.text] + [w for w in wanted + unwanted if _POST.fullmatch(w)]
    if not named:
        return None
    if any(holds_title(p, t) for p in people for w in named for t in titles(w, m.province)):
        return True
    # one host: another person or post is a no; a list of speakers may leave someone out
    return False if field == "host" else None


def _format(ctx: AnswerContext, m: MeetingRecord, said: str) -> bool | None:
    q = ctx.question
    held = re.sub(r"\s+", "", field_text(m, "format") + said)
    if (place := HELD_IN.search(q.text)) and not _NO_PLACE.match(place.group(1)):
        where = place.group(1)
        if f"在{where}" in held:
            return True
        other = HELD_IN.search(held)
        return False if other and where not in other.group(1) and other.group(1) not in where else None
    if _REMOTE_ASKED.search(q.text):
        return True if _REMOTE_HELD.search(held) else None
    asked = [p for p in _PARTS_ASKED if p in q.text]
    return True if asked and all(p in held for p in asked) else None
