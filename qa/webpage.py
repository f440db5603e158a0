"""Web pages (.html, .htm) saved from government and news sites: the article, nothing else.

trafilatura finds the article and drops navigation, footers, scripts and link lists.
Navigation, footers, link lists and the like are pruned first (PRUNE). Its Markdown
output keeps what the sections need: headings as "#", the bold centred
<p><strong>…</strong></p> titles that government sites use instead of <h1> as
"**…**", paragraphs as blocks, tables as "| … |" rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import MEETING

# <meta charset="gbk">, <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,30})""", re.I)
# GBK and GB2312 pages often hold characters only their superset GB18030 has a name for
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030"}
# the publication date where government sites state it
_DATE_META = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date", "date")
_YEAR = re.compile(r"((?:19|20)\d{2})")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Boilerplate pruned before extraction. trafilatura finds it on its own in a long article, but
# on a short page (under ~250 characters) it falls back to the whole body, and link lists of
# other reports' titles ("重庆召开…大会") would read as reports of their own.
_BOILERPLATE_CLASS = ("nav", "menu", "foot", "crumb", "related", "share", "sidebar", "copyright", "friendlink")
PRUNE = [
    "//nav",
    "//footer",
    "//aside",
    "//header[not(ancestor::article)]",
    "//ul[li and count(li) = count(li[a]) and not(li[normalize-space(text())])]",  # lists of links only
    "//*[a and not(*[not(self::a)]) and not(normalize-space(text()))]",  # bars of links: 首页 政务公开 …
    "//*[starts-with(normalize-space(text()), '上一篇') or starts-with(normalize-space(text()), '下一篇')]",
    *(f"//*[contains(@class, '{c}') or contains(@id, '{c}')]" for c in _BOILERPLATE_CLASS),
]


class WebPageError(Exception):
    """A page with no article text, or bytes that are no HTML text."""


@dataclass(frozen=True)
class WebPage:
    text: str  # the article as Markdown; Document.text is this, cleaned
    title: str  # the page's <title>
    year: int | None = None  # from the page's publication-date meta tag


def decode_html(data: bytes) -> str:
    """The page's text: its BOM, else its declared charset, else UTF-8, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    tries = []
    if m := _META_CHARSET.search(data[:4096]):
        name = m.group(1).decode("ascii").lower()
        tries.append(_SUPERSETS.get(name, name))
    tries += ["utf-8", "gb18030"]
    for encoding in tries:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise WebPageError("cannot decode: neither its declared charset, UTF-8 nor GBK/GB18030")


def read_webpage(data: bytes) -> WebPage:
    import trafilatura  # 0.3 s to import; only web pages pay it
    from lxml import html as lxml_html
    from lxml.etree import ParserError
    from trafilatura.metadata import extract_title

    page = _XML_DECLARATION.sub("", decode_html(data))  # lxml refuses a str that declares its encoding
    try:
        tree = lxml_html.fromstring(page)
    except (ParserError, ValueError) as exc:
        raise WebPageError(f"not an HTML page ({exc})") from None
    title, year = _title(tree), _year(tree)  # before trafilatura, which prunes the tree
    _prune(tree)
    headline = extract_title(tree)  # the article's <h1> or title block, as trafilatura finds it
    try:
        text = trafilatura.extract(
            tree,
            output_format="markdown",
            include_formatting=True,  # headings and bold titles survive
            include_tables=True,
            include_comments=False,
            include_links=False,
            include_images=False,
            favor_recall=True,  # a short report is still an article
            deduplicate=False,
        )
    except Exception as exc:  # untrusted markup inside a third-party extractor: any failure means "unreadable"
        raise WebPageError(f"cannot extract the article ({exc.__class__.__name__}: {exc})") from None
    if not text or not text.strip():
        raise WebPageError("no article text found in the page")
    return WebPage(text=_with_headline(_plain(text), headline), title=title, year=year)


# trafilatura's Markdown escapes these wherever they stand in the text ("a\_b", "2\*3", "\# …")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_INLINE_BOLD = re.compile(r"(?<!\\)\*\*(.+?)(?<!\\)\*\*")
_INLINE_ITALIC = re.compile(r"(?<![\\*])\*(?![*\s])(.+?)(?<![\\*\s])\*(?!\*)")
_WHOLE_LINE_BOLD = re.compile(r"^\*\*[^*].*\*\*$")


def _plain(text: str) -> str:
    """The page's own characters: emphasis inside a paragraph and Markdown escapes taken off.
    A line that is bold as a whole stays bold: that is how a page sets a title apart."""
    lines = []
    for line in text.split("\n"):
        if not _WHOLE_LINE_BOLD.match(line.strip()):
            line = _INLINE_ITALIC.sub(r"\1", _INLINE_BOLD.sub(r"\1", line))
        lines.append(_ESCAPED.sub(r"\1", line))
    return "\n".join(lines)


def _with_headline(text: str, headline: str | None) -> str:
    """The article with its headline on top. Government pages often hold the headline in a
    block of its own (div.title) that trafilatura leaves out with the date and print links;
    the headline names the report's place, so it is put back as a Markdown heading."""
    headline = " ".join((headline or "").split())
    # a site's name ("某省人民政府门户网站") can pass for a headline; a report's title names its meeting
    if not 4 <= len(headline) <= 100 or not MEETING.search(headline):
        return text
    top = [l.strip("#* ") for l in text.split("\n") if l.strip()][:5]
    # already there, or there in full while the headline carries the site's name ("…_某省人民政府门户网站")
    if any(headline in l or (len(l) >= 6 and l in headline) for l in top):
        return text
    return f"# {headline}\n\n{text}"


def _prune(tree) -> None:
    for xpath in PRUNE:
        for node in tree.xpath(xpath):
            if node.getparent() is not None:
                node.drop_tree()
    # A link inside a paragraph is part of its sentence: as a link it makes trafilatura judge
    # the paragraph boilerplate, or its fallback break the sentence at the link.
    for link in tree.xpath("//p//a | //td//a | //li//a | //h1//a | //h2//a | //h3//a"):
        link.drop_tag()


def _title(tree) -> str:
    node = tree.find(".//title")
    return " ".join((node.text_content() if node is not None else "").split())


def _year(tree) -> int | None:
    for meta in tree.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        if name in _DATE_META and (m := _YEAR.search(meta.get("content") or "")):
            return int(m.group(1))
    return None
