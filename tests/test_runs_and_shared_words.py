"""Questions written from the bulletin before any answer was seen, about the body of the
long reports, in an analyst's own words.

- 总数是多少, 已满多少年, 按农历算是哪一天: 总数, 已, 算是 are the user's frame, no key words.
- 三个“一号工程”分别是什么: the items may run on past a ；, and the quote runs on to the last.
- 哪些省提到“只进一门”、“一网通办”: a report may write each phrase in a sentence of its own,
  one after another.
- 两地都提出要打造什么样的中心: what both reports say is written alike in both.
- 按总期号算是第多少期: a noun in the asking clause (总期号) names what is counted, so the
  clause before is not read for it.
- 代号是哪串数字: a code is a name asked.

Typed into a chat box, tersely:
- 书记兼人大主任: posts joined by 兼 may each be shortened (省人大常委会主任).
- 开会那天: 开会 is the user's word for a meeting held (召开).
- 在哪开的 谁主持: a space stands for the comma between two asks.
- 谁家会上说了, 哪几家提了: whose reports, a which question; 哪几家企业 is not.
- 以哪些地方为对标对象: 对象 restates the kind asked.
- 二月十九日, 2月19号, 十九号开的, 2.19开的: a date typed as spoken is the written 2月19日
  (not 一号工程, nor the lunar 正月十五).
- 吉林会是视频开的吗, 辽宁会多少人参加: a province's 会 is its meeting.
- 重庆 主会场 在哪: inside one ask, spaces only set words apart.
- 它们, 这两个省, 两地 after 哪些省…？: the provinces its answer listed (or that the
  previous question named).
- 占GDP多少？, 比上年呢？ after a figure: the share, or the change, of that figure.
- 哪个多？ after 辽宁会多少人参加？ 吉林呢？: the same ask of the two places, compared.
- 头一位是谁？ 第二个是谁？ after …有哪些企业家发言？ (or 有几位): that place in the roll asked
  for, of the same roll turn after turn.
- 省委书记在报道中还兼着省人大常委会主任: a few words may stand between the posts.
- 共同提到要打造的是什么中心: of every passage found, the sentences naming the kind asked
  (中心), and of those, the one sharing the longest run with the other's that holds a word of
  the question (not the reports' common idiom, 深入学习贯彻…).
- “5个100”具体包括哪些: spelled out by five figures of 100.
- 发言的企业家分别来自哪些企业: 民营企业企业家 names no firm; refused.
- 江苏和广东研发投入各是多少: a report whose quotes give no figure of what was asked says so
  (广东：资料未写明…); when none does, the comparison is refused, each report saying so.
- 开工项目: a verb glued to what it acts on is held with a modifier between (开工重大项目);
  a noun glued to a noun (产业项目) is not (产业汇集项目 are other projects).

The runs, the shared words, the posts and the space are read in a composed GBK digest of another layout too."""
import pytest

from qa.documents import read_document
from qa.question import read_question

from .test_strategies import assistant_over, written


@pytest.mark.parametrize("question, frame", [
    ("江西开春那批同时动工的大项目总数是多少？", "总数"),
    ("福建书记提到总书记那封写给闽地企业家的信，到今年已满多少年？", "已满"),
    ("吉林这次营商环境和项目建设大会，按农历算是正月哪一天？", "算是"),
])
def test_the_users_frame_is_no_key_word(question, frame):
    assert frame not in read_question(question).predicate


@pytest.mark.parametrize("question, direct", [
    ("江西开春那批同时动工的大项目总数是多少？", "1139个"),
    ("福建书记提到总书记那封写给闽地企业家的信，到今年已满多少年？", "10周年"),
    ("吉林这次营商环境和项目建设大会，按农历算是正月哪一天？", "农历大年初九"),
    ("这份山东省科学技术情报研究院的快讯，按总期号算是第多少期？", "1665"),
    ("重庆推进工业化时依托的产业集群体系，代号是哪串数字？", "33618"),
    ("吉林开会那天农历是初几", "农历大年初九"),  # (开会: a meeting held)
    ("安徽在创建一流营商环境上以哪些地方为对标对象？", "沪苏浙"),  # (对象 restates the kind)
])
def test_a_frame_word_no_longer_hides_the_answer(assistant, question, direct):
    a = assistant.answer(question)
    assert not a.abstained and a.direct_answer.text == direct, a.text  # (all but 总期号 and 代号 had been refused)


def test_a_set_spelled_out_past_a_semicolon_is_quoted_whole(assistant):
    a = assistant.answer("浙江书记点到的三个“一号工程”分别是什么？")
    assert not a.abstained, a.text  # (it had been refused: no one clause between ； holds all three)
    first = a.text.split("\n")[0]
    assert all(name in first for name in ("“一号发展工程”", "“一号开放工程”", "“一号改革工程”")), a.text


@pytest.mark.parametrize("question, provinces", [
    ("哪些省份提到线下办事“只进一门”、线上办事“一网通办”？", {"安徽", "河北"}),
    ("在政务服务提速方面，哪几个省同时提出了线下“只进一门”、线上“一网通办”、诉求“一线应答”这三项要求？", {"安徽", "河北"}),
])
def test_phrases_in_neighbouring_sentences_count(assistant, question, provinces):
    a = assistant.answer(question)
    assert set(a.provinces) == provinces, a.text  # (河北 writes them in three sentences in a row)
    hebei = next(line for line in a.text.split("\n") if "河北·" in line)
    assert "只进一门" in hebei and "一网通办" in hebei


def test_a_phrase_in_one_sentence_only_is_not_enough(assistant):
    a = assistant.answer("哪些省份既提到“只进一门”，又提到“万人助万企”？")
    assert "河北" not in a.provinces and "安徽" not in a.provinces, a.text


def test_what_two_reports_share_is_quoted_first(assistant):
    a = assistant.answer("广东和江苏的开年会议，都提出要加快打造一个什么样的中心？")
    lines = {line.split("：")[0]: line for line in a.text.split("\n") if "：" in line}
    assert "具有全球影响力的产业科技创新中心" in lines["广东"] and "具有全球影响力的产业科技创新中心" in lines["江苏"], a.text


@pytest.mark.parametrize("question, phrase", [
    ("孟凡利和郝鹏都说“积小胜为大胜”，两人前后各是怎么讲的？", "积小胜为大胜"),
    ("皖冀两省都把营商环境交给“一把手”，说法有啥不一样？", "一把手"),
])
def test_each_ones_own_words_on_a_shared_topic_come_first(assistant, question, phrase):
    # (各是怎么说的, 有啥不一样: each report's own sentence on the topic, not the words they share)
    a = assistant.answer(question)
    firsts = [line.split("」")[0] for line in a.text.split("\n") if "：「" in line]
    assert len(firsts) == 2 and all(phrase in first for first in firsts), a.text


DIGEST = """2025年部分省份新春第一会速览

【湖北】2月5日，湖北省委、省政府在武汉召开全省优化营商环境大会，省长王忠林主持会议，省委书记、省人大常委会主任王蒙徽出席并讲话。会议要求，推进线下办事“只进一门”，政务服务事项进大厅应进必进。推进线上办事“一网通办”，推动高频事项网上办、掌上办。要深入实施数字经济创新提质“一号发展工程”和开放提升“一号开放工程”，培育新增长点；要深入实施营商环境优化提升“一号改革工程”，激发经营主体活力。

【湖南】2月5日，湖南省委、省政府在长沙召开全省招商引资大会，省委书记沈晓明出席并讲话。会议提出实施“3个100”工程，今年建设100个重大项目、引进100家龙头企业、培育100名产业人才。会议要求，推进线下办事“只进一门”、线上办事“一网通办”。要着力打造内陆地区改革开放高地，会议提出要打造高地、建设高地。要加快打造具有全国影响力的先进制造业高地，推动产业转型升级。

【江西】2月6日，江西省委、省政府召开全省重大项目集中开工大会。会议提出，坚持项目为王，加快打造具有全国影响力的先进制造业高地，扩大有效投资。
"""


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    folder = written(tmp_path_factory.mktemp("runs"), {"runs.txt": DIGEST.encode("gbk")})
    return assistant_over(tmp_path_factory.mktemp("runs-index"), [read_document(folder / "runs.txt")])


def test_neighbouring_sentences_count_in_a_digest(digest):
    a = digest.answer("哪些省提出了线下“只进一门”、线上“一网通办”？")
    assert set(a.provinces) == {"湖北", "湖南"}, a.text


def test_a_set_past_a_semicolon_in_a_digest(digest):
    a = digest.answer("湖北提到的三个“一号工程”分别是什么？")
    assert not a.abstained and all(name in a.text for name in ("一号发展工程", "一号开放工程", "一号改革工程")), a.text


def test_what_two_reports_share_in_a_digest(digest):
    a = digest.answer("湖南和江西的会都提出要打造什么样的高地？")
    lines = [line for line in a.text.split("\n") if line.startswith(("湖南", "江西"))]
    assert len(lines) == 2 and all("具有全国影响力的先进制造业高地" in line for line in lines), a.text


@pytest.mark.parametrize("question, provinces", [
    ("书记兼人大主任的是哪几个省", {"福建", "江西", "四川", "河北", "辽宁", "黑龙江", "甘肃"}),
    ("龙腾虎跃鱼跃龙门 谁家会上说了", {"广东", "四川"}),
    ("免申即享 哪几家提了", {"上海", "安徽", "河南"}),
])
def test_terse_which_questions(assistant, question, provinces):
    a = assistant.answer(question)
    assert read_question(question).qtype == "which" and set(a.provinces) == provinces, a.text  # (the first had been refused)


def test_firms_counted_are_not_provinces():
    assert read_question("哪几家企业发言了").qtype != "which"


def test_a_space_between_asks_splits_them(assistant):
    assert [p.text for p in read_question("闽座谈会在哪开的 谁主持").parts] == ["闽座谈会在哪开的", "谁主持"]
    assert read_question("江西 开工项目 多少个").parts == ()  # (words set apart, one ask)
    a = assistant.answer("闽座谈会在哪开的 谁主持")
    assert not a.abstained and "福州" in a.text and "赵龙主持" in a.text, a.text


def test_terse_questions_in_a_digest(digest):
    assert set(digest.answer("书记兼人大主任的是哪几个省").provinces) == {"湖北"}
    a = digest.answer("鄂那个会在哪开的 谁主持的")
    assert not a.abstained and "武汉" in a.text and "王忠林主持" in a.text, a.text


@pytest.mark.parametrize("spoken, written", [
    ("哪些省份的会是二月十九日召开的", "哪些省份的会是2月19日召开的"),
    ("哪些省2月19号开的会", "哪些省2月19日开的会"),
    ("北京的会是十九号开的吗", "北京的会是19号开的吗"),
    ("哪些省2.19开的会", "哪些省2月19日开的会"),
    ("三个“一号工程”分别是什么", "三个“一号工程”分别是什么"),
    ("元宵节是正月十五", "元宵节是正月十五"),
    ("参会4.8万人，占比3.2%", "参会4.8万人，占比3.2%"),
])
def test_a_date_typed_as_spoken_is_read_as_written(spoken, written):
    from qa.question import _written_dates

    assert _written_dates(spoken) == written


@pytest.mark.parametrize("question", ["哪些省份的会是二月十九日召开的", "哪些省2月19号开的会", "哪些省2.19开的会"])
def test_the_meetings_of_a_date_typed_as_spoken(assistant, question):
    a = assistant.answer(question)
    assert set(a.provinces) == {"北京", "四川"}, a.text  # (2月19号 had listed five, the others refused)


def test_a_provinces_meeting_typed_tersely(assistant):
    a = assistant.answer("吉林会是视频开的吗")
    assert a.text.startswith("是。"), a.text
    assert read_question("辽宁会多少人参加").about_meeting and not read_question("江苏会怎么做").about_meeting


def test_dates_and_meetings_typed_tersely_in_a_digest(digest):
    assert set(digest.answer("哪些省二月六号开的会").provinces) == {"江西"}
    a = digest.answer("湖北会是谁主持的")
    assert a.direct_answer is not None and a.direct_answer.text == "王忠林", a.text


def test_spaces_inside_one_ask_only_set_words_apart(assistant):
    a = assistant.answer("重庆 主会场 在哪")
    assert a.abstained and "两江新区" not in a.text.split("可能相关")[0].split("报道提到")[0], a.text  # (it had named a 分会场)


def test_a_verb_glued_to_its_object_is_held_with_a_modifier_between(assistant):
    from qa.answering.context import _other_writings

    assert _other_writings("开工项目")[0].search("集中开工重大项目1139个")
    assert _other_writings("产业项目")[0] is None
    a = assistant.answer("江西 开工项目 多少个")
    assert not a.abstained and a.direct_answer.text == "1139个", a.text  # (it had been refused)


def test_those_provinces_are_the_ones_the_previous_answer_listed(assistant):
    a = assistant.answer("它们的主持人分别是谁", history=["哪些省是2月19日开的会"])
    assert a.resolved_question == "北京、四川的主持人分别是谁", a.text  # (it had been joined to the list's question, and refused)
    assert "刘伟" in a.text and "王晓晖" in a.text, a.text


@pytest.mark.parametrize("question, history, resolved", [
    ("这两个省委书记是谁", ["哪几个省是省委书记主持的"], "四川、云南的省委书记是谁"),
    ("两地的会各在哪开的", ["哪几个省是省委书记主持的"], "四川、云南的会各在哪开的"),
    ("它们各有多少人参加", ["哪几个省是省委书记主持的", "广东和吉林的会各在哪开的"], "广东、吉林各有多少人参加"),
])
def test_those_provinces_in_the_resolver(question, history, resolved):
    from qa.conversation import resolve

    assert resolve(question, history, which=lambda q: ("四川", "云南") if "哪几个省" in q else ()).question == resolved
    assert "四川" not in resolve(question, history[:1]).question  # (without the answer, no list to point at)


def test_those_provinces_in_a_digest(digest):
    a = digest.answer("它们都在哪开的", history=["哪些省是2月5日开的会"])
    assert a.resolved_question.startswith(("湖北、湖南", "湖南、湖北")) and "武汉" in a.text and "长沙" in a.text, a.text


@pytest.mark.parametrize("question, history, resolved", [
    ("占GDP多少", ["江苏研发投入多少"], "江苏研发投入占GDP多少"),
    ("比上年呢", ["江苏研发投入多少", "占GDP多少"], "江苏研发投入占GDP比上年增长多少"),
    ("哪个多", ["辽宁会多少人参加", "吉林呢"], "辽宁和吉林会多少人参加，哪个多"),
    ("哪个早", ["云南会哪天开的", "北京呢"], "云南和北京会哪天开的，哪个早"),
])
def test_a_share_a_change_or_a_choice_of_the_figure_just_asked(question, history, resolved):
    from qa.conversation import resolve

    assert resolve(question, history).question == resolved


def test_the_change_of_a_share_the_report_does_not_give_is_refused(assistant):
    a = assistant.answer("比上年呢", history=["江苏研发投入多少", "占GDP多少"])
    assert a.abstained and "**1.4个百分点**" not in a.text, a.text  # (it had answered with 高新技术产业产值占比's change)


def test_which_of_the_two_in_a_digest(digest):
    a = digest.answer("哪个早", history=["江西会哪天开的", "湖北呢"])
    assert "2月6日" in a.text and "2月5日" in a.text, a.text


@pytest.mark.parametrize("question, name", [
    ("福建座谈会发言的企业家中，第一个是谁", "方华玉"),  # (it had named the last, 吴国仕)
    ("福建座谈会发言的企业家中，第二个是谁", "林孝发"),
    ("福建座谈会上第三个发言的企业家是谁", "傅芬芳"),
    ("福建座谈会发言的企业家里，最后一位是谁", "吴国仕"),
])
def test_a_place_in_the_roll_of_speakers(assistant, question, name):
    a = assistant.answer(question)
    assert not a.abstained and a.direct_answer.text == name, a.text


def test_places_in_the_roll_turn_after_turn(assistant):
    history = ["福建座谈会有哪些企业家发言"]
    for question, name in (("头一位是谁", "方华玉"), ("第二个是谁", "林孝发"), ("最后一位是谁", "吴国仕")):
        a = assistant.answer(question, history=history)
        assert a.resolved_question == f"福建座谈会发言的企业家中，{question}" and a.direct_answer.text == name, a.text
        history.append(question)
    a = assistant.answer("第一个是谁", history=["福建座谈会有哪些企业家发言", "一共几位"])
    assert a.direct_answer.text == "方华玉", a.text  # (the roll the count was of)


def test_posts_held_with_words_between(assistant, digest):
    question = "哪些省的省委书记在报道中还兼着省人大常委会主任？"
    assert set(assistant.answer(question).provinces) == {"福建", "江西", "四川", "河北", "辽宁", "黑龙江", "甘肃"}  # (it had listed 12)
    assert set(digest.answer(question).provinces) == {"湖北"}


def test_the_shared_phrase_is_sought_in_every_passage_found(assistant):
    a = assistant.answer("粤苏两省开年会议上共同提到要打造的是什么中心？")
    lines = {line.split("：")[0]: line for line in a.text.split("\n") if "：" in line}
    assert all("具有全球影响力的产业科技创新中心" in lines[p].split("」")[0] for p in ("广东", "江苏")), a.text


@pytest.mark.parametrize("question, items", [
    ("江苏计划中的未来产业“5个100”具体包括哪些内容？", ("推进100项前沿技术", "升级100家科创园区")),  # (it had been refused)
])
def test_a_set_of_hundreds_is_spelled_out_by_its_figures(assistant, question, items):
    a = assistant.answer(question)
    assert not a.abstained and all(item in a.text for item in items), a.text


def test_a_set_of_hundreds_in_a_digest(digest):
    a = digest.answer("湖南的“3个100”工程具体指什么？")
    assert not a.abstained and "引进100家龙头企业" in a.text, a.text


def test_firms_in_general_name_no_firm(assistant):
    a = assistant.answer("福建座谈会上发言的企业家分别来自哪些企业？")
    assert a.abstained, a.text  # (it had quoted the roll of names)
    a = assistant.answer("甘肃会上作交流发言的企业是哪家")
    assert not a.abstained and "金川集团" in a.text, a.text


def test_a_comparison_says_which_report_gives_no_figure(assistant):
    a = assistant.answer("江苏和广东研发投入各是多少")
    assert not a.abstained and "约4100亿元" in a.text and "广东：资料未写明" in a.text, a.text  # (广东 had quoted a sentence with no figure)
    a = assistant.answer("广东和浙江的研发投入各是多少")
    assert a.abstained and "广东：资料未写明" in a.text and "浙江：资料未写明" in a.text, a.text


def test_a_comparison_of_figures_in_a_digest(digest):
    a = digest.answer("湖北和湖南的会各有多少人参加")
    assert a.abstained and "湖北：资料未写明" in a.text, a.text  # (neither gives an attendance)
