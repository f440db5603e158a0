"""Questions written from the bulletin before any answer was seen, that ask what a report
says in words it does not use:

- 那天的会由哪位领导主持？ after a question about 广东's meeting asks who presided over that
  meeting, not which place's leader; 具体是哪天、什么时段开的？ and 按农历算，那天是正月里哪
  一天？ ask when the meeting talked about was held, in parts or by the lunar calendar.
- 建成投产的产业大项目有多少个？: of two figures in one sentence whose clauses both say 项目,
  the one whose clause holds the question's own compound words (建成投产).
- 市委几号工程？: 几号 asks which numbered thing it is (一号工程), not a day.
- 谈到雄安的都有哪几个地方？: a place named only by a city of it, and spoken of, is what the
  reports said, so the question asks which reports; 甘肃有哪些市提到了… still asks for the
  cities inside the province it names.
- 山东情报院编的…: an institution's short name places no meeting (there is no 山东 report);
  its 落款, 印发 date is the bulletin's own, not a meeting's in it.
- 要扎扎实实搞的是个什么活动？: the name of such a thing, “抓基层…”活动, not another word the
  sentence quotes.
- 放在了哪里, 落了户, 投了资: the words as the reports write them (在哪里, 落户, 投资).

Each is read in the bulletin and, where the rule is about how reports are written, in a
composed report of another layout. The tests marked as guards pass before these rules too:
they assert what must not change."""
import pytest

from qa.conversation import resolve
from qa.question import read_question

from .test_strategies import assistant_over_report

SHAANXI = """# 陕西召开全省重点项目建设推进大会

2月18日上午，陕西省委、省政府在西安召开全省重点项目建设推进大会。省委副书记、省长赵刚主持会议。

会议指出，两年来推动520个重大产业项目落地开工，310个重大产业项目建成投产，带动就业超过9万人。

会议强调，要把秦创原创新驱动平台建设作为全省“一号工程”，扎实开展“项目建设攻坚年”活动。
"""


@pytest.fixture(scope="module")
def shaanxi(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("shaanxi"), "陕西.md", SHAANXI)


@pytest.mark.parametrize("history, question, reason, start", [
    (["广东那个全省高质量发展大会，黄坤明主要讲了什么？"], "那天的会由哪位领导主持？", "meeting", "广东"),
    (["湖南开春抓招商的会是在长沙开的吧？"], "具体是哪天、什么时段开的？", "elliptic", "湖南"),
    (["吉林今年节后开的还是优化营商环境加快项目建设大会吗？"], "按农历算，那天是正月里哪一天？", "elliptic", "吉林"),
    (["甘肃三抓三促推进会议上胡昌升讲了些什么？"], "主持会议的是什么职务、叫什么名字？", "elliptic", "甘肃"),
])
def test_a_follow_up_about_the_meeting_talked_about_is_asked_of_it(history, question, reason, start):
    r = resolve(question, history)
    assert r.reason == reason and r.question.startswith(start)


def test_which_leader_of_the_meeting_talked_about_is_a_person_not_a_place():
    # (a guard: with no meeting pointed at, 哪位省领导 still asks which place)
    assert resolve("哪位省领导提到了新质生产力？", ["广东的会是哪天开的？"]).reason == "asks which place"


@pytest.mark.parametrize("history, question, expected", [
    (["广东那个全省高质量发展大会，黄坤明主要讲了什么？"], "那天的会由哪位领导主持？", "王伟中"),
    (["湖南开春抓招商的会是在长沙开的吧？"], "具体是哪天、什么时段开的？", "2月18日下午"),
    (["吉林今年节后开的还是优化营商环境加快项目建设大会吗？"], "按农历算，那天是正月里哪一天？", "大年初九"),
])
def test_the_meeting_talked_about_is_answered(assistant, history, question, expected):
    a = assistant.answer(question, history=history)
    assert not a.abstained and expected in a.direct_answer.text


@pytest.mark.parametrize("question, expected", [
    ("滇这两年已经建成投产的产业大项目有多少个？", "3183个"),
    ("两年来云南推动多少个重大产业项目落地开工？", "6156个"),  # (a guard, as the next)
    ("按艾学峰的说法，粤省重点项目今年的年度投资盘子有多大？", "1万亿元"),  # (no compound word of its own: the nearest)
])
def test_of_two_figures_the_one_whose_clause_says_what_is_asked(assistant, question, expected):
    a = assistant.answer(question)
    assert not a.abstained and a.direct_answer.text == expected


def test_of_two_figures_in_a_report_of_another_layout(shaanxi):
    assert shaanxi.answer("陕西这两年已经建成投产的产业大项目有多少个？").direct_answer.text == "310个"
    assert shaanxi.answer("陕西这两年落地开工的产业项目有多少个？").direct_answer.text == "520个"


@pytest.mark.parametrize("question", ["重庆把双城经济圈建设作为市委几号工程？", "重庆把推进成渝双城经济圈定位成市委的第几号工程？"])
def test_which_numbered_thing_is_no_day(assistant, question):
    assert read_question(question).kind == "name"
    a = assistant.answer(question)
    assert not a.abstained and a.direct_answer.text == "一号工程"
    assert read_question("重庆的会是几号开的？").kind == "date"


def test_which_numbered_thing_in_a_report_of_another_layout(shaanxi):
    a = shaanxi.answer("秦创原平台建设是陕西的几号工程？")
    assert not a.abstained and a.direct_answer.text == "一号工程"


@pytest.mark.parametrize("question", ["雄安新区在哪些地方的开年讲话里被提到了？", "这批材料里谈到雄安的都有哪几个地方？"])
def test_a_city_spoken_of_asks_which_reports(assistant, question):
    assert read_question(question).qtype == "which"
    a = assistant.answer(question)
    assert set(a.provinces) == {"北京", "河北"}


def test_the_cities_inside_the_province_named_are_still_its_own():  # (a guard)
    q = read_question("甘肃有哪些市提到了三抓三促？")
    assert q.qtype != "which" and q.kind == "place"


def test_an_institutions_short_name_places_no_meeting(assistant):
    assert read_question("山东情报院编的这份开年会汇编，落款时间写的是哪天？").provinces == ()
    assert read_question("山东的会是哪天开的？").provinces == ("山东",)
    for question in ("山东情报院编的这份汇编，落款时间写的是哪天？", "山东情报院编的这份开年会汇编，落款时间写的是哪天？"):
        a = assistant.answer(question)  # (the bulletin's own date, not a meeting's in it)
        assert not a.abstained and a.direct_answer.text == "2024年2月23日"


def test_the_name_of_the_thing_asked(assistant, shaanxi):
    a = assistant.answer("黑龙江开年这场作风建设会议，部署全省要扎扎实实搞的是个什么活动？")
    assert not a.abstained and a.direct_answer.text == "抓基层、打基础、强落实、见实效"
    a = shaanxi.answer("陕西要扎实开展的是个什么活动？")
    assert not a.abstained and a.direct_answer.text == "项目建设攻坚年"


def test_words_said_apart_are_read_as_written(assistant):
    assert "落户投资" in read_question("有多少家世界五百强企业在湖南落了户投了资？").text
    assert "设在哪里" in read_question("广东主会场设在了哪里？").text
    a = assistant.answer("广东主会场放在了哪里？")
    assert not a.abstained and a.direct_answer.text == "深圳"


@pytest.mark.parametrize("question", ["上海优化营商环境大会是在什么地方、哪个会场开的？", "湖南具体是哪天、什么时段开的？"])
def test_two_words_for_one_ask_are_one_question(question):
    q = read_question(question)
    assert q.qtype != "multi" and q.kind in ("place", "date")
    assert read_question("福建座谈会在哪开的、谁主持的？").qtype == "multi"  # a place and a person: two


def test_a_venue_the_report_never_names_is_said_to_be_missing(assistant):
    a = assistant.answer("是在什么地方、哪个会场开的？", history=["上海的优化营商环境大会是哪天开的？"])
    assert a.abstained and "资料未写明上海优化营商环境大会的地点" in a.text  # (not 上海海…: 会上's 上 starts 上海)
    a = assistant.answer("具体是哪天、什么时段开的？", history=["湖南开春抓招商的会是在长沙开的吧？"])
    assert not a.abstained and a.direct_answer.text == "2月18日下午"
