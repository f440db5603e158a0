"""Questions asked in the user's own words, written from the bulletin before any answer was
seen. 哪个城市专门提出…, 哪个城市给…定下目标: an adverb, or what the policy is for, may stand
between 哪个城市 and what it did; the city that wants something done speaks in its own
report, so a municipality's report answers, as it does for 哪个城市提出…."""
import pytest

from qa.phrases import holds_phrase
from qa.question import MUNICIPALITIES, read_question


@pytest.mark.parametrize("question", [
    "哪个城市专门提出要深化“一微克”行动？",
    "哪个城市给优良天数定下了不下降的目标？",
    "哪个城市率先提出要聚焦“老老人”“小小孩”问题？",
])
def test_a_city_that_did_something_after_an_adverb_is_a_municipality(question):
    assert read_question(question).provinces == MUNICIPALITIES


@pytest.mark.parametrize("question", ["哪个城市设主会场？", "哪个城市为主会场？", "哪个城市的会最早开？"])
def test_where_a_meeting_was_held_asks_for_a_city_not_a_municipality(question):
    assert read_question(question).provinces == ()


def test_the_municipality_that_said_it_answers(assistant):
    # (both were refused: 资料未写明地点, though the quote was 北京's)
    for question in ("哪个城市专门提出要照顾好高龄老人和幼童？", "哪个城市特别提出养老资源要用得更有效率？"):
        a = assistant.answer(question)
        assert not a.abstained and a.citations[0].province == "北京", a.text


@pytest.mark.parametrize("question, kind", [
    # 哪场 asks which meeting; a 几 after it is "several", not a count asked
    ("哪场会议上午先分到几个城市参观企业，下午再开视频会？", None),
    ("哪次会议上有几位企业家作了交流发言？", None),
    ("哪场会议有多少人参加？", "figure"),
    ("四川的会组织到几个城市观摩？", "figure"),
])
def test_which_meeting_is_asked_before_a_several(question, kind):
    assert read_question(question).kind == kind


def test_the_meeting_that_did_several_things_is_named(assistant):
    a = assistant.answer("哪场会议上午先分到几个城市参观企业，下午再开视频会？")
    assert not a.abstained and a.citations[0].province == "四川", a.text


@pytest.mark.parametrize("question, kind", [
    # 叫什么 after a thing named (活动, 机制, 经验) asks its name, though a post is in the question
    ("河南省长王凯说要持续深化的那个助企活动叫什么？", "name"),
    ("那位管委会副主任，叫什么？", "person"),
    ("合肥那场大会上出席的省法院院长、省检察院检察长分别叫什么？", "person"),
])
def test_what_is_called_is_the_thing_named_before_it(question, kind):
    assert read_question(question).kind == kind


def test_the_activity_a_governor_named_is_answered_with_its_name(assistant):
    a = assistant.answer("河南省长王凯说要持续深化的那个助企活动叫什么？")
    assert "万人助万企" in a.direct_answer.text, a.text  # (it had answered **楼阳生**)


@pytest.mark.parametrize("question", ["今年的新春第一会，哪几个地方不是18号开的，而是19号开的？", "哪些会议在19日召开？"])
def test_a_day_without_its_month_is_that_day_of_the_meetings(assistant, question):
    a = assistant.answer(question)
    assert not a.abstained and set(a.provinces) == {"北京", "四川"}, a.text


def test_a_long_phrase_quoted_from_memory_may_leave_out_its_de(assistant):
    assert holds_phrase("全球影响力产业科技创新中心", "打造具有全球影响力的产业科技创新中心")
    assert not holds_phrase("全球影响力产业科技创新中心", "全球影响力的产业创新中心")  # (only the 的 may go)
    a = assistant.answer("江苏围绕“全球影响力产业科技创新中心”开的那场专场新闻发布会，是几号？")
    assert a.direct_answer.text == "2月20日", a.text
