"""Phrases a question quotes, and whether a text holds them.

Quoted from memory, a phrase keeps its words but not always its punctuation; a template
leaves words out with an ellipsis (“确保……得……”), and a placeholder stands for a name
(“在某某市召开”, “××落实年”). The which-provinces filter (qa/retrieval.py) and the quote
checks (qa/answering) read a quoted phrase the same way.
"""
from __future__ import annotations

import re
from functools import lru_cache


def bare(text: str) -> str:
    """Quoted from memory, a phrase keeps its words but not always its punctuation."""
    return re.sub(r"[\W_]+", "", text)


# “在某某市召开”, “××落实年”, “XX经验”: the user's placeholder for a name, with the unit it
# may end in (深圳 stands for 某某市)
_PLACEHOLDER = re.compile(r"(?:某{2,}|×+|[xX]{2,}|＊+|\*+)([市省县区]?)")
_NO_NAME = re.compile(r"^(?:[各全本该每其此这那]|有关|相关)|[的对在和与为把被将从向就了着过是及等]")


BODY_END = "院委厅局办所"


def abbreviates(short: str, text: str) -> bool:
    """智改数转 is 智能化改造数字化转型 shortened: each character of the short name opens a
    word of the long one, in order, with at most three characters between them."""
    pattern = shortened(short)
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=1024)
def shortened(short: str) -> re.Pattern | None:
    """The long forms a short name may stand for, read once per name, not once per text."""
    # (a few characters in order are found anywhere; a count names a set, “三个第一”; but a body's
    # short name ends as the body does, 中科院 for 中国科学院, 发改委 for 发展改革委)
    if not (4 <= len(short) <= 8 or len(short) == 3 and short[-1] in BODY_END) or re.search(r"[\d一二三四五六七八九十百千万两几]", short):
        return None
    return re.compile("".join(re.escape(c) + r"[\u4e00-\u9fff]{0,3}?" for c in short[:-1]) + re.escape(short[-1]))


# 民企 for 民营企业, AI for 人工智能, 双碳 for 碳达峰碳中和: the user's short word for what reports
# mostly write in full (北交所, 自贸区: or the other way round); either names the same thing
SHORT_FORMS = {"民企": "民营企业", "国企": "国有企业", "外企": "外资企业", "央企": "中央企业", "AI": "人工智能", "电商": "电子商务",
               "北交所": "北京证券交易所", "上交所": "上海证券交易所", "深交所": "深圳证券交易所", "港交所": "香港交易所",
               "双碳": "碳达峰碳中和", "新基建": "新型基础设施建设", "自贸区": "自由贸易试验区", "自贸港": "自由贸易港",
               "高新区": "高新技术产业开发区", "经开区": "经济技术开发区", "专精特新": "专业化、精细化、特色化、新颖化"}
FULL_FORMS = {full: short for short, full in SHORT_FORMS.items()}


def _other_form(word: str) -> str:
    return SHORT_FORMS.get(word) or FULL_FORMS.get(word) or ""


def written_ways(word: str) -> tuple[str, ...]:
    """The ways a report may write a word: itself, and its short or full form."""
    return (word, other) if (other := _other_form(word)) else (word,)


def holds_phrases(phrases, text: str, any_of: bool = False) -> bool:
    """The text holds every phrase, or any one of them when they are offered as alternatives."""
    return (any if any_of else all)(holds_phrase(t, text) for t in phrases)


def run_holding(phrases, text: str, bounds: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The shortest run of two or three neighbouring sentences (their bounds in text, in
    order) that holds every phrase: a report may write each phrase in a sentence of its own,
    one after another (推进线下办事“只进一门”…。推进线上办事“一网通办”…)."""
    runs = [(a, b) for i, (a, _) in enumerate(bounds) for _, b in bounds[i + 1 : i + 3] if holds_phrases(phrases, text[a:b])]
    return min(runs, key=lambda run: run[1] - run[0], default=None)


def holds_phrase(phrase: str, text: str) -> bool:
    """The quoted phrase is in the text, punctuation aside; a template quoted with an
    ellipsis (“确保……得……”) is held when its pieces stand in order, and one with a
    placeholder when a name of a few characters stands in its place (各县, 重点市县 name none);
    a short name (“智改数转”) is held by what it shortens."""
    if _PLACEHOLDER.search(phrase):
        pattern, at = "", 0
        for m in _PLACEHOLDER.finditer(phrase):
            # (the unit is left out when words follow: 在深圳召开 for 在某某市召开; 某某县 needs its 县)
            unit = re.escape(m.group(1)) + ("?" if bare(phrase[m.end() :]) else "") if m.group(1) else ""
            least = min(2, len(m.group(0)) - len(m.group(1)))  # (某某 stands for two or more: 太康县, not 市县)
            lead = re.escape(bare(phrase[at : m.start()])) or r"(?<!\w)"  # (a name leading it stands as a word)
            pattern += lead + rf"(\w[\w“”]{{{least - 1},5}}?)" + unit  # (a name is short: 晋江, “千万工程”)
            at = m.end()
        pattern += re.escape(bare(phrase[at:]))
        # (安徽（合肥）创新法务区 for “安徽（××）创新法务区”: brackets around the name are no part of it)
        found = [*re.finditer(pattern, text), *re.finditer(pattern, re.sub(r"[（）()]", "", text))]
        return any(not any(_NO_NAME.search(name) for name in m.groups()) for m in found)
    body = bare(text)
    if (other := _other_form(phrase)) and bare(other) in body:
        return True  # (“双碳” for 碳达峰碳中和)
    pieces = [bare(x) for x in re.split(r"…+|\.{2,}|⋯+", phrase) if bare(x)]
    at = 0
    for piece in pieces:
        at = body.find(piece, at)
        if at < 0:
            # (the plain search first: this runs for every sentence a which-answer weighs)
            return phrase == bare(phrase) and (abbreviates(phrase, body) or _without_particles(phrase, body) or _posts_held(phrase, body))  # (“省委、省政府” is two names, no short one)
        at += len(piece)
    return bool(pieces)


def _without_particles(phrase: str, body: str) -> bool:
    """“全球影响力产业科技创新中心” for 全球影响力的产业科技创新中心: a long phrase quoted from
    memory may leave out the 的 the text has."""
    return len(phrase) >= 8 and "的" in body and re.sub("的", "", phrase) in re.sub("的", "", body)


def _posts_held(phrase: str, body: str) -> bool:
    """“省委书记兼省人大常委会主任” for 省委书记、省人大常委会主任: a report lists the posts one
    person holds; the user joins them with 兼."""
    if "兼" not in phrase:
        return False
    if re.sub("兼任?", "", phrase) in body:
        return True
    # (书记兼人大主任: each post by a short name, 省委书记、省人大常委会主任 in the text, one after the other)
    posts = [p for p in re.split("兼任?", phrase) if p]
    word = r"[\u4e00-\u9fff]"
    pattern = "".join(f"{word}{{0,2}}?" + f"{word}{{0,3}}?".join(map(re.escape, post)) for post in posts)
    return len(posts) > 1 and re.search(pattern, body) is not None
