"""How a line of a bulletin looks: heading, table-of-contents entry, page marker, list item.

Shared by the cleaner (which must not glue a heading, a bullet or a rule to the line
after it) and the section splitter. Only the shape of a line is read here; whether a
heading opens a report is decided in sections.py from the place it names.

Heading forms, after RAGFlow's families (rag/nlp BULLET_PATTERN), any of them inside
Markdown `#` or `**bold**`: "1. 广东召开…", "一、广东召开…", "（一）…", "第一章 …",
"①…", "【江苏】…", "◆江苏：…", and "附：…" for an appendix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SPACES = re.compile(r"\s+")

# A page marker is a line of its own: "- 3 -", "— 3 —", "第3页", "第 3 页 共 80 页", "Page 3 of 80".
# A bare number is not one: it is as likely a table cell.
PAGE_MARKER = re.compile(
    r"^\s*(?:[-–—]\s*(\d{1,4})\s*[-–—]|第\s*(\d{1,4})\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|[Pp]age\s+(\d{1,4})(?:\s+of\s+\d{1,4})?)\s*$"
)
PAGE_NUMBER_LINE = PAGE_MARKER  # the name the property tests use for "lines cleaning may drop"

_CN_DIGITS = "一二三四五六七八九十百零〇两"
_MARKDOWN = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_NUMBERING = [
    ("chapter", re.compile(rf"^第\s*([{_CN_DIGITS}\d]{{1,4}})\s*[章节篇部分]\s*[、.．:：]?\s*")),
    ("paren", re.compile(rf"^[(（]\s*([{_CN_DIGITS}]{{1,4}}|\d{{1,3}})\s*[)）]\s*")),
    ("arabic", re.compile(r"^(\d{1,3})\s*(?:[.．、](?!\d)|[)）])\s*")),
    ("cn", re.compile(rf"^([{_CN_DIGITS}]{{1,4}})\s*[、．.]\s*")),
    ("circled", re.compile(r"^([\u2460-\u2473])\s*")),
]
BRACKET = re.compile(r"^【([^】]{1,15})】\s*")
# ◆浙江：…, ■ 河北召开…: the symbol a bulletin sets before each report's title (or a list's items)
_SYMBOLS = "•·▪◆◇■□●○★☆▲△▶►◎※"
_SYMBOL = re.compile(rf"^[{_SYMBOLS}]\s*")
_APPENDIX = re.compile(r"^附(?:件|录)?\s*(?:\d{1,2}|[一二三四五六七八九十])?\s*[:：]\s*")
# "- item", "* item", "• item", "1) item", "（1）item": a list item, never glued to the next line
BULLET = re.compile(rf"^(?:[-*+]\s+|[{_SYMBOLS}]|\d{{1,3}}[)）]|[(（](?:\d{{1,3}}|[{_CN_DIGITS}]{{1,3}})[)）]|[\u2460-\u2473])")
# the mark of a list's item: - …, • …, 1. …, （一）…
LIST_MARK = re.compile(r"(?:[-*+•]|\d{1,2}[.．、)）]|[（(][一二三四五六七八九十\d]{1,3}[)）])[ \t]*")
RULE = re.compile(r"^(?:[-*_=]\s*){3,}$|^[—━─]{2,}$")
# a table row: | 洛阳 | 80 | 420 |, or its cells without the outer bars (指标 | 2024年 | 2025年目标),
# as pages and typed reports write them; three cells at least, so that a lone | in prose is none
TABLE_ROW = re.compile(r"^(?:\|.*\||[^|\n]+(?:\|[^|\n]*){2,})$")
# the meetings these reports are about; a bare line (no number, no mark) that opens with a
# place is a report title only when it names one
MEETING = re.compile(r"召开|举行|召集|会议|大会|座谈会|推进会|动员会|部署会|论坛")
SENTENCE_END = "。！？；!?;"
# a full stop typed half-width in Chinese text (…大会.省委书记…, as in a typed or OCR'd file)
# ends its sentence; 1.5, 3.2节 and www.gov.cn go on
HALF_WIDTH_STOP = r"(?<=[\u4e00-\u9fff”’」』）)\"%％])\.(?![0-9A-Za-z.])"


def squeeze(text: str) -> str:
    """Text with all white space and bold marks removed, for comparing titles across line breaks."""
    return SPACES.sub("", text).strip("*")


_ONE_CHARACTER = {ch: n for n, ch in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


@lru_cache(maxsize=256)
def numeral(text: str) -> int | None:
    """1 for "1", "一" or "①"; None when it is no number."""
    if text.isdecimal():  # (not isdigit: ① is a digit that int() cannot read)
        return int(text)
    if "\u2460" <= text <= "\u2473":
        return ord(text) - 0x2460 + 1
    if text in _ONE_CHARACTER:
        return _ONE_CHARACTER[text]  # (the common case needs no cn2an)
    import cn2an  # 0.1 s to import; only documents with Chinese numerals pay it

    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class Heading:
    """What a heading-shaped line says, its marks taken off."""

    title: str
    form: str  # the marks it carries, e.g. "md2+arabic", "bold+bracket", "cn", "plain"
    number: int | None
    appendix: bool = False

    @property
    def numbered(self) -> bool:
        return self.number is not None

    @property
    def marked(self) -> bool:
        """Set apart by a mark of its own: Markdown, bold, a number or 【】."""
        return self.form != "plain"


def parse_heading(line: str) -> Heading | None:
    """The heading a line would be, if it is one; None for an empty line, a rule, a table row or a TOC entry."""
    s = line.strip()
    if not s or RULE.match(s) or TABLE_ROW.match(s) or toc_entry(s):
        return None
    return _read_marks(s)


def _read_marks(s: str) -> Heading | None:
    forms = []
    if m := _MARKDOWN.match(s):
        forms.append(f"md{len(m.group(1))}")
        s = m.group(2)
    if s.startswith(("**", "__")):
        forms.append("bold")
        s = s.strip("*_ ").strip()
    if m := _SYMBOL.match(s):
        forms.append("symbol")
        s = s[m.end() :]
    number = None
    for name, pattern in _NUMBERING:
        if m := pattern.match(s):
            number = numeral(m.group(1))
            if number is not None:
                forms.append(name)
                s = s[m.end() :]
            break
    appendix = False
    if m := _APPENDIX.match(s):
        appendix, s = True, s[m.end() :]
    if BRACKET.match(s):
        forms.append("bracket")  # "【江苏】…": the title keeps it, for heading_province to read
    title = s.strip().strip("*").strip()
    if not title and not appendix:
        return None
    return Heading(title=title, form="+".join(forms) or "plain", number=number, appendix=appendix)


def numbering_only(line: str) -> bool:
    """A line holding only a heading's number ("8.", "一、", "（三）"): a PDF put its title on the next line."""
    s = line.strip().strip("*#").strip()
    return any((m := pattern.match(s)) and m.end() == len(s) for _, pattern in _NUMBERING)


def plain_title(text: str) -> bool:
    """A bare line shaped like a report title: short, no punctuation inside, and it names a meeting."""
    s = text.strip()
    return len(s) <= 40 and not any(ch in s for ch in "。！？；，、,;") and bool(MEETING.search(s))


# 时间：…, 主持：…, 记录：…: the fields a minutes (纪要) or a page's byline opens with, one to a line
FIELD_LINE = re.compile(r"(?:时间|日期|地点|主持人?|出席|列席|参加人员|参会人员|缺席|请假|记录人?|议题|发布时间|来源|作者|责任编辑)\s*[:：]")


def is_block_start(line: str) -> bool:
    """A line that starts something of its own: a heading mark, a list item, a rule or a table row."""
    s = line.strip()
    # (目 录: the contents' own heading, which no sentence runs into)
    if RULE.match(s) or TABLE_ROW.match(s) or BULLET.match(s) or toc_entry(s) or s in ("目录", "目次") or FIELD_LINE.match(s):
        return True
    h = parse_heading(s)
    return h is not None and (h.marked or h.appendix)


def is_sentence(text: str) -> bool:
    """True when text ends like a sentence, as a list item does and a title does not."""
    s = text.rstrip().rstrip("*").rstrip("”’」』）)》】\"'")
    return bool(s) and (s[-1] in SENTENCE_END or ends_half_width(s))


def ends_half_width(s: str) -> bool:
    return bool(re.search(HALF_WIDTH_STOP + "$", s))


# ---------------------------------------------------------------- table of contents

# the page reference that ends a table-of-contents line: "…新广东\t- 3 -", "…摘录 .-\t7 -",
# "一、广东召开……………3", "广东召开........ 3", "第一章 总述\t12"
_TOC_DASHED = re.compile(r"[\s.．·…]*-?\s*(\d{1,3})\s*-\s*$")
_TOC_LEADER = re.compile(r"\s*(?:[.．·…]{2,}|…+|\t+)\s*(\d{1,3})\s*$")


@dataclass(frozen=True)
class TocEntry:
    title: str  # the heading's title, marks taken off
    page: int
    number: int | None = None
    appendix: bool = False


@lru_cache(maxsize=4096)  # the cleaner and the splitter ask about the same lines again and again
def toc_entry(line: str) -> TocEntry | None:
    """A table-of-contents line: a title followed by a page reference."""
    s = line.strip()
    if not s or not (s[-1].isdigit() or s[-1] == "-"):
        return None
    for pattern in (_TOC_DASHED, _TOC_LEADER):
        m = pattern.search(s)
        if not m or m.start() == 0:
            continue
        head = s[: m.start()].rstrip(" .．·…\t")
        if not head or head[-1].isdigit():  # "2024年 3" or a row of figures is no entry
            continue
        h = None if is_sentence(head) else _read_marks(head)
        if h is None:
            continue
        return TocEntry(title=h.title, page=int(m.group(1)), number=h.number, appendix=h.appendix)
    return None


# ---------------------------------------------------------------- the bulletin's name

# the first two digits of a year, as a document may write them full-width (２０２４年: int() reads them)
CENTURY = "(?:19|20|１９|２０)"
_ISSUE = re.compile(rf"({CENTURY}\d{{2}})\s*年\s*第\s*(\d{{1,3}})\s*期")
_DATE = re.compile(rf"({CENTURY}\d{{2}})\s*(?:年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[-/.]\d{{1,2}}[-/.]\d{{1,2}})")


# 2025年2月5日，湖南省委、省政府在长沙召开…: a report that opens by dating its meeting in full
_DATED_OPENING = re.compile(rf"^(?:近日|日前)?[，,]?({CENTURY}\d{{2}})\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日[^。！？.]{{0,60}}?(?:召开|举行|举办)")


def dated_opening(text: str, lines: int = 5) -> int | None:
    """The year a single report's first paragraphs date its meeting in, when one opens so."""
    for line in [l.strip() for l in text.split("\n", 50)[:50] if l.strip()][:lines]:
        if m := _DATED_OPENING.match(line):
            return int(m.group(1))
    return None


@dataclass(frozen=True)
class Masthead:
    title: str = ""  # "今日科技快讯2024年第6期"
    issue: str = ""  # "2024年第6期"
    year: int | None = None


def masthead(text: str, lines: int = 20) -> Masthead:
    """The bulletin's name, issue and year, from the lines at the top of its first page."""
    head = [l.strip() for l in text.split("\n", 200)[:200] if l.strip()][:lines]
    for i, line in enumerate(head):
        if m := _ISSUE.search(line):
            issue = f"{m.group(1)}年第{m.group(2)}期"
            name = _ISSUE.split(line)[0].strip()
            if not name and i > 0 and _is_name(head[i - 1]):
                name = head[i - 1]
            name = _MARKUP.sub("", name).strip()  # "# 今日科技快讯", "**今日科技快讯**"
            name = name.rstrip("（([〔 ")  # 各地新春第一会动态（2025年第2期）: the bracket is the issue's
            return Masthead(title=f"{name}{issue}" if name else issue, issue=issue, year=int(m.group(1)))
    for line in head:
        if (m := _DATE.search(line)) and len(line) <= 40:
            return Masthead(year=int(m.group(1)))
    return Masthead()


_MARKUP = re.compile(r"^#{1,6}\s*|[*_]{2}|[《》【】]")


def _is_name(line: str) -> bool:
    return len(line) <= 20 and not any(ch in line for ch in SENTENCE_END + "，,：:")
