"""Who said it, asked after the words (有位副院长表态，要…，他是谁), and the genre's set words
for one deed (表扬 and 表彰, 考察 and 调研, 颁发 and 授予, 发布 and 公布).

- 他是谁, 说这话的是谁: a clause that only asks who points back at what the speaker said, and
  the answer must speak of it (with no key word at all, any sentence naming a person would do).
- 表态 says who spoke as 表示 does; 作表态发言 is a kind of speech, and asks no speaker.
- 哪位省长: 省 is the post's; the encoder is not left a stray 长.
- 谁宣读了表扬…的决定: a report of another layout (.md, a province the bulletin lacks) writes 表彰.
- 李明主持的湖北大会上，宣读…的是哪位: the one named as having presided is who the meeting is
  told by, so who presided is no field asked (the answer had been 李明).
- 除了武汉，还有哪些市: a place the question names is set aside with or without its level (武汉市).
- 省政协这边是谁到场, 省人大那边出席的一把手: the one under the house's post (省政协主席吴建平), and
  一把手 is the user's word for the head a report writes by the post.
- 出席会议的中科院院士是谁: 院士 is a title a name follows (中国科学院院士刘清泉), and of a roll the
  name under the body asked answers."""
import pytest

from qa.predicate import SAYS
from qa.question import read_question

from .test_strategies import assistant_over_report


@pytest.mark.parametrize("question, said", [
    ("有位来自中科院的副院长表态，要往江苏多投放些科研力量，帮着搭平台、聚人才，他是谁？", {"科研", "平台", "人才"}),
    ("有位市委书记打了个比方，说要拿发展里的环保成色去换产业里的黄金成色，说这话的是谁？", {"环保", "成色", "黄金"}),
])
def test_a_clause_that_only_asks_who_points_back_at_what_was_said(question, said):
    q = read_question(question)
    assert q.kind == "person" and said <= set(q.predicate), q.predicate


@pytest.mark.parametrize("text, says", [("副院长表态，要支持江苏", True), ("表态支持江苏的是谁", True),
                                        ("哪些人上台作了表态发言", False), ("企业家代表作表态发言", False)])
def test_a_statement_says_who_spoke_but_a_statement_speech_does_not(text, says):
    assert bool(SAYS.search(text)) is says


@pytest.mark.parametrize("question, lead", [("哪位省长要求给每家企业量身定一套政策？", "要求"), ("哪位市长提出要优化营商环境？", "提出"),
                                            ("哪位省委书记强调要抓落实？", "强调"), ("哪个市的企业上台发言了？", "企业")])
def test_the_asking_lead_leaves_no_piece_of_a_post_to_the_encoder(question, lead):
    assert read_question(question).search_text.startswith(lead)


HUBEI = """# 湖北省召开全省科技创新大会

2月19日上午，湖北省委、省政府在武汉召开全省科技创新大会。省委书记王晓东出席会议并讲话，省长李明主持会议，省人大常委会主任周明华，省政协主席吴建平，省委副书记张立新，中国工程院院士孙卫东、中国科学院院士刘清泉出席会议。

会前，王晓东前往东湖科学城视察，察看光谷实验室建设情况。

会上，副省长孙建国宣读决定，表彰2023年度湖北省科技创新先进集体和先进个人。武汉市、宜昌市、襄阳市作交流发言。

王晓东强调，要把科技成果转化作为头等大事，让更多实验室成果走出象牙塔、走进生产线。

李明要求，要为每家高新技术企业配备一名科技特派员。

“我们要把实验室建在产业链上。”武汉市科技局局长陈志远说。

“今年是东湖高新区建区36周年，我们将加快建设世界一流科技园区。”管委会副主任赵海波表示，今年将在成果转化上同时发力，加快重大平台建设，强化创新链产业链深度融合。
"""


@pytest.fixture(scope="module")
def hubei(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("hubei"), "hubei.md", HUBEI)


@pytest.mark.parametrize("question, name", [
    ("湖北会上谁宣读了表扬先进集体的决定？", "孙建国"),  # (表彰 in the report)
    ("湖北会上谁宣读了表彰先进集体的决定？", "孙建国"),
    ("有位省长表态，要给每家高新技术企业派一名科技特派员，他是谁？", "李明"),
    ("李明主持的湖北大会上，宣读表彰决定的是哪位领导？", "孙建国"),
    ("王晓东讲话的那场会，是谁主持的？", "李明"),  # (guard: the field asked is still read)
    ("湖北大会上，省政协这边是谁到场？", "吴建平"),  # (it had named 王晓东, who spoke)
    ("湖北大会上政协方面到场的是谁？", "吴建平"),
    ("王晓东讲话那场会，省人大那边出席的一把手是谁？", "周明华"),  # (it had named 张立新)
    ("湖北大会上，出席会议的中科院院士是谁？", "刘清泉"),  # (it had named 王晓东)
    ("出席湖北大会的工程院院士叫什么？", "孙卫东"),
])
def test_the_genres_set_words_and_the_speaker_asked_after_the_words(hubei, question, name):
    a = hubei.answer(question)
    assert not a.abstained and a.direct_answer.text == name, a.text


def test_a_visit_not_dated_apart_from_the_meeting_is_not_dated(hubei):
    # (会前 dates the visit only by the meeting; 视察 holds 考察, but no date of the visit is written)
    a = hubei.answer("王晓东会前去东湖科学城考察是哪一天？")
    assert a.abstained, a.text


@pytest.mark.parametrize("question, field", [
    ("王宁主持的调度会上，提出工作要求的省长是谁？", None),
    ("省委书记王宁主持的那场会上，哪位省长讲了话？", "speakers"),
    ("景俊海讲话的那场吉林大会，省政协是谁到场？", None),
    ("湖南会议是谁主持的？", "host"),  # (guards: no one is named before the field)
    ("会议主持人是谁？", "host"),
])
def test_a_field_done_by_one_the_question_names_is_not_asked(question, field):
    assert read_question(question).meeting_field == field


def test_a_place_set_aside_is_set_aside_with_its_level(hubei):
    a = hubei.answer("湖北大会上，除了武汉还有哪些市作了交流发言？")
    assert not a.abstained and a.direct_answer.text == "宜昌市、襄阳市", a.text  # (it had listed 武汉市 first)


@pytest.mark.parametrize("question, title", [
    ("湘招商引资会上讲改革开放是“关键一招”的那位省长叫什么？", "省长"),  # (it had named 沈晓明, the 省委书记)
    ("哪位省长要求给每家企业配一名特派员？", "省长"),
    ("那位省长主持的会上，谁讲了话？", None),  # (guard: the one pointed at is not the one asked)
])
def test_the_post_of_the_one_pointed_at_is_the_post_asked(question, title):
    from qa.answering.spans import WHICH_TITLE

    m = WHICH_TITLE.search(question)
    assert (m.group(1) if m else None) == title


def test_a_bare_quotation_is_spoken_by_the_one_the_next_sentence_opens_with(hubei):
    # “今年是…36周年…。”管委会副主任赵海波表示，今年将…: the quotation is his, not 陈志远's, whose
    # short attribution (…”武汉市科技局局长陈志远说。) stands before it
    from qa.speakers import Speakers

    index = hubei.index
    speakers = Speakers(index)
    rows = {speakers.text(r): r for r in range(len(index.sentences.starts))}
    anniversary = next(r for t, r in rows.items() if "36周年" in t)
    earlier = next(r for t, r in rows.items() if "建在产业链上" in t)
    name = lambda found: speakers.text(found[0])[found[1] : found[2]]  # noqa: E731
    assert name(speakers.of(anniversary)) == "赵海波"
    assert name(speakers.of(earlier)) == "陈志远"  # (a guard)
