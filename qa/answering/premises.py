"""What a question takes as given, and whether the report it is answered from says so.

A question often states facts on the way to what it asks: 那300余家参会企业里外资企业有多少,
“五支队伍”中的第五支是什么, 与农业农村厅一起发言的大庆市介绍了什么. When the report says
100余家, “三支队伍”, 牡丹江市, the nearest sentence answers another question, and quoting it
would confirm a premise the documents contradict. Four kinds of premise are read, the kinds a
report states exactly: a figure, a counted slogan in quotation marks, a city, a firm. Each is
looked for in the whole report, not only in the quoted sentence: the date of the meeting that
4.8万人 attended stands in another sentence than the 4.8万人.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import rjieba

from ..gazetteer import AMBIGUOUS, CITIES, CITY_NICKNAMES, mentions
from ..layout import numeral
from ..phrases import holds_phrase
from ..schema import FRONT_PROVINCE
from . import spans
from .context import DISTINCT_HEAD_IDF, SYNONYMS, AnswerContext
from .quotes import Pick


@dataclass(frozen=True)
class Premise:
    kind: str  # "figure", "slogan", "place", "firm"
    text: str  # as the question writes it
    value: float | None = None  # a figure's amount
    approximate: bool = False  # 近五万人, 三千多个, 大约一千五百个: the user's rounding


# 近五万, 一千五百个左右, 三千多个: a figure the user rounds (a report's 4.8万 or 1508 is it)
_ROUGH = re.compile(r"约|近|多|余|左右|上下|超过|超|逾|以上|以下|不到|不足")
_ROUGH_BEFORE = re.compile(r"(?:大约|大概|将近|接近|差不多|估计|预计)$")
ROUNDING = 0.1  # how far a rounded figure may be from the report's
# 两位省领导, 五个方面, 六种“仗”: a small count is the user's own count of what the report
# lists item by item, without the number
LEAST_STATED = 10
# 每万人发明专利, 第5年, 前20强, 哪10个: a rate's base, a rank, a question word, none of them a count the report states
_NOT_STATED_BEFORE = re.compile(r"[每第前哪几]$")
# 超过1万人参加的会有哪些: in a which-question a bound is the condition asked, not a fact given
_BOUND = re.compile(r"以上|以下|超过|超|逾|不少于|不低于|至少|多于|高于|低于|少于|不到|不足")
# 李乐成都讲了话: a city name must stand as a word of its own (温州经验, 在大庆, 大庆市)
_PLACE_BEFORE = re.compile(r"(?:^|[^\u4e00-\u9fff]|[在于和与及的到赴从、])$")
_PLACE_AFTER = re.compile(r"[市区县州]")
# “三支队伍”, “三攻坚一盘活”: a slogan counts its items; another count is another slogan
_COUNTED = re.compile(r"[一二两三四五六七八九十百千万\d]+")
_QUESTION_WORD = re.compile(r"几|多少|哪|什么|啥|某|×")
# 五粮液集团, 酒钢集团: a firm by its own name (上市公司, 国有企业 are kinds, not names)
_FIRM = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[的在和与及、是]))([\u4e00-\u9fff]{2,4}?)(?:集团|公司|控股)")
_KIND_OF_FIRM = re.compile(r"上市|国有|国企|民营|私营|私人|外资|合资|本地|外地|本土|大型|中小|小型|科技|龙头|头部|骨干|重点|优秀|"
                           r"有关|相关|企业|平台|各类|一批|一家|哪家|这家|那家|子|分|母|总|该|其")


@lru_cache(maxsize=512)
def premises(text: str, quoted: tuple[str, ...] = (), which: bool = False) -> tuple[Premise, ...]:
    """The premises of a question's text; `quoted`: its quoted phrases (Question.quoted)."""
    out = []
    unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: "　" * len(m.group()), text)
    for a, b in spans.figures(unquoted):
        span = unquoted[a:b]
        if _NOT_STATED_BEFORE.search(unquoted[:a]) or which and _BOUND.search(unquoted[a : b + 2]):
            continue
        value = spans.amount(span)
        if value is None or value < LEAST_STATED:
            continue
        rough = bool(_ROUGH.search(span) or _ROUGH.match(unquoted, b) or _ROUGH_BEFORE.search(unquoted[:a]))
        out.append(Premise("figure", span.strip(), value, rough))
    out += [Premise("slogan", t) for t in quoted if 4 <= len(t) <= 10 and _COUNTED.search(t) and not _QUESTION_WORD.search(t)]
    provinces = {(m.start, m.end) for m in mentions(text, cities=False)}
    out += [Premise("place", m.name) for m in mentions(text) if (m.start, m.end) not in provinces
            and m.name in CITIES and m.name not in CITY_NICKNAMES and m.name not in AMBIGUOUS
            and (_PLACE_BEFORE.search(text[: m.start]) or _PLACE_AFTER.match(text, m.end))]
    # (有哪两家公司, 某集团: a question word or a stand-in names no firm)
    out += [Premise("firm", name) for name in _FIRM.findall(unquoted) if not _KIND_OF_FIRM.search(name) and not _QUESTION_WORD.search(name)]
    return tuple(out)


# a report writes a number however it can: 16州（市） with no measure word, 第十年, 千名干部,
# and a list of 18 names is a count of 18 (read generously: a premise the report may write is kept)
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|万|亿|千)?|([零〇一二两三四五六七八九十百千万亿]+)")


@lru_cache(maxsize=64)
def _figures_of(report: str) -> frozenset[float]:
    found = set()
    for m in _NUMBER.finditer(report):
        if m.group(1):
            found.add(spans.amount(m.group()))
        elif (n := numeral(m.group(3))) is not None:
            found.add(float(n))
        elif m.group(3) in ("百", "千", "万"):
            found.add({"百": 100.0, "千": 1000.0, "万": 10000.0}[m.group(3)])
    for clause in re.split(r"[，。；;：:！？]", report):
        if "、" in clause:
            items = clause.count("、") + 1
            found.update((float(items), float(items + 1)))  # (…、C和D: one more after the last 、)
    return frozenset(found)


def _written(p: Premise, reports: list[str]) -> bool:
    if p.kind == "slogan":
        # (only a slogan the report counts otherwise, “三支队伍” for “五支队伍”, is contradicted:
        # a label the user gave the report's list, “六个必须”, may be written nowhere)
        if any(holds_phrase(p.text, t) or holds_phrase(p.text, _ASIDE.sub("", t)) for t in reports):
            return True
        recounted = _COUNTED.sub(lambda _: _COUNTED.pattern, re.escape(p.text))
        return not any(re.search(recounted, t) for t in reports)
    return any(_writes(p, t) for t in reports)


_ASIDE = re.compile(r"[（(][^）)]{0,8}[）)]")  # 属地（园区）负责 for 属地负责


def _writes(p: Premise, report: str) -> bool:
    if p.kind == "figure":
        found = _figures_of(report)
        if p.approximate:
            magnitude = 10 ** (len(str(int(p.value))) - 1)  # (三千多: 3000 up to 4000)
            return any(abs(v - p.value) <= ROUNDING * p.value or p.value <= v < p.value + magnitude for v in found)
        return any(abs(v - p.value) <= 1e-9 * p.value for v in found)
    if p.kind == "firm":
        return p.text[:2] in report
    return p.text in report


def _stated(q) -> tuple[Premise, ...]:
    if q.polar or q.mention or q.choices:
        return ()  # (是在广州开的吗: what a yes-or-no question states is what it asks)
    return premises(q.text, q.quoted, q.qtype == "which")


def unwritten(ctx: AnswerContext, c) -> tuple[Premise, ...]:
    """The question's premises the report of candidate `c` does not write. The editor's
    overview speaks for the provinces asked about: their reports count with it."""
    q = ctx.question
    stated = _stated(q)
    if not stated:
        return ()
    reports = ctx.retrieved.reports
    doc, province = c.chunk.doc, c.chunk.province
    # (这18场会里…: what the whole bulletin says, its overview says)
    keys = [(doc, province), (doc, FRONT_PROVINCE)] + ([(doc, p) for p in q.provinces] if province == FRONT_PROVINCE else [])
    texts = [reports[k] for k in dict.fromkeys(keys) if k in reports]
    if not texts:
        return ()
    return tuple(p for p in stated if not _written(p, texts))


def says_them(ctx: AnswerContext, pick: Pick, of_what: bool = False) -> bool:
    """The quoted sentence itself writes what the question states (共4.8万人参加会议 for
    哪个省…近五万人参加): asked of every report, it says which report is meant. With `of_what`,
    each figure's sentence also holds a distinctive word of the clause that states it (参加 for
    参会总人数接近五万): 3183个重大产业项目 is not 三千多个省重点建设项目."""
    stated = _stated(ctx.question)
    if not stated or not all(_written(p, [pick.text]) for p in stated) or unwritten(ctx, pick.candidate):
        return False
    return not of_what or all(_of_what(ctx, p, pick.text) for p in stated if p.kind == "figure")


def _of_what(ctx: AnswerContext, p: Premise, text: str) -> bool:
    clause = next((c for c in re.split(r"[，,。；;？?]", ctx.question.text) if p.text in c), "")
    weights = ctx.retrieved.weights
    words = [w for w in rjieba.cut_for_search(clause.replace(p.text, " ")) if len(w) > 1 and weights.get(w, 0.0) >= DISTINCT_HEAD_IDF]
    return any(v in text for w in words for v in SYNONYMS.get(w, (w,)))


def not_written(missing: tuple[Premise, ...], province: str) -> str:
    """The refusal's reason: what the question states that the province's report does not."""
    said = "”“".join(p.text for p in missing)
    where = "编者按" if province == FRONT_PROVINCE else f"{province}的报道"
    return f"{where}没有写到问题中的“{said}”。"
