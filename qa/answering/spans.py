"""Spans of the kind a question asks for, inside a quoted sentence: a figure with its
unit, a date, a person's name, a place. Rules for the genre of government reports."""
from __future__ import annotations

import re

from functools import lru_cache

from ..gazetteer import CITIES, PROVINCES

_CN_NUM = "零〇一二三四五六七八九十百千万亿两"
_NUM = rf"(?:\d+(?:[.,，]\d+)*|[{_CN_NUM}]+)(?:\s*(?:多|余|近|约))?"
# a figure: a number with the unit or measure word that says what it counts
_FIGURE = re.compile(
    rf"(?:约|近|超过|超|逾|共|达|达到|累计)?\s*{_NUM}\s*"
    r"(?:个百分点|亿元|万亿元|万元|亿美元|元|万人次|人次|万人|余人|名|人|位|个|项|家|次|届|年|天|所|座|条|批|倍|%|％|"
    r"亿|万|户|套|台|件|场|期|轮|支|层|平方公里|公里|千米|米|吨|千瓦|兆瓦|GW|MW|周|季度|月)"
)
_YEAR = re.compile(r"(?:19|20)\d\d\s*年(?!\s*(?:来|间|多|以上))")
_BARE_NUMBER = re.compile(r"\d[\d—\-.]{2,}\d")
_ORDINAL = re.compile(rf"(?:连续|第)\s*{_NUM}\s*(?:个)?(?:年|次|届|季度|个季度|期|轮|位)?")
_PERCENT = re.compile(rf"{_NUM}\s*(?:%|％|个百分点|倍)|百分之[{_CN_NUM}\d.]+|[{_CN_NUM}]成")
_DATE = re.compile(
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:\s*(?:上午|下午|晚上|晚))?|"
    r"(?:农历)?(?:新春|春节后|春节假期后|节后)(?:第一个|首个)工作日|正月初[一二三四五六七八九十]+|"
    r"\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月(?:上旬|中旬|下旬|底|初)"
)
# 省委书记黄坤明, 省长王伟中, 主任艾学峰: a title, then a 2-3 character name
_TITLES = (
    r"省委书记|市委书记|区党委书记|党委书记|书记|省长|市长|主席|副省长|副市长|副书记|常务副省长|常务副市长|"
    r"厅长|局长|主任|院长|副院长|部长|董事长|总经理|秘书长|常委"
)
_PERSON_AFTER_TITLE = re.compile(rf"(?:{_TITLES})([\u4e00-\u9fff]{{2,3}}?)(?=[，、。；在出主讲作发强指表说代宣提要同主和与等为对：:（(）)\s]|$)")
# 黄坤明强调, 王伟中主持: a name the sentence opens with, before a reporting verb
# 责任编辑：史筱飞 — a masthead or a list of officials: a role, a colon, a name
_PERSON_AFTER_COLON = re.compile(r"(?:编辑|主编|策划|联系人|负责人|主任|记者|作者)\s*[:：]\s*([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])")
_PERSON_BEFORE_VERB = re.compile(r"(?:^|[，。；、])([\u4e00-\u9fff]{2,3}?)(?=(?:在讲话中|在会上|同志)?(?:强调|指出|表示|主持|讲话|出席|提出|要求|说|通报|部署|宣布|作))")
_NOT_NAMES = set("会议 大会 全省 全市 我们 他们 各地 各级 省委 省政府 市委 市政府 同志 领导 会上 会议上 要求 大家 企业 我省 我市 今年 去年 当前 新的 代表 此外 随后 最后 首先 其次 同时 主要".split())


def figures(text: str, unit: str = "") -> list[tuple[int, int]]:
    """Spans of figures; with `unit` ("个", "人", "元", "%", "第", …) only those that give it."""
    if unit == "第":
        return [m.span() for m in _ORDINAL.finditer(text)]
    if unit == "%":
        return [m.span() for m in _PERCENT.finditer(text)]
    spans = []
    dates = [m.span() for m in _DATE.finditer(text)] + [m.span() for m in _YEAR.finditer(text)]
    for m in _FIGURE.finditer(text):
        if any(a <= m.start() < b for a, b in dates):
            continue  # 2月18日 is a date and 2024年 a year, not a count of days or years
        span = m.group(0)
        if unit and not _has_unit(span, unit):
            continue
        spans.append(_trim(text, m.span()))
    if not unit:
        # "多少" with no unit: a percentage, or a bare number such as a telephone number
        extra = list(_PERCENT.finditer(text)) + list(_BARE_NUMBER.finditer(text))
        spans += [m.span() for m in extra if not any(a <= m.start() < b for a, b in spans + dates)]
    return sorted(set(spans))


def _has_unit(span: str, unit: str) -> bool:
    if unit == "人":
        return bool(re.search(r"人|名|位", span))
    if unit == "元":
        return "元" in span or span.endswith(("亿", "万"))
    return unit in span


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    return a, b


def dates(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DATE.finditer(text)]


def persons(text: str) -> list[tuple[int, int]]:
    """Spans of people's names: after a title, or opening a clause before a reporting verb."""
    found = []
    for pattern in (_PERSON_AFTER_TITLE, _PERSON_AFTER_COLON, _PERSON_BEFORE_VERB):
        for m in pattern.finditer(text):
            name = m.group(1)
            if name not in _NOT_NAMES and not any(ch in name for ch in "省市会的了在和与是为") and not _place_pattern().fullmatch(name):
                found.append(m.span(1))
    return sorted(set(found))


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    names = set(PROVINCES) | set(PROVINCES.values()) | set(CITIES)
    # a venue is a city or province name, with the district or site that follows it
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?:市|省)?")


def places(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _place_pattern().finditer(text)]


FINDERS = {"date": lambda t, u: dates(t), "person": lambda t, u: persons(t), "place": lambda t, u: places(t), "figure": figures}


def find(kind: str | None, text: str, unit: str = "") -> list[tuple[int, int]]:
    """Spans of `kind` in `text` (empty for no kind)."""
    return FINDERS[kind](text, unit) if kind in FINDERS else []


def has_figure(text: str) -> bool:
    """A count or an amount, not a date or a section number."""
    return bool(figures(re.sub(r"^\**\s*\d{1,2}\s*[.．、]", "", text)))


def nearest(spans: list[tuple[int, int]], text: str, words: tuple[str, ...]) -> tuple[int, int] | None:
    """The span closest to where the question's key words occur (the first when none do)."""
    if not spans:
        return None
    hits = [m.start() for w in words for m in re.finditer(re.escape(w), text)]
    if not hits:
        return spans[0]
    return min(spans, key=lambda s: (min(abs(s[0] - h) for h in hits), s[0]))
