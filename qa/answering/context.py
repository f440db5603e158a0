"""What every answer strategy reads (AnswerContext) and returns (Reply), and the
checks they share: is a passage relevant, does a sentence hold what was asked."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import rjieba

from ..asking import CHANGE_ASKED, HOW_MANY, POSTS, SUPERLATIVE
from ..config import AnswerSettings
from ..gazetteer import REGIONS, provinces_in
from ..layout import numeral
from ..meetings import VENUE_LABEL
from ..phrases import SHORT_FORMS, bare, holds_phrase, shortened  # noqa: F401 (the strategies read them here)
from ..predicate import QUALIFIED_DATE, key_words
from ..question import FIELD_KIND, PART_OF, Question
from ..retrieval import Candidate, Retrieved
from . import spans
from .quotes import Citations, Pick, quoted

# Set phrases of meeting reports that say the same thing in other words, so that a
# question's key word is found in a sentence that words it differently
# (问 "参会" — 报道写 "参加会议"). Only the vocabulary of meetings themselves.
_ATTENDED = ("参加", "出席", "与会", "参会", "到场", "到会")
_SITE = ("工地", "现场", "施工现场")  # 在哪个工地: 在…项目现场
_ROSE = ("提高", "提升", "增长", "增加", "上升", "抬升", "上涨", "涨", "多出", "高出")
_FELL = ("下降", "降低", "减少", "回落", "下滑", "下跌", "降", "压减", "削减", "缩减", "压缩")
_CONGRATULATED = ("祝贺", "道贺", "庆贺", "贺喜")
_THANKED = ("感谢", "致谢", "道谢", "谢意")
_MEASURES = ("措施", "举措")
_FILM = ("专题片", "宣传片", "纪录片", "短片", "片子")
_SHOWN = ("播放", "放映", "观看", "收看")
_AIMED = ("瞄准", "面向", "对准", "锚定", "着眼")
# a leader's visit, a commendation, an award and an announcement each have several set words
# in the genre, and a user's question picks any one of them (再次赴浙江考察调研: 再次亲临浙江考察)
_INSPECTED = ("考察", "调研", "视察")
_COMMENDED = ("表扬", "表彰", "嘉奖")
_AWARDED = ("颁发", "颁授", "授予", "授牌", "颁奖")
_ANNOUNCED = ("发布", "公布", "宣布")
# 把优化营商环境当作什么工程: what a report makes of a task is written 把…作为… (作为“一号改革工程”)
_TREATED_AS = ("作为", "当作", "当成", "视为", "看作", "看成")
# 要动工多少个: work on a project starts in any of these words (3月底前开工率达到60%)
_STARTED = ("开工", "动工", "开建", "破土")
# 检查的次数: how often is written either way (检查频次同比压减30%)
_TIMES = ("次数", "频次", "频率")
# 多大比例, 占比多少: a share is written as the percentage itself (开工率达到60%)
_SHARE = ("比例", "占比", "比重", "%", "％", "百分之")
SYNONYMS = {
    "参会": _ATTENDED,
    "参加": _ATTENDED,
    "出席": _ATTENDED,
    "与会": _ATTENDED,
    "到场": _ATTENDED,
    "到会": _ATTENDED,
    "主持": ("主持",),
    "讲话": ("讲话", "发言", "致辞", "指出", "强调"),
    "发言": ("讲话", "发言", "致辞"),
    "召开": ("召开", "举行", "举办", "开幕", "设主会场"),
    "举行": ("召开", "举行", "举办"),
    "开会": ("召开", "举行", "举办", "开会"),  # (那天开会: the user's word for a meeting held)
    "主会场": ("主会场",),
    **dict.fromkeys(_SITE, _SITE),
    "分会场": ("分会场",),
    # 抬升了多少: a change is written with any verb of rising (较上年提高1.4个百分点), or of falling
    **dict.fromkeys(_ROSE, _ROSE),
    **dict.fromkeys(_FELL, _FELL),
    # 道贺致谢的是谁: a speech congratulates and thanks in set words (表示热烈祝贺…表示衷心感谢)
    **dict.fromkeys(_CONGRATULATED, _CONGRATULATED),
    **dict.fromkeys(_THANKED, _THANKED),
    # 投资门槛是多少: a threshold is written as the figure with 以上 (投资10亿元以上)
    "记者": ("记者", "作者", "撰稿", "执笔", "撰文", "通讯员"),
    "门槛": ("门槛", "以上"),
    "起点": ("起点", "以上"),
    # 政协的一把手: the user's word for the head of a body, which a report writes by the post
    # (a deputy is no head: written() skips 副主席)
    "一把手": ("一把手", "书记", "主任", "主席", "省长", "市长", "厅长", "局长", "院长", "部长"),
    # 企业老板: the user's everyday word for those a report writes by their posts
    "老板": ("老板", "企业家", "董事长", "总经理", "创始人", "负责人"),
    # 要投入多少资金: money put into projects is written as their 投资 (年度投资额约1500亿元);
    # 研发投入 alone is no investment
    "资金": ("资金", "投资", "经费"),
    # GDP增长目标: a province's report writes its GDP as 地区生产总值
    "GDP": ("GDP", "生产总值"),
    # 哪个文件: a document is written by its title in 《》, seldom with the word 文件
    "文件": ("文件", "《"),
    # 措施有多少条: a policy's measures are written either way (若干措施，提出30条具体举措)
    **dict.fromkeys(_MEASURES, _MEASURES),
    # 民企: what reports mostly write in full (民营企业)
    **{short: (short, full) for short, full in SHORT_FORMS.items()},
    # 放映了宣传片: a film shown at a meeting is written 播放了…专题片 or 观看了…纪录片
    **dict.fromkeys(_FILM, _FILM),
    **dict.fromkeys(_SHOWN, _SHOWN),
    # 瞄准的是哪个五年规划期: policy writes what work aims at with any of these (面向“十五五”谋划)
    **dict.fromkeys(_AIMED, _AIMED),
    **dict.fromkeys(_INSPECTED, _INSPECTED),
    **dict.fromkeys(_COMMENDED, _COMMENDED),
    **dict.fromkeys(_AWARDED, _AWARDED),
    **dict.fromkeys(_ANNOUNCED, _ANNOUNCED),
    **dict.fromkeys(_TREATED_AS, _TREATED_AS),
    **dict.fromkeys(_STARTED, _STARTED),
    **dict.fromkeys(_TIMES, _TIMES),
    **dict.fromkeys(_SHARE[:3], _SHARE),
}


@dataclass
class AnswerContext:
    question: Question
    retrieved: Retrieved
    settings: AnswerSettings
    k: int
    citations: Citations = field(default_factory=Citations)
    parts: list[AnswerContext] = field(default_factory=list)  # a multi-part question's parts

    @property
    def with_doc(self) -> bool:
        """Name the document in citations: the index holds more than one."""
        return self.retrieved.multi_doc

    def quote_line(self, pick: Pick) -> str:
        """The pick cited and quoted as an answer line: 广东·第1节·第3页起：「…」[1]."""
        rank = self.citations.add(pick)
        return f"{self.citations.where(rank, self.with_doc)}：{quoted(rank, pick.text)}"

    def mention_line(self, pick: Pick) -> str:
        """The pick cited as what the report does say, beside a refusal: 报道提到：「…」[1]."""
        return f"报道提到：{quoted(self.citations.add(pick), pick.text)}"

    @cached_property
    def verdict(self) -> str:
        """是 or 不是 for a yes-or-no question the meeting records settle (qa/answering/polar.py),
        read once: the strategy asks it, and the answer states it."""
        from .polar import verdict  # (polar reads this module)

        return verdict(self)

    @cached_property
    def pool(self) -> list[Candidate]:
        """The top passages, whose sentences compete for the quote."""
        return self.retrieved.ranked[: self.settings.quote_pool]

    @cached_property
    def pool_terms(self) -> tuple[str, ...]:
        """The question's key words that the top passages use (the user's own 怀着, 做事
        tell no sentence apart). Read once per question, not once per sentence weighed."""
        return tuple(t for t in dict.fromkeys(self.question.terms) if len(t) > 1 and any(t in c.chunk.text for c in self.pool))

    @cached_property
    def rare_words(self) -> tuple[str, ...]:
        """The question's words few passages hold (DISTINCT_HEAD_IDF) that the top passages
        do hold, predicate and province names aside: the subject a figure must be about.
        Read once per question, not once per sentence weighed."""
        q, weights = self.question, self.retrieved.weights
        return tuple(w for w in dict.fromkeys(q.clause_words + q.terms)
                     if len(w) > 1 and weights.get(w, 0.0) >= DISTINCT_HEAD_IDF and w not in q.predicate
                     and not provinces_in(w) and not _A_YEAR.fullmatch(w) and any(w in c.chunk.text for c in self.pool))


# (四川2025年要推动多少家企业…: a year is checked by the year rules, and a 2025 page says 今年)
_A_YEAR = re.compile(r"(?:19|20)\d\d")


def provinces_head(labels: list[str], provinces: list[str]) -> str:
    """共3个省市：…, the list a which-answer opens with. A province two documents report
    (江苏（2024年第6期）、江苏（某公众号）) is one province of the count, two reports of it."""
    if len(labels) == 1:
        return f"1个省市：{labels[0]}"
    distinct = len(set(provinces))
    reports = f"（{len(labels)}篇报道）" if distinct < len(labels) else ""
    return f"共{distinct}个省市{reports}：{'、'.join(labels)}"


def direct_text(direct: tuple[Pick, int, int] | None) -> str | None:
    """The words a direct answer (a pick and offsets in its quote) stands out."""
    return direct[0].text[direct[1] : direct[2]] if direct else None


@dataclass
class Reply:
    """A strategy's answer, before the citations are numbered into an Answer."""

    lines: list[str]
    abstained: bool = False
    reason: str = ""  # why it was refused, shown after 未在资料中找到相关内容
    direct: tuple[Pick, int, int] | None = None  # the span that answers, inside a pick's quote
    provinces: tuple[str, ...] = ()


def is_relevant(ctx: AnswerContext, c: Candidate, quote: str) -> bool:
    """Does the passage speak of what was asked? Its key-word coverage or its best
    sentence's similarity must clear the calibrated thresholds."""
    q, s = ctx.question, ctx.settings
    if not any(ch.isalnum() for ch in q.text):
        return False  # "。？！": near-empty queries sit close to every short sentence
    # a phrase the user put in quotation marks, found as written, is what was asked about
    if any(len(t) >= 3 and holds_phrase(t, quote) for t in q.quoted):
        return True
    return c.coverage >= s.min_coverage or c.sentence >= s.min_dense


MIN_HEAD_IDF = 1.0  # log-odds of a passage lacking the word: below it, about a third of passages hold it
DISTINCT_HEAD_IDF = 2.0  # above it, about one passage in eight holds the word


def holds_predicate(ctx: AnswerContext, text: str, need_head: bool = True) -> bool:
    """The text speaks of the question's key predicate (主持, 参会, 展区 …), when it has
    one: the predicate words it holds (or their set-phrase synonyms) must carry at least
    half of the predicate's IDF weight, so that a common word (项目) alone does not do."""
    q = ctx.question
    if not q.predicate:
        return True
    if (q.kind == "date" or q.unit == "时长") and _states_its_figure(q.text, text):
        return True  # (6156个项目落地开工，是多长时间里取得的: the figure asked after says which thing)
    if q.kind == "place" and set(q.predicate) <= set(SYNONYMS["召开"]) and spans.LABELLED_VENUE.match(text):
        return True  # (在哪开的: a minutes' 地点：… line says where it was held)
    if _names_the_described(ctx, text):
        return True
    weights = ctx.retrieved.weights

    def holds(word: str) -> bool:
        return _holds_word(word, text, weights)

    words = list(q.predicate)
    if all(weights.get(p, 1.0) < MIN_HEAD_IDF for p in words):
        return True  # only words most passages hold (企业, 工作): they cannot tell one answer from another
    head = q.predicate_head
    # 覆盖了多少家: a sentence without 覆盖 counts something else. A head most passages
    # hold (企业, 工作) tells nothing, and reports often leave it out (世界500强达211家).
    if need_head and head and head in words and weights.get(head, 1.0) >= MIN_HEAD_IDF and not holds(head):
        return False
    total = sum(weights.get(p, 1.0) for p in words)
    held = sum(weights.get(p, 1.0) for p in words if holds(p))
    return held >= ctx.settings.min_predicate * total


def _written(word: str, text: str) -> bool:
    # a deputy is another post: 主编 is not held by 副主编
    return any(re.search(("" if w.startswith("副") else "(?<!副)") + re.escape(w), text) for w in SYNONYMS.get(word, (word,)))


def _holds_word(word: str, text: str, weights: dict[str, float]) -> bool:
    """The text holds the word, as written or in a writing of the genre's."""
    if _written(word, text) or (len(word) > 2 and word.endswith("额") and _written(word[:-1], text)):
        return True  # (投资额 is held by 完成投资3064亿元)
    if (figured := in_digits(word)) != word and _written(figured, text):
        return True  # (五百强 is held by 世界500强: reports write counts in digits)
    split, stem, longer, head = _other_writings(word)
    if split and split.search(text) or stem and stem.search(text):
        return True
    if longer and any(rjieba.has_word(m.group()) for m in longer.finditer(text)):
        return True
    # 联系电话 is held by 电话: the head noun of a compound, when few passages hold it,
    # names the thing whatever modifies it; 产业项目 is not held by any 项目
    return len(head) > 1 and weights.get(head, 0.0) >= DISTINCT_HEAD_IDF and _written(head, text)


# what stands right before the thing asked, after the last 的 or demonstrative:
# 针对浙商提出的[专项]行动, 那个[管空气质量]的行动
_DESCRIPTION_CUT = re.compile(r"的|[这那][个项场次条种类]")


def _names_the_described(ctx: AnswerContext, text: str) -> bool:
    """浙江针对浙商提出的专项行动叫什么 — 实施浙商再出发“雄鹰”行动: a name asked of a thing
    the user describes. The report writes the name where the user writes the description
    (“雄鹰” stands where 专项 does), so the words right before the thing are the user's own;
    the sentence must quote a name of that thing and hold the rest of what the question
    says of it (浙商), by the predicate's share of IDF weight."""
    q = ctx.question
    if q.kind != "name" or not (thing := _thing_asked(q.text)) or not names_the_thing(q, text, kind_spans(q, text)):
        return False
    if not (rest := _said_beside_the_description(q.text, thing[0], q.speaker or "")):
        return False  # (浙江的专项行动叫什么: nothing but the description, which any name would fit)
    weights = ctx.retrieved.weights
    total = sum(weights.get(w, 1.0) for w in rest)
    return sum(weights.get(w, 1.0) for w in rest if _holds_word(w, text, weights)) >= ctx.settings.min_predicate * total


@lru_cache(maxsize=256)
def _said_beside_the_description(question: str, noun: str, speaker: str) -> tuple[str, ...]:
    """The key words the question says of the thing besides its description (浙商 in
    针对浙商提出的专项行动), read once per question: every sentence is tried against them."""
    clause = next((c for c in re.split(r"[，,；;？?。]", question) if noun in c), "")
    before = clause[: clause.rfind(noun)]
    described = set(key_words(_DESCRIPTION_CUT.split(re.sub(rf"(?:{_DESCRIPTION_CUT.pattern})+$", "", before))[-1]))
    return tuple(w for w in key_words(before) if w not in described and w != noun and w not in speaker)


# a count or an amount the question restates (6156个, 3064亿元, 150项)
_STATED_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万亿|亿|万)?\s*(?:个|项|家|所|位|名|条|批|元|人|%)")


def _states_its_figure(question: str, text: str) -> bool:
    """The question names the sentence's own figure: it asks about what that figure counts."""
    return any(writes_figure(re.sub(r"\s+", "", m.group()), text) for m in _STATED_FIGURE.finditer(question))


def writes_figure(figure: str, text: str) -> bool:
    """The text writes this figure as a whole number: 130 is not the end of 1130, nor 15 the
    start of 150; a measure word closes it (5个 is written in 5个100亿级)."""
    closed = "" if re.search(r"[^\d.万亿]$", figure) else r"(?![\d.])"
    return re.search(rf"(?<![\d.]){re.escape(figure)}{closed}", re.sub(r"\s+", "", text)) is not None


_WORDED_NUMBER = re.compile(r"[一二两三四五六七八九十百千万亿]{2,}")


@lru_cache(maxsize=1024)
def in_digits(word: str) -> str:
    """五百强 → 500强: a number the user wrote in words, as reports write it (一二三 stay:
    a run that is no number, as in 一二三产业, is left as it is)."""
    def digits(m: re.Match) -> str:
        n = numeral(m.group())
        return str(n) if n is not None and re.search("[十百千万亿]", m.group()) else m.group()
    return _WORDED_NUMBER.sub(digits, word)


@lru_cache(maxsize=1024)
def _other_writings(word: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None, str]:
    """How else a report writes a predicate word, read from the word alone: once per word,
    not once for every sentence weighed. (the set phrase split by a modifier, the verb
    without its direction, the longer word it shortens, the compound's head noun)"""
    parts = rjieba.cut_for_search(word)
    # 汇报工作 is held by 汇报有关工作: a set phrase of two words with a modifier between
    # (a phrase the question glued, 产业项目, is no set phrase: 产业汇集项目 is other projects;
    # but a verb glued to what it acts on is, 开工项目 for 开工重大项目)
    split = (re.compile(re.escape(word[:2]) + _MODIFIER_GAP + re.escape(word[2:]))
             if len(word) == 4 and {word[:2], word[2:]} <= set(parts)
             and (rjieba.has_word(word) or all(tag == "v" for _, tag in rjieba.tag(word[:2]))) else None)
    # 投进去 is held by 投资: a colloquial verb's direction (进去, 出来) is not its meaning
    verb = _DIRECTION.sub("", word)
    stem = re.compile(re.escape(verb) + r"[\u4e00-\u9fff]") if verb != word and len(verb) == 1 else None
    # 展区 is held by 展示区: a two-character word shortens the three-character word it opens
    # and ends (a dictionary word, not any three characters: the caller asks the dictionary)
    longer = re.compile(re.escape(word[0]) + r"[\u4e00-\u9fff]" + re.escape(word[1])) if len(word) == 2 else None
    head = max((w for w in parts if word.endswith(w) and w != word), key=len, default="")
    return split, stem, longer, head


_MODIFIER_GAP = r"[^，。；、,;\s]{1,4}"
_DIRECTION = re.compile(r"(?<=[\u4e00-\u9fff])(?:进去|进来|出来|出去|下去|下来|上来|上去|起来|过来|回来)$")


# 这期快讯, 本期简报, 这份材料, 落款: the question is about the bulletin itself (its date, its publisher)
ABOUT_THE_BULLETIN = re.compile(r"[这本该此](?:期|份(?:材料|资料|文件))|快讯|简报|汇编|落款")


def holds_terms(ctx: AnswerContext, text: str, share: float) -> bool:
    """The text holds at least `share` of the question's key words the top passages use,
    by their IDF weight."""
    weights = ctx.retrieved.weights
    total = sum(weights.get(t, 1.0) for t in ctx.pool_terms)
    return total > 0 and sum(weights.get(t, 1.0) for t in ctx.pool_terms if t in text) >= share * total


# `“六大优势产业”具体是哪六个`: asks what a named set consists of
_EXPANSION_ASKED = re.compile(r"具体(?:是|指|包括)|具体[\u4e00-\u9fff]{1,4}?了?(?:哪些|什么)|分别(?:是|指|代表)|代表(?:什么|哪)|指(?:的是)?(?:什么|哪)|包括哪|"
                             r"是哪[几两三四五六七八九十](?![年月天日次号])|哪[几两三四五六七八九十][个项大方条类支]|哪(?:些|几个)?(?=[“\"])")
_COUNT = re.compile(r"[一二两三四五六七八九十]|\d+")
# how a report spells a set out: 即…, ：…, 包括…, or an enumeration that follows (一是…, 其中…)
# (用“六个新”进行了概括：…: a short verb phrase may stand before the colon)
# (“三个年”活动即…: the set's noun may stand before 即; 立即 and 即将 spell nothing out)
_SPELLED_RIGHT_AFTER = re.compile(r"^[”\"]?(?:[\u4e00-\u9fff]{0,4}?(?:(?<![立随旋])即(?![将可使便])|就是|是指|指的是)|包括|分别是|主要是|具体是|[：:（(]|[^，,。；;“”]{1,6}[：:])")
_ENUMERATION = re.compile(r"一是|其一|首先|第一[，、是]|其中[，：]|[①⑴]|（一）|1[.、．]")


def asks_expansion(q: Question) -> bool:
    """The question asks what a quoted set consists of: the ask names the set (“六大优势产业”
    具体是哪六个, “两区”“四平台”分别指什么), by standing right after it or by sharing its count
    or its noun. 围绕“智改数转”着力解决哪几类问题 asks about problems, not about 智改数转."""
    m = _EXPANSION_ASKED.search(q.text)
    if not q.quoted or not m:
        return False
    # “严新细实”…这四个字各指什么: the characters of the quoted term, counted, are asked for
    if (chars := _ITS_CHARACTERS.search(q.text)) and any(len(t) == numeral(chars.group(1)) for t in q.quoted):
        return True
    for term in q.quoted:
        # 做好哪“四个强化四个抓”, 讲了哪些“导向”: the ask stands right before the set's name
        if q.text[m.end() :].lstrip("“\"").startswith(term):
            return True
        at = q.text.rfind(term, 0, m.start())
        # right after it, in its clause: 用好“超常规举措”，要冲破…的分别是什么 asks about the verbs' objects
        between = q.text[at + len(term) : m.start()] if at >= 0 else ""
        if at >= 0 and len(between) <= 16 and not re.search(r"[，,；;]", between) and not m.group(0).startswith("哪"):
            return True
        # (“办成了许多…大事要事”，具体是哪几件: a clause that only asks, right after the term, asks about it)
        if at >= 0 and re.fullmatch(r"[”\"」]?\s*[，,]\s*", between) and _ONLY_ASKS_ITEMS.fullmatch(q.text[m.start() :]):
            return True
        # (…“10个方面突破”，这10个方面具体是哪些: the ask's clause, after the term, names the set again)
        lead = q.text[max(at + len(term), *(q.text.rfind(c, 0, m.start()) + 1 for c in "，,；;")) : m.start()] if at >= 0 else ""
        ask = q.text[m.start() : m.end() + 6]
        same_count = {numeral(c) for c in _COUNT.findall(term)} & {numeral(c) for c in _COUNT.findall(lead + ask)}
        same_noun = any(ch in lead + ask[3:] for ch in term if "\u4e00" <= ch <= "\u9fff" and not _COUNT.match(ch))
        if same_count or same_noun:
            return True
    return False


# 具体是哪几件, 具体指什么: the items themselves, nothing else (具体要求是啥 asks what was required)
_ONLY_ASKS_ITEMS = re.compile(r"(?:具体)?(?:是|指|包括)?(?:哪[几些两三四五六七八九十]?[个件项条类种样]?|什么)(?:呢)?[？?。\s]*")
_ITS_CHARACTERS = re.compile(r"[这那]([两三四五六七八九十]|\d)个字")


def expands(q: Question, pick: Pick) -> bool:
    """The passage spells out what the quoted term consists of, not only names it: right
    after the term (即…, ：…, 包括…), in an enumeration that follows it, or in a list
    that leads up to it (…、…、…等四大集群)."""
    text = pick.candidate.chunk.text
    for term in q.quoted:
        # 三个“硬”, 四个“量”: a one- or two-character set name is spelled out by the words that
        # share it (硬道理，硬抓手，硬实力), as many as the question counts
        # (“几早”: the question word stands for the items' differing part, 早 is shared)
        core = re.sub(r"^(?:哪几|几|哪)", "", term)
        if core and len(core) <= 2 and len(_items_sharing(core, pick.text)) >= max(2, _asked_count(q, term)):
            return True
        # 连着提了哪几个“能”: parallel clauses carry it at one place (…胸怀家国能担当，
        # 勇攀高峰能闯关，开放合作能包容)
        if core and len(core) <= 2 and _parallel(core, pick.text) >= max(3, _asked_count(q, term)):
            return True
        # 在哪几个方面“实现新突破”: each item of a parallel list carries the phrase
        # (在…上实现新突破，在…上实现新突破), so the sentence that repeats it spells them out
        if len(term) > 2 and pick.text.count(term) >= max(2, _asked_count(q, term)):
            return True
        # 哪“三大经济”, 哪“三个第一”: the items each write the counted noun (资源经济、园区经济、
        # 口岸经济; 科技第一生产力、人才第一资源、创新第一动力), as often as the name counts
        counted = re.fullmatch(r"([一二两三四五六七八九十])[个大项条类种]?([\u4e00-\u9fff]{2,4})", term)
        if counted and pick.text.replace(term, "").count(counted.group(2)) >= max(2, numeral(counted.group(1))):
            return True
        # “5个100”: five items of a hundred each (推进100项…、研制100项…、开发100个…)
        hundreds = re.fullmatch(r"(\d+|[一二两三四五六七八九十])个(\d+|[百千万])", term)
        if hundreds and len(re.findall(rf"(?<![\d.]){re.escape(hundreds.group(2))}(?![\d.])", pick.text)) >= max(2, numeral(hundreds.group(1)) or 0):
            return True
        # 哪两个“一号工程”: each item is the name with a word set inside it (“一号发展工程”和“一号开放工程”)
        # (the items may run on past a ；, to the sentence's end: each clause holding one spells out its part)
        if len(term) > 2 and widened(term, pick.text) and len(widened(term, text[slice(*_sentence_bounds(text, pick))])) >= max(2, _asked_count(q, term)):
            return True
        # 要抓哪几方面的高质量: the items share the word the ask names (高质量项目建设、高质量企业培育)
        shared = re.search(r"哪[几两三四五六七八九十]?(?:个|项|大|条|类)?方面的([\u4e00-\u9fff]{2,4}?)(?:[？?，,]|$)", q.text)
        if shared and pick.text.count(shared.group(1)) >= 2:
            return True
        for m in re.finditer(re.escape(term), text):
            if not pick.start - 60 <= m.start() <= pick.end:
                continue
            after, before = text[m.end() : m.end() + 150], text[max(0, m.start() - 60) : m.start()]
            # an enumeration after another quoted name (“六个必须”：一是…) spells that one out
            after = after[: next((i for i, ch in enumerate(after) if ch in "“\"" and i > 1), len(after))]
            # the enumeration belongs to the term when it runs in its sentence or opens the next
            stop = after.find("。")
            # the next sentence's 一是… spells the term out only when the term ends its own
            # sentence (实现“三个转变”。一是…), not when more clauses follow it (…“六地”目标定位，开局…。一是…)
            last_clause = stop >= 0 and not re.search(r"[，,；;]", after[:stop])
            if _SPELLED_RIGHT_AFTER.search(after[:8]) or _ENUMERATION.search(after if stop < 0 else after[: stop + (9 if last_clause else 0)]):
                return True
            if before.count("、") >= 2 and re.search(r"等\s*[“\"]?$", before):
                return True
            # 深港河套和粤澳横琴“两点”: as many items, right before it, as the name counts
            items = re.split(r"[和与及、]", re.split(r"[，。；：]", before)[-1].rstrip("“\""))
            # (the name opens with its count: 一体两核多点 counts nothing)
            lead = re.match(r"[一二两三四五六七八九十]|\d+", term)
            if lead and numeral(lead.group(0)) >= 2 and len(items) == numeral(lead.group(0)) and all(len(x) >= 2 for x in items):
                return True
    return False


def _items_sharing(term: str, text: str) -> list[re.Match]:
    """Listed words that end with the term (主要增量、强大能量) or start with it (是硬道理，是硬抓手)."""
    t = re.escape(term)
    # (a quoted item counts too: 筑牢社会治理“底座”，夯实金融风控“底板”)
    return list(re.finditer(rf"{t}(?=[、，,；;。和及与”])|(?<=[是为、，,；;和及与“]){t}", text))


def widened(term: str, text: str) -> set[str]:
    """The quoted names that are the term with one to four characters inside it."""
    return {m.group(1) for m in re.finditer(r"[“\"]([\u4e00-\u9fff]{3,16})[”\"]", text)
            if any(len(m.group(1)) - len(term) <= 4 and re.fullmatch(re.escape(term[:i]) + r"[\u4e00-\u9fff]{1,4}" + re.escape(term[i:]), m.group(1))
                   for i in range(1, len(term)))}


def _sentence_bounds(text: str, pick: Pick) -> tuple[int, int]:
    """The pick's whole sentence, its full stop included: the clause between full stops or lines."""
    start, end = clause_bounds(text, pick.start, pick.end - 1, "。\n")
    return start, end + (text[end : end + 1] == "。")


def spelled_through(q: Question, pick: Pick) -> Pick:
    """三个“一号工程”分别是什么: when the items run on past the pick's ；, the quote runs on
    to the clause that holds the last of them (and back to the first), so that all are shown."""
    text = pick.candidate.chunk.text
    start, end = _sentence_bounds(text, pick)
    names = {n for t in q.quoted if len(t) > 2 and widened(t, pick.text) for n in widened(t, text[start:end])}
    at = [m.start() + start for n in names for m in re.finditer(re.escape(n), text[start:end])]
    if not at:
        return pick
    first = max([text.rfind(c, start, min(at)) + 1 for c in "；;"] + [start])
    last = min([i + 1 for c in "；;" if (i := text.find(c, max(at), end)) >= 0] + [end])
    return replace(pick, start=min(pick.start, first), end=max(pick.end, last))


def _parallel(term: str, text: str) -> int:
    """The longest run of clauses that hold the term as far from their ends (the first
    item may share its clause with what leads up to the list)."""
    longest = run = 0
    previous = None
    for clause in re.split(r"[，,、；;。]", text):
        key = len(clause) - clause.find(term) if term in clause else None
        run = run + 1 if key is not None and key == previous else int(key is not None)
        previous, longest = key, max(longest, run)
    return longest


def _asked_count(q: Question, term: str) -> int:
    """三个“硬” → 3; 哪几个“率” → 0 (any)."""
    m = re.search(rf"([一二两三四五六七八九十]|\d+)[个项大种条][“\"]{re.escape(term)}", q.text)
    return numeral(m.group(1)) if m else 0


def names_the_set(q: Question, candidates) -> bool:
    """The passages name the quoted term at all; if they do not, whether they spell it
    out cannot be told, and the usual checks decide."""
    return any(t in c.chunk.text for c in candidates for t in q.quoted)


# 要扎扎实实搞的是个什么活动, 准备搞的那个行动叫啥: a thing whose name the reports quote
# before the word for it
_THINGS = r"(活动|行动|工程|计划|战略|机制|模式|平台|品牌|经验|专题片)"
# (…的年度行动，具体叫什么名堂: the thing may close the clause before the ask)
_THING_ASKED = re.compile(rf"(?:什么|哪个|哪一?项|哪场|啥)[\u4e00-\u9fff]{{0,6}}?{_THINGS}|{_THINGS}[，,]?(?:它|这个|那个)?(?:具体|到底)?的?(?:名字|名称|全称)?(?:是|叫)(?:什么|啥)")


def names_the_thing(q: Question, text: str, spans_found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of the quoted names, those of the thing asked: “抓基层…”活动 for 什么活动 (or
    “一号工程”, which says it inside), not another word the sentence quotes."""
    if q.kind != "name" or not (thing := _thing_asked(q.text)):
        return []
    noun, after = thing
    named = [(a, b) for a, b in spans_found if text.endswith(noun, a, b) or after.match(text, b)]
    # (持续开展“千名干部进千企”“万名干部下基层”活动: names quoted one after another, or
    # listed with 、 and 和, share the noun written after the last of them)
    for a, b in sorted(spans_found, reverse=True):
        if (a, b) not in named and any(c >= b and re.fullmatch(r"[”」\"]?[、和及与]?[“「\"]?", text[b:c]) for c, _ in named):
            named.append((a, b))
    if len(named) > 1:
        # of several, the one the question's own words echo (走进一千家企业 — 千名干部进千企)
        echoed = {s: len(set(text[s[0] : s[1]]) & set(q.text) - _FUNCTION_CHARS) for s in named}
        most = max(echoed.values())
        if most and list(echoed.values()).count(most) == 1:
            return [s for s in named if echoed[s] == most]
    return sorted(named)


_FUNCTION_CHARS = set("的是了在和与及把被对从向为以之其这那个一有不也都就要将")


@lru_cache(maxsize=256)
def _thing_asked(question: str) -> tuple[str, re.Pattern] | None:
    """(the word for the thing asked, the pattern of it right after a quote), read once per
    question: every sentence of the top passages is tried against it."""
    if not (thing := _THING_ASKED.search(question)):
        return None
    noun = thing.group(1) or thing.group(2)
    return noun, re.compile(rf"[”」’\"]?[\u4e00-\u9fff]{{0,3}}?{noun}")


def kind_spans(q: Question, text: str) -> list[tuple[int, int]]:
    """Spans of the asked kind; not those the question itself states (问 12345热线…多少, 12345 is no answer)."""
    squeezed = re.sub(r"\s+", "", q.text)

    def stated(span: str) -> bool:
        # (那天上午去考察…哪个时段: 当日上午 is the half of the day the question states)
        span = re.sub(rf"^(?:{spans.ANOTHER_DAY})(?=.)", "", re.sub(r"\s+", "", span))
        # 4.8万参会人员里…多少人: 共4.8万人 restates the question's own figure
        # (by number and unit: 5个100 states no 100家)
        number = re.search(r"(\d+(?:\.\d+)?[万亿]?)(.?)", span) if q.kind == "figure" else None
        if span in squeezed or not number or not number.group(2):
            return span in squeezed
        return any(number.group(2) in squeezed[m.end() : m.end() + 4]
                   for m in re.finditer(rf"(?<![\d.]){re.escape(number.group(1))}(?![\d.])", squeezed))

    def venue(b: int) -> bool:
        # 会议在长沙召开: the venue answers where the meeting was held, not who spoke at it
        return (q.kind == "place" and bool(q.predicate or q.clause_words) and not _ASKS_VENUE.search(q.text)
                and bool(re.match(r"[市省]?(?:召开|举行|举办)", text[b:])))
    def in_a_name(a: int, b: int) -> bool:
        # 迭代升级“十项行动”: a count inside a quoted name belongs to the name; it counts
        # what the question asks only when the question names what the name counts
        opened, closed = text.rfind("“", 0, a), text.find("”", b)
        if q.kind != "figure" or opened < 0 or closed < 0 or closed - opened > 12 or re.search(r"[“”，,。；;：:]", text[opened + 1 : closed]):
            return False  # (a quoted speech is no name)
        rest = text[b:closed]
        return bool(re.search(r"[\u4e00-\u9fff]", rest)) and rest not in squeezed and rest[:2] not in squeezed

    # (上午还是下午: the question names both halves of the day, and one of them answers)
    offered = q.kind == "date" and q.unit == "半天"
    found = [(a, b) for a, b in spans.find(q.kind, text, q.unit, q.provinces)
             if (offered or not stated(text[a:b])) and not venue(b) and not in_a_name(a, b)]
    if q.kind == "figure" and q.unit in ("", "人", "位", "名") and "周年" not in q.text:
        found = [(a, b) for a, b in found if not text.endswith("周年", a, b)]  # (回信10周年 counts no 民营企业家)
    if q.kind == "figure" and q.unit == "人" and "人次" not in q.text:
        # (观看人次约260万 counts views, not the people 多少人参加 asks for)
        found = [(a, b) for a, b in found if not re.search(r"人次[约近超逾达为共计]{0,2}$", text[max(0, a - 4) : a])]
    if q.kind == "name" and "文件" in q.text:
        found = [(a, b) for a, b in found if text[a - 1 : a] == "《"]  # (什么文件: a title, not a slogan in quotes)
    if q.kind == "place" and _ASKS_SITE.search(q.text):
        # 主会场设在哪里: the building is the site asked (主会场设在省委大礼堂); 在哪里召开 asks the city
        found = sorted(set(found) | {s for s in spans.buildings(text) if not any(a <= s[0] < b for a, b in found)})
    if asks_year_held(q):
        # 会议是哪一年开的: the year of a clause that dates the meeting (…举行2024年一季度…大会,
        # 发布日期：2025-02-05), not one its work looks back on (总结2024年全省…工作)
        found = [(a, b) for a, b in found if _DATING.search(clause_around(text, a, b, "，,；;。"))]
    if q.kind == "figure" and q.unit in ("", "个", "大"):
        found = sorted(set(found) | {s for s in _slogan_counts(q, text) if not stated(text[s[0] : s[1]])})
    if q.kind == "figure" and (posted := _COUNTS_POSTED.search(q.text)):
        # 几位省领导出席: 约1200人参加会议 counts everyone; the count asked is written against the post
        # (10名“湖北省优秀企业家”: a name of the honour may stand between, in the figure's clause)
        noun = posted.group(1)
        found = [(a, b) for a, b in found if noun in re.split(r"[，,。；;]", text[b : b + 16])[0] or noun in text[max(0, a - 8) : a]]
    if q.kind == "person" and not found and not _PERSON_ASKED.search(q.text) and (did := _bodies_did(q.text)):
        # 谁作了交流发言, 谁通报了开工情况: a report often writes a body as the one who did it
        # (省农业农村厅、牡丹江市作交流发言; 省发改委通报了…); 哪几位负责人 asks for people
        found = [m.span(1) for m in did.finditer(text)]
        # (金川集团是谁上台发言的: a body the question names asks who spoke for it, which the list does not say)
        if any(body in q.text for a, b in found for body in spans.list_items(text[a:b])):
            found = []
    if q.kind == "person" and not found and _HEARD_ASKED.search(q.text):
        # 听取了谁的汇报, 谁汇报了 — 会议听取了省发改委关于…情况汇报: the body heard is named right after 听取
        found = [m.span(1) for m in _HEARD.finditer(text)]
    if q.kind == "place" and (q.predicate == ("召开",) or _SITE_ASKED.search(q.text) and "分会场" not in q.text):
        # 在哪座城市召开, 会议地点呢: the place the meeting is held at (在沈阳召开, 在深圳设主会场),
        # not a branch venue the same sentence lists (沈抚示范区等设分会场) nor one who spoke
        found = [(a, b) for a, b in found if _VENUE_AFTER.match(text[b:]) or _VENUE_BEFORE.search(text[max(0, a - 6) : a])]
    return found


_ATTENDING = re.compile(r"(?:等)?(?:(?:在主会场|分别在主会场、分会场|在各会场))?(?:出席|参加|参会|与会)")
_OTHER_PART = re.compile(r"主持|讲话|发言|致辞|主讲")


def _attendees(found: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """…胡衡华主持，市人大常委会主任王炯，市政协主席程丽华，市委副书记李明清，…出席: who
    attended are the names of the sentence before 出席, from the first to the last, as one
    answer; the host's clause is not among them. None when no name stands there."""
    m = _ATTENDING.search(text)
    if not m:
        return []
    start = max(text.rfind(c, 0, m.start()) for c in "。；;") + 1
    names = [(a, b) for a, b in found if start <= a and b <= m.start() and not _OTHER_PART.search(spans.clause_of((a, b), text))]
    return [(names[0][0], names[-1][1])] if names else []


def _slogan_counts(q: Question, text: str) -> list[tuple[int, int]]:
    """几个平台 is answered by “四平台”: a slogan counts its noun with a bare numeral, with
    no measure word (“两区”“四平台”, 三大工程), so the numeral is found by the noun asked."""
    # (…、生物等四大产业创新高地: after 大 the slogan may name what kind before the noun)
    return [(m.start(1), m.end()) for pattern in _slogan_patterns(q.text, q.predicate) for m in pattern.finditer(text)]


@lru_cache(maxsize=256)
def _slogan_patterns(text: str, predicate: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """The question's counted nouns as patterns, made once per question, not per sentence."""
    counted = [w for w in predicate if re.search(rf"(?:几|多少)[个项家条类种大]?{re.escape(w)}|{re.escape(w)}(?:一共|总共|共|有|是)*(?:几|多少)", text)]
    # 有几个省提到了…: places are counted with no measure word, right after the places listed
    # (湖南、黑龙江、甘肃三省提到了…)
    places = set(re.findall(rf"(?:几|多少)个?([省市地县州]){_NO_ORGAN}", text))
    # (…等部门及16州（市）分别汇报: a list's last item may be counted so; not a figure's
    # last digits, 6州 of 16州)
    return tuple(re.compile(rf"(?:(?<![\u4e00-\u9fff\d.])|(?<=[等及和与、]))([{spans.CN_DIGITS}\d]+(?:大[\u4e00-\u9fff]{{0,6}}?)?){re.escape(w)}") for w in counted) + tuple(
        re.compile(rf"([{spans.CN_DIGITS}\d]+){p}{_NO_ORGAN}") for p in sorted(places))


_NO_ORGAN = r"(?![\u4e00-\u9fff]?(?:委|长|政府|领导))"  # 几个省 counts provinces, not 省委 or 省长


# 几位省领导, 多少名企业家代表: people counted by the post they hold
_COUNTS_POSTED = re.compile(rf"(?:几|多少)[位名]((?:省|市)?(?:{POSTS}|领导|代表|企业家|院士|嘉宾|专家))")
_SPOKE_ASKED = re.compile(r"发言|汇报")
# 谁通报了…, 谁在会上介绍了…: the verb right after 谁
_VERB_ASKED = re.compile(r"谁(?:在会上|在会议上)?((?![作做是的])[\u4e00-\u9fff]{2})")
_PERSON_ASKED = re.compile(r"哪[一几]?位|负责人|负责同志|姓名|名字|叫什么|领导")
# (…东南大学在会上作交流发言, 市高级人民法院、…, …前郭县党委主要负责同志汇报工作)
_BODY = r"[\u4e00-\u9fff]{2,14}?(?:厅|委|局|办|市|州|县|区|集团|公司|大学|法院|检察院)"
_SPOKE = r"(?:作了?|做了?)[\u4e00-\u9fff]{0,4}发言|(?:汇报|报告)了?(?:有关)?工作"


@lru_cache(maxsize=256)
def _bodies_did(question: str) -> re.Pattern | None:
    """The bodies a report writes as doing what the question asks who did: the list at a
    clause's start, right before the verb."""
    if _SPOKE_ASKED.search(question):
        verb = _SPOKE
    elif m := _VERB_ASKED.search(question):
        verb = re.escape(m.group(1))
    else:
        return None
    return re.compile(rf"(?:^|[，,。；;：:])(?:会上[，,]?)?((?:{_BODY}(?:、|和|以及|及))*{_BODY})"
                      r"(?:等)?(?:(?:党委|党组)?(?:主要)?负责(?:同志|人))?(?:在会上)?(?:分别|先后)?" + f"(?:{verb})")


_HEARD_ASKED = re.compile(r"听取了?谁|谁(?:作了?|做了?)?(?:汇报|介绍)")
_HEARD = re.compile(rf"听取了?({_BODY})(?=关于|[\u4e00-\u9fff“”]{{0,24}}?(?:汇报|介绍|报告))")
_VENUE_AFTER = re.compile(r"[市省]?(?:召开|举行|举办|开幕|设主会场|主会场)")
_VENUE_BEFORE = re.compile(rf"(?:主会场|会场|会议|会址)(?:设)?(?:在|于)$|(?:^|\n){VENUE_LABEL}$")


_ASKS_SITE = re.compile(r"会场|会址|地点|场馆|礼堂")
# 会议地点在哪, 会场呢, 主会场设在哪个会议中心: where the site is (not 在会场参会)
_SITE_ASKED = re.compile(r"(?:会场|会址|地点)(?:设|是|位于)?在?(?:哪|何|什么地方|呢|[？?]?$)")
_HELD_ASKED = re.compile(r"召开|举行|举办|开的|开会|开幕|办的")


def asks_year_held(q: Question) -> bool:
    """会议是哪一年开的: the year of the meeting itself."""
    return q.kind == "date" and q.unit == "年" and q.about_meeting and bool(_HELD_ASKED.search(q.text))


_DATING = re.compile(r"召开|举行|举办|开幕|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|(?:19|20)\d\d[-/.]\d")
_ASKS_VENUE = re.compile(r"召开|举行|举办|开的|开会|开在|地点|会场|会址|场地|在哪")


def answers_kind(q: Question, text: str) -> bool:
    """The text holds the kind of answer asked for (a figure with its unit, a date, a name,
    a place). A programme's name is often not quoted: asked for, it ranks, it does not gate,
    unless the question asks for the name itself (片子叫什么名字): a description is no name."""
    if q.kind == "name" and not _ASKS_NAME_ITSELF.search(q.text):
        return True
    return q.kind is None or bool(kind_spans(q, text))


_ASKS_NAME_ITSELF = re.compile(r"名字|名称|片名|书名|标题|题目|文件")  # (什么文件: a document is named, 《…》)


def figure_fits_clause(ctx: AnswerContext, text: str) -> bool:
    """A figure answers only if what was asked is said in its own clause: 4大类产业汇集项目
    370余个 does not count 产业项目 (a clause is cut at ，、；)."""
    q = ctx.question
    if q.kind == "date" and q.predicate and QUALIFIED_DATE.search(q.text):
        # (目标年份是哪一年: 2024年一季度…调度推进会，…锚定…目标 dates the meeting, not the target)
        return any(holds_predicate(ctx, spans.clause_of(s, text), need_head=False) for s in kind_spans(q, text))
    if q.kind != "figure" or not q.predicate:
        return True
    if _LABEL_AND_VALUE.search(q.text):
        # 是哪个指标，数值多少: the thing is asked too, so the words that describe it
        # (连续8年保持全国省区第一) stand beside its name and figure, not in their clause
        return True
    for a, b in kind_spans(q, text):
        # a label and its value (电话：0531…) are one clause; the clause must speak of
        # what was asked; the governing verb may stand before it. A figure that leads a
        # list counts all of it (100余家各类中外企业、商协会和专业服务机构应邀参会).
        if any(w in text[a:b] for w in q.predicate):
            return True  # “三大经济”: the figure names what it counts
        whole = clause_around(text, a, b, breaks="，,；;。")
        leads = whole.find(text[a:b]) <= 2 and "、" in whole
        if holds_predicate(ctx, whole if leads else _own_clause(text, a, b), need_head=False):
            return True
    return False


_BARE_TOTAL = re.compile(rf"\s*(?:共计|合计|总计|计|{spans.TOTAL_VERB})?\s*")


def _own_clause(text: str, a: int, b: int) -> str:
    """The figure's clause; a bare total (会议发布《…若干措施》，共32条) counts what the clause
    before it names, so that clause is its own too."""
    own = clause_around(text, a, b)
    start = text.rfind(own, 0, b)
    if start > 1 and _BARE_TOTAL.fullmatch(own.replace(text[a:b], "", 1)):
        return clause_around(text, start - 2, start - 1) + text[start - 1 : start] + own
    return own


def change_has_its_subject(q: Question, text: str) -> bool:
    """研发投入比上年增长了多少: a change told of another thing (高新技术产业产值占比49.9%、
    较上年提高1.4个百分点) is no answer."""
    return not asks_change(q) or bool(_changes(q, text, kind_spans(q, text)))


def asks_part(q: Question) -> bool:
    """…多少项，其中一等奖多少项: a figure of a part of the whole the question names."""
    return q.kind == "figure" and bool(PART_OF.search(q.text))


def asks_change(q: Question) -> bool:
    return q.kind == "figure" and bool(CHANGE_ASKED.search(q.text))


def _changes(q: Question, text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The figures a change verb leads in their clause (增长5.8%, 较上年提高1.4个百分点) whose
    clause names what changed, or the clause before does when theirs opens with the change
    (生产总值达到6.0万亿元，增长5.8%)."""
    subject = [w for w in q.clause_words if len(w) > 1 and w not in _ROSE + _FELL and w not in ("上年", "去年", "同比")]
    out = []
    for a, b in found:
        start = max((m.end() for m in re.finditer(r"[，,；;。、]", text[:a])), default=0)
        if not any(w in text[start:a] for w in _ROSE + _FELL):
            continue
        start = max((m.end() for m in re.finditer(r"[，,；;。]", text[:a])), default=0)
        if start and _OPENS_WITH_CHANGE.match(text, start):
            start = max((m.end() for m in re.finditer(r"[，,；;。]", text[: start - 1])), default=0)
        if not subject or any(v in text[start:b] for w in subject for v in SYNONYMS.get(w, (w,))):
            out.append((a, b))
    return out


_OPENS_WITH_CHANGE = re.compile(r"(?:同比|比上年|较上年|比去年)?(?:增长|增加|提高|提升|上升|下降|减少|回落)")


_LABEL_AND_VALUE = re.compile(r"(?:哪[个项类种一]{1,2}|什么)[\u4e00-\u9fff]{0,3}[，,、]\s*(?:数值|数字|数量|规模|金额)?(?:是|有|为|达)?多少")


def names_it_before_the_figure(q: Question, text: str) -> bool:
    """研发投入占比是多少: the sentence says what its figure is of before the figure (研发投入
    总量…，占GDP比重3.2%), not only after it (产值占比49.9%…，研发投入占比…均提前完成)."""
    return any(all(w in text[:b] for w in q.clause_words) for _, b in kind_spans(q, text))


def clause_around(text: str, a: int, b: int, breaks: str = "，,、；;。") -> str:
    """The clause of text[a:b]: from the break before it to the break after it. A short
    bracket is inside its clause: 先进县（市、区）30个 is one."""
    return text[slice(*clause_bounds(text, a, b, breaks))]


def clause_bounds(text: str, a: int, b: int, breaks: str = "，,、；;。") -> tuple[int, int]:
    """Where clause_around's clause starts and ends (the break after it excluded)."""
    seen = _BRACKETED.sub(lambda m: "（" + "_" * (len(m.group()) - 2) + "）", text)
    start = max((m.end() for m in re.finditer(f"[{breaks}]", seen[:a])), default=0)
    end = next((m.start() + b for m in re.finditer(f"[{breaks}]", seen[b:])), len(text))
    return start, end


_BRACKETED = re.compile(r"[（(][^（）()]{1,12}[）)]")


_POINTS_BACK = re.compile(r"\s*(?:该|此|这一?|上述)[\u4e00-\u9fff]")


def figure_has_its_subject(ctx: AnswerContext, p: Pick) -> bool:
    """“鹏城云脑”总投资多少: the passages name 鹏城云脑, so a figure whose sentence (with its
    heading) names none of the question's rare words is another thing's (省重点项目年度计划
    投资1万亿元). Only words the top passages hold count: a word of the user's own that no
    passage uses (挤进, 年头) says nothing about which sentence answers."""
    # (韩俊讲话中…几个强省: the one who spoke says whose words, not what is counted)
    subject = [w for w in ctx.rare_words if w != ctx.question.speaker]
    if ctx.question.kind != "figure" or not subject:
        return True
    context = p.text + p.candidate.chunk.title + p.candidate.chunk.doc_title
    if _POINTS_BACK.match(p.text):
        # 该展览由…21个…展示区组成: the thing counted is the one the sentence before names
        before = [x for x in re.split(r"(?<=[。！？!?\n])", p.candidate.chunk.text[: p.start]) if x.strip()]
        context += before[-1] if before else ""
    if ctx.question.about_meeting:
        # 景俊海讲话的那场大会…多少人次: the words that say which meeting (its speaker) may
        # stand anywhere in its report; the passages found of that report name it
        here = p.candidate.chunk
        context += "".join(c.chunk.text for c in ctx.pool if (c.chunk.doc, c.chunk.section) == (here.doc, here.section))
    return any(w in context for w in subject)


_VENUES = ("主会场", "分会场")


def _named_by(question: str, place: str) -> bool:
    """The question names the place, or the region it is of (大湾区 for 粤港澳大湾区), with or
    without its level (除了兰州 names 兰州市)."""
    unlevelled = re.sub(r"(?<=..)(?:市|省|县|区|州)$", "", place)
    return place in question or unlevelled in question or any(region in place and region in question for region in REGIONS)


def direct_span(q: Question, pick: Pick, weights: dict[str, float] | None = None) -> tuple[Pick, int, int] | None:
    """The span of the asked kind in the quote nearest to the question's key words
    (for 什么“年”, the quoted name ending in 年)."""
    if q.kind == "name" and _DEFINES.search(q.text):
        # “3815”战略发展目标是什么: what a quoted name stands for; another name the
        # sentence quotes (释放“抓落实、干起来”的导向) is not its content
        return None
    found_spans = kind_spans(q, pick.text) if q.kind else spans.quoted_terms(pick.text, q.term)
    if q.kind in ("name", "figure") and q.predicate:
        # 招商引资有什么目标 — 增强“等不起”的责任感: a name answers in a clause of what is asked;
        # so does a figure, when one stands there (建成投产了多少个 — 6156个…落地开工，3183个…建成投产)
        # (建好并投产的有多少个 — 6156个重大产业项目落地开工，3183个重大产业项目建成投产: of
        # several figures whose clauses hold some of it, the one whose clause holds the most)
        # (建成投产的产业大项目有多少个: the predicate, 项目, is in both clauses; of those, the
        # one that holds most of the question's compound words, 建成投产, which say more than 项目)
        clauses = {s: spans.clause_of(s, pick.text) for s in found_spans}
        share = {s: (sum(w in c for w in q.predicate), sum(len(w) > 2 and w in c for w in q.terms)) for s, c in clauses.items()}
        most = max(share.values(), default=(0, 0))
        if q.kind == "name":
            # (…开拓海外市场的那个行动叫啥 — 深入实施“徽动全球”出海行动，帮助民营企业开拓海外市场:
            # or a name of the thing asked, which the clause after describes)
            thing = names_the_thing(q, pick.text, found_spans)
            # (…为乡村振兴赋能的那一项冠以什么名称 — 实施现代“新农人”培育行动，…，赋能乡村振兴: the one
            # name a sentence that holds the predicate quotes, whichever clause holds the predicate)
            found_spans = [s for s in found_spans if share[s][0] or s in thing] or (found_spans if len(found_spans) == 1 else [])
        elif any(most):
            # (新一代信息技术、生物…这四类产业项目要投入多少资金 — 年度计划投资1万亿元，…新一代
            # 信息技术、生物…等4大类产业汇集项目370余个、年度投资额约1500亿元: with no clause
            # holding the predicate as written, the one that holds the question's own words)
            found_spans = [s for s in found_spans if share[s] == most]
    found_spans = names_the_thing(q, pick.text, found_spans) or found_spans
    if q.kind == "date" and q.unit != "农历":
        # asked 哪天, a calendar date answers before 春节后首个工作日 does
        found_spans = [s for s in found_spans if re.search(r"\d", pick.text[s[0] : s[1]])] or found_spans
    if q.kind == "figure" and "总第" in q.text:
        found_spans = [(s[0] - 1, s[1]) for s in found_spans if pick.text[max(0, s[0] - 1) : s[0]] == "总"] or found_spans
    if q.kind == "place":
        # 大湾区国创中心的国际总部建在哪 — 在河套谋划建设粤港澳大湾区国创中心国际总部: a place
        # the question names says what is asked about; the answer is another
        found_spans = [s for s in found_spans if not _named_by(q.text, pick.text[s[0] : s[1]])] or found_spans
    if q.kind == "place" and (venue := next((w for w in q.predicate if w in _VENUES and w in pick.text), None)):
        # 分会场设在哪里 — 会议在深圳设主会场，在各地级以上市…设分会场: a venue asked is named in
        # the clause that names it; 深圳 is the main venue's (and a list there is the answer)
        found_spans = spans.joined([s for s in found_spans if venue in spans.clause_of(s, pick.text)], pick.text)
    # (谁出席了, 哪些领导参加: not 省政协是谁到场的, which asks the one under a post)
    if q.kind == "person" and set(q.predicate) & set(_ATTENDED) and set(q.clause_words) <= set(_ATTENDED) and (run := _attendees(found_spans, pick.text)):
        found_spans = run
    if q.kind in ("person", "place") and q.plural:
        found_spans = spans.joined(found_spans, pick.text)
    if q.kind == "figure" and (most := SUPERLATIVE.search(q.text)) and len(found_spans) > 1:
        # 这三类里数量最多的那类有多少: the largest (or smallest) of the figures listed
        valued = [(v, s) for s in spans.longest_list(found_spans, pick.text) if (v := spans.amount(pick.text[s[0] : s[1]])) is not None]
        if len(valued) > 1:
            pick_one = max if most.group(1) in "多大高" else min
            return (pick, *pick_one(valued)[1])
    if q.kind == "person" and (order := _order_asked(q.text)) is not None:
        # 头一个发言的是谁, 第二个, 排在最后发言的是谁: that name of the list of speakers
        runs = [(a, b) for a, b in spans.joined(found_spans, pick.text) if "、" in pick.text[a:b]]
        if runs:
            a, b = max(runs, key=lambda s: s[1] - s[0])
            items = [s for s in found_spans if a <= s[0] and s[1] <= b]
            if -len(items) <= order < len(items):
                return (pick, *items[order])
    if q.kind == "figure" and (stated := STATED_COUNT.search(q.text)) and len(found_spans) > 1:
        # 那370余个…项目，投资额是多少: a figure told after the stated count, of the things it
        # counts (…项目370余个、年度投资额约1500亿元), not the total told before it
        at = re.search(r"(?<![\d.])" + r"\s*".join(map(re.escape, stated.group(1))) + r"(?![\d.])", pick.text)
        found_spans = [s for s in found_spans if at and s[0] >= at.end()] or found_spans
    if q.kind == "figure" and len(found_spans) > 1 and (noun := _NOUN_COUNTED.search(q.text)):
        # 多少个县 — 16个市、40个县（市、区）和56个省直部门单位: the figure that the noun asked follows
        # (多少个工作岗位 — 超过18万个就业岗位: or the noun's head, when the modifier is the user's)
        head = noun.group(1)[-2:] if len(noun.group(1)) > 2 else None
        shared = {s: len(os.path.commonprefix([noun.group(1), pick.text[s[1] :]]))
                  or 0.5 * bool(head and head in pick.text[s[1] : s[1] + len(noun.group(1)) + 2]) for s in found_spans}
        if most := max(shared.values()):
            found_spans = [s for s in found_spans if shared[s] == most]
    if asks_change(q):
        found_spans = _changes(q, pick.text, found_spans) or found_spans  # (增长多少: the figure a change verb leads)
    if asks_part(q) and (part := pick.text.find("其中")) >= 0 and any(w in spans.clause_of((part, part + 2), pick.text) for w in q.clause_words):
        # …获奖项目多少项，其中一等奖多少项 — 186项，其中一等奖12项: the part is told after 其中,
        # when what follows 其中 names it (其中产业项目投资超过一半 tells no 今年计划完成的部分)
        found_spans = [s for s in found_spans if s[0] > part] or found_spans
    if q.kind == "person" and len(q.predicate) > 1:  # (one word, 成绩, may stand anywhere)
        # 省政府与中国科学院…签署合作协议。信长星为…授牌: a name after every sentence of the quote
        # that says what was asked (most of its predicate's weight) did something else; a
        # name before one may open the speech that says it (郝鹏指出，今年是…。…保持清醒头脑)
        weight = {w: (weights or {}).get(w, 1.0) for w in q.predicate}
        last = max((m.end() for m in _SENTENCE.finditer(pick.text)
                    if sum(z for w, z in weight.items() if w in m.group()) >= sum(weight.values()) / 2), default=None)
        if last is not None:
            found_spans = [s for s in found_spans if s[0] < last]
    bodies = [t for t in q.terms if spans.names_a_body(t)] if q.kind == "person" else []
    if q.kind == "person" and (house := house_asked(q.text)):
        # 政协方面到场的是谁 — 市人大常委会主任黄莉新、市政协主席胡文容，市委常委…出席: the name under the house's post
        found_spans = _under_post(found_spans, pick.text, lambda post: house in post)
    if shortenings := [r for t in bodies if (r := shortened(t)) is not None]:
        # 中科院来出席并讲话的是哪位副院长 — 中国科学院副院长汪克强、中国工程院副院长邓秀新: the name under the body's post
        found_spans = _under_post(found_spans, pick.text, lambda post: any(r.search(post) for r in shortenings))
    words = q.clause_words or q.predicate or q.terms
    if q.kind == "person":
        # 代表工程院方面…、表示要…的那位副院长: a body the question names in any clause says
        # whose the person is (中国工程院副院长邓秀新, not the 中国科学院's)
        words = (*words, *(t for t in bodies if t not in words))
    # 抬升了多少 — 较上年提高1.4个百分点: a set phrase's synonym stands for it, with its weight
    said = {v: w for w in words for v in SYNONYMS.get(w, ()) if v not in words}
    if said and weights is not None:
        weights = {**weights, **{v: weights.get(w, 1.0) for v, w in said.items()}}
    found = spans.nearest(found_spans, pick.text, tuple(words) + tuple(said), q.kind or "", weights)
    if found and q.kind == "person" and not q.plural and not _ONE_ASKED.search(q.text):
        # 谁出席了 — 市人大常委会主任李秀领、市政协主席魏小东出席 (…黄楚平，省政协主席林克庆，…孟凡利
        # 出席): the verb is said of the list it follows, every name of it
        run = next(((a, b) for a, b in spans.joined(found_spans, pick.text, commas=True) if a <= found[0] and found[1] <= b), found)
        if run != found and any(w in re.split(r"[，,。；;：:]", pick.text[run[1] : run[1] + _VERB_AFTER])[0] for w in q.predicate):
            found = run
    if found and q.kind == "figure":
        found = (found[0], found[1] + _counted_noun(q.text, pick.text, found))  # 几大安全 → 五大安全
    return (pick, *found) if found else None


_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")


def _under_post(found_spans: list[tuple[int, int]], text: str, fits) -> list[tuple[int, int]]:
    """The names whose posts (written before them) `fits` accepts; all of them when none is."""
    return [s for s in found_spans if fits(spans.posts_before(text, s[0]))] or found_spans


# 省政协这边是谁到场, 政协方面到场的是谁, 省人大那边出席的一把手是谁: the person is the house's
_HOUSE_ASKED = re.compile(r"(人大|政协)(?:常委会)?(?:这边|那边|方面|的)?[^，,。？?、]{0,8}?(?:谁|哪位|哪一位)")


def house_asked(text: str) -> str:
    """人大 or 政协, when the person asked is the house's."""
    return m.group(1) if (m := _HOUSE_ASKED.search(text)) else ""


_VERB_AFTER = 10  # characters from a list of names to the verb it is the subject of, in its clause (…李乐成出席会议并讲话)
# 还有哪位省委副书记出席: one of the list, the one under the post; 代表老乡鸡…的企业家叫什么,
# 那位企业家是谁: one name
_ONE_ASKED = re.compile(r"[哪那这该此]一?位|哪一个|叫什么|叫啥|名字|姓名")

# “3815”战略发展目标是什么, “三支队伍”指什么: the question names the thing and asks its content
_DEFINES = re.compile(r"[“\"][^”\"]{1,20}[”\"][\u4e00-\u9fff]{0,6}?(?:是什么|指什么|具体指|指的是|是指|是啥|什么意思|啥意思|包括哪些|包括什么)")


# 那130个示范引领性项目总投资多少: the count the question states names which things
# (这次1139个开工项目, 那批130个项目: the demonstrative may take its own measure word)
STATED_COUNT = re.compile(r"(?:那|这)(?:次|批|些)?(\d+(?:\.\d+)?[万亿]?)(?:余|多)?\s*(?:个|项|家|所|座|条|批)")
_PLACE_IN_ROLL = r"(?:(头一[个位名]|第[一二三四五六七八九十\d]+[个位名]|首位|最先)|最后一[个位名]|最后)"
_ORDER_ASKED = re.compile(_PLACE_IN_ROLL + r"(?=[^，。？?]{0,8}(?:发言|讲话|汇报))")
# (发言的企业家中，第二个是谁: the roll may be named after its verb)
_ORDER_AFTER_ROLL = re.compile(r"(?:发言|讲话|汇报)[^，。？?]{0,6}?[，,][^，。？?]{0,8}?" + _PLACE_IN_ROLL)


def _order_asked(text: str) -> int | None:
    """头一个发言的, 第二个发言的, 排在最后发言的, and …按顺序发言，名单里最后一位是谁: a place in
    the roll of speakers, counted from 0; -1 for the last."""
    m = _ORDER_ASKED.search(text) or _ORDER_AFTER_ROLL.search(text)
    if m is None:
        return None
    if not m.group(1):
        return -1
    n = re.search(r"[一二三四五六七八九十\d]+", m.group(1)[1:]) if m.group(1).startswith("第") else None
    return numeral(n.group()) - 1 if n else 0


_NOUN_COUNTED = re.compile(HOW_MANY + r"([\u4e00-\u9fff]{1,8})")
# 维护国家几大安全的, 聚力几大攻坚: a short noun, whole, right after the count asked for
_COUNTED_NOUN = re.compile(r"(?:几|多少)[大个张级项条类种支]([\u4e00-\u9fff]{1,2})(?=[的？?，,。”\"]|$)")
# 清单有几张, “工程”有几大, 行动一共几项: or right before it
_NOUN_BEFORE_COUNT = re.compile(r"([\u4e00-\u9fff]{1,2})[”\"]?(?:一共|总共|共)?(?:有|是)?(?:几|多少)[大个张级项条类种支](?=[？?。，,]|$)")


def _counted_noun(question: str, text: str, found: tuple[int, int]) -> int:
    """How many characters of what is counted to show with the count, as the report writes
    it right after it: 几大安全 → 五大安全, 清单有几张 → 四张清单. Named before the count, it is
    shown only with a count in words: 项目有多少个 is answered 1139个, bare."""
    after, before = _COUNTED_NOUN.search(question), _NOUN_BEFORE_COUNT.search(question)
    nouns = [after.group(1)] if after else []
    if before and not re.search(r"\d", text[found[0] : found[1]]):
        nouns += [before.group(1), before.group(1)[-1:]]
    return next((len(w) for w in nouns if text.startswith(w, found[1])), 0)


WHAT_IS_MISSING = {
    "person": "相关人物", "date": "日期", "place": "地点", "figure": "这一数字", "name": "名称",
    "host": "主持人", "scale": "参会规模", "format": "会议形式", "speakers": "讲话人",
}


_UNIT_MISSING = {"时刻": "具体时刻", "年": "年份", "半天": "是上午还是下午", "节后": "是节后第几天", "农历": "农历日期"}


# the meeting-record field a kind of answer names, when the question is about the meeting
FIELD_FOR_KIND = {kind: tuple(f for f, k in FIELD_KIND.items() if k == kind) for kind in dict.fromkeys(FIELD_KIND.values())}


def missing_fact(q: Question, field: str | None = None) -> str:
    """资料未写明湖南会议的主持人 — what the documents do not say."""
    subject = "、".join(q.provinces)
    if q.meeting_words and q.meeting_name:
        # (省委全会是哪天开的: maybe another meeting than the report's, whose date is given)
        subject = q.meeting_name if provinces_in(q.meeting_name) or not subject else f"{subject}{q.meeting_name}"
    elif q.about_meeting:
        subject += "会议"
    if field and q.kind and field not in FIELD_FOR_KIND.get(q.kind, ()):
        field = None  # 观看人次约为多少: a figure, not the meeting's form
    what = WHAT_IS_MISSING.get(field or "", WHAT_IS_MISSING.get(q.kind or "", "所问内容"))
    if q.kind == "date" and q.unit in _UNIT_MISSING:
        what = _UNIT_MISSING[q.unit]
    return f"资料未写明{subject}{'的' if subject and not what.startswith('是') else ''}{what}"
