"""Questions across provinces, written from the bulletin before any answer was seen, in the
reader's own words:

- 是哪两个省？, …的地方有哪些？, …的地方，都是哪几个？, 有没有哪几家是…开的, 哪几家给出了…:
  which provinces are asked, however the question ends. 哪几家企业 still asks for firms.
- 导语里说, 按编者在前言里的归纳: the user's words for the editor's overview; the provinces it
  names in the clause that says it answer, and 归纳 is no word of the topic.
- 世界500强现在: a pair the segmenter glued across two words (强现) is no word the answer must
  hold, though some report writes it inside another word (增强现代化); 科创板 cut as 科 + 创板
  is written where the question writes it, so 创板 stays.
- 哪些省给出了参会人数: 给出 and 写 say the report gives the field, they are no value a record
  must hold; a count of the firms invited (100余家) is no count of people.
- 辽宁、吉林、黑龙江三省里, 在广东、江苏、浙江当中, 东北那三个省的会: a which question asks among the
  provinces (or the region's) its first clause names as a set; 京津冀协同 spoken of sets none.
- 有哪几个地方, with no province named, asks for provinces: one found is no province whose places
  are asked.
- 民企, 外企, AI: a short form is held by the full words reports mostly write (民营企业, 人工智能).
- A "which" question whose gold answer is the overview (provinces 总述) is scored by the
  provinces its evidence names, when the answer lists them.

The tests marked as guards pass before these rules too: they assert what must not change."""
import pytest

from qa.evaluation import EvalQuestion, score_answer
from qa.question import read_question
from qa.schema import Answer

from .test_strategies import direct


@pytest.mark.parametrize("question", [
    "开会时还组织大家一起看了宣传片的，是哪两个省？",
    "会上明确喊出要整治形式主义、给基层减减担子的地方有哪些？",
    "编者在开头专门点了几个连续多年开同类会的地方，都是哪几个？",
    "有没有哪几家是隔了一天、到第二个工作日才开的会？",
    "东北那三个省的会，哪几家给出了参会人数？",
])
def test_which_provinces_are_asked_however_the_question_ends(question):
    assert read_question(question).qtype == "which"


@pytest.mark.parametrize("question, qtype", [
    ("安徽大会上哪几家企业作了交流发言？", "fact"),  # firms, not provinces
    ("广东那场大会主会场放在哪个城市？", "place"),
])
def test_guard_questions_of_one_province_stay_so(question, qtype):
    q = read_question(question)
    assert q.qtype != "which" and (q.qtype == qtype or q.kind == qtype)


OVERVIEW_THREE = ("湖南", "黑龙江", "甘肃")


@pytest.mark.parametrize("question", [
    "导语里说提到解放思想大讨论的是哪三个省？",
    "按编者在前言里的归纳，哪三个省的会谈到了解放思想大讨论？",
])
def test_the_users_words_for_the_overview_ask_what_it_names(assistant, question):
    a = assistant.answer(question)
    assert not a.abstained, a.text
    assert set(a.provinces) == set(OVERVIEW_THREE)
    assert a.citations[0].province == "总述"


def test_guard_the_editors_own_name_still_asks_the_overview(assistant):
    a = assistant.answer("编者按里说，哪几个省的开年会涉及解放思想大讨论这类内容？")
    assert set(a.provinces) == set(OVERVIEW_THREE)


def test_a_pair_glued_across_two_words_is_no_word_though_written_inside_another(assistant):
    # 强现 stands in the bulletin only inside 增强现代化…; the question's 500强|现在 is two words
    assert direct(assistant, "到湖南投资的世界500强现在有几家了") == "211家"


def test_guard_a_word_cut_where_the_report_writes_it_whole_is_kept(assistant):
    # 科创板 is cut 科 + 创板; the bulletin writes 科创板 where the question does
    assert direct(assistant, "江苏在科创板挂牌的企业有多少家？") == "110家"


def _overview_question() -> EvalQuestion:
    return EvalQuestion("o1", "导语里说提到解放思想大讨论的是哪三个省？", "which", ("总述",),
                        ("湖南、黑龙江、甘肃三省提到了解放思想大讨论",))


def test_an_overview_question_is_scored_by_the_provinces_its_evidence_names():
    listed = Answer("问？", "共3个省市：湖南、黑龙江、甘肃", False, [], "which", OVERVIEW_THREE)
    r = score_answer(_overview_question(), listed, {})
    assert r.which_precision == 1.0 and r.which_recall == 1.0
    wrong = Answer("问？", "共2个省市：湖南、广东", False, [], "which", ("湖南", "广东"))
    r = score_answer(_overview_question(), wrong, {})
    assert r.which_precision == 0.5 and r.which_recall == pytest.approx(1 / 3)


def test_guard_an_answer_citing_the_overview_alone_still_scores_as_before():
    cited = Answer("问？", "总述：「…」[1]", False, [], "which", ("总述",))
    r = score_answer(_overview_question(), cited, {})
    assert r.which_precision == 1.0 and r.which_recall == 1.0


@pytest.mark.parametrize("question", ["哪些省给出了参会人数？", "哪些省的会议写了参会人数？"])
def test_the_meetings_that_give_a_count_of_people_attending(assistant, question):
    # 给出, 写: the user's words for a report giving the field, no value it must hold;
    # 上海's 100余家…应邀参会 counts firms, not people
    a = assistant.answer(question)
    assert not a.abstained, a.text
    assert set(a.provinces) == {"辽宁", "吉林"}


def test_a_short_form_is_held_by_the_full_words_reports_write():
    # 民企 is 民营企业 as the reports mostly write it: a passage holding either holds the word
    q = read_question("哪些省提到要帮民企解决融资难？")
    assert any("民营企业" in v and "民企" not in v for v in q.term_variants)
    assert read_question("哪些省提到要解决融资难？").term_variants == ()  # (guard: nothing to vary)


def test_ai_asks_what_reports_write_as_artificial_intelligence(assistant):
    short, full = assistant.answer("哪些省在会上提到了AI？"), assistant.answer("哪些省提到了人工智能？")
    assert not short.abstained and set(short.provinces) == set(full.provinces) == {"广东", "江苏", "四川"}


@pytest.mark.parametrize("question, among", [
    ("辽宁、吉林、黑龙江三省里，哪几个省的会议写了参会人数？", ("辽宁", "吉林", "黑龙江")),
    ("在广东、江苏、浙江当中，哪些省提到了人工智能？", ("广东", "江苏", "浙江")),
    ("粤苏浙三省里谁家提到了人工智能？", ("广东", "江苏", "浙江")),
    ("东北那三个省的会，哪几家给出了参会人数？", ("辽宁", "吉林", "黑龙江")),
])
def test_a_which_question_asks_among_the_provinces_its_first_clause_names(question, among):
    assert read_question(question).within == among


@pytest.mark.parametrize("question", ["哪些省提到了京津冀协同发展？", "在推动京津冀协同发展中，哪些省提出了具体举措？"])
def test_a_region_spoken_of_sets_no_provinces_to_ask_among(question):
    assert read_question(question).within == ()


def test_a_region_as_the_set_asked_among():
    assert read_question("长三角各省中，哪些提到了一体化？").within == ("上海", "江苏", "浙江", "安徽")


def test_guard_a_region_spoken_of_is_the_topic(assistant):
    assert {"北京", "河北"} <= set(assistant.answer("哪些省提到了京津冀协同发展？").provinces)


@pytest.mark.parametrize("question, found", [
    ("辽宁、吉林、黑龙江三省里，哪几个省的会议写了参会人数？", {"辽宁", "吉林"}),
    ("东北那三个省的会，哪几家给出了参会人数？", {"辽宁", "吉林"}),
    # (四川 also speaks of 人工智能, but it is not among those asked)
    ("在广东、江苏、浙江当中，哪些省提到了人工智能？", {"广东", "江苏"}),
])
def test_only_the_provinces_asked_among_are_listed(assistant, question, found):
    a = assistant.answer(question)
    assert not a.abstained, a.text
    assert set(a.provinces) == found


def test_which_places_with_no_province_named_asks_for_provinces(assistant):
    # 哪几个地方, no province named: the one province found is the answer, not the places it
    # names asked of it (the answer had been **京津冀**, from 北京's report)
    a = assistant.answer("会上说要把企业服务热线用起来、用好的，有哪几个地方？")
    assert not a.abstained and a.direct_answer is None
    assert "北京" in a.provinces


@pytest.mark.parametrize("question", ["长三角几个省市中，哪些提到了一体化？", "东北几个省里，哪些省提到了冰雪经济？"])
def test_the_clause_naming_the_set_asked_among_counts_nothing(question):
    # 几个 in 东北几个省里 names the set, it asks no count: one which question, not two parts
    q = read_question(question)
    assert q.qtype == "which" and q.parts == () and len(q.within) >= 3
