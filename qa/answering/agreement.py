"""What an answering sentence must not contradict in the question's own words.

A sentence can hold the kind of answer asked for and still answer another question:
another year's figure, the total when a part is asked, a list of bodies when the one
who spoke for one of them is asked, the report's own meeting when the question names
another. Each check reads the question and a sentence and says whether they agree.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..asking import SUPERLATIVE
from ..layout import CENTURY, LIST_MARK, numeral
from ..phrases import abbreviates, written_ways
from ..question import BESIDE_A_MEETING, meeting_words_of
from . import spans
from .context import STATED_COUNT, clause_around, holds_phrase, kind_spans, widened, writes_figure
from .quotes import Pick

# 外资企业、民营企业和个体工商户代表各来了多少人: one figure per item is asked
_EACH = re.compile(r"各(?:自|有|来了|来|是|占|达|为)?(?:了)?(?:多少|几)|分别(?:是|有|为|占|达)?(?:多少|几)")


def _each_answered(q, text: str) -> bool:
    if q.kind != "figure" or not _EACH.search(q.text) or not re.search(r"[、和与及]", q.text):
        return True
    return len(kind_spans(q, text)) >= 2


def _names_the_part(q, text: str) -> bool:
    """单算能源类的有多少个, 1139个项目里制造业项目有多少个: a total of all kinds is no
    answer, nor a figure for a list the part is one item of (制造业、现代服务业…等“十大领域”).
    The part must stand in the clause of an answering span, by itself."""
    part = q.restriction
    if not part:
        return True
    if not q.kind:
        return part in text
    written = _as_written(part)
    for a, b in kind_spans(q, text):
        clause = clause_around(text, a, b, breaks="，,；;。")  # (、 joins the items of a list)
        # (新获批创新药9个、“新三样”…: a list of figures, each with its own noun, is no list the part is in)
        if re.search(written, clause) and not re.search(rf"、\s*(?:{written})|(?:{written})[^、，,。；;\d]{{0,6}}、", clause):
            return True
    return False


def _as_written(part: str) -> str:
    """四大类 is written 四大类 or 4 大类: a one-character numeral in either form."""
    return "".join(rf"(?:{ch}|{numeral(ch)}\s*)" if ch in "一二两三四五六七八九十" else re.escape(ch) for ch in part)


_OF_THE_MEETING = re.compile(r"会议|大会")


def speaks_of_the_event(q, text: str) -> bool:
    """Asked about an event beside the meeting, a sentence of the meeting itself (王伟中主持会议)
    speaks of another event; one that names the event, or neither, may speak of it."""
    beside = BESIDE_A_MEETING.search(q.meeting_name)
    return not beside or beside.group() in text or not _OF_THE_MEETING.search(text)


def names_the_meeting(q, text: str) -> bool:
    """省委三次全会是啥时候开的: the date of the report's own meeting (全省推进新型工业化…
    工作会议) answers for it only if its sentence or heading holds the words the
    question names the meeting by: its session number (三次) always, at least half of
    the other words (users shorten names: 智改数转)."""
    numbered = [w for w in q.meeting_words if re.search(r"[\d一二三四五六七八九十]", w)]
    rest = [w for w in q.meeting_words if w not in numbered]
    return all(w in text for w in numbered) and 2 * sum(w in text or abbreviates(w, text) for w in rest) >= len(rest)


def named_meetings(q, meetings: list) -> list:
    """湖南常务会议在哪开的, of 湖南's 招商引资工作会议 and its 常务会议: of one province's
    meetings, those the question names by their titles, when some are named and others not
    (四川科技创新大会是谁主持的, of 四川's meetings in two documents: whatever is asked of it)."""
    if len({m.province for m, _ in meetings}) != 1:
        return meetings
    if not q.meeting_words and not (q := replace(q, meeting_words=meeting_words_of(q.text))).meeting_words:
        return meetings
    named = [(m, located) for m, located in meetings if names_the_meeting(q, m.title)]
    return named or meetings


SPEAKS_FOR_WITHIN = 12  # characters: 阳光电源董事长曹仁贤


def _speaks_for(q, text: str) -> bool:
    """代表省卫健委作表态发言的是谁: a name answers only written with the body it speaks
    for (阳光电源董事长曹仁贤); a list of bodies that spoke names no one for them."""
    if q.kind != "person":
        return True  # (what a body said: qa/answering/unsaid.py)
    # (…曹仁贤、…董事长路强等优秀民营企业家: a list names its kind after 等)
    return not q.represents or any(q.represents in text[max(0, a - SPEAKS_FOR_WITHIN) : a]
                                   or re.match(rf"[^，,。；;]*?等{re.escape(q.represents)}", text[b:]) for a, b in kind_spans(q, text))


def _names_the_counted(q, text: str) -> bool:
    """那130个示范引领性项目总投资多少: the stated count names which things; a sentence
    without it speaks of others (1000个左右投资10亿元以上的项目)."""
    m = STATED_COUNT.search(q.text) if q.kind == "figure" else None
    return m is None or writes_figure(m.group(1), text)


def agrees(q, text: str) -> bool:
    """Every check that reads the sentence alone; a meeting record's sentence too."""
    return all(check(q, text) for check in (years_agree, periods_agree, _until_answered, _target_answered, _each_answered,
                                            _names_the_part, _names_the_counted, _speaks_for, ranks_what_is_picked))


# 投资额最大的是哪个项目, 哪个是湖南最大的贸易伙伴, 哪类数量最多: one item picked by a
# superlative (最高领导人, 最大限度 are names and set phrases, no pick). A sentence that
# ranks nothing (a total, a count of them) does not say which; one that lists a figure for
# each item does (33所…、37家…、3家…), and so does a figure asked (direct_span picks it)
_PICKED = re.compile(SUPERLATIVE.pattern + r"(?=的|是|为|[？?，,。]|$)")
_RANKS = re.compile(r"最|首位|居首|榜首|之最|头号|领跑|第一名|(?:居|排|列|名列)[^，。；]{0,4}(?:第一|前)")


def ranks_what_is_picked(q, text: str, listed: bool = True) -> bool:
    """`listed`: a list of figures counts as a ranking (for the sentence found for the
    question; another sentence's list is of other things)."""
    if q.kind == "figure" or q.qtype in ("which", "compare") or not _PICKED.search(q.text):
        return True
    return bool(_RANKS.search(text)) or listed and _lists_figures(text)


def _lists_figures(text: str) -> bool:
    """33所…、37家…、3家…: figures in one list (一季度 is no figure of an item)."""
    run = [(a, b) for a, b in spans.longest_list(spans.figures(text), text) if re.search(r"\d", text[a:b])]
    return len(run) > 1 and "、" in text[run[0][1] : run[-1][0]]


def picked_by(q) -> str:
    """最大, 最多: the superlative the question picks its item by."""
    m = _PICKED.search(q.text)
    return m.group() if m else ""


# 研发投入的目标定的是多少: a target is set (目标, 力争, 确保…); an achieved figure is none
_TARGET_ASKED = re.compile(r"目标|指标定")
_TARGET_SET = re.compile(r"目标|力争|确保|争取|预期|计划|达到|突破|实现|将|要|提出")


def _target_answered(q, text: str) -> bool:
    return q.kind != "figure" or not _TARGET_ASKED.search(q.text) or bool(_TARGET_SET.search(text))


# 要持续到什么时候: an end is asked; a date that starts something (2月18日…启动) is none
_UNTIL_ASKED = re.compile(r"(?:到|至|截至|截止到?)(?:什么时候|何时|哪天|哪一天|哪一?年|几月|什么时间)")
_UNTIL_BEFORE = re.compile(r"(?:到|至|截至|截止|直至|持续到)\s*$")
_UNTIL_AFTER = re.compile(r"^\s*(?:前|之前|以前|底|末|为止|截止)")
_RANGE = re.compile(r"\d\s*[—–\-~～至到]\s*\d")


def _until_answered(q, text: str) -> bool:
    if q.kind != "date" or not (_UNTIL_ASKED.search(q.text) or _DUE_ASKED.search(q.text)):
        return True
    # (行动方案(2024—2026年): a span of years runs until its end)
    return any(_UNTIL_BEFORE.search(text[max(0, a - 4) : a]) or _UNTIL_AFTER.match(text[b : b + 3]) or _RANGE.search(text[a:b])
               or _DUE_BEFORE.search(text[max(0, a - 4) : a]) or _DUE_AFTER.match(text[b : b + 8]) for a, b in kind_spans(q, text))


# 要在哪一年实现: a year something is due; 2024年一季度…推进会 names the meeting's year, not it
_DUE_ASKED = re.compile(r"(?:哪一?年|什么时候|何时)(?:前|底)?(?:能|要|将|才)?(?:实现|完成|建成|达到|达成|落地|见效)")
_DUE_BEFORE = re.compile(r"(?:到|至|力争|确保|争取|计划|预计)\s*(?:在|于)?\s*$")
_DUE_AFTER = re.compile(r"^\s*(?:前|底|末|年内|以前)?\s*(?:要|将|能)?(?:基本|全面|初步)?(?:实现|完成|建成|达到|达成|落地|见效)")


# reports set what was done (两年来, 过去一年) beside what is planned (今年, 一季度): a figure
# scoped by the one does not answer a question about the other
_DONE = re.compile(r"[两三四五六七八九十\d]+年来|过去(?:的)?一年|去年|上一年|近年来|近[两三四五\d]年")
_NOW = re.compile(r"今年|本年|这次|本次|此次|年内")
_NOW_ASKED = re.compile(r"今年|本年|这次|本次|此次|年内|(?<!\d年)一季度")
# 实际完成投资多少: what was done is asked, not what is planned from this year on
_DONE_ASKED = re.compile(_DONE.pattern + r"|实际(?:完成|实现|达到|投资)|已经?完成")


# 上个季度调度了多少: a quarter's figure; 两年来推动6156个 is another span of time
_QUARTER_ASKED = re.compile(r"上个?季度|上一季度|[一二三四1-4]季度")


def periods_agree(q, text: str) -> bool:
    if q.kind != "figure":
        return True
    if _QUARTER_ASKED.search(q.text) and _DONE.search(text) and "季度" not in text:
        return False
    asks_now, asks_done = bool(_NOW_ASKED.search(q.text)), bool(_DONE_ASKED.search(q.text))
    if asks_now == asks_done:
        return True
    found = kind_spans(q, text)
    lead = text[: found[0][0]] if found else text
    done, now = bool(_DONE.search(lead)), bool(_NOW.search(lead))
    return not (asks_now and done and not now or asks_done and now and not done)


def years_agree(q, text: str) -> bool:
    """江苏2022年研发投入: a sentence that gives another year's figure does not answer;
    nor does one about another version (7.0版 for 6.0版) or edition (第五届 for 第六届)."""
    # 全国新型工业化推进大会是哪天开的: the province's own 全省 meeting is another one
    levels = (_LEVEL_LABEL,) if q.kind in ("date", "place") else ()
    if q.years and (stated := {int(y) for y in _YEAR_LABEL.findall(text)}) and not stated & set(q.years):
        return False
    for label in (_VERSION_LABEL, _EDITION_LABEL, *levels):
        asked, stated = set(label.findall(q.text)), set(label.findall(text))
        if asked and stated and not asked & stated:
            return False
    return True


_YEAR_LABEL = re.compile(rf"(?<!\d)({CENTURY}\d\d)\s*年")
_VERSION_LABEL = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*版")
_LEVEL_LABEL = re.compile(r"(全国|全省|全市|全区)(?!第)")
_EDITION_LABEL = re.compile(r"第\s*(\d+|[一二三四五六七八九十]+)\s*(?:届|期)")


def lead_year_agrees(q, p: Pick) -> bool:
    """2025年…新签约了多少个项目 — 2024年全省地区生产总值…；全年新签约…4500个: a quote cut at ；
    goes on the sentence before it, whose year is the quote's when the quote names none."""
    if not q.years or _YEAR_LABEL.search(p.text):
        return True
    lead = p.candidate.chunk.text[: p.start].rstrip()
    return not lead.endswith(("；", ";")) or years_agree(q, re.split(r"[。！？!?\n]", lead)[-1])


def with_list_lead(p: Pick) -> str:
    """- 2025年全省地区生产总值增长5.5%左右；: a list item is said by the line that leads
    its list (会议提出：), which is read with it; any other sentence is read alone."""
    text = p.candidate.chunk.text
    line = text.rfind("\n", 0, p.start) + 1
    if not LIST_MARK.match(text, line) or text[line : p.start].strip() and not LIST_MARK.fullmatch(text[line : p.start]):
        return p.text
    while line > 0:
        above = text.rfind("\n", 0, line - 1) + 1
        prev = text[above : line - 1].strip()
        if prev and not LIST_MARK.match(prev):
            lead = re.split(r"[。！？!?]", prev.rstrip("。"))[-1]
            return lead + p.text if prev.endswith(("：", ":")) else p.text
        line = above
    return p.text


_THIS_YEAR = re.compile(r"今年|本年|年内")
_LAST_YEAR = re.compile(r"去年|上一年|过去(?:的)?一年")


def relative_year_agrees(q, p: Pick) -> bool:
    """江西2023年一季度开工了多少: in a 2024 bulletin, a sentence that says 今年 speaks of 2024
    and one that says 去年 of 2023. The document's year is read from its title."""
    if not q.years or _YEAR_LABEL.search(p.text):
        return True  # (a year written out is checked by years_agree)
    issued = _YEAR_LABEL.search(p.candidate.chunk.doc_title or "")
    if issued is None:
        return True
    year = int(issued.group(1))
    said = year if _THIS_YEAR.search(p.text) else year - 1 if _LAST_YEAR.search(p.text) else None
    return said is None or said in q.years


# 不设分会场, 未提及: the word stands in the text, denied
_DENIED_BEFORE = re.compile(r"[不未没无非]\S?$")


def holds_word(text: str, word: str, undenied: bool = False) -> bool:
    """The text names the word: as written, in its short or full form (AI, 人工智能), or, for a
    kind, by a member it lists (有企业发言吗: 金川集团 for 企业). `undenied`: not as 未提及X."""
    from .counting import KINDS, lists_a  # (counting reads this module)

    for way in written_ways(word):
        # (专业化、精细化、特色化、新颖化 may be written without its 、)
        searched, way = (text.replace("、", ""), way.replace("、", "")) if "、" in way else (text, way)
        at = searched.find(way)
        if at >= 0 and not (undenied and _DENIED_BEFORE.search(searched[max(0, at - 2) : at])):
            return True
    return word in KINDS and lists_a(text, word)


def names_a_choice(q, text: str, weights: dict[str, float], share: float) -> bool:
    """上午开的还是下午开的: a sentence that names neither side does not answer. Asked whether
    a report names something, it is named by words that carry `share` of its IDF weight (the
    predicate's share, AnswerSettings.min_predicate, as in context.holds_predicate): 有没有提到
    低空经济 is not answered by 经济 alone. (Other yes-or-no questions put their point in words
    of their own: 有没有内地以外的代表参会 is answered by 香港和澳门特别行政区有关代表.)"""
    if not q.choices:
        return True
    if len(q.choices) == 1 and q.mention:
        side = q.choices[0]
        # (a word the question holds whole, a quoted phrase or 北京证券交易所, weighs as its rarest word)
        weight = {w: weights.get(w, max(weights.values(), default=1.0)) for w in side}
        held = sum(weight[w] for w in side if holds_word(text, w))
        return held > 0 and held >= share * sum(weight.values())
    return any(w in text for side in q.choices for w in side)


def quotes_the_phrase(q, p: Pick) -> bool:
    """“三抓三促”专题片: a quoted name says which passage speaks of it (or its items do:
    “一号发展工程”和“一号开放工程” for “一号工程”)."""
    return not q.quoted or any(holds_phrase(t, p.candidate.chunk.text) or len(widened(t, p.text)) >= 2 for t in q.quoted)
