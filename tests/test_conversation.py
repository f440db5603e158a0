"""Follow-up questions resolved from the earlier questions of a chat (qa/conversation.py), and `qa chat`."""
import json
import os
import signal
import statistics
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from qa.cli import app
from qa.conversation import MAX_TURNS, Resolution, resolve

from .conftest import ROOT

GD = "广东高质量发展大会的主会场设在哪里？"
GD_FIRST = "广东新春第一会的主会场设在哪里？"
JS_FIRST = "江苏新春第一会的主会场设在哪里？"
WHICH = "哪些省份提到了营商环境？"
HEADS = "广东和江苏的科技厅厅长分别是谁？"
JS_SHARE = "江苏2023年高新技术产业产值占比是多少？"
GD_PROJECTS = "广东今年安排了多少个省重点建设项目？"
ZJ_TEAMS = "浙江大会提出的“三支队伍”指什么？"


def check(history, question, expected, reason=None, provinces=()):
    r = resolve(question, history)
    assert r.original == question
    if expected is None:
        assert not r.rewritten and r.question == question, r
    else:
        assert r.rewritten and r.question == expected, r
    assert r.provinces == provinces
    if reason:
        assert r.reason == reason


@pytest.mark.parametrize("history, question, expected", [
    ([GD_FIRST], "那江苏的呢？", "江苏新春第一会的主会场设在哪里？"),
    ([JS_SHARE], "浙江呢？", "浙江2023年高新技术产业产值占比是多少？"),
    ([GD_PROJECTS], "北京怎么样？", "北京今年安排了多少个省重点建设项目？"),
    ([JS_SHARE], "换成上海", "上海2023年高新技术产业产值占比是多少？"),
    ([JS_SHARE], "那上海的情况呢", "上海2023年高新技术产业产值占比是多少？"),
    ([WHICH], "那江苏有没有？", "江苏提到了营商环境吗？"),
    ([WHICH], "换成江苏省再问一次", "江苏提到了营商环境吗？"),
    ([HEADS], "那浙江和上海呢？", "浙江和上海的科技厅厅长分别是谁？"),
    # a full name is replaced by a full name: 江苏省政府 -> 广东省政府
    (["江苏会前，江苏省政府与哪些机构签署了合作协议？"], "广东呢？", "广东会前，广东省政府与哪些机构签署了合作协议？"),
    (["2月18日下午在长沙召开的全省性会议是什么会议？"], "江西呢？", "2月18日下午在江西召开的会议是什么会议？"),
], ids=lambda x: x if isinstance(x, str) else None)
def test_a_follow_up_naming_only_another_province_asks_the_previous_question_of_it(history, question, expected):
    check(history, question, expected, "other place")


@pytest.mark.parametrize("history, question, expected", [
    ([GD], "那江苏的呢？", "江苏大会的主会场设在哪里？"),
    (["河北优化营商环境大会由谁主持？"], "换成上海", "上海大会由谁主持？"),
    (["上海在2024年优化营商环境大会上启动了什么系列活动？"], "河北呢？", "河北在大会上启动了什么系列活动？"),
    (["安徽省委书记韩俊提出要打造哪五个方面的营商环境？"], "江苏呢？", "江苏省委书记提出要打造哪五个方面的营商环境？"),
    (["深圳市委书记孟凡利要求落实什么要求？"], "广州呢？", "广州市委书记要求落实什么要求？"),
    (["深圳市委书记孟凡利要求落实什么要求？"], "广东呢？", "广东省委书记要求落实什么要求？"),
    (["合肥召开的营商环境和民营经济大会上，有哪几位优秀民营企业家作交流发言？"], "福建呢？", "福建召开的大会上，有哪几位优秀民营企业家作交流发言？"),
    (["王月琴提出的“四个强化四个抓”分别是什么？"], "江苏呢？", "江苏提出的“四个强化四个抓”分别是什么？"),
])
def test_the_old_provinces_meeting_name_and_officials_are_not_carried_to_another_place(history, question, expected):
    check(history, question, expected, "other place")


@pytest.mark.parametrize("history, question, expected", [
    ([WHICH], "北京呢？", "北京提到了营商环境吗？"),
    (["哪个省打算培养一批懂现代技术的新式庄稼人？"], "江苏呢？", "江苏打算培养一批懂现代技术的新式庄稼人吗？"),
    (["哪个直辖市认为，自身要实现更好发展，关键是缩小城市和农村之间的差距？"], "上海呢？",
     "上海认为，自身要实现更好发展，关键是缩小城市和农村之间的差距吗？"),
    (["新春第一会的主题是什么？"], "江苏呢？", "江苏新春第一会的主题是什么？"),
])
def test_a_province_is_added_to_a_question_that_named_none(history, question, expected):
    check(history, question, expected, "other place")


def test_a_city_of_the_province_asked_about_narrows_it_and_the_province_stays():
    check([GD_PROJECTS], "深圳呢？", "广东深圳今年安排了多少个省重点建设项目？", "other place")
    assert resolve("深圳呢？", [GD]).question == "广东深圳高质量发展大会的主会场设在哪里？"


def test_a_city_of_another_province_takes_the_place_of_the_province():
    check([GD_PROJECTS], "南京呢？", "南京今年安排了多少个省重点建设项目？", "other place")
    check([GD], "南京呢？", "南京大会的主会场设在哪里？", "other place")


@pytest.mark.parametrize("history, question, expected, provinces", [
    ([WHICH], "只看北京的", "北京提到了营商环境吗？", ("北京",)),
    ([HEADS], "只说广东", "广东的科技厅厅长分别是谁？", ("广东",)),
    ([JS_SHARE, "北京怎么样？"], "仅限江苏", JS_SHARE, ("江苏",)),
    ([WHICH], "只看南京", "南京提到了营商环境吗？", ("江苏",)),
    ([GD], "只看深圳的", "广东深圳高质量发展大会的主会场设在哪里？", ("广东",)),
])
def test_narrowing_restricts_the_previous_question_and_returns_the_province_as_a_filter(history, question, expected, provinces):
    check(history, question, expected, "narrow", provinces)


@pytest.mark.parametrize("history, question, expected, reason", [
    ([JS_FIRST], "它的主持人是谁？", "江苏新春第一会的主持人是谁？", "it"),
    (["江苏新春第一会是什么会议？"], "这个会议在哪天开的？", "江苏新春第一会在哪天开的？", "meeting"),
    (["江苏新春第一会是什么会议？"], "该会议有多少人参加？", "江苏新春第一会有多少人参加？", "meeting"),
    ([GD], "会上还说了什么？", "广东高质量发展大会上还说了什么？", "meeting"),
    ([GD_PROJECTS], "该会议由谁主持？", "广东的会议由谁主持？", "meeting"),
    ([ZJ_TEAMS], "它包括哪些人？", "浙江“三支队伍”包括哪些人？", "it"),
    (["广东省科技厅厅长王月琴是在哪个场合发表讲话的？"], "她还说了什么？", "广东省科技厅厅长王月琴还说了什么？", "person"),
    (["现任深圳市委书记是谁？"], "他在省里还担任什么职务？", "现任深圳市委书记在省里还担任什么职务？", "person"),
    (["辽宁优化营商环境打赢攻坚之战动员大会由谁主持？"], "他还说了什么？",
     "辽宁优化营商环境打赢攻坚之战动员大会的主持人还说了什么？", "person"),
    ([GD_PROJECTS], "该省的年度计划投资多少？", "广东的年度计划投资多少？", "place"),
    ([GD_PROJECTS], "该省委书记是谁？", "广东省委书记是谁？", "place"),
    (["北京今年安排了多少个重大项目？"], "该市委书记是谁？", "北京市委书记是谁？", "place"),
    ([GD], "这个展览由多少个展示区组成？", "广东的展览由多少个展示区组成？", "this"),
    (["江苏新春第一会是什么会议？", "这个会议在哪天开的？"], "那次会议呢？", "江苏新春第一会在哪天开的？", "meeting, same question"),
])
def test_a_reference_back_carries_over_the_subject_of_the_previous_question(history, question, expected, reason):
    check(history, question, expected, reason)


@pytest.mark.parametrize("history, expected", [
    ([ZJ_TEAMS], "浙江大会提出的“三支队伍”中，第二点具体说了什么？"),
    (["辽宁省委书记郝鹏提出的打赢攻坚之战“六个必须”是什么？"], "辽宁省委书记郝鹏提出的打赢攻坚之战“六个必须”中，第二点具体说了什么？"),
    (["广东省发改委主任艾学峰提出今年要重点抓实哪三方面工作？"], "广东省发改委主任艾学峰提出今年要重点抓实的三方面工作中，第二点具体说了什么？"),
    (["江苏省科技系统今年的“产业科技创新中心攻坚年”行动要实现哪“五个突破”？"],
     "江苏省科技系统今年的“产业科技创新中心攻坚年”行动要实现的“五个突破”中，第二点具体说了什么？"),
])
def test_the_second_point_is_read_as_a_point_of_what_the_previous_question_listed(history, expected):
    check(history, "第二点具体说了什么？", expected, "ordinal")


def test_a_point_of_a_question_that_listed_nothing_is_joined_to_it_not_cut_from_it():
    check(["广东省科技厅厅长王月琴是在哪个场合发表讲话的？"], "第二点具体说了什么？",
          "广东省科技厅厅长王月琴是在哪个场合发表讲话的，第二点具体说了什么？", "ordinal, joined")


@pytest.mark.parametrize("history, question, expected", [
    (["江西开工的项目总投资是多少？"], "年度计划完成投资呢？", "江西年度计划完成投资是多少？"),  # the ask at the end
    (["江苏有多少家科技型中小企业？"], "科创板上市公司呢？", "江苏科创板上市公司是多少？"),  # a count asked
    (["哪些省提到了新质生产力？"], "营商环境呢？", "哪些省提到了营商环境？"),  # which provinces said it
])
def test_a_thing_with_ne_asks_the_previous_question_of_it(history, question, expected):
    check(history, question, expected, "same ask")


@pytest.mark.parametrize("history, question", [
    (["广东的会是谁主持的？"], "其他省份呢？"),  # other places, not a thing of 广东's
    (["云南两年来落地开工了多少重大产业项目？"], "建成投产的呢？"),  # no thing named
    (["湖南的会议是谁主持的？"], "那谁讲话了呢？"),  # a question of its own
])
def test_ne_after_no_thing_or_a_question_of_its_own_asks_nothing_again(history, question):
    assert resolve(question, history).reason != "same ask"


def test_asking_for_more_asks_the_previous_question_again():
    check([GD, "那江苏的呢？"], "还有呢？", "江苏大会的主会场设在哪里？", "more")


def test_a_reference_to_several_things_joins_the_two_questions():
    check(["江苏科技型中小企业和科创板上市公司分别有多少家？"], "它们中哪个更多？",
          "江苏科技型中小企业和科创板上市公司分别有多少家，它们中哪个更多？", "joined")


@pytest.mark.parametrize("history, question, expected", [
    ([JS_FIRST], "主持人是谁？", "江苏新春第一会的主持人是谁？"),
    ([GD], "在哪天开的？", "广东高质量发展大会在哪天开的？"),
    ([GD], "有多少人参加？", "广东高质量发展大会有多少人参加？"),
    ([GD], "还提出了什么？", "广东高质量发展大会还提出了什么？"),
    ([GD_PROJECTS], "那主持人呢？", "广东的主持人呢？"),
    ([GD], "那开的是什么会？", "广东高质量发展大会开的是什么会？"),  # the meeting's name
    ([JS_FIRST], "会议名称呢？", "江苏新春第一会的会议名称呢？"),
    # a yes-or-no question about the meeting: the meeting of the place asked about, not the place
    (["北京的会是谁主持的？"], "是2月18日开的吗？", "北京的会是2月18日开的吗？"),
    ([GD], "是线上开的吗？", "广东高质量发展大会是线上开的吗？"),
])
def test_a_question_about_the_meeting_that_names_none_asks_about_the_previous_meeting(history, question, expected):
    check(history, question, expected, "elliptic")


@pytest.mark.parametrize("history, question, expected", [
    (["甘肃的会上谁作了交流发言？"], "有几家？", "甘肃的会上有几家作了交流发言？"),
    ([WHICH], "一共有几个？", "有几个省份提到了营商环境？"),
    (["福建有哪些省领导出席座谈会？"], "一共几位？", "福建有几位省领导出席座谈会？"),  # (its 有 is not written twice)
])
def test_a_bare_count_asks_how_many_of_what_was_listed(history, question, expected):
    check(history, question, expected, "count of the list")
    check(["甘肃的主持人是谁？"], "有几位？", None)  # one person was asked: nothing listed to count


@pytest.mark.parametrize("history, question, expected", [
    (["福建座谈会上有几位企业家发言？"], "都是谁？", "福建座谈会上有哪些企业家发言？"),
    (["重庆会上有几家单位作了交流发言？"], "分别是哪几家？", "重庆会上有哪些单位作了交流发言？"),
])
def test_who_they_are_after_a_count_asks_for_those_counted(history, question, expected):
    check(history, question, expected, "list of the count")


def test_a_question_about_the_form_of_the_meeting_talked_about_is_elliptic():
    check(["河北营商环境大会上倪岳峰说了什么？"], "会议是以什么形式召开的？", "河北营商环境大会的会议是以什么形式召开的？", "elliptic")
    check(["北京的会在哪天开的？"], "上午还是下午？", "北京上午还是下午？", "elliptic")
    check(["安徽的大会叫什么名字？"], "谁讲的话？", "安徽大会谁讲的话？", "elliptic")


def test_a_follow_up_looks_past_a_turn_that_names_no_place():
    check(["甘肃的会上谁作了交流发言？", "有几家？"], "主持人是谁？", "甘肃的主持人是谁？", "elliptic")


def test_a_meeting_named_by_no_name_and_no_place_is_no_subject():
    # 会议在哪里设主会场？ names no meeting of its own: the place talked about is still 广东's
    history = ["广东会上播放了什么专题片？", "会议在哪里设主会场？"]
    check(history[:1], history[1], "广东的会议在哪里设主会场？", "elliptic")
    check(history, "谁主持的？", "广东会议谁主持的？", "elliptic")


def test_the_people_or_bodies_of_the_meeting_talked_about_are_elliptic():
    # 哪些省领导 asks for people, not which province; 哪些单位发言了 asks of the meeting talked about
    check(["福建座谈会谁主持的？"], "有哪些省领导出席？", "福建座谈会有哪些省领导出席？", "elliptic")
    check(["福建座谈会谁主持的？", "有哪些省领导出席？"], "一共几位？", "福建座谈会有几位省领导出席？", "count of the list")
    check(["四川的会议是什么形式？"], "哪些单位发言了？", "四川会议哪些单位发言了？", "elliptic")
    check(["四川的会议是什么形式？"], "哪些省也是这种形式？", None)  # (asks which place)


def test_a_person_a_question_opens_with_is_who_he_refers_to():
    check(["黄坤明是什么职务？"], "他主持会议了吗？", "黄坤明主持会议了吗？", "person")


def test_he_after_asking_who_is_the_one_the_answer_names():
    asked = []

    def who(question: str) -> str:
        asked.append(question)
        return {"重庆会上谁讲话了？": "袁家军", "四川的会是谁主持的？": "王晓晖"}.get(question, "")

    assert resolve("他强调了什么？", ["重庆会上谁讲话了？"], who=who).question == "袁家军强调了什么？"
    # a host asked of a meeting is a role until the answer names who held it
    assert resolve("他是什么职务？", ["四川的会是谁主持的？"], who=who).question == "王晓晖是什么职务？"
    # an answer naming no one leaves the role; a name the questions give is not asked again
    assert resolve("他还说了什么？", ["湖南的会议是由谁主持的？"], who=who).question == "湖南会议的主持人还说了什么？"
    asked.clear()
    assert resolve("他主持会议了吗？", ["黄坤明是什么职务？"], who=who).question == "黄坤明主持会议了吗？"
    assert asked == []


def test_a_short_question_that_only_asks_or_repeats_asks_more_of_the_previous_one():
    check(["吉林的会有多少人观看？"], "怎么看的？", "吉林的会有多少人观看，怎么看的？", "asks again")
    check(["四川的会在哪天开的？"], "为什么？", "四川的会在哪天开的，为什么？", "asks again")
    # its own words, all said before: of the place talked about
    check(["江西开工了多少个项目？"], "怎么开工的？", "江西怎么开工的？", "asks again")
    check(["广东有多少个省重点建设项目？"], "重点建设项目有哪些？", "广东重点建设项目有哪些？", "asks again")
    # a figure of something new: of the same place (the user does not name it again)
    check(["广东有多少个省重点建设项目？"], "年度计划投资多少？", "广东年度计划投资多少？", "asks again")
    check(["广东有多少个省重点建设项目？"], "谁在会上作了部署？", None)  # something new, no figure
    # a time or a choice of something new, too (not 哪几场会, which asks which meetings)
    check(["云南的会是哪天开的？"], "连续几年了？", "云南连续几年了？", "asks again")
    check(["安徽提出要新增多少家规上民营企业？"], "到哪一年？", "安徽到哪一年？", "asks again")
    check(["云南的会是哪天开的？"], "哪几场会是上午开的？", None)


def test_a_post_without_a_place_is_the_place_talked_about():
    check(["云南的会是谁主持的？"], "省长提了什么要求？", "云南省长提了什么要求？", "post of the place")
    check(["哪些省份提到了营商环境？"], "省长提了什么要求？", None)  # no one place to take


@pytest.mark.parametrize("question", [
    ZJ_TEAMS,
    WHICH,
    "紫金山实验室主任是谁？",
    "南京市科技局局长是谁？",
    "全国一共有多少个省召开了新春第一会？",
    "那江苏的主持人是谁？",
    "北京和上海的新春第一会哪个先开？",
    "这期《今日科技快讯》由哪个单位编发？",
    "编者如何概括今年各省市“新春第一会”的共同主题和信号？",
    "春节后第一个工作日召开了哪些会议？",
    "哪位省委书记把改善企业的经营条件称为推动地方振兴的“杀手锏”？",
    "按本期编者的概述，哪三个省提到了解放思想大讨论？",
    "其他省份呢？",
])
def test_a_complete_question_after_another_one_is_answered_as_it_stands(question):
    check([GD], question, None)


def test_no_question_of_the_question_set_is_rewritten_when_asked_after_another():
    questions = [json.loads(line)["question"] for line in (ROOT / "data" / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(questions) > 100
    for before in (GD, JS_FIRST, WHICH, HEADS):
        rewritten = [q for q in questions if resolve(q, [before]).rewritten]
        assert rewritten == [], before
    # each after the one before it, as a user working down the list would ask them
    assert [q for i, q in enumerate(questions) if resolve(q, questions[:i]).rewritten] == []


def test_a_follow_up_without_earlier_questions_is_left_as_it_is():
    check([], "那江苏呢？", None, "first question")
    check(["", "   ", "\n"], "广东的主持人是谁？", None, "first question")
    # (它 with no earlier question points at nothing: tests/test_follow_ups.py)
    check(["", "   ", "\n"], "它的主持人是谁？", None, "points back at nothing")


def test_a_chain_resolves_each_turn_in_order_and_uses_the_latest_subject():
    history = [GD_FIRST, "那江苏的呢？"]
    check(history, "它的主持人是谁？", "江苏新春第一会的主持人是谁？", "it")
    check(history + ["它的主持人是谁？"], "浙江呢？", "浙江新春第一会的主持人是谁？", "other place")
    check(history + ["它的主持人是谁？", "浙江呢？"], "只看上海的", "上海新春第一会的主持人是谁？", "narrow", ("上海",))
    # a new topic in between: the reference is to it, not to the older one
    check([JS_FIRST, ZJ_TEAMS], "它的主持人是谁？", "浙江大会的主持人是谁？", "it")
    check([WHICH, "只看北京的"], "那天津呢？", "天津提到了营商环境吗？", "other place")


def test_blank_history_entries_are_not_turns():
    assert resolve("那江苏的呢？", [GD_FIRST, "", "  ", "\t"]).question == "江苏新春第一会的主会场设在哪里？"


def test_only_the_last_few_turns_of_a_long_history_count_and_it_stays_fast():
    history = [GD_FIRST] + ["紫金山实验室主任是谁？"] * MAX_TURNS + [JS_SHARE] * 10_000
    assert resolve("浙江呢？", history).question == "浙江2023年高新技术产业产值占比是多少？"
    # a subject carried along a chain of follow-ups ends when its question leaves the window
    carried = [GD_FIRST] + ["它的主持人是谁？"] * (MAX_TURNS - 1)
    assert resolve("它的主持人是谁？", carried).question == "广东新春第一会的主持人是谁？"
    assert "广东" not in resolve("它的主持人是谁？", carried + ["它的主持人是谁？"]).question
    times = []
    for _ in range(200):
        t = time.perf_counter()
        resolve("它的主持人是谁？", history)
        times.append(time.perf_counter() - t)
    assert statistics.median(times) < 0.001


def test_a_single_string_history_is_one_earlier_question():
    assert resolve("那江苏的呢？", GD_FIRST).question == "江苏新春第一会的主会场设在哪里？"


def test_a_resolution_cannot_be_changed():
    r = resolve("那江苏的呢？", [GD_FIRST])
    with pytest.raises(AttributeError):
        r.question = "x"


text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60) | st.sampled_from(
    ["那江苏呢？", "只看北京的", "它的主持人是谁？", "第二点呢", "\x00广东\x00", "\ud800呢", "哪些省份？", "“", "江苏和和和"]
)


@settings(max_examples=300, deadline=None)
@given(question=text, history=st.lists(st.none() | text, max_size=8))
def test_any_text_resolves_without_error(question, history):
    r = resolve(question, history)
    assert isinstance(r, Resolution) and r.original == question
    assert r.rewritten == (r.question != question)
    assert isinstance(r.question, str) and len(r.question) <= 2 * 300 + len(question)
    assert resolve(question, history) == r
    if not any(h and h.strip() for h in history):
        assert not r.rewritten


# --- qa chat ------------------------------------------------------------------------

runner = CliRunner()


def chat(index, *lines, args=()):
    result = runner.invoke(app, ["chat", "--index", str(index), "--k", "2", *args], input="".join(line + "\n" for line in lines))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_chat_answers_a_follow_up_as_understood_and_starts_afresh_after_clear(builtin_index):
    out = chat(builtin_index, GD_FIRST, "那江苏的呢？", "/clear", "江苏呢？", "/exit")
    assert out.count("理解为：") == 1
    assert "理解为：江苏新春第一会的主会场设在哪里？" in out
    assert "问题：那江苏的呢？" in out  # the panel shows the user's words, the line above how they were read
    after_follow_up = out.split("理解为：")[1]
    assert "[1] 江苏" in after_follow_up.split("已开始新的对话")[0]
    # after /clear the same words are a first question again
    assert "问题：江苏呢？" in out.split("已开始新的对话")[1]
    assert out.rstrip().endswith("再见。")


@pytest.mark.slow
def test_chat_narrowing_filters_the_answer_to_that_province_and_ends_at_end_of_input(builtin_index):
    out = chat(builtin_index, "哪些省份提到了优化营商环境？", "只看河北的")
    assert "理解为：河北提到了优化营商环境吗？" in out
    narrowed = out.split("理解为：")[1]
    cited = [line.split()[1].split("·")[0] for line in narrowed.splitlines() if line.startswith("[") and "]" in line[:4]]
    assert cited and set(cited) == {"河北"}
    assert out.rstrip().endswith("再见。")


@pytest.mark.slow
def test_chat_with_a_province_option_keeps_it_for_every_turn(builtin_index):
    out = chat(builtin_index, "会议由谁主持？", "清空", "主会场设在哪里？", args=("-p", "广东"))
    assert "理解为" not in out
    cited = [line.split()[1].split("·")[0] for line in out.splitlines() if line.startswith("[") and "]" in line[:4]]
    assert cited and set(cited) == {"广东"}


@pytest.mark.slow
def test_ctrl_c_at_the_prompt_ends_the_chat_cleanly(builtin_index):
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa", "chat", "--index", str(builtin_index)], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seen = b""
    try:
        while "问：".encode() not in seen:
            byte = proc.stdout.read(1)
            assert byte, proc.stderr.read().decode()
            seen += byte
        proc.send_signal(signal.SIGINT)
        rest, errors = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, errors.decode()
    assert "再见。" in rest.decode() and b"Traceback" not in errors


def test_a_question_word_is_no_part_of_a_meeting_s_name_when_the_place_changes():
    # (上海连续几年开营商环境大会 named no meeting: it asks how long; 吉林呢？ had become 吉林大会了？)
    assert resolve("吉林呢？", ["上海连续几年开营商环境大会了？"]).question == "吉林连续几年开营商环境大会了？"
