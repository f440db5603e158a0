"""Two more layouts, each composed before any question was asked of it: the minutes of a
provincial government's executive meeting (会议纪要), which states its date, venue, chair and
those present as field lines (时间：…, 地点：…, 主持：…, 出席：…) and no news sentence about
them; and a page exported from Word, in GBK, whose sentences are cut by <br/> after a comma
and split into <span>s. The minutes' province also has a 2024 report in the bulletin beside it."""
import pytest

from qa.documents import read_document
from qa.meetings import extract_meetings
from qa.sections import split_sections

from .test_strategies import assistant_over, direct, refused, written

MINUTES = """湖南省人民政府常务会议纪要
〔2025〕第3号

时间：2025年2月10日上午
地点：省政府第一会议室
主持：毛伟明
出席：张迎春、秦国文、曹志强、周海兵
列席：省政府副秘书长，省发展改革委、省财政厅、省商务厅主要负责同志
记录：省政府办公厅秘书一处

会议研究了以下事项：

一、关于2025年全省招商引资工作

会议听取了省商务厅关于2024年全省招商引资工作情况的汇报。2024年全省实际使用外资12.3亿美元。会议决定，2025年全省新引进“三类500强”企业项目200个以上。

二、关于《湖南省促进民营经济发展若干措施》

会议原则通过《湖南省促进民营经济发展若干措施》，由省发展改革委按程序印发实施。
"""

WORD_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>山西省人民政府</title></head>
<body><div class="nav">首页 | 要闻动态 | 政务公开</div><div id="zoom">
<p align="center"><b><span style="font-size:18pt">全省高质量发展大会在太原召开</span></b></p>
<p align="center"><span>发布时间：2025-02-07　来源：山西日报</span></p>
<p class="MsoNormal" style="text-indent:32pt"><span>2月6日，省委、省政府在太原召开</span><span>全省高质量发展大会。省委书记唐登杰出席会议并讲话，省长</span><span>金湘军主持会议。</span></p>
<p class="MsoNormal" style="text-indent:32pt"><span>唐登杰指出，2024年全省地区生产总值达到2.55万亿元，</span><br/><span>规模以上工业增加值增长3.5%。今年要紧盯转型发展，</span><br/><span>全年新开工亿元以上项目不少于1000个。</span></p>
<p class="MsoNormal" style="text-indent:32pt"><span>会议以视频形式开到县（市、区）。太原市、大同市、晋能控股集团作交流发言。</span></p>
</div></body></html>
"""

BULLETIN_2024 = """今日测试快讯

2024年第6期

1. 湖南召开全省招商引资工作会议

2月18日下午，全省招商引资工作会议在长沙召开。省委书记沈晓明出席并讲话。会议以视频形式召开，各市州、县市区设分会场。
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return written(tmp_path_factory.mktemp("minutes"), {"changwu.txt": MINUTES.encode(), "shanxi.html": WORD_PAGE.encode("gbk"),
                                                        "kuaixun.txt": BULLETIN_2024.encode()})


@pytest.fixture(scope="module")
def minutes(files, tmp_path_factory):
    docs = [read_document(files / n) for n in ("kuaixun.txt", "changwu.txt", "shanxi.html")]
    return assistant_over(tmp_path_factory.mktemp("minutes-index"), docs)


def test_a_minutes_field_lines_stay_one_to_a_line(files):
    doc = read_document(files / "changwu.txt")
    lines = doc.text.split("\n")
    assert "列席：省政府副秘书长，省发展改革委、省财政厅、省商务厅主要负责同志" in lines  # not run into 记录：…
    assert "记录：省政府办公厅秘书一处" in lines and "会议研究了以下事项：" in lines


def test_a_minutes_field_lines_are_its_meeting_s_record(files):
    doc = read_document(files / "changwu.txt")
    [record] = extract_meetings(doc, split_sections(doc))
    assert (record.province, record.date, record.host, record.format) == ("湖南", "2025年2月10日上午", "毛伟明", "地点：省政府第一会议室")


def test_a_sentence_word_cut_at_a_comma_is_one_paragraph(files):
    doc = read_document(files / "shanxi.html")
    assert "达到2.55万亿元，规模以上工业增加值增长3.5%。今年要紧盯转型发展，全年新开工" in doc.text
    assert "省长金湘军主持会议。" in doc.text  # <span>s run on
    assert "\n来源：山西日报" in doc.text  # a byline's fields are still one to a line


def test_the_minutes_answer_from_their_field_lines(minutes):
    assert direct(minutes, "湖南省政府常务会议谁主持的？") == "毛伟明"
    assert direct(minutes, "湖南常务会议在哪开的？") == "省政府第一会议室"  # not 长沙, 2024's meeting
    assert direct(minutes, "湖南常务会议是哪天开的？") == "2025年2月10日上午"
    assert direct(minutes, "常务会议有哪些人出席？") == "张迎春、秦国文、曹志强、周海兵"
    assert direct(minutes, "常务会议通过了什么文件？") == "湖南省促进民营经济发展若干措施"


def test_a_document_asked_for_is_a_title_not_a_phrase_in_quotes(minutes):
    assert "资料未写明" in refused(minutes, "湖南常务会议说的“三类500强”出自哪个文件？")


def test_the_word_page_answers_across_its_line_breaks(minutes):
    a = minutes.answer("山西规模以上工业增加值增长多少？")
    assert a.direct_answer.text == "3.5%" and a.citations[a.direct_answer.rank - 1].quote.startswith("唐登杰指出")  # the whole sentence
    assert direct(minutes, "山西的会谁主持的？") == "金湘军"
