"""哪些会议的报道未提及主持人？ asks for the reports that leave a fact about their meeting out.

It had been answered with the 17 reports that name a host, and a last line on 湖南, the
opposite of what was asked. The meeting records say which reports leave each field out;
the answer lists those, each shown by its opening. The guards (不是省长主持的, 由省长主持的)
ask another value of the field, a condition, and are answered as before."""
import pytest

from .test_strategies import over_bulletin


@pytest.mark.parametrize("question, expected, what", [
    ("哪些会议的报道未提及主持人？", ("湖南",), "主持人"),
    ("哪些省的会没有写明主持人？", ("湖南",), "主持人"),
])
def test_the_reports_that_leave_a_field_out(assistant, question, expected, what):
    a = assistant.answer(question)
    assert not a.abstained
    assert a.provinces == expected
    assert f"未写明{what}" in a.text


def test_a_place_held_in_is_no_form(assistant):
    # (上海 names no form; 福建's 在福州召开…座谈会 and 河南's 在郑州召开 say where, not how;
    # 辽宁 以视频形式召开, 安徽 以电视电话会议形式召开 say how)
    a = assistant.answer("没有交代会议形式的有哪些省？")
    assert not a.abstained and {"上海", "福建", "河南"} <= set(a.provinces)
    assert not {"辽宁", "安徽", "湖南"} & set(a.provinces)


def test_when_every_report_states_it_none_is_listed(assistant):
    a = assistant.answer("哪些会议的报道没写召开日期？")
    assert not a.abstained and a.provinces == ()
    assert a.text.startswith("所查的18篇报道都写明了召开日期")


@pytest.mark.parametrize("question, listed, left_out", [
    ("哪些省的会议不是省长主持的？", "北京", "湖南"),  # a guard: another value, not a field left out
    ("哪些省的会议是由省长主持的？", "广东", "湖南"),  # a guard
])
def test_a_value_of_the_field_is_still_a_condition(assistant, question, listed, left_out):
    a = assistant.answer(question)
    assert listed in a.provinces and left_out not in a.provinces


BULLETIN = """今日测试快讯

2024年第2期

1. 湖北召开全省优化营商环境大会

2月18日，湖北省委、省政府在武汉召开全省优化营商环境大会。省委副书记、省长王忠林主持会议。会议以视频形式召开，共1.5万人参加。

2. 陕西召开全省重点项目建设推进会

2月18日，陕西在西安召开全省重点项目建设推进会。会议强调，要把项目建设作为头等大事。

3. 山东召开全省高质量发展大会

2月19日，山东召开全省高质量发展大会，省委书记林武出席并讲话。省长周乃翔主持会议。
"""


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "unstated", BULLETIN, 2)


@pytest.mark.parametrize("question, expected", [
    ("哪些省的报道没写主持人？", ("陕西",)),
    ("哪些省的会没有交代会议形式？", ("陕西", "山东")),
    ("哪些报道没有给出参会人数？", ("陕西", "山东")),
])
def test_the_reports_that_leave_a_field_out_of_a_composed_bulletin(three, question, expected):
    a = three.answer(question)
    assert not a.abstained and tuple(sorted(a.provinces)) == tuple(sorted(expected)), a.text


@pytest.mark.parametrize("question", ["广东大会表彰了什么？", "浙江大会发布了什么？", "上海的会上签约了哪些？"])
def test_a_deed_of_the_meeting_that_its_report_never_writes_is_not_answered(assistant, question):
    # (no sentence of the report commends, announces or signs anything: an unrelated one had been quoted)
    a = assistant.answer(question)
    assert a.abstained and "资料未写明" in a.text


def test_a_deed_of_the_meeting_its_report_writes_is_quoted(assistant):
    a = assistant.answer("江苏会上授牌了什么？")
    assert not a.abstained and "授牌" in a.citations[0].quote
