"""Questions written from the bulletin before any answer was seen, naming a meeting by its
leader, its city or its project rather than by its province.

- 有位书记说…，是谁: asks as 哪位书记 does; the closest sentence in meaning answers.
- 开年推进大会: when a meeting fell (开年, 新春, 节后) names no meeting.
- 省委书记没有讲话、只是作了批示，这位书记是谁: what the one asked did not do is no field.
- 这位书记, 那场会: a demonstrative with its measure word is no key word.
- 投入多少、占GDP多少: a share is a figure of its own, in %.
- 在哪个项目的工地上: the project names the site.
- 大约一千五百个，准确是多少: a number written out is the user's, no word to find.
- 这个机制叫什么: a quoted name of that kind answers.
- 省委书记同时兼任省人大常委会主任: posts held together, as if quoted.
- 主编和副主编分别是谁: one question for each.
- 放映了宣传片: a film is a 专题片 or a 纪录片 in the reports.
- 大多开在2月18日，哪几场是晚一天才开的: the date asked is counted from the one named.
- 建好并投产的有多少个: of two clauses with a figure, the one holding most of what is asked.
- 楼阳生和尹弘…有什么不同: 楼 is a surname, so 楼阳生 says 河南.
- 搞了直播: a colloquial light verb (搞, 弄) is no key word, as 进行 is none.
- 折合约多少万亿元: an amount; 开年第一会之后又专门开了场发布会: 之后, 专门 name no meeting;
  哪几场…晚一天才举行: which meetings.
- 代表工程院方面…、表示要…的那位副院长, 省科技厅哪位负责人: the body named says whose person it is.
- 哪两个地方的报道用了…: a count of provinces whose reports or meetings are asked is a which question.
- 企业家方华玉，来自哪家企业、担任什么职务: the person whose post is asked may stand before another ask.
- 那项行动冠以什么名称: 冠以 only says a name is asked.

The relative date is read in a composed GBK digest of another layout too."""
import pytest

from qa.predicate import predicate_head
from qa.question import read_question, split_parts

from .test_contrasts_and_short_names import over_digest


@pytest.mark.parametrize("question, name", [
    ("有个书记希望干部做三种“将”：实干的、能劈开荆棘开路的、能把事办成的，是谁？", "胡昌升"),
    ("有位书记把人才队伍比成一座三角形的塔，要求底座更牢、中段更壮、顶端更高，是哪位？", "黄坤明"),
])
def test_a_secretary_said_to_have_said_it_is_asked_as_which_secretary(assistant, question, name):
    a = assistant.answer(question)
    assert not a.abstained and a.direct_answer.text == name, a.text  # (both had been refused)


def test_when_a_meeting_fell_names_no_meeting(assistant):
    a = assistant.answer("尹力、殷勇参加的北京开年推进大会是在哪一天举行的？")
    assert a.direct_answer.text.startswith("2月19日") and a.text.count("北京·") == 1, a.text  # (not the overview's 春节后首个工作日)


def test_what_was_not_done_is_no_field_of_the_one_asked(assistant):
    q = read_question("郑州那场“开门红”推进会，省委书记没有讲话、只是作了书面批示，这位书记是谁？")
    assert q.meeting_field is None
    a = assistant.answer(q.text)
    assert not a.abstained and a.direct_answer.text == "楼阳生", a.text  # (it had named the 省长 who spoke)


def test_a_date_denied_still_asks_the_date():
    assert read_question("哪些地方的会议不是在2月18日、而是在2月19日召开的？").meeting_field == "date"


@pytest.mark.parametrize("question, head", [("这位书记是谁？", "书记"), ("那位院长叫什么？", "院长")])
def test_a_demonstrative_and_its_measure_word_are_no_key_word(question, head):
    assert predicate_head(question, "person") == head


def test_a_share_asked_beside_a_total_is_a_part_in_percent():
    q = read_question("江苏去年全社会研发投入总共多少、占GDP多少？")
    assert [p.unit for p in q.parts] == ["元", "%"]
    assert read_question("占地多少亩？").unit != "%"  # (占地 is an area)


def test_both_figures_of_a_total_and_its_share_are_quoted(assistant):
    a = assistant.answer("江苏2023年全社会在研发上一共投了多少钱？占GDP多少？")
    assert not a.abstained and "未在资料中找到" not in a.text and "3.2%" in a.text, a.text


@pytest.mark.parametrize("question", [
    "江西一季度项目集中开工时，省领导是在哪个项目的工地上察看展板的？",
    "赣集中开工那天，尹弘他们是在哪个项目现场看的？",
])
def test_a_project_names_the_site(assistant, question):
    a = assistant.answer(question)
    assert a.direct_answer.text == "南昌瑶湖科学岛一期项目", a.text  # (it had answered 南昌)


def test_a_number_written_out_is_the_users_figure(assistant):
    q = read_question("艾学峰透露的今年省级重点项目安排数量大约一千五百个，准确是多少？")
    assert not {"一千五百", "准确"} & set(q.predicate)
    a = assistant.answer(q.text)
    assert not a.abstained and a.direct_answer.text == "1508个", a.text


def test_a_name_quoted_of_the_kind_asked_answers(assistant):
    a = assistant.answer("广东科技厅厅长提到，对大湾区那家国家级技术创新中心，政府的钱先稳定地给、往后再慢慢减少，这个机制叫什么？")
    assert not a.abstained and "退坡机制" in a.direct_answer.text, a.text


def test_posts_held_together_unquoted_are_read_as_quoted(assistant):
    assert "“省委书记兼省人大常委会主任”" in read_question("哪些省的省委书记同时兼任省人大常委会主任？").text
    a = assistant.answer("报道里哪些省的省委书记同时兼任省人大常委会主任？请列全。")
    assert set(a.provinces) == {"福建", "江西", "四川", "河北", "辽宁", "黑龙江", "甘肃"}, a.text


@pytest.mark.parametrize("question, parts", [
    ("这期快讯的主编和副主编分别是谁？", ["这期快讯的主编是谁", "这期快讯的副主编是谁"]),
    ("这两个活动的主题和口号分别是什么？", ["这两个活动的主题是什么", "这两个活动的口号是什么"]),
    ("江苏和浙江分别是谁主持的？", ["江苏和浙江分别是谁主持的？"]),  # (the provinces asked of: one question)
])
def test_each_thing_named_before_fen_bie_is_a_part(question, parts):
    assert split_parts(question) == parts


def test_the_editor_and_the_deputy_editor_are_both_named(assistant):
    a = assistant.answer("这期快讯的主编和副主编分别是谁？")
    assert "袁清昌" in a.text and "田小元" in a.text, a.text


@pytest.mark.parametrize("question", ["合肥那场大会上出席的省检察院检察长叫什么？", "广东那场会的主持人叫什么？"])
def test_a_post_followed_by_jiao_shen_me_asks_a_person(question):
    assert read_question(question).kind == "person"


def test_a_film_is_any_of_the_reports_words_for_one(assistant):
    a = assistant.answer("粤高质量发展大会上放的那部片子叫什么？")
    assert not a.abstained and "产业科技，时代浪潮" in a.text, a.text


@pytest.mark.parametrize("question", ["这批会议大多开在2月18日，有哪几场是晚一天才召开的？", "哪几场会比2月18日推迟了一天才开？"])
def test_a_date_counted_from_the_one_named(assistant, question):
    a = assistant.answer(question)
    assert not a.abstained and set(a.provinces) == {"北京", "四川"}, a.text


def test_ji_hao_asks_the_meetings_date(assistant):
    a = assistant.answer("北京的会是几号开的？")
    assert a.direct_answer.text.startswith("2月19日"), a.text  # (not the overview's 春节后首个工作日)


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    return over_digest(tmp_path_factory)


@pytest.mark.parametrize("question", ["这几场会大多开在2月5日，哪几场是晚一天才开的？", "哪些地方的会比2月5日晚了一天？"])
def test_a_date_counted_from_the_one_named_in_a_digest(digest, question):
    a = digest.answer(question)
    assert not a.abstained and set(a.provinces) == {"江西"}, a.text


def test_the_figure_of_the_clause_that_holds_most_of_what_is_asked(assistant):
    a = assistant.answer("云南那次调度会回顾说，两年里有多少个大型产业项目已经建好并投产？")
    assert a.direct_answer.text == "3183个", a.text  # (6156个…落地开工 holds 产业项目 too)


def test_a_leader_named_under_a_rarer_surname_places_the_meeting(assistant):
    a = assistant.answer("楼阳生和尹弘在各自省里的节后第一会上扮演的角色有什么不同？")
    assert a.text.startswith("河南：") and "\n江西：" in a.text, a.text  # (楼阳生 had been read as no one)


def test_a_colloquial_light_verb_is_no_key_word(assistant):
    from qa.keyword_index import tokenize

    assert "搞" not in tokenize("搞了直播") and "直播" in tokenize("搞了直播")
    a = assistant.answer("哪些省的新春会搞了直播，在外面也能看？")
    assert set(a.provinces) == {"广东", "吉林"}, a.text  # (it had been refused)


def test_an_amount_asked_in_wan_yi_is_an_amount(assistant):
    assert read_question("总投资折合约多少万亿元？").unit == "元"
    a = assistant.answer("江西2024年一季度集中开工的那批重大项目，总投资折合约多少万亿元？")
    assert not a.abstained and a.direct_answer.text == "6805亿元", a.text


def test_that_a_meeting_followed_another_names_no_meeting(assistant):
    a = assistant.answer("江苏在开年第一会之后又专门开了场新闻发布会，这场发布会是哪天举行的？")
    assert not a.abstained and a.direct_answer.text == "2月20日", a.text


@pytest.mark.parametrize("question", ["18场会议里，哪几场没有放在2月18日、而是晚一天才举行？", "哪几场是2月19日开的？"])
def test_which_sessions_were_held_asks_which_meetings(question):
    assert read_question(question).qtype == "which"


@pytest.mark.parametrize("question, name", [
    ("代表工程院方面到江苏会议上致辞、表示要全方位支持江苏创新发展的那位副院长是谁？", "邓秀新"),  # (not 中国科学院's 汪克强)
    ("广东高质量发展大会分论坛里专谈创新驱动的那一场，是省科技厅哪位负责人上台发言？", "王月琴"),  # (not 黄坤明, who spoke)
    ("沪营商环境大会上，身兼市委常委和副市长、负责作全年工作部署的是哪位？", "华源"),  # (市委常委 is a post, no body)
])
def test_the_body_named_says_whose_person_is_asked(assistant, question, name):
    a = assistant.answer(question)
    assert not a.abstained and a.direct_answer.text == name, a.text


@pytest.mark.parametrize("question, qtype", [
    ("哪两个地方的报道用了“四梁八柱”这一比喻？", "which"),
    ("哪三个省的会是省委书记主持的？", "which"),
    ("王凯出席的那场推进会上，哪三个地级市上台发了言？", "summary"),  # (places inside one province)
    ("“两点”指的是哪两个地方？", "summary"),  # (what a quoted set names)
])
def test_which_n_provinces_reports_is_a_which_question(question, qtype):
    assert read_question(question).qtype == qtype


def test_the_provinces_that_used_a_metaphor_are_both_found(assistant):
    a = assistant.answer("哪两个地方的报道用了“四梁八柱”这一比喻？各自指什么？")
    first = a.text.splitlines()[0]
    assert first.startswith("（1）共2个省市") and "四川" in first and "重庆" in first, a.text


def test_the_post_of_a_person_named_before_another_ask_is_asked(assistant):
    a = assistant.answer("福建民营经济代表人士座谈会发言名单中排在首位的企业家方华玉，来自哪家企业、担任什么职务？")
    assert a.abstained and "方华玉的职务" in a.text, a.text  # (the roll of speakers names no post: it had been quoted as the answer)


def test_a_verb_that_only_says_a_name_is_asked_is_no_key_word(assistant):
    assert "冠以" not in read_question("面向浙商的那项行动冠以什么名称？").predicate
    assert "命名" in read_question("周祖翼要求不断创新发展的经验，是以哪个地方命名的？").terms  # (a place asked)
    a = assistant.answer("易炼红部署的系列行动里，面向浙商的那项行动冠以什么名称？")
    assert not a.abstained and "雄鹰" in a.text, a.text  # (it had been refused)
