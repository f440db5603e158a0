"""哪个更多, 哪边更高: a comparison that asks which side's figure is the larger says so first
(贵州更多：贵州3200个，天津680个), when each side's quotes give one figure of one measure; the
quotes follow as before. Asked of attendance, the meetings are ranked by their records
(参会人数更多：…), as 哪场会人数最多 ranks them. A side whose quotes give no figure (a list of
names), or figures of two measures, gets no verdict: the quotes are left to say it."""
from __future__ import annotations

import pytest

from .test_strategies import assistant_over_report

# a typed digest of two places' meetings, in another year's words
DIGEST = """# 2025年新春第一会要点

## 一、天津召开全市高质量发展推进大会

2月5日，天津市召开全市高质量发展推进大会。会议在天津礼堂设主会场，全市约1200人参加会议。
市委书记罗景明强调，2025年全市计划实施市级重点项目680个，年度计划投资2350亿元。
会上，滨海新区、西青区作交流发言。

## 二、贵州召开全省优化营商环境大会

2月5日，贵州省委、省政府在贵阳召开全省优化营商环境大会，主会场约900人参加。
省委书记唐国栋强调，2025年全省计划实施省级重点项目3200个，年度计划投资6500亿元。
贵阳市、遵义市、黔东南州和贵州黔源新材料集团有限公司作交流发言。
"""


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("more"), "digest.md", DIGEST)


@pytest.mark.parametrize("question, verdict", [
    ("天津和贵州计划实施的重点项目，哪个更多？", "贵州更多：贵州3200个，天津680个"),
    ("天津和贵州，哪边年度计划投资更少？", "天津更少：天津2350亿元，贵州6500亿元"),
])
def test_which_side_s_figure_is_larger_is_said_first(digest, question, verdict):
    a = digest.answer(question)
    assert not a.abstained and a.text.startswith(verdict), a.text
    assert "「" in a.text  # (the quotes still follow)


def test_which_meeting_had_more_people_is_ranked_by_the_records(digest):
    a = digest.answer("天津和贵州的会，哪个参会人数更多？")
    assert not a.abstained and "参会人数更多：天津" in a.text and a.direct_answer.text == "1200人", a.text


def test_no_verdict_without_one_figure_a_side(digest):
    # (units that spoke are listed, not counted: no figure to weigh)
    a = digest.answer("天津和贵州，哪边作交流发言的单位更多？")
    assert "更多：" not in a.text


@pytest.mark.parametrize("question", ["广东和江西，哪边的项目投资更大？", "广东和江西的重点项目，哪边更多？"])
def test_no_verdict_when_a_quote_gives_two_figures_of_one_measure(assistant, question):
    # (广东: 年度计划投资1万亿元 and 年度投资额约1500亿元, 项目1508个 and 项目370余个; 江西:
    # 总投资6805亿元 and 年度计划完成投资3064亿元: which one is compared is the reader's to see)
    a = assistant.answer(question)
    assert not a.abstained and not a.text.startswith(("广东更", "江西更")), a.text
