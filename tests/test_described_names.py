"""A name asked of a thing the user describes (浙江针对浙商提出的专项行动叫什么).

The report writes the name where the user writes the description: 实施浙商再出发“雄鹰”行动
puts “雄鹰” in the place of 专项. So the words right before the thing asked (行动) are the
user's own, and a sentence that quotes a name of that thing answers when it holds the rest
of what the question says of it (浙商). A question whose rest the report does not hold (台商)
is still refused, and so is one that says nothing but the description.

- …的行动，它叫什么 and …工作方法，名称中带个数字，叫什么 ask the thing's name, though a post
  (市委书记) stands earlier: a pronoun points back at the thing, and a 名称 is never a person's.
- 被称为什么, 这串数字是什么 ask a name.
- A sentence that holds what was asked and quotes one name answers with that name, whichever
  of its clauses holds the question's words (实施现代“新农人”培育行动，…，赋能乡村振兴).
- Names quoted one after another share the noun after the last (“千名干部进千企”“万名干部下基层”
  活动); of them, the one the question's words echo answers.
- 继续, 进一步, 不断 are the user's framing (继续深化的那个行动 — 深化“一微克”行动), and a
  demonstrative with any measure word (那条经验) ends the description, as 的 does."""
import pytest

from qa.question import read_question

from .test_strategies import assistant_over_report

SHAANXI = """陕西省召开全省营商环境突破年动员大会

    2月20日，陕西省委、省政府在西安召开全省营商环境突破年动员大会。省委书记赵一民出席并讲话，省长王志强主持。

    一、会议部署的重点工作

    会议提出，实施秦商回归“归雁”行动，引导在外陕商回乡投资兴业。
    深入实施秦创原“双链融合”工程，推动科技成果就地转化，让创新成为发展的“最大增量”。
    实施“秦智”培育行动，优化培训体系，赋能县域产业升级。
    持续开展“百名专家进百企”“千名干部下基层”活动，帮助企业解决困难问题。
    开展“三个年”活动，以作风建设促进营商环境优化。
    继续深化“蓝天碧水”行动，制定分区分年度治污方案，让群众享有更多好天气。
    不断创新发展“杨凌经验”，推动农业科技成果走向全国。
"""


@pytest.fixture(scope="module")
def shaanxi(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("shaanxi"), "shaanxi.txt", SHAANXI)


@pytest.mark.parametrize("question, name", [
    ("陕西针对在外陕商提出的专项行动叫什么？", "归雁"),
    ("陕西围绕秦创原推动成果转化的那个重点工程叫什么？", "双链融合"),
    ("陕西为县域产业升级赋能的那一项冠以什么名称？", "秦智"),  # (the predicate is in the clause after the name)
])
def test_a_described_thing_is_answered_by_its_quoted_name(shaanxi, question, name):
    a = shaanxi.answer(question)
    assert not a.abstained and a.direct_answer is not None and name in a.direct_answer.text, a.text


@pytest.mark.parametrize("question", [
    "陕西针对台商提出的专项行动叫什么？",  # (the report's action is for 陕商)
    "陕西围绕秦岭生态保护提出的专项行动叫什么？",
])
def test_a_thing_the_report_does_not_describe_so_is_refused(shaanxi, question):
    assert shaanxi.answer(question).abstained


def test_on_the_bulletin(assistant):
    a = assistant.answer("浙江为浙商推出的专项行动叫什么？")
    assert not a.abstained and "雄鹰" in a.direct_answer.text, a.text
    assert assistant.answer("浙江针对台商提出的专项行动叫什么？").abstained  # (guard)


@pytest.mark.parametrize("question, kind", [
    ("北京市委书记尹力提到要落实好一项瞄准原始创新的行动，它叫什么？", "name"),
    ("吉林省委书记要求用好的那种闭环式工作方法，名称中带个数字，叫什么？", "name"),
    ("江苏要试点设立的那块“试验田”，它被称为什么？", "name"),
    ("围绕先进制造业集群提出的那串数字是什么？", "name"),
    ("那位管委会副主任，叫什么？", "person"),  # (guards)
    ("主持会议的省长叫什么名字？", "person"),
])
def test_what_is_called_is_the_thing_pointed_at(question, kind):
    assert read_question(question).kind == kind


@pytest.mark.parametrize("question, held, not_held", [
    ("陕西开展的那个年度行动，具体叫什么名堂？", {"行动"}, {"名堂"}),  # (名堂: the user's word for a name)
    ("陕西为吸引科研资源，具体实施的是哪个行动？", {"实施"}, {"具体实施"}),
    ("陕西有个帮企业闯海外市场的行动，名字挺有意思，叫什么来着？", {"行动"}, {"有意思"}),  # (a remark on the name)
])
def test_the_users_words_about_the_name_are_no_predicate(question, held, not_held):
    words = set(read_question(question).predicate)
    assert held <= words and not words & not_held, words


def test_a_brand_pointed_at_asks_its_name():
    assert read_question("记得上海市委书记说要把一个服务企业的招牌擦亮，这个招牌叫什么来着？").kind == "name"


def test_a_remark_on_the_name_on_the_bulletin(assistant):
    a = assistant.answer("记得安徽有个专门帮民营企业闯海外市场的行动，名字挺有意思，叫什么来着？")
    assert not a.abstained and "徽动全球" in a.direct_answer.text, a.text


@pytest.mark.parametrize("question, kind", [
    ("陕西那个帮扶企业的活动，名字是什么？", "name"),
    ("陕西要完善的那项接访机制，怎么称呼？", "name"),
    ("那位副主任的名字是什么？", "person"),  # (a post pointed at asks its holder's name)
])
def test_other_words_for_what_it_is_called(question, kind):
    assert read_question(question).kind == kind


@pytest.mark.parametrize("question", ["陕西针对在外陕商提出的专项行动，具体叫什么？", "陕西针对在外陕商的专项行动，名字叫什么？"])
def test_the_thing_may_close_the_clause_before_the_ask(shaanxi, question):
    a = shaanxi.answer(question)
    assert not a.abstained and "归雁" in a.direct_answer.text, a.text


@pytest.mark.parametrize("question, name", [
    ("陕西组织一百位专家走进一百家企业的那项活动，叫什么名字？", "百名专家进百企"),
    ("陕西组织上千名干部下到基层的那项活动，叫什么名字？", "千名干部下基层"),  # (guard: the last, right before)
])
def test_of_names_quoted_one_after_another_the_one_the_question_echoes(shaanxi, question, name):
    # (持续开展“百名专家进百企”“千名干部下基层”活动: both are 活动, and only the last stands before the word)
    a = shaanxi.answer(question)
    assert not a.abstained and a.direct_answer.text == name, a.text


def test_a_name_quoted_after_the_thing_is_not_one_of_it(assistant):
    # (…大院大所“聚源兴川”行动，…成为新型工业化的“最大增量”: 最大增量 echoes 大院大所, but no 行动 follows it)
    a = assistant.answer("王晓晖提到的那个大院大所行动叫什么？")
    assert not a.abstained and a.direct_answer.text == "聚源兴川", a.text


@pytest.mark.parametrize("question, name", [
    # (继续深化 — 深化“蓝天碧水”行动: that the deed goes on is the user's framing)
    ("陕西要继续深化的那个守护好天气的行动叫什么？", "蓝天碧水"),
    # (…的那条经验: the demonstrative, like 的, ends what the user says of the thing)
    ("陕西要不断创新发展的、以一个示范区命名的那条经验，叫什么？", "杨凌经验"),
])
def test_what_the_user_frames_is_not_asked_of_the_report(shaanxi, question, name):
    a = shaanxi.answer(question)
    assert not a.abstained and name in a.direct_answer.text, a.text


def test_going_on_is_the_users_framing_on_the_bulletin(assistant):
    # (深化“一微克”行动: the report writes the deed, 深化, and not that it goes on)
    a = assistant.answer("北京要继续深化的那个改善空气的行动叫什么？")
    assert not a.abstained and a.direct_answer.text == "一微克", a.text
