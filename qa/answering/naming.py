"""The name of a thing a question asks for by its kind: 哪个港口 — 加强宁波舟山港运力调度
(宁波舟山港), 哪两家科研机构 — 与中国科学院、中国工程院签署 (both), 那个经济带叫什么 —
全面融入长江经济带 (not the “一带一路” the sentence quotes). No answer is refused for want
of one: the name only opens an answer the quote already gives, when the quote writes one."""
from __future__ import annotations

import re
from functools import lru_cache

import rjieba

from .context import Pick
from .spans import joined, nearest, places

# 哪个港口, 哪两座科技城, 哪家单位: the question word and its measure word; the noun follows
_WHICH = re.compile(r"哪(?:[一两二三四五六七八九几]?[个座所家条处])")
# 那所高校是哪个, 那个经济带叫什么: the noun stands before the question word
_NOUN_THEN_ASKED = re.compile(r"[，,]?(?:分别|都|又|具体|到底)?(?:(?:是|为)哪[一两二三四五六七八九几]?[个家所座条](?![\u4e00-\u9fff])"
                              r"|叫什么|叫啥|的?名字(?:是|叫)什么|是什么名字)")
_HOW_MANY = re.compile(r"哪([两二三四五六七八九几])")
_COUNT = re.compile(r"[一两二三四五六七八九十几]+[大个座家所条项]?")
# a kind a name need not end with: a body's name ends with what kind of body it is (中国科学院
# is a 机构, 东南大学 a 高校), a port's with 港
_BODIES = ("院", "委", "厅", "局", "办", "所", "中心", "联盟", "协会", "学会", "基金会", "大学", "学院", "集团", "公司")
_ENDINGS = {
    "港口": ("港", "港口"),
    "高校": ("大学", "学院"),
    "学校": ("学校", "大学", "学院", "中学", "小学"),
    "机构": _BODIES,
    "单位": _BODIES,
    "企业": ("集团", "公司", "控股", "股份", "企业"),
    "公司": ("集团", "公司", "控股", "股份"),
}
# a place, a time or a part is asked by other words (哪个省 asks which report says it; 哪个县,
# the places of the gazetteer); a zone (沈抚示范区) is named as a thing is
_NOT_A_NAMED_KIND = re.compile(r"^(?:城市|市|县|区|州|地区|区域|片区|省|省份|省区|直辖市|地方|领域|方面|环节|年|年份|季度|月|人|领导|部分|字|词|数字)$")
# the parts of a name (宁波 舟山 港, 西部 陆海 新 通道), and those that only a name has
_NAME_PART = {"n", "nr", "nrt", "ns", "nt", "nz", "j", "f", "a", "b", "ng"}
_PROPER = {"nr", "nrt", "ns", "nt", "nz"}
_NOUN_TAGS = {"n", "nr", "nrt", "ns", "nt", "nz", "j", "b", "ng"}


def kind_named(text: str) -> tuple[tuple[str, ...], int] | None:
    """The endings a name of the asked kind may have, and how many names are asked
    (哪两座科技城 → (科技城,), 2); None when the question asks no such name."""
    m = _WHICH.search(text)
    nouns = _nouns(rjieba.tag(text[m.end() :])) if m else []
    if not nouns and (m := _NOUN_THEN_ASKED.search(text)):
        nouns = _nouns(reversed(rjieba.tag(text[: m.start()])))[::-1]
    # (三大科学城是哪三个: the count before the noun is no part of the names)
    nouns = [w for w in nouns if not _COUNT.fullmatch(w)]
    if not nouns or _NOT_A_NAMED_KIND.match("".join(nouns)):
        return None
    # (哪个单位编印的: the tagger may take the verb after a kind for a noun; the kind decides)
    endings = next((_ENDINGS[k] for w in reversed(nouns) for k in _ENDINGS if w.endswith(k)), ("".join(nouns),))
    count = _HOW_MANY.search(text)
    return endings, (2 if count and count.group(1) != "一" else 1)


def _nouns(words) -> list[str]:
    """The nouns that open the words (哪个|实验室 总部 基地|的建设), quotation marks skipped."""
    taken = []
    for w, tag in words:
        if w in "“”":
            continue
        # (哪条通道联动: a noun the tagger reads as a verb is still the one asked, when first)
        if tag in _NOUN_TAGS or not taken and len(w) > 1 and tag == "v":
            taken.append(w)
        else:
            break
    return taken


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[int, int, str], ...]:
    out, at = [], 0
    for w, tag in rjieba.tag(text):
        out.append((at, at + len(w), tag))
        at += len(w)
    return tuple(out)


def names_ending(text: str, endings: tuple[str, ...]) -> list[tuple[int, int, bool]]:
    """Names in the text that end with one of the endings (宁波舟山港; not the bare 港口, nor
    港 inside 港澳): the tokens before the ending back to the first that is no part of a name;
    each with whether it holds a proper noun (宁波), as 全国重点实验室 does not."""
    tokens = _tagged(text)
    found = []
    for i, (_, b, _) in enumerate(tokens):
        ending = next((e for e in endings if text.endswith(e, 0, b)), None)
        if ending is None:
            continue
        start = i
        while start > 0 and tokens[start - 1][2] in _NAME_PART:
            start -= 1
        first = tokens[start][0]
        if b - first > len(ending):
            found.append((first, b, any(tag in _PROPER for _, _, tag in tokens[start : i + 1])))
    return found


def named_span(q, pick: Pick) -> tuple[Pick, int, int] | None:
    """The name of the asked kind in the quote, nearest the question's words; two or more
    asked (哪两家), the names the quote lists together."""
    asked = kind_named(q.text)
    if asked is None:
        return None
    endings, count = asked
    if re.search(r"[”\"》][\u4e00-\u9fff]{0,4}?(?:" + "|".join(map(re.escape, endings)) + ")", pick.text):
        return None  # (落实“三高四新”美好蓝图, “1310”具体部署: the quoted name is the thing's, as quoted names are read)
    found = names_ending(pick.text, endings)
    if count > 1:
        # (紫金山科技城和麒麟科技城: a name after a proper one in a list is a name too; one that
        # opens it may be the tail of a longer one, 福建省海洋与渔业局 read from 渔业局, unless
        # the clause opens with it)
        # (…、浦东新区: a run the list goes on past is part of the answer, and no answer)
        names = [(a, b) for a, b, _ in found]
        proper_at = {a: flag for a, _, flag in found}  # (of a run's first name: the last found at its start)
        runs = [(a, b) for a, b in joined(names, pick.text, gap=_JOIN)
                if (a, b) not in names and (proper_at[a] or a == 0 or pick.text[a - 1] in _CLAUSE_OPENS)]
        # (与中国科学院、中国工程院: 与, 和 before a run is a preposition as often as a list's)
        whole = [(a, b) for a, b in runs if pick.text[a - 1 : a] != "、" and not _JOIN.fullmatch(pick.text[b : b + 1])]
        return (pick, *whole[0]) if whole else None
    best = nearest([(a, b) for a, b, proper in found if proper], pick.text, q.terms)
    return (pick, *best) if best is not None else None


_CLAUSE_OPENS = "，,。；;：:\n"
_JOIN = re.compile(r"[、和与及]")  # (中国科学院、中国工程院; not 、 alone: 紫金山科技城和麒麟科技城)


# 携手哪里, 联合哪里: a bare 哪里 after a verb asks for a place, which no rule of the question
# reads (从哪里来, 往哪儿集中, 从哪儿下手 ask for a source or a direction, seldom a place)
_WHERE = re.compile(r"(?<![从往向到在朝])(?:哪里|哪儿)")


def place_span(q, pick: Pick) -> tuple[Pick, int, int] | None:
    """携手哪里 — 携手港澳加快建设…: the place in the quote nearest the question's words."""
    if not _WHERE.search(q.text):
        return None
    # (要携手哪里建设大湾区: a place the question names is no answer to it; one outside the
    # province asked about may be: 联合香港)
    found = [(a, b) for a, b in places(pick.text) if pick.text[a:b] not in q.text]
    best = nearest(found, pick.text, q.terms)
    return (pick, *best) if best is not None else None
