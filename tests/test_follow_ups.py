"""Conversations written from the bulletin before any answer was seen: a user's earlier
messages, then a follow-up that leans on them (data/dev-questions.jsonl's `history`).

- 他是谁？ 那个会是谁主持的？ 第二个是谁？ as the first message point back at what nothing
  named: with several reports the assistant asks which is meant instead of quoting one at
  random; with one report, or one chosen, there is only one it can mean.
- 上海的呢？两边主持人职务一样吗？: another place, then a comparison: the previous question of
  both places, compared.
- 今年是农历哪天开的？ after two questions about 吉林's meeting names no place and fits no
  rule for follow-ups; every word of it that any report writes is in 吉林's, so it is asked
  of 吉林. 紫金山实验室主任是谁？ is not (only 江苏's report writes 紫金山), nor are questions
  of the other reports (还有别的地方…, 一共有哪几家).
- 政协主席来了吗？叫什么？: an ask that names nothing (叫什么, 哪天) after a yes-or-no
  question asks it of what that question is about; the two are one question.
- 会在哪个城市开的？ after a question about 河北's meeting asks where it was held, not which
  city held one.
- 北京那个首都经济社会高质量发展推进大会呢？ after 辽宁的攻坚动员大会是哪天开的？: the same
  question of that meeting; 还有哪个地方的会也是这天开的？ then: the day that answer gave
  (2月19日), and 还有哪个地方…也 asks for every other province that did it.
- 那个目标, 这件事 after a question that names no place are the place talked about before it
  (not for 那位: a person is not a place's).
- 是哪天印发的？ after 这期《今日科技快讯》是哪个单位编的？ asks it of the bulletin.
- 哪天开的？ after …推进会开完以后，还开过新闻发布会吗？: of two meetings, the one the asking
  clause names (its name starts after the verb that held it).
- 第三个讲的是什么？ after 提了几个“必须”？: one item of the list the report spells out
  (一是…二是…三是…, （一）…, ①…), quoted from its marker to the end of its clause; the
  list may run on into the next passage. Read in the bulletin and in a composed report of
  another layout."""
import pytest

from qa.asking import item_asked
from qa.conversation import resolve
from qa.documents import read_document
from qa.question import split_parts

from .test_strategies import assistant_over

HUBEI = """# 湖北召开全省优化营商环境大会

2月18日，湖北省委、省政府在武汉召开全省优化营商环境大会。省委书记王忠林出席并讲话，省长王忠武主持会议。

会议强调，要以一流营商环境支撑高质量发展，全年新增市场主体100万户。

王忠林强调，要抓好四项重点工作：
（一）持续深化“高效办成一件事”改革，推动政务服务提质增效；
（二）强化要素保障，降低企业用地用能成本；
（三）健全政企沟通机制，及时回应经营主体诉求；
（四）加强法治保障，依法平等保护各类经营主体。
"""


@pytest.mark.parametrize("question, word", [
    ("那个会是谁主持的", "那个会"),
    ("他是谁？", "他"),
    ("这个省的会在哪开的", "这个省"),
    ("它们的主持人分别是谁", "它们"),
    ("第二个是谁？", "第二个"),
    ("该省省长是谁", "该省"),
])
def test_a_first_question_that_points_back_points_at_nothing(question, word):
    r = resolve(question, [])
    assert r.pointing == word and not r.rewritten and r.question == question


@pytest.mark.parametrize("question", [
    "吉林那个会是谁主持的",  # names its place
    "苏那个会是谁主持的",  # by its one-character name
    "书记王宁说的那个会是谁主持的",  # names a person
    "那个提出“地瓜经济”的会是谁主持的",  # describes what it means
    "营商环境大会那个会哪天开",  # names the meeting
    "第一个工作日是哪天",  # an ordinal of what it names
    "哪个省的会是省长主持的？",  # asks the place
    "尹弘他们是在哪个项目现场看的展板",  # 他们 after a name
])
def test_a_question_that_names_what_it_means_points_at_nothing_unnamed(question):
    assert resolve(question, []).pointing == ""


def test_after_an_earlier_question_the_pointer_is_resolved_not_refused():
    r = resolve("那个会是谁主持的", ["吉林开了什么会？"])
    assert r.pointing == "" and r.rewritten and "吉林" in r.question


def test_the_assistant_asks_what_is_meant_instead_of_quoting_one_report(assistant):
    a = assistant.answer("那个会是谁主持的")
    assert a.abstained and not a.citations and "“那个会”" in a.text and "18个省市" in a.text
    assert "刘伟" not in a.text
    a = assistant.answer("那个会是谁主持的", provinces=["吉林"])  # the chosen report's meeting
    assert not a.abstained and a.direct_answer.text == "胡玉亭"
    a = assistant.answer("那个会是谁主持的", history=["吉林开了什么会？"])
    assert not a.abstained and a.direct_answer.text == "胡玉亭"


def test_with_one_report_that_meeting_is_its_meeting(tmp_path):
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "湖北.md"
    path.write_text(HUBEI, encoding="utf-8")
    one = assistant_over(tmp_path / "index", [read_document(path)])
    assert one.provinces == ["湖北"]
    a = one.answer("那个会是谁主持的？")
    assert not a.abstained and "王忠武" in a.text


@pytest.mark.parametrize("history, question, expected", [
    (["北京那个高质量发展推进大会是谁主持的？"], "上海的呢？两边主持人职务一样吗？",
     "北京和上海那个高质量发展推进大会是谁主持的，两边主持人职务一样吗？"),
    (["河北的营商环境大会谁主持的？"], "辽宁那个攻坚动员大会呢？主持人级别一样吗？",
     "河北和辽宁的营商环境大会谁主持的，主持人级别一样吗？"),
    (["甘肃的会上有哪些单位交流发言？"], "黑龙江那边呢？哪边交流发言的单位多？",
     "甘肃和黑龙江的会上有哪些单位交流发言，哪边交流发言的单位多？"),
    # (the previous question names no place: the place named before it)
    (["甘肃那个会讲的是什么行动？", "推进会上有哪些单位交流发言？"], "黑龙江那边呢？哪边交流发言的单位多？",
     "甘肃和黑龙江推进会上有哪些单位交流发言，哪边交流发言的单位多？"),
])
def test_another_place_then_a_comparison_compares_the_two(history, question, expected):
    r = resolve(question, history)
    assert r.reason == "other place, then compared" and r.question == expected
    assert resolve("上海的呢？", history).question != expected  # no comparison asked: the other place only


JILIN = ["吉林的大会是谁讲话的？", "这是连续第几年在节后第一个工作日开全省性会议了？"]


def test_a_follow_up_whose_words_the_place_talked_about_writes_is_asked_of_it(assistant):
    r = resolve("今年是农历哪天开的？", JILIN, holds=assistant._holds)
    assert r.reason == "of the place talked about" and r.question == "吉林今年是农历哪天开的？"
    assert resolve("今年是农历哪天开的？", JILIN).reason == "complete"  # (without the documents, nothing to go by)
    a = assistant.answer("今年是农历哪天开的？", history=JILIN)
    assert not a.abstained and "大年初九" in a.direct_answer.text and a.citations[0].province == "吉林"


@pytest.mark.parametrize("history, question", [
    (["广东高质量发展大会的主会场设在哪里？"], "紫金山实验室主任是谁？"),  # only 江苏's report writes 紫金山
    (["黑龙江的会是在哪开的？", "许勤要求弘扬什么作风？"], "还有别的地方也提“四下基层”吗？"),
    (["河北把优化营商环境定位成了什么工程？"], "报道里点名要“一把手”来抓的，一共有哪几家？"),
    (["哪些省份提到了营商环境？"], "省委书记怎么说的？"),  # no one place talked about
    (["北京和上海的会是哪天开的？"], "今年是农历哪天开的？"),  # two
])
def test_a_question_of_another_place_or_of_several_is_not_asked_of_the_place_talked_about(assistant, history, question):
    assert resolve(question, history, holds=assistant._holds).reason != "of the place talked about"


@pytest.mark.parametrize("question, parts", [
    ("福建政协主席来了吗？叫什么？", ["福建政协主席来了吗？叫什么？"]),
    ("江西的会开了吗？哪天？", ["江西的会开了吗？哪天？"]),
    ("责任编辑是谁？电话是多少？", ["责任编辑是谁", "电话是多少"]),  # a part that names what it asks
    ("福建座谈会在哪开的？谁主持的？", ["福建座谈会在哪开的", "谁主持的"]),
    ("发布会比新春第一会晚了几天？具体几号", ["发布会比新春第一会晚了几天", "具体几号"]),  # no yes or no before
])
def test_an_ask_that_names_nothing_asks_it_of_the_part_before(question, parts):
    assert split_parts(question) == parts


def test_the_name_asked_after_a_yes_or_no_question_is_the_one_it_is_about(assistant):
    a = assistant.answer("政协主席来了吗？叫什么？", history=["福建座谈会有多少企业家发言？", "座谈会是谁主持的？"])
    assert not a.abstained and a.direct_answer.text == "滕佳材"


def test_the_city_of_the_meeting_talked_about_is_where_it_was_held():
    r = resolve("会在哪个城市开的？", ["河北的优化营商环境大会上是谁讲的话？"])
    assert r.reason == "elliptic" and r.question.startswith("河北")
    assert resolve("哪个城市提出了建设国际消费中心城市？", ["河北的会是谁主持的？"]).reason == "asks which place"


@pytest.mark.parametrize("question, n", [
    ("第三个讲的是什么？", 3),
    ("第二点是啥", 2),
    ("其三呢？", 3),
    ("…提了几个“必须”，第三个讲的是什么，第一个呢？", 1),  # the last one named
    ("第一个工作日是哪天", None),  # an ordinal of what it names
    ("第二个发言的是谁", None),  # a place in a roll
    ("已经是连续第9个季度了吗", None),
])
def test_an_item_asked_is_the_ordinal_that_stands_for_it(question, n):
    assert item_asked(question) == n


def test_an_item_after_a_count_of_the_list_is_one_question():
    assert split_parts("郝鹏提了几个“必须”？第二个是什么？") == ["郝鹏提了几个“必须”？第二个是什么？"]


def test_the_item_asked_is_quoted_from_its_marker_even_in_the_next_passage(assistant):
    history = ["辽宁动员大会上，郝鹏讲打赢攻坚之战提了几个“必须”？"]
    a = assistant.answer("第三个讲的是什么？", history=history)
    assert not a.abstained and a.mode == "item" and a.citations[0].quote.startswith("三是必须打好优化营商环境这个关键仗")
    a = assistant.answer("第一个呢？", history=history + ["第三个讲的是什么？"])
    assert not a.abstained and a.citations[0].quote.startswith("一是必须充分发挥党的领导这个最大优势")


def test_an_item_of_a_list_in_brackets_in_a_report_of_another_layout(tmp_path):
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "湖北.md"
    path.write_text(HUBEI, encoding="utf-8")
    one = assistant_over(tmp_path / "index", [read_document(path)])
    a = one.answer("王忠林讲的四项重点工作，第三项是什么？")
    assert not a.abstained and a.citations[0].quote == "（三）健全政企沟通机制，及时回应经营主体诉求；"
    a = one.answer("第五项呢？", history=["王忠林讲的四项重点工作，第三项是什么？"])
    assert a.abstained and "没有第五项" in a.text  # the list has four


def test_another_meeting_with_its_place_asks_the_previous_question_of_it():
    r = resolve("北京那个首都经济社会高质量发展推进大会呢？", ["辽宁的攻坚动员大会是哪天开的？"])
    assert r.reason == "other meeting" and r.question == "北京那个首都经济社会高质量发展推进大会是哪天开的？"
    assert resolve("辽宁的攻坚动员大会呢？", ["河北的营商环境大会谁主持的？"]).question == "辽宁的攻坚动员大会谁主持的？"
    assert resolve("辽宁呢？", ["河北的营商环境大会谁主持的？"]).reason == "other place"


def test_the_day_a_date_answer_gave_and_the_other_places_of_that_day(assistant):
    history = ["辽宁的攻坚动员大会是哪天开的？", "北京那个首都经济社会高质量发展推进大会呢？"]
    r = resolve("还有哪个地方的会也是这天开的？", history, when=assistant._when_answered)
    assert r.reason == "the day answered" and r.question == "还有哪个地方的会也是2月19日开的？"
    a = assistant.answer("还有哪个地方的会也是这天开的？", history=history)
    assert not a.abstained and a.mode in ("which", "meeting") and set(a.provinces) == {"北京", "四川"}
    assert resolve("还有哪个地方的会也是这天开的？", history[:1] + ["北京的会谁主持的？"], when=assistant._when_answered).reason != "the day answered"


def test_this_thing_after_a_question_naming_no_place_is_the_place_before_it():
    history = ["吉林的新春第一会开的是什么会？", "谁主持的？", "会上哪些地方汇报了工作？"]
    r = resolve("省长讲话紧扣的那个目标叫什么？", history)
    assert r.reason == "this" and r.question == "省长讲话紧扣的吉林的目标叫什么？"
    r = resolve("市里把这件事摆在什么位置，算几号工程？", ["重庆是哪天开的会？", "新春第一会是关于什么的？"])
    assert r.question == "市里把重庆的事摆在什么位置，算几号工程？"
    # (那位 is a person, not the place's: the questions are asked together)
    r = resolve("工程院来的那位叫啥？", ["江苏新春第一会是什么主题？", "省委书记是谁？", "除了省里领导，还有哪些院里来的领导讲话？"])
    assert "省委书记" not in r.question


def test_a_follow_up_with_one_word_in_other_words_is_still_asked_of_the_place(assistant):
    history = ["上海的新春第一会主题是什么？", "优化营商环境大会是几号开的？"]
    question = "受邀来了多少中外企业和机构？会上又是哪几家交流发言的？"  # (the report writes 应邀)
    r = resolve(question, history, holds=assistant._holds)
    assert r.reason == "of the place talked about" and r.question == "上海" + question
    a = assistant.answer(question, history=history)
    assert not a.abstained and {c.province for c in a.citations[:2]} == {"上海"}
    assert resolve("报道里点名要“一把手”来抓的，一共有哪几家？", ["河北把优化营商环境定位成了什么工程？"],
                   holds=assistant._holds).reason != "of the place talked about"


def test_a_short_follow_up_after_a_question_about_the_bulletin_asks_it_of_the_bulletin(assistant):
    history = ["这期《今日科技快讯》是哪个单位编的？"]
    assert resolve("是哪天印发的？", history).question == "这期《今日科技快讯》是哪天印发的？"
    a = assistant.answer("是哪天印发的？", history=history)
    assert not a.abstained and a.direct_answer.text == "2024年2月23日"
    assert resolve("那江苏呢？", history).reason != "of the bulletin"


def test_of_two_meetings_the_one_the_asking_clause_names_is_talked_about(assistant):
    history = ["江苏那个产业科技创新中心推进会开完以后，省里还专门开过新闻发布会吗？"]
    r = resolve("哪天开的？", history)
    assert r.reason == "elliptic" and r.question == "江苏新闻发布会哪天开的？"
    assert resolve("哪天开的？", ["江苏那个产业科技创新中心推进会是谁主持的？"]).question == "江苏那个产业科技创新中心推进会哪天开的？"
    a = assistant.answer("哪天开的？", history=history)
    assert not a.abstained and a.direct_answer.text == "2月20日"


def test_a_question_of_the_question_set_is_asked_of_the_place_talked_about_only_when_it_is_its_own(assistant):
    """Each question of the question set, asked after a question about one place: it is asked
    of that place only when its evidence is that place's (the rest are answered as they stand)."""
    import json

    from qa.config import DEFAULT_QUESTIONS

    questions = [json.loads(line) for line in DEFAULT_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    before = {"广东": "广东高质量发展大会的主会场设在哪里？", "江苏": "江苏新春第一会的主会场设在哪里？", "吉林": "吉林的会是谁主持的？"}
    moved = [(q["id"], place) for q in questions for place, b in before.items()
             if resolve(q["question"], [b], holds=assistant._holds).reason == "of the place talked about"]
    assert moved and all([place] == next(q["provinces"] for q in questions if q["id"] == i) for i, place in moved)


@pytest.mark.parametrize("history, question, expected", [
    # another thing, of the same place: whether it names that instead
    (["浙江有没有提到新质生产力？"], "那低空经济呢？", "浙江有没有提到低空经济？"),
    # another place, asked with the verb alone: whether it names the same thing
    (["江苏有没有提到低空经济？"], "广东讲没讲？", "广东有没有提到低空经济？"),
    (["浙江提没提地瓜经济？"], "上海提了吗？", "上海提没提地瓜经济？"),
])
def test_a_follow_up_of_a_mention_asks_the_same_of_another_thing_or_place(history, question, expected):
    assert resolve(question, history).question == expected


def test_a_follow_up_of_a_mention_is_answered_with_its_verdict(assistant):
    a = assistant.answer("那低空经济呢？", history=["浙江有没有提到新质生产力？", "江苏呢？"])
    assert a.resolved_question == "江苏有没有提到低空经济？" and a.verdict == "有" and a.citations[0].province == "江苏", a.text


def test_a_leader_named_without_a_title_is_asked_of_by_the_post_in_another_place(assistant):
    # (黄坤明 has no title before him; 江苏's report is no place of his)
    r = resolve("江苏呢？", ["广东大会上黄坤明提了什么要求？"], people=assistant._people_at)
    assert r.question == "江苏大会上省委书记提了什么要求？"
    a = assistant.answer("江苏呢？", history=["广东大会上黄坤明提了什么要求？"])
    assert not a.abstained and a.citations[0].province == "江苏" and "黄坤明" not in a.text
    assert "信长星" in a.citations[0].quote
    # a 市 has a 市委书记; several at once keep their own posts
    assert resolve("北京呢？", ["黄坤明提了什么要求？"], people=assistant._people_at).question == "北京市委书记提了什么要求？"
    r = resolve("辽宁呢？", ["景俊海和胡玉亭在会上分别强调了什么？"], people=assistant._people_at)
    assert r.question == "辽宁省委书记和省长在会上分别强调了什么？"
    assert resolve("只看辽宁的", ["吉林的会上景俊海讲了什么？"], people=assistant._people_at).question == "辽宁的会上省委书记讲了什么？"


def test_a_person_of_the_new_place_or_without_a_leaders_post(assistant):
    # (the same place: the person stays; no leader's post: the name alone goes)
    assert resolve("广东呢？", ["黄坤明提了什么要求？"], people=assistant._people_at).question == "广东黄坤明提了什么要求？"
    assert resolve("广东呢？", ["江苏大会上汪克强讲了什么？"], people=assistant._people_at).question == "广东大会上讲了什么？"
    # (a 自治区 names its posts otherwise: the name goes, no 省委书记 is made up)
    assert resolve("宁夏呢？", ["四川大会上王晓晖提了什么目标？"], people=assistant._people_at).question == "宁夏大会上提了什么目标？"


def test_a_follow_up_after_a_person_named_alone_asks_of_the_person_s_place(assistant):
    # (许勤出席了什么会议？ names no place; 许勤 is of 黑龙江, and 谁主持的？ asks of that meeting)
    a = assistant.answer("谁主持的？", history=["许勤出席了什么会议？"])
    assert not a.abstained and a.direct_answer.text == "梁惠玲" and a.citations[0].province == "黑龙江"
    # (会议 names a meeting, not which: that meeting is still 许勤's; it had answered 广东's 深圳)
    a = assistant.answer("会议在哪里召开？", history=["许勤出席了什么会议？"])
    assert not a.abstained and a.direct_answer.text == "哈尔滨" and a.citations[0].province == "黑龙江"
    # (two people of two places: no one place is talked about)
    assert resolve("谁主持的？", ["许勤和黄坤明出席了什么会议？"], people=assistant._people_at).question == "谁主持的？"
