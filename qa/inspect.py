"""How a file was read, section by section, so it can be checked before anyone trusts it.

`qa inspect` prints these records; the web app can show the same after an upload
(DocumentReport.to_dict() is plain JSON).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from .documents import SUPPORTED_SUFFIXES, DocumentError, read_document
from .schema import Document, Section
from .sections import page_at, split_sections


@dataclass(frozen=True)
class SectionRow:
    label: str  # "总述", "3", "1-附2"
    province: str
    kind: str
    title: str
    first_page: int | None
    last_page: int | None
    page_exact: bool  # False: first_page comes from a table of contents (shown as 第3页起)
    chars: int
    warnings: tuple[str, ...] = ()

    @property
    def pages(self) -> str:
        """"3", "3-5", "3起" (from a table of contents), or "" when unknown."""
        if self.first_page is None:
            return ""
        if not self.page_exact:
            return f"{self.first_page}起"
        if self.last_page is not None and self.last_page != self.first_page:
            return f"{self.first_page}-{self.last_page}"
        return str(self.first_page)


@dataclass(frozen=True)
class DocumentReport:
    path: str
    name: str
    title: str = ""
    year: int | None = None
    issue: str = ""
    chars: int = 0
    pages: int = 0  # pages the source itself numbers (0: none)
    warnings: tuple[str, ...] = ()  # the document's own and its sections', for one list
    sections: tuple[SectionRow, ...] = ()
    error: str = ""  # why the file could not be read; then nothing else is filled

    def to_dict(self) -> dict:
        d = asdict(self)
        for row, s in zip(d["sections"], self.sections):
            row["pages"] = s.pages
        return d


def section_row(doc: Document, s: Section) -> SectionRow:
    last = page_at(doc.page_starts, max(s.start, s.end - 1)) if s.page_exact else None
    return SectionRow(s.label, s.province, s.kind, s.title, s.page, last, s.page_exact, s.end - s.start, tuple(s.warnings))


def document_warnings(doc: Document, sections: list[Section]) -> list[str]:
    """The document's warnings and its sections', each section's named by label and province."""
    out = list(doc.warnings)
    for s in sections:
        out += [f"section {s.label} ({s.province}): {w}" for w in s.warnings]
    return out


def inspect_document(doc: Document, sections: list[Section] | None = None) -> DocumentReport:
    sections = split_sections(doc) if sections is None else sections
    return DocumentReport(
        path=doc.path,
        name=doc.name,
        title=doc.title,
        year=doc.year,
        issue=doc.issue,
        chars=len(doc.text.strip()),
        pages=len({p for _, p in doc.page_starts}),
        warnings=tuple(document_warnings(doc, sections)),
        sections=tuple(section_row(doc, s) for s in sections),
    )


def inspect_file(path: Path | str) -> DocumentReport:
    """How one file is read; a file that cannot be read gives a report with `error` set."""
    try:
        return inspect_document(read_document(path))
    except DocumentError as e:
        return DocumentReport(path=str(path), name=Path(path).name, error=e.reason)


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders as the supported files inside them."""
    out = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            out.append(p)
    return out
