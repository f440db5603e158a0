"""Read a question: its type, the kind of answer it wants, its provinces, years and key words.

The type picks the answer strategy (qa/answering). Each pattern below serves a kind
of question that analysts ask of any meeting report, not a question of the test set.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

import rjieba

from .asking import (
    ASKING_JI,
    ASKING_NOUNS,
    BOILERPLATE,
    CALLED_ASKED,
    CHANGE_ASKED,
    CLOCK_ASKED,
    COMPARE,
    DAY_ASKED,
    FESTIVAL_DAY_ASKED,
    FIGURE_ASKED,
    HALF_DAY_ASKED,
    KINDS,
    LOCAL_WHICH,
    MEETING_NAME_ASKED,
    NAMED_THINGS,
    NOT_ASKING,
    ORDINAL_ASKED,
    PLAN_PERIOD_ASKED,
    POSTS,
    STAGE_ASKED,
    SUMMARY,
    SUPERLATIVE,
    THE_BULLETIN,
    UNIT_AFTER,
    UNIT_NOUNS,
    WHICH,
    YEAR_NAMED_ASKED,
    ask_match,
    asks_one_thing,
    item_asked,
)
from .gazetteer import (
    PROVINCE_NAMES,
    PROVINCES,
    REGION_PROVINCES,
    abbreviated_province,
    alternation,
    listed_provinces,
    place_led_name,
    provinces_in,
)
from .keyword_index import STOPWORDS, tokenize
from .layout import numeral
from .meetings import looks_like_name
from .phrases import FULL_FORMS, SHORT_FORMS
from .predicate import FRAME_WORDS, QUALIFIED_DATE, SAYS, clause_words, predicate, predicate_head

MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
AUTONOMOUS_REGIONS = ("内蒙古", "广西", "西藏", "宁夏", "新疆")

# 开的是推进会, 召开的是座谈会: the kind of meeting asked (推进, 座谈), which its name ends with
# (哪些省开了高质量发展大会: a meeting named by its kind; 开了新春第一会 names only the genre)
KIND_OF_MEETING = re.compile(r"(?:开|召开|举行|举办)(?:的(?:都|也)?是|了)(?!新春|第一)(?P<kind>(?:(?!什么|哪)[^，,。？?]){1,10}?)(?:会议|大会|会)(?=[？?呢吗]|$)")

# 哪个省最晚开会, 哪边先开的会: the meetings ordered by their dates (早开工 is no meeting's)
HELD_FIRST = re.compile(r"(?:最早|最先|率先|先|最晚|最迟|最后|晚|后)(?:正式)?(?:开|召开|举行|举办)(?![工展始放发拓创启辟])|"
                        r"(?:开|召开|举行|举办)(?:会)?得(?:最早|最先|最晚|最迟)")
HELD_LAST = re.compile(r"晚|迟|后")
# 哪场会规模最大, 人数最多的那场, 哪个参会人数更多: the meetings ranked by how many attended
LARGEST = re.compile(r"(?:规模|人数|参会|与会|人)[^，,。？?]{0,6}?(?P<most>[最更])(?P<order>[多大少小])|最(?P<order2>[多大少小])[^，,。？?]{0,4}?(?:规模|人数)")
_SIDES = re.compile(r"哪边|哪一边|两[地省市边场]|双方|谁")

# questions about the meeting itself, and the field of its record they ask for
MEETING_FIELDS = {
    "host": re.compile(r"主持"),
    # (同一天开的吗, 18号开的吗: whether it was held on a day)
    # (上午还是下午, 节后第几天: the day, in the words the record may write it)
    "date": re.compile(r"哪天|哪一天|" + DAY_ASKED + r"|何时|什么时候|日期|几月几|哪日|召开时间|举行时间|2月\d+日|\d+月\d+日|春节后|同一天|同一日|\d{1,2}[号日](?:才|就)?(?:开|召开|举行)|"
                       + HALF_DAY_ASKED + "|" + FESTIVAL_DAY_ASKED + "|" + HELD_FIRST.pattern),
    "format": re.compile(r"形式|视频|电视电话|线上|网络直播|分会场|主会场|现场会|方式召开"),
    # (直播有多少人次观看: those who watched a broadcast are no attendance of the meeting)
    "scale": re.compile(r"规模|多少人(?!次)|人数|参会|与会|参加会议|出席人"),
    # 讲话 is the leaders'; 发言, 交流发言 are other participants' and no record field
    # (讲话精神 is what a speech said, usually the General Secretary's: no field of the meeting)
    "speakers": re.compile(r"讲话(?!精神)|讲了话|讲的话|致辞|作报告"),
    # 会议名称里带“营商环境”: the meeting's name is its theme as the report states it
    # (哪几个省开的是推进会: the kind of meeting is read from its name)
    "theme": re.compile(r"主题|为题|名义|会议?的?名称|会名|会议?的?名字|名称里|名字里|" + KIND_OF_MEETING.pattern),
}
_NAME_ASKED = re.compile(MEETING_NAME_ASKED)
_MEETING = re.compile(MEETING_NAME_ASKED + r"|会议|大会|会上|主持人|参会|与会|推进会|座谈会|动员会|新春第一会|第一会|开了?会|的会(?![计员长展谈见同商签师聚晤演场期所费徽标友客馆务话意])|开的会|[那这该两几三四五六哪][场次个]会|[那这该两几三四五六]场[\u4e00-\u9fff]{0,4}会"
                      # (吉林会是视频开的吗, 辽宁会多少人参加: typed tersely, a province's 会 is its meeting)
                      rf"|(?:{PROVINCE_NAMES.pattern})会(?=是|多少|有多少|几|谁|由|开在|的)")
# (是不是, 有没有 ask whether; they negate nothing)
_NEGATION = re.compile(r"(?<!是)不是|并非|(?<!有)没有|未(?!来)|非(?!常)|不在")

# (相比2022年多出多少, 与2022年相比: the year a change is measured from is not the one asked about)
_YEAR = re.compile(r"(?<![比较\d])((?:19|20)\d\d)\s*年(?!\s*(?:相比|相较|比))")
_ISSUE = re.compile(r"第\s*(\d{1,3})\s*期")

# "哪个省打算…", "哪位省委书记把…": the asking part carries no meaning for the
# encoder, and a statement matches the report's own sentences better
# (哪位省长: 省 is the post's, not a place's; the encoder would be left a stray 长)
_ASKING_LEAD = re.compile(
    r"^(?:请问)?(?:哪个|哪些|哪位|哪几个|哪一个)(?:省份|省市|直辖市|城市|地方|地区|省(?!长)|市(?!长))?(?:的)?"
    r"(?:[\u4e00-\u9fff]{0,2}(?:主官|书记|省长|市长|主席|领导|官员|负责人))?"
)
_PART_BREAK = re.compile(r"[？?；;]+")
# (投入多少、占GDP多少: the share of what was just asked is a figure of its own)
_OPENS_QUESTION = re.compile(r"^(?:又|还|并且|另外|以及|同时|其中|那么|分别)?(?:是|有|在|由|为|要|将)?(?:连续)?(?:第)?(?:谁|哪|多少|几|何|什么|怎样|如何)"
                             r"|^占(?![地用])[^，,、]{0,8}?(?:多少|几)")
# (闽座谈会在哪开的 谁主持: typed into a chat box, a space stands for the comma)
_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_CLAUSE_BREAK = re.compile(r"[，,、]|(?<=[^，,])(?=又是|还有|另外|以及)|" + _SPACE.pattern)


@dataclass(frozen=True)
class Question:
    text: str
    search_text: str  # what the encoder sees: the question as a statement
    provinces: tuple[str, ...]  # named in the question (cities mapped to provinces)
    qtype: str  # fact, figure, person, date, place, which, compare, summary, multi
    kind: str | None  # the kind of span that answers: figure, person, date, place, name
    unit: str  # for figures: the unit asked ("个", "人", "元", "%", "第"), "" for any
    topic: str  # the question without province names and question boilerplate
    terms: tuple[str, ...]  # key words of the topic
    predicate: tuple[str, ...]  # key words of the clause that asks: what the answer must speak of
    about_meeting: bool
    meeting_field: str | None  # host, date, format, scale, speakers: asks about the meeting itself
    negated: bool  # "不是在2月18日召开的"
    years: tuple[int, ...]
    issue: int | None
    parts: tuple[Question, ...] = ()  # a multi-part question's parts, each complete
    asked: str = ""  # the question as the user wrote it (text is read with spoken forms written out)
    term: str = ""  # `确定为什么“年”`: the answer is a quoted name ending in 年
    quoted: tuple[str, ...] = ()  # “链主”, “六大优势产业”: exact phrases the answer must hold
    quoted_any: bool = False  # “减会精文”或“精文减会”: either phrase will do
    predicate_head: str = ""  # the word that governs the question word, when it comes before it
    clause_words: tuple[str, ...] = ()  # key words of the clause that asks: they sit next to the answer
    plural: bool = False  # 哪些人, 哪几位: a list answers
    polar: bool = False  # 是在深圳开的吗, 是不是18号开的: answered yes or no
    mention: bool = False  # 有没有提到, 提没提, 出现过吗: whether a report names something
    absent: str = ""  # 哪些省没有提到营商环境: the thing a which-question asks whose reports never name
    counts_provinces: bool = False  # 有几个省提到了…: read as which provinces, the list counted
    speaker: str = ""  # 王正谱讲话强调了什么: the person whose words are asked for
    # 尤肖虎谈…，是在哪天的发布会上: what was said names an event; its date or place is asked
    at_event: bool = False
    # 单算能源类的有多少个: the part of a whole that is asked; the answer must name it
    restriction: str = ""
    # 代表省卫健委作表态发言的是谁: the organisation a person asked for speaks for
    # (北京经济技术开发区在大会上发言讲了什么: the body whose words are asked for)
    represents: str = ""
    # 省委三次全会是啥时候开的: the words of the meeting the question names (not the report's own)
    meeting_words: tuple[str, ...] = ()
    meeting_name: str = ""  # …and its name as the question writes it
    # 山西营商环境大会上，哪些单位作了交流发言 → 哪些单位作了交流发言: what is asked of the meeting
    # named, for the encoder, when no kind of answer is asked; every sentence of that meeting's
    # report shares its name
    asked_search: str = ""
    # 那篇报道从第几页开始: the page a report starts on, from the contents ("page"), or
    # 那篇排第几篇: its number there ("number")
    asks_page: str = ""
    numbered: tuple[str, str] = ()  # 几个“高地”, “几化”: (unit, name) of a slogan whose number is asked
    choices: tuple[tuple[str, ...], ...] = ()  # 上午开的还是下午开的: (上午,), (下午,) — the answer names one
    excluded: tuple[str, ...] = ()  # 除了湖南，还有哪些地方…: provinces a which-question leaves out
    within: tuple[str, ...] = ()  # 辽宁、吉林、黑龙江三省里，哪几个…: the provinces a which-question asks among
    # 发展或培育新质生产力: the key words with one alternative each, when the question offers
    # alternatives; a text holding any one of them holds what was asked
    term_variants: tuple[tuple[str, ...], ...] = ()

    @property
    def mode(self) -> str:  # the old name; the CLI and the tests read it
        return self.qtype

    @property
    def wants_number(self) -> bool:
        return self.kind == "figure"

    @property
    def wants_person(self) -> bool:
        return self.kind == "person"


# spoken forms read as the written ones: 叫啥 is 叫什么, 咋 is 怎么
_SPOKEN = (("啥", "什么"), ("咋", "怎么"), ("哪儿", "哪里"), ("多会儿", "什么时候"))
# a date typed as spoken: 二月十九日 and 2月19号 are 2月19日, 十九号开的 is 19号开的 (but not
# 一号工程, nor the lunar 正月十五)
_SPOKEN_DATE = re.compile(r"(?<![\d一二三四五六七八九十正腊初])([一二三四五六七八九十]{1,3}|\d{1,2})月([一二三四五六七八九十]{1,3}|\d{1,2})[日号]")
_SPOKEN_DAY = re.compile(r"(?<![\d一二三四五六七八九十月初])([二三]?十[一二三四五六七八九]?)号(?=开|召开|举行|举办|的会|那天|当天|上午|下午|[？?吗呢]|$)")


# (2.19开的会, 2/19那天: a month and day typed with a point or a slash, before what dates it)
_TYPED_DATE = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])[./](3[01]|[12]\d|0?[1-9])(?![\d.%])(?:[号日]|(?=开|召开|举行|举办|的会|那天|当天|上午|下午))")


def _written_dates(text: str) -> str:
    text = _TYPED_DATE.sub(lambda m: f"{int(m.group(1))}月{int(m.group(2))}日", text)
    text = _SPOKEN_DATE.sub(lambda m: f"{numeral(m.group(1))}月{numeral(m.group(2))}日", text)
    return _SPOKEN_DAY.sub(lambda m: f"{numeral(m.group(1))}号", text)


# 讲的话, 发了言, 表的态: a verb and its object said apart are the one word the reports write
# (讲了话 is read as it stands, by who spoke: 殷勇都讲话 would make 殷勇都 a speaker)
_SEPARABLE = re.compile(r"(?<=讲)的(?=话)|(?<=发)[的了](?=言)|(?<=致)[的了](?=辞)|(?<=表)[的了](?=态)|(?<=签)[的了](?=约)"
                        r"|(?<=投)[的了过](?=资)|(?<=落)[的了过](?=户)|(?<=开)[了过](?=工(?!作))"
                        r"|(?<=[授揭])[的了过](?=牌)|(?<=颁)[的了过](?=奖)|(?<=剪)[的了过](?=彩)"  # (a ceremony's verbs: 授了牌 is 授牌)
                        r"|(?<=在)了(?=哪)")  # (放在了哪里 asks 在哪里)


# 省委书记同时兼任省人大常委会主任: posts held by one person, as the user quotes them (“省委书记兼…”)
# (省委书记在报道中还兼着省人大常委会主任: a few words may stand between)
_POSTS_HELD = re.compile(rf"(?<![“\"])((?:省委|市委|区党委)?(?:{POSTS}))[^，,。？?兼]{{0,6}}?(?:同时|还|也)?兼(?:任|着)?((?:[\u4e00-\u9fff]{{0,8}}?)(?:{POSTS}))(?![”\"])")


def read_question(text: str, max_chars: int = 2000, people: Mapping[str, str] | None = None) -> Question:
    """`people` maps the names of people the documents place in one province to it: a
    question that names no province but people of two (易炼红和孟凡利…) compares those."""
    # A pasted page is not a question; the start of it carries the intent.
    asked = text.strip()[:max_chars]
    text = asked
    for spoken, written in _SPOKEN:
        text = text.replace(spoken, written)
    text = _one_ask(_SEPARABLE.sub("", _written_dates(text)))
    text = _POSTS_HELD.sub(r"“\1兼\2”", text)
    for start, end, names in reversed(listed_provinces(text)):
        text = text[:start] + "、".join(names) + text[end:]  # 粤、浙两省 is 广东、浙江两省
    people = people or {}
    parts = split_parts(text)
    if len(parts) > 1:
        first = _read_one(parts[0], people)
        readings = [first] + [_inherit(_read_one(_about_the_same(p, parts[0]), people), first, people) for p in parts[1:]]
        whole = _read_one(_SPACE.sub("，", text), people)
        return replace(whole, qtype="multi", parts=tuple(readings), asked=asked)
    # (重庆 主会场 在哪: inside one ask, spaces only set words apart)
    return replace(_read_one(_SPACE.sub("", text), people), asked=asked)


def _about_the_same(part: str, first: str) -> str:
    """这期《今日科技快讯》由哪个单位编发？出刊日期是哪天？: the second part asks about the bulletin too."""
    if (m := THE_BULLETIN.search(first)) and not THE_BULLETIN.search(part) and not provinces_in(part):
        return m.group() + part
    return part


def split_parts(text: str) -> list[str]:
    """The questions inside a question: `责任编辑是谁？电话是多少？` is two, and so is
    `连续第几年…，又是连续第几年…`. A piece without a question word of its own is not a part."""
    pieces = [p.strip() for p in _PART_BREAK.split(text) if p.strip()]
    # 主编和副主编分别是谁: one question for each thing named
    pieces = [part for p in pieces for part in _each_asked(p)]
    out: list[str] = []
    for piece in pieces:
        clauses = [c.strip() for c in _CLAUSE_BREAK.split(piece) if c.strip()]
        # inside one sentence, a later clause is its own question only when it opens
        # with one (`、谁主持会议`, `，又是连续第几年`); `…对方是谁` is not
        # (…有几家，其中几个区: a part of the whole just asked is asked with it)
        # (东北几个省里，哪些…: a clause naming the set asked among counts nothing)
        asking = [i for i, c in enumerate(clauses) if _asks(c) and (i == 0 or _OPENS_QUESTION.match(c) and not c.startswith("其中"))
                  and not (KINDS["figure"].search(c) and any(_PICKS_BY_FIGURE.search(b) for b in clauses[:i]))
                  and not (i < len(clauses) - 1 and _AMONG.search(c) and not WHICH.search(c))]
        if len(asking) < 2:
            out.append(piece)
            continue
        # each part runs to its asking clause; the last one keeps the clauses after it
        cuts = [0] + [i + 1 for i in asking[:-1]] + [len(clauses)]
        out += ["，".join(clauses[a:b]) for a, b in zip(cuts, cuts[1:])]
    # 概括一下, 帮我列一下: an instruction on how to answer the question before it, no question of its own
    asking_parts = [p for p in out if _asks(p) and not _INSTRUCTION.match(p)]
    # 政协主席来了吗？叫什么？: an ask that names nothing, after a yes-or-no question, asks it of
    # what that question is about (not 晚了几天？具体几号, two asks of their own); 提了几个“必须”？
    # 第三个讲的是什么？: an item of the list just counted
    for i in range(len(asking_parts) - 1, 0, -1):
        if (_BARE_ASK.fullmatch(asking_parts[i]) and _YES_OR_NO_END.search(asking_parts[i - 1])
                or item_asked(asking_parts[i]) and re.search(ASKING_JI + "|多少", asking_parts[i - 1])):
            asking_parts[i - 1 : i + 1] = [asking_parts[i - 1].rstrip("？?。") + "，" + asking_parts[i]]
    return asking_parts if len(asking_parts) > 1 else [text]


def _one_ask(text: str) -> str:
    """具体是哪天、什么时段开的？ 在什么地方、哪个会场开的？: two words for one ask of a day or a
    place, set side by side, are one ask; read without the 、 that would split them."""
    for m in reversed(list(re.finditer("、", text))):
        before = re.split(r"[，,、？?；;]", text[: m.start()])[-1]
        after = re.split(r"[，,、？?；;]", text[m.end() :])[0]
        if _OPENS_QUESTION.match(after) and (kind := _kind(before)) in ("date", "place") and _kind(after) == kind:
            text = text[: m.start()] + text[m.end() :]
    return text


_YES_OR_NO_END = re.compile(r"(?:吗|没有|了没|是否[^，,？?]{0,12}|是不是[^，,？?]{0,12})[？?。]?$")
_BARE_ASK = re.compile(r"(?:那|那么|他|她|它|又|具体)?(?:叫|是|名叫|姓)?(?:什么|啥|谁|哪位|几号|哪天|哪一天|什么时候|何时|在哪|在哪里|多少|几个)"
                       r"(?:名字)?(?:呢|啊)?[？?。]?")


# (the lead ends at 的 or a comma: 这期快讯的 | 主编 和 副主编)
_EACH_ASKED = re.compile(r"(?P<lead>(?:.*[的，,])?)(?P<a>[^的，,和与、]{2,8})(?:和|与|、)(?P<b>[^的，,和与、]{2,8}?)分别(?P<ask>(?:是|为|叫)(?:谁|哪位|什么)[。？?]?)")


def _each_asked(piece: str) -> list[str]:
    m = _EACH_ASKED.fullmatch(piece)
    return [f"{m['lead']}{m['a']}{m['ask']}", f"{m['lead']}{m['b']}{m['ask']}"] if m else [piece]


# …安排了多少个项目，其中产业项目占多少: a figure of a part of the whole the question names
PART_OF = re.compile(r"其中[^，,。？?]*(?:多少|几)")
# 哪类最少，有多少家: the figure asked is the one the superlative picks, one question
_PICKS_BY_FIGURE = re.compile(r"哪[^，,]{0,6}最(?:多|大|高|少|小|低)")
_INSTRUCTION = re.compile(r"^(?:请|麻烦)?(?:帮我|给我)?(?:简要|简单|大概)?(?:概括|总结|归纳|列|说|讲|梳理|介绍|捋|理)(?:一下|下|说|一捋|一理)?(?:吧|呗)?[。！!]?$")


def _asks(text: str) -> bool:
    return bool(WHICH.search(text) or SUMMARY.search(text) or any(k.search(text) for k in KINDS.values())
                or re.search(r"什么|哪|如何|怎样|怎么|是否|吗", text))


def _inherit(part: Question, first: Question, people: Mapping[str, str]) -> Question:
    """A later part that names no province speaks of the first part's. Of two or more
    (北京、四川的会是同一天吗？哪边先开？) it asks of each: it is read as naming them."""
    if part.provinces or not first.provinces:
        return part
    names = "、".join(first.provinces)
    if len(first.provinces) > 1 and part.qtype != "which":
        return _read_one(f"{names}{part.text}", people)
    return replace(part, provinces=first.provinces, search_text=f"{names} {part.search_text}")


def _read_one(text: str, people: Mapping[str, str]) -> Question:
    # 张安顺 is a person the documents name, not 贵州's 安顺; 山东省科学技术情报研究院的快讯:
    # an institution's name places no meeting
    unnamed = _blanked(_INSTITUTION, _blanked(alternation(people), text) if people else text)
    unnamed = _blanked(_YARDSTICK, unnamed)
    # 哪些省提到了北京证券交易所: a thing named after a place is asked of every report, as written
    # (its place is part of its name, not where to look)
    names = _place_led_names(text)
    if names:
        unnamed = _blanked(alternation(names), unnamed)
    provinces = tuple(provinces_in(unnamed)) or abbreviated_province(unnamed)
    if not provinces:
        by_person = sorted((at, p) for name, p in people.items() if (at := text.find(name)) >= 0)
        if len({p for _, p in by_person}) >= 2:
            provinces = tuple(dict.fromkeys(p for _, p in by_person))
    named = len(provinces)
    if not provinces and ("直辖市" in text or _WHICH_CITY.match(text)):
        provinces = MUNICIPALITIES  # "哪个直辖市…", "哪个城市提出…": one of the four, not a comparison of them
    kind = _kind(text)
    # 有几个省提到了营商环境: the provinces that did it, counted (the list answers)
    counts_provinces = bool(COUNTS_PROVINCES.search(text)) and not provinces and not (_ASKS_COUNT.search(text) and _THE_BULLETIN_ITSELF.search(text))
    if counts_provinces:
        kind = None
    numbered = _numbered(text)
    if numbered and re.search(r"哪些|哪几", text[text.find(numbered[1]) + len(numbered[1]) :]):
        numbered = ()  # 讲的“几个必须”，主要是哪些: the items are asked, not how many
    if numbered:
        kind = "figure"  # 叫“几化”: the number in the name is what is asked
    # 甘肃…有哪些市: the cities inside the province named, not other provinces; but 谈到雄安的
    # 都有哪几个地方: a place named only by a city of it, and spoken of, is what was said
    local = named == 1 and bool(LOCAL_WHICH.search(text)) and not (
        _MENTIONED.search(text) and not provinces_in(unnamed, cities=False) and not abbreviated_province(unnamed))
    if local:
        kind = kind or "place"
    excluded = _excluded(text, provinces)
    within, among = _within(text, provinces)
    # (哪“几早”: a quoted question word is no phrase of the report's)
    quoted_ways = [_either(t) for t in _QUOTED.findall(text) if not re.match(r"几|哪|什么|多少", t)]
    # 用好12345热线, 3815战略: a string of digits that counts nothing is a name, as if quoted
    quoted_ways += [(code,) for code in _CODE.findall(_QUOTED.sub("", text))]
    quoted_ways += [(name,) for name in names if not any(name in ways for ways in quoted_ways)]
    # (哪个省最晚开会: of all the meetings, the one or ones held last)
    # (哪边先开, 两地谁先: the sides a comparison names, maybe in an earlier part)
    first_or_last = not provinces and bool(HELD_FIRST.search(text)) and bool(_MEETING.search(text)) and not _SIDES.search(text)
    if WHICH.search(text) and not local or excluded or counts_provinces or first_or_last:
        qtype = "which"
    elif named >= 2 and (COMPARE.search(text) or re.search(r"[和与跟及、]", text)):
        qtype = "compare"
    elif kind is not None:
        qtype = "fact" if kind == "name" else kind
    elif SUMMARY.search(text):
        qtype = "summary"
    else:
        qtype = "fact"
    # (除了广东，还有哪些省…: 除了 and 还 frame the question; the words set aside may name the topic)
    framed = _EXCEPT_ASKING.search(text)
    asked_text = text[: among[0]] + " " + text[among[1] :] if within else text  # (三省里 is no word of the topic)
    topic = BOILERPLATE.sub(" ", f"{text[: framed.start()]} {framed.group('set_aside')} {text[framed.end() :]}" if framed else asked_text)
    topic = PROVINCE_NAMES.sub(" ", topic)
    topic = re.sub(r"[\s？?。，,！!：:、]+", " ", topic).strip()
    search_text = _ASKING_LEAD.sub("", text).rstrip("？?")
    about_meeting = bool(_MEETING.search(text))
    at_event = kind in ("date", "place") and bool(_AT_EVENT.search(text) or _SAID_WHEN.search(text) and SAYS.search(text)) \
        and not (kind == "date" and QUALIFIED_DATE.search(text))
    # (what was said names the event, which need not be the report's meeting)
    field = _meeting_field(text, kind) if (about_meeting or qtype in ("which", "compare")) and not at_event else None
    # 哪些省是书记主持的: across the reports, who presided is their meetings' (讲话 may be
    # where words were said: 哪些地方的讲话里喊出了…)
    # (哪些是拖到19号才开的: across the reports, when they were held is their meetings')
    about_meeting = about_meeting or qtype == "which" and field in ("host", "date")
    polar = bool(_POLAR.search(text)) and not _ASKS_VALUE.search(text)
    if polar and about_meeting and field is None and HELD_IN.search(text):
        field = "format"  # 是在深圳开的吗: the record's format says where it was held
    years = tuple(int(y) for y in _YEAR.findall(text))
    issue = _ISSUE.search(text)
    # (…安排了多少个项目，其中产业项目占多少: a part of the whole is asked in the clause of 其中, in
    # its unit; …有几家，其中几个区 names nothing else: what the whole did is the part's predicate too)
    part = PART_OF.search(text) if kind == "figure" else None
    pointed = _pointed_at(text)
    asking_part = text[part.start() :] if part and predicate(text[part.start() :], kind) else text
    return Question(
        text=text,
        search_text=search_text if len(search_text) >= 4 else text,
        provinces=provinces,
        qtype=qtype,
        kind=kind,
        unit=_unit(text[part.start() :] if part else text) if kind == "figure" else _date_unit(text) if kind == "date" else _place_unit(text) if kind == "place" else "",
        topic=topic or text,
        terms=(terms := tuple(dict.fromkeys(t for t in tokenize(topic or text) if not _COUNT_TERM.fullmatch(t) and t not in pointed))),
        term_variants=term_variants(text, terms),
        # (an event named by what was said at it: its date or place is asked, whatever was said)
        predicate=() if at_event else BYLINE if kind == "person" and _BYLINE_ASKED.search(text) else predicate(asking_part, kind),
        about_meeting=about_meeting,
        meeting_field=field,
        negated=bool(_NEGATION.search(text)),
        years=years,
        issue=int(issue.group(1)) if issue else None,
        term=(t.group(1) or t.group(2) if (t := _TERM.search(text)) else ""),
        quoted=tuple(dict.fromkeys(w for ways in quoted_ways for w in ways)),
        quoted_any=bool(re.search(r"[”\"][）)]?\s*[（(]?\s*(?:或者?|或是|还是|/)\s*[“\"]", text)) or any(len(ways) > 1 for ways in quoted_ways)
        or bool(_EXAMPLES_QUOTED.search(text)),
        predicate_head=predicate_head(text, kind),
        clause_words=tuple(w for w in clause_words(asking_part, kind) if w not in pointed),
        plural=bool(re.search(r"哪些|哪几|有谁|分别", text)),
        polar=polar,
        mention=polar and asks_mention(text),
        # (哪些会的报道没说在哪开的: what a meeting's record leaves out is the records' to say)
        absent=_absent(text) if qtype == "which" and not about_meeting else "",
        counts_provinces=counts_provinces,
        choices=_choices(text) or (_yes_or_no(text) if kind is None and qtype == "fact" else ()),
        excluded=excluded,
        within=within if qtype == "which" else (),
        speaker="" if kind == "person" else _speaker(text),
        numbered=numbered,
        at_event=at_event,
        asks_page=("page" if _ASKS_PAGE.search(text) else "number" if _ASKS_POSITION.search(text) and _OF_THE_BULLETIN.search(text)
                   else "count" if not provinces and _ASKS_COUNT.search(text) and _THE_BULLETIN_ITSELF.search(text) else ""),
        restriction=_restriction(text),
        represents=_represents(text) if kind in ("person", None) else "",
        meeting_words=meeting_words_of(text) if kind in ("date", "place") or kind == "person" and _SIDE_EVENT.search(text) else (),
        meeting_name=(name := _meeting_name(text)),
        # (a kind asked, 是个什么活动, is found by its own spans; the meeting's name may tell
        # which of them is the meeting's)
        asked_search=_asked_of_the_meeting(search_text, name) if kind is None and field is None and not at_event else "",
    )


def _asked_of_the_meeting(search_text: str, name: str) -> str:
    """The question as a statement without the meeting it names, when enough is left to ask."""
    # (以此为主题开发布会: holding one, 开发布会, names no meeting)
    if not name or name not in search_text or re.search(r"(?:开|举行|举办)了?[\u4e00-\u9fff]{0,2}会议?$", name):
        return ""
    rest = re.sub(r"^[上里中的，,\s]+", "", search_text.replace(name, "", 1))
    return rest if len(rest) >= 4 else ""


_RESTRICTED = re.compile(r"(?:单算|单看|单就|单论|光算|光看|光是|只算|仅算|仅就)([\u4e00-\u9fff]{2,6}?)(?=类|方面|领域|行业|板块|的|里|中|有|占|是)"
                         r"|(?:(?:里|当中|之中)[，,]?|中[，,])(?!的)([\u4e00-\u9fff]{2,8}?)(?:类|方面|领域)?(?:项目|企业)?(?:具体)?(?:有|占|是)(?:多少|几)")
# (那场招商引资工作会议: the measure word after a demonstrative is not part of the name)
_NAMED_MEETING = re.compile(r"(?<![那这该])([^\s的在于由是上对把被将从向为那这该，,。？?！!、；;：:（）()]{2,24}?)"
                            r"(?:推进会议|工作会议|动员大会|推进大会|大会|会议|推进会|座谈会|动员会|调度会|工作会|全会|论坛|发布会)")
# 创新驱动发展分论坛, 专场新闻发布会: events held beside a meeting, each with its own host and day
BESIDE_A_MEETING = re.compile(r"论坛|发布会|恳谈会|签约仪式")
# 那场专场新闻发布会是谁主持的: an event that may stand beside the report's own meeting, whose
# host is another, is named by its words (a 座谈会 may also be the meeting itself)
_SIDE_EVENT = re.compile(BESIDE_A_MEETING.pattern + "|座谈会")
# words any meeting of the genre is called by, and its form: they tell no meeting apart
# (when it fell, or that it followed another, names no meeting: 新春, 节后, 开年, 首场, 之后, 专门)
_MEETING_FILLER = {"全省", "全市", "新春", "第一", "春节", "节后", "开年", "开春", "年初", "首场", "之后", "之前", "随后", "专门", "今年", "年度", "召开", "举行", "一季度", "高质量", "发展",
                   "视频", "电视电话", "线上", "现场"}


# 除了湖南那场招商会，还有哪些地方…: the provinces named first are set aside, the rest asked for
_EXCEPT_ASKING = re.compile(r"^(?:除了?|除去|不算)(?P<set_aside>[^？?。]{2,30}?)(?:之外|以外|外)?[，,]?\s*(?:还|另外|另)有?哪(?:些|几个?)(?:地方|地区|省|市|地)")


# 辽宁、吉林、黑龙江三省里, 在广东、江苏、浙江当中, 东北那三个省的会: a clause that names the set asked among
_AMONG = re.compile(r"(?:(?:这|那)?[两二三四五六七八九十几]个?(?:省份?|省市|地方?|家)(?:的会(?:议)?)?(?:里|中|当中|之中|里面|里头)?"
                    r"|里|中|当中|之中|里面|里头)$")


def _within(text: str, provinces: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, int]]:
    """(the provinces a which-question asks among, where the clause naming them stands):
    two or more provinces, or a region, named in a clause before the question asks, which
    ends in the set they make (三省里, 当中). A region named as the topic (京津冀协同) sets none."""
    ask = re.search(r"哪|谁家", text)
    if not ask:
        return (), (0, 0)
    for clause in re.finditer(r"[^，,。；;：:？?！!]+", text[: ask.start()]):
        if not _AMONG.search(clause.group()):
            continue
        named = [p for p in provinces if p in provinces_in(clause.group()) or p in abbreviated_province(clause.group())]
        if len(named) < 2:
            # (a region only as the set itself, 东北三省, 长三角几个省市: not 在推动京津冀协同发展中)
            named = next((list(members) for region, members in REGION_PROVINCES.items()
                          if re.search(region + r"(?:地区)?的?(?:这|那|各)?(?:[两二三四五六七八九十几]个?)?(?:省份?|省市|地方?|地)", clause.group())), [])
        if named:
            return tuple(named), clause.span()
    return (), (0, 0)


def _excluded(text: str, provinces: tuple[str, ...]) -> tuple[str, ...]:
    m = _EXCEPT_ASKING.search(text)
    return tuple(p for p in provinces if p in provinces_in(m.group("set_aside"))) if m else ()


def _either(phrase: str) -> tuple[str, ...]:
    """“充电补课（补课充电）”: a phrase and, in brackets, another way of writing it."""
    m = _ALSO_WRITTEN.match(phrase)
    return (m.group(1), m.group(2)) if m else (phrase,)


def _blanked(pattern, text: str) -> str:
    """The text with what the pattern matches written over, its length kept."""
    return re.sub(pattern, lambda m: "某" * len(m.group()), text)


# 提到雄安, 雄安…被提到: what a report speaks of
_MENTIONED = re.compile(r"提到|谈到|讲到|说到|点到|提及|提起|涉及|点名")
# (山东科技情报院, 山东情报院, 广东社科院: the short forms name the province without 省)
_INSTITUTION = re.compile(r"[\u4e00-\u9fff]{2,3}[省市][\u4e00-\u9fff]{2,10}?(?:研究院|研究所|研究中心|情报所|大学|学院|出版社|报社|杂志社|协会|学会)"
                          r"|[\u4e00-\u9fff]{2,3}(?:科技|科学技术|科学|社科|社会科学|情报)[\u4e00-\u9fff]{0,4}?(?:院|所)")
_OR = {"或", "或者", "或是"}
# 哪位省长要求向邻近的上海、江苏、浙江看齐, 与港澳合作: a place held up as the yardstick or
# named as a partner is what was said, not where to look (the report is another province's)
_YARDSTICK = re.compile(r"(?:向|对标|借鉴|学习|参照|比照|以|跟|与|同)(?=[^，。？！；,?!;]{0,6}[\u4e00-\u9fff])[^，。？！；,?!;哪谁几]{1,16}?"
                        r"(?:看齐|学习|为参照|为标杆|为榜样|为样板|的?经验|的?做法|合作|协作|协同|联动|对接|接轨|取经)")


def term_variants(text: str, terms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """港口或口岸, 低碳、零碳或者碳达峰, 梯次（梯度）, 坚持（强化、突出）: the items either side of 或
    (and those listed with 、 before it), or a word and the others the brackets after it
    offer, are alternatives. One variant of the key words per item, without the words only
    the others hold; and of each, one with a short form's full words (民企: 民营企业). None
    when the question offers no alternatives."""
    words = rjieba.cut(text)
    variants = [terms]
    for items in _alternatives(words):
        held = [tuple(t for t in terms if t in item) for item in items]
        if sum(bool(h) for h in held) < 2:
            continue
        others = {t for h in held for t in h if not all(t in g for g in held if g)}  # (资本 is in every item)
        variants = [tuple(t for t in v if t not in others or t in h) for v in variants for h in held if h]
    if any(t in SHORT_FORMS for t in terms):
        variants += [tuple(dict.fromkeys(w for t in v for w in (tokenize(SHORT_FORMS[t]) if t in SHORT_FORMS else (t,)))) for v in variants]
    return tuple(dict.fromkeys(variants)) if len(variants) > 1 else ()


def _alternatives(words: list[str]) -> list[list[str]]:
    found = []
    for i, w in enumerate(words):
        if w in _OR and 0 < i < len(words) - 1:
            items = [words[i + 1], words[i - 1]]
            if 2 <= i < len(words) - 2 and words[i - 1] == words[i + 2]:
                items = [words[i + 1] + words[i + 2], words[i - 2] + words[i - 1]]  # 民间资本或社会资本: one head, two phrases
            at = i - 1
            while at >= 2 and words[at - 1] == "、":
                items.append(words[at - 2])
                at -= 2
            found.append(items)
        elif w in ("（", "(") and i > 0 and (close := next((j for j in range(i + 1, min(i + 16, len(words))) if words[j] in ("）", ")")), None)):
            # (消费（扩大消费、消费拉动、消费中心等）: examples offered are alternatives too)
            inside = re.sub(r"(?:等|之类|什么的)$", "", "".join(words[i + 1 : close]))
            others = [x for x in re.split(r"、|或者|或是|或|，|,|/", inside) if x]
            if others and all(len(x) <= 6 for x in others):
                found.append([words[i - 1], *others])
    return found


def _meeting_name(text: str) -> str:
    """河南省委十一届六次全会暨省委经济工作会议: the meeting the question names, whole."""
    found = list(_NAMED_MEETING.finditer(text))
    if not found:
        return ""
    start = found[0].start()
    if start and text[start - 1] == "上" and provinces_in(text[start - 1 : start + 1]):
        start -= 1  # (上海优化营商环境大会: the 上 that ends 会上 also starts 上海)
    return text[start : found[-1].end()]


def meeting_words_of(text: str) -> tuple[str, ...]:
    """The words the question names a meeting by (四川科技创新大会 → 科技, 创新), without its province."""
    words = []
    for m in _NAMED_MEETING.finditer(text):
        # (“智改数转”工作会: a quoted short name is one word; cut, it is debris: 智 改数 转)
        whole = [t for t in _QUOTED.findall(m.group(1)) if len(t) >= 3]
        name = _QUOTED.sub(lambda q: " " if q.group(1) in whole else q.group(1), m.group(1))
        words += whole + [w for w in rjieba.cut(name)
                  if len(w) > 1 and w not in _MEETING_FILLER and w not in FRAME_WORDS and not provinces_in(w) and not abbreviated_province(w) and not ASKING_NOUNS.match(w)]
    return tuple(dict.fromkeys(words))


# 赛力斯集团在…交流发言, 代表省卫健委作表态发言: who spoke for an organisation
# (企业家代表里头一个发言: 代表 after who they are is a noun, the representatives)
_REPRESENTED = re.compile(r"^([\u4e00-\u9fff]{2,10}?)(?:在|于)[^，。？?]{0,20}?(?:发言|汇报)|(?<![家者士人员工生民党])代表(?![里中们])([\u4e00-\u9fff]{2,12}?)(?:到场|到会|上台)?(?:作|在|发言|讲话)"
                          # (金川集团是谁上台发言的: the one who spoke for the body named)
                          r"|(?:^|会上|[，,])((?:(?!会上)[\u4e00-\u9fff]){2,8}?(?:集团|公司|厅|委|局|大学|学院|银行|医院))(?:是|由)?(?:谁|哪位)(?:上台)?(?:作了?|做了?)?[\u4e00-\u9fff]{0,4}?(?:发言|汇报)")
_GENERIC_BODY = re.compile(r"^(?:企业|单位|公司|集团|部门|地方|基层|群众)$")


def _represents(text: str) -> str:
    for m in _REPRESENTED.finditer(text):
        body = m.group(1) or m.group(2) or m.group(3)
        body = re.sub(r"^以(.{2,8}?)的?身份$", r"\1", body)  # 以优秀民营企业家身份: as one of them
        # (代表广东 names the report asked about; 代表南昌市 a body inside it)
        if not _GENERIC_BODY.match(body) and re.sub(r"[省市]$", "", body) not in PROVINCES:
            return body
    return ""


def _restriction(text: str) -> str:
    m = _RESTRICTED.search(text)
    part = m and (m.group(1) or m.group(2))
    if not part or provinces_in(part) or any(name in part for name in PROVINCES) or SUPERLATIVE.search(part) or _TOTAL.fullmatch(part):
        return ""  # 只看北京的 narrows the search (qa/conversation.py); 数量最多的那类 picks, 一共 sums: they name no part
    # (已经投产的: an adverb of aspect says when, the verb says which part)
    words = [w for w in rjieba.cut(part) if len(w) > 1 and w not in STOPWORDS and w not in _ASPECT]
    return words[0] if words else ""


_ASPECT = {"已经", "业已", "正在", "仍然", "依然", "尚未", "还未", "已然"}


_TOTAL = re.compile(r"一共|总共|共计|合计|总计|加起来|全部|总的")
# 王晓晖说…，是在哪天: the whole of what was said is the subject; its meeting's date is asked
_SAID_WHEN = re.compile(r"(?:是|那是|这是)(?:在)?(?:哪天|哪一天|哪日|几号|几月几[日号]|什么时候|何时)(?:的会|的事|说的|讲的|提的|提出的)?[？?]?$")
_ASKS_PAGE = re.compile(r"第几页|哪一?页|几页|页码")
_ASKS_POSITION = re.compile(r"第几篇|排第几|序号|编号|第几个?报道")
_OF_THE_BULLETIN = re.compile(r"篇|报道|汇编|目录|快讯|简报")


def _pointed_at(text: str) -> set[str]:
    """这一期, 那一次: a demonstrative's measure names nothing (一期项目 does)."""
    return {m.group(1) for m in re.finditer(r"[这那本该此](一[期次场回届])", text)}


# 本期汇编一共收了几个省市的报道: the bulletin's contents are counted
# 教育、科技、人才三样, 沪、皖、豫三地: a count of things (样) or places refers back to what the
# question lists; the report writes them, not the count (a count of sessions, 三次全会, names one)
_COUNT_TERM = re.compile(r"[这那]?[一二两三四五六七八九十几]+(?:样|地|省|市|省市)")
_ASKS_COUNT = re.compile(r"(?:几|多少)(?:篇|份|个(?:省|市|省市|省份|地方|地区)的?(?:新春第一会|第一会|会议|会)?(?:的)?(?:报道|材料|资料))")
_THE_BULLETIN_ITSELF = re.compile(r"[这本该此]期|第\s*\d+\s*期|汇编|目录|快讯|简报")
# 是在哪天的发布会上, 在哪里开的会上说的, 是在哪天的会前: the event something was said or done at
_AT_EVENT = re.compile(r"(?:在|是)(?:哪天|哪一天|哪日|几号|几月几[日号]|什么时候|何时|哪里|哪儿|何地|哪[座个]城市)(?:召开|举办|举行|开)?[的、]"
                       r"[\u4e00-\u9fff“”\"、]{0,12}?(?:会议|会|论坛|仪式|活动)(?:上|前|后|期间)")


# the genre numbers its slogans (“三个高地”, “五化”闭环工作法, 两篇“大文章”): asked 几个“高地”
# or “几化”, the number is inside the name, quoted in the question
_NUMBERED = re.compile(r"(?<!哪)" + NOT_ASKING + r"(?:几|多少)([个项大条篇种类张支])?[“\"]([^”\"]{1,8})[”\"]|(?<!哪)[“\"](?:几|多少)([个项大条篇种类张支])?([^”\"]{1,8})[”\"]")


# 用到“第一资源”“第一动力”这类说法: phrases quoted side by side as examples of a kind, any one will do
_EXAMPLES_QUOTED = re.compile(r"[”\"]\s*[、，,]?\s*[“\"][^”\"]{1,20}[”\"]\s*(?:这类|这一类|一类|之类|这样的|这种|这些|等)")
# “一区几中心”, “几确保几率先”: a name with a question word inside it stands for the name with numbers
_TEMPLATE = re.compile(r"[“\"](?=[^”\"]*[^几”\"](?:几|多少))([^”\"]{2,12})[”\"]")


def _numbered(text: str) -> tuple[str, str]:
    if t := _TEMPLATE.search(text):
        return "", t.group(1)
    m = _NUMBERED.search(text)
    if not m:
        return ()
    return (m.group(1) or "", m.group(2)) if m.group(2) else (m.group(3) or "", m.group(4))


# 王正谱在大会上讲话强调了什么, 尹力指出…: a name, then where, then a verb of speech
SPEAKS_AFTER = (r"(?:在[^，,。？?]{0,20}?(?:[上中]|方面))?(?:都|还|又|也|主要)?"
                r"(?:的讲话|讲话|强调|指出|表示|要求|提出|说|谈到|提到|提(?=了|的|过)|[讲谈说](?=了?(?:些|点)?(?:什么|哪些|哪几)))")
# (a name of three characters, else of two: 郝鹏在讲话中提出 is 郝鹏, not 郝鹏在 before 讲话)
_SPEAKER_ASKED = (re.compile(r"([\u4e00-\u9fff]{3})" + SPEAKS_AFTER), re.compile(r"([\u4e00-\u9fff]{2})" + SPEAKS_AFTER))
_REQUEST_VERB = re.compile(r"([说讲谈聊])\1")
_PRONOUNS = {"自己", "本人", "我们", "你们", "他们", "她们", "大家", "人家", "对方"}  # (叶省长自己说)
_TITLE_BEFORE = re.compile(rf"(?:{POSTS})$")


def _speaker(text: str) -> str:
    # (简单说说, 讲讲: a verb said twice asks the assistant; it reports no one's words)
    text = _REQUEST_VERB.sub("，，", text)
    # every start, overlapping: 北京尹力强调 first matches 京尹力
    for m in filter(None, (pattern.match(text, i) for i in range(len(text)) for pattern in _SPEAKER_ASKED)):
        name = m.group(1)
        if name in PROVINCES or name in PROVINCES.values() or name in _PRONOUNS:
            continue
        titled = bool(_TITLE_BEFORE.search(text[: m.start()]))
        # a name stands on its own: after a title, a province, a punctuation mark or nothing
        # (执法检查标准提了…: 查标准 is the end of another word)
        alone = m.start() == 0 or not re.match(r"[\u4e00-\u9fff]", text[m.start() - 1]) or provinces_in(text[: m.start()][-3:])
        if (titled or alone) and looks_like_name(name, titled):
            return name
    return ""


def _choices(text: str) -> tuple[tuple[str, ...], ...]:
    """`是上午开的还是下午开的` offers 上午 or 下午: the words that tell the two sides apart.
    The right side's length in words says where the left one starts."""
    m = re.search(r"([^，,、。；？?]+)还是([^，,、。；？?]+)", text)
    if not m:
        return ()
    right = [w for w in rjieba.cut(m.group(2)) if w.strip()]
    left = [w for w in rjieba.cut(m.group(1)) if w.strip()]
    # the left side starts after its 是/在/以 (会是上午开的), else as many words back as the right has
    marks = [i for i, w in enumerate(left) if w in _CHOICE_MARKS and i >= len(left) - len(right) - 2]
    left = left[marks[-1] + 1:] if marks else left[-len(right):]
    # one-character words (线 + 上 for 线上) are segmentation debris: without a real word, no check
    sides = [[w for w in a if w not in b and len(w) > 1 and w not in _HELD_WORDS] for a, b in ((left, right), (right, left))]
    return tuple(tuple(side) for side in sides) if all(sides) else ()


# 有没有设分会场, 是否提到北交所, 提没提低空经济: a question answered yes or no; the sentence
# that answers it speaks of what is asked after the question word (an A-not-A verb, 提没提,
# 讲不讲, asks as 有没有 does)
_WHETHER = r"有没有|是否|有无|是不是|(?P<av>[提讲说谈开设办举出参到去来用搞列])[没不](?P=av)"
# 提到…了吗, 谈到…没有: whether a report names something, asked by the verb that names it
MENTION_VERB = r"提到|提及|提过|提起|讲到|讲过|说到|说过|谈到|谈及|谈过|涉及|出现|点到"
# (会议有香港代表参加吗: 有…吗 offers its side as 有没有 does)
_YES_OR_NO = re.compile(rf"(?:{_WHETHER})(?P<side>[^，,。；？?]+)|(?<=有)(?P<had>[^，,。；？?有]{{2,20}}?)吗[？?]?$"
                       rf"|(?:{MENTION_VERB}|部署|提出)(?:了|过)?(?P<named>[^，,。；？?]{{2,30}}?)(?:了|过)?(?:吗|没有|没|了没)[？?]?$"
                       rf"|(?:{MENTION_VERB}|提)(?:了|过)?(?:吗|没有|没)[？?]?$")
# asked whether a report names something: the verb that asks it (提没提, 有没有讲, 是否提及)
# (the verb, but not a word it begins: 有没有提高, 说没说明)
_SAYING = r"(?:提(?![高升供前醒议案交名拔速质效倡示炼取请振])|讲(?![话座究解述])|说(?![明服法])|谈(?![判话心]))"
_MENTION_ASKED = re.compile(rf"{MENTION_VERB}|(?:{_WHETHER}){_SAYING}|(?P<say>[提讲说谈])[没不](?=(?P=say)){_SAYING}"
                            rf"|{_SAYING}(?:了|过)?(?:吗|没有|没)[？?]?$")
# the verb before the thing asked about (有没有提到|低空经济, 有没有都提到|低空经济)
_ASKING_VERB = re.compile(rf"^[都也还均曾又]{{0,2}}(?:{MENTION_VERB}|部署|提出|{_SAYING}(?:到|过|了|及)?)(?:了|过)?")
# 招商引资的事，黑龙江有没有提到: the thing stands before the question; 这个说法, 这块 only point at it
_POINTING = re.compile(r"(?:这个|这一|这种|该)?(?:说法|提法|表述|字眼|概念)|这一?块|这方面|方面的事|的事(?:情|儿)?|这件事|相关内容|在[^，,]*$")


def whether_side(text: str) -> tuple[str, str, bool]:
    """What a yes-or-no question asks whether of: the thing as written (提到低空经济 → 低空经济),
    the whole ask for saying it is not found (提到低空经济, 有香港代表参加), and whether it offers
    its side as 有 does (有没有, 有…吗, 提没提: 有 answers yes)."""
    m = _YES_OR_NO.search(text)
    if m is None:
        return "", "", False
    if m.group("had"):
        return m.group("had"), "有" + m.group("had"), True
    side = (m.group("side") or m.group("named") or "").strip()
    thing = _ASKING_VERB.sub("", side)
    # the verb as asked: 有没有|提到, 提到了…吗, and 提没提 as 提到
    verb = side[: len(side) - len(thing)] if m.group("side") else m.group()[: m.start("named") - m.start()].rstrip("了") if m.group("named") else ""
    if not verb and (av := m.group("av")):
        verb = av + ("到" if av in "提讲说谈" else "")
    if not re.search(r"[\u4e00-\u9fffA-Za-z0-9]{2}", thing):
        # (冰雪旅游这块，吉林是否提及: named before the question word)
        thing, verb = _POINTING.sub("", PROVINCE_NAMES.sub("", text[: m.start()])).strip("，, 的"), "提到"
    has = bool(re.match(r"有没有|有无", m.group()) or _MENTION_ASKED.search(text))
    return thing, verb + thing, has


# 哪些省没有提到营商环境, 没提“一网通办”的地方有哪些: the thing whose absence is asked
_NOT_NAMED = re.compile(rf"(?:没有?|未|从未|不曾)(?:{MENTION_VERB}|{_SAYING})(?:到|过|及|了)*(?P<thing>[^，,。；？?]{{2,30}}?)"
                        r"(?:的(?:省|地方|地区|城市|报道|会)|有哪|是哪|[？?，,。；]|$)")


# 哪些省提到了北京证券交易所, 提到“浙江大学”的有哪些省: what a which question asks reports to name
_NAMED_IN_WHICH = re.compile(rf"(?:{MENTION_VERB})(?:了|过)*(?P<thing>[^，,。；;？?“”\"\s]{{2,20}}?)(?:的|有哪|是哪|都|[？?，,。；;]|$)")


def _place_led_names(text: str) -> list[str]:
    """The names that open with a place (北京证券交易所, 浙江大学) which a which question asks
    reports to name."""
    if not (WHICH.search(text) and re.search(MENTION_VERB, text)):
        return []
    things = _QUOTED.findall(text) + [m.group("thing") for m in _NAMED_IN_WHICH.finditer(text)]
    return list(dict.fromkeys(t for t in things if place_led_name(t)))


def _absent(text: str) -> str:
    m = _NOT_NAMED.search(text)
    return m.group("thing").strip("“”\"' ") if m else ""


def asks_mention(text: str) -> bool:
    """有没有提到, 是否提及, 提没提, 出现过吗: whether a report names something is asked."""
    return bool(_MENTION_ASKED.search(text))


def _yes_or_no(text: str) -> tuple[tuple[str, ...], ...]:
    """The one side a yes-or-no question offers: its words (none of them, no answer). A quoted
    phrase (“专精特新”) is one word: the report must hold it whole."""
    m = _YES_OR_NO.search(text)
    side = whether_side(text)[0] if m else ""
    if m and re.search(r"\d+\s*[号日月]|几号|哪天", side):
        return ()  # 是不是18号开的: the date is what is asked (its own kind), not whether
    # (the place asked about is no word of the side; another place is: 香港 in 广东…有香港代表参加吗)
    named = set(provinces_in(text[: m.start()])) if m else set()
    # (北京证券交易所 is one thing, written 北交所 as often: it is one word too)
    quoted = [q for q in _QUOTED.findall(side) if len(q) > 1] + [f for f in FULL_FORMS if f in side]
    rest = re.sub("|".join(map(re.escape, quoted)), " ", _QUOTED.sub(" ", side)) if quoted else side
    words = tuple(dict.fromkeys([*quoted, *(w for w in tokenize(rest) if len(w) > 1 and not (provinces_in(w) and set(provinces_in(w)) <= named))]))
    return (words,) if words else ()


# 哪些省开了新春第一会: nothing asked beyond holding the meeting, which every report records
_ONLY_THE_MEETING = re.compile(r"(?:一共|总共|共|都|各|也|有|是|的|了|过|开|召开|举行|举办|开会|会议|大会|会|新春第一会|新春|第一会|第一场会|春节后|节后|今年|[？?。，,！!\s])*")


def asks_only_the_meeting(text: str) -> bool:
    rest = COUNTS_PROVINCES.sub("", WHICH.sub("", text))
    return bool(rest.strip()) and _ONLY_THE_MEETING.fullmatch(rest) is not None


# 几个省, 多少个地方: a count of provinces (not 多少个省重点建设项目, 几个省级开发区, 几个省会城市)
COUNTS_PROVINCES = re.compile(r"(?:几|多少)个?(?:省份|省区市|省市|省|地方|地区)(?![重级基属内外委政会长域直])")

# 是在深圳开的吗, 有没有设分会场: a yes-or-no question, unless a question word asks a value too
_POLAR = re.compile(rf"吗[呢？?。！!\s]*$|(?:没有|了没|没)[？?]?$|{_WHETHER}")
_ASKS_VALUE = re.compile(r"谁|什么|哪|多少|几(?!乎)|怎|如何|何时|何地|为何|为啥|啥")
# 在深圳开的, 在福州召开: where a meeting was held (a place, or 省会)
HELD_IN = re.compile(r"在([^\s，,。；、？?]{2,8}?)(?:召开|开的|开会|举行|举办|设主会场)")

_CHOICE_MARKS = {"是", "在", "以", "用", "由", "于", "为"}
_HELD_WORDS = {"召开", "举行", "举办", "开会", "进行"}


_QUOTED = re.compile(r"[“\"]([^“”\"]{1,20})[”\"]")
_CODE = re.compile(r"(?<![\d.])\d{3,}(?![\d.%％]|\s*(?:年|月|日|号|个|项|家|亿|万|元|人|位|名|条|所|座|倍|强|多|余|平方|公里|米|吨|台|套|批|次|期|户|千))")
_ALSO_WRITTEN = re.compile(r"^([^（(]{2,})[（(]([^）)]{2,})[）)]$")
# (定为什么年, 给今年定了个什么主题年: the kind of name asked, unquoted, ends the question)
_TERM = re.compile(r"什么[“\"]([\u4e00-\u9fff]{1,4})[”\"]|(?:定为|确定为|定成|定作|称为|叫作|叫做|定了个|定下个|定了一个)了?什么(?:主题)?([\u4e00-\u9fff])(?=[？?。]?$)")
_PERSON_ROLE = re.compile(r"那位|哪位|这位|书记|省长|市长|主任|主席|厅长|局长|院长|部长|领导|委员|负责人|创始人|董事长|总经理|企业家|专家|院士|处长|记者")
_NAMED_THING = re.compile(rf"(?:{NAMED_THINGS}|会议|大会|项目|工作法|方法|办法|做法|招牌|名号)$")
_NAME_NOUN = re.compile(r"名称|简称|全称|称号")


def _referent(text: str) -> str:
    """What 叫什么 is asked of: the words before it, without the pronoun that points back
    (…的行动，它叫什么 → …的行动)."""
    return re.sub(r"[，,；;：:？?。\s]+$", "", re.sub(r"(?:[它其]|[这那][个项种])?(?:又|具体|到底)?$", "", re.sub(r"[，,；;：:？?。\s]+$", "", text)))
_ENDS_WITH_ROLE = re.compile(r"(?:书记|省长|市长|主任|主席|厅长|局长|院长|部长|主持人|负责人|讲话人|董事长|总经理|院士)(?:是|呢)?[？?。]?$")
_ENDS_WITH_SITE = re.compile(r"(?:^|的)(?:主会场|会场|会址|地点)(?:是|呢)?[？?。]?$")  # (not 有没有设分会场)
_THE_SEVERAL = re.compile(r"的[“\"]?$")  # (the text before 几; 的“几个必须”，主要是哪些: a template quoted)
_ASKS_LATER = re.compile(r"哪|什么|谁|怎么|如何|怎样")
_ASPECTS_EXPLAINED = re.compile(r"(?:怎么|怎样|如何)[^，。？?]{0,6}从?几个?(?:方面|角度|层面|维度)|几个?(?:方面|角度|层面|维度)[^。？?]{0,24}(?:捋|概括|梳理|总结|归纳|说说|讲讲)")
# (哪个城市提出…: a municipality's report speaks; 江苏哪个城市… asks for a city inside it)
# (哪个城市要把…: what it wants done is its own policy, so a municipality's report speaks)
# (哪个城市专门提出…, 哪个城市给空气治理定下目标: an adverb, or the thing its policy is for, may come first)
_WHICH_CITY = re.compile(r"^(?:请问)?(?:哪个|哪一个|哪座)城市(?:专门|特别|还|也|又|都|已经|率先|首先|着力|重点|进一步|今年)?"
                         r"(?=提出|要求|强调|表示|主张|打算|计划|部署|说|把|将|在会上|要|希望|明确|决定|力争|给[^，。？?]{1,12}(?:定|提出|制定|出台))")
# (西南地区哪个直辖市…: the region only narrows which one)
_REGION = r"(?:(?:东北|西北|西南|东南|华北|华东|华南|华中|中部|西部|东部|沿海|内陆)(?:地区)?(?:的)?)?"
_WHICH_ONE = re.compile(r"^(?:请问)?" + _REGION + r"(?:哪个|哪一个|哪)(?:省份|省市|直辖市|省|地方|地区)|" + _WHICH_CITY.pattern)


_WHICH_MEETING = re.compile(r"^(?:请问)?(?:哪场|哪次|哪一场|哪一次)")


def _kind(text: str) -> str | None:
    """The kind asked first in the text: `谁…多少` asks for a person first. A question
    that opens with 哪个省 asks which report says it: the citation's province answers."""
    if _WHICH_ONE.match(text):
        return None
    if (called := re.search(CALLED_ASKED, text)) and _PERSON_ROLE.search(text) and not _NAMED_THING.search(_referent(text[: called.start()])) \
            and not _NAME_NOUN.search(text):
        # 那位管委会副主任，叫什么: a person's name; 王凯说要深化的那个助企活动叫什么: the activity's
        # (…力争走在全国最前面的行动，它叫什么: a pronoun points back at the thing; 名称中带个数字: a
        # 名称 is a thing's, never a person's)
        return "person"
    found = [(m.start(), n, k) for n, (k, pattern) in enumerate(KINDS.items()) if (m := pattern.search(text))]
    if not found and not re.search(r"谁|哪|什么|多少|几|何", text):
        if _ENDS_WITH_ROLE.search(text):
            return "person"  # 出席并讲话的市委书记: typed into a chat, a post alone asks who holds it
        if _ENDS_WITH_SITE.search(text):
            return "place"  # 广东的主会场呢: a site alone asks where it is
    first = min(found)[2] if found else None
    if first == "figure" and _WHICH_MEETING.match(text) and not re.search(r"多少|多久|第几", text):
        # 哪场会议上午先分组到几个城市参观…: which meeting is asked; 几个 after it is "several"
        rest = [f for f in found if f[2] != "figure"]
        return min(rest)[2] if rest else None
    if first == "figure" and (m := KINDS["figure"].search(text)) and _THE_SEVERAL.search(text, 0, m.start()) \
            and _ASKS_LATER.search(text, m.end()) and not KINDS["figure"].search(text, m.end()):
        # 要提升…的几种能力，是为了干好哪几件事: 的几种 is "the several", the later word asks
        rest = [f for f in found if f[2] != "figure"]
        return min(rest)[2] if rest else None
    if first == "figure" and _ASPECTS_EXPLAINED.search(text):
        return None  # 怎么从几个方面讲…: the aspects themselves are asked for, not their number
    if first == "figure" and not FIGURE_ASKED.search(text) and len(found) > 1:
        # 研发投入占比…是在哪天: a ratio noun names what was said; the question word asks
        return min(f for f in found if f[2] != "figure")[2]
    return first


# 报道是谁写的: the report's byline (记者 张文, 作者：…), which names the words of no question
_BYLINE_ASKED = re.compile(r"谁写的|谁撰写|谁执笔|作者|撰稿|执笔|哪位记者|记者是谁|记者叫")
BYLINE = ("记者",)


def _unit(text: str) -> str:
    if m := ORDINAL_ASKED.search(text):  # 第几年, 连续几年, 第几版: an ordinal, not a count
        return "第" + (m.group(1) or "")
    if re.search(r"数目|个数|家数", text) and not UNIT_AFTER.search(text):
        return ""  # 在湘投资的世界500强数目: a count, whatever noun describes what is counted
    if m := UNIT_AFTER.search(text):
        u = m.group(m.lastindex)
        # 跟前一年比涨了几个点: a change in a share is counted in percentage points
        if u == "个" and text[m.end() : m.end() + 1] == "点" and _CHANGE.search(text):
            return "%"
        return {"个亿": "元", "万亿元": "元", "万亿": "元", "亿元": "元", "万元": "元", "亿": "元", "万": "", "万人": "人", "人次": "人", "名": "人", "位": "人", "个百分点": "%"}.get(u, u)
    for unit, pattern in UNIT_NOUNS:
        if pattern.search(text):
            # (地区生产总值增长多少: a change is told as a share or a sum, 增长8%左右 or 增加300亿元)
            return "" if unit == "元" and CHANGE_ASKED.search(text) else unit
    return ""


_CHANGE = re.compile(r"[涨跌升降增减]|提高|下滑|回落|比上年|较上年|同比|环比")


def _place_unit(text: str) -> str:
    """哪个县, 那个县叫什么: the level of place asked for."""
    # (这个园区选在哪个区县: the level the question word asks, before one a demonstrative names)
    # (在哪个项目的工地上: a project's site is the place, named by the project)
    level = r"[个座一几些]*(?:自治)?(开发区|高新区|示范区|园区|新区|新城|城市|县|区(?!域)|市|州|项目(?=的?(?:现场|工地)))"  # (哪个区域: a region, any level)
    # (作交流发言的县是哪个: the level may stand before the question word; not one of two
    # levels asked together, 县和县级市有哪些, which any place answers)
    m = re.search("哪" + level, text) or re.search("[那这]" + level, text) or re.search(r"(?<=[的个])(?:省辖|地级|设区)?" + level + r"(?:分别|都)?(?:是哪|叫什么|有哪)", text)
    return m.group(1).replace("城市", "市") if m else ""


def _date_unit(text: str) -> str:
    """哪一年 asks for a year, 几月份 for a month; 农历哪天 for a date of the lunar calendar."""
    if re.search(PLAN_PERIOD_ASKED, text):
        return "规划期"  # 瞄准哪一个五年规划期: “十五五”, as the plans are named
    if re.search(r"哪一?年|哪几年|何年|" + YEAR_NAMED_ASKED, text):
        return "年"
    if re.search(CLOCK_ASKED, text):
        return "时刻"  # 几点开的: a time of day; 2月19日上午 does not say it
    if re.search(HALF_DAY_ASKED, text):
        return "半天"  # 上午还是下午: 2月18日下午 says it; 2月18日 does not
    if re.search(FESTIVAL_DAY_ASKED, text):
        return "节后"  # 节后上班的第几天: 新春上班第一天 says it; 2月18日 does not
    if re.search(r"几月份?(?!几)|哪个月|哪月", text):
        return "月"
    if re.search(STAGE_ASKED, text):
        return "阶段"  # 处于哪个阶段: the stage a report names (…并重阶段, …的关键阶段)
    if re.search(r"(?:哪个|哪一个|什么|哪)(?:时段|季度|阶段)", text) and not re.search(r"哪天|哪一天|几号|几月几", text):
        return "时段"  # 做好哪个时段的开门红: 一季度, 上半年
    if re.search(r"什么时候|何时", text) and not _MEETING.search(text):
        return "时候"  # 总书记什么时候视察的: 去年 is the report's answer when it gives no date
    # 农历 must qualify what is asked: 在农历新春第一个工作日开的，那是几月几日 asks the calendar date
    # (正月初几, 大年初几: only the lunar calendar counts days so)
    # (按农历算，…是哪一天: the calendar the answer is to be given in)
    # (换算成农历是正月里的哪天: the lunar month names the calendar too)
    if re.search(r"农历[^，,。？?]{0,3}(?:哪|几|什么|何)|正月[里的中]{0,2}(?:哪|几)|初几|[按以用]农历(?:算|来算|计)?", text):
        return "农历"
    # 具体几号, 哪一天: a day is asked; a month or a span of years does not name one
    return "日" if re.search(r"几[号日]|哪一?[天日]|几月几|具体日期|公历", text) else ""


# the kind of answer each field of a meeting's record gives
FIELD_KIND = {"host": "person", "speakers": "person", "date": "date", "scale": "figure"}


_DID_NOT = re.compile(r"(?:没有?|未)(?:上台|到场|到会|出席|亲自|现场)?$")  # (并未 ends in 未; 没上台讲话 is no speech either)


def _named_before(text: str, at: int) -> bool:
    """A person's name stands right before `at`, on its own (王宁主持的, 省委书记王宁主持的)."""
    for n in (3, 2):
        start = at - n
        if start < 0:
            continue
        titled = bool(_TITLE_BEFORE.search(text[:start]))
        alone = start == 0 or not re.match(r"[\u4e00-\u9fff]", text[start - 1]) or titled
        if alone and looks_like_name(text[start:at], titled):
            return True
    return False


def _meeting_field(text: str, kind: str | None = None) -> str | None:
    # 开的是什么会: the name asked is the record's theme (not when more is asked: 各开的什么会、
    # 主要抓什么; nor 连续开的是什么会、连续了几年, which asks a figure)
    if kind == "name" and _NAME_ASKED.search(text) and asks_one_thing(text):
        return "theme"
    # (省委书记没有讲话、只是作了批示，这位书记是谁: what the one asked did not do is no field
    # of theirs; 哪些地方不是18号开的 still asks the date)
    # (王宁主持的调度会上，是哪位省长提的要求: the one who presided is named, so that is no field asked)
    found = [(m.start(), f) for f, pattern in MEETING_FIELDS.items()
             if (m := pattern.search(text)) and not (kind and _DID_NOT.search(text, 0, m.start()))
             and not (kind == "person" and _named_before(text, m.start()))]
    # 那场视频大会是几月几号开的: the kind asked names the field; 视频 only describes the
    # meeting. 尹力讲话的那场推进大会，主持人是谁: of the fields of that kind, the one
    # named where the question asks
    fitting = [(at, f) for at, f in found if FIELD_KIND.get(f) == kind]
    if LARGEST.search(text) and any(f == "scale" for _, f in found):
        return "scale"  # (哪个主会场参会人数更多: the meetings ranked by how many attended, wherever)
    if fitting:
        asked = m.start() if kind and (m := ask_match(text, kind)) else len(text)
        return min(fitting, key=lambda x: abs(x[0] - asked))[1]
    return min(found)[1] if found else None
