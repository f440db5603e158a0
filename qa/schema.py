"""Typed records that cross module boundaries.

Data flows one way: Document -> Section -> Chunk -> (index) -> Citation -> Answer.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

SectionKind = Literal["front", "report", "appendix"]

FRONT_PROVINCE = "总述"


@dataclass(frozen=True)
class Document:
    """A source file after decoding and PDF line repair."""

    name: str  # file name, used in citations
    path: str
    text: str  # the cleaned text: every offset below points into it
    sha256: str  # of the raw bytes


@dataclass(frozen=True)
class Section:
    doc: str
    number: int | None  # the report number; an appendix carries its report's number
    label: str  # "总述", "1", "1-附2"
    province: str
    title: str
    kind: SectionKind
    page: int | None
    start: int  # character offsets into Document.text
    end: int


@dataclass(frozen=True)
class Chunk:
    id: int
    doc: str
    section: str  # Section.label
    province: str
    title: str
    kind: SectionKind
    page: int | None
    start: int
    end: int
    text: str  # == Document.text[start:end]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Citation:
    rank: int
    province: str
    section: str
    title: str
    page: int | None
    quote: str  # verbatim sentence(s) from passage
    passage: str  # the whole chunk text
    score: float
    doc: str
    start: int  # offsets of the passage in its document
    end: int
    # offsets of each quoted sentence inside `passage`, for highlighting
    quote_spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("quote_spans")
        return d


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    mode: Literal["fact", "which", "compare", "empty"] = "fact"
    provinces: tuple[str, ...] = ()  # provinces the question is about

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
        }
