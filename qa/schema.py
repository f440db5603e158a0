"""Typed records that cross module boundaries.

Data flows one way: Document -> Section -> Chunk -> (index) -> Citation -> Answer.
Every offset is a character offset into Document.text, the cleaned text; every
quote is a verbatim slice of it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

SectionKind = Literal["front", "report", "appendix"]

FRONT_PROVINCE = "总述"
UNKNOWN_PROVINCE = "未知"  # a section whose province the text does not tell; never guessed

# (offset, page number): where a source page begins. Offsets are into Document.text
# for a Document and a Section, into Chunk.text for a Chunk.
PageStarts = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Document:
    """A source file after decoding and cleaning."""

    name: str  # file name
    path: str
    text: str  # the cleaned text: every offset below points into it
    sha256: str  # of the raw bytes
    # what a citation calls the document: the bulletin's title and issue when the text
    # gives them ("今日科技快讯2024年第6期"), a web page's article title, else the file name
    title: str = ""
    year: int | None = None  # year of issue, when the text gives it
    issue: str = ""  # "2024年第6期", when the text gives it
    # the site a web page comes from (湖北省人民政府门户网站): its province is the report's
    # when the report calls it 我省 and names no place
    site: str = ""
    # the source's own page information (PDF pages, page-marker lines); empty when it has none
    page_starts: PageStarts = ()
    warnings: tuple[str, ...] = ()  # how the layout could not be read, for `qa index` and `qa inspect`

    def to_dict(self, with_text: bool = True) -> dict:
        d = asdict(self)
        if not with_text:
            d.pop("text")
        return d


@dataclass(frozen=True)
class Section:
    doc: str
    number: int | None  # the report number; an appendix carries its report's number
    label: str  # "总述", "1", "1-附2"
    province: str  # short name ("广东"), FRONT_PROVINCE or UNKNOWN_PROVINCE
    title: str
    kind: SectionKind
    page: int | None  # the section's first page
    start: int  # character offsets into Document.text
    end: int
    # True when `page` comes from the source's own page information; False when only
    # a table of contents gives it (then it is shown as 第3页起, never as a quote's page)
    page_exact: bool = False
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chunk:
    id: int
    doc: str
    section: str  # Section.label
    province: str
    title: str
    kind: SectionKind
    page: int | None  # the page at the chunk's start (page_exact) or the section's first page
    start: int
    end: int
    text: str  # == Document.text[start:end]
    doc_title: str = ""
    page_exact: bool = False
    page_starts: PageStarts = ()  # pages that begin inside the chunk, offsets into text

    def to_dict(self) -> dict:
        return asdict(self)

    def page_at(self, offset: int) -> int | None:
        """The page of `offset` inside the chunk text (the section's first page when not exact)."""
        page = self.page
        for at, p in self.page_starts:
            if at <= offset:
                page = p
        return page


@dataclass(frozen=True)
class Evidence:
    """A verbatim sentence of a document that a field was read from."""

    quote: str
    doc: str
    start: int  # offsets into Document.text
    end: int


@dataclass(frozen=True)
class MeetingRecord:
    """What one report says about its meeting. A field the report does not state is empty."""

    doc: str
    doc_title: str
    province: str
    section: str
    title: str
    page: int | None
    date: str = ""  # verbatim, e.g. "2月18日"
    format: str = ""  # e.g. "视频会议", "电视电话会议", "设分会场"
    host: str = ""  # who presided, e.g. "省长王伟中"
    speakers: tuple[str, ...] = ()
    scale: str = ""  # e.g. "共4.8万人参加会议"
    theme: str = ""  # from the title
    evidence: dict[str, Evidence] = field(default_factory=dict)  # field name -> its source sentence

    def to_dict(self) -> dict:
        d = asdict(self)
        d["speakers"] = list(self.speakers)
        return d


@dataclass(frozen=True)
class Citation:
    rank: int
    province: str
    section: str
    title: str
    page: int | None  # the quote's own page when page_exact, else the section's first page
    quote: str  # verbatim sentence(s) from passage
    passage: str  # the whole chunk text
    score: float
    doc: str
    start: int  # offsets of the passage in its document
    end: int
    # offsets of each quoted sentence inside `passage`, for highlighting
    quote_spans: tuple[tuple[int, int], ...] = ()
    doc_title: str = ""
    page_exact: bool = False

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("quote_spans")
        return d


@dataclass(frozen=True)
class DirectAnswer:
    """The exact span that answers ("1139个", "2月18日"), verbatim inside citation `rank`'s quote."""

    text: str
    rank: int
    start: int  # offsets inside that citation's quote
    end: int


@dataclass(frozen=True)
class TraceHit:
    """One ranked passage and its retrieval scores, for evaluation."""

    chunk_id: int
    doc: str
    province: str
    section: str
    start: int
    end: int
    score: float
    dense: float
    sentence: float
    keyword: float
    coverage: float


@dataclass(frozen=True)
class Trace:
    """What the answer was built from. Kept out of the public JSON."""

    qtype: str
    search_text: str
    hits: tuple[TraceHit, ...] = ()


AnswerMode = Literal["fact", "which", "compare", "multi", "meeting", "empty"]


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    mode: str = "fact"  # the strategy that answered: fact, figure, person, date, place, which, compare, summary, multi, meeting, empty
    provinces: tuple[str, ...] = ()  # provinces the question is about, or those a which-answer lists
    direct_answer: DirectAnswer | None = None
    resolved_question: str | None = None  # a follow-up as it was understood, when rewritten
    trace: Trace | None = None
    verdict: str = ""  # 是, 不是 or 有: a yes-or-no question the meeting records or the first quote settle

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "resolved_question": self.resolved_question,
            "answer": self.text,
            "abstained": self.abstained,
            "type": self.mode,
            "direct_answer": asdict(self.direct_answer) if self.direct_answer else None,
            "verdict": self.verdict or None,
            "provinces": list(self.provinces),
            "citations": [c.to_dict() for c in self.citations],
        }
