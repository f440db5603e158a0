"""A government web page saved in GBK (a navigation bar, a byline, the article, a footer),
asked what a user asks of one meeting: the post a question names is held by the person
answered, and a report's 把…作为… answers what a task is treated as."""
from __future__ import annotations

import pytest

from qa.documents import read_document

from .test_strategies import assistant_over, direct, written

PAGE = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>湖北省召开全省优化营商环境大会暨高质量发展大会_湖北省人民政府门户网站</title></head>
<body>
<div class="nav">首页 &gt; 要闻动态 &gt; 省政府要闻</div>
<h1>湖北省召开全省优化营商环境大会暨高质量发展大会</h1>
<div class="info">发布时间：2025-02-06 09:30　来源：湖北日报　字号：[大 中 小]</div>
<div class="article">
<p>2月5日，蛇年春节后上班第一天，省委、省政府在武汉召开全省优化营商环境大会暨高质量发展大会。省委书记王忠林出席会议并讲话，省长李殿勋主持会议。</p>
<p>王忠林指出，过去一年，全省经济总量迈上6万亿元新台阶，达到6.0万亿元，增长5.8%。全省经营主体总数突破850万户，新增“专精特新”中小企业1200家。</p>
<p>王忠林强调，营商环境是企业生存发展的土壤。要把优化营商环境作为“一号改革工程”，对标国际一流，打造“效率最高、成本最低、服务最优”的营商环境。要深化“高效办成一件事”改革，推动更多政务服务事项“一网通办”。</p>
<p>王忠林要求，各级领导干部要当好“金牌店小二”，对企业诉求做到“有求必应、无事不扰”，建立省领导联系重点民营企业制度，每位省领导联系不少于3家企业。</p>
<p>会上，武汉市、襄阳市、省发展改革委、东风汽车集团作交流发言。省委常委、常务副省长孙伟通报了2024年度营商环境评价结果。</p>
<p>会议以电视电话会议形式开到县（市、区）。省领导，省直各部门主要负责同志在主会场参会。</p>
<p>（责任编辑：张明）</p>
</div>
<div class="footer">主办：湖北省人民政府办公厅</div>
</body></html>
"""


@pytest.fixture(scope="module")
def hubei(tmp_path_factory):
    folder = written(tmp_path_factory.mktemp("hubei"), {"hubei.html": PAGE.encode("gbk")})
    return assistant_over(tmp_path_factory.mktemp("hubei-index"), [read_document(folder / "hubei.html")])


def test_the_post_asked_is_held_by_the_one_answered(hubei):
    # the meeting's record has its 省委书记 speak; a 副省长 is asked, and 王忠林 is none
    a = hubei.answer("湖北大会上哪位副省长作了讲话？")
    assert a.abstained or a.direct_answer is None or a.direct_answer.text == "孙伟", a.text


@pytest.mark.parametrize("question, name", [
    ("湖北大会上哪位省委书记作了讲话？", "王忠林"),  # (guards: the record answers the post it holds)
    ("湖北大会是哪位省长主持的？", "李殿勋"),
    ("湖北的大会是哪天开的？", "2月5日"),
    ("湖北营商环境大会上，哪些单位作了交流发言？", "武汉市、襄阳市、省发展改革委、东风汽车集团"),
])
def test_what_the_page_says_of_its_meeting(hubei, question, name):
    assert direct(hubei, question) == name


def test_what_a_task_is_treated_as_is_written_with_zuowei(hubei):
    # 当作 asked, 作为 written: it had been refused (资料未写明湖北的名称)
    assert direct(hubei, "王忠林把优化营商环境当作什么工程？") == "一号改革工程"
