"""Questions about the meetings themselves, answered from the meeting records that
were read from each report at index time (who presided, when, in what form, how many
attended). Each record field carries the verbatim sentence it came from; that
sentence is what the answer quotes."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..asking import ASKING_WORDS, POSTS, THEME_ASKED
from ..chunking import sentence_spans
from ..layout import numeral
from ..meetings import PART_SEP, VENUE_LABEL, field_text, holds_title, names_a_form, person_name
from ..question import AUTONOMOUS_REGIONS, HELD_FIRST, HELD_IN, HELD_LAST, KIND_OF_MEETING, LARGEST, MUNICIPALITIES
from ..schema import MeetingRecord
from . import spans
from .context import AnswerContext, Reply, direct_span, direct_text, missing_fact, provinces_head
from .listing import answer_which
from .quotes import Pick, best_pick, opening_pick, quoted

FIELD_NAMES = {"host": "主持人", "date": "召开日期", "format": "会议形式", "scale": "参会规模", "speakers": "讲话人", "theme": "会议主题"}
# words that name a field rather than ask about its value: 以视频"形式" names the field, "视频" is the value
# (and the user's words for a report giving it: 给出了参会人数, 写了日期)
_NAMING = re.compile(r"主持|形式|方式|规模|主题|为题|名义|名称|名字|人数|参会|与会|参加|出席|日期|时间|哪天|何时|讲话|发言|致辞|召开|举行|会议|大会|省市|省份|地方|哪些"
                     r"|^(?:写|给出|列出|公布|披露|交代|说明)$")


def condition(ctx: AnswerContext, field: str) -> tuple[list[str], list[str]]:
    """(what the field must hold, what it must not): `由省长主持` → 省长;
    `不是在2月18日、而是在2月19日` → 2月19日, not 2月18日."""
    q = ctx.question
    if field == "theme" and q.quoted:
        return list(q.quoted), []  # 名称里带“一季度”: the words as quoted
    if field == "theme" and (kind := _kind_of_meeting(q.text)):
        return [kind + end for end in ("会", "大会", "会议")], []  # 开的是推进会: 推进会, 推进大会 or 推进会议
    if field == "date":
        # 不是18号开的，而是19号: a day without its month is that day of any month (月19日 is in 2月19日, not in 2月9日)
        found = _dates_asked(q.text)
        if found:
            return [d for d, neg in found if not neg], [d for d, neg in found if neg]
    words = [t for t in q.terms if len(t) > 1 and not _NAMING.search(t)]
    # search-mode words include their parts (省委书记 → 省委, 书记): keep the whole words
    words = [w for w in words if not any(w != o and w in o for o in words)]
    # (一般都是省长或副书记主持，有没有哪个省是省委书记本人主持: the others' words are no condition)
    clauses = re.split(r"[，,；;。？?！!]", q.text)
    if others := [c for c in clauses if _OTHERS.search(c) and not ASKING_WORDS.search(c)]:
        rest = "".join(c for c in clauses if c not in others)
        words = [w for w in words if w in rest or not any(w in c for c in others)]
    return ([], words) if q.negated else (words, [])


def _kind_of_meeting(text: str) -> str:
    m = KIND_OF_MEETING.search(text)
    return m.group("kind") if m else ""


_DAY_ONLY = re.compile(r"(?<![\d月.])(\d{1,2})\s*[日号](?!\d)")
_NEGATED_BEFORE = re.compile(r"不是|并非|不在|非|未|没")
# 一般都是…, 大多数地方都是…, 别的地方基本都…: a clause that says what the others did
_OTHERS = re.compile(r"一般|通常|大多数|大部分|多数|基本都|别的|其他|其余|其它")


def _dates_asked(text: str) -> list[tuple[str, bool]]:
    """The dates a question names, as (what the record's date must hold, whether it is set
    aside): a day without its month (19号) beside a full date (2月18号) is read too. A date is
    set aside when it is denied (不是18号), or when it is the others' date in a clause of its
    own while another clause asks with another date (别的地方基本都是2月18日开的，哪几个地方
    的会拖到了2月19日)."""
    full = spans.dates(text)
    days = [m for m in _DAY_ONLY.finditer(text) if not any(a <= m.start() < b for a, b in full)]
    dates = sorted([(a, b, re.sub(r"\s+", "", text[a:b])) for a, b in full] + [(*m.span(), f"月{int(m.group(1))}日") for m in days])
    denied = [bool(_NEGATED_BEFORE.search(text[max(0, a - 4) : a])) for a, _, _ in dates]
    asking = [bool(ASKING_WORDS.search(spans.clause_of((a, b), text))) for a, b, _ in dates]
    another_asks = any(asks and not no for asks, no in zip(asking, denied))
    found = [(value, no or not asks and another_asks) for (_, _, value), no, asks in zip(dates, denied, asking)]
    # 大多开在2月18日，哪几场是晚一天才开的: the date asked is counted from the one named
    if (shift := _SHIFTED.search(text)) and len(found) == 1 and (day := re.match(r"(\d{1,2})月(\d{1,2})日", found[0][0])):
        by = numeral(shift.group(2)) * (1 if shift.group(1) in _LATER else -1)
        moved = date(2000, int(day.group(1)), int(day.group(2))) + timedelta(days=by)  # (a leap year: 2月29日 exists)
        return [(day.group(0), True), (f"{moved.month}月{moved.day}日", False)]  # (比2月5日晚了一天: not 5日晚, the evening)
    return found


# 晚一天, 推迟了两天, 提前一天: a date told by its distance from another
_LATER = ("晚", "推迟", "延后", "迟")
_SHIFTED = re.compile(r"(晚|推迟|延后|迟|早|提前)了?([一两二三四五六七1-7])天")


# 参会人数: a count of people (4.8万人, 观看人次约260万), not of the firms invited (100余家)
_PEOPLE_COUNTED = r"人数|人次|多少人|几人"
_ASKS_PEOPLE = re.compile(_PEOPLE_COUNTED)
_ASKS_NUMBER = re.compile(_PEOPLE_COUNTED + r"|单位数|家数|数字|数目")
_OF_PEOPLE = re.compile(r"[人名位]$|人次")


def _gives_a_count(said: str, of_people: bool) -> bool:
    """写明了参会人数: the scale says a number (a list of who attended gives none); asked how
    many people, a number of people."""
    return any(not of_people or _OF_PEOPLE.search(said[max(0, a - 4) : b]) for a, b in spans.figures(said))


def _matches(m: MeetingRecord, field: str, condition: list[str], evidence_text: str, every: bool = False) -> bool:
    # a title or a date is read from the field's value: the sentence may name other people
    if field in ("host", "speakers"):
        return any(holds_title(p, t) for p in _people(m, field) for c in condition for t in titles(c, m.province))
    value = re.sub(r"\s+", "", field_text(m, field))
    # (a name or a date is the field itself; the headline's subtitle is no part of the name)
    haystack = value if field in ("date", "theme") else value + re.sub(r"\s+", "", evidence_text)
    return (all if every else any)(_holds(c, haystack) for c in condition)


# 叫“××大会”的: the user's placeholder (××, XX, ……, 某某) stands for any words
_PLACEHOLDER = re.compile(r"[×xX*＊…某]+")


def _holds(condition: str, text: str) -> bool:
    if not _PLACEHOLDER.search(condition):
        return condition in text
    pieces = [re.escape(p) for p in _PLACEHOLDER.split(condition)]
    pattern = ".+".join(pieces)
    pattern = ("" if pieces[0] == "" else "^") + pattern + ("" if pieces[-1] == "" else "$")
    return bool(re.search(pattern, text))


def _people(m: MeetingRecord, field: str) -> tuple[str, ...]:
    return (m.host,) if field == "host" else m.speakers


def holds_the_title_asked(q, meetings, field: str) -> bool:
    """哪位副省长作了讲话: someone of the records' field holds the post asked (湖北's record
    has its 省委书记 speak, no 副省长); True when no post is asked."""
    if field not in ("host", "speakers") or not (title := spans.WHICH_TITLE.search(q.text)):
        return True
    return any(holds_title(p, t) for m, _ in meetings for p in _people(m, field) for t in titles(title.group(1), m.province))


def titles(title: str, province: str) -> tuple[str, ...]:
    """A provincial title and its equivalents: a municipality's 市长 is its 省长, an
    autonomous region's 主席 is its 省长."""
    if title in ("党委书记", "书记"):
        return (title, "省委书记", "市委书记", "区党委书记")
    if province in MUNICIPALITIES:
        return (title, title.replace("省", "市"))
    if province in AUTONOMOUS_REGIONS and title == "省长":
        return (title, "主席")
    if province in AUTONOMOUS_REGIONS and title == "省委书记":
        return (title, "区党委书记", "自治区党委书记")
    return (title,)


def answer_meeting(ctx: AnswerContext) -> Reply:
    q = ctx.question
    if q.meeting_field is None:
        return _every(ctx)
    if q.meeting_field == "date" and q.qtype == "which" and (bound := _DAY_BOUND.search(q.text)):
        return _held_around(ctx, bound)
    if q.meeting_field == "date" and q.qtype in ("which", "compare") and (order := HELD_FIRST.search(q.text)):
        return _first_or_last(ctx, last=bool(HELD_LAST.search(order.group())))
    if q.meeting_field == "scale" and len(q.provinces) != 1 and (order := LARGEST.search(q.text)):
        return _largest(ctx, smallest=(order.group("order") or order.group("order2")) in "少小", most=order.group("most") or "最")
    if q.qtype == "which" and _UNSTATED_ASKED.search(q.text) and _fields_named(q.text) <= {q.meeting_field}:
        return _not_stated(ctx, q.meeting_field)
    if q.qtype == "which":
        reply = _which(ctx, q.meeting_field)
        # 哪些会议列出了省法院负责人参会: the records hold the scale, not every name
        # on the attendance list; the reports' own sentences may still say it
        return answer_which(ctx) if reply.abstained and condition(ctx, q.meeting_field)[0] else reply
    return _each(ctx, q.meeting_field)


def _which(ctx: AnswerContext, field: str) -> Reply:
    wanted, unwanted = condition(ctx, field)
    # 以民营经济为主题: a name holds every word asked (民营 and 经济), unless the question offers a choice (“推进会”或“推进大会”)
    every = field == "theme" and not ctx.question.quoted_any and not _kind_of_meeting(ctx.question.text)
    counted = _ASKS_NUMBER.search(ctx.question.text)
    people = bool(_ASKS_PEOPLE.search(ctx.question.text))
    own, qualifiers = _qualifiers(ctx, field, wanted) if not every else ([], [])
    listed, unknown = [], []
    for m, located in ctx.retrieved.meetings:
        if field not in located:
            unknown.append(m)
            continue
        c, a, b = located[field]
        said = c.chunk.text[a:b]
        if qualifiers and not _qualified(said, own, qualifiers):
            continue
        if wanted and not _matches(m, field, wanted, said, every=every):
            continue
        if unwanted and _matches(m, field, unwanted, said):
            continue
        if field == "scale" and counted and not _gives_a_count(said, people):
            continue
        listed.append((m, Pick(c, a, b, c.score)))
    what = FIELD_NAMES[field]
    if not listed:
        return Reply([f"所有报道中没有符合条件的会议（按{what}）。"], abstained=True, reason="")
    lines = [provinces_head([_label(ctx, m) for m, _ in listed], [m.province for m, _ in listed])]
    for n, (_, pick) in enumerate(listed, 1):
        lines.append(f"{n}. {ctx.quote_line(pick)}")
    if unknown:
        lines.append(_unstated(ctx, unknown, what))
    return Reply(lines, provinces=tuple(m.province for m, _ in listed))


# 哪些会议的报道未提及主持人, 没写召开日期的, 参会人数没有交代: the reports that leave the
# field out are asked for (不是省长主持的 asks another value of it: a condition, as before)
_UNSTATED_ASKED = re.compile(r"(?:未|没有?|不曾|并未)(?:提及|提到|写明|写出|写|说明|说|交代|注明|列出|给出|公布|披露|载明|标明|记载|讲)")


# the words that name each field of a meeting (and where it was held, which no record keeps)
_FIELD_WORDS = {"host": "主持", "date": "日期|哪天|几号|几月几", "format": "形式|方式|视频|电视电话", "scale": "人数|规模|多少人",
                "venue": "在哪|哪座城市|城市|地点|会场"}


def _fields_named(text: str) -> set[str]:
    """既没交代会议形式，也没说在哪里开的, 以视频召开的会里哪些没给出参会人数: a question that
    names two fields asks a combination, which a list of one field's gaps does not answer."""
    return {field for field, words in _FIELD_WORDS.items() if re.search(words, text)}


def _not_stated(ctx: AnswerContext, field: str) -> Reply:
    """The reports whose record lacks the field (asked for a count, one that gives none:
    100余家企业参会 counts no people), each shown by its opening, as a report that leaves
    something out has no sentence to quote for it. Listing those that state it would say
    the opposite of what was asked."""
    what = FIELD_NAMES[field]
    counted = field == "scale" and _ASKS_NUMBER.search(ctx.question.text)
    people = bool(_ASKS_PEOPLE.search(ctx.question.text))
    # (在西安召开 is where it was held, no form: as _each reads it)
    missing = [m for m, located in ctx.retrieved.meetings
               if field not in located or counted and not _gives_a_count(_text(located[field]), people)
               or field == "format" and not names_a_form(m.format)]
    if not missing:
        return Reply([f"所查的{len(ctx.retrieved.meetings)}篇报道都写明了{what}。"], provinces=())
    lines = [f"{provinces_head([_label(ctx, m) for m in missing], [m.province for m in missing])}（这些报道未写明{what}；以下是各篇报道的开头）"]
    for n, m in enumerate(missing, 1):
        opening = ctx.retrieved.meeting_openings.get((m.doc, m.section))
        lines.append(f"{n}. {ctx.quote_line(opening_pick(opening))}" if opening is not None else f"{n}. {_label(ctx, m)}")
    return Reply(lines, provinces=tuple(m.province for m in missing))


def _dated(ctx: AnswerContext) -> tuple[list[tuple[tuple[int, int], MeetingRecord, Pick]], list[MeetingRecord]]:
    """The meetings whose records give a month and day, with the day and its sentence; and the others."""
    dated = []
    for m, located in ctx.retrieved.meetings:
        if "date" in located and (day := spans.month_day(field_text(m, "date"))) and day[0] is not None:
            c, a, b = located["date"]
            dated.append((day, m, Pick(c, a, b, c.score)))
    undated = [m for m, located in ctx.retrieved.meetings if not any(m is x for _, x, _ in dated)]
    return dated, undated


# 2月20日以后, 2月19日之前: 以后 and 以前 count the day itself, 之后 and 之前 do not
_DAY_BOUND = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?P<side>以后|以前|之后|之前|及以后|及以前|后|前)")


def _held_around(ctx: AnswerContext, bound: re.Match) -> Reply:
    """哪些省的会在2月20日以后召开: the meetings whose records' days fall on that side of it
    (the month and day of each report's own year: the records hold no year)."""
    day, side = (int(bound.group(1)), int(bound.group(2))), bound.group("side")
    after, inclusive = "后" in side, side.startswith(("以", "及"))
    dated, undated = _dated(ctx)
    listed = [(m, pick) for d, m, pick in dated if (d > day if after else d < day) or (inclusive and d == day)]
    if not listed:
        return Reply([f"所有报道中没有{bound.group()}召开的会议。"], abstained=True, reason="")
    lines = [provinces_head([f"{_label(ctx, m)}（{field_text(m, 'date')}）" for m, _ in listed], [m.province for m, _ in listed])]
    lines += [f"{n}. {ctx.quote_line(pick)}" for n, (_, pick) in enumerate(listed, 1)]
    if undated:
        lines.append(_unstated(ctx, undated, FIELD_NAMES["date"]))
    return Reply(lines, provinces=tuple(m.province for m, _ in listed))


def _first_or_last(ctx: AnswerContext, last: bool) -> Reply:
    """哪个省最晚开会, 北京和上海哪边先开: the meetings held on the first (last) day, by
    their records' dates. Meetings on the same day tie: the time of day is not always
    given (北京 2月19日上午, 四川 2月19日), so it decides nothing."""
    dated, undated = _dated(ctx)
    if not dated:
        return Reply([], abstained=True, reason=missing_fact(ctx.question, "date") + "。")
    # (issues of different years: each issue's own first or last day; the records hold no year)
    days = {doc: (max if last else min)(d for d, m, _ in dated if m.doc == doc) for doc in dict.fromkeys(m.doc for _, m, _ in dated)}
    chosen = [(m, pick) for d, m, pick in dated if d == days[m.doc]]
    when = "、".join(f"{_label(ctx, m)}（{field_text(m, 'date')}）" for m, _ in chosen)
    each = "（各期分别）" if len(days) > 1 else ""
    head = f"同一天召开：{when}" if not each and len(chosen) == len(dated) > 1 else f"{'最晚' if last else '最早'}{each}：{when}"
    # a comparison shows every side's date; a which-question the ones chosen
    shown = [(m, pick) for _, m, pick in dated] if ctx.question.qtype == "compare" else chosen
    lines = [head] + [f"{n}. {ctx.quote_line(pick)}" for n, (_, pick) in enumerate(shown, 1)]
    if undated:
        lines.append(_unstated(ctx, undated, FIELD_NAMES["date"]))
    return Reply(lines, provinces=tuple(m.province for m, _ in chosen))


# 共4.8万人参加会议: a count of people (观看人次 counts views; 100余家 counts bodies)
_PEOPLE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|千)?\s*(?:余|多)?\s*(?:名|位)?\s*人(?![次均])")


def _largest(ctx: AnswerContext, smallest: bool, most: str = "最") -> Reply:
    """哪场会规模最大, 人数最多的那场有多少人: the meetings whose records count the people
    who attended, ranked. A record that counts views or bodies measures something else, and
    is shown beside, not ranked; the meetings whose reports give no scale are named."""
    counted, other = [], []
    for m, located in ctx.retrieved.meetings:
        if "scale" not in located:
            continue
        c, a, b = located["scale"]
        pick = Pick(c, a, b, c.score)
        people = _PEOPLE.search(pick.text)
        if people:
            counted.append((spans.amount(people.group()), m, pick, people.span()))
        else:
            other.append((m, pick))
    if not counted:
        return Reply([], abstained=True, reason=missing_fact(ctx.question, "scale") + "。")
    counted.sort(key=lambda x: x[0], reverse=not smallest)
    _, chosen, pick, span = counted[0]
    head = f"报道写明参会人数的只有{_label(ctx, chosen)}：" if len(counted) == 1 else f"参会人数{most}{'少' if smallest else '多'}：{_label(ctx, chosen)}"
    lines = [head] + [f"{n}. {ctx.quote_line(p)}" for n, (_, _, p, _) in enumerate(counted, 1)]
    if other:
        lines.append(f"另有{'、'.join(_label(ctx, m) for m, _ in other)}的报道写的规模不是参会人数，未比较：")
        lines += [f"{n}. {ctx.quote_line(p)}" for n, (_, p) in enumerate(other, len(counted) + 1)]
    unknown = [m for m, located in ctx.retrieved.meetings if "scale" not in located]
    if unknown:
        lines.append(f"另有{len(unknown)}个省市的报道未写明参会规模。")
    return Reply(lines, direct=(pick, *span), provinces=(chosen.province,))


def _every(ctx: AnswerContext) -> Reply:
    """Every meeting the reports record (哪些省开了新春第一会, 一共多少个省开了), each by the
    sentence that says it was held. The count is of the reports in the documents: a
    meeting the editor names without a report (山东) is in no record."""
    held = [(m, located.get("date") or located.get("theme")) for m, located in ctx.retrieved.meetings]
    held = [(m, Pick(c, a, b, c.score)) for m, found in held if found for c, a, b in [found]]
    if not held:
        return Reply([], abstained=True)
    provinces = dict.fromkeys(m.province for m, _ in held)
    reports = f"（{len(held)}篇）" if len(held) > len(provinces) else ""  # a province in two issues: two reports
    lines = [f"资料中共有{len(provinces)}个省市的会议报道{reports}：{'、'.join(_label(ctx, m) for m, _ in held)}"]
    lines += [f"{n}. {ctx.quote_line(pick)}" for n, (_, pick) in enumerate(held, 1)]
    return Reply(lines, provinces=tuple(m.province for m, _ in held))


def _qualifiers(ctx: AnswerContext, field: str, wanted: list[str]) -> tuple[list[str], list[list[str]]]:
    """(the field's own words, the qualifiers a sentence must hold, one list per alternative
    the question offers). 分会场设到了省直各单位: 分会场 is what the records say of the form
    (视频；设分会场), so it tells no meeting from another; 省直 and 单位 say where the branch
    venues were. A word no report's sentence holds qualifies nothing."""
    if field != "format" or len(wanted) < 2:
        return [], []
    meetings = ctx.retrieved.meetings
    values = [field_text(m, field) for m, located in meetings if field in located]
    texts = [re.sub(r"\s+", "", c.chunk.text[a:b]) for _, located in meetings if field in located for c, a, b in [located[field]]]
    # (新区、开发区或示范区: any one of them qualifies; 以视频或电视电话形式: an alternative is never the field's own word)
    variants = ctx.question.term_variants or (tuple(wanted),)
    own = [w for w in wanted if any(w in v for v in values) and all(w in v for v in variants)]
    rest = [w for w in wanted if w not in own and any(w in t for t in texts)]
    groups = [[w for w in rest if w in v] for v in variants]
    groups = [g for g in groups if g]
    return (own, groups) if own and groups else ([], [])


def _qualified(said: str, own: list[str], groups: list[list[str]]) -> bool:
    """One sentence of the field's evidence holds the field's own words and the qualifiers:
    `省直各单位…在主会场参会。各市、县设分会场。` puts 省直 at the main venue, not a branch."""
    return any(all(w in s for w in own) and any(all(w in s for w in g) for g in groups)
               for a, b in sentence_spans(said) for s in [re.sub(r"\s+", "", said[a:b])])


def asks_the_form(q) -> bool:
    """以什么形式召开: the form itself is asked for (视频调度 in a question is not)."""
    return q.kind is None and q.meeting_field == "format" and bool(re.search(r"形式|方式", q.text))


def _each(ctx: AnswerContext, field: str) -> Reply:
    """The field for each province asked about (one for a single-province question)."""
    lines, answered, direct = [], False, None
    what = FIELD_NAMES[field]
    compare = ctx.question.qtype == "compare"
    values = set()  # the field's value in each report: reports of two years may differ
    # (湖北的会以什么形式召开, of a report that says only 在武汉召开: no form is stated)
    # (compared, where each was held is still told: 在福州召开…座谈会 beside 以电视电话会议形式召开)
    placed_only = field == "format" and asks_the_form(ctx.question) and not compare
    for m, located in ctx.retrieved.meetings:
        if field in located and not (placed_only and not names_a_form(m.format)):
            where = _held_where(ctx, located)
            c, a, b = where or located[field]
            if field == "theme" and THEME_ASKED.search(ctx.question.text):
                # (主题是什么: the heading says it whole, 全省…工作会议，持之以恒深化能力作风建设…)
                b = line_end if (line_end := c.chunk.text.find("\n", b)) >= 0 else len(c.chunk.text)
            pick = Pick(c, a, b, c.score)
            rank = ctx.citations.add(pick)
            label = _label(ctx, m) if compare else ctx.citations.where(rank, ctx.with_doc)
            lines.append(f"{label}：{quoted(rank, pick.text)}")
            held = HELD_IN.search(pick.text) if where else None
            found = (pick, *held.span(1)) if held else _direct(ctx, m, field, pick)
            direct = direct or found
            values.add(direct_text(found))
            answered = True
        else:
            opening = ctx.retrieved.meeting_openings.get((m.doc, m.section))
            note = f"{_label(ctx, m)}：资料未写明{what}"
            if opening is not None:
                rank = ctx.citations.add(best_pick(opening))
                note += f"；报道提到：{quoted(rank, ctx.citations.picks[rank - 1].text)}"
            lines.append(note + "。")
    if not answered:
        return Reply(lines, abstained=True, reason=missing_fact(ctx.question, field) + "。")
    # (四川的会由谁主持, of two years' reports: 王晓晖 in one, 施小琳 in the other; both are quoted, neither stands alone)
    return Reply(lines, direct=None if compare or len(values) > 1 else direct, provinces=ctx.question.provinces)


def _held_where(ctx: AnswerContext, located: dict) -> tuple | None:
    """是在长沙开的吗: the record's sentence that says where the meeting was held (the format's,
    or the opening that dates it: 2月18日下午，…在长沙召开), for a question asking whether."""
    if not (ctx.question.polar and HELD_IN.search(ctx.question.text)):
        return None
    return next((located[f] for f in ("format", "date") if f in located and HELD_IN.search(_text(located[f]))), None)


def _text(found: tuple) -> str:
    c, a, b = found
    return c.chunk.text[a:b]


def _direct(ctx: AnswerContext, m: MeetingRecord, field: str, pick: Pick) -> tuple[Pick, int, int] | None:
    """The span that answers: a figure or a date of the kind asked, else the field's value
    (a person's name without the title chain, a format's first part)."""
    value = field_text(m, field).split(PART_SEP)[0]
    if field == "format":
        value = re.sub("^" + VENUE_LABEL, "", value)  # (地点：省政府第一会议室, a minutes' line: the venue answers)
    if field in ("host", "speakers"):
        value = person_name(value.split("、")[-1] if field == "speakers" else value)
    # the record knows who presided: 李秀领…出席，市委副书记刘伟主持 is answered by 刘伟,
    # not by the first name the sentence gives (of several speakers, the title asked tells)
    if field == "host" and value and (at := pick.text.find(value)) >= 0:
        return (pick, at, at + len(value))
    # 信长星、汪克强、邓秀新出席会议并讲话: all who spoke answer 谁讲话, as the list the quote
    # gives them in (unless the question names the post it asks: 哪位副院长)
    if field == "speakers" and not re.search(POSTS, ctx.question.text):
        found = sorted((at, at + len(n)) for n in map(person_name, m.speakers) if n and (at := pick.text.find(n)) >= 0)
        lists = [s for s in spans.joined(found, pick.text, commas=True) if s not in found]
        if lists:
            return (pick, *lists[0])
    if ctx.question.kind in ("figure", "date", "person"):
        found = direct_span(ctx.question, pick)
        if found is not None:
            return found
    at = pick.text.find(value) if value else -1
    return (pick, at, at + len(value)) if at >= 0 else None


def _unstated(ctx: AnswerContext, records: list[MeetingRecord], what: str) -> str:
    """另有2个省市的报道未写明召开日期：…: the reports a list leaves out, and why."""
    return f"另有{len(records)}个省市的报道未写明{what}：{'、'.join(_label(ctx, m) for m in records)}。"


def _label(ctx: AnswerContext, m: MeetingRecord) -> str:
    return f"{m.province}（{m.doc_title or m.doc}）" if ctx.with_doc else m.province
