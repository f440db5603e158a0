"""What was said at a meeting is quoted from the report's body, not from the lede's sentence
that says the meeting was held (it matches the topic by the meeting's name alone); what is
asked of a meeting the question names chooses the quote; and a comparison quotes each
province's two best passages, not one passage twice."""
from __future__ import annotations

import re

import pytest

from qa.answering.facts import _only_held
from qa.question import read_question

from .test_strategies import assistant_over_report, first_quote

# a plain-text report of one meeting: a title, a lede, a speech in short paragraphs
SHANXI = """山西召开全省优化营商环境大会

2月19日，山西省委、省政府在太原召开全省优化营商环境大会。省委书记唐登杰出席会议并讲话。

唐登杰指出，营商环境是发展的生命线。要把优化营商环境作为全省的“头号工程”，一以贯之抓下去。
要在市场准入、政务服务、要素保障等方面持续发力，打造一流营商环境。
各级领导干部要当好“店小二”，做到有求必应、无事不扰。

会议要求，要加快推进“一枚印章管审批”改革，压缩审批时限。
太原市、晋城市、省行政审批服务管理局作交流发言。
"""


@pytest.fixture(scope="module")
def shanxi(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("shanxi"), "shanxi.txt", SHANXI)


def test_what_was_said_is_quoted_from_the_body_of_a_composed_report(shanxi):
    assert "头号工程" in first_quote(shanxi, "山西那场营商环境大会把优化营商环境当成什么来抓？")


@pytest.mark.parametrize("question, said", [
    # the meeting's name (营商环境大会) is in every sentence's favour alike: what is asked of it
    # chooses the sentence (it had been refused: 资料未列出具体是哪些单位)
    ("山西营商环境大会上，哪些单位作了交流发言？", "太原市、晋城市、省行政审批服务管理局"),
    ("山西营商环境大会对领导干部提了什么要求？", "店小二"),
])
def test_what_is_asked_of_a_named_meeting_chooses_the_quote(shanxi, question, said):
    assert said in first_quote(shanxi, question)


def test_what_is_asked_of_a_named_meeting_is_read_without_its_name():
    assert read_question("山西营商环境大会上，哪些单位作了交流发言？").asked_search == "哪些单位作了交流发言"
    # (its date is a field of the meeting: the name is what is asked about)
    assert read_question("山西营商环境大会是哪天开的？").asked_search == ""


def test_a_question_about_holding_the_meeting_still_quotes_the_lede(shanxi):
    a = shanxi.answer("山西的营商环境大会是在哪天开的？")
    assert "2月19日" in a.text


@pytest.mark.parametrize("question, said", [
    # the body's list of speakers, not 2月18日…工作推进大会举行 (which named the meeting asked)
    ("重庆双城经济圈推进大会上作交流发言的企业是哪一家？", "赛力斯集团"),
    ("河南项目建设暨一季度“开门红”推进会上，省委书记和省长分别以什么方式参与？", "出席并讲话"),
])
def test_what_was_said_is_quoted_from_the_body_on_the_bulletin(assistant, question, said):
    assert said in first_quote(assistant, question)


def test_a_sentence_on_holding_the_meeting_answers_whether_it_was_held_before(assistant):
    # 是头一回开吗 asks about holding it: 是连续第四年召开… is the answer
    a = assistant.answer("吉林这个营商环境加快项目建设大会是头一回开吗？")
    assert "连续第四年召开" in a.text


def test_only_a_sentence_that_reports_nothing_said_is_only_held():
    assert _only_held("2月19日，山西省委、省政府在太原召开全省优化营商环境大会。")
    assert not _only_held("2月18日上午，省委、省政府举行2024年一季度重大产业项目调度推进会，强调要深入贯彻落实讲话精神。")
    assert not _only_held("要把优化营商环境作为全省的“头号工程”。")


def _line(answer, province: str) -> str:
    return next(line for line in answer.text.splitlines() if line.startswith(f"{province}："))


@pytest.mark.parametrize("question, province, said", [
    ("湘、陇两省在激励干部这件事上，各自是怎么提的？", "湖南", "培养选拔优秀干部"),
    # (not 梁惠玲在主持会议时强调…深化能力作风建设, the next sentence of the first passage)
    ("黑龙江和吉林在作风建设上各自怎么提的？", "黑龙江", "优良作风"),
])
def test_a_comparison_quotes_two_passages_of_a_province(assistant, question, province, said):
    a = assistant.answer(question)
    line = _line(a, province)
    assert said in line
    ranks = [int(n) for n in re.findall(r"」\[(\d+)\]", line)]
    passages = {c.passage for c in a.citations if c.rank in ranks}
    assert len(ranks) == 2 and len(passages) == 2
