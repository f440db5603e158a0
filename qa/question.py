"""Read a question: its type, the kind of answer it wants, its provinces, years and key words.

The type picks the answer strategy (qa/answering). Each pattern below serves a kind
of question that analysts ask of any meeting report, not a question of the test set.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import rjieba

from .gazetteer import PROVINCES, provinces_in
from .keyword_index import FUNCTION_WORDS, REPORTING_VERBS, STOPWORDS, tokenize
from .meetings import looks_like_name

MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
AUTONOMOUS_REGIONS = ("内蒙古", "广西", "西藏", "宁夏", "新疆")

# "哪些省份/哪几个省/各地…": ask across the whole corpus for every province that says it
_WHICH = re.compile(
    r"哪些(?:省(?!领导|委|长|政府)|市(?!领导|委|长)|地(?!址)|地方|省份|省市|地区|会议|报道)|哪几(?:个)?(?:省|市|地)(?!领导|委|长)|有哪些省(?!领导|委|长)|哪些个|哪几场|哪些场|哪几次会|哪些会上|哪些(?:新春)?第一会|第一会有哪些[？?]?$|"
    r"(?:各地|各省|多地|多省)[^。？?]{0,30}(?:提到|提出|聚焦|部署|召开|涉及|关注)了?(?:哪些|什么)"
)
# (哪些地方 inside the one province named asks for its places, not for other provinces)
_LOCAL_WHICH = re.compile(r"哪(?:些|几个?)(?:市|城市|地市|县|区|州|地级市|地方|地区)(?!领导|委|长)")
_COMPARE = re.compile(r"不同|区别|差异|异同|相比|比较|对比|有何分别|侧重|哪个先|哪个更|哪个多|谁先|更多|更大|更早")

# 几 that asks: not 这几大类, 那几家 (demonstratives), 提了好几个 (a quantity) nor “营商环境”几个字 (the words quoted); 做好几篇 does ask
_NOT_ASKING = r"(?<![这那”\"十])(?<!了好)(?<!有好)(?<!过好)"  # (十几位: some, not how many)
_ASKING_JI = _NOT_ASKING + "几"

# the kind of answer asked for, each with the question words that ask for it
_KIND_WORDS = {
    "date": r"哪天|哪一天|日子(?=是|为|[？?]|$)|哪日|何时|什么时候|什么时间|什么时段|哪个时段|几月几[日号]|几月份?|哪个月|哪月|几号|哪一?年|哪几年|何年|日期是|(?:具体|什么)日期|日期(?=[？?]?$)|时间是|何日",
    "person": r"谁|哪位|何人|姓名|哪几位|哪些人|哪几个人|哪个人|哪些(?:省|市)?领导|哪个(?:省|市)?领导|(?:(?<=书记)|(?<=省长)|(?<=市长)|(?<=主任)|(?<=主席)|(?<=厅长)|(?<=局长)|(?<=院长)|(?<=部长)|(?<=领导)|(?<=委员)|(?<=负责人))叫什么(?:名字)?",
    # 哪个城市/哪座城市 asks for a place named in the text; 哪个省 asks which report says it
    "place": r"在哪里|在哪儿|在哪(?![一个]?(?:天|日|年|月|时)|个省|些|位|几|次|场|届)|是哪里|何地|什么地方|哪(?:几)?[座个一][\u4e00-\u9fff]{0,2}?(?:城市|市|县|区|地市|片区|地区|区域|园区|新区|地方|示范区|开发区|合作区|新城|保护区)|(?:设区市|地级市|县级市|省辖市|自治州|自治县|城市|市|县|区|州)(?:是哪(?:一个|个|儿|里)?|叫什么|有哪[几些]个?)|地点|设在哪|在何处",
    # 哪几家/哪几个 asks which ones, not how many
    "figure": r"多少|多久|多长时间|(?<!哪)" + _ASKING_JI + r"[个项家次届年天名人位所座条批倍大级张类种支点成组]|第几|几成|比例|占比|比重|百分之|增速|增长率",
    # 叫什么, 什么品牌: the name of a programme, a brand, a plan — quoted in the report
    "name": r"叫什么|什么名字|(?:名称|片名|书名|标题|题目)(?:是|叫)?什么|名称是|(?:什么(?!样)|哪个)[\u4e00-\u9fff]{0,8}?(?:品牌|行动|工程|计划|名称|口号|称号|体系|战略|目标|机制|模式|平台|活动|专题片|片子|经验)|"
            r"(?:品牌|行动|工程|计划|口号|称号|体系|战略|目标|专题片)(?:是|叫)什么(?=[？?呢吗]|$)",  # not 体系是什么态度
}
_KINDS = {k: re.compile(v) for k, v in _KIND_WORDS.items()}
# a figure asked by a question word (多少, 几年) outranks one named by a noun (占比, 增速)
_FIGURE_ASKED = re.compile(r"多少|多久|多长时间|(?<!哪)" + _ASKING_JI + r"[个项家次届年天名人位所座条批倍成大级张类种支点组]|第几")


def _ask_match(text: str, kind: str) -> re.Match | None:
    """Where the question asks for `kind`."""
    if kind == "figure" and (m := _FIGURE_ASKED.search(text)):
        return m
    # a kind read from the whole question (那位主任，叫什么) is asked where 叫什么 stands;
    # 辽宁…有哪些市作了发言 asks where 哪些市 stands
    return (_KINDS[kind].search(text) or (kind == "place" and _LOCAL_WHICH.search(text))
            or re.search(r"叫什么|是什么|什么|[？?]|$", text))
_SUMMARY = re.compile(r"概括|总结|主要内容|哪几个方面|哪些方面|哪几方面|几个?(?:方面|角度|层面)|捋|梳理|分别是什么|有哪些|哪[两三四五六七八九十]|哪几[项点条]|什么内容|讲了什么|说了什么|部署了(?:什么|哪些)|哪些工作|哪些举措|什么要求")

# the unit a figure question names: "多少个", "几项", "多少亿元", or a noun that implies one
_UNIT_AFTER = re.compile(r"(?:多少|" + _ASKING_JI + r")(个百分点|个亿|亿元|万元|元|万人|人次|人|名|位|个|项|家|次|届|年|天|所|座|条|批|倍|亿|万|%|大|级|张|类|种|支|点|组)")
# a ratio word decides before the noun it is a ratio of (高新技术产业产值占比: a share, not an amount)
_UNIT_NOUNS = [
    ("时长", re.compile(r"多久|多长时间")),  # 提前了多久: a span of time (两年, 3个月), whatever ratio it is of
    ("%", re.compile(r"比例|占比|比重|百分之|增速|增长率|增幅|几成|占(?:了|到|据)?(?:多少|几)(?![个项家次人名位])")),
    ("人", re.compile(r"人数|参会人|参加人|与会人|观看人次|人次")),
    ("元", re.compile(r"投资额|金额|资金|总额|投资|投入|收入|产值|营收|生产总值|GDP|规模以上")),
]
_ORDINAL_ASKED = re.compile(r"(?:第几|连续几|几连)(?:个)?(年|次|届|季度|版|期|轮|位|批|名)?")
# words that restate what kind of answer is wanted: no predicate of their own
# and words that point back at what the user quoted or named (这话, 这组数, 那个)
_ASKING_NOUNS = re.compile(r"^(?:公历|阳历|时段|时间|时间跨度|跨度|期限|年份|年头|时候|日期|地方|地点|城市|人物|名字|姓名|数字|数值|数量|数目|[这那]是|具体|多少|担任|领导|省领导|市领导|官员|负责人|同志|还有|另外|除了|之外|以外|"
                           r"[这那该此][个位场次组句段番些项条]?(?:话|数|数字|数据)?|此次|这一)$")

# questions about the meeting itself, and the field of its record they ask for
MEETING_FIELDS = {
    "host": re.compile(r"主持"),
    "date": re.compile(r"哪天|哪一天|何时|什么时候|日期|几月几|哪日|召开时间|举行时间|2月\d+日|\d+月\d+日|春节后"),
    "format": re.compile(r"形式|视频|电视电话|线上|网络直播|分会场|主会场|现场会|方式召开"),
    "scale": re.compile(r"规模|多少人|人数|参会|与会|参加会议|出席人"),
    # 讲话 is the leaders'; 发言, 交流发言 are other participants' and no record field
    # (讲话精神 is what a speech said, usually the General Secretary's: no field of the meeting)
    "speakers": re.compile(r"讲话(?!精神)|致辞|作报告"),
    # 会议名称里带“营商环境”: the meeting's name is its theme as the report states it
    "theme": re.compile(r"主题|为题|名义|会议?的?名称|会名|会议?的?名字|名称里|名字里"),
}
_MEETING = re.compile(r"会议|大会|会上|推进会|座谈会|动员会|新春第一会|第一会|开会|的会(?=[是由在，,？?]|$)|开的会|[那这该][场次]会|[那这该]场[\u4e00-\u9fff]{0,4}会")
_NEGATION = re.compile(r"不是|并非|没有|未(?!来)|非(?!常)|不在")

_YEAR = re.compile(r"(20\d\d)\s*年")
_ISSUE = re.compile(r"第\s*(\d{1,3})\s*期")

# question words and meeting boilerplate that carry no topic
_BOILERPLATE = re.compile(
    r"哪些省份|哪些省市|哪些地方|哪些地区|哪些省|哪几个省|哪个省份|哪个直辖市|哪个城市|哪个省|哪个市|哪位|两省|两地|各地|各省|多地|多省|"
    r"新春第一会|第一会|春节后|开年|会议上|会上|在会上|会议|大会|召开|提到了|提到|提出了|提出|"
    r"分别|都|请问|什么|哪些|如何|怎样|怎么|有何|有哪些|是什么|请|概括|总结|介绍|一下"
)
# "哪个省打算…", "哪位省委书记把…": the asking part carries no meaning for the
# encoder, and a statement matches the report's own sentences better
_ASKING_LEAD = re.compile(
    r"^(?:请问)?(?:哪个|哪些|哪位|哪几个|哪一个)(?:省份|省市|直辖市|城市|地方|地区|省|市)?(?:的)?"
    r"(?:[\u4e00-\u9fff]{0,2}(?:主官|书记|省长|市长|主席|领导|官员|负责人))?"
)
_PART_BREAK = re.compile(r"[？?；;]+")
_OPENS_QUESTION = re.compile(r"^(?:又|还|并且|另外|以及|同时|其中|那么|分别)?(?:是|有|在|由|为|要|将)?(?:连续)?(?:第)?(?:谁|哪|多少|几|何|什么|怎样|如何)")
_CLAUSE_BREAK = re.compile(r"[，,、]|(?<=[^，,])(?=又是|还有|另外|以及)")


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
    speaker: str = ""  # 王正谱讲话强调了什么: the person whose words are asked for
    # 尤肖虎谈…，是在哪天的发布会上: what was said names an event; its date or place is asked
    at_event: bool = False
    # 单算能源类的有多少个: the part of a whole that is asked; the answer must name it
    restriction: str = ""
    # 代表省卫健委作表态发言的是谁: the organisation a person asked for speaks for
    represents: str = ""
    # 省委三次全会是啥时候开的: the words of the meeting the question names (not the report's own)
    meeting_words: tuple[str, ...] = ()
    asks_page: bool = False  # 那篇报道从第几页开始: the page a report starts on, from the contents
    numbered: tuple[str, str] = ()  # 几个“高地”, “几化”: (unit, name) of a slogan whose number is asked
    choices: tuple[tuple[str, ...], ...] = ()  # 上午开的还是下午开的: (上午,), (下午,) — the answer names one

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
# a province's one-character name (粤, 苏, 皖 …) opening a question. Characters that
# start common words (云, 贵, 新, 青, 宁, 吉, 黑, 甘) are left out: 新能源 is no province.
ABBREVIATIONS = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西", "辽": "辽宁",
    "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建", "赣": "江西", "鲁": "山东", "豫": "河南",
    "鄂": "湖北", "湘": "湖南", "粤": "广东", "琼": "海南", "川": "四川", "蜀": "四川", "黔": "贵州",
    "滇": "云南", "陕": "陕西", "陇": "甘肃", "桂": "广西", "藏": "西藏",
}


def read_question(text: str, max_chars: int = 2000) -> Question:
    # A pasted page is not a question; the start of it carries the intent.
    asked = text.strip()[:max_chars]
    text = asked
    for spoken, written in _SPOKEN:
        text = text.replace(spoken, written)
    parts = split_parts(text)
    if len(parts) > 1:
        first = _read_one(parts[0])
        readings = [first] + [_inherit(_read_one(_about_the_same(p, parts[0])), first) for p in parts[1:]]
        whole = _read_one(text)
        return replace(whole, qtype="multi", parts=tuple(readings), asked=asked)
    return replace(_read_one(text), asked=asked)


# 这期《今日科技快讯》由哪个单位编发？出刊日期是哪天？: the second part asks about the bulletin too
_THE_BULLETIN = re.compile(r"[这本该此]期(?:《[^》]{1,20}》|快讯|简报|汇编)")


def _about_the_same(part: str, first: str) -> str:
    if (m := _THE_BULLETIN.search(first)) and not _THE_BULLETIN.search(part) and not provinces_in(part):
        return m.group() + part
    return part


def _abbreviated_province(text: str) -> tuple[str, ...]:
    """粤高质量发展大会…, 苏那个推进会…, 鲁省…: a one-character name that stands alone as a word."""
    first = text[:1]
    if first in ABBREVIATIONS and rjieba.cut(text[:8])[0] in (first, first + "省"):
        return (ABBREVIATIONS[first],)
    return ()


def split_parts(text: str) -> list[str]:
    """The questions inside a question: `责任编辑是谁？电话是多少？` is two, and so is
    `连续第几年…，又是连续第几年…`. A piece without a question word of its own is not a part."""
    pieces = [p.strip() for p in _PART_BREAK.split(text) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        clauses = [c.strip() for c in _CLAUSE_BREAK.split(piece) if c.strip()]
        # inside one sentence, a later clause is its own question only when it opens
        # with one (`、谁主持会议`, `，又是连续第几年`); `…对方是谁` is not
        asking = [i for i, c in enumerate(clauses) if _asks(c) and (i == 0 or _OPENS_QUESTION.match(c))
                  and not (_KINDS["figure"].search(c) and any(_PICKS_BY_FIGURE.search(b) for b in clauses[:i]))]
        if len(asking) < 2:
            out.append(piece)
            continue
        # each part runs to its asking clause; the last one keeps the clauses after it
        cuts = [0] + [i + 1 for i in asking[:-1]] + [len(clauses)]
        out += ["，".join(clauses[a:b]) for a, b in zip(cuts, cuts[1:])]
    # 概括一下, 帮我列一下: an instruction on how to answer the question before it, no question of its own
    asking_parts = [p for p in out if _asks(p) and not _INSTRUCTION.match(p)]
    return asking_parts if len(asking_parts) > 1 else [text]


_ASKS_LABEL = re.compile(r"^(?:是|为)?(?:哪[个项类种一]{1,2}|什么)[\u4e00-\u9fff]{0,3}$")
# 哪类最少，有多少家: the figure asked is the one the superlative picks, one question
_PICKS_BY_FIGURE = re.compile(r"哪[^，,]{0,6}最(?:多|大|高|少|小|低)")
_INSTRUCTION = re.compile(r"^(?:请|麻烦)?(?:帮我|给我)?(?:简要|简单|大概)?(?:概括|总结|归纳|列|说|讲|梳理|介绍)(?:一下|下|说)?(?:吧|呗)?[。！!]?$")


def _asks(text: str) -> bool:
    return bool(_WHICH.search(text) or _SUMMARY.search(text) or any(k.search(text) for k in _KINDS.values())
                or re.search(r"什么|哪|如何|怎样|怎么|是否|吗", text))


def _inherit(part: Question, first: Question) -> Question:
    """A later part that names no province speaks of the first part's."""
    if part.provinces or not first.provinces:
        return part
    names = "、".join(first.provinces)
    return replace(part, provinces=first.provinces, search_text=f"{names} {part.search_text}")


def _read_one(text: str) -> Question:
    provinces = tuple(provinces_in(text)) or _abbreviated_province(text)
    named = len(provinces)
    if not provinces and ("直辖市" in text or _WHICH_CITY.match(text)):
        provinces = MUNICIPALITIES  # "哪个直辖市…", "哪个城市提出…": one of the four, not a comparison of them
    kind = _kind(text)
    numbered = _numbered(text)
    if numbered:
        kind = "figure"  # 叫“几化”: the number in the name is what is asked
    if named == 1 and _LOCAL_WHICH.search(text):
        kind = kind or "place"  # 甘肃…有哪些市: the cities inside the province named, not other provinces
    if _WHICH.search(text) and not (named == 1 and _LOCAL_WHICH.search(text)):
        qtype = "which"
    elif named >= 2 and (_COMPARE.search(text) or re.search(r"[和与跟及、]", text)):
        qtype = "compare"
    elif kind is not None:
        qtype = "fact" if kind == "name" else kind
    elif _SUMMARY.search(text):
        qtype = "summary"
    else:
        qtype = "fact"
    topic = _BOILERPLATE.sub(" ", text)
    for name in sorted(set(PROVINCES) | set(PROVINCES.values()), key=len, reverse=True):
        topic = topic.replace(name, " ")
    topic = re.sub(r"[\s？?。，,！!：:、]+", " ", topic).strip()
    search_text = _ASKING_LEAD.sub("", text).rstrip("？?")
    about_meeting = bool(_MEETING.search(text))
    at_event = kind in ("date", "place") and bool(_AT_EVENT.search(text) or _SAID_WHEN.search(text) and SAYS.search(text))
    # (what was said names the event, which need not be the report's meeting)
    field = _meeting_field(text, kind) if (about_meeting or qtype in ("which", "compare")) and not at_event else None
    years = tuple(int(y) for y in _YEAR.findall(text))
    issue = _ISSUE.search(text)
    return Question(
        text=text,
        search_text=search_text if len(search_text) >= 4 else text,
        provinces=provinces,
        qtype=qtype,
        kind=kind,
        unit=_unit(text) if kind == "figure" else _date_unit(text) if kind == "date" else _place_unit(text) if kind == "place" else "",
        topic=topic or text,
        terms=tuple(dict.fromkeys(tokenize(topic or text))),
        # (an event named by what was said at it: its date or place is asked, whatever was said)
        predicate=() if at_event else _predicate(text, kind),
        about_meeting=about_meeting,
        meeting_field=field,
        negated=bool(_NEGATION.search(text)),
        years=years,
        issue=int(issue.group(1)) if issue else None,
        term=(t.group(1) if (t := _TERM.search(text)) else ""),
        # (哪“几早”: a quoted question word is no phrase of the report's)
        quoted=tuple(dict.fromkeys(t for t in _QUOTED.findall(text) if not re.match(r"几|哪|什么|多少", t))),
        quoted_any=bool(re.search(r"[”\"][）)]?\s*[（(]?\s*(?:或者?|或是|还是|/)\s*[“\"]", text)),
        predicate_head=_predicate_head(text, kind),
        clause_words=_clause_words(text, kind),
        plural=bool(re.search(r"哪些|哪几|有谁|分别", text)),
        choices=_choices(text),
        speaker="" if kind == "person" else _speaker(text),
        numbered=numbered,
        at_event=at_event,
        asks_page=bool(_ASKS_PAGE.search(text)),
        restriction=_restriction(text),
        represents=_represents(text) if kind == "person" else "",
        meeting_words=_meeting_words(text) if kind in ("date", "place") else (),
    )


# 数量最多的那类, 投资最大的: the question picks one item of a list by its figure
SUPERLATIVE = re.compile(r"最(多|大|高|少|小|低)")  # not a key word: it picks, it names nothing
_RESTRICTED = re.compile(r"(?:单算|单看|单就|单论|光算|光看|光是|只算|仅算|仅就)([\u4e00-\u9fff]{2,6}?)(?=类|方面|领域|行业|板块|的|里|中|有|占|是)"
                         r"|(?:(?:里|当中|之中)[，,]?|中[，,])([\u4e00-\u9fff]{2,8}?)(?:类|方面|领域)?(?:项目|企业)?(?:具体)?(?:有|占|是)(?:多少|几)")
_NAMED_MEETING = re.compile(r"([^\s的在于由是上对把被将从向为那这该，,。？?！!、；;：:（）()]{2,24}?)"
                            r"(?:推进会议|工作会议|动员大会|推进大会|大会|会议|推进会|座谈会|动员会|调度会|工作会|全会|论坛)")
# words any meeting of the genre is called by, and its form: they tell no meeting apart
_MEETING_FILLER = {"全省", "全市", "新春", "第一", "春节", "节后", "今年", "年度", "召开", "举行", "一季度", "高质量", "发展",
                   "视频", "电视电话", "线上", "现场"}


def _meeting_words(text: str) -> tuple[str, ...]:
    words = []
    for m in _NAMED_MEETING.finditer(text):
        words += [w for w in rjieba.cut(m.group(1).replace("“", "").replace("”", ""))
                  if len(w) > 1 and w not in _MEETING_FILLER and not provinces_in(w) and not _ASKING_NOUNS.match(w)]
    return tuple(dict.fromkeys(words))


# 赛力斯集团在…交流发言, 代表省卫健委作表态发言: who spoke for an organisation
_REPRESENTED = re.compile(r"^([\u4e00-\u9fff]{2,10}?)(?:在|于)[^，。？?]{0,14}?发言|代表([\u4e00-\u9fff]{2,12}?)(?:作|在|发言|讲话)")
_GENERIC_BODY = re.compile(r"^(?:企业|单位|公司|集团|部门|地方|基层|群众)$")


def _represents(text: str) -> str:
    for m in _REPRESENTED.finditer(text):
        body = m.group(1) or m.group(2)
        if not _GENERIC_BODY.match(body) and not (len(body) <= 3 and provinces_in(body)):
            return body
    return ""


def _restriction(text: str) -> str:
    m = _RESTRICTED.search(text)
    part = m and (m.group(1) or m.group(2))
    if not part or provinces_in(part) or SUPERLATIVE.search(part):
        return ""  # 只看北京的 narrows the search (qa/conversation.py); 数量最多的那类 picks, it names no part
    words = [w for w in rjieba.cut(part) if len(w) > 1]
    return words[0] if words else ""


# 王晓晖说…，是在哪天: the whole of what was said is the subject; its meeting's date is asked
_SAID_WHEN = re.compile(r"(?:是|那是|这是)(?:在)?(?:哪天|哪一天|哪日|什么时候|何时)(?:的会|的事|说的|讲的|提的|提出的)?[？?]?$")
_ASKS_PAGE = re.compile(r"第几页|哪一?页|几页|页码")
# 是在哪天的发布会上, 在哪里开的会上说的: the event something was said at
_AT_EVENT = re.compile(r"(?:在|是)(?:哪天|哪一天|哪日|什么时候|何时|哪里|哪儿|何地|哪[座个]城市)(?:召开|举办|举行|开)?[的、]"
                       r"[\u4e00-\u9fff“”\"、]{0,12}?(?:会议|会|论坛|仪式|活动)上")


# the genre numbers its slogans (“三个高地”, “五化”闭环工作法, 两篇“大文章”): asked 几个“高地”
# or “几化”, the number is inside the name, quoted in the question
_NUMBERED = re.compile(r"(?<!哪)" + _NOT_ASKING + r"(?:几|多少)([个项大条篇种类张支])?[“\"]([^”\"]{1,8})[”\"]|(?<!哪)[“\"](?:几|多少)([个项大条篇种类张支])?([^”\"]{1,8})[”\"]")


def _numbered(text: str) -> tuple[str, str]:
    m = _NUMBERED.search(text)
    if not m:
        return ()
    return (m.group(1) or "", m.group(2)) if m.group(2) else (m.group(3) or "", m.group(4))


# 王正谱在大会上讲话强调了什么, 尹力指出…: a name, then where, then a verb of speech
_SPEAKER_ASKED = re.compile(r"([\u4e00-\u9fff]{2,3})(?:在[^，,。？?]{0,20}?(?:[上中]|方面))?(?:的讲话|讲话|强调|指出|表示|要求|提出|说|谈到|提到|提(?=了|的|过))")
_TITLE_BEFORE = re.compile(r"(?:书记|省长|市长|主任|主席|厅长|局长|院长|部长|董事长|总经理|会长|委员)$")


def _speaker(text: str) -> str:
    # every start, overlapping: 北京尹力强调 first matches 京尹力
    for m in filter(None, (_SPEAKER_ASKED.match(text, i) for i in range(len(text)))):
        name = m.group(1)
        if name in PROVINCES or name in PROVINCES.values():
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


_CHOICE_MARKS = {"是", "在", "以", "用", "由", "于", "为"}
_HELD_WORDS = {"召开", "举行", "举办", "开会", "进行"}


_QUOTED = re.compile(r"[“\"]([^“”\"]{1,20})[”\"]")
_TERM = re.compile(r"什么[“\"]([\u4e00-\u9fff]{1,4})[”\"]")
_PERSON_ROLE = re.compile(r"那位|哪位|这位|书记|省长|市长|主任|主席|厅长|局长|院长|部长|领导|委员|负责人|创始人|董事长|总经理|企业家|专家|院士|处长|记者")
_ENDS_WITH_ROLE = re.compile(r"(?:书记|省长|市长|主任|主席|厅长|局长|院长|部长|主持人|负责人|讲话人|董事长|总经理|院士)(?:是)?[？?。]?$")
_ASPECTS_EXPLAINED = re.compile(r"(?:怎么|怎样|如何)[^，。？?]{0,6}从?几个?(?:方面|角度|层面|维度)|几个?(?:方面|角度|层面|维度)[^。？?]{0,24}(?:捋|概括|梳理|总结|归纳|说说|讲讲)")
# (哪个城市提出…: a municipality's report speaks; 江苏哪个城市… asks for a city inside it)
_WHICH_CITY = re.compile(r"^(?:请问)?(?:哪个|哪一个|哪座)城市(?=提出|要求|强调|表示|主张|打算|计划|部署|说|把|将|在会上)")
_WHICH_ONE = re.compile(r"^(?:请问)?(?:哪个|哪一个|哪)(?:省份|省市|直辖市|省|地方|地区)|" + _WHICH_CITY.pattern)


def _kind(text: str) -> str | None:
    """The kind asked first in the text: `谁…多少` asks for a person first. A question
    that opens with 哪个省 asks which report says it: the citation's province answers."""
    if _WHICH_ONE.match(text):
        return None
    if re.search(r"叫什么", text) and _PERSON_ROLE.search(text):
        return "person"  # 那位管委会副主任，叫什么: a person's name
    found = [(m.start(), n, k) for n, (k, pattern) in enumerate(_KINDS.items()) if (m := pattern.search(text))]
    if not found and _ENDS_WITH_ROLE.search(text) and not re.search(r"谁|哪|什么|多少|几|何", text):
        return "person"  # 出席并讲话的市委书记: typed into a chat, a post alone asks who holds it
    first = min(found)[2] if found else None
    if first == "figure" and _ASPECTS_EXPLAINED.search(text):
        return None  # 怎么从几个方面讲…: the aspects themselves are asked for, not their number
    if first == "figure" and not _FIGURE_ASKED.search(text) and len(found) > 1:
        # 研发投入占比…是在哪天: a ratio noun names what was said; the question word asks
        return min(f for f in found if f[2] != "figure")[2]
    return first


def _unit(text: str) -> str:
    if m := _ORDINAL_ASKED.search(text):  # 第几年, 连续几年, 第几版: an ordinal, not a count
        return "第" + (m.group(1) or "")
    if m := _UNIT_AFTER.search(text):
        u = m.group(1)
        return {"个亿": "元", "亿元": "元", "万元": "元", "亿": "元", "万": "", "万人": "人", "人次": "人", "名": "人", "位": "人", "个百分点": "%"}.get(u, u)
    for unit, pattern in _UNIT_NOUNS:
        if pattern.search(text):
            return unit
    return ""


def _place_unit(text: str) -> str:
    """哪个县, 那个县叫什么: the level of place asked for."""
    m = re.search(r"[哪那这][个座一几些]*(?:自治)?(开发区|高新区|示范区|园区|新区|城市|县|区|市|州)", text)
    return m.group(1).replace("城市", "市") if m else ""


def _date_unit(text: str) -> str:
    """哪一年 asks for a year, 几月份 for a month; 农历哪天 for a date of the lunar calendar."""
    if re.search(r"哪一?年|哪几年|何年", text):
        return "年"
    if re.search(r"几月份?(?!几)|哪个月|哪月", text):
        return "月"
    if re.search(r"(?:哪个|哪一个|什么|哪)(?:时段|季度|阶段)", text) and not re.search(r"哪天|哪一天|几号|几月几", text):
        return "时段"  # 做好哪个时段的开门红: 一季度, 上半年
    if re.search(r"什么时候|何时", text) and not _MEETING.search(text):
        return "时候"  # 总书记什么时候视察的: 去年 is the report's answer when it gives no date
    # 农历 must qualify what is asked: 在农历新春第一个工作日开的，那是几月几日 asks the calendar date
    return "农历" if re.search(r"农历[^，,。？?]{0,3}(?:哪|几|什么|何)", text) else ""


def _meeting_field(text: str, kind: str | None = None) -> str | None:
    found = [(m.start(), f) for f, pattern in MEETING_FIELDS.items() if (m := pattern.search(text))]
    # 那场视频大会是几月几号开的: the kind asked names the field; 视频 only describes the meeting
    if kind == "date" and any(f == "date" for _, f in found):
        return "date"
    return min(found)[1] if found else None


def _predicate(text: str, kind: str | None) -> tuple[str, ...]:
    """Key words next to the question word, in its clause: what the answer must speak of.
    `会议是由谁主持的` → 主持; `一共有多少人参会` → 参会; `主会场设在哪里` → 主会场, 设在.
    The words after the question word name what is asked about; without them, the
    last few words before it do."""
    if kind is None:
        return ()
    m = _ask_match(text, kind)
    clauses = _clauses(text)
    at = next((i for i, c in enumerate(clauses) if c.start() <= m.start() < c.end()), None)
    if at is None:
        return ()
    # 几个市作了发言: a one-character noun counted (市, 县) would glue to the verb (市作)
    after = _key_words(re.sub(r"^[个座]?[市县区省州镇村](?=作|在|有|是|的|召开|举行|开|$)", "", text[m.end() : clauses[at].end()]))
    before = _key_words(text[clauses[at].start() : m.start()])
    held_after = re.search(r"召开|举行|举办|开的|开会", text[m.end() : clauses[at].end()])
    # (设在哪 is itself a question word of place: 会场设在哪座城市; 主会场设在哪里 asks for the main venue)
    lead = text[clauses[at].start() : m.start()]
    held_before = (_HELD_BEFORE.search(lead) or m.group().startswith("设在")) and not re.search(r"[主分]会场(?:设在?)?$", lead)
    # 那次会是什么时候开的, 在哪个城市召开: the verb only says that the meeting took place
    if not after and kind == "date" and held_after:
        return ()
    if not after and kind == "place" and held_after:
        return ("召开",)
    # `…再次到浙江考察，是什么时候`: a clause that only asks takes the one before it
    if not (after or before) and at > 0:
        # …连续8年排第一，是哪个指标，数值多少: the clause that asks the thing's name names
        # only its kind (指标); the clause before it says which thing
        back = at - 2 if at > 1 and _ASKS_LABEL.match(clauses[at - 1].group(0)) else at - 1
        before = _key_words(clauses[back].group(0))
        if not _TRAILING_LINKS.sub("", text[clauses[at].start() : m.start()]):
            return tuple(dict.fromkeys(before))[-2:]  # …专题片，片名是什么: what the clause before names
    if after:
        head = _predicate_head(text, kind, force=True) if kind == "figure" else ""
        # 覆盖了多少家企业: what is counted (企业) and what was done to it (覆盖)
        return tuple(dict.fromkeys(after + ([head] if head else [])))[:6]
    if kind == "place" and (held_after or held_before):
        return ("召开",)  # 在哪座城市召开的: a venue is where the meeting was held, not any place named
    if kind == "date" and held_before:
        return ()  # 座谈会安排在哪一天: when it was held, whatever verb the report uses
    head = _predicate_head(text, kind)
    if head:
        return (head,)
    # 在主会场参会的"省领导"有哪几位: the noun only restates the kind; the words before it say who
    tail = _TRAILING_LINKS.sub("", text[clauses[at].start() : m.start()])
    if rjieba.cut(tail) and _ASKING_NOUNS.match(rjieba.cut(tail)[-1]):
        return tuple(dict.fromkeys(before))[-2:]
    # 深圳占了多少个: a share belongs to what stands before 占; the verb itself is too slight to be a key word
    if kind == "figure" and re.search(r"占(?:了|到|据)?$", text[clauses[at].start() : m.start()]):
        return tuple(dict.fromkeys(before))[-2:]
    # 要求做好一季度开门红开门好的是哪位领导: what was said is named before 的是, and a
    # sentence that says none of it is no answer (the speaker of the words is found apart)
    if kind == "person" and before and re.search(r"的(?:是|为)?$", text[clauses[at].start() : m.start()]) and SAYS.search(text):
        return tuple(dict.fromkeys(before))[-2:]
    # 布局建设一批中试验证平台，具体打算建多少个: the asking clause names nothing counted;
    # the clause before it does
    if kind == "figure" and not after and len(before) <= 1 and at > 0 and not _ORDINAL_ASKED.search(text):
        return tuple(dict.fromkeys(_key_words(clauses[at - 1].group(0))))[-2:]
    return ()


def _clauses(text: str) -> list[re.Match]:
    """The question's clauses; a parenthesis stays in its clause (县（市、区）is one noun)."""
    masked = re.sub(r"（[^（）]*）|\([^()]*\)", lambda m: re.sub(r"[，,、]", "·", m.group()), text)
    return [m for m in re.finditer(r"[^，,、；;？?。]+", masked)]


def _clause_at(text: str, at: int) -> re.Match | None:
    return next((c for c in _clauses(text) if c.start() <= at < c.end()), None)


def _clause_words(text: str, kind: str | None) -> tuple[str, ...]:
    if kind is None:
        return ()
    m = _ask_match(text, kind)
    clause = _clause_at(text, m.start())
    if clause is None:
        return ()
    # 两年来, 近年以来: a span of time scopes the whole sentence and sits next to no answer
    words = [w for w in _key_words(clause.group(0)) if not re.search(re.escape(w) + r"(?:以)?来", clause.group(0))]
    return tuple(dict.fromkeys(words))


def _key_words(text: str) -> list[str]:
    """Content words by precise segmentation: search mode's overlapping parts (实验, 实验室)
    would count one word twice."""
    # 视察河北时说的: 时 ends the time clause (the segmenter would glue 时说)
    words = rjieba.cut(re.sub(r"时(?=说|讲|强调|指出|表示|提出)", "时 ", _EXCEPT.sub(" ", text.replace("了", ""))))
    # 副 + 院长 is one post, a deputy's
    words = [("副" + w if i and words[i - 1] == "副" else w) for i, w in enumerate(words) if w != "副"]
    keep = set(_content_words(text)) | {w for w in words if w.startswith("副") and len(w) > 2}
    # the segmenter glues a demonstrative or an adverb to the word after it (这是最近, 总共规划)
    words = [_unglued(w) for w in words if w in keep]
    return [w for w in words if w]


_GLUED_LEAD = re.compile(r"^(?:这是|那是|这|那|总共|一共|已经)")


def _unglued(word: str) -> str:
    """这是最近 → 最近 → nothing (a deictic word), 总共规划 → 规划, 那类 → nothing."""
    rest = _GLUED_LEAD.sub("", word)
    if rest == word:
        return word
    return rest if len(rest) > 1 and rest not in STOPWORDS and rest not in _DEICTIC_TIME and not _ASKING_NOUNS.match(rest) else ""


def _predicate_head(text: str, kind: str | None, force: bool = False) -> str:
    """`要持续到什么时候` → 持续: the key word right before the question word, when no key
    word follows it. A sentence that lacks it answers another question."""
    if kind is None:
        return ""
    m = _ask_match(text, kind)
    clause = _clause_at(text, m.start())
    if clause is None or (not force and _content_words(text[m.end() : clause.end()])):
        return ""
    before = _TRAILING_LINKS.sub("", text[clause.start() : m.start()])
    if glossed := _GLOSSED_LEVEL.search(before):
        return glossed.group(0)
    # a short noun phrase after the last function word is the head whole (产业项目)
    # (by words, not characters: the 中 of 中心 is no function word)
    words = rjieba.cut(before)
    cut = max((i for i, w in enumerate(words) if _FUNCTION_WORD.fullmatch(w)), default=-1)
    phrase = "".join(words[cut + 1:])
    if not force and 2 <= len(phrase) <= 4 and all(len(w) > 1 for w in words[cut + 1:]) and _content_words(phrase) and not _ASKING_NOUNS.match(phrase):
        return _unglued(phrase)
    last = words[-1] if words else ""
    if len(words) > 1 and words[-2] == "副":
        last = "副" + last  # 省委副书记 asks for the deputy, not the secretary
    return _unglued(last) if _content_words(last) else ""


# 县（市、区）, 州（市）: an administrative level with its gloss in brackets is one noun
_GLOSSED_LEVEL = re.compile(r"[县市区州乡镇村旗盟][（(][县市区州乡镇村旗盟、，,]{1,8}[）)]$")
_FUNCTION_WORD = re.compile(r"[的是在了要将把被对与和及以为从由向中里》」”，、]")
# verbs by which a question asks who said something (谁要求…, 哪位领导主张…, 谁提的)
SAYS = re.compile("|".join(sorted(REPORTING_VERBS | {"主张", "号召", "呼吁", "倡导", "提倡", "鼓励", "让", "讲", "喊出", "喊响", "出自"},
                                  key=len, reverse=True)) + "|提(?=的|了|过)")
# 会开在哪里, 安排在哪一天, 定在什么时候: the verb only says that the meeting took place
_HELD_BEFORE = re.compile(r"(?:召开|举行|举办|安排|开|办|定|放|设)(?:在|于)?$")
# deictic time words frame the question (目前有几家): the report dates its figures otherwise or not at all
_DEICTIC_TIME = {"目前", "现在", "当前", "如今", "眼下", "至今", "迄今", "现如今", "时下", "最近", "近来", "近期"}
# words between a predicate and its question word: 持续"到"什么时候, 主编"是"谁, "一共有"多少
_TRAILING_LINKS = re.compile(r"(?:是|为|有|的|了|在|到|于|共|一共|总共|共计|合计|大约|大概|大致|约|达|达到|由|将|要|会|具体|到底|究竟|分别|各|都|已经|已|还|又|才)+$")


_EXCEPT = re.compile(r"除(?:了)?[^，。；？]{1,15}?(?:外|以外|之外)")
_ASKING_PART = re.compile(r"几|哪|谁|什么|多少|何")


def _content_words(text: str) -> list[str]:
    text = text.replace("了", "")  # 讲了话 is 讲话
    text = _EXCEPT.sub(" ", text)  # 除孙守刚外: who is left out is not what is asked
    text = _BOILERPLATE.sub(" ", text)
    for name in sorted(set(PROVINCES) | set(PROVINCES.values()), key=len, reverse=True):
        text = text.replace(name, " ")
    # reporting verbs tell passages apart poorly, but a question about who said it asks for them
    return [t for t in _undebris(rjieba.cut_for_search(text))
            if len(t) > 1 and not _COUNT_WORD.fullmatch(t) and not SUPERLATIVE.fullmatch(t) and any(ch.isalnum() for ch in t) and not t.isdigit() and not _ASKING_NOUNS.match(t) and not _ASKING_PART.search(t)
            and (t not in STOPWORDS or t in REPORTING_VERBS) and t not in _DEICTIC_TIME]


# 另一项, 这两个: a count refers back to what the question names; it is not a key word
_COUNT_WORD = re.compile(r"[另每这那]?[一二两三四五六七八九十几]+[个项家条类种位名件批次场]")


_LOCALIZERS = set("里内中上下")


def _undebris(tokens: list[str]) -> list[str]:
    """省区里排第一 → 里 + 排, 前20名里 → 名 + 里: a pair the dictionary lacks, glued by the
    segmenter's guess, that opens with a function word (里, 在) or ends with a localizer
    (里, 中) is debris; 选在 keeps its verb."""
    out = []
    for t in tokens:
        pieces = rjieba.cut(t, False) if len(t) == 2 and not rjieba.has_word(t) else [t]
        out.extend(pieces if len(pieces) == 2 and (pieces[0] in FUNCTION_WORDS or pieces[1] in _LOCALIZERS) else [t])
    return out
