"""Layout variants that the tests write themselves: the built-in bulletin re-rendered in
other layouts, and small documents composed in the forms users bring (web pages, single
reports, PDFs). Each variant knows the province of every section and the page of a few
quotes. Used by tests/test_layouts.py and scripts/measure_layouts.py."""
from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "jinri-keji-kuaixun-2024-06.txt"
MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
FRONT = "今日科技快讯\n\n2024年第7期 总第1666期\n\n编者按：本期汇编多地“新春第一会”的相关报道，呈报领导参阅。\n\n"


@dataclass(frozen=True)
class Report:
    province: str
    title: str  # "广东召开…", as in the bulletin
    body: str  # paragraphs separated by blank lines
    page: int | None  # the page the bulletin's table of contents gives
    appendices: tuple[tuple[str, str, int | None], ...] = ()  # (title, body, page)

    @property
    def rest(self) -> str:
        """The title after its province: "召开全省高质量发展大会…"."""
        return self.title[len(self.province) :]

    def first_sentence(self) -> str:
        return re.split(r"(?<=。)", self.body.split("\n\n")[0])[0]


@dataclass(frozen=True)
class Variant:
    name: str
    filename: str
    data: bytes
    expected: tuple[tuple[str, str], ...]  # (kind, province) of every section, in order
    quotes: tuple[tuple[str, int | None, bool], ...] = ()  # (quote, page, page_exact)
    title: str = ""  # the expected Document.title, when the variant tests it
    notes: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def corpus_reports() -> tuple[Report, ...]:
    """The 18 reports of the built-in bulletin, with their appendices, as the splitter reads them."""
    from qa.documents import read_document
    from qa.sections import split_sections

    doc = read_document(CORPUS)
    reports: list[Report] = []
    for s in split_sections(doc):
        body = doc.text[s.start : s.end].split("\n", 1)[1].strip()
        if s.kind == "report":
            reports.append(Report(s.province, s.title, body, s.page))
        elif s.kind == "appendix":
            r = reports[-1]
            reports[-1] = Report(r.province, r.title, r.body, r.page, r.appendices + ((s.title, body, s.page),))
    return tuple(reports)


def expected_of(reports, front: bool = True) -> tuple[tuple[str, str], ...]:
    out = [("front", "总述")] if front else []
    for r in reports:
        out.append(("report", r.province))
        out += [("appendix", r.province)] * len(r.appendices)
    return tuple(out)


# ---------------------------------------------------------------- renderings

def arabic(n, r):
    return f"{n}. {r.title}"


def chinese(n, r):
    return f"{cn_numeral(n)}、{r.title}"


def markdown(n, r):
    return f"## {r.title}"


def organ_first(n, r):
    unit = "市" if r.province in MUNICIPALITIES else "省"
    return f"{n}. 中共{r.province}{unit}委、{r.province}{unit}人民政府{r.rest}"


def bracketed(n, r):
    return f"【{r.province}】{r.rest}"


def cn_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def render(reports, heading=arabic, numbers=None, toc: str | None = "dash", rule: bool = False, front: str = FRONT) -> str:
    numbers = numbers or list(range(1, len(reports) + 1))
    parts = [front]
    if toc:
        parts.append("目 录\n\n")
        for n, r in zip(numbers, reports):
            parts.append(_toc_line(heading(n, r).lstrip("# "), r.page, toc))
            for title, _, page in r.appendices:
                parts.append(_toc_line(f"附：{title}", page, toc))
        parts.append("\n")
    for n, r in zip(numbers, reports):
        parts.append(f"{heading(n, r)}\n\n{r.body}\n\n")
        for title, body, _ in r.appendices:
            parts.append(f"附：{title}\n\n{body}\n\n")
        if rule:
            parts.append("---\n\n")
    return "".join(parts)


def _toc_line(title: str, page: int | None, style: str) -> str:
    return f"{title}\t- {page} -\n" if style == "dash" else f"{title}……………{page}\n"


def pdf_like(text: str, width: int = 36, lines_per_page: int = 40) -> tuple[str, list[int]]:
    """Lines broken at `width` as a PDF breaks them, a "- N -" footer under every page;
    and the page of every line of the result (0 for a footer)."""
    lines, pages = [], []
    page, on_page = 1, 0
    for para in text.split("\n"):
        for line in textwrap.wrap(para, width) or [""]:
            lines.append(line)
            pages.append(page)
            on_page += 1
            if on_page == lines_per_page:
                lines.append(f"- {page} -")
                pages.append(0)
                page, on_page = page + 1, 0
    lines.append(f"- {page} -")
    pages.append(0)
    return "\n".join(lines) + "\n", pages


def page_of(raw_lines: list[str], pages: list[int], quote: str) -> int:
    """The page of the raw line where `quote` starts (the quote may run over a line break)."""
    flat, owner = "", []
    for line, page in zip(raw_lines, pages):
        if page:
            flat += line
            owner += [page] * len(line)
    return owner[flat.index(quote)]


# ---------------------------------------------------------------- composed documents

GOV_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}</title>
<script>var _hmt = _hmt || []; function track() {{ document.write("统计代码"); }}</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/zw">政务公开</a> <a href="/hd">互动交流</a> <a href="/fw">办事服务</a></div>
<div class="nav"><ul><li><a href="/a">要闻动态</a></li><li><a href="/b">通知公告</a></li><li><a href="/c">政策解读</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xw">新闻中心</a> &gt; 要闻</div>
<div class="article">
{article}
</div>
<div class="pages"><p>上一篇：<a href="/p">重庆召开建设成渝地区双城经济圈工作推进大会</a></p><p>下一篇：<a href="/n">四川召开推进新型工业化工作会议</a></p></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/1">重庆召开建设成渝地区双城经济圈工作推进大会</a></li><li><a href="/2">四川召开推进新型工业化暨制造业智能化改造数字化转型工作会议</a></li></ul></div>
<div class="footer"><p>主办：人民政府办公厅　版权所有　ICP备05070829号</p><p>网站标识码：4400000064</p></div>
<script>track();</script>
</body></html>
"""
BOILERPLATE = ("首页", "政务公开", "要闻动态", "当前位置", "上一篇", "相关链接", "版权所有", "网站标识码", "统计代码", "成渝地区双城经济圈")


def html_report(title: str, paragraphs: list[str], bold_title: bool = True) -> str:
    head = f'<p style="text-align: center;"><strong>{title}</strong></p>' if bold_title else f"<h2>{title}</h2>"
    return head + "\n" + "\n".join(f"<p>　　{p}</p>" for p in paragraphs)


def gov_page(title: str, article: str, charset: str = "utf-8") -> bytes:
    return GOV_PAGE.format(title=title, article=article, charset=charset).encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset)


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold these lines, in reportlab's built-in CJK font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for lines in pages:
        c.setFont("STSong-Light", 11)
        for i, line in enumerate(lines):
            c.drawString(40, 800 - 18 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- the variants

def _toc_quotes(reports, picks=(0, 6, -1)):
    return tuple((reports[i].first_sentence(), reports[i].page, False) for i in picks)


def _no_page_quotes(reports, picks=(0, 6, -1)):
    return tuple((reports[i].first_sentence(), None, False) for i in picks)


def corpus_variants() -> list[Variant]:
    import random

    R = corpus_reports()
    out = []

    def add(name, text, reports, quotes=(), filename="bulletin.txt", encoding="utf-8", front=True, **kw):
        out.append(Variant(name, filename, text.encode(encoding), expected_of(reports, front), tuple(quotes), **kw))

    add("numbered, dash TOC", render(R), R, _toc_quotes(R), title="今日科技快讯2024年第7期")
    add("Chinese numerals, dot-leader TOC", render(R, chinese, toc="dots"), R, _toc_quotes(R))
    add("Markdown headings and rules, no TOC", render(R, markdown, toc=None, rule=True), R, _no_page_quotes(R), filename="bulletin.md")
    add("numbered, no TOC", render(R, toc=None), R, _no_page_quotes(R))
    gap = R[:4] + R[5:]
    add("a gap: report 5 left out", render(gap, numbers=[1, 2, 3, 4] + list(range(6, 19))), gap, _toc_quotes(gap))
    shuffled = list(R)
    random.Random(7).shuffle(shuffled)
    add("shuffled and renumbered", render(shuffled), shuffled, _toc_quotes(shuffled))
    add("organ-first headings", render(R, organ_first), R, _toc_quotes(R))
    add("【省份】 headings, no TOC", render(R, bracketed, toc=None), R, _no_page_quotes(R))
    two_parts = render(R[:9], toc=None) + "第二部分 其他省市\n\n" + render(R[9:], toc=None, front="")
    add("numbering restarts in a second part", two_parts, R, _no_page_quotes(R))
    # (第二部分 其他省市 heads a group of reports: it is no part of the report above it)
    out[-1] = replace(out[-1], expected=expected_of(R[:9]) + (("front", "总述"),) + expected_of(R[9:], front=False))
    raw, pages = pdf_like(render(R, toc=None))
    lines = raw.split("\n")
    exact = [(R[i].first_sentence(), page_of(lines, pages, R[i].first_sentence()), True) for i in (0, 6, -1)]
    exact.append(("创新是第一动力。", page_of(lines, pages, "创新是第一动力。"), True))  # in appendix 1-附2
    add("PDF-like line breaks, page footers", raw, R, exact)
    add("GBK text, five reports", render(R[:5]), R[:5], _toc_quotes(R[:5], (0, 4)), encoding="gb18030")
    return out


LIST_ITEMS = """1. 广东召开全省高质量发展大会

2月18日，广东省委、省政府在深圳召开全省高质量发展大会。会议提出三点要求：

1. 广东要加快建设现代化产业体系

2. 江苏等地的先进经验值得学习借鉴

3. 广东将于3月召开全省科技创新大会

会议在深圳设主会场，在广州、珠海设分会场。

2. 江苏召开产业科技创新中心工作推进会

2月18日，江苏省委、省政府在南京召开推进会，部署产业科技创新中心建设。

3. 浙江召开全省“三支队伍”建设大会

会议提出三项任务：

1. 上海、江苏的做法值得借鉴

2月18日，浙江省委、省政府在杭州召开大会。
"""

CONTRADICTED = """1. 广东召开全省高质量发展大会

2月18日，广东省委、省政府在深圳召开全省高质量发展大会。

2. 浙江召开产业科技创新中心工作推进会

2月18日，省委、省政府在南京召开推进会。苏州、无锡、常州等地负责同志作交流发言，江苏将全力建设产业科技创新中心。
"""

MARKDOWN_BLOCKS = """# 新春第一会汇编

## 广东召开全省高质量发展大会

- 会议在深圳设主会场，在各地级以上市、各县（市、区）设分会场并进行实况直播
- 省委书记黄坤明出席会议并发表讲话，省长王伟中主持会议
---
## 江苏召开产业科技创新中心工作推进会

江苏今年新开工重大项目情况

| 地区 | 项目数 |
|---|---|
| 南京 | 12 |
| 苏州 | 9 |

地区
项目数
无锡
7
"""


def composed_variants() -> list[Variant]:
    gz = "2月18日，广东省委、省政府在深圳召开全省高质量发展大会，聚焦产业科技话创新、谋未来。"
    out = [
        Variant("single report, a city organ names it", "doc1.txt",
                "深圳市委召开全市高质量发展大会\n\n2月19日，深圳市委、市政府召开全市高质量发展大会。会议在前海设主会场。\n".encode(),
                (("report", "广东"),), (("会议在前海设主会场。", None, False),), title="doc1.txt"),
        Variant("single report, the title names no place", "doc2.md",
                "# 省委省政府召开全省优化营商环境大会\n\n2月18日，辽宁省委、省政府在沈阳召开全省优化营商环境大会。大连、鞍山设分会场。\n".encode(),
                (("report", "辽宁"),)),
        Variant("numbered list items that name provinces", "list.txt", LIST_ITEMS.encode(), (("report", "广东"), ("report", "江苏"), ("report", "浙江"))),
        Variant("a heading the body contradicts", "contra.txt", CONTRADICTED.encode(), (("report", "广东"), ("report", "江苏"))),
        Variant("Markdown rules, bullets, a table", "blocks.md", MARKDOWN_BLOCKS.encode(), (("front", "总述"), ("report", "广东"), ("report", "江苏"))),
        Variant("digest with 省份： headings", "colon.txt", COLON_DIGEST.encode(),
                (("front", "总述"), ("report", "广东"), ("report", "江苏"), ("report", "浙江")), (("宁波、温州设分会场。", None, False),)),
    ]
    single = html_report("广东召开全省高质量发展大会", [
        "2月18日是农历新春第一个工作日，省委、省政府召开全省高质量发展大会，聚焦产业科技话创新、谋未来。",
        "会议在深圳设主会场，在各地级以上市、各县（市、区）设分会场，并面向全省进行实况直播。",
        "该展览由省展示区和21个地级以上市展示区组成。",
    ])
    out.append(Variant("web page, one report under a bold centred title", "gov.html",
                       gov_page("广东召开全省高质量发展大会_广东省人民政府门户网站", single), (("report", "广东"),),
                       (("该展览由省展示区和21个地级以上市展示区组成。", None, False),), title="广东召开全省高质量发展大会"))
    short = '<h1>深圳市委召开全市高质量发展大会</h1>\n<p>2月19日，市委、市政府在<a href="/qh">前海</a>召开全市高质量发展大会。</p>'
    out.append(Variant("web page, a short report under <h1>, an inline link", "short.html", gov_page("深圳召开大会", short),
                       (("report", "广东"),), (("市委、市政府在前海召开全市高质量发展大会。", None, False),)))
    digest = "\n".join([
        "<h1>新春第一会 各地动态汇编</h1>",
        "<p>编者按：春节后首个工作日，多地召开“新春第一会”。</p>",
        html_report("一、广东召开全省高质量发展大会", [gz, "会议提出，加快打造具有全球影响力的产业科技创新中心。"], bold_title=False),
        html_report("二、江苏召开产业科技创新中心工作推进会", ["2月18日，江苏省委、省政府在南京召开推进会。省委书记信长星出席。"], bold_title=False),
        html_report("【浙江】全省“三支队伍”建设大会召开", ["2月18日，浙江省委、省政府在杭州召开大会，全面加强“三支队伍”建设。"]),
        html_report("上海市委市政府召开2024年优化营商环境大会", ["2月18日，上海市委、市政府召开2024年优化营商环境大会，发布优化营商环境7.0版。"]),
        html_report("中共湖南省委、湖南省人民政府召开全省招商引资工作会议", ["2月18日，湖南省委、省政府在长沙召开全省招商引资工作会议。"]),
    ])
    digest_expected = (("front", "总述"), ("report", "广东"), ("report", "江苏"), ("report", "浙江"), ("report", "上海"), ("report", "湖南"))
    digest_quotes = (("发布优化营商环境7.0版。", None, False),)
    out.append(Variant("web page, a weekly digest of five reports", "digest.html",
                       gov_page("新春第一会各地动态汇编（第6期）", digest), digest_expected, digest_quotes, title="新春第一会各地动态汇编（第6期）"))
    out.append(Variant("web page in GB2312", "digest-gb.htm",
                       gov_page("新春第一会各地动态汇编（第6期）", digest, charset="gb2312"), digest_expected, digest_quotes, title="新春第一会各地动态汇编（第6期）"))
    out.append(pdf_variant())
    return out


PDF_REPORT = (
    "2月18日，广东省委、省政府在深圳召开全省高质量发展大会，聚焦产业科技话创新、谋未来。"
    "省委书记黄坤明出席会议并讲话，强调要坚定不移走好高质量发展之路。"
    "会议在深圳设主会场，在各地级以上市、各县（市、区）设分会场，并面向全省进行实况直播。"
    "会上播放了产业科技时代浪潮专题片，各地级以上市党委书记作表态发言。"
    "会议期间，省领导还参观了在省主会场同步举办的产业科技融合发展成果展。"
    "该展览由省展示区和21个地级以上市展示区组成，集中展示全省促进产业科技加速融合的新进展新成效。"
    "会议还分别围绕现代产业体系建设、加强粤港澳人才协作等主题展开研讨，进一步集思广益、凝聚共识。"
)


def pdf_variant() -> Variant:
    """A report that runs over three PDF pages, each with a bare page number at its foot, then a second report."""
    lines = ["1. 广东召开全省高质量发展大会"] + textwrap.wrap(PDF_REPORT, 30)
    lines += ["2. 江苏召开产业科技创新中心工作推进会", "2月18日，江苏省委、省政府在南京召开推进会。"]
    per_page = 4
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    pages = [p + ["", str(n)] for n, p in enumerate(pages, 1)]
    quotes = []
    for quote in ("省委书记黄坤明出席会议并讲话", "会议期间，省领导还参观了", "加强粤港澳人才协作", "江苏省委、省政府在南京召开推进会"):
        flat = [(n, l) for n, p in enumerate(pages, 1) for l in p[:-2]]
        text = "".join(l for _, l in flat)
        owner = [n for n, l in flat for _ in l]
        quotes.append((quote, owner[text.index(quote)], True))
    return Variant("PDF, a report over three pages", "report.pdf", pdf_bytes(pages), (("report", "广东"), ("report", "江苏")), tuple(quotes),
                   notes={"pages": len(pages)})


def all_variants() -> list[Variant]:
    return corpus_variants() + composed_variants()


# ---------------------------------------------------------------- reading a variant

@dataclass(frozen=True)
class Outcome:
    doc: object  # qa.schema.Document
    sections: list
    found: tuple[tuple[str, str], ...]  # (kind, province) of every section read
    quote_pages: tuple[tuple[str, int | None, bool], ...]  # (quote, page, page_exact) as read

    def provinces_right(self, expected) -> int:
        return sum(a == b for a, b in zip(self.found, expected))


def find_quote(text: str, quote: str) -> int:
    """Where `quote` starts in the cleaned text; a PDF may have left a line break inside it."""
    m = re.search(r"\s*".join(map(re.escape, quote)), text)
    return m.start() if m else -1


def read_variant(v: Variant, folder: Path) -> Outcome:
    from qa.chunking import chunk_sections
    from qa.documents import read_document
    from qa.sections import split_sections

    path = Path(folder) / v.filename
    path.write_bytes(v.data)
    doc = read_document(path)
    sections = split_sections(doc)
    chunks = chunk_sections(doc, sections, 300)
    pages = []
    for quote, _, _ in v.quotes:
        at = find_quote(doc.text, quote)
        chunk = next((c for c in chunks if c.start <= at < c.end), None)
        pages.append((quote, chunk.page_at(at - chunk.start) if chunk else None, chunk.page_exact if chunk else False))
    return Outcome(doc, sections, tuple((s.kind, s.province) for s in sections), tuple(pages))


COLON_DIGEST = """各地新春第一会动态

广东：推进高质量发展

2月18日，省委、省政府在深圳召开全省高质量发展大会，聚焦产业科技话创新、谋未来。

江苏：打造产业科技创新中心

2月18日，省委、省政府在南京召开推进会。苏州、无锡负责同志发言。

浙江：加强“三支队伍”建设

2月18日，省委、省政府在杭州召开大会，宁波、温州设分会场。
"""
