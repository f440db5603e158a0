"""Questions asked in the user's own words, written from the bulletin before any answer was
seen. 哪个城市专门提出…, 哪个城市给…定下目标: an adverb, or what the policy is for, may stand
between 哪个城市 and what it did; the city that wants something done speaks in its own
report, so a municipality's report answers, as it does for 哪个城市提出…."""
import pytest

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
