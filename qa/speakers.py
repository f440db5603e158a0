"""Who speaks a sentence of a report.

Meeting reports quote a speech as a run of sentences after the one that names its
speaker: 王浩强调，…。当前要扎实做好…。要… The later sentences name no one, yet a
question asks who said them (谁要求…, 哪位领导提出…). A sentence is spoken by the
nearest sentence before it, in its section, that opens a speech with a name
(市委书记陈吉宁在会上强调，…); 他强调 passes the speech on to the name before it,
and 会议指出 or 批示指出 opens one that no person speaks.
"""
from __future__ import annotations

import re

from .index_store import IndexData
from .meetings import looks_like_name

_SPEECH_VERB = re.compile(r"强调|指出|表示|要求|提出|认为|希望|透露|坦言|(?<!在)讲话(?!中)|说")
# what may stand between the speaker and the verb: 在讲话中, 在会上, 出席会议并 …
_BETWEEN = re.compile(r"(?:在[^，。]{0,8}?(?:中|上|时)|出席(?:会议)?并|主持(?:会议)?并|代表[^，。]{0,12}?|也|还|进一步|同时|最后)+$")
_TITLE = re.compile(r"(?:书记|省长|市长|主任|主席|厅长|局长|院长|部长|董事长|总经理|会长|院士|委员|秘书长|同志)$")
_IMPERSONAL = re.compile(r"(?:会议|大会|批示|文件|通知|意见|报告|方案|会上|讲话)$")
_PRONOUN = re.compile(r"(?:他|她)$")
OPENS, PASSES, IMPERSONAL = "opens", "passes", "impersonal"
LOOK_BACK = 30  # sentences: a speech reported at length still fits


def opening(text: str) -> tuple[str, tuple[int, int] | None] | None:
    """How a sentence opens a speech, if it does: (OPENS, the speaker's name span),
    (PASSES, None) for 他强调, (IMPERSONAL, None) for 会议指出; None otherwise."""
    verb = _SPEECH_VERB.search(text[:48])
    if verb is None:
        return None
    subject = _BETWEEN.sub("", text[: verb.start()])
    subject = re.split(r"[，。；：、]", subject)[-1].strip()
    if _PRONOUN.search(subject) and len(subject) <= 2:
        return PASSES, None
    if _IMPERSONAL.search(subject):
        return IMPERSONAL, None
    for n in (3, 2):  # a name after a title (省委书记黄坤明), or the whole subject (王浩)
        name = subject[-n:]
        titled = bool(_TITLE.search(subject[:-n]))
        if len(subject) >= n and (titled or len(subject) == n) and looks_like_name(name, titled):
            end = text.find(subject) + len(subject)
            return OPENS, (end - n, end)
    return None


class Speakers:
    """The speaker sentence of any sentence row of one index, found once and kept."""

    def __init__(self, index: IndexData):
        self.index = index
        self.chunk_of = index.sentences.chunk_of()
        self._memo: dict[int, tuple[int, int, int] | None] = {}

    def text(self, row: int) -> str:
        c = self.index.chunks[self.chunk_of[row]]
        return c.text[int(self.index.sentences.starts[row]) : int(self.index.sentences.ends[row])]

    def of(self, row: int) -> tuple[int, int, int] | None:
        """(speaker row, name start, name end inside that sentence), or None."""
        if row not in self._memo:
            self._memo[row] = self._find(row)
        return self._memo[row]

    def _find(self, row: int) -> tuple[int, int, int] | None:
        chunks, home = self.index.chunks, self.index.chunks[self.chunk_of[row]]
        for r in range(row, max(-1, row - 1 - LOOK_BACK), -1):  # the sentence may open its own speech
            c = chunks[self.chunk_of[r]]
            if (c.doc, c.section) != (home.doc, home.section):
                return None
            how = opening(self.text(r))
            if how is None or how[0] == PASSES:
                continue
            if how[0] == IMPERSONAL:
                return None
            return (r, *how[1])
        return None
