"""Layouts no earlier document had, each composed before any question was asked of it: a
government page laid out with a table (its paragraphs <br>-separated inside one cell, its
byline spaced with &nbsp;), a PDF with a running header over every page and paragraphs
opened by an indent, and a digest whose paragraphs open with their province in brackets
(【福建】2月5日，…), with Windows line ends. With the 2024 bulletin beside them, a province
may now have reports of two years."""
import io

import pytest

from qa.documents import read_document
from qa.sections import split_sections

from .test_strategies import assistant_over, bulletin_doc, direct, refused

TABLE_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>四川省人民政府网站--全省推进新型工业化大会在成都召开</title></head>
<body><table width="980"><tr><td class="weizhi">您现在的位置：<a href="/">首页</a> &gt;&gt; 省政府要闻</td></tr></table>
<table width="980">
<tr><td class="title"><font size="5"><b>全省推进新型工业化大会在成都召开<br>王晓晖出席并讲话 施小琳主持</b></font></td></tr>
<tr><td class="info">时间：2025年02月05日&nbsp;&nbsp;来源：四川日报&nbsp;&nbsp;作者：记者 李慧&nbsp;&nbsp;【<a href="#">大</a> <a href="#">小</a>】</td></tr>
<tr><td class="content">
&nbsp;&nbsp;&nbsp;&nbsp;2月5日，全省推进新型工业化大会在成都召开。省委书记王晓晖出席会议并讲话，省委副书记、省长施小琳主持会议。<br><br>
&nbsp;&nbsp;&nbsp;&nbsp;王晓晖强调，要实施“智改数转”行动，今年推动3000家规上工业企业开展数字化改造。要大力发展低空经济等新兴产业，谋划布局量子科技、生物制造等未来产业。<br><br>
&nbsp;&nbsp;&nbsp;&nbsp;施小琳在主持时要求，各地各部门要抓紧制定任务清单，确保一季度工业投资增长10%以上。<br><br>
&nbsp;&nbsp;&nbsp;&nbsp;会上，成都市、绵阳市、宜宾市和东方电气集团、通威集团作交流发言。会议以视频形式开到市（州）、县（市、区）。
</td></tr>
<tr><td>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table></body></html>
"""

HEADER = "河南省人民政府办公厅  政务动态（2025年第12期）"
PDF_TITLE = "全省高质量推进项目建设暨“三个一批”活动大会召开"
PDF_PARAGRAPHS = [
    "2月6日，全省高质量推进项目建设暨第十四期“三个一批”项目建设活动大会在郑州召开。省委书记刘宁出席并讲话，省长王凯主持。",
    "会上，省发展改革委通报了第十三期“三个一批”活动开展情况。本期活动共签约项目1016个；开工项目1146个；投产项目1029个、总投资7283亿元。",
    "刘宁强调，要坚持以项目为王，全年谋划实施省重点项目2500个左右，完成年度投资1.2万亿元以上。",
    "郑州、洛阳、许昌、南阳作了发言。",
]

DIGEST = "\r\n".join([
    "2025年部分省份“新春第一会”摘编", "（省政府研究室 2025年2月12日）", "",
    "【福建】2月5日，福建省委、省政府召开全省高质量发展大会。省委书记周祖翼讲话，省长赵龙主持。会议提出，2025年全省地区生产总值增长5.5%左右。会议发布了“民营经济20条”，设立规模200亿元的省级产业投资基金。", "",
    "【安徽】2月5日，安徽省召开全省坚定不移推动高质量发展大会。省委书记梁言顺出席并讲话，省长王清宪主持。会议表彰了2024年度高质量发展先进县（市、区）30个。", "",
    "【贵州】2月5日，贵州省委、省政府召开全省高质量发展大会。省委书记徐麟出席并讲话，省长李炳军主持。会议以电视电话会议形式开到县（市、区），约3000人参加。",
]) + "\r\n"

BULLETIN = """今日测试快讯

2024年第6期

1. 四川召开全省推进新型工业化工作会议

2月19日，全省推进新型工业化工作会议召开，省委书记王晓晖主持会议并讲话。

2. 河南召开全省高质量推进“三个一批”项目建设活动大会

2月18日，河南省委、省政府召开大会。会上，郑州、开封作了发言。
"""


def _pdf(lines_per_page: int = 5, width: int = 24, indent: str = "　　") -> bytes:
    """The report as a PDF prints it: the header on every page, the title, then paragraphs
    that open with two ideographic spaces and break at `width` characters, mid-number too."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    lines = [PDF_TITLE]
    for paragraph in PDF_PARAGRAPHS:
        text = indent + paragraph
        lines += [text[i : i + width] for i in range(0, len(text), width)]
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n, at in enumerate(range(0, len(lines), lines_per_page), 1):
        c.setFont("STSong-Light", 11)
        for i, line in enumerate([HEADER, *lines[at : at + lines_per_page]]):
            c.drawString(40, 800 - 18 * i, line)
        c.drawString(280, 60, f"— {n} —")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unseen")
    (folder / "sichuan.htm").write_bytes(TABLE_PAGE.encode("gbk"))
    (folder / "henan.pdf").write_bytes(_pdf())
    (folder / "digest.txt").write_bytes(DIGEST.encode("utf-8"))
    return folder


@pytest.fixture(scope="module")
def unseen(files, tmp_path_factory):
    docs = [bulletin_doc("bulletin.txt", BULLETIN, 2024, 6)] + [read_document(files / n) for n in ("sichuan.htm", "henan.pdf", "digest.txt")]
    return assistant_over(tmp_path_factory.mktemp("unseen-index"), docs)


def test_a_page_laid_out_with_a_table_keeps_its_paragraphs_byline_and_whole_headline(files):
    doc = read_document(files / "sichuan.htm")
    lines = doc.text.split("\n")
    assert lines[0] == "# 全省推进新型工业化大会在成都召开王晓晖出席并讲话施小琳主持"  # not the site's name from <title>
    assert ["时间：2025年02月05日", "来源：四川日报", "作者：记者李慧"] == lines[2:5] and doc.year == 2025
    paragraphs = [l for l in lines if l.startswith(("2月5日", "王晓晖强调", "施小琳", "会上"))]
    assert len(paragraphs) == 4  # one each, not one table row
    assert not any(w in doc.text for w in ("|", "您现在的位置", "打印本页", "关闭窗口"))


def test_a_pdf_s_running_header_stands_once_and_an_indent_opens_a_paragraph(files):
    doc = read_document(files / "henan.pdf")
    lines = doc.text.split("\n")
    assert doc.text.count("政务动态") == 1 and lines[0] == "河南省人民政府办公厅政务动态（2025年第12期）"
    assert lines[1] == PDF_TITLE and lines[2].startswith("2月6日")
    assert "总投资7283亿元" in doc.text  # a number the line break cut is one number
    assert "1.2万亿元以上" in doc.text and len(doc.page_starts) >= 2
    [section] = split_sections(doc)
    assert (section.province, section.title) == ("河南", PDF_TITLE)


def test_a_pdf_line_the_wrap_did_not_fill_ends_its_paragraph(tmp_path):
    path = tmp_path / "plain.pdf"
    path.write_bytes(_pdf(lines_per_page=40, width=30, indent=""))  # no indent marks the paragraphs
    lines = read_document(path).text.split("\n")
    assert lines[1] == PDF_TITLE and lines[2].startswith("2月6日")  # the title is 5 characters short of the width
    assert lines[3].startswith("会上") and lines[3].endswith("总投资7283亿元。")


def test_a_digest_s_paragraphs_that_open_with_their_place_in_brackets_are_its_reports(files):
    doc = read_document(files / "digest.txt")
    sections = [s for s in split_sections(doc) if s.kind == "report"]
    assert [s.province for s in sections] == ["福建", "安徽", "贵州"]
    assert sections[0].title == "【福建】2月5日，福建省委、省政府召开全省高质量发展大会"


def test_a_digest_s_run_in_reports_have_their_meetings_read(unseen):
    hosts = {(m.doc, m.province): m.host for m in unseen.index.meetings}
    assert hosts[("digest.txt", "福建")] == "省长赵龙" and hosts[("digest.txt", "贵州")] == "省长李炳军"
    assert direct(unseen, "贵州会议有多少人参加？") == "约3000人"


def test_the_unseen_layouts_answer_from_their_own_text(unseen):
    assert direct(unseen, "四川会上哪些企业作了交流发言？") == "东方电气集团、通威集团"
    assert direct(unseen, "四川的报道是谁写的？") == "李慧"  # 作者：记者李慧: the trade before the name
    assert direct(unseen, "河南投产项目总投资多少？") == "7283亿元"
    assert direct(unseen, "安徽表彰了多少个先进县？") == "30个"  # 先进县（市、区）30个: the bracket is inside the clause


def test_a_bound_or_an_estimate_is_part_of_the_figure(unseen):
    assert direct(unseen, "四川一季度工业投资要增长多少？") == "10%以上"
    assert direct(unseen, "河南全年谋划实施多少个省重点项目？") == "2500个左右"


def test_a_meeting_asked_without_a_year_of_two_years_reports_quotes_both(unseen):
    a = unseen.answer("四川的会由谁主持？")
    assert not a.abstained and a.direct_answer is None  # 王晓晖 in 2024, 施小琳 in 2025: neither alone
    assert "王晓晖主持会议" in a.text and "施小琳主持会议" in a.text
    assert direct(unseen, "2025年四川的会由谁主持？") == "施小琳"


def test_an_answer_from_one_year_says_the_place_has_reports_of_others(unseen):
    a = unseen.answer("河南会上哪些市作了发言？")
    year = {"bulletin.txt": 2024, "henan.pdf": 2025}[a.citations[0].doc]
    assert not a.abstained and f"（以上引自{year}年的报道；资料中还有河南{4049 - year}年的会议报道" in a.text
    assert "资料中还有" not in unseen.answer("2025年河南会上哪些市作了发言？").text
    assert "资料中还有" not in unseen.answer("贵州会议有多少人参加？").text  # one year only
    assert "资料中还有" not in refused(unseen, "贵州2024年地区生产总值是多少？")


def test_a_question_of_two_years_is_asked_of_each_year_s_documents(unseen):
    a = unseen.answer("河南2024年和2025年的会上分别有哪些市发言？")
    assert not a.abstained and "（1）" in a.text and "（2）" in a.text
    assert {c.doc for c in a.citations if f"[{c.rank}]" in a.text} >= {"bulletin.txt", "henan.pdf"}
    a = unseen.answer("2024年和2025年四川的会分别由谁主持？")
    assert a.direct_answer is None and "王晓晖主持会议" in a.text and "施小琳主持会议" in a.text


def test_meetings_named_by_their_kind_are_asked_of_the_records_headings(unseen):
    a = unseen.answer("2025年有哪些省开了高质量发展大会？")
    assert set(a.provinces) == {"福建", "安徽", "贵州"}  # not 四川's 新型工业化大会


def test_a_page_s_byline_answers_only_what_it_says(unseen):
    from qa.answering.facts import _furniture
    from qa.question import read_question

    # (with e5, 时间：2025年02月05日 was the first quote for 四川2025年会议表彰了什么: only the year tied it)
    assert _furniture(read_question("四川2025年会议表彰了什么？"), "时间：2025年02月05日")
    assert not _furniture(read_question("四川的报道来源是哪家媒体？"), "来源：四川日报")
    assert not _furniture(read_question("四川的报道是谁写的？"), "作者：记者李慧")
    assert not _furniture(read_question("四川2025年会议表彰了什么？"), "会议表彰了2024年度先进市（州）和企业。")
    assert direct(unseen, "2025年四川的会是哪天开的？") == "2月5日"


def test_follow_ups_carry_the_year_drop_a_count_s_measure_and_read_a_bare_post():
    from qa.conversation import resolve

    assert resolve("总投资呢？", ["河南2025年签约项目多少个？"]).question == "2025年河南总投资是多少？"
    assert resolve("书记讲了什么？", ["贵州的会谁主持的？"]).question == "贵州书记讲了什么？"


# ---------------------------------------------------------------- tables

TABLE_DIGEST = """# 2025年各地新春第一会要点一览

春节后首个工作日，多地召开新春第一会。现将部分省份会议要点整理如下。

| 省份 | 会议名称 | 召开日期 | 主要目标 |
|---|---|---|---|
| 江苏 | 全省科技创新大会 | 2月6日 | 全社会研发投入占比达到3.3% |
| 浙江 | 全省“三个一号工程”推进会 | 2月5日 | 新增高新技术企业5000家 |

## 江苏

省委书记信长星出席会议并讲话。会议为10家省级技术创新中心授牌。

## 浙江

省委书记王浩出席会议并讲话，省长刘捷主持。
"""

TABLE_NEWS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>我省2025年一季度重大项目集中开工 - 河南省人民政府门户网站</title></head>
<body><div class="article"><h1>我省2025年一季度重大项目集中开工</h1>
<p class="info">发布时间：2025-02-07 09:10 来源：河南日报</p>
<p>2月6日，全省2025年一季度重大项目集中开工活动在各地同步举行。全省共开工项目1146个，总投资8751亿元。</p>
<table><tr><th>城市</th><th>开工项目（个）</th><th>总投资（亿元）</th></tr>
<tr><td>郑州</td><td>120</td><td>860</td></tr><tr><td>洛阳</td><td>80</td><td>420</td></tr></table>
<p>省发展改革委负责同志表示，将对开工项目实行“周调度、月通报”，建立问题清单、责任清单和时限清单，确保项目早开工、早投产、早见效，为全年经济稳定增长打下坚实基础。</p>
<p>据介绍，本次集中开工项目涵盖先进制造业、现代服务业、基础设施、社会民生等领域，其中产业项目占比超过六成。</p>
</div></body></html>
"""


@pytest.fixture(scope="module")
def tabled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    (folder / "digest.md").write_text(TABLE_DIGEST, encoding="utf-8")
    (folder / "news.html").write_text(TABLE_NEWS, encoding="utf-8")
    docs = [bulletin_doc("bulletin.txt", BULLETIN, 2024, 6), read_document(folder / "digest.md"), read_document(folder / "news.html")]
    return assistant_over(folder / "index", docs)


def test_a_table_s_rows_and_cells_are_read_verbatim():
    from qa.answering.tables import tables

    [table] = tables(TABLE_DIGEST)
    assert len(table) == 3  # the header and two rows; the |---| rule is no row
    assert [TABLE_DIGEST[a:b] for a, b in table[1].cells] == ["江苏", "全省科技创新大会", "2月6日", "全社会研发投入占比达到3.3%"]


def test_a_cell_answers_under_the_column_the_question_names(tabled):
    a = tabled.answer("洛阳开工项目总投资多少？")
    assert a.direct_answer.text == "420"  # not 80 (开工项目), nor 全省's 8751亿元
    assert "| 城市 | 开工项目（个） | 总投资（亿元） |" in a.text  # the header says what and in which unit
    assert direct(tabled, "郑州开工了多少个项目？") == "120"
    assert direct(tabled, "江苏的会议名称是什么？") == "全省科技创新大会"
    assert direct(tabled, "江苏研发投入占比目标是多少？") == "3.3%"  # the figure of a cell of words


# a typed report's table: cells between bars, without the outer ones, under a line that introduces it
TYPED_TABLE = """三、【山东】绿色低碳高质量发展大会召开

2025年2月6日，山东省委、省政府在济南召开全省绿色低碳高质量发展大会。会上，省科技厅通报了科技创新主要指标：

指标 | 2024年 | 2025年目标
高新技术企业数量（家） | 32000 | 35000
技术合同成交额（亿元） | 3800 | 4200

省长赵启航在主持会议时指出，要把各项任务细化到月、落实到人。
"""


def test_a_table_typed_without_its_outer_bars_keeps_its_rows(tmp_path):
    from qa.answering.tables import tables

    path = tmp_path / "shandong.txt"
    path.write_text(TYPED_TABLE, encoding="utf-8")
    doc = read_document(path)
    [table] = tables(doc.text)  # each row stays its own line, not glued to the next
    assert [doc.text[a:b] for a, b in table[2].cells] == ["技术合同成交额（亿元）", "3800", "4200"]
    assert "赵启航" not in doc.text[table[-1].start : table[-1].end]
    tabled = assistant_over(tmp_path / "index", [doc])
    # (the row is named without its unit; the column by the year and 目标 the question asks)
    assert direct(tabled, "山东2025年技术合同成交额的目标是多少？") == "4200"
    assert direct(tabled, "山东2024年高新技术企业数量是多少家？") == "32000"
    assert "| 3800 | 4200" in tabled.answer("山东2025年技术合同成交额的目标是多少？").text  # the row, verbatim


def test_a_headline_with_no_meeting_word_still_heads_its_page(tmp_path):
    path = tmp_path / "news.html"
    path.write_text(TABLE_NEWS, encoding="utf-8")
    assert read_document(path).text.startswith("# 我省2025年一季度重大项目集中开工\n")


def test_a_year_that_chose_the_documents_ties_no_sentence_to_the_question(unseen):
    # 四川2025年要推动多少家…: 今年推动3000家… (a 2025 page says 今年, not 2025年)
    assert direct(unseen, "四川2025年要推动多少家企业数字化改造？") == "3000家"
    # the digest's 福建 report: 发布了… is what was asked, not the sentence that repeats 2025年
    a = unseen.answer("福建2025年的会发布了什么政策？")
    assert not a.abstained and "民营经济20条" in a.citations[0].quote
    a = unseen.answer("四川2025年的会上有几家企业作了交流发言？")  # a year states no whole the firms are a part of
    assert a.direct_answer.text == "东方电气集团、通威集团" and "报道列出2家企业" in a.text


def test_a_year_s_investment_is_a_sum_and_a_post_alone_asks_the_question_before_of_it(unseen):
    assert direct(unseen, "河南2025年要完成多少年度投资？") == "1.2万亿元以上"  # 多少年度: no count of years
    from qa.conversation import resolve

    assert resolve("省长呢？", ["贵州的省委书记是谁？"]).question == "贵州的省长是谁？"
    assert direct(unseen, "贵州的省长是谁？") == "李炳军"


def test_a_growth_target_asked_is_the_growth_a_sentence_sets(unseen):
    # 目标 restates what is asked; the sentence sets it in its own words (会议提出，2025年…增长5.5%左右),
    # and a report writes GDP as 地区生产总值
    assert direct(unseen, "福建2025年地区生产总值增长目标是多少？") == "5.5%左右"
    assert direct(unseen, "福建2025年GDP增长目标是多少？") == "5.5%左右"
