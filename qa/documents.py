"""Stage 1: read a bulletin file into a Document: decoded, extracted, cleaned.

Reads .txt/.md (UTF-8, UTF-8 with BOM, GBK/GB18030; a Markdown file's front matter gives
its title and year), .pdf (page by page, so a quote's page is known) and .html/.htm web
pages (the article only, see webpage.py).
Cleaning (cleaning.py) removes layout artefacts and nothing else.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import layout
from .cleaning import clean, clean_text, remove_stray_spaces  # noqa: F401  (the names callers import from here)
from .schema import Document
from .webpage import UTF16_BOMS

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")


class DocumentError(Exception):
    """A file that cannot be read as a bulletin. The message names the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


# ---------------------------------------------------------------- decoding

_UTF16_HINT = " (it reads as UTF-16 without a BOM: save it as UTF-8, or as \"Unicode\" with its BOM)"


def _utf16_without_bom(data: bytes) -> bool:
    """Bytes that decode as UTF-16 text into printable characters (a file saved without its BOM)."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) // 2 * 2][:20000].decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and not _looks_binary(text):
            return True
    return False


def decode_text(data: bytes) -> str:
    """UTF-16 by its BOM (Windows Notepad's "Unicode"), else UTF-8 (with or without BOM), then
    GB18030, the superset of GBK."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16")  # (the BOM says which byte order, and is dropped)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode("gb18030")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t\f")
    return bad > max(2, len(sample) // 100)


# ---------------------------------------------------------------- PDF

def read_pdf_pages(path: Path) -> list[str]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings repeat what DocumentError says
    try:
        reader = PdfReader(str(path))
        return [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(path, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc


_BARE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")


def pdf_page_numbers(pages: list[str]) -> tuple[list[str], list[int]]:
    """The pages without their printed page numbers, and the page numbers to cite.

    A bare number as the first or last line of a page is its printed number only when
    the pages agree: the number minus the page's index is the same on most pages. Then
    the printed numbers are cited (they match the bulletin's own table of contents);
    otherwise the PDF's page index is.
    """
    found: dict[int, tuple[int, int]] = {}  # page index -> (line index, number)
    for i, page in enumerate(pages):
        lines = page.split("\n")
        filled = [j for j, l in enumerate(lines) if l.strip()]
        for j in filled[-1:] + filled[:1]:  # a footer, else a header
            if m := _BARE_NUMBER.match(lines[j]) or layout.PAGE_MARKER.match(lines[j]):
                found[i] = (j, int(next(g for g in m.groups() if g)))
                break
    offsets = [n - i for i, (_, n) in found.items()]
    if len(found) >= 2 and len(found) * 2 >= len(pages):
        offset = max(set(offsets), key=offsets.count)
        if offsets.count(offset) * 3 >= len(found) * 2:
            cleaned = []
            for i, page in enumerate(pages):
                lines = page.split("\n")
                if i in found and found[i][1] - i == offset:
                    lines[found[i][0]] = ""  # the printed page number, an artefact
                cleaned.append("\n".join(lines))
            # printed numbers are cited unless an unnumbered cover would get page 0 or less
            return cleaned, [i + offset if offset >= 1 else i + 1 for i in range(len(pages))]
    return pages, [i + 1 for i in range(len(pages))]


def pdf_running_lines(pages: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """The pages without the header or footer line that a PDF repeats on them, and that line.

    河南省人民政府办公厅 政务动态（2025年第12期） on top of every page is no part of the
    sentence a page break cuts (…1.2万亿 | 元以上). The first page keeps it, as a line of its
    own: it names the issuer and dates the document.
    """
    texts = [page.split("\n") for page in pages]
    ends: list[tuple[int, ...]] = []  # per page: the line indexes of its first and last non-blank lines
    for lines in texts:
        filled = [j for j, line in enumerate(lines) if line.strip()]
        ends.append(tuple(dict.fromkeys(filled[:1] + filled[-1:])))
    counts: dict[str, int] = {}
    for lines, at in zip(texts, ends):
        for key in {layout.squeeze(lines[j]) for j in at}:
            counts[key] = counts.get(key, 0) + 1
    with_text = sum(1 for at in ends if at)
    running = {k for k, n in counts.items() if len(k) >= 4 and n >= 2 and n * 3 >= with_text * 2}
    if not running:
        return pages, ()
    kept: set[str] = set()
    for lines, at in zip(texts, ends):
        for j in at:
            key = layout.squeeze(lines[j])
            if key in running:
                if key in kept:
                    lines[j] = ""
                kept.add(key)
    return ["\n".join(lines) for lines in texts], tuple(sorted(running))


# ---------------------------------------------------------------- reading

@dataclass(frozen=True)
class Raw:
    """A file's text before cleaning, with what the format itself says about it."""

    text: str
    data: bytes
    page_lines: tuple[tuple[int, int], ...] = ()  # (line index, page number) where PDF pages start
    meta_title: str = ""  # what the format says besides the text: a page's article title, a front matter's title
    meta_year: int | None = None
    meta_site: str = ""
    is_html: bool = False
    warnings: tuple[str, ...] = ()
    standalone: tuple[str, ...] = ()  # lines that are no part of a sentence (a PDF's running header)


def read_source(path: Path | str) -> Raw:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(path, f"unsupported file type '{suffix or '(none)'}'; use .txt, .md, .pdf or .html")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise DocumentError(path, "empty file")
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise DocumentError(path, "not a PDF file (no %PDF header)")
        pages, numbers = pdf_page_numbers(read_pdf_pages(path))
        pages, running = pdf_running_lines(pages)
        page_lines, line = [], 0
        for page, number in zip(pages, numbers):
            page_lines.append((line, number))
            line += page.count("\n") + 1
        empty = [n for page, n in zip(pages, numbers) if not page.strip()]
        warnings = (f"pages {', '.join(map(str, empty[:10]))} hold no text (scanned images?): they are not indexed",) if empty else ()
        raw = Raw("\n".join(pages), data, tuple(page_lines), warnings=warnings, standalone=running)
    elif suffix in HTML_SUFFIXES:
        from .webpage import WebPageError, read_webpage

        try:
            page = read_webpage(data)
        except WebPageError as exc:
            raise DocumentError(path, str(exc)) from None
        raw = Raw(page.text, data, meta_title=page.title, meta_year=page.year, meta_site=page.site, is_html=True)
    else:
        if b"\x00" in data[:20000] and not data.startswith(UTF16_BOMS):
            raise DocumentError(path, "binary data, not text" + _UTF16_HINT * _utf16_without_bom(data))
        try:
            text = decode_text(data)
        except UnicodeDecodeError:
            raise DocumentError(path, "cannot decode: neither UTF-16 (with its BOM), UTF-8 nor GBK/GB18030") from None
        text, title, year = front_matter(text) if suffix == ".md" else (text, "", None)
        raw = Raw(text, data, meta_title=title, meta_year=year)
    if _looks_binary(raw.text):
        raise DocumentError(path, "binary data, not text")
    if not raw.text.strip():
        raise DocumentError(path, "no text in file")
    return raw


# ---\ntitle: …\ndate: 2025-02-06\n---: the metadata block a Markdown file saved from a site or
# a notes app opens with (Jekyll, Hugo, Obsidian). It says what the file is; it is no report text.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(title|date|year|published|pubdate)\s*:\s*(.+?)\s*$", re.M | re.I)


def front_matter(text: str) -> tuple[str, str, int | None]:
    """The text without its front matter, and the title and year that block gives."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, "", None
    fields = {k.lower(): v.strip("'\" ") for k, v in _FRONT_FIELD.findall(m.group(1))}
    if not fields:
        return text, "", None  # a rule under a first line, not metadata
    dated = next((y for k in ("date", "published", "pubdate", "year") if (y := re.match(r"((?:19|20)\d\d)(?!\d)", fields.get(k, "")))), None)
    return text[m.end() :], fields.get("title", ""), int(dated.group(1)) if dated else None


def read_raw(path: Path | str) -> tuple[str, bytes]:
    """The file's text before cleaning, and its bytes (for the content hash)."""
    raw = read_source(path)
    return raw.text, raw.data


def read_document(path: Path | str) -> Document:
    path = Path(path)
    raw = read_source(path)
    cleaned = clean(raw.text, repair=not raw.is_html, page_lines=raw.page_lines, standalone=raw.standalone)
    if not cleaned.text.strip():
        raise DocumentError(path, "no text left after removing page markers")
    head = layout.masthead(cleaned.text)
    title = head.title or raw.meta_title or path.name
    return Document(
        name=path.name,
        path=str(path),
        text=cleaned.text,
        sha256=hashlib.sha256(raw.data).hexdigest(),
        title=title,
        year=head.year or raw.meta_year or layout.dated_opening(cleaned.text),
        issue=head.issue,
        site=raw.meta_site,
        page_starts=cleaned.page_starts,
        warnings=raw.warnings + cleaned.warnings,
    )
