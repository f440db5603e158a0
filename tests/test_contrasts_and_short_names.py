"""Questions written from the bulletin before any answer was seen, in a new user's words.

- 哪几个地方的会上提到了雄安新区: 雄安 places the topic in 河北, but 的会上 asks whose meetings,
  not the places inside 河北.
- 别的地方基本都是2月18日开的，哪几个地方的会拖到了2月19日: the date of the clause that states
  the others' is set aside; the clause that asks holds the date wanted.
- 中科院派来讲话的副院长: a body's short name (中科院, 发改委) stands for its full name
  (中国科学院), and says which of two 副院长 in one list is meant.
- 给2024年定了个什么主题年: 定了个什么…年 asks for the name of a year, as 定为什么年 does.

The date contrast is asked of a composed digest of another layout too."""
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

【湖北】2月5日，湖北省委、省政府召开全省科技创新大会，省委书记王忠林出席并讲话。

【湖南】2月5日，湖南省委、省政府召开全省招商引资大会，省委书记沈晓明出席并讲话。

【江西】2月6日，江西省委、省政府召开全省重大项目集中开工大会，省委书记尹弘出席并讲话。

【山东】2月5日，山东省委、省政府召开全省高质量发展大会，省委书记林武出席并讲话。
"""


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    folder = written(tmp_path_factory.mktemp("brief"), {"brief.txt": DIGEST.encode("gbk")})
    return assistant_over(tmp_path_factory.mktemp("brief-index"), [read_document(folder / "brief.txt")])


def test_the_others_date_is_set_aside_in_a_digest(digest):
    a = digest.answer("别的省基本都是2月5日开的，哪几个省的会拖到了2月6日？")
    assert not a.abstained and set(a.provinces) == {"江西"}, a.text


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
