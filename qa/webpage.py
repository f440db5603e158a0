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

from .layout import MEETING, squeeze

# the byte-order marks of UTF-16, as Windows saves "Unicode" (a page, or a text file: documents.py)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
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
_BOILERPLATE_CLASS = ("nav", "menu", "foot", "crumb", "related", "share", "sidebar", "copyright", "friendlink", "qr_code", "qrcode",
                      "rich_media_tool")  # (an official account's QR code and its 阅读/在看 bar)
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
    title: str  # the article's title, from the page's meta tags or <title>
    year: int | None = None  # from the page's publication-date meta tag
    site: str = ""  # the site's name (湖北省人民政府门户网站): a report there calls its province 我省


def decode_html(data: bytes) -> str:
    """The page's text: its BOM, else its declared charset, else UTF-8, else GB18030."""
    if data.startswith(UTF16_BOMS):  # the BOM gives the byte order
        return data.decode("utf-16", "replace")
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
    title, year, site = _title(tree), _year(tree), _site(tree)  # before trafilatura, which prunes the tree
    _unwrap_layout_tables(tree)
    lines = _lines_of(tree)
    byline, editor = _byline(lines), _editor(lines)  # taken out of the tree; put back in place below
    if year is None and (dated := _PUBLISHED.search(byline)):
        year = int(dated.group(1))
    year = year or _year_of_timestamp(tree)
    headline = _headline(extract_title(tree), lines)  # before pruning: the title block may be a td.title
    _prune(tree)
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
    text = _with_byline(_with_headline(_plain(text), headline), byline, editor)
    if _SITE.search(title) and not MEETING.search(title):
        # (<title>贵州省人民政府</title>: the site's name; the page's own headline names the report)
        title = next((t for t in (headline, *(x[0] for x in lines)) if len(t) <= 60 and MEETING.search(t) and not re.search(r"[。；！？：:]", t)), title)
    return WebPage(text=text, title=title, year=year, site=site)


# trafilatura's Markdown escapes these wherever they stand in the text ("a\_b", "2\*3", "\# …")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_INLINE_BOLD = re.compile(r"(?<!\\)\*\*(.+?)(?<!\\)\*\*")
_INLINE_ITALIC = re.compile(r"(?<![\\*])\*(?![*\s])(.+?)(?<![\\*\s])\*(?!\*)")
_WHOLE_LINE_BOLD = re.compile(r"^\*\*[^*].*\*\*$")


# 点击上方蓝字关注我们, 喜欢就点个“在看”吧, ▼: an official account's calls to its readers,
# each a paragraph of its own, which trafilatura keeps as article text
_CALL_TO_ACTION = re.compile(r"[▼▲↓↑]+|.{0,8}(?:点击上方|关注我们|关注本号|点个?[“\"]?(?:在看|赞)|分享到朋友圈|长按识别|扫码关注|阅读原文).{0,8}")


def _plain(text: str) -> str:
    """The page's own characters: emphasis inside a paragraph and Markdown escapes taken off,
    and a call to the reader dropped. A line that is bold as a whole stays bold: that is how
    a page sets a title apart."""
    lines = []
    for line in text.split("\n"):
        if _CALL_TO_ACTION.fullmatch(line.strip()):
            continue
        if not _WHOLE_LINE_BOLD.match(line.strip()):
            line = _INLINE_ITALIC.sub(r"\1", _INLINE_BOLD.sub(r"\1", line))
        lines.append(_ESCAPED.sub(r"\1", line))
    return "\n".join(lines)


def _with_headline(text: str, headline: str | None) -> str:
    """The article with its headline on top. Government pages often hold the headline in a
    block of its own (div.title) that trafilatura leaves out with the date and print links;
    the headline names the report's place, so it is put back as a Markdown heading."""
    headline = " ".join((headline or "").split())
    # a site's name ("某省人民政府门户网站") or a column's (政务要闻) can pass for a headline; a
    # report's title names its meeting, or is a headline's length (我省2025年一季度重大项目集中开工)
    if not 4 <= len(headline) <= 100 or not (MEETING.search(headline) or len(headline) >= 10 and not _SITE.search(headline)):
        return text
    lines = text.split("\n")
    # trafilatura may keep a title block and put it after the article: its place is on top
    alone = [i for i, l in enumerate(lines) if squeeze(l.strip("#* ")) == squeeze(headline)]
    if alone and re.search(r"[。！？]", "".join(lines[: alone[0]])):
        text = "\n".join(lines[: alone[0]] + lines[alone[0] + 1 :]).rstrip("\n") + "\n"
    top = [l.strip("#* ") for l in text.split("\n") if l.strip()][:5]
    # already there, or there in full while the headline carries the site's name ("…_某省人民政府门户网站")
    # (a first sentence that names the meeting as the headline does, 2月5日，…大会在济南召开。, is no title)
    if any(headline in l and not re.search(r"[。；！？]", l) or (len(l) >= 6 and l in headline) for l in top):
        return text
    return f"# {headline}\n\n{text}"


_SITE = re.compile(r"网站|门户|政府网|官网|人民政府$")
# 发布日期：2025-02-05 18:32　来源：大众日报　字号：[大 中 小]: when and where a government page
# says its report was published; trafilatura drops the line as page furniture, but it dates
# the report (a report says 2月5日, seldom the year) and names its source
_PUBLISHED = re.compile(r"(?:发布日期|发布时间|发表时间|发文日期|日期|时间)\s*[:：]\s*((?:19|20)\d{2})\s*[-年/.]\s*\d{1,2}")
_BYLINE_END = re.compile(r"[\s　|]*(?:字号|字体|【|\[|打印|分享|关闭|浏览|阅读|访问|点击|扫一扫)")
_EDITOR = re.compile(r"[（(]?\s*(?:责任编辑|责编|编辑)\s*[:：]\s*[\u4e00-\u9fff·]{2,8}(?:[ 　、，,][\u4e00-\u9fff·]{2,4})*\s*[）)]?")
_BYLINE_CHARS = 120  # an element longer than this is the article, not its byline


def _lines_of(tree) -> list[tuple[str, object]]:
    """The short texts of the page's elements, whitespace within a line kept as written
    (a <br> or &nbsp; as a space: 时间：2025年02月05日&nbsp;&nbsp;来源：四川日报)."""
    found = []
    for node in tree.iter():
        if isinstance(node.tag, str) and node.tag not in ("script", "style", "title", "head", "meta", "html", "body"):
            text = re.sub(r"\s+", " ", _text_of(node)).strip()
            if 0 < len(text) <= _BYLINE_CHARS:
                found.append((text, node))
    return found


def _text_of(node) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == "br":
            parts.append(" ")
        elif isinstance(child.tag, str) and child.tag not in ("script", "style"):
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


# a page's <title> joins the report's title to the site's name: 四川省人民政府网站--全省…大会在成都召开
_TITLE_PARTS = re.compile(r"\s*(?:--|——|_|\||｜|\s[-–—]\s)\s*")


def _meeting_part(title: str) -> str:
    # (开年第一会，这些省份都在抓什么--地方--人民网: naming no meeting, the headline is the
    # longest part; the column's and the site's names are short)
    parts = [p for p in _TITLE_PARTS.split(title) if p]
    return next((p for p in parts if MEETING.search(p)), max(parts, key=len, default=title))


def _headline(found: str | None, lines: list[tuple[str, object]]) -> str:
    """The report's title: the part of what trafilatura found that names a meeting, and the
    page's own title block when it goes on from there (…在成都召开 王晓晖出席并讲话 施小琳主持)."""
    headline = _meeting_part(found or "")
    key = squeeze(headline)
    # (a title block with its date and source under it, 来源：南方日报 2024-02-19, is no title)
    fuller = [x for x in lines if len(key) >= 6 and squeeze(x[0]).startswith(key) and not re.search(r"[。；！？：:]|\d{4}", x[0])]
    block = max(fuller, key=lambda x: len(x[0]), default=None)
    # the block leaves the tree, to be put back on top (trafilatura may keep a piece of it: 王晓晖出席并讲话 after a <br>)
    return _taken(block) if block and len(squeeze(block[0])) > len(key) and MEETING.search(block[0]) else headline


# A cell holding this much prose is a page laid out with a table, not a table of data:
# trafilatura would write it as one "| … |" row, the article's paragraphs run together
_PROSE_CELL_CHARS = 200


def _unwrap_layout_tables(tree) -> None:
    for table in list(tree.iter("table")):
        cells = table.xpath("./tr/td | ./tbody/tr/td | ./tr/th | ./tbody/tr/th")
        # (a short report's cell holds its paragraphs as <p> or <div> blocks: no data table does)
        if any(len(re.findall("[。！？]", c.text_content())) >= 2 and (len(c.text_content()) >= _PROSE_CELL_CHARS or c.xpath(".//p | .//div"))
               for c in cells):
            for node in [table, *table.xpath("./tbody | ./tr | ./tbody/tr"), *cells]:
                node.tag = "div"


def _taken(found: tuple[str, object] | None) -> str:
    """The text of an element, which leaves the tree: trafilatura keeps such a bar on a
    short page and drops it on a long one, and the text is to stand in one place."""
    if found is None:
        return ""
    text, node = found
    if node.getparent() is not None:
        node.drop_tree()
    return text


def _byline(lines: list[tuple[str, object]]) -> str:
    """The fullest short line that dates the page, cut before its font-size and print links."""
    # (a line that holds a sentence is no byline: on a short page, the block around the whole article)
    found = _taken(max((x for x in lines if _PUBLISHED.search(x[0]) and "。" not in x[0]), key=lambda x: len(x[0]), default=None))
    byline = _BYLINE_END.split(found)[0].strip(" 　|")
    return re.sub(r"[ 　|]+(?=[\u4e00-\u9fff]{2,4}[:：])", "\n", byline)  # a line for each label: 来源：…


def _editor(lines: list[tuple[str, object]]) -> str:
    """（责任编辑：王晓东）, the page's last such line."""
    return _taken(next((x for x in reversed(lines) if _EDITOR.fullmatch(x[0])), None))


def _with_byline(text: str, byline: str, editor: str) -> str:
    """The byline under the headline (or on top), the editor's line at the end, each kept once."""
    if byline and byline not in text:
        head, sep, rest = text.partition("\n")
        text = f"{head}\n\n{byline}\n{sep}{rest}" if head.startswith("#") else f"{byline}\n\n{text}"
    if editor and editor not in text:
        text = text.rstrip("\n") + f"\n\n{editor}\n"
    return text


# 当前位置：首页 > 政务要闻, 您现在的位置：…: a breadcrumb, whatever its class is called (weizhi, dqwz)
_BREADCRUMB = re.compile(r"^\s*(?:您)?(?:现在|当前)?(?:的|所在)?位置\s*[:：]")


def _prune(tree) -> None:
    for xpath in PRUNE:
        for node in tree.xpath(xpath):
            if node.getparent() is not None:
                node.drop_tree()
    # a breadcrumb, and a bar of links in brackets (【打印本页】【关闭窗口】), each with the
    # rows and tables that hold nothing else
    furniture = [n for n in tree.iter() if isinstance(n.tag, str) and len(n.text_content()) <= _BYLINE_CHARS
                 and (_BREADCRUMB.match(n.text or "") or _links_only(n))]
    for node in furniture:
        while (parent := node.getparent()) is not None and parent.tag not in ("body", "html") and parent.text_content().strip() == node.text_content().strip():
            node = parent
        if node.getparent() is not None:
            node.drop_tree()
    # A link inside a paragraph is part of its sentence: as a link it makes trafilatura judge
    # the paragraph boilerplate, or its fallback break the sentence at the link.
    for link in tree.xpath("//p//a | //td//a | //li//a | //h1//a | //h2//a | //h3//a"):
        link.drop_tag()


def _links_only(node) -> bool:
    """【打印本页】【关闭窗口】: links and the brackets around them, nothing else."""
    links = "".join(a.text_content() for a in node.iter("a"))
    text = node.text_content()
    return node.tag != "a" and "【" in text and bool(links.strip()) and re.sub(r"[\s【】|｜]", "", text) == re.sub(r"\s", "", links)


# what a government site's CMS (and Open Graph) calls the article's own title
_TITLE_META = ("articletitle", "og:title", "dc.title")


def _title(tree) -> str:
    """The article's title: its title meta tag, else the part of <title> that names a meeting
    (…大会_河北省人民政府网: the rest is the site's name), else all of <title>."""
    return _meeting_part(_meta(tree, _TITLE_META) or _page_title(tree))


def _site(tree) -> str:
    """The site's name: its SiteName meta tag, else the part of <title> shaped like one."""
    return _meta(tree, ("sitename", "og:site_name")) or next((p for p in _TITLE_PARTS.split(_page_title(tree)) if _SITE.search(p)), "")


def _meta(tree, names: tuple[str, ...]) -> str:
    found = (m.get("content") for m in tree.iter("meta") if (m.get("name") or m.get("property") or "").lower() in names)
    return " ".join(next((c for c in found if c and c.strip()), "").split())


def _page_title(tree) -> str:
    node = tree.find(".//title")
    return " ".join((node.text_content() if node is not None else "").split())


# <em id="publish_time">2025-02-05 18:06</em>: a page (an official account's article) that dates
# itself only in an element named for it, with no label before the date
_TIMESTAMP_NAME = re.compile(r"publish|pub_?time|pub_?date|post_?(?:time|date)|article_?(?:time|date)", re.I)
_TIMESTAMP = re.compile(r"^\s*((?:19|20)\d{2})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


def _year_of_timestamp(tree) -> int | None:
    for node in tree.iter():
        if isinstance(node.tag, str) and _TIMESTAMP_NAME.search(f"{node.get('id', '')} {node.get('class', '')}"):
            if m := _TIMESTAMP.match(node.text_content()):
                return int(m.group(1))
    return None


def _year(tree) -> int | None:
    m = _YEAR.search(_meta(tree, _DATE_META))
    return int(m.group(1)) if m else None
