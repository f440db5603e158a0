"""Follow-up questions in a chat, resolved from the earlier questions before retrieval.

A chat question often leans on the one before it: 那江苏呢？ 它的主持人是谁？ 只看北京的.
resolve() rewrites such a question into one that stands alone, by rules over the words of
this question and of the earlier ones (each earlier one resolved in turn first); no model.
A question that names its own place, or asks which place, is answered as it stands.

The rules, in the order they are tried (Resolution.reason names the one that fired):
  narrow       只看北京的 / 仅限江苏: the previous question of that place, and the place as a filter
  other place  那江苏呢？ / 换成上海 / 深圳呢？: the previous question of that place
  other meeting
               北京那个…推进大会呢？: the previous question of that meeting
  other place, then compared
               上海的呢？两边主持人职务一样吗？: the previous question of both places, compared
  other year   2024年呢？: the previous question of that year
  more         还有呢？ / 详细说说: the previous question again
  ordinal      第二点具体说了什么？: "<what the previous question listed>中，第二点…"
  joined       它们 / 其中 / 前者: the previous question and this one, joined
  person, meeting, place, it, this
               他 / 这个会议 / 该省 / 它 / 该展览: the reference replaced by the previous subject
  count of the list / list of the count
               有几家？ after 谁作了交流发言？ / 都是谁？ after 有几位企业家发言？
  post of the place
               省长提了什么要求？: the post of the place talked about
  elliptic     主持人是谁？ / 在哪天开的？ / 会议强调了哪几点？: asked of the previous question's meeting
  change of the figure
               增长多少？ after 山东地区生产总值是多少？: the change of the figure asked
  same ask     年度计划完成投资呢？: the previous question asked again, of this thing
  asks again   怎么看的？ / 怎么开工的？ / 年度计划投资多少？: asked with the previous question, or of its place
  of the bulletin
               是哪天印发的？ after 这期《今日科技快讯》是哪个单位编的？: asked of the bulletin
  of the place talked about
               今年是农历哪天开的？ after questions about 吉林: asked of 吉林 (with `holds`, below)
他是谁？ with nothing before it points at nothing: Resolution.pointing says so.
他 after 谁主持的？ names no one; resolve() may be given `who`, which answers the previous
question for the person its answer names. 它们, 这两个省 after 哪些省…？ name no place; it may
be given `which`, which answers the previous question for the provinces its answer lists.
推进会上有哪些单位交流发言？ after 甘肃那个会讲的是什么行动？ names no place and none of the
rules above fits it; it may be given `holds`, which says whether the report of the place
talked about writes what it speaks of, and then it is asked of that place. 也是这天开的 after
哪天开的？ names no day; `when` gives the day the previous question's answer names.
黄坤明 in 广东大会上黄坤明提了什么要求？ has no title before him, so 江苏呢？ cannot tell that he
is not of 江苏; `people` gives the place and post of each person the documents name, and the
rewrite for another place asks of the post instead (江苏大会上省委书记提了什么要求？). An earlier
question that names no place but one person's (许勤出席了什么会议？) is read with that person's place.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .asking import MEETING_NAME_ASKED, THE_BULLETIN, UNIT_NOUNS
from .gazetteer import CITIES, PROVINCES
from .meetings import SURNAMES
from .question import asks_mention, whether_side

MAX_TURNS = 6  # earlier questions that are read; older ones no longer steer a follow-up
MAX_CHARS = 300  # of an earlier question, and of a joined one
MAX_FOLLOW_UP = 80  # a longer question is a question of its own, not a follow-up

# (start, end, province, post) of each person a text names whom the documents place in one
# province; the post (省委书记, 市长 …) is "" when the documents give none of the leaders' posts
People = Callable[[str], list[tuple[int, int, str, str]]]


@dataclass(frozen=True)
class Resolution:
    question: str  # what to answer
    original: str
    rewritten: bool
    provinces: tuple[str, ...]  # a filter the follow-up asks for (只看北京的), else ()
    reason: str  # which rule fired
    pointing: str = ""  # 他, 那个会: what a first question points back at, when nothing names it


# --- places -------------------------------------------------------------------------

# written name -> (province, whether written in full such as 江苏省 or 南京市, whether a city)
_PLACES: dict[str, tuple[str, bool, bool]] = {}
for _short, _full in PROVINCES.items():
    _PLACES[_short] = (_short, False, False)
    _PLACES[_full] = (_short, True, False)
for _city, _prov in CITIES.items():
    _PLACES.setdefault(_city, (_prov, False, True))
    _PLACES.setdefault(_city + "市", (_prov, True, True))
_PLACE = re.compile("|".join(map(re.escape, sorted(_PLACES, key=len, reverse=True))))
_JOIN = re.compile(r"\s*(?:和|与|及|以及|跟|同|、|/)\s*")


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    name: str  # as written
    province: str
    full: bool
    city: bool

    @property
    def short(self) -> str:
        """广东 for 广东省, 南京 for 南京市."""
        if not self.city:
            return self.province
        return self.name.removesuffix("市") if self.full else self.name


def _places(text: str) -> list[_Place]:
    return [_Place(m.start(), m.end(), m.group(), *_PLACES[m.group()]) for m in _PLACE.finditer(text)]


def _runs(text: str, places: list[_Place]) -> list[list[_Place]]:
    """Places listed together (广东和江苏、浙江) form one run."""
    runs: list[list[_Place]] = []
    for p in places:
        if runs and _JOIN.fullmatch(text[runs[-1][-1].end : p.start]):
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _full(short: str) -> str:
    prov, _, city = _PLACES[short]
    return short + "市" if city else PROVINCES[prov]


def _written(short: str, like: _Place) -> str:
    """`short` written the way `like` was: 广东 for 江苏省 becomes 广东省, 南京 becomes 南京市."""
    return _full(short) if like.full else short


# --- words of the genre -------------------------------------------------------------

_END = "？?。.！!…~～"
_INTERROGATIVE = re.compile(r"什么|哪|谁|多少|几|怎|如何|吗|是否|有无|有没有|何|呢")
# "哪个省…", "哪位省委书记…": the question asks for the place and needs none
_ASKS_PLACE = re.compile(
    r"哪(?:些|[一二三四五六七八九十两几]*个|几|一)?(?:省份|省市|直辖市|城市|地方|地区|省|市|地)(?!领导|委|长|政府|直|级)|"  # (哪些省领导: people)
    r"哪位(?=(?:省委|市委|地方|省|市)?(?:书记|省长|市长|主官|领导))|各地|各省市|各省|多地|多省"
)
_MEETING = re.compile(
    r"[^\s的在于由是上对把被将从向为，,。？?！!、；;：:（）()]{0,30}?"
    r"(?:推进会议|工作会议|动员大会|大会|会议|推进会|座谈会|动员会|调度会|工作会|全会|第一会|论坛|发布会)"
)
_GENERIC_MEETING = re.compile(r"(?:新春)?第一会议?|两会|全会|大会|会议|经济工作会议|全体会议")
_MEETING_NOISE = re.compile(r"^(?:那场|这场|那次|这次|此次|本次|该|今年|\d{4}年)+")
# (without those that often open a word: 万, 和, 安, 文, 明, 时 … in a follow-up's free text)
_SURNAMES = "".join(sorted(SURNAMES - set("万乌于信傅全关华单古司向和商宁安师常应成文时明易景查甘申解边连阳")))
_TITLE = r"副?(?:书记|省长|市长|主席|主任|厅长|局长|部长|院长|秘书长)"
_AFTER_NAME = r"(?=提出|要求|强调|表示|指出|说|讲|在|发表|主持|部署|介绍|认为|希望|是|的|还|出席|代表|[，,、。？?]|$)"
_NOT_IN_NAME = set("省市长记委书主任部厅局会议区县")
_TITLED = re.compile(rf"{_TITLE}(?P<name>[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}?){_AFTER_NAME}")
# (黄坤明是什么职务: a name the question opens with, before what it asks of the person)
_BARE_NAME = re.compile(rf"^(?P<name>[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?=提出|要求|强调|表示|指出|发表|主持|部署|认为|希望|讲话|是什么|担任|任什么|的职务)")
_WHO = re.compile(r"^(?:请问)?(?P<x>[^，,。？?\s]{2,20}?)(?:是谁|为谁|是哪位)[？?]?$")
_CHAIRED = re.compile(r"由?谁主持")
_QUOTED = re.compile(r"“[^”]{1,20}”|「[^」]{1,20}」|\"[^\"]{1,20}\"")


def _person_names(text: str) -> list[re.Match]:
    return [m for m in _TITLED.finditer(text) if not _NOT_IN_NAME & set(m.group("name"))]


def _meetings(text: str, places: list[_Place]) -> list[tuple[int, int, str]]:
    """(start, end, name) of the meetings a question names: the span after any place, the name
    without 全省, 那场, 今年 and unpaired quotes."""
    masked = text
    for p in places:  # a place is no part of a meeting's name
        masked = masked[: p.start] + "，" * (p.end - p.start) + masked[p.end :]
    found = []
    for m in _MEETING.finditer(masked):
        # (省里还专门开过新闻发布会: the name starts after the verb that held it)
        name = _MEETING_NOISE.sub("", re.sub(r"^(?:全省|全市)", "", re.sub(r"^.*(?:开过|开了|召开了?|举行了?|举办了?)", "", m.group())))
        if name.count("“") != name.count("”"):  # cut off at 的: 召开的“新春第一会
            name = re.sub(r"[“”]", "", name)
        if name and not re.search(r"什么|哪|何|几|多少", name):
            found.append((m.start(), m.end(), name))
    return found


def _only_generic(s: _Subject) -> bool:
    """会议在哪里设主会场？ names a meeting by no name and no place: it names none."""
    return bool(s.meeting) and not s.place and _generic(s.meeting)


def _generic(meeting: str) -> bool:
    return bool(_GENERIC_MEETING.fullmatch(re.sub(r"全省|全市|春节后|[“”\"「」]", "", meeting)))


# --- the subject of a resolved question -----------------------------------------------


@dataclass(frozen=True)
class _Subject:
    place: str  # 江苏, 广东和江苏, 深圳; "" when none
    meeting: str  # 江苏新春第一会; "" when none
    person: str  # 广东省科技厅厅长王月琴, 江苏新春第一会的主持人; "" when none
    term: str  # 浙江“三支队伍”; "" when none


_HOST = "的主持人"  # who presided, asked of a meeting: a role, not yet a name


# the asking words after a meeting's name, in its own clause
_ASKED_AFTER = re.compile(r"[^，,。；;？?]*?(?:吗|什么|哪|谁|多少|几|如何|怎么)")


def _asked_meeting(text: str, meetings: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The meeting a question is about: the first it names, or of two or more, the one its
    asking clause names (…推进会开完以后，还开过新闻发布会吗？)."""
    if len(meetings) > 1 and _ASKED_AFTER.match(text, meetings[-1][1]):
        return meetings[-1]
    return meetings[0] if meetings else None


def _subject(text: str) -> _Subject:
    places = _places(text)
    runs = _runs(text, places)
    place = "和".join(dict.fromkeys(p.short for p in runs[0])) if runs else ""
    meetings = _meetings(text, places)
    asked = _asked_meeting(text, meetings)
    meeting = place + asked[2] if asked else ""
    person = ""
    names = _person_names(text)
    if names:
        m = names[0]
        title_start = m.start()
        before = [p for p in places if p.end <= title_start and re.fullmatch(r"[^的，,、。？?在上由和与是]{0,10}", text[p.end : title_start])]
        person = text[before[-1].start if before else title_start : m.end()]
    elif (bare := _BARE_NAME.match(text)) and not _PLACE.match(text):
        person = bare.group("name")
    elif (who := _WHO.match(text)) and not _INTERROGATIVE.search(who.group("x")) and not who.group("x").endswith(("上", "中", "里")):
        person = who.group("x")
    elif _CHAIRED.search(text) and (meeting or place):
        person = (meeting or place + "会议") + _HOST
    quoted = [q for q in _QUOTED.findall(text) if not _generic(q)]
    term = place + quoted[-1] if quoted else ""
    return _Subject(place, meeting, person, term)


# --- rules ----------------------------------------------------------------------------

_FILL = (
    r"那么|那|如果是|如果|要是|假如|换成|换作|换到|换为|改成|改为|改问|换|改|再问|问问|问|再看看|看看|再看|看|再说说|说说|"
    r"的|呢|怎么样|怎样|如何|又|也|是|有吗|有没有|什么情况|情况|那边|这边|方面|的话|一次|一遍|一下|吧|咋样|样|啊|呀|省|市|地区|[\s，,。？?！!…~～]"
)
_NARROW_WORD = r"只限于|只限|只看|只说|只要|只查|只谈|只问|只关心|只关注|仅限于|仅限|仅看|仅说|仅要|限定为|限定|限于|就看|单看|光看|就说|只|仅"
_NARROW_FILL = r"部分|内容|资料|报道|结果|答案|相关|就行|就好|即可|一下"
_SWAP = re.compile(rf"(?:\0|{_JOIN.pattern}|{_FILL})+")
_NARROW = re.compile(rf"(?:\0|{_JOIN.pattern}|{_FILL}|{_NARROW_WORD}|{_NARROW_FILL})+")
_MORE = re.compile(
    r"(?:那)?(?:还有(?:吗|呢|别的吗|其他的吗)?|具体(?:点|些|一点)?(?:说说|讲讲)?(?:呢|吧)?|详细(?:点|些|一点)?(?:说说|讲讲)?|"
    r"展开(?:说说|讲讲)?|继续|接着说|多说(?:一点|点)|再详细(?:点|些|一点)?)[。？?！!…]*"
)
# a reference back, by kind; the first kind found decides
_ORDINAL = re.compile(
    r"^(?:那么|那|其中|关于|请问)?(?:第[一二三四五六七八九十\d]+(?:点|条|项|个|位|名|方面|部分|类|大|支)|最后一(?:点|条|项|个|位|名)|头一(?:个|位|名)|其[一二三四五])"
)
# refers to several things, or to words of the previous question or its answer: the two are joined
_JOINED = re.compile(r"它们|他们|她们|这些|那些|其中|两者|二者|前者|后者|这一?点|这个说法|这句话|这一?提法")
_PERSON = re.compile(r"(?<![其吉])[他她]|(?:这|那|该|此)位(?:领导|书记|省长|市长|厅长|局长|主任|同志|负责人|企业家)?|此人")
# (那天的会: the meeting of the day talked about)
_MEETING_REF = re.compile(r"(?:(?:这|那|该|此|本)(?:个|次|场|一)?|(?:这|那|当)一?天的?)(?P<noun>大会|会议|会)|^(?:在)?(?P<at>大会|会议|会)(?=上)")
# 该省委书记: the place's full name, 广东省委书记
_PLACE_REF = re.compile(r"(?:这|那|该|此|本)(?:个)?(?:省份|省|市|城市|地方|地区)(?!场)(?P<org>(?=委|政府|长|人大|政协))?|当地")
_IT = re.compile(r"(?<!其)它|^其(?![他它余实中])")
_THIS = re.compile(r"(?:这|那)(?:个|项|次|份|条|种|件)|(?<![应])该|上述|此(?:项|次)")
_ABOUT_MEETING = re.compile(r"主持|召开|举行|开的|参加|参会|出席|与会|主会场|分会场|会场|哪一?天|日期|时间|地点|规模|形式|名义|主题|讲话|讲的话|讲了话|发言|"
                            r"上午还是下午|下午还是上午|名称|会名|全称|" + MEETING_NAME_ASKED)
_ELLIPTIC = re.compile(
    r"(?:那么|那|请问|还|又|另外|此外|都|具体|主要|分别|一共|总共|共|大概|是|由|在|的|了|有|和|与|被|"
    r"主持人|主持|主会场|分会场|会场|设在|设|地点|召开|举行|开的|开了|开|时间|日期|哪一天|哪天|几号|几月几日|什么时候|何时|哪里|哪儿|在哪|何地|"
    r"哪(?:个|座|一个)(?:城市|市)|"
    r"参加|参会|出席|与会|多少人|人数|规模|多少|几|以|形式|名义|方式|主题|讲话|(?:作|做)了?|交流|表态|书面|发言|致辞|谁|哪位|哪些人|省领导|市领导|领导|人|单位|企业|部门|内容|重点|"
    r"提出|提到|说|讲|要求|部署|强调|指出|会议|大会|会名|名称|名字|全称|叫|会|什么|哪些|哪几[点条项]|几[点条项]|方面|吗|呢|[\s，,。？?！!]|"
    # 是2月18日开的吗？ 是线上开的吗？: the value a yes-or-no question offers
    r"(?:\d{1,2}月)?\d{1,2}[日号]|上午|下午|还是|线上|视频|同一天|话|"
    # 具体是哪天、什么时段？ 按农历算是正月哪一天？ 什么职务、叫什么名字？: the parts of one ask
    r"、|(?:这|那|当)一?天|时段|时间段|按(?:农历|阴历|公历)算?|农历|阴历|正月里?|职务|身份|什么地方|哪个(?:会场|地方))+"
)
_SHORT_OF_THE_BULLETIN = 20
# 还有哪个地方的会也是这天开的？ after 北京的会是哪天开的？: the day its answer gave
_THAT_DAY = re.compile(r"(?:这|那|当|同)一?天|同日|当日")
# 会在哪个城市开的？: the city of the meeting talked about, not which place held one
_VENUE_ASKED = re.compile(r"^(?:那|那么)?(?:会议?|大会)?(?:是)?在?哪(?:个|座|一个)(?:城市|市)(?:召开|举行|举办|开)的?(?:呢)?[？?]?$")
# 会议强调了哪几点？: what was said at the meeting talked about
_SAID_AT_IT = re.compile(r"(?:会议|大会|会上)(?:还|又|主要)?(?:强调|指出|要求|部署|提出)")
_NOUN_FIRST = re.compile(r"会议|大会|主持人|主会场|分会场|会场|地点|时间|日期|人数|规模|形式|名义|方式|主题|内容|重点|领导")
_PREDICATE_FIRST = re.compile(r"(?:是|在|由)")
_GO_ON = re.compile(r"^(?:那么|那)?(?:还|又|另外|此外)")
_LEAD = re.compile(r"^(?:那么|那|请问|还有)")


def _as_question(text: str) -> str:
    """一句话 that lost its question word (哪些省份… -> 北京…) asks 吗."""
    body = text.rstrip(_END)
    return text if _INTERROGATIVE.search(body) else body + "吗？"


def _add(prev: str, names: list[str]) -> str:
    """Name places in a question that named none: in place of 哪些省份, else in front."""
    joined = "和".join(names)
    m = _ASKS_PLACE.search(prev)
    if m:
        return _as_question(prev[: m.start()] + joined + prev[m.end() :])
    prev = re.sub(r"^请问", "", prev)
    if bare := _BARE_NAME.match(prev):  # 王月琴提出的… -> 江苏提出的…: she is not of the new place
        return joined + prev[bare.end() :]
    return joined + prev


def _generalise(text: str) -> str:
    """After a change of place, the old place's meeting name and people are not the new one's:
    广东高质量发展大会 -> 江苏大会, 安徽省委书记韩俊 -> 江苏省委书记."""
    for start, end, name in reversed(_meetings(text, _places(text))):
        if not _generic(name):
            text = text[:start] + ("大会" if name.endswith("大会") else "会议") + text[end:]
    for m in reversed(_person_names(text)):
        text = text[: m.start("name")] + text[m.end("name") :]
    return text


# 比河北多吗？ 跟河北比呢？ after 辽宁参会人数多少？: the same asked of both places, side by side
_COMPARED = re.compile(r"(?:那|那么)?(?:比|和|跟|与|同)\0(?:相比|比|比较)?(?:呢|怎么样|如何|(?:的话)?(?:更|还)?[多少高低大小早晚快慢](?:一些|些|吗|呢|不|么)*)[？?。]?")


def _beside(prev: str, places: list[_Place]) -> str:
    """辽宁参会人数多少？ + 比河北多吗？ -> 辽宁和河北参会人数多少？ (a comparison of the two)."""
    old = _places(prev)
    if len({p.province for p in old}) != 1:
        return ""
    new = "和".join(dict.fromkeys(p.name for p in places if p.province != old[0].province))
    return prev[: old[0].end] + "和" + new + prev[old[0].end :] if new else ""


# 上海的呢？两边主持人职务一样吗？ after 北京的会是谁主持的？: the previous question of both
# places, and the comparison asked after it
_OTHER_THEN_COMPARED = re.compile(r"(?P<other>[^？?，,。\s]{1,24}?呢)[？?，,。\s]*"
                                  r"(?P<ask>[^？?]*(?:两边|哪边|两者|两地|两省|两家|一样|相同|不同|区别|差别|差异|比比|比一比|对比|相比|比较|哪个|谁)[^？?]*[？?]?)")


def _other_then_compared(q: str, prev: str, place: str) -> str:
    m = _OTHER_THEN_COMPARED.fullmatch(q)
    if not _places(prev) and place:
        prev = place + prev  # (推进会上有哪些单位交流发言？ after 甘肃那个会…？: 甘肃's)
    places = _places(m.group("other")) if m else []
    if not places or _INTERROGATIVE.search(m.group("other")[:-1]):
        return ""
    both = _beside(prev, places)
    return both.rstrip("？?。") + "，" + m.group("ask") if both else ""


def _other_meeting(q: str, prev: str, places: list[_Place]) -> str:
    """北京那个首都经济社会高质量发展推进大会呢？ after 辽宁的攻坚动员大会是哪天开的？: the previous
    question of that meeting (its place and name in place of the other's)."""
    found = _meetings(q, places)
    if len(places) != 1 or len(found) != 1:
        return ""
    start, end, _ = found[0]
    if not re.fullmatch(r"(?:那|那么)?[的]?", q[: places[0].start] + q[places[0].end : start]) or not re.fullmatch(r"呢[？?。]?", q[end:]):
        return ""
    old = _places(prev)
    then = _meetings(prev, old)
    if len(old) != 1 or len(then) != 1 or then[0][0] < old[0].end:
        return ""
    return prev[: old[0].start] + q[places[0].start : end] + prev[then[0][1] :]


def _compared_within(q: str) -> str:
    """辽宁参会人数多少，比河北多吗？ -> 辽宁和河北参会人数多少？: the comparison a follow-up
    makes (_beside), asked in the same turn after a comma."""
    head, sep, tail = max(q.rpartition("，"), q.rpartition(","), key=lambda parts: len(parts[0]))
    places = _places(tail) if sep else []
    if not places or not _COMPARED.fullmatch(_PLACE.sub("\0", tail)):
        return ""
    return _beside(head + "？", places)


def _without_others(text: str, names: list[str], people: People | None) -> str:
    """The question for `names` with the people of other places it names put as their posts
    (黄坤明 -> 省委书记; 市委书记 for 北京), or left out when the post is not known."""
    keep = {_PLACES[n][0] for n in names}
    kinds = {PROVINCES[p][-1] for p in keep}  # 省 or 市 (a 自治区's posts are named otherwise)
    lead = next(iter(kinds)) if len(kinds) == 1 and kinds <= {"省", "市"} else ""
    for start, end, province, post in reversed(people(text) if people else []):
        if province not in keep:
            text = text[:start] + (lead + post[1:] if post and lead else "") + text[end:]
    return text


def _swap(prev: str, names: list[str], people: People | None = None) -> str:
    """The previous question about other places: 广东…？ + 那江苏呢 -> 江苏…？"""
    return _without_others(_swapped(prev, names), names, people)


def _swapped(prev: str, names: list[str]) -> str:
    old = _places(prev)
    if not old:
        return _add(prev, names)
    olds = list(dict.fromkeys(p.province for p in old))
    news = [_PLACES[n][0] for n in names]
    first = next((p for p in old if p.province == news[0] and not p.city), None)
    if len(names) == 1 and _PLACES[names[0]][2] and first is not None:
        # a city of the province already asked about narrows it: the province stays, the city follows it
        return prev[: first.end] + names[0] + prev[first.end :]
    mapping = dict(zip(olds, names)) if len(names) == len(olds) else {o: names[0] for o in olds} if len(names) == 1 else None
    out, pos = [], 0
    for i, run in enumerate(_runs(prev, old)):
        if mapping:
            written = [_written(mapping[p.province], p) for p in run]
        elif i == 0:
            written = [_written(n, run[0]) for n in names]
        else:  # more new places than old ones: later mentions keep only 省/市
            written = [run[0].name[len(run[0].short) :]]
        out += [prev[pos : run[0].start], "和".join(dict.fromkeys(written))]
        pos = run[-1].end
    text = "".join(out) + prev[pos:]
    return _generalise(text) if set(news) != set(olds) or {p.short for p in old} != set(names) else text


_COUNTED_ROLL = re.compile(r"(?P<lead>.+?)(?:一共|总共|共)?有?(?:(?:几|多少)[位个名家]|哪些|哪几[位个名家])(?P<who>[\u4e00-\u9fff]{1,6}?)(?P<verb>发言|讲话|出席|参会|汇报|参加)")


def _statement(prev: str) -> str:
    """What the previous question listed, when it asked for a list: …提出的“六个必须”是什么？ ->
    …提出的“六个必须”; …要重点抓实哪三方面工作？ -> …要重点抓实的三方面工作. Else ""."""
    if (earlier := re.match(r"(?P<said>.+)中，", prev)) and _ORDINAL.match(prev[earlier.end() :]):
        return earlier["said"]  # (第二个呢 after …中，第一个是谁: the same list)
    if counted := _COUNTED_ROLL.match(prev):
        # (…有几位企业家发言？, …有哪些企业家发言？ -> …发言的企业家: the roll asked for, or counted)
        return f"{counted['lead']}{counted['verb']}的{counted['who']}"
    m = _INTERROGATIVE.search(prev)
    if not m:
        return ""
    cut = re.sub(r"(?:具体|分别|主要|都|还|是|指|有|包括|包含|为|的|，|,)+$", "", prev[: m.start()])
    if cut.endswith(("”", "」")):  # a named list: “六个必须”
        return cut
    ask = re.match(r"哪((?:[一二三四五六七八九十两几\d]+|“)[^？?，,。]*)", prev[m.start() :])
    if not ask or len(cut) < 2 or cut[-1] in "在从向对于":
        return ""
    return cut + ("" if cut.endswith("的") else "的") + ask.group(1)


def _join(prev: str, question: str) -> str:
    joined = prev.rstrip(_END) + "，" + question
    return joined if len(joined) <= MAX_CHARS else ""


# 它们, 这些省, 这两个地方, 这几地: the provinces a which question's answer listed
# (这两个省委书记: the places of the posts)
_THOSE = r"(?:这些|那些|这[两几三四五六七八九十]个?|那[两几三四五六七八九十]个?)"
_THOSE_PLACES = re.compile(rf"(?:它们|{_THOSE}(?:省份|省市|省|地方|地区|地)(?![委长级])|[两几][省地](?![委长级]))(?:的|各自|分别)?|{_THOSE}(?=[省市](?:委|长))")


# 他是谁？ 那个会是谁主持的？ 第二个是谁？ 它们…: a first question that points back at
# what no earlier question named, and says nothing else that could tell what it means: its
# other words are only those a follow-up about a meeting asks with (是谁, 在哪开的, 主持人).
# (那个提出“地瓜经济”的会, 尹弘他们, 第一个工作日 say what they mean.)
_POINTING = (_THOSE_PLACES, _ORDINAL, re.compile(r"(?<![其吉])[他她](?!们)|(?:这|那|该|此)位(?:领导|书记|省长|市长|主任|企业家)?|此人"),
             _MEETING_REF, _PLACE_REF, _IT)
_POST_WORDS = re.compile(r"书记|省长|市长|主任|省委|市委|职务")


def _points_at_nothing(q: str) -> str:
    m = next((m for pattern in _POINTING if (m := pattern.search(q))), None)
    if m is None or _ASKS_PLACE.search(q):
        return ""
    rest = _POST_WORDS.sub("", q[: m.start()] + q[m.end() :])
    return re.sub(r"(?:的|各自|分别)$", "", m.group()) if not rest or _ELLIPTIC.fullmatch(rest) else ""


def _provinces_named(text: str) -> tuple[str, ...]:
    """The provinces a question names, when it names more than one."""
    named = tuple(dict.fromkeys(p.province for p in _places(text) if not p.city))
    return named if len(named) > 1 else ()


def _back_reference(q: str, prev: str, who: Callable[[str], str] | None = None,
                    which: Callable[[str], tuple[str, ...]] | None = None, anchor: str | None = None) -> tuple[str, str] | None:
    """(rewritten question, rule) for a question that points back at the previous one.
    `who` names the one person the previous question's answer names (他 after 谁主持的？);
    `which`, the provinces it lists (它们 after 哪些省…？)."""
    # (它们 after 广东、吉林的会各在哪开的？: the provinces the previous question names)
    if (m := _THOSE_PLACES.search(q)) and (listed := (which(prev) if which else ()) or _provinces_named(prev)):
        joined = "、".join(listed) + ("的" if m.group().endswith("的") or q[m.end() : m.end() + 1] in ("省", "市") else "")
        return q[: m.start()] + joined + q[m.end() :], "the provinces listed"
    if _ORDINAL.search(q):
        said = _statement(prev)
        return (said + "中，" + q, "ordinal") if said else (_join(prev, q), "ordinal, joined")
    if _JOINED.search(q):
        return _join(prev, q), "joined"
    s = _subject(prev)
    found = next(((kind, m) for kind, pattern in (("person", _PERSON), ("meeting", _MEETING_REF), ("place", _PLACE_REF), ("it", _IT),
                                                   ("this", _THIS)) if (m := pattern.search(q))), None)
    if found is None:
        return None
    kind, m = found
    if kind != "person" and anchor and not s.place and (not s.meeting or _only_generic(s)):
        s = _subject(anchor)  # (那个目标 after 会上哪些地方汇报了工作？, which names no place, is 吉林's)
    if _SWAP.fullmatch(q[: m.start()] + q[m.end() :]):
        # 那次会议呢？ 他呢？: what the previous question asked, of what it was about
        return prev, kind + ", same question"
    if kind == "person":
        # (谁主持的？ names a role; the answer names who held it)
        phrase = (who(prev) if who and (not s.person or s.person.endswith(_HOST)) else "") or s.person
    elif kind == "meeting":
        phrase = s.meeting or (s.place + "的" + (m.group("noun") or m.group("at")) if s.place else "")
    elif kind == "it":
        phrase = (s.meeting or s.place) if _ABOUT_MEETING.search(q) else (s.term or s.meeting or s.place)
        phrase += "的" if phrase and m.group() == "其" else ""
    elif kind == "place" and m.group("org") is not None and s.place in _PLACES:
        phrase = _full(s.place)
    else:
        phrase = s.place + ("的" if kind == "this" and s.place else "")
    if not phrase:
        return _join(prev, q), kind + ", joined"
    return q[: m.start()] + phrase + q[m.end() :], kind


def _elliptic(q: str, prev: str) -> str:
    """主持人是谁？ 在哪里召开的？ after a question about a meeting: that meeting's."""
    if len(q) > 20 or not _ELLIPTIC.fullmatch(q) or not (_ABOUT_MEETING.search(q) or _GO_ON.match(q) or _SAID_AT_IT.match(q)):
        return ""
    s = _subject(prev)
    subject = s.place if _only_generic(s) else s.meeting or s.place
    if not subject:
        return ""
    q = _LEAD.sub("", q)
    if _SAID_AT_IT.match(q) and (lead := re.match(r"会议|大会", q)) and re.search(r"会议?$", subject):
        return subject + q[lead.end() :]  # 会议强调了什么 after 天津会议…: 天津会议强调了什么
    if not s.meeting and _PREDICATE_FIRST.match(q):
        return f"{subject}的会{q}"  # 是2月18日开的吗 after 北京的会…: 北京的会, not 北京, was held
    return subject + ("的" if _NOUN_FIRST.match(q) else "") + q


# 年度计划完成投资呢？ after 江西开工的项目总投资是多少？: the same ask, of another thing
_ANOTHER_THING = re.compile(r"(?:那么|那)?(?P<thing>[\u4e00-\u9fff“”]{2,14}?)呢[？?]?")
_ASK_TAIL = re.compile(r"(?:是|有|为|在)?(?:多少|几[个项家年位天]?|谁|哪[里天些个位年儿]?|什么时候|什么|怎样|如何)[\u4e00-\u9fff]{0,4}[？?]?$")
_ASKING = re.compile(r"多少|几|谁|哪|什么|怎|如何|吗")


# the thing a which-question asks about, after its verb: 哪些省提到了|新质生产力
_THING_AFTER_ASK = re.compile(r"(?P<head>.*?哪(?:些|几个)[^，,？?]{0,6}?(?:提到|提出|强调|谈到|部署|聚焦)了?)(?P<obj>[^？?，,]{2,})[？?]?")
_COUNT_ASKED = re.compile(r"多少|几[个项家位名所座条]")
_OTHER_PLACES = re.compile(r"其他|其它|别的|其余|省份|省市|地方|地区|城市")


def _same_ask(q: str, prev: str) -> str:
    """年度计划完成投资呢？: the previous question asked again, of this thing."""
    m = _ANOTHER_THING.fullmatch(q)
    # (其他省份呢？ asks which other places, no thing of the one asked about)
    if not m or _ASKING.search(thing := m.group("thing")) or thing.endswith("的") or _OTHER_PLACES.search(thing):
        return ""
    if after := _THING_AFTER_ASK.fullmatch(prev):
        return after.group("head") + thing + "？"
    if asks_mention(prev) and (named := whether_side(prev)[0]) and named in prev:
        return prev.replace(named, thing, 1)  # (低空经济呢？ after 浙江有没有提到新质生产力？)
    tail, place = _ASK_TAIL.search(prev), _subject(prev).place
    if not place:
        return ""
    # (江苏有多少家科技型中小企业 — 科创板上市公司呢: a count asked, of another thing)
    ask = tail.group() if tail else "是多少？" if _COUNT_ASKED.search(prev) else ""
    if ask and any(unit != "时长" and noun.search(thing) for unit, noun in UNIT_NOUNS) and re.search(r"[个项家位名所座条]", ask):
        ask = "是多少？"  # 总投资呢？ after …签约项目多少个？: a sum or a share, not a count in 个
    year = _YEAR.search(prev)  # (of the year asked before: 河南2025年…)
    # (年度投资呢 after 河北发布会上雄安新区安排了多少重点项目: a place inside the one asked about, and
    # what stands between them, still says whose)
    places = _places(prev)
    inner = [p for p in places[1:] if p.province == places[0].province and p.city]
    if inner and len(_runs(prev, places)) == len(places) and not _ASKING.search(prev[places[0].start : inner[-1].end]):
        end = inner[-1].end + len(_AREA.match(prev, inner[-1].end).group())
        place = prev[places[0].start : end]
    return (year.group() if year and not _YEAR.search(thing) else "") + place + thing + ask if ask else ""


_AREA = re.compile(r"(?:新区|开发区|高新区|经开区|示范区|自贸区|市|县|区|州)?")


# 增长多少？ after 山东地区生产总值是多少？: a change names no thing of its own; it is the figure's
_CHANGE_ONLY = re.compile(r"(?:那|那么)?(?:同比|比上年|较上年|比去年)?(?:增长|增加|提高|下降|减少|增速|增幅|上涨|下滑)了?"
                          r"(?:是|有|为|达到?)?(?:多少|几)(?:个百分点)?(?:呢)?[？?]?")


# 占GDP多少？ after 江苏研发投入多少？: a share, too, is the figure's (研发投入占GDP多少)
_SHARE_ONLY = re.compile(r"(?:那|那么)?(?:占(?![地用])[^，,。？?\s]{0,8}?(?:多少|几成|比重|比例)|占比|比重|比例)(?:是|有|为)?(?:多少|几成)?(?:呢)?[？?]?")


# 比上年呢？: the change from the year named, of the figure just asked
_AGAINST_ONLY = re.compile(r"(?:那|那么)?(?:同比|比上年|较上年|比去年|跟去年比|和去年比|与上年相比)(?:呢)?[？?]?")


def _change_of_figure(q: str, prev: str) -> str:
    against = _AGAINST_ONLY.fullmatch(q)
    tail = _ASK_TAIL.search(prev) if (_CHANGE_ONLY.fullmatch(q) or _SHARE_ONLY.fullmatch(q) or against) and _COUNT_ASKED.search(prev) else None
    thing = prev[: tail.start()] if tail else ""
    if against:
        q = re.sub(r"^(?:那么|那)|呢?[？?]?$", "", q) + "增长多少"
    return thing + q if _subject(thing).place else ""


# 2024年呢？ after 2025年广东的会议是谁主持的？: the previous question, of that year
_OTHER_YEAR = re.compile(r"(?:那|那么)?(?P<year>(?:19|20)\d{2}年)(?:的)?(?:呢|的呢)?[？?]?")
_YEAR = re.compile(r"(?:19|20)\d{2}年")


def _with_year(prev: str, year: str) -> str:
    """The previous question with its year (or years) replaced by `year`, or with `year` put first."""
    if _YEAR.search(prev):
        return _YEAR.sub(year, prev)
    return year + re.sub(r"^请问", "", prev)


# 有几家？ after 谁作了交流发言？, 有几个？ after 哪些省提到了…？: how many of what was listed
_COUNT_ONLY = re.compile(r"(?:那|那么)?(?:一共|总共|共)?有?(?P<ask>几|多少)(?P<unit>[个家位名项人条所座场次])?(?:呢)?[？?。]?")
_LIST_ASKED = re.compile(r"(?<![是为])谁|哪(?:些|几个?)")


# 都是谁？ after 有几位企业家发言？: those the count counted
_LIST_ONLY = re.compile(r"(?:那|那么)?(?:都|分别|具体)?(?:是|有)?(?:谁|哪些|哪几[位家个])(?:呢)?[？?。]?")
_COUNT_ASKED_IN = re.compile(r"有?(?:几|多少)(?=[个家位名项人条所座场])")


def _list_of_count(q: str, prev: str) -> str:
    ask = _COUNT_ASKED_IN.search(prev) if _LIST_ONLY.fullmatch(q) else None
    if not ask:
        return ""
    return prev[: ask.start()] + "有哪些" + prev[ask.end() + 1 :]  # (几家单位 → 哪些单位: the measure word goes)


def _count_of_list(q: str, prev: str) -> str:
    m, ask = _COUNT_ONLY.fullmatch(q), _LIST_ASKED.search(prev)
    if not m or not ask:
        return ""
    unit = m.group("unit") or ("位" if ask.group() == "谁" else "个")
    before = prev[: ask.start()]
    # (福建有哪些省领导出席 → 福建有几位…: the 有 may already be there)
    return before + ("" if before.endswith("有") else "有") + m.group("ask") + unit + prev[ask.end() :]


# 省长提了什么要求？ after 云南的会是谁主持的？: the post of the place talked about
_POSTS = r"副?(?:省委书记|省长|市委书记|市长|书记)"
_POST_FIRST = re.compile(rf"^(?:那么|那|请问)?(?={_POSTS})")
_POST_ALONE = re.compile(rf"(?P<post>{_POSTS})(?:呢|的呢)?[？?]?")
_POST_IN = re.compile(_POSTS)


def _post_of_place(q: str, prev: str) -> str:
    m = _POST_FIRST.match(q)
    place = _subject(prev).place if m else ""
    # 省长呢？ after 贵州的省委书记是谁？: the previous question, of this post
    if place and (alone := _POST_ALONE.fullmatch(q[m.end() :])) and (asked := _POST_IN.search(prev)):
        return prev[: asked.start()] + alone.group("post") + prev[asked.end() :]
    return place + q[m.end() :] if place else ""



def _resolve_one(q: str, prev: str | None, anchor: str | None = None, who: Callable[[str], str] | None = None,
                 which: Callable[[str], tuple[str, ...]] | None = None,
                 when: Callable[[str], str] | None = None, place: str = "", people: People | None = None) -> tuple[str, tuple[str, ...], str]:
    """(question to answer, province filter, rule) for one turn, given the previous turn
    resolved, `anchor`, the last earlier turn that named a place or a meeting (有几家？
    between them names neither), and `place`, the one place the last turn to name any named."""
    if said := _compared_within(q):
        return said, (), "compared within the question"
    if not prev:
        return q, (), "first question"
    if len(q) > MAX_FOLLOW_UP:
        return q, (), "long question"
    places = _places(q)
    masked = _PLACE.sub("\0", q)
    if places and _NARROW.fullmatch(masked) and re.search(_NARROW_WORD, _PLACE.sub("", q)):
        names = list(dict.fromkeys(p.short for p in places))
        return _swap(prev, names, people), tuple(dict.fromkeys(p.province for p in places)), "narrow"
    if places and _SWAP.fullmatch(masked):
        return _swap(prev, list(dict.fromkeys(p.short for p in places)), people), (), "other place"
    if places and (said := _other_meeting(q, prev, places)):
        return said, (), "other meeting"
    if places and _COMPARED.fullmatch(masked) and (said := _beside(prev, places)):
        return said, (), "compared with another place"
    if places and (said := _other_then_compared(q, prev, place)):
        return said, (), "other place, then compared"
    if (year := _OTHER_YEAR.fullmatch(q)) and (said := _with_year(prev, year.group("year"))):
        return said, (), "other year"
    if _MORE.fullmatch(q):
        return prev, (), "more"
    if places and asks_mention(q) and not whether_side(q)[0] and asks_mention(prev) and whether_side(prev)[0]:
        # 广东讲没讲？ after 江苏有没有提到低空经济？: whether that place names the same thing
        return _swap(prev, list(dict.fromkeys(p.short for p in places)), people), (), "other place, same thing"
    if places:
        return q, (), "names its own place"
    if (local := _local_places_asked(q, prev)):
        return local, (), "places inside the place"
    if when and (day := _THAT_DAY.search(q)) and (date := when(prev)):
        return q[: day.start()] + date + q[day.end() :], (), "the day answered"
    if (asks := _ASKS_PLACE.search(q)) and not _VENUE_ASKED.search(q) and not (asks.group() == "哪位" and _MEETING_REF.search(q)):
        # (那天的会由哪位领导主持？ asks a person of one meeting, not which place's leader)
        return q, (), "asks which place"
    found = _back_reference(q, prev, who, which, anchor)
    if found and found[0]:
        return found[0], (), found[1]
    if found:
        return q, (), found[1] + " (too long)"
    if said := _count_of_list(q, prev):
        return said, (), "count of the list"
    if said := _list_of_count(q, prev):
        return said, (), "list of the count"
    if said := _post_of_place(q, prev) or anchor and _post_of_place(q, anchor):
        return said, (), "post of the place"
    if said := _elliptic(q, prev) or anchor and _elliptic(q, anchor):
        return said, (), "elliptic"
    if said := _change_of_figure(q, prev):
        return said, (), "change of the figure"
    if said := _same_ask(q, prev):
        return said, (), "same ask"
    if said := _asked_again(q, prev):
        return said, (), "asks again"
    if (issue := THE_BULLETIN.search(prev)) and len(q) <= _SHORT_OF_THE_BULLETIN and not THE_BULLETIN.search(q):
        return issue.group() + q, (), "of the bulletin"  # 是哪天印发的？ after 这期《今日科技快讯》是哪个单位编的？
    return q, (), "complete"


# 还有别的地方也提吗？ 一共有哪几家？: asked of the other reports, not of the place talked about
_ELSEWHERE = re.compile(r"(?:别的|其他|其它|其余|另外的?)(?:地方|省份|省市|省|市|地区|报道|会议|家)|哪(?:几|些)家(?=[提说讲写]|[？?]?$)|还有哪|都有哪")


def _with_place_of_people(text: str, people: People | None) -> str:
    """许勤出席了什么会议？ names no place, but its one person's: a follow-up after it that
    needs a place is asked of that one, as if it were named (黑龙江许勤出席了什么会议？)."""
    found = {province for _, _, province, _ in (people(text) if people and not _places(text) else [])}
    return found.pop() + text if len(found) == 1 else text


def _one_place(text: str, place: str) -> str:
    """The one province `text` names; "" when it names several; `place` when it names none."""
    named = list(dict.fromkeys(p.province for p in _places(text)))
    return (named[0] if len(named) == 1 else "") if named else place


# 怎么看的？ 为什么？ 具体怎么做: the asking, and the particles around it
_ASKING_PARTS = re.compile(r"怎么样?|怎样|如何|为什么|为何|什么|咋|多少|几|哪些|哪里|哪儿|谁|吗|[的了呢啊是有都要又那么具体到底？?。！!，,\s]")
_SHORT = 12  # characters: a longer question that names no place is a question of its own


# (发布了什么？ after 上海的营商环境大会是第几届？: what was done at that place's meeting)
_ASKS_OF_THING = re.compile(r"多少|(?<!哪)几|哪(?:一|个|年|天)|什么时候|何时|了(?:什么|哪些)")

# 会上哪些市发言了？ after 河南的会在哪开的？: the cities or counties inside the place asked about,
# not which provinces (哪些省, 哪些地方 still ask those)
_LOCAL_ASKED = re.compile(r"哪(?:些|几个)(?:市|城市|地市|市州|县|区|市县)(?![委长级])")


def _local_places_asked(q: str, prev: str) -> str:
    if not _LOCAL_ASKED.search(q) or _ASKS_PLACE.sub("", _LOCAL_ASKED.sub("", q)) != _LOCAL_ASKED.sub("", q):
        return ""
    place = _subject(prev).place
    return place + q if place and len(_places(place)) == 1 else ""


def _asked_again(q: str, prev: str) -> str:
    """怎么看的？ after 吉林的会有多少人观看？ asks more of it: the two asked together. 怎么开工的？
    after 江西开工了多少个项目？ asks of its place (江西怎么开工的？). A short question whose
    own words are only asking, or words the previous question said, leans on it;
    年度计划投资多少？ names something new, and asks it of the previous question's place."""
    # (有几位？ 都是谁？ ask of a list, and the rules for lists have passed them over)
    if len(q) > _SHORT or not _ASKING.search(q) or _COUNT_ONLY.fullmatch(q) or _LIST_ONLY.fullmatch(q):
        return ""
    # (a one-character verb, 看 or 做, names nothing new)
    words = [w for w in _ASKING_PARTS.split(q) if len(w) > 1]
    if not all(w in prev for w in words):
        # 年度计划投资多少？ after 陕西发布了多少个省级重点项目？, 连续几年了？ after 云南的会是哪天开的？:
        # a figure, a time or a choice of something new, of the same place
        place = _subject(prev).place if _ASKS_OF_THING.search(q) else ""
        year = "".join(dict.fromkeys(_YEAR.findall(prev))) if not _YEAR.search(q) else ""  # (and of the same year)
        return year + place + q if place else ""
    place = _subject(prev).place
    return place + q if words and place else _join(prev, q)


# 哪个多？ after 辽宁会多少人参加？ 吉林呢？: the same ask of the two places, compared
_WHICH_MORE = re.compile(r"(?:那|那么)?(?:哪个|哪一个|哪边|哪家|哪里|谁)(?:的)?(?:更|比较)?[多少大小高低早晚快慢长短](?:一些|些|点)?(?:呢)?[？?]?")


def _which_more(q: str, prev: str | None, before: str | None, people: People | None = None) -> str:
    if not (prev and before and _WHICH_MORE.fullmatch(q)):
        return ""
    now, then = _places(prev), _places(before)
    if len(now) != 1 or len(then) != 1 or now[0].province == then[0].province or _swap(before, [now[0].short], people) != prev:
        return ""
    p = now[0]
    return f"{prev[: p.start]}{then[0].short}和{p.short}{prev[p.end :].rstrip('？?')}，{q}"


def _clean(text) -> str:
    return "" if text is None else str(text).strip()


def resolve(question: str, history: Sequence[str], who: Callable[[str], str] | None = None,
            which: Callable[[str], tuple[str, ...]] | None = None, holds: Callable[[str, str], bool] | None = None,
            when: Callable[[str], str] | None = None, people: People | None = None) -> Resolution:
    """Read `question` in the light of `history` (the earlier questions, oldest first).
    The history holds questions only; `who`, when given, answers the previous one for the
    person 他 means if no earlier question names one (for this turn only), `which` for the
    provinces 它们 means, and `when` for the day 这天 means; `holds(place, question)` says
    whether a follow-up that names no place speaks of what that place's report writes."""
    original = "" if question is None else str(question)
    if isinstance(history, str):  # one earlier question, not a list of its characters
        history = [history]
    # blank entries are no turns; a few more raw entries than turns are read, for them
    recent = list(history[-4 * MAX_TURNS :] if isinstance(history, Sequence) else history or ())[-4 * MAX_TURNS :]
    turns = [t[:MAX_CHARS] for t in map(_clean, recent) if t][-MAX_TURNS:]
    prev: str | None = None
    before: str | None = None
    anchor: str | None = None
    place = ""  # the one place the last turn to name any named
    for turn in turns:
        # (它们 in an earlier turn may stand for the provinces listed before it)
        before, prev = prev, _resolve_one(turn, prev, anchor, which=which, place=place, people=people)[0]
        # (the turn as the rules for a place read it; 他 still reads the turn as written)
        placed = _with_place_of_people(prev, people)
        s = _subject(placed)
        anchor = placed if s.place or s.meeting and not _only_generic(s) else anchor
        place = _one_place(placed, place)
    q = _clean(original)
    if not q:
        return Resolution(original, original, False, (), "empty")
    if prev is None and (word := _points_at_nothing(q)):
        return Resolution(original, original, False, (), "points back at nothing", word)
    if said := _which_more(q, prev, before, people):
        return Resolution(said, original, True, (), "which of the two")
    text, provinces, reason = _resolve_one(q, prev, anchor, who, which, when, place, people)
    if reason == "complete" and holds and place and len(q) <= MAX_FOLLOW_UP and not _ELSEWHERE.search(q) and holds(place, q):
        text, reason = place + q, "of the place talked about"
    rewritten = text != q
    return Resolution(text if rewritten else original, original, rewritten, provinces, reason)
