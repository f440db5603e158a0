"""How many, when the report lists them instead of counting them.

Reports name who spoke or took part as a list (省科技厅、省工信厅、南京市、苏州工业园区、
东南大学在会上作交流发言) and rarely give the number. Asked 有几家单位作交流发言, the
answer counts the list that stands against the asked predicate and shows it whole, so
the count can be checked against the quote. A list that ends in 等 gives a lower bound.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..asking import HOW_MANY
from ..meetings import looks_like_name
from ..question import Question
from . import spans
from .context import AnswerContext, Reply, holds_predicate, is_relevant
from .quotes import Pick
from .unsaid import is_member

# units a list can be counted in; 人/位/名 count people, so only names are counted
# (after the post they share, 省领导乌兰、…, any surname)
COUNTED_UNITS = {"", "个", "家", "项", "所", "座", "条", "支", "位", "名", "人"}
_PEOPLE_UNITS = {"位", "名", "人"}
# an item is a name (省科技厅, 苏州工业园区), not a clause: no verb or particle inside
_ITEM = rf"(?:(?<=、)和)?(?:[^\W_在的向将要把了是对从为和与及]|{spans.INNER_AND}){{2,14}}?"
# (…前郭县党委主要负责同志汇报工作, 吉林梅花氨基酸公司负责同志发言: the members, not who stood for them)
_DELEGATE = r"(?:党委|党组)?(?:主要)?负责(?:同志|人)"
# two or more items joined by 、 (the last, or the last few, may follow 和/及/以及:
# 成都市、德阳市和长虹控股集团、通威集团), after a break or the post they share (省领导王双全、…)
_LIST = re.compile(rf"(?:(?<![\u4e00-\u9fffA-Za-z0-9（）()])|(?<=领导))(?![\u4e00-\u9fff]{{0,2}}领导){_ITEM}(?:、{_ITEM})+(?:(?:以及|和|及){_ITEM}(?:、{_ITEM})*)?(?=等|在|作|先后|分别|出席|参加|参会|发言|汇报|{_DELEGATE}|[，。；：]|$)")
NEAR = 10  # characters between a list and the predicate it is the subject or object of
# kinds a list mixes with others (兰州市、定西市、甘谷县、省交通运输厅、金川集团作交流发言):
# asked 几个市, only its cities are counted. (单位 and 机构 name any of them)
KINDS = ("企业", "公司", "部门", "高校", "院校", "医院", "银行", "园区", "市", "区", "县", "州")
_PEOPLE_COUNTED = re.compile(HOW_MANY + r"[\u4e00-\u9fff]{0,4}?(?:企业家|代表|专家|院士|干部|嘉宾|负责人|人士|学者)")
_NOUN_ASKED = re.compile(HOW_MANY + r"([\u4e00-\u9fff]{2})")  # (the noun counted after what asks the count)
_KIND_ASKED = re.compile(HOW_MANY + "(" + "|".join(KINDS) + ")")


def counted(ctx: AnswerContext, picks: list[Pick]) -> Reply | None:
    """The first of `picks` (best first) whose sentence lists what was asked, counted."""
    q = ctx.question
    # 1508个项目里深圳占了多少个: a part of a stated whole is no list to count
    # (四川2025年的会上有几家企业发言: a year states no whole)
    if q.kind != "figure" or q.unit not in COUNTED_UNITS or re.search(r"第几|连续几|几连|占|\d", re.sub(r"(?:19|20)\d\d年(?!度)", "", q.text)):
        return None
    kind = k.group(1) if (k := _KIND_ASKED.search(q.text)) else ""
    if kind in q.predicate:  # 几个部门汇报了工作: the members listed say the kind, the sentence need not
        ctx = replace(ctx, question=replace(q, predicate=tuple(w for w in q.predicate if w != kind)))
    words = [w for w in ctx.question.predicate if len(w) > 1]
    asked = _NOUN_ASKED.search(q.text)
    noun = asked.group(1) if asked else ""
    # (多少民营企业家参加: a noun of people counts people, whatever measure word is left out)
    people = q.unit in _PEOPLE_UNITS or bool(_PEOPLE_COUNTED.search(q.text))
    unit = q.unit if q.unit not in ("", "人") else ("位" if people else "个")
    for p in picks:
        if not words or not holds_predicate(ctx, p.text) or not is_relevant(ctx, p.candidate, p.text):
            continue
        # members are counted, not kinds: a list whose items restate the asked words
        # (优秀民营企业、民营企业家和优秀单位) names categories
        lists = [m for m in _LIST.finditer(p.text)
                 if not (people and not all(looks_like_name(x, p.text.endswith("领导", 0, m.start())) for x in _items(m)))
                 and not any(w in x for x in _items(m) for w in words)]
        found = _the_lists(p.text, lists, words, ctx.retrieved.weights, noun)
        if not found:
            continue
        names = [x for m in found for x in _items(m)]
        if any(p.text[m.end() : m.end() + 1] == "等" for m in found):  # 甲、乙、丙等: some of them, not how many
            return Reply([ctx.mention_line(p)], abstained=True, reason=f"资料未写明总数，只列出{len(names)}{unit}，其后有“等”字。")
        members = [x for x in names if kind and is_member(x, kind)]
        if 0 < len(members) < len(names):
            return _listed(ctx, p, members, unit + kind)
        if len(found) > 1:
            return _listed(ctx, p, names, unit)
        m = found[0]
        return Reply([f"报道列出{len(names)}{unit}（按所列计数）：\n{ctx.quote_line(p)}"], direct=(p, m.start(), m.end()), provinces=q.provinces)
    return None


_KIND_NAMES = "|".join((*KINDS, "单位", "地方", "地区"))
_WHICH_KIND = re.compile(rf"哪些((?:{_KIND_NAMES})(?:(?:和|及|以及|、)(?:{_KIND_NAMES}))*)")
_PLACES = ("市", "区", "县", "州")
# (单位 is any body or place a list names; 地方 any place)
_KINDS_OF = {"单位": ("单位", *_PLACES), "地方": _PLACES, "地区": _PLACES}


def members_asked(q: Question, p: Pick) -> tuple[Pick, int, int] | None:
    """哪些企业作了交流发言 — …、永川区、赛力斯集团作交流发言: the members of the kinds asked
    (哪些部门和地方: both) that a list of the sentence names, when they stand together in it.
    Of two such lists, the one its own clause says the asked words of: 哪些单位作了表态发言 —
    省农业农村厅、牡丹江市作交流发言，省卫健委、黑河市作表态发言 (the second)."""
    asked = _WHICH_KIND.search(q.text)
    kinds = [k for named in re.split(r"以及|和|及|、", asked.group(1)) for k in _KINDS_OF.get(named, (named,))] if asked else []
    found = []
    for m in _LIST.finditer(p.text) if asked else ():
        items, at, places = _items(m), m.start(), []
        for x in items:
            at = p.text.find(x, at)
            places.append((at, at + len(x)))
            at += len(x)
        held = [i for i, x in enumerate(items) if any(is_member(x, k) for k in kinds)]
        if held and held == list(range(held[0], held[-1] + 1)):
            said = re.split(r"[，,。；;]", p.text[m.end() :], maxsplit=1)[0]
            found.append((sum(len(w) for w in q.terms if w in said), -m.start(), places[held[0]][0], places[held[-1]][1]))
    if not found:
        return None
    *_, a, b = max(found)
    return (p, a, b)


def lists_a(text: str, kind: str) -> bool:
    """Does the sentence list a member of the kind (…、金川集团作交流发言 for 企业), or name the kind?"""
    return kind in text or any(is_member(x, kind) for m in _LIST.finditer(text) for x in _items(m))


def _listed(ctx: AnswerContext, p: Pick, names: list[str], counted_as: str) -> Reply:
    """Names counted out of the lists of a sentence, each named; in bold when they stand together."""
    run = "、".join(names)
    at = p.text.find(run)
    direct = (p, at, at + len(run)) if at >= 0 else None
    line = f"报道列出{len(names)}{counted_as}（{run}，按所列计数）：\n{ctx.quote_line(p)}"
    return Reply([line], direct=direct, provinces=ctx.question.provinces)


def _items(m: re.Match) -> list[str]:
    return spans.list_items(m.group(0))


def _the_lists(text: str, lists: list[re.Match], words: list[str], weights: dict[str, float], noun: str) -> list[re.Match]:
    """The list the predicate is said of. Coordinated lists share the verb at the end of
    their sentence (A、B等企业，C、D等单位作交流发言), so each list reads on to the end of
    its sentence; it must reach most of the predicate's weight. Then the list that names
    the kind counted (等优秀民营企业 for 几家企业), then the one nearest its verb (表态发言,
    not the 交流发言 before it). Every other list that reaches what was said, with no
    other saying of it in between, is counted with it, in the order written: 甲、乙，丙、丁发言;
    甲、乙作交流发言，丙、丁作表态发言, asked who 发言 (not asked who 表态发言)."""
    total = sum(weights.get(w, 1.0) for w in words)
    best, key, afters = None, None, {}
    for m in lists:
        after = re.split(r"[。；;]", text[m.end() :])[0]
        before = text[max(0, m.start() - NEAR) : m.start()]
        # an object list is introduced (…作交流发言的有：); after a comma a list begins its own clause
        introduced = bool(re.search(r"(?:有|是|为|包括|：|:)$", before))
        held = [w for w in words if w in after or (introduced and w in before)]
        z = sum(weights.get(w, 1.0) for w in held)
        if z < total / 2 or not _subject_of(after, held):
            continue
        afters[m.start()] = after
        rarest = max(held, key=lambda w: weights.get(w, 1.0))
        distance = after.find(rarest) if rarest in after else 0
        k = (z, bool(noun) and noun in after[:NEAR], -distance)
        if key is None or k > key:
            best, key = m, k
    if best is None:
        return []
    # (the noun counted may stand once for all of them: …作交流发言，丙、丁等单位作表态发言)
    said = [w for w in words if w in afters[best.start()] and w != noun]
    if not said:
        return [best]
    rarest = max(said, key=lambda w: weights.get(w, 1.0))

    def reaches(after: str) -> bool:
        at = after.find(rarest)
        return all(w in after for w in said) and not any(w in after[:at] for w in said)

    found = [m for m in lists if m.start() in afters and reaches(afters[m.start()])]
    return found if best in found else [best]


def _subject_of(after: str, held: list[str]) -> bool:
    """Nothing but its kind (等优秀单位) and other such lists stand between the list and
    its verb: a clause in between (…科技创新、产业创新，加快引进…) has a verb of its own."""
    at = min((after.find(w) for w in held if w in after), default=-1)
    if at < 0:
        return True  # the predicate comes before the list (…发言的有：甲、乙)
    first, *others = after[:at].split("，")
    return len(first) <= 12 and all(_LIST.match(piece) for piece in others)
