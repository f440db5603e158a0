"""Reports as users add them beside a bulletin: a government web page saved in GBK, whose
date and source stand in a bar above the article, and a newspaper report in Markdown with a
byline and subheadings. Both are a year later than the bulletin and report on provinces it
does not; their figures, lists, venues and dates are read as the bulletin's are."""
import pytest

from qa.conversation import resolve
from qa.documents import read_document
from qa.question import read_question

from .test_strategies import assistant_over, bulletin_doc, direct, first_quote, refused

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>全省高质量发展大会在济南召开_山东省人民政府</title></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/zwyw">政务要闻</a> | <a href="/jd">解读</a></div>
<div class="crumb">当前位置：首页 &gt; 政务要闻</div>
<div class="article">
<h1>全省高质量发展大会在济南召开</h1>
<div class="info">发布日期：2025-02-05 18:32　来源：大众日报　字号：[大 中 小]　打印本页</div>
<div class="content">
<p>　　2月5日，全省高质量发展大会在济南召开。会议总结2024年全省高质量发展工作，部署推进2025年重点任务。省委书记林武出席会议并讲话，省长周乃翔主持会议。</p>
<p>　　林武指出，2024年全省地区生产总值突破9.8万亿元、增长5.7%左右，研发经费投入强度达到2.6%。</p>
<p>　　会议对综合绩效考核优秀的16个市、40个县（市、区）和56个省直部门单位予以通报表扬。会上，济南市、青岛市、烟台市、潍坊市和省科技厅、省工业和信息化厅负责同志作交流发言。</p>
<p>　　会议以视频形式开到县（市、区），约2000人参加会议。</p>
</div>
<div class="editor">（责任编辑：王晓东）</div>
</div>
<div class="footer">主办：山东省人民政府办公厅　网站标识码：3700000063</div>
</body></html>
"""

REPORT = """# 湖北省2025年“新春第一会”：全省优化营商环境大会

> 来源：湖北日报 2025年2月6日 记者 张文

2月5日上午，全省优化营商环境大会在武汉召开。省委书记王忠林出席会议并讲话，省长李殿兴主持会议。

## 一、会议主要内容

会议还为10名“湖北省优秀企业家”颁发证书。会议以电视电话会议形式召开，主会场设在省委大礼堂，各市州设分会场。

## 二、部署重点工作

王忠林要求，一季度要开工亿元以上项目不少于1200个。

王忠林指出，2024年全省地区生产总值达到6.0万亿元，增长5.8%；全年新签约亿元以上项目4500个。
"""

BULLETIN = """今日测试快讯

2024年第6期

1. 海南召开全省自由贸易港建设大会

2月18日，海南省委、省政府在海口召开全省自由贸易港建设大会。省委书记冯飞出席会议并讲话。会议提出，2024年地区生产总值增长8%左右。全省研发投入总量约100亿元；高新技术产业产值占比49.9%、较上年提高1.4个百分点。今年将安排省重点项目200个，其中产业项目数量超过一半，新材料等3大类产业汇集项目70余个。
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("added")
    (folder / "shandong.html").write_bytes(PAGE.encode("gbk"))
    (folder / "hubei.md").write_text(REPORT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def added(files, tmp_path_factory):
    docs = [bulletin_doc("bulletin.txt", BULLETIN, 2024, 6), read_document(files / "shandong.html"), read_document(files / "hubei.md")]
    return assistant_over(tmp_path_factory.mktemp("added-index"), docs)


def test_a_page_keeps_the_bar_that_dates_it_and_its_editor_but_not_its_furniture(files):
    doc = read_document(files / "shandong.html")
    lines = doc.text.split("\n")
    assert doc.year == 2025
    assert "发布日期：2025-02-05 18:32" in lines and "来源：大众日报" in lines
    assert lines[-1] == "（责任编辑：王晓东）" or lines[-2] == "（责任编辑：王晓东）"
    assert not any(word in doc.text for word in ("字号", "打印本页", "当前位置", "网站标识码"))


def test_a_year_the_question_gives_a_figure_does_not_rule_out_the_only_report_on_its_place(added):
    # the 2025 page alone reports on 山东; its 2024 figures are asked with the year they are of
    assert direct(added, "山东2024年地区生产总值是多少？") == "9.8万亿元"
    assert direct(added, "2024年海南地区生产总值增长多少？") == "8%左右"  # a change is a share here, not a sum
    assert read_question("地区生产总值增长多少？").unit == "" and read_question("地区生产总值是多少？").unit == "元"


def test_a_change_answers_only_of_the_thing_that_changed(added):
    # 较上年提高1.4个百分点 is the change of the share named before it, not of 研发投入
    assert "这一数字" in refused(added, "海南研发投入比上年增长了多少？")
    assert direct(added, "海南高新技术产业产值占比较上年提高了多少？") == "1.4个百分点"


def test_a_count_asked_by_its_noun_is_the_figure_that_noun_follows(added):
    assert direct(added, "山东通报表扬了多少个县？").startswith("40个")
    assert direct(added, "山东有多少个市被通报表扬？") == "16个"
    assert direct(added, "山东通报表扬了多少个省直部门单位？").startswith("56个")


def test_a_body_s_name_may_hold_and_where_no_name_has_ended():
    from qa.answering.spans import list_items

    assert list_items("潍坊市和省科技厅、省工业和信息化厅") == ["潍坊市", "省科技厅", "省工业和信息化厅"]
    assert list_items("人力资源和社会保障厅、文化和旅游厅") == ["人力资源和社会保障厅", "文化和旅游厅"]
    assert list_items("省委和省政府") == ["省委", "省政府"]


def test_a_list_with_such_a_name_is_counted_by_the_kind_asked(added):
    assert direct(added, "山东会上有几个市作了交流发言？") == "济南市、青岛市、烟台市、潍坊市"
    assert direct(added, "山东会上有几家部门作了交流发言？") == "省科技厅、省工业和信息化厅"


def test_a_sum_that_sizes_the_things_counted_is_no_unit_of_the_count(added):
    assert read_question("一季度要开工多少个亿元以上项目？").unit == "个"
    assert read_question("投资多少亿元？").unit == "元"
    assert direct(added, "湖北一季度要开工多少个亿元以上项目？") == "1200个"


def test_an_intensity_of_spending_is_a_share(added):
    assert read_question("山东研发经费投入强度是多少？").unit == "%"
    assert direct(added, "山东研发经费投入强度是多少？") == "2.6%"


def test_people_counted_by_a_post_may_have_an_honour_s_name_between(added):
    assert direct(added, "湖北为多少名企业家颁发了证书？") == "10名"


def test_a_site_asked_is_the_building_and_where_it_was_held_the_city(added):
    assert direct(added, "湖北会议的主会场设在哪里？") == "省委大礼堂"
    assert direct(added, "湖北的会议在哪里召开的？") == "武汉"


def test_the_year_a_meeting_was_held_is_the_one_that_dates_it(added):
    # not 总结2024年…工作: the page's date bar dates the report
    assert direct(added, "山东的会议是哪一年开的？") == "2025-02-05"
    assert direct(added, "山东的报道是哪天发布的？") == "2025-02-05"
    # the bulletin's report says 2月18日 and no year; a year it looks back on does not answer
    text = refused(added, "海南的自由贸易港建设大会是哪一年召开的？")
    assert "年份" in text and "2月18日" in text, text


def test_who_wrote_a_report_is_asked_of_its_byline_not_of_the_leaders_it_names(added):
    assert read_question("湖北的报道是谁写的？").predicate == ("记者",)
    # no name follows 记者 as a title is followed: the byline is shown, no leader is named
    assert "记者张文" in refused(added, "湖北的报道是谁写的？")


def test_a_change_asked_alone_is_the_change_of_the_figure_asked_before():
    r = resolve("增长多少？", ["山东2024年地区生产总值是多少？"])
    assert (r.question, r.reason) == ("山东2024年地区生产总值增长多少？", "change of the figure")
    assert not resolve("增长多少？", ["谁主持的？"]).rewritten  # no figure, no place: nothing to lean on


def test_a_kind_of_speech_asked_alone_is_asked_of_the_meeting_talked_about(added):
    r = resolve("哪些部门作了交流发言？", ["山东会上有几个市作了交流发言？"])
    assert r.reason == "elliptic" and r.question.startswith("山东")
    assert "省工业和信息化厅" in first_quote(added, r.question)


DIGEST = """各地新春第一会动态（2025年第2期）

编者按：2025年春节后首个工作日，天津、山西等地召开“新春第一会”。

【天津】市委市政府召开全市优化营商环境推进会

2月5日，市委、市政府召开全市优化营商环境推进会。市委书记陈敏尔出席并讲话，市长张工主持。滨海新区、和平区、天津港集团作交流发言。

【山西】全省科技创新大会在太原召开

2月5日上午，全省科技创新大会在太原召开。大会表彰了2024年度山西省科学技术奖获奖项目186项，其中一等奖12项。
"""


@pytest.fixture(scope="module")
def digest(files, tmp_path_factory):
    (files / "digest.txt").write_text(DIGEST, encoding="utf-8")
    return assistant_over(tmp_path_factory.mktemp("digest-index"), [read_document(files / "digest.txt")])


def test_an_issue_in_brackets_names_the_digest_without_a_stray_bracket(digest):
    doc = digest.index.documents[0]
    assert (doc.title, doc.issue, doc.year) == ("各地新春第一会动态2025年第2期", "2025年第2期", 2025)
    assert direct(digest, "这一期动态是第几期？") == "第2期"  # 这一期 points at the issue; it names nothing


def test_a_name_that_begins_with_and_is_one_name_of_a_list(digest):
    from qa.answering.spans import list_items

    assert list_items("滨海新区、和平区、天津港集团") == ["滨海新区", "和平区", "天津港集团"]
    assert direct(digest, "天津会上有几家作了交流发言？") == "滨海新区、和平区、天津港集团"


def test_a_part_asked_after_its_whole_is_the_figure_after_which(digest):
    assert direct(digest, "山西表彰了多少项科学技术奖获奖项目，其中一等奖多少项？") == "12项"
    assert direct(digest, "山西表彰了多少项科学技术奖获奖项目？") == "186项"


def test_what_the_meeting_said_and_a_figure_of_something_new_follow_the_place_talked_about():
    r = resolve("会议强调了哪几点？", ["天津的会议是谁主持的？"])
    assert (r.question, r.reason) == ("天津会议强调了哪几点？", "elliptic")
    r = resolve("年度计划投资多少？", ["陕西发布了多少个省级重点项目？"])
    assert (r.question, r.reason) == ("陕西年度计划投资多少？", "asks again")


ISSUE_2025 = """今日测试快讯
2025年第3期（总第1701期）
省科技信息研究院                              2025年2月10日

目  录
1．海南召开全省自由贸易港建设推进大会……………………3
2．贵州召开全省大数据产业大会…………………………5

1．海南召开全省自由贸易港建设推进大会

2月5日，海南省委、省政府在海口召开全省自由贸易港建设推进大会。省长刘小明主持会议。会议宣布，2024年全省新增经营主体38万户。

2．贵州召开全省大数据产业大会

2月5日，贵州省在贵阳召开大数据产业大会，会议以视频形式召开。

责任编辑：王明
电话：0531—51751367
"""


@pytest.fixture(scope="module")
def issues(files, tmp_path_factory):
    (files / "issue-2025.txt").write_text(ISSUE_2025, encoding="utf-8")
    docs = [bulletin_doc("bulletin.txt", BULLETIN, 2024, 6), read_document(files / "issue-2025.txt")]
    return assistant_over(tmp_path_factory.mktemp("issues-index"), docs)


def test_the_lines_that_end_a_bulletin_are_its_own_not_its_last_report_s(issues):
    from qa.sections import split_sections

    doc = next(d for d in issues.index.documents if d.year == 2025)
    *_, last_report, colophon = split_sections(doc)
    assert last_report.province == "贵州" and "责任编辑" not in doc.text[last_report.start : last_report.end]
    assert (colophon.province, colophon.kind) == ("总述", "front")
    assert doc.text[colophon.start : colophon.end].startswith("责任编辑：王明")
    assert direct(issues, "2025年第3期快讯的责任编辑是谁？") == "王明"


def test_a_masthead_dated_after_its_issuer_dates_the_bulletin(issues):
    doc = next(d for d in issues.index.documents if d.year == 2025)
    assert "省科技信息研究院2025年2月10日\n" in doc.text  # 目 录 below it is the contents' heading, not its tail
    assert direct(issues, "2025年的快讯是哪天出版的？") == "2025年2月10日"


def test_an_issue_named_by_its_number_is_the_bulletin_itself(issues):
    assert direct(issues, "2025年第3期收录了几个省的报道？") == "2"


def test_a_year_that_dates_a_figure_reaches_the_later_issue_that_tells_it(issues):
    # 2024年 dates the figure, told in the 2025 issue; it dates the meeting when the meeting is asked
    assert direct(issues, "2024年海南新增经营主体多少万户？") == "38万户"
    assert issues.answer("2024年海南的会议是哪天开的？").citations[0].doc == "bulletin.txt"


def test_a_year_asked_alone_asks_the_previous_question_of_that_year():
    r = resolve("2024年呢？", ["2025年广东的会议是谁主持的？"])
    assert (r.question, r.reason) == ("2024年广东的会议是谁主持的？", "other year")
    assert resolve("那2024年的呢？", ["广东的会议是谁主持的？"]).question == "2024年广东的会议是谁主持的？"
    # a figure of something new keeps the year of the question before it
    assert resolve("年度计划投资多少？", ["2025年广东要新增多少个省重点建设项目？"]).question == "2025年广东年度计划投资多少？"


def test_a_part_of_a_whole_is_asked_in_its_own_clause_and_unit(added):
    q = read_question("海南今年安排了多少个省重点项目，其中产业项目占多少？")
    assert q.qtype != "multi" and q.unit == "%" and "产业" in q.predicate
    assert direct(added, "海南今年安排了多少个省重点项目，其中产业项目占多少？") == "超过一半"
    # a part that names nothing else is counted in its own unit, with what the whole did
    assert read_question("山东会上交流发言的有几家，其中几个市？").qtype != "multi"
    assert direct(added, "山东会上交流发言的有几家，其中几个市？") == "济南市、青岛市、烟台市、潍坊市"


def test_a_title_that_says_where_the_meeting_was_held_names_its_province(files):
    from qa.sections import split_sections

    # 全省高质量发展大会在济南召开: no place opens it, but 济南 is where it was held
    [section] = [s for s in split_sections(read_document(files / "shandong.html")) if s.kind == "report"]
    assert (section.province, section.warnings) == ("山东", ())


def test_a_quote_cut_at_a_semicolon_has_the_year_of_the_sentence_it_goes_on(added):
    # …2024年全省地区生产总值…；全年新签约亿元以上项目4500个: 4500个 is 2024's, not 2025's
    assert direct(added, "2024年湖北新签约了多少个亿元以上项目？") == "4500个"
    answer = added.answer("2025年湖北新签约了多少个亿元以上项目？")
    assert answer.direct_answer is None or answer.direct_answer.text != "4500个", answer.text
