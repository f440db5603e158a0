"""Remove layout artefacts and nothing else.

What goes: page-marker lines ("- 3 -", "第3页"; their page numbers are kept as
page starts), stray spaces between CJK characters, blank lines inside a sentence
that a PDF broke, and the line breaks themselves where a PDF broke a sentence.
Everything else stays, table cells, Markdown rules and bullets included. A line
that starts something of its own (a heading, a list item, a rule, a table row) is
never glued to the line before it, and a rule, a Markdown heading or a list item
is never glued to the line after it unless it plainly breaks off mid-clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import layout
from .gazetteer import province_at_start
from .schema import PageStarts

_CJK = (
    "\u3000-\u303f"  # CJK punctuation
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uff00-\uffef"  # full-width forms
    "\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"  # quotes, ellipsis, dash, middle dot used in Chinese
)
# a run of blanks with a CJK character on one side and a CJK character or a digit on the other
# (编辑：陈晓　审核：李强: a blank before a label parts two fields, and stays)
_STRAY_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000\u00a0]+(?=[{_CJK}0-9])(?![\u4e00-\u9fff]{{2,4}}[:：])|(?<=[0-9])[ \t\u3000\u00a0]+(?=[{_CJK}])")

# characters after which a line is complete
_SENTENCE_END = set("。！？；：!?;:…")
_CLOSERS = set("”’」』）)》】")
# characters after which a line certainly continues
_CLAUSE = set("，、,（(“‘《【—-")


def remove_stray_spaces(line: str) -> str:
    return _STRAY_SPACE.sub("", line)


# 增长**5.3%**；, 约**3000人**: Markdown's emphasis inside a sentence is markup, not text; it
# would stand between a figure and its bound (**1500个**以上) and in every quote. A line that
# opens bold (**附：…**, **【福建】**…) keeps its marks: they tell a heading.
_EMPHASIS = re.compile(r"(?<=\S)\*\*(?=\S)(.+?)(?<=\S)\*\*")


# > 编者按：…: a Markdown quotation's marks, which no quote should repeat (> 50% is a figure)
_QUOTATION = re.compile(r"^(?:>\s?)+(?=[^\d\s])")


def _without_markup(line: str) -> str:
    line = _QUOTATION.sub("", line) if line.startswith(">") else line
    if "**" not in line:
        return line
    lead = 0
    if line.startswith("**"):
        if (close := line.find("**", 2)) < 0:
            return line  # (**附：…摘录：** across two lines)
        lead = close + 2
    return line[:lead] + _EMPHASIS.sub(r"\1", line[lead:])


@dataclass(frozen=True)
class Cleaned:
    text: str
    page_starts: PageStarts = ()
    warnings: tuple[str, ...] = ()


def clean_text(raw: str) -> str:
    return clean(raw).text


def clean(raw: str, repair: bool = True, page_lines: tuple[tuple[int, int], ...] = (), standalone: tuple[str, ...] = ()) -> Cleaned:
    """The cleaned text and where its pages start.

    repair: join lines that a PDF broke mid-sentence (off for web pages, whose lines are paragraphs).
    page_lines: (raw line index, page number) where each page of the source starts (a PDF's pages);
    without them, page-marker lines in the text give the pages.
    standalone: lines (compared without spaces) that are never joined to another.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    raw_lines = raw.split("\n")
    lines = [_without_markup(remove_stray_spaces(line.strip())) for line in raw_lines]
    alone = {i for i, line in enumerate(lines) if line and layout.squeeze(line) in standalone}
    markers = []
    for i, line in enumerate(lines):
        if m := layout.PAGE_MARKER.match(line):
            markers.append((i, int(next(g for g in m.groups() if g))))
            lines[i] = ""
    text, starts = _join_lines(lines, repair, opens=_indented(raw_lines) | alone, alone=alone)
    warnings: tuple[str, ...] = ()
    if page_lines:
        pages = _page_starts(page_lines, starts, len(text))
    else:
        pages, warnings = _marker_pages(markers, lines, starts, len(text))
    return Cleaned(text, pages, warnings)


# ---------------------------------------------------------------- line repair

# 　　2月6日，…: two ideographic spaces (or ASCII ones) open a paragraph in Chinese typesetting
_INDENT = re.compile(r"^(?:\u3000|[ \u00a0]{2})[\u3000 \u00a0]*\S")
INDENT_MEANS_NOTHING = 0.8  # a text indented nearly throughout has a margin, not paragraph indents


def _indented(raw_lines: list[str]) -> set[int]:
    """The lines that open a paragraph by their indent, where indents tell paragraphs apart."""
    filled = sum(1 for line in raw_lines if line.strip())
    found = {i for i, line in enumerate(raw_lines) if _INDENT.match(line)}
    return found if len(found) <= filled * INDENT_MEANS_NOTHING else set()


class _Repair:
    """Decides, line by line, whether a line continues on the next non-blank line."""

    def __init__(self, lines: list[str]):
        self.width = _wrap_width(lines)
        # table-of-contents titles tell how a broken report heading ends
        self.toc_by_number: dict[int, str] = {}
        self.toc_titles: list[str] = []
        for line in lines:
            if entry := layout.toc_entry(line):
                title = layout.squeeze(entry.title)
                self.toc_titles.append(title)
                if entry.number is not None and not entry.appendix:
                    self.toc_by_number.setdefault(entry.number, title)

    @staticmethod
    def is_heading(line: str) -> bool:
        if layout.toc_entry(line):
            return True
        h = layout.parse_heading(line)
        if h is not None and (h.marked or h.appendix) and not layout.BULLET.match(line.strip()):
            return True
        return layout.plain_title(line) and province_at_start(line, cities=True) is not None

    def heading_continues(self, line: str) -> bool:
        if line.lstrip().startswith("**") and not line.rstrip().endswith("**"):
            return True  # bold heading whose closing ** is on a later line
        if layout.toc_entry(line) or line.startswith("#"):
            return False
        h = layout.parse_heading(line)
        title = layout.squeeze(h.title) if h else ""
        full = self.toc_by_number.get(h.number) if h and h.number is not None and not h.appendix else None
        if full is None and len(title) >= 4:
            full = next((t for t in self.toc_titles if t.startswith(title)), None)
        if full:
            return full != title and full.startswith(title)
        return line.rstrip()[-1:] in _CLAUSE

    def continues(self, line: str, after_heading: bool, blank_follows: bool, next_line: str | None, below: str = "", last: str = "") -> bool:
        """`below`: the paragraph under a line that stands alone, over its next two lines;
        `last`: the source line that ends `line` (which may be several joined)."""
        if next_line is None or layout.is_block_start(next_line):
            return False
        s = line.strip()
        if layout.numbering_only(s):
            return True  # "8." alone: its title is on the next line
        if layout.RULE.match(s) or layout.TABLE_ROW.match(s):
            return False
        if layout.BULLET.match(s):
            return s[-1] in _CLAUSE  # a list item goes on only when it breaks off mid-clause
        if self.is_heading(line):
            return self.heading_continues(line)
        if _ends_sentence(line):
            return False
        # a subtitle that quotes the paragraph under it (增强政策取向的一致性…整体优化, over
        # 龚正…指出，…增强政策取向的一致性…): a sentence broken off never repeats itself
        if blank_follows and not _has_sentence_break(line) and _repeated_in(s, below):
            return False
        if line[-1] in _CLAUSE:
            return True
        if self.width and len(last or line) < self.width - WRAP_SLACK:
            return False  # a line the wrap did not fill ends its paragraph (a title over its first line)
        # a short line with no sentence in it, or a line set apart right under a
        # heading, is a subtitle, not a broken sentence
        if not _has_sentence_break(line) and (len(line) < 20 or (after_heading and blank_follows)):
            return False
        return True


def _cut_at_a_clause(line: str, next_line: str | None) -> bool:
    """A web page's paragraph that ends at a comma (…2.55万亿元，<br/>规模以上…): a line break
    Word put inside a sentence, which goes on on the next line."""
    return line[-1] in "，、" and next_line is not None and not layout.is_block_start(next_line)


WRAP_SLACK = 2  # characters a full line may fall short by (a closing mark kept off the next line's start)
WRAPPED_SHARE = 0.4  # lines of one width (±1) among those of 10 characters or more, for a text to be wrapped


def _wrap_width(lines: list[str]) -> int | None:
    """The width a PDF (or a hard-wrapped text) breaks its lines at, when most lines share it."""
    sizes = [len(l) for l in lines if len(l) >= 10]
    if len(sizes) < 5:
        return None
    width = max(set(sizes), key=lambda w: sum(abs(n - w) <= 1 for n in sizes))
    return width if sum(abs(n - width) <= 1 for n in sizes) >= WRAPPED_SHARE * len(sizes) else None


def _ends_sentence(line: str) -> bool:
    s = line.rstrip("*")
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return bool(s) and (s[-1] in _SENTENCE_END or layout.ends_half_width(s))


QUOTED_SUBTITLE_CHARS = 10  # a stretch this long, written again, is no coincidence


def _repeated_in(line: str, below: str) -> bool:
    line = line.strip("*# ")
    n = QUOTED_SUBTITLE_CHARS
    return len(line) >= n and (line[:n] in below or line[-n:] in below)


_CLAUSE_MARK = re.compile(r"[，。：；！？、,;:!?]")


def _has_sentence_break(line: str) -> bool:
    return any(ch in "。！？" for ch in line)


def _join(left: str, right: str) -> str:
    # Latin words broken across lines need their space back; CJK text never has one, nor a
    # number a line break cut (总投资7 | 283亿元)
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() and not (left[-1].isdigit() and right[0].isdigit()):
        return left + " " + right
    return left + right


def _join_lines(lines: list[str], repair: bool, opens: set[int] = frozenset(), alone: set[int] = frozenset()) -> tuple[str, list[int]]:
    """The joined text, and for every line the offset where its content starts in it.

    A line in `opens` is never joined to the line before it, one in `alone` neither to the line after.

    Runs of blank lines become one blank line; blank lines inside a broken sentence go.
    A line with no content gets the offset of the next content after it.
    """
    repairer = _Repair(lines) if repair else None
    next_at = [-1] * len(lines)  # where the next non-blank line after each line is
    nxt = -1
    for i in range(len(lines) - 1, -1, -1):
        next_at[i] = nxt
        if lines[i]:
            nxt = i
    following = [lines[j] if j >= 0 else None for j in next_at]  # the next non-blank line
    out: list[str] = []
    pos = 0  # length of "\n".join(out)
    starts = [-1] * len(lines)
    current: str | None = None  # a line still waiting for its continuation
    pending: list[tuple[int, int]] = []  # (line, offset inside current) of the lines in current
    after_heading = False
    # (a file opens with its title: a long one with no clause in it, set apart by a blank line,
    # 河北省政府新闻办“…”新闻发布会答记者问, is no sentence the wrap broke)
    first = next((i for i, l in enumerate(lines) if l), -1)
    if repairer and 0 <= first < len(lines) - 1 and not lines[first + 1] and not _CLAUSE_MARK.search(lines[first]):
        alone = alone | {first}

    def emit(line: str) -> int:
        nonlocal pos
        at = pos + (1 if out else 0)
        out.append(line)
        pos = at + len(line)
        return at

    for i, line in enumerate(lines):
        if not line:
            if current is None and out and out[-1]:
                emit("")
            continue
        if current is not None:
            joined = _join(current, line)
            pending.append((i, len(joined) - len(line)))
            line, current = joined, None
        else:
            pending = [(i, 0)]
        blank_follows = i + 1 < len(lines) and not lines[i + 1]
        # (a page break may split the paragraph under a subtitle: two lines are read)
        below = following[i] + (following[next_at[i]] or "") if repairer and len(pending) == 1 and following[i] is not None else ""
        joins = i not in alone and next_at[i] not in opens
        if joins and (repairer.continues(line, after_heading, blank_follows, following[i], below, lines[i]) if repairer
                      else _cut_at_a_clause(line, following[i])):
            current = line
            continue
        at = emit(line)
        for j, off in pending:
            starts[j] = at + off
        after_heading = repairer.is_heading(line) if repairer else False
    if current is not None:
        at = emit(current)
        for j, off in pending:
            starts[j] = at + off
    while out and not out[-1]:
        out.pop()
    text = "\n".join(out) + "\n"
    end = len(text) - 1
    nxt_start = end
    for i in range(len(lines) - 1, -1, -1):
        if starts[i] < 0 or starts[i] > end:
            starts[i] = nxt_start
        nxt_start = starts[i]
    return text, starts


# ---------------------------------------------------------------- pages

def _page_starts(page_lines, starts: list[int], size: int) -> PageStarts:
    result: dict[int, int] = {}
    for line, page in page_lines:
        at = starts[line] if line < len(starts) else size
        if at < size - 1 or not result:
            result[at] = page  # a later page that starts at the same place wins: the earlier was empty
    return tuple(sorted(result.items()))


def _marker_pages(markers, lines, starts, size) -> tuple[PageStarts, tuple[str, ...]]:
    """Pages from page-marker lines: a footer ("- 3 -" ends page 3) or, at the very top, a header."""
    if not markers:
        return (), ()
    numbers = [n for _, n in markers]
    if any(b <= a for a, b in zip(numbers, numbers[1:])):
        return (), (f"page markers out of order ({', '.join(map(str, numbers[:8]))}…); no page numbers recorded",)
    first_line = markers[0][0]
    header = not any(lines[:first_line])
    page_lines = [(line + 1, n if header else n + 1) for line, n in markers]
    if not header:
        page_lines.insert(0, (0, numbers[0]))
    return _page_starts(page_lines, starts, size), ()
