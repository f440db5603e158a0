"""Who speaks a sentence of a report.

Meeting reports quote a speech as a run of sentences after the one that names its
speaker: 王浩强调，…。当前要扎实做好…。要… The later sentences name no one, yet a
question asks who said them (谁要求…, 哪位领导提出…). A sentence is spoken by the
nearest sentence before it, in its section, that opens a speech with a name
(市委书记陈吉宁在会上强调，…); 他强调 passes the speech on to the name before it,
会议指出 opens one that no person speaks, and 批示指出 quotes the instruction
of the one named as giving it (会议传达了楼阳生…作出的工作批示).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .index_store import IndexData
from .meetings import looks_like_name

_SPEECH_VERB = re.compile(r"强调|指出|表示|要求|提出|认为|希望|透露|坦言|(?<!在)讲话(?![中时])|说")
# what may stand between the speaker and the verb: 在讲话中, 在会上, 在济南召开的全省…大会上,
# 出席会议并 …, and what the words are on (龚正就贯彻落实本次会议精神指出, 尤肖虎结合实验室发展提出)
_BETWEEN = re.compile(r"(?:在[^，。]{0,8}?(?:中|上|时)|在[^，。]{0,30}?会议?上|出席(?:会议)?并|主持(?:会议)?并|代表[^，。]{0,12}?|(?:就|围绕|结合)[^，。]{1,24}?|也|还|进一步|同时|最后)+$")
_TITLE = re.compile(r"(?:书记|省长|市长|主任|主席|厅长|局长|院长|部长|董事长|总经理|会长|院士|委员|秘书长|同志)$")
_IMPERSONAL = re.compile(r"(?:会议|大会|批示|文件|通知|意见|报告|方案|会上|讲话)$")
# 会上(座谈会上)，…作交流发言; 会议听取了…汇报; …等在主会场参会, …等先后发言: the report's own account of
# the meeting, no one's words
_NARRATIVE = re.compile(r"^(?:[\u4e00-\u9fff]{0,3}会上|会前|会后|会议期间|当日|当天)[，,]|^会议(?:听取|传达|审议|通报|宣读|观看)|(?:(?:(?:作|做)了?[\u4e00-\u9fff]{0,4}|先后|分别|相继|依次)发言|参会|参加会议|出席会议|列席会议|出席|主持会议|主持)[。；;]?$")
# 省发展改革委副主任李明：…, 问：…: a transcript's speaker, or its asker, before a colon
_SPEAKER_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{1,20})[：:]")
_ASKER = re.compile(r"问|提问|记者|主持人")
# 时间：…, 地点：…: the labels of a record's fields, no one's name
_FIELD_LABEL = re.compile(r"(?:会议)?(?:时间|日期|地点|议题|主题|内容|形式|规模)|主持人?|出席|列席|参加|参会|记录|来源|作者|"
                          r"编辑|审核|电话|地址|附件|备注|说明|注|要求|目标|任务|措施|背景|结果|摘要")
_PREPOSITION = re.compile(r"按照|根据|依照|依据|对照|遵照|按")
_PRONOUN = re.compile(r"(?:他|她)$")
OPENS, PASSES, IMPERSONAL, INSTRUCTED = "opens", "passes", "impersonal", "instructed"
LOOK_BACK = 30  # sentences: a speech reported at length still fits
ATTRIBUTION_CHARS = 24  # 南京市科技局局长赵成军说。: a sentence that only says who spoke the quotation before it


def opening(text: str) -> tuple[str, tuple[int, int] | None] | None:
    """How a sentence opens a speech, if it does: (OPENS, the speaker's name span),
    (PASSES, None) for 他强调, (IMPERSONAL, None) for 会议指出; None otherwise."""
    if (label := _SPEAKER_LABEL.match(text)) and _ASKER.fullmatch(label.group(1)):
        return IMPERSONAL, None
    if (named := labelled_speaker(text)) is not None:
        return OPENS, named
    verb = _SPEECH_VERB.search(text[:48])
    if verb is None:
        return None
    subject = _BETWEEN.sub("", text[: verb.start()])
    subject = re.split(r"[，。；：、]", subject)[-1].strip()
    if _PREPOSITION.match(subject):
        return None  # 按照…实施方案要求: the plan's requirement, said by no one here
    if "总书记" in subject:
        return None  # (习近平总书记创造性提出…: a speaker cites him; he speaks at no provincial meeting)
    if _PRONOUN.search(subject) and len(subject) <= 2:
        return PASSES, None
    if subject.endswith("批示"):
        return INSTRUCTED, None
    if _IMPERSONAL.search(subject):
        return IMPERSONAL, None
    named = _name_ending(text, subject)
    return (OPENS, named) if named is not None else None


def labelled_speaker(text: str) -> tuple[int, int] | None:
    """王成元：2025年，…, 省发展改革委副主任李明：…: the span of the name a transcript writes
    before a colon to say who speaks (not a record's field: 时间：…, 主持：…)."""
    label = _SPEAKER_LABEL.match(text)
    if label is None or _ASKER.fullmatch(label.group(1)) or _FIELD_LABEL.fullmatch(label.group(1)):
        return None
    return _name_ending(text, label.group(1))


def _name_ending(text: str, subject: str) -> tuple[int, int] | None:
    """The span in `text` of the name `subject` ends with: after a title (省委书记黄坤明), or
    the whole subject (王浩)."""
    for n in (3, 2):
        name = subject[-n:]
        titled = bool(_TITLE.search(subject[:-n]))
        if len(subject) >= n and (titled or len(subject) == n) and looks_like_name(name, titled):
            end = text.find(subject) + len(subject)
            return end - n, end
    return None


# 楼阳生就项目建设作出的工作批示, 省委书记楼阳生作出批示: whose instruction 批示指出 quotes
_GAVE_INSTRUCTION = re.compile(r"(?:就[^，。；]{0,30})?作出(?:了|的)?[^，。；]{0,10}批示")
INSTRUCTION_LOOK_BACK = 3  # sentences: the meeting relays the instruction, then quotes it


def instructor(text: str) -> tuple[int, int] | None:
    """The name before 作出…批示 in a sentence, if it gives one."""
    for m in _GAVE_INSTRUCTION.finditer(text):
        before = text[: m.start()]
        for n in (3, 2):
            # the name stands right after a title or a word boundary (传达了楼阳生, 省委书记楼阳生)
            name, lead = before[-n:], before[:-n]
            bounded = not lead or lead[-1] in "了的由，、：" or bool(_TITLE.search(lead))
            if len(before) >= n and bounded and looks_like_name(name, True):
                return m.start() - n, m.start()
    return None


# 在全省高质量发展大会上的讲话 / （2025年2月5日） / 林  武: a speech printed on its own has its
# title and its speaker's name on the lines that open it (the name may stand in the title:
# 林武同志在…上的讲话); each of its sentences is that speaker's unless another speaks it
_SPEECH_TITLE = re.compile(r"^(?:([\u4e00-\u9fff]{2,4}?)(?:同志)?)?在[^。；]{2,40}?(?:上|时)的(?:讲话|致辞|发言|报告)(?:稿|全文)?$")
_BARE_NAME = re.compile(r"[\u4e00-\u9fff](?:[ \t\u3000]*[\u4e00-\u9fff]){1,3}")
SPEECH_HEAD_ROWS = 4  # the title, a date line, the name


def speech_byline(rows: list[str]) -> tuple[int, int, int] | None:
    """(row, name start, name end) of the speaker a speech's opening lines name, if they do."""
    for i, text in enumerate(rows[:SPEECH_HEAD_ROWS]):
        title = _SPEECH_TITLE.match(text.strip())
        if title is None:
            continue
        if title.group(1) and looks_like_name(title.group(1)):
            at = text.find(title.group(1))
            return i, at, at + len(title.group(1))
        for j in range(i + 1, min(len(rows), i + 1 + SPEECH_HEAD_ROWS)):
            line = rows[j].strip()
            if _BARE_NAME.fullmatch(line) and looks_like_name(re.sub(r"\s", "", line)):
                at = rows[j].find(line)
                return j, at, at + len(line)
        return None
    return None


class Speakers:
    """The speaker sentence of any sentence row of one index, found once and kept."""

    def __init__(self, index: IndexData):
        self.index = index
        self.chunk_of = index.sentences.chunk_of()
        self._memo: dict[int, tuple[int, int, int] | None] = {}
        self._bylines: dict[tuple[str, str], tuple[int, int, int] | None] = {}

    def text(self, row: int) -> str:
        c = self.index.chunks[self.chunk_of[row]]
        return c.text[int(self.index.sentences.starts[row]) : int(self.index.sentences.ends[row])]

    def of(self, row: int) -> tuple[int, int, int] | None:
        """(speaker row, name start, name end inside that sentence), or None."""
        if row not in self._memo:
            self._memo[row] = self._find(row)
        return self._memo[row]

    def _section_of(self, row: int) -> tuple[str, str]:
        c = self.index.chunks[self.chunk_of[row]]
        return c.doc, c.section

    def _back(self, row: int, first: int, look_back: int) -> Iterator[int]:
        """Rows from `first` back to `look_back` before `row`, while they are in row's section."""
        home = self._section_of(row)
        for r in range(first, max(-1, row - 1 - look_back), -1):
            if self._section_of(r) != home:
                return
            yield r

    def _instructed_by(self, row: int) -> tuple[int, int, int] | None:
        for r in self._back(row, row - 1, INSTRUCTION_LOOK_BACK):
            if (span := instructor(self.text(r))) is not None:
                return (r, *span)
        return None

    def _quoted_by(self, row: int) -> tuple[int, int, int] | None:
        """“……主承载区。”南京市科技局局长赵成军说。: a quotation whose speaker follows it."""
        after = row + 1
        if after >= len(self.chunk_of) or not self.text(row).rstrip().endswith(("”", '"')):
            return None
        said = self.text(after).strip()
        how = opening(said) if self._section_of(row) == self._section_of(after) else None
        if how is None or how[0] != OPENS:
            return None
        # (“今年是…开发建设30周年…。”苏州工业园区管委会副主任倪乾表示，今年，…: a bare quotation is
        # the words of the one the next sentence opens with, however long that sentence goes on)
        bare = self.text(row).lstrip().startswith(("“", '"'))
        if len(said) > ATTRIBUTION_CHARS and not (bare and how[1][1] <= ATTRIBUTION_CHARS):
            return None
        shift = self.text(after).find(said)
        return after, how[1][0] + shift, how[1][1] + shift

    def _find(self, row: int) -> tuple[int, int, int] | None:
        if (quoted := self._quoted_by(row)) is not None:
            return quoted
        for r in self._back(row, row, LOOK_BACK):  # the sentence may open its own speech
            how = opening(self.text(r))
            if how is None and r == row and _NARRATIVE.search(self.text(r)):
                return None  # the report's account of the meeting (…作交流发言) is no one's words
            if how is None or how[0] == PASSES:
                continue
            if how[0] == IMPERSONAL:
                return None
            if how[0] == INSTRUCTED:
                return self._instructed_by(r)
            return (r, *how[1])
        byline = self._byline(row)
        return byline if byline is not None and byline[0] < row else None

    def _byline(self, row: int) -> tuple[int, int, int] | None:
        """The speaker a speech's opening lines name, for the section `row` is in."""
        key = self._section_of(row)
        if key not in self._bylines:
            first = row
            while first > 0 and self._section_of(first - 1) == key:
                first -= 1
            rows = [self.text(r) for r in range(first, min(len(self.chunk_of), first + 2 * SPEECH_HEAD_ROWS))]
            found = speech_byline(rows)
            self._bylines[key] = (first + found[0], found[1], found[2]) if found else None
        return self._bylines[key]
