"""Layouts never seen in the built-in bulletin: each section lands under the right province,
each quote carries its page, and cleaning removes only the named artefacts."""
from __future__ import annotations

import json
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from qa.chunking import chunk_sections
from qa.cleaning import clean
from qa.documents import read_document, read_pdf_pages, read_source
from qa.layout import PAGE_MARKER, numeral
from qa.schema import UNKNOWN_PROVINCE
from qa.sections import split_sections

from .variants import (
    BOILERPLATE,
    MARKDOWN_BLOCKS,
    all_variants,
    arabic,
    bracketed,
    chinese,
    corpus_reports,
    find_quote,
    gov_page,
    html_report,
    markdown,
    organ_first,
    read_variant,
    render,
)

VARIANTS = all_variants()
IDS = [v.name for v in VARIANTS]


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("variant", VARIANTS, ids=IDS)
def test_every_section_is_filed_under_the_province_its_text_names(variant, tmp_path):
    outcome = read_variant(variant, tmp_path)
    assert outcome.found == variant.expected


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v.quotes], ids=[v.name for v in VARIANTS if v.quotes])
def test_a_quote_carries_its_own_page_where_the_source_has_pages(variant, tmp_path):
    assert read_variant(variant, tmp_path).quote_pages == variant.quotes


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v.title], ids=[v.name for v in VARIANTS if v.title])
def test_the_document_title_is_the_bulletin_issue_the_page_title_or_the_file_name(variant, tmp_path):
    assert read_variant(variant, tmp_path).doc.title == variant.title


def _source_text(variant, path) -> str:
    """What cleaning is given, less the artefacts it is named to drop."""
    if variant.filename.endswith(".pdf"):
        pages = read_pdf_pages(path)
        # the printed page number at each page's foot, which the test itself wrote there
        return "\n".join(re.sub(r"\n\s*\d+\s*$", "", p.rstrip()) for p in pages)
    raw = read_source(path).text
    return "\n".join(l for l in raw.replace("\r", "").split("\n") if not PAGE_MARKER.match(l))


@pytest.mark.parametrize("variant", VARIANTS, ids=IDS)
def test_cleaning_keeps_every_character_but_page_markers_and_stray_spaces(variant, tmp_path):
    path = tmp_path / variant.filename
    path.write_bytes(variant.data)
    assert squeeze(read_document(path).text) == squeeze(_source_text(variant, path))


# ---------------------------------------------------------------- cleaning


def test_rules_bullets_and_table_cells_keep_their_own_lines(tmp_path):
    path = tmp_path / "blocks.md"
    path.write_text(MARKDOWN_BLOCKS, encoding="utf-8")
    lines = read_document(path).text.split("\n")
    for line in ("---", "- 会议在深圳设主会场，在各地级以上市、各县（市、区）设分会场并进行实况直播", "- 省委书记黄坤明出席会议并发表讲话，省长王伟中主持会议",
                 "## 江苏召开产业科技创新中心工作推进会", "| 南京 | 12 |", "|---|---|", "地区", "项目数", "无锡", "7"):
        assert line in lines


def test_a_heading_number_alone_on_its_line_rejoins_its_title():
    text = clean("省领导出席。\n\n8.\n江西召开2024年一季度全省重大项目集中开工动员大会\n\n人勤春早，大抓落实。\n").text
    assert "8.江西召开2024年一季度全省重大项目集中开工动员大会\n" in text


def test_page_markers_give_pages_as_footers_or_as_headers():
    footer = clean("第一页的内容。\n- 1 -\n第二页的内容。\n- 2 -\n第三页的内容。\n")
    assert footer.text == "第一页的内容。\n\n第二页的内容。\n\n第三页的内容。\n"  # a page break leaves a paragraph break
    assert footer.page_starts == ((0, 1), (9, 2), (18, 3))
    header = clean("第 5 页\n第五页的内容，\n第 6 页\n接着写完。\n")
    assert header.text == "第五页的内容，接着写完。\n"
    assert header.page_starts == ((0, 5), (7, 6))  # page 6 starts inside the rejoined sentence


def test_page_markers_out_of_order_are_dropped_with_a_warning():
    cleaned = clean("甲。\n- 3 -\n乙。\n- 2 -\n丙。\n")
    assert cleaned.page_starts == () and "out of order" in cleaned.warnings[0]


# ---------------------------------------------------------------- web pages


@pytest.mark.parametrize("name", ["digest.html", "digest-gb.htm", "gov.html", "short.html"])
def test_a_web_page_keeps_its_article_and_drops_navigation_and_footers(name, tmp_path):
    variant = next(v for v in VARIANTS if v.filename == name)
    doc = read_variant(variant, tmp_path).doc
    assert not [b for b in BOILERPLATE if b in doc.text]
    assert re.search(r"2月1\d日", doc.text) and "var _hmt" not in doc.text


def test_a_web_page_keeps_bold_centred_titles_and_paragraphs_verbatim(tmp_path):
    variant = next(v for v in VARIANTS if v.filename == "digest-gb.htm")
    outcome = read_variant(variant, tmp_path)
    lines = outcome.doc.text.split("\n")
    assert "**【浙江】全省“三支队伍”建设大会召开**" in lines
    assert "2月18日，浙江省委、省政府在杭州召开大会，全面加强“三支队伍”建设。" in lines
    titles = [s.title for s in outcome.sections if s.kind == "report"]
    assert titles[2:] == ["【浙江】全省“三支队伍”建设大会召开", "上海市委市政府召开2024年优化营商环境大会", "中共湖南省委、湖南省人民政府召开全省招商引资工作会议"]


def test_a_web_page_without_an_article_is_a_clear_error(tmp_path):
    from qa.documents import DocumentError

    path = tmp_path / "empty.html"
    path.write_bytes(gov_page("空页面", ""))
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert "no article" in info.value.reason


# ---------------------------------------------------------------- evidence and warnings


def test_a_heading_the_body_contradicts_is_filed_under_the_body_and_says_so(tmp_path):
    variant = next(v for v in VARIANTS if v.filename == "contra.txt")
    section = read_variant(variant, tmp_path).sections[1]
    assert section.province == "江苏" and "浙江" in section.warnings[0]


def test_a_file_that_names_no_province_is_indexed_as_unknown_with_a_warning(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("关于做好春节后复工复产工作的通知\n\n各单位要认真落实安全生产责任。\n", encoding="utf-8")
    [section] = split_sections(read_document(path))
    assert section.province == UNKNOWN_PROVINCE and "province unknown" in section.warnings[0]


def test_reports_whose_headings_were_lost_are_flagged_on_the_section_that_swallowed_them(tmp_path):
    reports = corpus_reports()[3:8]  # 北京 上海 安徽 福建 江西
    text = render(reports, toc=None)
    for n in (2, 3):  # 上海's and 安徽's headings lost: their text lands in 北京's section
        text = text.replace(arabic(n, reports[n - 1]) + "\n", "")
    path = tmp_path / "b.txt"
    path.write_text(text, encoding="utf-8")
    beijing = split_sections(read_document(path))[1]
    assert beijing.province == "北京"
    assert any("a heading may have been missed" in w for w in beijing.warnings)  # it holds most of the text
    assert any("never name 北京 but name 安徽" in w for w in beijing.warnings)  # its tail is about another province


def test_a_single_report_whose_body_names_other_provinces_more_says_so(tmp_path):
    path = tmp_path / "digest.txt"
    path.write_text("广东：推进高质量发展\n\n广东省委召开会议。\n\n江苏：江苏省委在南京召开会议，苏州参加。\n\n浙江：浙江省委在杭州召开会议，宁波参加。\n", encoding="utf-8")
    [section] = split_sections(read_document(path))
    assert "headings were not recognised" in section.warnings[-1]


# ---------------------------------------------------------------- labels, pages, chunks


def test_labels_follow_the_documents_numbers_or_else_the_order_of_appearance(tmp_path):
    by_name = {v.name: v for v in VARIANTS}
    gap = read_variant(by_name["a gap: report 5 left out"], tmp_path).sections
    assert [s.label for s in gap if s.kind == "report"][3:6] == ["4", "6", "7"]
    assert [s.label for s in gap if s.kind == "appendix"] == ["1-附1", "1-附2", "1-附3", "2-附1"]
    restart = read_variant(by_name["numbering restarts in a second part"], tmp_path).sections
    assert [s.label for s in restart if s.kind == "report"] == [str(n) for n in range(1, 19)]
    listed = read_variant(by_name["numbered list items that name provinces"], tmp_path).sections
    assert [s.label for s in listed] == ["1", "2", "3"]
    digest = read_variant(by_name["web page, a weekly digest of five reports"], tmp_path).sections
    assert [s.label for s in digest] == ["总述", "1", "2", "3", "4", "5"]


def test_chunks_carry_pages_and_the_document_title(tmp_path):
    pdf = next(v for v in VARIANTS if v.filename == "report.pdf")
    outcome = read_variant(pdf, tmp_path)
    chunks = chunk_sections(outcome.doc, outcome.sections, 120)
    assert all(c.page_exact and c.doc_title == "report.pdf" for c in chunks)
    assert [c.page for c in chunks][:1] == [1] and any(c.page_starts for c in chunks)
    for c in chunks:
        for at, page in c.page_starts:
            assert 0 < at < len(c.text) and c.page_at(at) == page
    toc = read_variant(VARIANTS[0], tmp_path)
    chunks = chunk_sections(toc.doc, toc.sections, 300)
    jiangsu = next(c for c in chunks if c.province == "江苏")
    assert (jiangsu.page, jiangsu.page_exact, jiangsu.page_starts) == (15, False, ())


def test_the_builtin_bulletin_reads_its_title_issue_and_year(corpus_doc):
    assert (corpus_doc.title, corpus_doc.issue, corpus_doc.year) == ("今日科技快讯2024年第6期", "2024年第6期", 2024)
    assert corpus_doc.page_starts == () and corpus_doc.warnings == ()


# ---------------------------------------------------------------- the gazetteer


def test_place_names_count_only_as_whole_words():
    from qa.gazetteer import heading_province, provinces_in

    assert provinces_in("大理石产业和延安精神，北京大学的浙江籍学生") == ["浙江"]
    assert provinces_in("河套、南沙和临港三地") == []
    assert provinces_in("河套深港科技创新合作区、广州南沙区和临港新片区") == ["广东", "上海"]
    assert provinces_in("中共广东省委、上海市委和湖南人") == ["广东", "上海", "湖南"]
    # the literary names speeches use (陇原人民, 龙江振兴), but not inside 黑龙江
    assert provinces_in("把陇原人民的干劲转化为推动龙江振兴的动力") == ["甘肃", "黑龙江"]
    assert provinces_in("黑龙江、甘肃两省") == ["黑龙江", "甘肃"]
    assert provinces_in("陇上、天府、南粤大地、潇湘儿女") == ["甘肃", "四川", "广东", "湖南"]
    assert heading_province("深圳市委召开全市大会") == "广东"
    assert heading_province("中共广东省委、广东省人民政府召开全省高质量发展大会") == "广东"
    assert heading_province("【江苏】省委省政府召开推进会") == "江苏"
    assert heading_province("新春第一会｜上海：召开优化营商环境大会") == "上海"
    assert heading_province("南沙召开大会") is None and heading_province("省委召开全会") is None


# ---------------------------------------------------------------- qa inspect


def test_qa_inspect_shows_each_section_and_reports_a_bad_file_in_one_line(tmp_path, mini_corpus):
    from qa.cli import app

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    result = CliRunner().invoke(app, ["inspect", str(mini_corpus), str(bad)])
    assert result.exit_code == 1
    assert "海南" in result.output and "贵州" in result.output and "1-附1" in result.output
    assert "Traceback" not in result.output and "bad.pdf: not a PDF file" in result.output
    result = CliRunner().invoke(app, ["inspect", "--json", str(mini_corpus)])
    record = json.loads(result.output)
    assert record["title"] == "今日测试快讯2024年第1期" and record["year"] == 2024
    assert [(s["province"], s["label"], s["pages"]) for s in record["sections"]] == [
        ("总述", "总述", ""), ("海南", "1", "2起"), ("海南", "1-附1", "3起"), ("贵州", "2", "4起")]


# ---------------------------------------------------------------- attribution is order-free

HEADINGS = [arabic, chinese, markdown, organ_first, bracketed]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), keep=st.integers(1, 18), heading=st.sampled_from(HEADINGS), toc=st.sampled_from([None, "dash", "dots"]),
       numbering=st.sampled_from(["consecutive", "gaps", "original"]))
def test_shuffling_dropping_or_renumbering_reports_never_moves_a_paragraph_to_another_province(tmp_path, seed, keep, heading, toc, numbering):
    rng = random.Random(seed)
    reports = rng.sample(corpus_reports(), keep)
    original = {r.title: i + 1 for i, r in enumerate(corpus_reports())}
    numbers = {"consecutive": list(range(1, keep + 1)), "original": [original[r.title] for r in reports],
               "gaps": sorted(rng.sample(range(1, 60), keep))}[numbering]
    path = tmp_path / "b.txt"
    path.write_text(render(reports, heading, numbers, toc=toc), encoding="utf-8")
    doc = read_document(path)
    sections = split_sections(doc)

    def province_at(offset):
        return next(s.province for s in sections if s.start <= offset < s.end)

    at = 0
    for r in reports:
        for body in [r.body] + [b for _, b, _ in r.appendices]:
            for para in (body.split("\n\n")[0], body.split("\n\n")[-1]):
                at = find_quote(doc.text[at:], para[:40]) + at
                assert province_at(at) == r.province, (r.title, para[:40])


# ---------------------------------------------------------------- line shapes


@pytest.mark.parametrize("line,form,number,title", [
    ("1. 广东召开全省高质量发展大会", "arabic", 1, "广东召开全省高质量发展大会"),
    ("12、四川召开大会", "arabic", 12, "四川召开大会"),
    ("十二、四川召开大会", "cn", 12, "四川召开大会"),
    ("（三）江苏召开推进会", "paren", 3, "江苏召开推进会"),
    ("第二章 上海召开大会", "chapter", 2, "上海召开大会"),
    ("## 3. 浙江召开大会 ##", "md2+arabic", 3, "浙江召开大会"),
    ("**一、北京召开推进大会**", "bold+cn", 1, "北京召开推进大会"),
    ("【江苏】省委省政府召开推进会", "bracket", None, "【江苏】省委省政府召开推进会"),
    ("上海市委市政府召开大会", "plain", None, "上海市委市政府召开大会"),
])
def test_heading_forms_are_read_with_their_numbers(line, form, number, title):
    from qa.layout import parse_heading

    h = parse_heading(line)
    assert (h.form, h.number, h.title) == (form, number, title)


@pytest.mark.parametrize("line,title,page", [
    ("1. 广东召开全省高质量发展大会\t- 3 -", "广东召开全省高质量发展大会", 3),
    ("附：广东省委副书记讲话摘录 .-\t7 -", "广东省委副书记讲话摘录", 7),
    ("一、广东召开全省大会……………12", "广东召开全省大会", 12),
    ("江苏召开推进会........ 15", "江苏召开推进会", 15),
    ("第一章 总述\t2", "总述", 2),
])
def test_table_of_contents_entries_in_any_common_form(line, title, page):
    from qa.layout import toc_entry

    entry = toc_entry(line)
    assert (entry.title, entry.page) == (title, page)


@pytest.mark.parametrize("line", ["会议强调，要坚持目标导向。", "增长 12", "2024年 3", "| 南京 | 12 |", "---", "12"])
def test_sentences_table_rows_and_numbers_are_no_table_of_contents_entries(line):
    from qa.layout import toc_entry

    assert toc_entry(line) is None


def test_printed_pdf_page_numbers_are_cited_when_the_pages_agree_on_them():
    from qa.documents import pdf_page_numbers

    assert pdf_page_numbers(["甲\n乙\n3", "丙\n4", "丁\n5"]) == (["甲\n乙\n", "丙\n", "丁\n"], [3, 4, 5])
    assert pdf_page_numbers(["甲\n12", "乙\n7", "丙\n30"]) == (["甲\n12", "乙\n7", "丙\n30"], [1, 2, 3])  # table cells stay


def test_a_headline_kept_apart_from_the_article_is_put_back_on_top(tmp_path):
    paragraphs = ["2月18日，省委、省政府召开全省高质量发展大会，聚焦产业科技话创新、谋未来。", "会议在深圳设主会场，在各地级以上市设分会场，并面向全省进行实况直播。",
                  "省委书记黄坤明出席会议并讲话，强调要坚定不移走好高质量发展之路，奋力推动广东在推进中国式现代化建设中走在前列。"]
    article = ('<div class="title"><h1>广东召开全省高质量发展大会</h1><div class="info">来源：南方日报 2024-02-19 <a href="#">打印</a></div></div>'
               '<div class="content">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>")
    path = tmp_path / "page.html"
    path.write_bytes(gov_page("广东召开全省高质量发展大会_广东省人民政府门户网站", article))
    doc = read_document(path)
    [section] = split_sections(doc)
    assert doc.text.startswith("# 广东召开全省高质量发展大会\n")
    assert (section.title, section.province, section.warnings) == ("广东召开全省高质量发展大会", "广东", ())


def test_qa_inspect_names_each_warning_with_its_section(tmp_path):
    from qa.cli import app
    from qa.inspect import inspect_file

    variant = next(v for v in VARIANTS if v.filename == "contra.txt")
    path = tmp_path / variant.filename
    path.write_bytes(variant.data)
    report = inspect_file(path)
    assert report.warnings[0].startswith("section 2 (江苏): heading names 浙江")
    result = CliRunner().invoke(app, ["inspect", str(path)])
    assert result.exit_code == 0 and "warning:" in result.output and "江苏" in result.output


def test_a_web_page_keeps_its_own_characters_without_markdown_escapes_or_inline_emphasis(tmp_path):
    article = html_report("广东召开全省高质量发展大会", ["微博话题#新春第一会#阅读量超1亿，a_b_c与2*3*4都在。", "会议提出“1+N”政策体系，<b>加粗</b>的词和<i>斜体</i>也在。"])
    path = tmp_path / "page.html"
    path.write_bytes(gov_page("广东召开全省高质量发展大会", article))
    lines = read_document(path).text.split("\n")
    assert "微博话题#新春第一会#阅读量超1亿，a_b_c与2*3*4都在。" in lines
    assert "会议提出“1+N”政策体系，加粗的词和斜体也在。" in lines
    assert "**广东召开全省高质量发展大会**" in lines


def test_a_numeral_is_read_in_any_script_it_is_written_in():
    # ① is a Unicode digit that int() cannot read (hypothesis found it in a heading)
    assert [numeral(t) for t in ("1", "１２", "十八", "①", "⑳")] == [1, 12, 18, 1, 20]
    assert numeral("²") is None and numeral("第") is None
