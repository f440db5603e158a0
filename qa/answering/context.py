"""What every answer strategy reads (AnswerContext) and returns (Reply), and the
checks they share: is a passage relevant, does a sentence hold what was asked."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..config import AnswerSettings
from ..question import Question
from ..retrieval import Candidate, Retrieved
from . import spans
from .quotes import Citations, Pick

# Set phrases of meeting reports that say the same thing in other words, so that a
# question's key word is found in a sentence that words it differently
# (问 "参会" — 报道写 "参加会议"). Only the vocabulary of meetings themselves.
SYNONYMS = {
    "参会": ("参加", "出席", "与会", "参会"),
    "参加": ("参加", "出席", "与会", "参会"),
    "出席": ("参加", "出席", "与会", "参会"),
    "与会": ("参加", "出席", "与会", "参会"),
    "主持": ("主持",),
    "讲话": ("讲话", "发言", "致辞", "指出", "强调"),
    "发言": ("讲话", "发言", "致辞"),
    "召开": ("召开", "举行", "举办", "开幕"),
    "举行": ("召开", "举行", "举办"),
    "主会场": ("主会场",),
    "分会场": ("分会场",),
}


@dataclass
class AnswerContext:
    question: Question
    retrieved: Retrieved
    settings: AnswerSettings
    k: int
    citations: Citations = field(default_factory=Citations)
    parts: list["AnswerContext"] = field(default_factory=list)  # a multi-part question's parts

    @property
    def with_doc(self) -> bool:
        """Name the document in citations: the index holds more than one."""
        return self.retrieved.multi_doc


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
    return c.coverage >= s.min_coverage or c.sentence >= s.min_dense


def holds_predicate(ctx: AnswerContext, text: str) -> bool:
    """The text speaks of the question's key predicate (主持, 参会, 展区 …), when it has
    one: the predicate words it holds (or their set-phrase synonyms) must carry at least
    half of the predicate's IDF weight, so that a common word (项目) alone does not do."""
    q = ctx.question
    if not q.predicate:
        return True
    weights = ctx.retrieved.weights
    total = sum(weights.get(p, 1.0) for p in q.predicate)
    held = sum(weights.get(p, 1.0) for p in q.predicate if any(w in text for w in SYNONYMS.get(p, (p,))))
    return held >= ctx.settings.min_predicate * total


def kind_spans(q: Question, text: str) -> list[tuple[int, int]]:
    return spans.find(q.kind, text, q.unit, q.provinces)


def answers_kind(q: Question, text: str) -> bool:
    """The text holds the kind of answer asked for (a figure with its unit, a date, a name, a place)."""
    return q.kind is None or bool(kind_spans(q, text))


def direct_span(q: Question, pick: Pick) -> tuple[Pick, int, int] | None:
    """The span of the asked kind in the quote nearest to the question's key words
    (for 什么“年”, the quoted name ending in 年)."""
    found_spans = kind_spans(q, pick.text) if q.kind else spans.quoted_terms(pick.text, q.term)
    found = spans.nearest(found_spans, pick.text, q.predicate or q.terms, q.kind or "")
    return (pick, *found) if found else None


WHAT_IS_MISSING = {
    "person": "相关人物", "date": "日期", "place": "地点", "figure": "这一数字",
    "host": "主持人", "scale": "参会规模", "format": "会议形式", "speakers": "讲话人",
}


# the meeting-record field a kind of answer names, when the question is about the meeting
FIELD_FOR_KIND = {"person": ("host", "speakers"), "date": ("date",), "figure": ("scale",)}


def missing_fact(q: Question, field: str | None = None) -> str:
    """资料未写明湖南会议的主持人 — what the documents do not say."""
    subject = "、".join(q.provinces)
    if q.about_meeting:
        subject += "会议"
    if field and q.kind and field not in FIELD_FOR_KIND.get(q.kind, ()):
        field = None  # 观看人次约为多少: a figure, not the meeting's form
    what = WHAT_IS_MISSING.get(field or "", WHAT_IS_MISSING.get(q.kind or "", "所问内容"))
    return f"资料未写明{subject}{'的' if subject else ''}{what}"
