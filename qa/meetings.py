"""What each report says about its own meeting: date, place or format, host, speakers, scale, theme.

Rules are written for the genre (the set phrases of provincial meeting reports:
"…出席会议并讲话", "…主持会议", "会议以视频形式召开，各市设分会场", "共4.8万人参加会议"),
applied to the sentences of one report section only. Every value is a verbatim
piece of the sentence(s) kept as its Evidence; a field the report does not state
stays empty. Appendices are not read: they are speech excerpts, press conferences
and forums, i.e. other events, and they are cited as their own sections.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .chunking import sentence_spans
from .gazetteer import province_of
from .layout import BRACKET, squeeze
from .schema import Document, Evidence, MeetingRecord, Section

MEETING_FIELDS = ("date", "format", "host", "speakers", "scale", "theme")
FIELD_LABELS = {"date": "日期", "format": "形式", "host": "主持", "speakers": "讲话", "scale": "规模", "theme": "主题"}
PART_SEP = "；"  # joins the verbatim parts of `format`

# --- people: a title chain and a name ("省委副书记、省长王伟中") ---------------------------------
_TITLE = (r"(?:书记|省长|市长|县长|区长|州长|盟长|主席|主任|院长|部长|厅长|局长|常委|委员|秘书长|检察长"
          r"|董事长|总经理|会长|行长|校长|司长|处长|所长|组长|社长|总裁|专员)")
# a title's words: no function words ("会议由副省长…" is not a title)
_TITLE_WORDS = r"(?:(?![由在和与及等的了是对向为将把被从议并就])[一-龥（）]){0,24}"
_TITLE_ONLY = re.compile(rf"{_TITLE_WORDS}{_TITLE}")
_TITLED = re.compile(rf"(?P<title>{_TITLE_WORDS}{_TITLE})(?P<name>[一-龥·]{{2,4}})")
_BARE = re.compile(r"[一-龥]{2,4}")
_NOT_NAME = re.compile(r"[省市县区委会议的了着过在和与及等并向为就对从将把由被是]|同志|领导|代表|负责|人员|干部|部门|单位|企业")
# common surnames, for a name written without a title ("任珠峰主持")
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "信乌傅楼"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "宇文", "司徒", "夏侯")

# --- set phrases ---------------------------------------------------------------------------
# the verbs a report's lead holds a meeting with (2月18日，…在郑州召开)
HELD = re.compile(r"召开|举行|举办|开幕|召集")
_DATE = re.compile(
    r"(?:\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
    r"(?:(?:至|到|—|-)(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚间|早上|中午|晚)?(?![前后起至到以])"
)
_RELATIVE_DATE = re.compile(
    r"(?:农历)?(?:(?:龙|蛇|马|兔|虎)年)?(?:春节|新春|节后|新年|开年|大年)[^，。；]{0,8}?"
    r"(?:第一个工作日|首个工作日|第一天|首日)"
    r"|(?:农历)?(?:大年|正月)(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十)"
)
_MODE = re.compile(
    r"(?:以|采取|采用|通过)[“\"]?(?P<mode>[^，。；“”\"]{1,16}?)[”\"]?的?(?:形式|方式)"
    r"(?:召开|举行|举办|进行|开至|开到)"
)
_MODE_IN_NAME = re.compile(r"电视电话会议|视频会议|视频连线会议")
_BRANCH = re.compile(r"设(?:立|有)?分会场|分会场")
_LIVE = re.compile(r"(?:全程)?(?:网络|实况|现场|电视)直播")
_PLACE = re.compile(r"在(?P<place>[^，。；、\s“”]{2,12}?)(?P<verb>召开|举行|举办|设主会场|以)")
_VENUE_SUFFIX = re.compile(r"(?:省|市|县|区|州|会堂|会议中心|中心|宾馆|酒店|饭店|大厦|礼堂|广场|会场|剧院|体育馆|展览馆|现场)$")
_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:万|千|百)?(?:余|多)?"
_SCALE = re.compile(
    rf"(?:共|约|近|逾|超过|超|达|计)?{_NUM}(?:人次|人|名)[^，。；]{{0,12}}?(?:参加|出席|参会|与会|到会|观看|收看)了?(?:会议|大会|座谈会)?"
    rf"|(?:观看|收看|参会|与会|参加会议的?)人(?:次|数|员)(?:共|约|达|超过|逾|近|为)?{_NUM}(?:人次|人|名)?"
    rf"|(?:共|约|近|逾|超过)?{_NUM}(?:家|个)[^，。；]{{0,30}}?(?:应邀)?(?:参会|参加会议|出席会议|与会)"
    rf"|(?:共)?设(?:立)?{_NUM}个分会场|分会场{_NUM}个"
)
# events in the same report that are not the report's meeting; a noun in the report's own
# title ("…座谈会") is not another event
_OTHER_EVENT = re.compile(r"(?:分论坛|论坛|发布会|座谈会|研讨会|专题会|常务会议|常委会议|签约仪式|成果展|展览|调研)(?!上的|精神)")
_OTHER_EVENT_OPENING = re.compile(r"(?:会前|会后|此前|随后|次日|会议期间)")

_CLAUSE_END = "，。；：！？\n“”"
_HOST = re.compile(r"主持(?:召开|(?:本次)?(?:会议|大会|座谈会|会)?(?:并(?:发表)?讲话)?(?=[，。；、并]|$))")
_HOST_PASSIVE = re.compile(r"(?:会议|大会|座谈会)?由(?P<who>[^，。；]{2,40}?)主持")
_SPEECH = re.compile(
    r"(?:在(?:大会|会议|座谈会|会)上)?(?:(?:出席|主持)[^，。；]{0,40}?并(?:发表|作)?(?:重要|动员|总结|主旨)?讲话"
    r"|(?:发表|作)(?:重要|动员|总结|主旨)?讲话|致辞(?=[，。；]|$)|讲话(?=[，。；]|$))"
)
_PASSIVE_BY = re.compile(r"(?:会议|大会|座谈会)?由")
_REMARKS = re.compile(r"在(?:大会|会议|座谈会|会)上(?:强调|指出|表示)")
_OPENING_REMARKS = re.compile(r"(?:强调|指出)")  # only in the paragraph that opens the meeting
_THEME = re.compile(r"(?:召开|举行|举办)(?P<theme>.+?(?:会议|大会|会))(?=[，。；：]|$)")
# (…召开的全省高质量发展大会上, 出席全省科技创新大会并讲话: a meeting named inside a sentence)
_THEME_SAID = re.compile(r"(?:召开|举行|举办|出席)的?(?P<theme>[^，。；：、“”]{2,30}?(?:会议|大会|会))(?=[，。；：并上]|$)")
_THEME_FIRST = re.compile(r"^(?P<theme>.+?(?:会议|大会|会))(?:在[^，。]{1,12})?(?:召开|举行|开幕)")


@dataclass(frozen=True)
class _Sentence:
    start: int  # offsets into Document.text
    end: int
    text: str
    paragraph: int


def person_name(mention: str) -> str:
    """The name in a mention: "省委副书记、省长王伟中" -> "王伟中"."""
    m = _TITLED.fullmatch(mention.split("、")[-1])
    return m.group("name") if m else mention


def holds_title(mention: str, title: str) -> bool:
    """Whether the person holds `title`: 省长 in "省委副书记、省长王伟中", not in "副省长王健"."""
    for m in re.finditer(re.escape(title), mention):
        if title.startswith("副") or not mention[max(0, m.start() - 1) : m.start()] == "副":
            return True
    return False


def looks_like_name(name: str, titled: bool = False) -> bool:
    """A person's name as written in these reports: no function word, and a common
    surname unless a title stands right before it."""
    return _is_name(name, titled)


# characters that are function words elsewhere but common inside given names (林向东,
# 王为民, 张和平, 李从军): between a surname and the last character they are the name's
_GIVEN_NAME_INSIDE = set("向和为从在与")


def _is_name(name: str, titled: bool) -> bool:
    surname = name[0] in SURNAMES or name[:2] in _COMPOUND_SURNAMES
    # (老乡鸡餐饮创始人束从轩: under a title, a rarer surname is a surname all the same)
    inner = name[1] if len(name) == 3 and (surname or titled) and name[1] in _GIVEN_NAME_INSIDE else ""
    if _NOT_NAME.search(name[0] + name[2] if inner else name):
        return False
    return titled or surname


def _people(mention: str) -> list[tuple[int, int]] | None:
    """Spans (inside `mention`) of the people it lists, or None if it is not only people."""
    spans: list[tuple[int, int]] = []
    pending: int | None = None  # where a title chain without its name yet began
    at = 0
    for seg in mention.split("、"):
        start, at = at, at + len(seg) + 1
        m = _TITLED.fullmatch(seg)
        if m and _is_name(m.group("name"), titled=True):
            spans.append((start if pending is None else pending, start + len(seg)))
            pending = None
        elif _TITLE_ONLY.fullmatch(seg):
            pending = start if pending is None else pending
        elif pending is None and _BARE.fullmatch(seg) and _is_name(seg, titled=False):
            spans.append((start, start + len(seg)))
        else:
            return None
    return spans if spans and pending is None else None


def _clause_start(text: str, end: int) -> int:
    i = end
    while i > 0 and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def _people_before(s: _Sentence, at: int, walk_back: bool) -> list[tuple[int, int]]:
    """Doc spans of the people named right before offset `at` of the sentence text."""
    found: list[tuple[int, int]] = []
    end = at
    while True:
        start = _clause_start(s.text, end)
        if m := _PASSIVE_BY.match(s.text, start, end):  # "会议由省委书记张三主持并讲话"
            start = m.end()
        spans = _people(s.text[start:end])
        if not spans:
            break
        found[:0] = [(s.start + start + a, s.start + start + b) for a, b in spans]
        if not walk_back or start == 0 or s.text[start - 1] != "，":
            break
        end = start - 1
    return found


class _Report:
    def __init__(self, doc: Document, section: Section):
        self.doc, self.section = doc, section
        body = doc.text[section.start : section.end]
        first_line = body.split("\n", 1)[0]
        # the heading line carries the title; a section whose text opens with its body has none
        is_heading = bool(section.title) and squeeze(section.title.rstrip("：:")) in squeeze(first_line)
        self.title_span = (section.start, section.start + (len(first_line) if is_heading else 0))
        # 【福建】2月5日，福建省委…召开…大会。…: a digest's paragraph under its place in brackets; its
        # first sentence is the title and the meeting's own sentence too
        run_in = is_heading and re.search("[。！？]", first_line) and BRACKET.match(first_line)
        self.heading = (section.start, section.start + run_in.end()) if run_in else self.title_span
        others = {m.group(0) for m in _OTHER_EVENT.finditer(section.title)}
        self.sentences: list[_Sentence] = []
        for a, b in sentence_spans(body):
            if section.start + b <= self.heading[1]:
                continue
            a = max(a, self.heading[1] - section.start)  # (the run-in sentence, without its bracket)
            start = section.start + a
            text = body[a:b]
            if _OTHER_EVENT_OPENING.match(text) or any(m.group(0) not in others for m in _OTHER_EVENT.finditer(text)):
                continue  # about another event: its date, host and audience are not this meeting's
            self.sentences.append(_Sentence(start, section.start + b, text, body.count("\n", 0, a)))

    def evidence(self, sentences: list[_Sentence]) -> Evidence:
        start, end = sentences[0].start, sentences[-1].end
        return Evidence(self.doc.text[start:end], self.doc.name, start, end)

    def meeting_sentences(self) -> list[_Sentence]:
        return [s for s in self.sentences if HELD.search(s.text)]

    def date(self) -> tuple[str, list[_Sentence]]:
        held = self.meeting_sentences()
        for s in held:
            verb = HELD.search(s.text)
            for m in _DATE.finditer(s.text):
                if m.start() < verb.start():
                    return m.group(0), [s]
        for s in held:  # no explicit date: the relative one, verbatim, never computed
            if m := _RELATIVE_DATE.search(s.text):
                return m.group(0), [s]
        return "", []

    def format(self, opening: _Sentence | None) -> tuple[str, list[_Sentence]]:
        for i, s in enumerate(self.sentences):
            if not (_MODE.search(s.text) or _BRANCH.search(s.text) or "设主会场" in s.text):
                continue
            group, parts = [s], self._format_parts(s.text, {})
            for later in self.sentences[i + 1 : i + 3]:  # "…在主会场参会。各市设分会场。"
                if later.paragraph != s.paragraph or later.start - group[-1].end > 200:
                    break
                more = self._format_parts(later.text, parts)
                if len(more) > len(parts):
                    group, parts = self.sentences[i : self.sentences.index(later) + 1], more
            return PART_SEP.join(parts.values()), group
        if opening is not None:  # no format stated: where it was held, or its name's format
            parts = self._format_parts(opening.text, {}, name_mode=True)
            if parts:
                return PART_SEP.join(parts.values()), [opening]
        return "", []

    @staticmethod
    def _format_parts(text: str, parts: dict[str, str], name_mode: bool = False) -> dict[str, str]:
        parts = dict(parts)
        if "place" not in parts and (m := _PLACE.search(text)):
            place = m.group("place")
            if province_of(place) or _VENUE_SUFFIX.search(place):
                parts["place"] = m.group(0) if m.group("verb") != "以" else m.group(0)[:-1]
        if "mode" not in parts and (m := _MODE.search(text)):
            parts["mode"] = m.group("mode")
        if name_mode and "mode" not in parts and (m := _MODE_IN_NAME.search(text)):
            parts["mode"] = m.group(0)
        for key, pattern in (("branch", _BRANCH), ("live", _LIVE)):
            if key not in parts and (m := pattern.search(text)):
                parts[key] = m.group(0)
        return parts

    def host(self) -> tuple[str, list[_Sentence]]:
        for s in self.sentences:
            for m in _HOST.finditer(s.text):
                if people := _people_before(s, m.start(), walk_back=False):
                    a, b = people[-1]
                    return self.doc.text[a:b], [s]
            if (m := _HOST_PASSIVE.search(s.text)) and (people := _people(m.group("who"))):
                a, b = people[0]
                return m.group("who")[a:b], [s]
        return "", []

    def speakers(self, opening: _Sentence | None) -> tuple[tuple[str, ...], list[_Sentence]]:
        names: dict[str, str] = {}
        used: list[_Sentence] = []
        paragraph = None
        for s in self.sentences:
            if paragraph is not None and s.paragraph != paragraph:
                break  # one paragraph, so that the evidence stays one passage
            anchors = list(_SPEECH.finditer(s.text)) + list(_REMARKS.finditer(s.text))
            if opening is not None and s.paragraph == opening.paragraph:
                anchors += list(_OPENING_REMARKS.finditer(s.text))
            for m in sorted(anchors, key=lambda m: m.start()):
                for a, b in _people_before(s, m.start(), walk_back=True):
                    mention = self.doc.text[a:b]
                    name = person_name(mention)
                    if name not in names or names[name] == name:  # a titled mention wins over a bare one
                        names[name] = mention
                    if s not in used:
                        used.append(s)
                    paragraph = s.paragraph
        return tuple(names.values()), used

    def fields(self) -> dict[str, tuple[str, _Sentence]]:
        """时间：…, 地点：…, 主持：…: the field lines a minutes (纪要) opens with, by label, each
        value with its line."""
        found: dict[str, tuple[str, _Sentence]] = {}
        for s in self.sentences[:_FIELDS_WITHIN]:
            if m := _FIELD.match(s.text):
                found.setdefault(_FIELD_NAMES[m.group("label")], (m.group("value").rstrip("。；;"), s))
        return found

    def scale(self) -> tuple[str, list[_Sentence]]:
        for s in self.sentences:
            if m := _SCALE.search(s.text):
                return m.group(0), [s]
        return "", []

    def theme(self) -> tuple[str, Evidence | None]:
        title = self.section.title
        m = _THEME.search(title) or _THEME_FIRST.search(title)
        theme = m.group("theme") if m else title
        # (四川：全省科技创新大会召开: the place before the colon labels the report, not the meeting)
        head, colon, rest = theme.partition("：")
        if colon and rest and len(head) <= 8 and province_of(head.strip("【】 ")):
            theme = rest.strip()
        if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", theme) and province_of(theme):
            return "", None  # ## 江苏: a heading that only names the place names no meeting
        a, b = self.title_span
        at = self.doc.text.find(theme, a, b) if b > a else self.doc.text.find(theme, a, self.section.end)
        if at < 0:
            # 在四川，省委、省政府2月5日召开全省优化营商环境大会，…: a report without a heading of
            # its own (a roundup's paragraphs) names its meeting in its opening sentence
            # (浙江把目光投向民营经济。当天在杭州召开的全省民营经济高质量发展大会上，…: or the next)
            opening = next(((s, m) for s in self.sentences[:2] if (m := _THEME_SAID.search(s.text))), None)
            if opening is None:
                return "", None
            sentence = opening[0]  # quoted whole: the name alone out of its sentence shows nothing to check
            return opening[1].group("theme"), Evidence(sentence.text, self.doc.name, sentence.start, sentence.end)
        return theme, Evidence(theme, self.doc.name, at, at + len(theme))


# a minutes' field lines: 时间：2025年2月10日上午 / 地点：省政府第一会议室 / 主持：毛伟明
_FIELD = re.compile(r"^(?P<label>时间|会议时间|日期|地点|会议地点|主持人?)\s*[:：]\s*(?P<value>\S.{0,40})$")
VENUE_LABEL = r"(?:会议)?(?:地点|会址)\s*[:：]\s*"  # 地点：省政府第一会议室: the label of a minutes' venue line
_FIELD_NAMES = {"时间": "date", "会议时间": "date", "日期": "date", "地点": "place", "会议地点": "place", "主持": "host", "主持人": "host"}
_FIELDS_WITHIN = 12  # sentences from the top: a minutes states them before its business


def _from_fields(report: _Report) -> dict[str, tuple[str, list[_Sentence]]]:
    """What a minutes' field lines say, as the record's fields: its date, its venue (the
    format's place) and who presided."""
    out = {}
    fields = report.fields()
    if len(fields) < 2:
        return out  # (时间：2025年02月05日 alone is a page's byline: when it was published)
    if "date" in fields and (m := _DATE.search(fields["date"][0])):
        out["date"] = (m.group(0), [fields["date"][1]])
    if "place" in fields:
        line = fields["place"][1]
        out["format"] = (line.text.strip().rstrip("。；;"), [line])  # 地点：…, whole: the label says it is a place
    if "host" in fields and _people(fields["host"][0]):
        out["host"] = (fields["host"][0], [fields["host"][1]])
    return out


def extract_meeting(doc: Document, section: Section) -> MeetingRecord:
    report = _Report(doc, section)
    evidence: dict[str, Evidence] = {}
    values: dict[str, object] = {}
    stated = _from_fields(report)
    date, date_from = stated.get("date") or report.date()
    held = report.meeting_sentences()
    opening = date_from[0] if date_from else (held[0] if held else None)
    for field, (value, used) in (
        ("date", (date, date_from)),
        ("format", stated.get("format") or report.format(opening)),
        ("host", stated.get("host") or report.host()),
        ("speakers", report.speakers(opening)),
        ("scale", report.scale()),
    ):
        values[field] = value
        if value:
            evidence[field] = report.evidence(used)
    theme, theme_evidence = report.theme()
    if theme_evidence:
        evidence["theme"] = theme_evidence
    return MeetingRecord(
        doc=doc.name,
        doc_title=doc.title or doc.name,
        province=section.province,
        section=section.label,
        title=section.title,
        page=section.page,
        theme=theme,
        evidence=evidence,
        **values,
    )


def extract_meetings(doc: Document, sections: list[Section]) -> list[MeetingRecord]:
    """One record per report section of `doc`, each read from that section's text only."""
    return [extract_meeting(doc, s) for s in sections if s.kind == "report" and s.doc == doc.name]


# --- questions about the meetings themselves ----------------------------------------------------

def field_text(record: MeetingRecord, field: str) -> str:
    value = getattr(record, field, "")
    return "、".join(value) if isinstance(value, tuple) else value or ""


def records_where(records: list[MeetingRecord], field: str, predicate: Callable[[str], bool]) -> list[MeetingRecord]:
    """Records that state `field` and whose value satisfies `predicate` (speakers joined by 、)."""
    return [r for r in records if field_text(r, field) and predicate(field_text(r, field))]


def records_missing(records: list[MeetingRecord], field: str) -> list[MeetingRecord]:
    """Records whose report does not state `field`: an answer says 资料未写明 for them."""
    return [r for r in records if not field_text(r, field)]


def names_a_form(value: str) -> bool:
    """视频会议, 设分会场: the record's format says in what form the meeting was held; 在武汉召开
    alone says only where (a report that states no form gives its place as its format)."""
    return any(part and not _PLACE_ONLY.fullmatch(part) for part in value.split(PART_SEP))


_PLACE_ONLY = re.compile(rf"在[^，。；、\s“”]{{2,12}}?(?:召开|举行|举办|设主会场)?|{VENUE_LABEL}.+")
