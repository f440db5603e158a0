"""Layouts no earlier document had, each composed before any question was asked of it: an
issue of the series that groups its reports under themes (一、科技创新大会 over （一）湖北：…),
saved in GBK; a Markdown report with front matter, emphasis inside its sentences and an
editor's note in a quotation; and a region's page, whose leaders are 自治区党委书记 and
自治区主席, with a list of related news under the article. Also the questions about the
meetings themselves that these documents showed were answered wrongly on the bulletin too."""
import pytest

from qa.documents import read_document
from qa.sections import split_sections

from .test_strategies import assistant_over, direct, refused, written

GROUPED = """今日测试快讯
2024年第7期
省科技信息研究院  2024年3月4日

目  录
一、科技创新大会
（一）湖北：全省科技创新大会暨科技奖励大会………………2
（二）陕西：全省秦创原建设推进大会……………………3
二、民营经济
（一）天津：民营经济发展大会…………………………4
（二）内蒙古：全区民营经济高质量发展大会………………5

一、科技创新大会

（一）湖北：全省科技创新大会暨科技奖励大会

2月20日，湖北省委、省政府在武汉召开全省科技创新大会暨科技奖励大会。省委书记王蒙徽出席并讲话，省长王忠林主持。大会共授予科技奖励项目291项。

（二）陕西：全省秦创原建设推进大会

2月21日，陕西省委、省政府召开秦创原创新驱动平台建设推进大会。省委书记赵一德出席并讲话，省长赵刚主持。会议以视频形式召开，各市（区）设分会场。

二、民营经济

（一）天津：民营经济发展大会

2月19日，天津市委、市政府召开全市民营经济发展大会。市委书记陈敏尔出席并讲话，市长张工主持。会议发布了《天津市促进民营经济发展壮大若干措施》，提出30条具体举措。

（二）内蒙古：全区民营经济高质量发展大会

2月18日，内蒙古自治区党委、自治区人民政府召开全区民营经济高质量发展大会。自治区党委书记孙绍骋出席并讲话，自治区主席王莉霞主持。

责任编辑：李华
联系电话：0531—51751368
"""

MARKED_UP = """---
title: 陕西召开2025年全省“三个年”活动动员大会
date: 2025-02-06
source: 陕西日报
---

# 陕西召开2025年全省“三个年”活动动员大会

2月6日，陕西省委、省政府在西安召开全省“三个年”活动动员大会。省委书记赵一德出席并讲话，省长赵刚主持。

> 编者按：“三个年”活动即“项目建设年”“营商环境突破年”“干部作风能力提升年”。

## 工作部署

会议要求，2025年全省要新开工亿元以上项目**1500个**以上。

会议以电视电话会议形式召开，约**3000人**在主会场参加会议。
"""

REGION_PAGE = """<html><head><meta charset="utf-8">
<title>自治区党委、自治区人民政府召开全区高质量发展大会_要闻_广西壮族自治区人民政府门户网站</title>
<meta name="PubDate" content="2025-02-06 08:30"></head>
<body><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/yw/">要闻</a></div>
<div class="article"><h1>自治区党委、自治区人民政府召开全区高质量发展大会</h1>
<div class="info"><span>日期：2025-02-06 08:30</span> <span>来源：广西日报</span></div>
<div class="TRS_Editor">
<p style="text-indent:2em;">2月5日，自治区党委、自治区人民政府在南宁召开全区高质量发展大会。自治区党委书记陈刚出席会议并讲话，自治区主席韦韬主持会议。</p>
<p style="text-align:center;">图为会议现场。记者 黄建 摄</p>
<p style="text-indent:2em;">陈刚要求，要加快建设西部陆海新通道，北部湾港集装箱吞吐量力争突破1000万标准箱。</p>
<p style="text-indent:2em;">会议以电视电话会议形式召开，在各设区市、县（市、区）设分会场。南宁市、柳州市、广西投资集团作交流发言。</p>
</div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/a1.html">广东召开2025年全省高质量发展大会</a> 2025-02-05</li>
<li><a href="/a2.html">云南召开全省重大项目调度推进会</a> 2025-02-05</li>
</ul></div></div>
<div class="footer">主办：广西壮族自治区人民政府办公厅　版权所有</div></body></html>
"""

BULLETIN_2024 = """今日测试快讯

2024年第6期

1. 广东召开全省高质量发展大会

2月18日，省委、省政府召开全省高质量发展大会。省委书记黄坤明出席并讲话，省长王伟中主持会议。
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return written(tmp_path_factory.mktemp("grouped"), {"kuaixun-7.txt": GROUPED.encode("gbk"), "shaanxi.md": MARKED_UP.encode(),
                                                        "guangxi.html": REGION_PAGE.encode(), "kuaixun-6.txt": BULLETIN_2024.encode()})


@pytest.fixture(scope="module")
def grouped(files, tmp_path_factory):
    docs = [read_document(files / n) for n in ("kuaixun-6.txt", "kuaixun-7.txt", "shaanxi.md", "guangxi.html")]
    return assistant_over(tmp_path_factory.mktemp("grouped-index"), docs)


def test_a_theme_s_heading_belongs_to_no_report(files):
    doc = read_document(files / "kuaixun-7.txt")
    sections = split_sections(doc)
    reports = [s for s in sections if s.kind == "report"]
    assert [s.province for s in reports] == ["湖北", "陕西", "天津", "内蒙古"]
    assert not any("民营经济" in doc.text[s.start : s.end] for s in reports if s.province in ("湖北", "陕西"))
    assert [s.title for s in sections if s.kind == "front"] == ["导语与目录", "科技创新大会", "民营经济", "编辑与发送"]
    assert "联系电话" not in doc.text[reports[-1].start : reports[-1].end]  # the colophon is no report's


def test_numbered_points_that_end_a_report_are_no_theme(tmp_path):
    text = GROUPED.replace("大会共授予科技奖励项目291项。", "会议要求：\n1. 加强组织领导\n2. 强化要素保障")
    path = tmp_path / "points.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    hubei = next(s for s in split_sections(doc) if s.province == "湖北")
    assert doc.text[hubei.start : hubei.end].endswith("2. 强化要素保障")


def test_a_markdown_file_s_front_matter_gives_its_title_and_year(files):
    from qa.documents import front_matter

    doc = read_document(files / "shaanxi.md")
    assert (doc.title, doc.year) == ("陕西召开2025年全省“三个年”活动动员大会", 2025)
    assert not any(w in doc.text for w in ("---", "source:", "date:"))
    assert [s.kind for s in split_sections(doc)] == ["report"]  # no front matter as 导语
    # a rule under a first line is no front matter, and a file without it is unchanged
    assert front_matter("---\n正文第一段。\n---\n") == ("---\n正文第一段。\n---\n", "", None)
    assert front_matter("# 标题\n\n正文。") == ("# 标题\n\n正文。", "", None)


def test_markup_inside_a_sentence_is_no_part_of_its_text(files):
    doc = read_document(files / "shaanxi.md")
    assert "新开工亿元以上项目1500个以上" in doc.text and "约3000人在主会场" in doc.text
    assert "\n编者按：“三个年”" in doc.text and "**" not in doc.text and "\n>" not in doc.text
    assert doc.text.startswith("# 陕西召开")  # a heading keeps its mark


def test_the_composed_documents_answer_from_their_own_text(grouped):
    assert direct(grouped, "陕西2025年要新开工多少亿元以上项目？") == "1500个以上"
    assert direct(grouped, "陕西2025年的会有多少人参加？") == "约3000人"
    assert direct(grouped, "天津发布的措施有多少条？") == "30条"  # 若干措施，提出30条具体举措
    assert direct(grouped, "北部湾港集装箱吞吐量目标是多少？") == "1000万标准箱"
    assert "即“项目建设年”" in grouped.answer("“三个年”活动是指什么？").citations[0].quote


@pytest.mark.parametrize("question, answer", [
    # (自治区 is the level of the region, no place; 南宁召开全区 is no county)
    ("广西的会在哪开的？", "南宁"),
    ("广西的会以什么形式召开？", "电视电话会议"),
    ("广西的会谁主持的？", "韦韬"),
    # (湖北省长: with 湖北省 taken as the place, 长是 was left as what is asked, and 王蒙徽 answered)
    ("湖北省长是谁？", "王忠林"),
    ("天津市长是谁？", "张工"),
    ("湖北省委书记是谁？", "王蒙徽"),
])
def test_a_region_s_meeting_and_the_posts_a_full_name_runs_into(grouped, question, answer):
    assert direct(grouped, question) == answer


def test_a_theme_lists_only_the_reports_under_it(grouped):
    a = grouped.answer("哪些省区市开了民营经济大会？")
    assert "天津" in a.provinces and "陕西" not in a.provinces


def test_a_form_no_report_states_is_said_to_be_missing(grouped):
    assert "资料未写明" in refused(grouped, "天津的会以什么形式召开？")
    assert "资料未写明" in refused(grouped, "湖北的会以什么形式召开？")  # 在武汉召开 is where, not the form
    assert direct(grouped, "湖北省委、省政府在哪座城市召开科技创新大会？") == "武汉"


def test_a_meeting_of_a_year_no_document_reports_is_not_answered_from_another_year(grouped):
    text = refused(grouped, "广东2025年的会谁主持的？")
    assert "资料中没有广东2025年的会议报道（资料中有广东2024年的会议报道）" in text
    assert "王伟中" not in text.split("可能相关")[0]
    assert direct(grouped, "广东2024年的会谁主持的？") == "王伟中"
    assert direct(grouped, "2025年广西召开的大会由谁主持？") == "韦韬"


def test_a_post_or_a_site_alone_asks_who_holds_it_or_where_it_is(grouped):
    a = grouped.answer("主持人呢？", history=["内蒙古的会谁讲话了？"])
    assert a.direct_answer is not None and a.direct_answer.text == "王莉霞"


def test_the_bulletin_s_meetings_with_no_form_or_place_stated(assistant):
    # each had quoted a sentence on 形式主义, or a place named for who spoke
    assert "资料未写明" in refused(assistant, "福建的会以什么形式召开？")
    assert "资料未写明" in refused(assistant, "上海的会议地点在哪？")
    assert direct(assistant, "辽宁的会场呢？") == "沈阳"  # not 沈抚示范区, a branch venue
    assert direct(assistant, "广东的主会场呢？") == "深圳"
    assert "资料中没有广东2025年的会议报道" in refused(assistant, "广东2025年的会谁主持的？")


def test_meetings_held_on_one_side_of_a_day(grouped):
    a = grouped.answer("哪些省的会在2月20日以后召开？")
    assert set(a.provinces) == {"湖北", "陕西"} and "（2月21日）" in a.text  # 以后 counts the day itself
    assert set(grouped.answer("哪些省的会是2月20日之后开的？").provinces) == {"陕西"}
    assert set(grouped.answer("哪些省在2月18日之前开了会？").provinces) == {"陕西", "广西"}  # (广东 on 2月18日 itself)


def test_a_count_of_people_is_not_an_anniversary_a_list_of_bodies_or_views(assistant):
    # (回信10周年 had answered; then 省委、省政府 was counted as two 企业家)
    assert "10周年" not in refused(assistant, "福建座谈会有多少民营企业家参加？").split("报道提到")[0]
    assert "资料未写明" in refused(assistant, "吉林会议有多少人参加？")  # 观看人次约260万 counts views
    assert direct(assistant, "吉林大会观看人次多少？") == "约260万"


def test_meetings_with_branch_venues_are_read_from_the_records_however_asked(assistant):
    listed = assistant.answer("哪些省的会设了分会场？")
    counted = assistant.answer("有几个省的会设了分会场？")
    assert listed.provinces == counted.provinces and "湖南" in listed.provinces  # (9 and 8 provinces, by retrieval)


def test_follow_ups_ask_of_the_place_the_cities_inside_it_and_what_was_done_there():
    from qa.conversation import resolve

    assert resolve("会上哪些市发言了？", ["河南的会在哪开的？", "谁主持的？"]).question == "河南会上哪些市发言了？"
    assert resolve("发布了什么？", ["上海的营商环境大会是第几届？"]).question == "上海发布了什么？"
    assert not resolve("哪些省也开了？", ["河南的会在哪开的？"]).rewritten  # which provinces, still


def test_who_attended_is_every_name_before_the_verb_not_the_host(assistant):
    # (胡衡华, who presided, had answered 重庆的会谁出席了)
    assert direct(assistant, "重庆的会谁出席了？") == "王炯，市政协主席程丽华，市委副书记李明清"
    assert direct(assistant, "河南的会有哪些人出席？") == "刘玉江、孙运锋、张敏、刘尚进、李酌"
    assert direct(assistant, "易炼红讲话那场会上，省政协是谁到场的？") == "廉毅敏"  # a post asked: the one under it


def test_a_follow_up_compares_with_another_place_and_he_is_the_first_named(assistant):
    from qa.conversation import resolve

    # (比河北多吗？ had quoted a sentence of 河北 on 一网通办)
    assert resolve("比河北多吗？", ["辽宁参会人数多少？"]).question == "辽宁和河北参会人数多少？"
    assert resolve("和上海比呢？", ["北京的会是哪天开的？"]).question == "北京和上海的会是哪天开的？"
    assert resolve("那河北呢？", ["辽宁参会人数多少？"]).question == "河北参会人数多少？"  # another place, not both
    a = assistant.answer("比河北多吗？", history=["辽宁参会人数多少？"])
    assert "共4.8万人" in a.text and "河北" in a.text
    # (三人出席会议并讲话: 他 had become all three names, titles and all)
    a = assistant.answer("他强调了什么？", history=["江苏的会上谁讲话了？"])
    assert a.resolved_question == "信长星强调了什么？" and "信长星强调" in a.text
