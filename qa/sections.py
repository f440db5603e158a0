"""Stage 2: split a cleaned bulletin into sections with their metadata.

A bulletin has front matter (editor's summary, editorial box, table of contents),
then numbered reports "N. 省份召开…", each optionally followed by appendices
"附：…" that belong to it.
"""
from __future__ import annotations

from . import layout
from .schema import FRONT_PROVINCE, Document, Section

FRONT_TITLE = "导语与目录"


def _line_spans(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _table_of_contents(text: str) -> tuple[dict[int, int], dict[int, list[int]]]:
    """Pages of reports, and of each report's appendices in order."""
    report_pages: dict[int, int] = {}
    appendix_pages: dict[int, list[int]] = {}
    last: int | None = None
    for _, line in _line_spans(text):
        entry = layout.toc_entry(line)
        if entry is None:
            continue
        if entry.number is not None:
            last = entry.number
            report_pages.setdefault(entry.number, entry.page)
        elif last is not None:
            appendix_pages.setdefault(last, []).append(entry.page)
    return report_pages, appendix_pages


def split_sections(doc: Document) -> list[Section]:
    text = doc.text
    report_pages, appendix_pages = _table_of_contents(text)

    # (start offset, kind, number, label, province, title, page)
    heads: list[tuple] = []
    number = 0
    appendices = 0
    province = None
    for start, line in _line_spans(text):
        heading = layout.report_heading(line, expected=number + 1)
        if heading:
            number, title, province = heading
            appendices = 0
            heads.append((start, "report", number, str(number), province, title, report_pages.get(number)))
            continue
        title = layout.appendix_heading(line)
        if title is not None and province is not None:
            appendices += 1
            pages = appendix_pages.get(number, [])
            page = pages[appendices - 1] if appendices <= len(pages) else None
            heads.append((start, "appendix", number, f"{number}-附{appendices}", province, title, page))

    sections: list[Section] = []
    first = heads[0][0] if heads else len(text)
    if text[:first].strip():
        sections.append(Section(doc.name, None, FRONT_PROVINCE, FRONT_PROVINCE, FRONT_TITLE, "front", None, 0, _rstrip_end(text, 0, first)))
    for i, (start, kind, num, label, prov, title, page) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        sections.append(Section(doc.name, num, label, prov, title, kind, page, start, _rstrip_end(text, start, end)))
    return sections


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
