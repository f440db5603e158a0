"""Stage 1: read a bulletin file and repair the damage of PDF extraction.

Reads .txt/.md (UTF-8, UTF-8 with BOM, GBK/GB18030) and .pdf. The cleaned text
joins lines that a PDF broke mid-sentence, drops page-number lines and stray
spaces between CJK characters; nothing else in the content changes.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from . import layout
from .schema import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf")


class DocumentError(Exception):
    """A file that cannot be read as a bulletin. The message names the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


# ---------------------------------------------------------------- decoding

def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first, then GB18030, the superset of GBK."""
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


def read_pdf(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings repeat what DocumentError says
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(path, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc
    return "\n".join(pages)


def read_raw(path: Path) -> tuple[str, bytes]:
    """The file's text before cleaning, and its bytes (for the content hash)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(path, f"unsupported file type '{suffix or '(none)'}'; use .txt, .md or .pdf")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise DocumentError(path, "empty file")
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise DocumentError(path, "not a PDF file (no %PDF header)")
        text = read_pdf(path)
    else:
        if b"\x00" in data[:20000]:
            raise DocumentError(path, "binary data, not text")
        try:
            text = decode_text(data)
        except UnicodeDecodeError:
            raise DocumentError(path, "cannot decode: neither UTF-8 nor GBK/GB18030") from None
    if _looks_binary(text):
        raise DocumentError(path, "binary data, not text")
    if not text.strip():
        raise DocumentError(path, "no text in file")
    return text, data


def read_document(path: Path | str) -> Document:
    path = Path(path)
    raw, data = read_raw(path)
    return Document(name=path.name, path=str(path), text=clean_text(raw), sha256=hashlib.sha256(data).hexdigest())


# ---------------------------------------------------------------- cleaning

_CJK = (
    "\u3000-\u303f"  # CJK punctuation
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uff00-\uffef"  # full-width forms
    "\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"  # quotes, ellipsis, dash, middle dot used in Chinese
)
# a run of blanks with a CJK character on one side and a CJK character or a digit on the other
_STRAY_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000\u00a0]+(?=[{_CJK}0-9])|(?<=[0-9])[ \t\u3000\u00a0]+(?=[{_CJK}])")

# characters after which a line is complete
_SENTENCE_END = set("。！？；：!?;:…")
_CLOSERS = set("”’」』）)》】")
# characters after which a line certainly continues
_CLAUSE = set("，、,（(“‘《【—-")


def remove_stray_spaces(line: str) -> str:
    return _STRAY_SPACE.sub("", line)


def _ends_sentence(line: str) -> bool:
    s = line.rstrip("*")
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in _SENTENCE_END


def _has_sentence_break(line: str) -> bool:
    return any(ch in "。！？" for ch in line)


class _Cleaner:
    """Decides, line by line, whether a line continues on the next non-blank line."""

    def __init__(self, lines: list[str]):
        # table-of-contents titles tell how a broken report heading ends
        self.toc_titles: dict[int, str] = {}
        for line in lines:
            entry = layout.toc_entry(line)
            if entry and entry.number is not None:
                self.toc_titles.setdefault(entry.number, layout.squeeze(entry.title))

    def is_heading(self, line: str) -> bool:
        return bool(layout.toc_entry(line) or layout.report_heading(line) or layout.appendix_heading(line))

    def heading_continues(self, line: str) -> bool:
        if line.lstrip().startswith("**") and not line.rstrip().endswith("**"):
            return True  # bold heading whose closing ** is on a later line
        if layout.toc_entry(line):
            return False
        heading = layout.report_heading(line)
        if heading:
            number, title, _ = heading
            full = self.toc_titles.get(number)
            if full:
                return full != layout.squeeze(title) and full.startswith(layout.squeeze(title))
        return line.rstrip()[-1:] in _CLAUSE

    def continues(self, line: str, after_heading: bool, blank_follows: bool) -> bool:
        if self.is_heading(line):
            return self.heading_continues(line)
        if _ends_sentence(line):
            return False
        if line[-1] in _CLAUSE:
            return True
        # a short line with no sentence in it, or a line set apart right under a
        # heading, is a subtitle, not a broken sentence
        if not _has_sentence_break(line) and (len(line) < 20 or (after_heading and blank_follows)):
            return False
        return True


def _join(left: str, right: str) -> str:
    # Latin words broken across lines need their space back; CJK text never has one
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return left + " " + right
    return left + right


def clean_text(raw: str) -> str:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [remove_stray_spaces(line.strip()) for line in raw.split("\n")]
    lines = ["" if layout.PAGE_NUMBER_LINE.match(line) else line for line in lines]
    cleaner = _Cleaner(lines)

    out: list[str] = []
    current: str | None = None  # a line still waiting for its continuation
    after_heading = False
    for i, line in enumerate(lines):
        if not line:
            if current is None:
                out.append("")
            continue  # blank lines inside a broken sentence go
        if current is not None:
            line = _join(current, line)
            current = None
        blank_follows = i + 1 < len(lines) and not lines[i + 1]
        if cleaner.continues(line, after_heading, blank_follows):
            current = line
            continue
        out.append(line)
        after_heading = cleaner.is_heading(line)
    if current is not None:
        out.append(current)
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
