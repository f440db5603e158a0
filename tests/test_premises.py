"""What a question takes as given must be what the report says.

Near misses written from the bulletin: the question states a figure (300多家 where the report
says 100余家), a counted slogan (“五支队伍” for “三支队伍”), a city (大庆市 for 牡丹江市) or a
firm (酒钢集团 for 金川集团) that the report does not write, on the way to asking something
else. The nearest sentence then answers another question; the answer says what the report
does not write and shows what it does. The guards beside each assert that the same question
with the report's own premise is still answered, and that a premise the user rounds or counts
(近五万人, 十八位企业家) is the report's."""
import pytest

from qa.answering.premises import premises
from qa.documents import read_document

from .test_strategies import assistant_over, assistant_over_report


@pytest.mark.parametrize("question, stated", [
    ("上海那场有300多家中外企业应邀参会的大会，是在哪天开的？", "300多家"),
    ("广东今年安排了三千多个省重点建设项目，年度计划投资多少？", "三千多个"),
    ("重庆提出的“四攻坚一盘活”改革是什么意思？", "四攻坚一盘活"),
    ("黑龙江会上与省农业农村厅一起作交流发言的大庆市是哪天发的言？", "大庆"),
    ("甘肃推进会上作交流发言的酒钢集团，是在哪里开的会？", "酒钢"),
])
def test_a_premise_the_report_does_not_write_is_said_to_be_missing(assistant, question, stated):
    a = assistant.answer(question)
    assert a.abstained
    assert f"没有写到问题中的“{stated}”" in a.text
    assert "报道提到：「" in a.text  # (and what the report does say, to check it against)


@pytest.mark.parametrize("question, expected", [
    ("上海那场有100余家中外企业应邀参会的大会，是在哪天开的？", "2月18日"),  # a guard
    ("广东今年安排了1500个左右省重点建设项目，年度计划投资多少？", "1万亿元"),  # rounded: 1508个
    ("辽宁那场近五万人参加的会议是在哪天开的？", "2月18日"),  # rounded: 4.8万人
    ("福建座谈会上十八位企业家先后发言，第一个发言的是谁？", "方华玉"),  # counted: 18 names listed
])
def test_a_premise_the_report_writes_or_the_user_rounds_is_answered(assistant, question, expected):
    a = assistant.answer(question)
    assert not a.abstained, a.text
    assert a.direct_answer is not None and expected in a.direct_answer.text


def test_a_slogan_the_report_writes_is_answered(assistant):  # a guard
    a = assistant.answer("重庆提出的“三攻坚一盘活”改革要取得什么进展？")
    assert not a.abstained and "“三攻坚一盘活”" in a.citations[0].quote


def test_which_province_states_it_quotes_none_that_does_not_write_it(assistant):
    a = assistant.answer("哪个省说今年安排的省重点建设项目有三千多个？")
    assert a.abstained and "三千多个" in a.text
    b = assistant.answer("哪个省的会议有近五万人参加？")  # a guard
    assert not b.abstained and b.citations[0].province == "辽宁"


@pytest.mark.parametrize("question", [
    "江西开工会上的两位省主要领导是谁？",  # two leaders: the user's own count of a list
    "韩俊讲打造一流营商环境时分了五个方面，是哪五种环境？",
    "陇原“三抓三促”会上，唯一一家上台交流经验的企业是哪家？",  # 唯一一家 counts nothing
    "郝鹏、李乐成都讲了话的辽宁大会，主持人是谁？",  # 李乐成 + 都, no 成都
    "江苏每万人发明专利拥有量是多少？",  # a rate's base
    "云南是连续第几年开这个会？",
    "哪些上市公司在会上发言？",  # a kind of firm, not a firm
    "哪个省说要“六个必须”？",  # a label the user may give a list: no contradiction to find
])
def test_what_is_no_premise(question):
    assert [p for p in premises(question) if p.kind != "slogan"] == []


HUBEI = """# 湖北召开全省优化营商环境大会

2024年2月18日，湖北省委、省政府在武汉召开全省优化营商环境大会，共1.2万人在主会场和分会场参加会议。省委书记王忠林出席并讲话。

会上，宜昌市、襄阳市和东风集团作交流发言。

会议提出，今年全省新签约亿元以上项目326个，打造“五个一批”营商环境品牌。
"""


@pytest.fixture(scope="module")
def hubei(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("hubei"), "湖北.md", HUBEI)


@pytest.mark.parametrize("question, stated", [
    ("湖北那场3万人参加的会议是在哪里开的？", "3万人"),
    ("湖北提出打造“三个一批”营商环境品牌，是在哪天的会上？", "三个一批"),
    ("湖北会上作交流发言的黄石市，是在哪天发的言？", "黄石"),
    ("湖北会上作交流发言的长江集团，会议在哪里开的？", "长江"),
])
def test_a_premise_missing_from_a_report_of_another_layout(hubei, question, stated):
    a = hubei.answer(question)
    assert a.abstained and f"湖北的报道没有写到问题中的“{stated}”" in a.text


@pytest.mark.parametrize("question, expected", [
    ("湖北那场1.2万人参加的会议是在哪里开的？", "武汉"),
    ("湖北那场一万多人参加的会议是在哪天开的？", "2月18日"),
    ("湖北提出打造“五个一批”营商环境品牌，是在哪天的会上？", "2月18日"),
    ("湖北会上作交流发言的襄阳市，是在哪天的会上发言的？", "2月18日"),
    ("湖北会上作交流发言的东风集团，会议在哪里开的？", "武汉"),
])
def test_a_premise_a_report_of_another_layout_writes(hubei, question, expected):  # guards
    a = hubei.answer(question)
    assert not a.abstained, a.text
    assert a.direct_answer is not None and expected in a.direct_answer.text


# seven composed .md reports, each with its 分会场; only 山东's says how many took part, in a
# sentence that shares few words with the question
_SEVEN = {"湖北": "武汉", "湖南": "长沙", "山西": "太原", "贵州": "贵阳", "广西": "南宁", "山东": "济南", "海南": "海口"}


@pytest.fixture(scope="module")
def seven(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seven")
    docs = []
    for province, city in _SEVEN.items():
        text = (f"# {province}召开全省优化营商环境大会\n\n2月18日，{province}省委、省政府在{city}召开全省优化营商环境大会，"
                "会议在各市县设分会场，各地干部在分会场参加会议。\n\n省委书记出席会议并讲话，要求各地各部门在分会场认真组织收听收看。\n")
        if province == "山东":
            text += "\n会议强调，要持续优化营商环境。\n\n会议以视频形式召开，全省共3.9万人参加会议。\n"
        (folder / f"{province}.md").write_text(text, encoding="utf-8")
        docs.append(read_document(folder / f"{province}.md"))
    return assistant_over(folder / "index", docs)


def test_which_province_states_it_is_looked_for_past_the_top_passages(seven):
    # (the top passages all hold 分会场; the one that writes 3.9万人 ranks below them. It had
    # refused: 山西的报道没有写到问题中的“接近四万”)
    a = seven.answer("哪个省的会在各地设了分会场，参会总人数接近四万？")
    assert not a.abstained and "3.9万人" in a.text and a.citations[0].province == "山东", a.text
