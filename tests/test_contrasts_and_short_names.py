"""Questions written from the bulletin before any answer was seen, in a new user's words.

- 哪几个地方的会上提到了雄安新区: 雄安 places the topic in 河北, but 的会上 asks whose meetings,
  not the places inside 河北.
- 别的地方基本都是2月18日开的，哪几个地方的会拖到了2月19日: the date of the clause that states
  the others' is set aside; the clause that asks holds the date wanted.
- 中科院派来讲话的副院长: a body's short name (中科院, 发改委) stands for its full name
  (中国科学院), and says which of two 副院长 in one list is meant.
- 给2024年定了个什么主题年: 定了个什么…年 asks for the name of a year, as 定为什么年 does.

- 沪和冀…, 粤…和赣…: a one-character name paired by 和 with the one the question opens with
  is a province too.
- “省委书记兼省人大常委会主任”: the posts a report lists (省委书记、省人大常委会主任) joined by 兼.
- 有没有哪个省是…: whether any, and which.
- 活动全称叫什么, 编号叫什么: the name asked of a thing is no word the answer must hold.

What the others did is set aside in a composed GBK digest of another layout too."""
import pytest

from qa.documents import read_document
from qa.phrases import holds_phrase
from qa.question import read_question

from .test_strategies import assistant_over, written


@pytest.mark.parametrize("question, qtype", [
    ("哪几个地方的会上提到了雄安新区？", "which"),
    ("哪些地方的会议报道提到了雄安新区？", "which"),
    ("甘肃有哪些地方作交流发言？", "place"),  # (the places inside the one province named)
    ("四川与会同志前往哪些市参观考察？", "place"),
])
def test_whose_meetings_is_asked_across_provinces(question, qtype):
    assert read_question(question).qtype == qtype


def test_the_provinces_whose_meetings_named_a_place_are_listed(assistant):
    a = assistant.answer("哪几个地方的会上提到了雄安新区？")
    assert not a.abstained and set(a.provinces) == {"北京", "河北"}, a.text  # (it had answered **京津冀**)


@pytest.mark.parametrize("question", [
    "别的地方基本都是2月18日开的，哪几个地方的会拖到了2月19日？",
    "哪几个地方的会不是18号开的，而是拖到了19号？",
    "哪几个地方的会是2月19日开的？",
])
def test_the_date_asked_is_the_one_in_the_asking_clause(assistant, question):
    a = assistant.answer(question)
    assert not a.abstained and set(a.provinces) == {"北京", "四川"}, a.text


DIGEST = """2025年部分省份新春第一会速览

【湖北】2月5日，湖北省委、省政府召开全省科技创新大会，省委副书记、省长王忠林主持会议，省委书记王蒙徽出席并讲话。

【湖南】2月5日，湖南省委、省政府召开全省招商引资大会，省委书记沈晓明主持会议并讲话。

【江西】2月6日，江西省委、省政府召开全省重大项目集中开工大会，省委副书记、省长叶建春主持会议，省委书记尹弘出席并讲话。

【山东】2月5日，山东省委、省政府召开全省高质量发展大会，省委书记林武主持会议并讲话。
"""


def over_digest(tmp_path_factory):
    """An assistant over DIGEST, written GBK-encoded as a user's file."""
    folder = written(tmp_path_factory.mktemp("brief"), {"brief.txt": DIGEST.encode("gbk")})
    return assistant_over(tmp_path_factory.mktemp("brief-index"), [read_document(folder / "brief.txt")])


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    return over_digest(tmp_path_factory)


@pytest.mark.parametrize("question, provinces", [
    ("别的省基本都是2月5日开的，哪几个省的会拖到了2月6日？", {"江西"}),
    ("大多数地方的会都是5号开的，有没有哪几个是6号才开的？", {"江西"}),
    # (一般都是…: the others' host is no condition; the clause that asks says who)
    ("一般都是省长主持，有没有哪个省是省委书记本人主持会议的？", {"湖南", "山东"}),
])
def test_what_the_others_did_is_set_aside_in_a_digest(digest, question, provinces):
    a = digest.answer(question)
    assert not a.abstained and set(a.provinces) == provinces, a.text


@pytest.mark.parametrize("question", [
    "今年大多数地方都是2月18号开的第一会，有没有哪几个是19号才开的？",  # (a full date and a day alone)
    "有没有哪个省的会是2月19日开的？",
])
def test_whether_any_and_which_is_a_which_question(assistant, question):
    assert read_question(question).qtype == "which"
    a = assistant.answer(question)
    assert not a.abstained and set(a.provinces) == {"北京", "四川"}, a.text


def test_the_host_the_others_had_is_no_condition(assistant):
    a = assistant.answer("一般都是省长或副书记主持，有没有哪个省是省委书记本人主持会议的？")
    assert not a.abstained and set(a.provinces) == {"四川", "云南"}, a.text


@pytest.mark.parametrize("question, provinces", [
    ("沪和冀的书记都说营商环境优化没有终点，两人原话分别怎么讲的？", ("上海", "河北")),
    ("粤今年安排的省重点建设项目数和赣一季度集中开工的重大项目数，哪个多？", ("广东", "江西")),
    ("苏和京津冀的协同怎么提的？", ("江苏",)),  # (京津冀 is a region, not 北京)
])
def test_a_short_province_name_paired_with_the_first_is_one_too(question, provinces):
    assert read_question(question).provinces == provinces


def test_both_sides_paired_by_their_short_names_are_quoted(assistant):
    a = assistant.answer("沪和冀的书记都说营商环境优化没有终点，两人原话分别怎么讲的？")
    assert not a.abstained and a.text.startswith("上海：") and "\n河北：" in a.text, a.text


def test_posts_joined_by_jian_are_the_posts_a_report_lists():
    assert holds_phrase("省委书记兼省人大常委会主任", "省委书记、省人大常委会主任尹弘下达开工令")
    assert not holds_phrase("省委书记兼省人大常委会主任", "省委副书记、省长叶建春主持")


def test_every_secretary_who_also_chairs_the_congress_is_listed(assistant):
    a = assistant.answer("报道里哪些省的省委书记是以“省委书记兼省人大常委会主任”的身份出现的？")
    assert set(a.provinces) == {"福建", "江西", "四川", "河北", "辽宁", "黑龙江", "甘肃"}, a.text  # (it had been refused)


@pytest.mark.parametrize("question", ["那个系列活动的活动全称叫什么？", "那个专项行动的编号是什么？"])
def test_the_name_asked_of_a_thing_is_no_word_the_answer_holds(question):
    assert not {"活动全称", "全称", "编号"} & set(read_question(question).predicate)


def test_the_full_name_of_an_activity_is_answered(assistant):
    a = assistant.answer("上海开营商环境大会那天，顺带启动了一个面向全球投资的系列活动，活动全称叫什么？")
    assert not a.abstained and "潮涌浦江" in a.direct_answer.text, a.text


@pytest.mark.parametrize("short, text, held", [
    ("中科院", "中国科学院副院长汪克强", True),
    ("中科院", "中国工程院副院长邓秀新", False),
    ("发改委", "省发展改革委主任", True),
    ("重点", "省重点建设项目", True),
])
def test_a_body_s_short_name_is_held_by_its_full_name(short, text, held):
    assert holds_phrase(short, text) is held


def test_the_person_under_the_body_named_short_answers(assistant):
    assert assistant.answer("江苏那场会，中科院派来讲话的副院长叫什么？").direct_answer.text == "汪克强"  # (it had answered 邓秀新)
    assert assistant.answer("江苏那场会，工程院派来讲话的副院长叫什么？").direct_answer.text == "邓秀新"


@pytest.mark.parametrize("question", ["吉林省委给2024年定了个什么主题年？", "吉林省委把今年定为什么年？", "今年定下个什么年？"])
def test_the_name_of_a_year_is_asked(question):
    assert read_question(question).term == "年"


def test_the_name_given_to_the_year_answers(assistant):
    a = assistant.answer("吉林省委给2024年定了个什么主题年？")
    assert not a.abstained and a.direct_answer.text == "狠抓落实年", a.text


def test_what_each_province_found_did_is_asked_of_each(assistant):
    # 哪些省…？放的是什么内容？: the second part is asked of the provinces the first found
    a = assistant.answer("哪些省开会的时候给大家放了专题片？放的是什么内容？")
    second = a.text.split("（2）", 1)[1]
    assert second.startswith("广东：") and "\n甘肃：" in second and "吉林" not in second, a.text


AWARDS = """2025年部分省份新春第一会速览

【湖北】2月5日，湖北省委、省政府召开全省科技创新大会。会上表彰了30家科技创新先进企业。

【湖南】2月5日，湖南省委、省政府召开全省招商引资大会。会上表彰了50个招商引资先进单位。

【江西】2月6日，江西省委、省政府召开全省重大项目集中开工大会，部署全年重大项目建设。
"""


def test_each_province_found_is_asked_in_a_digest(tmp_path_factory):
    folder = written(tmp_path_factory.mktemp("awards"), {"awards.md": AWARDS.encode()})
    digest = assistant_over(tmp_path_factory.mktemp("awards-index"), [read_document(folder / "awards.md")])
    a = digest.answer("哪些省的会上表彰了先进？各表彰了多少家（个）？")
    second = a.text.split("（2）", 1)[1]
    assert "湖北：" in second and "30家" in second and "湖南：" in second and "50个" in second and "江西" not in second, a.text


def test_which_of_the_provinces_named_before_is_a_which_question(assistant):
    # (…省市里，哪些…: the set is named before the question word; 19号才开: when they were held)
    q = read_question("十八个省市里，哪些不是节后第一天开的，而是拖到19号才开？")
    assert q.qtype == "which" and q.about_meeting and q.meeting_field == "date"
    a = assistant.answer(q.text)
    assert not a.abstained and set(a.provinces) == {"北京", "四川"}, a.text


def test_which_held_late_is_asked_of_a_digest(digest):
    a = digest.answer("这几个省里，哪些是6号才开的？")
    assert not a.abstained and set(a.provinces) == {"江西"}, a.text


@pytest.mark.parametrize("question, provinces", [
    ("川渝这两场新春会各是哪天开的？", ("四川", "重庆")),  # (run together, then 这两场)
    ("川渝两地的会各是哪天开的？", ("四川", "重庆")),
])
def test_short_names_run_together_before_a_count(question, provinces):
    assert read_question(question).provinces == provinces


@pytest.mark.parametrize("said, written", [
    ("省科技厅厅长发了言的是哪几场会？", "发言"),
    ("是哪两家单位上去表的态？", "表态"),
    ("尹力讲的话里提到了什么？", "讲话"),
])
def test_a_verb_and_its_object_said_apart_are_one_word(said, written):
    assert written in read_question(said).text


def test_ke_ji_ting_spoke_at_two_meetings(assistant):
    a = assistant.answer("哪几场会上省科技厅发了言？")
    assert not a.abstained and {"江苏"} <= set(a.provinces), a.text


def test_the_figure_in_the_clause_of_what_was_asked_answers(assistant):
    # 6156个…落地开工，3183个…建成投产: 两年 stands before the first; 建成投产 is what was asked
    a = assistant.answer("滇这两年重大产业项目已经建成投产了多少个？")
    assert a.direct_answer.text == "3183个", a.text


def test_business_owners_are_the_entrepreneurs_a_report_names(assistant):
    a = assistant.answer("皖那个民营经济大会上，有哪几位企业老板上台做了交流发言？")
    assert not a.abstained and "曹仁贤" in a.direct_answer.text and "束从轩" in a.direct_answer.text, a.text


@pytest.mark.parametrize("question, quoted", [
    ("哪些省在会上点名要用好12345这条热线？", ("12345",)),
    ("云南锚定的3815战略是什么？", ("3815",)),
    ("江西集中开工1139个项目了吗？", ()),  # (a count)
    ("世界500强有几家？", ()),
    ("2024年的会在哪开？", ()),  # (a year)
])
def test_a_string_of_digits_that_counts_nothing_is_a_name(question, quoted):
    assert read_question(question).quoted == quoted


def test_every_province_that_names_the_hotline_is_listed(assistant):
    # (安徽 writes “12345”营商环境监督分线 deep in a long sentence: it had been left out)
    a = assistant.answer("哪些省在讲话里点名用到12345热线？")
    assert set(a.provinces) == {"河北", "安徽"}, a.text


HOTLINES = """2025年部分省份新春第一会速览

【湖北】2月5日，湖北省委、省政府召开全省优化营商环境大会。会议要求，真正把12345热线打造成为惠企利民的总客服。

【湖南】2月5日，湖南省委、省政府召开全省招商引资大会。会议要求，完善政企沟通机制，用好“湘商之家”“12345”营商环境投诉专线、企业服务专员等渠道，推动诉求快速办理、闭环管理、及时反馈，不断提升企业满意度和获得感。

【江西】2月6日，江西省委、省政府召开全省重大项目集中开工大会，部署全年重大项目建设。
"""


def test_a_code_named_is_found_wherever_it_stands_in_a_digest(tmp_path_factory):
    folder = written(tmp_path_factory.mktemp("hotlines"), {"hotlines.md": HOTLINES.encode()})
    digest = assistant_over(tmp_path_factory.mktemp("hotlines-index"), [read_document(folder / "hotlines.md")])
    a = digest.answer("哪些省要用好12345热线？")
    assert set(a.provinces) == {"湖北", "湖南"}, a.text
