"""A report writes a figure's subject in the genre's own words, and a user asks in everyday
ones: 动工 for 开工, 次数 for 频次, 减少 for 压减, 多大比例 for a rate in per cent
(开工率达到60%). A question in the everyday words is answered by the figure, not refused
as if the report did not hold it. And 一季度 names a quarter: it counts nothing."""
from __future__ import annotations

import pytest

from .test_strategies import assistant_over_report, direct

# a typed report of another year's bulletin, in the words of the genre
GUIZHOU = """四、【贵州】以一流营商环境保障项目落地——贵州召开全省优化营商环境大会

2025年2月5日，贵州省委、省政府在贵阳召开全省优化营商环境大会。省委书记唐国栋出席会议并讲话，省长蓝卫平主持会议。

唐国栋强调，要以一流营商环境保障项目落地见效，2025年全省计划实施省级重点项目3200个。
蓝卫平在主持会议时要求，各级领导干部要当好“店小二”，对企业诉求实行“接诉即办”，涉企行政检查频次同比压减30%以上。
会议要求，各地要实行“一项目一专班”，确保3月底前重点项目开工率达到60%以上。
"""


@pytest.fixture(scope="module")
def guizhou(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("guizhou"), "guizhou.txt", GUIZHOU)


@pytest.mark.parametrize("question, figure", [
    ("贵州要让涉企行政检查的次数减少多少？", "30%"),  # (had been refused: 资料未写明贵州的这一数字)
    ("贵州要求到3月底，重点项目里有多大比例要动工？", "60%"),
    ("贵州重点项目动工的占比要达到多少？", "60%"),
])
def test_a_figure_asked_in_everyday_words_is_answered(guizhou, question, figure):
    assert direct(guizhou, question).startswith(figure)


def test_a_question_of_another_figure_is_still_refused(guizhou):
    # (no report writes how many firms were checked: 频次 is no count of firms)
    assert guizhou.answer("贵州去年检查了多少家企业？").abstained


def test_the_first_quarter_counts_nothing(assistant):
    from qa.answering.spans import figures

    text = "2024年一季度集中开工重大项目1139个，均为计划一季度开工的项目，3个季度"
    assert [text[a:b] for a, b in figures(text)] == ["1139个", "3个"]
    # (the count is 1139个, not the 一 of the quarter 一季度 next to 开工)
    assert direct(assistant, "江西集中动工的大项目总数是多少？") == "1139个"
