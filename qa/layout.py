"""The layout of a bulletin: how its headings, appendices and table of contents look.

Shared by the cleaner (which must not glue a heading to the paragraph after it)
and the section splitter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import province_at_start

# "1. 广东召开…", "4.北京召开…", "12、四川…"; "**" appears where the PDF had bold.
REPORT_HEADING = re.compile(r"^\**\s*(\d{1,2})\s*[.．、]\s*(\S.*?)\**\s*$")
APPENDIX_HEADING = re.compile(r"^\**\s*附\s*[:：]\s*(.*?)\**\s*$")
# the page reference that ends a table-of-contents line: "…新广东\t- 3 -", "…摘录 .-\t7 -"
TOC_PAGE = re.compile(r"[\s.．·…]*-?\s*(\d{1,3})\s*-\s*$")
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*/?\s*共\s*\d+\s*页)?)\s*$")

SPACES = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text with all white space removed, for comparing titles across line breaks."""
    return SPACES.sub("", text).strip("*")


@dataclass(frozen=True)
class TocEntry:
    number: int | None  # None for an appendix entry
    title: str
    page: int


def toc_entry(line: str) -> TocEntry | None:
    """A table-of-contents line, which ends with a page reference."""
    page = TOC_PAGE.search(line)
    if not page or page.start() == 0:
        return None
    head = line[: page.start()]
    if m := REPORT_HEADING.match(head):
        return TocEntry(int(m.group(1)), m.group(2).strip(), int(page.group(1)))
    if m := APPENDIX_HEADING.match(head):
        return TocEntry(None, m.group(1).strip(), int(page.group(1)))
    return None


def report_heading(line: str, expected: int | None = None) -> tuple[int, str, str] | None:
    """(number, title, province) when `line` opens a numbered report.

    A numbered line is a report heading only if it opens with a province name:
    numbered lists inside a report ("1. 加强…") are not headings.
    """
    m = REPORT_HEADING.match(line.strip())
    if not m or toc_entry(line):
        return None
    number, title = int(m.group(1)), m.group(2).strip()
    if expected is not None and number != expected:
        return None
    province = province_at_start(title)
    if province is None:
        return None
    return number, title, province


def appendix_heading(line: str) -> str | None:
    m = APPENDIX_HEADING.match(line.strip())
    if not m or toc_entry(line):
        return None
    return m.group(1).strip().rstrip("：:").strip()
