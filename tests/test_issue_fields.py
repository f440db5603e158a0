"""A field of the issue itself (责任编辑：…, 电话：…) asked of an index of several issues: each
issue has its own, so each is quoted, and one name is shown in bold only when they agree.
A question that names its issue (2025年第3期的…, 2024年的…) is answered by that issue alone.
The 2025 issue is composed; the 2024 one is the built-in bulletin. And the editor's note asked
(编者按里说哪几个省…): the provinces it names in the clause that says it, not the reports that
sound alike; 不看编者按 asks the reports. Composed as a Markdown digest whose note is a quotation.
A comparison quotes the overview's sentence about a province alone (江西连续8年…) when it holds
more of the question than the province's report does."""
import pytest

from qa.documents import read_document
from qa.schema import FRONT_PROVINCE

from .test_strategies import assistant_over, written

ISSUE_2025 = """今日科技快讯

2025年第3期

编者按：2025年春节后上班第一天，多地召开“新春第一会”，聚焦民营经济和科技创新。

1. 浙江召开全省民营经济高质量发展大会

2月5日，浙江省委、省政府在杭州召开全省民营经济高质量发展大会。省委书记王浩出席并讲话，省长刘捷主持会议。会议表彰了100名优秀民营企业家。

2. 湖北召开全省科技创新大会

2月5日，湖北省委、省政府在武汉召开全省科技创新大会。省委书记王忠林出席并讲话，省长李殿勋主持会议。会议提出，2025年全省技术合同成交额突破5000亿元。

责任编辑：王芳

电话：0531—51751369
"""


@pytest.fixture(scope="module")
def two_issues(tmp_path_factory, corpus_doc):
    folder = written(tmp_path_factory.mktemp("issue-2025"), {"kuaixun-2025-03.txt": ISSUE_2025.encode()})
    docs = [read_document(folder / "kuaixun-2025-03.txt"), corpus_doc]
    return assistant_over(tmp_path_factory.mktemp("two-issues-index"), docs)


@pytest.mark.parametrize("question, lines", [
    ("责任编辑是谁？", {"责任编辑：王芳", "责任编辑：史筱飞"}),
    ("电话是多少？", {"电话：0531—51751369", "电话：0531—51751367"}),
])
def test_each_issue_s_own_field_is_quoted(two_issues, question, lines):
    a = two_issues.answer(question)
    assert not a.abstained and {c.quote for c in a.citations[:2]} == lines, a.text
    assert {c.province for c in a.citations[:2]} == {FRONT_PROVINCE}
    assert a.direct_answer is None  # (王芳 or 史筱飞: no one name answers for both)


@pytest.mark.parametrize("question, name, doc", [("2025年第3期的责任编辑是谁？", "王芳", "kuaixun-2025-03.txt"),
                                                ("2024年的责任编辑是谁？", "史筱飞", "jinri-keji-kuaixun-2024-06.txt")])
def test_an_issue_named_is_answered_by_itself(two_issues, question, name, doc):
    a = two_issues.answer(question)
    assert a.direct_answer.text == name and a.text.count("「") == 1 and a.citations[0].doc == doc, a.text


DIGEST_WITH_NOTE = """# 新春第一会摘编（2025年第2期）

> 编者按：今年春节后，浙江、福建两省聚焦民营经济，湖北、江苏两省聚焦科技创新，各地都把项目建设摆在突出位置。

## 浙江：全省民营经济高质量发展大会

2月5日，浙江省委、省政府召开全省民营经济高质量发展大会，会议表彰了100名优秀民营企业家。

## 福建：全省民营经济高质量发展推进会

2月5日，福建省委、省政府召开全省民营经济高质量发展推进会，会议发布支持民营经济发展“30条”措施。

## 湖北：全省科技创新大会

2月5日，湖北省委、省政府召开全省科技创新大会，提出2025年全省技术合同成交额突破5000亿元。

## 江苏：全省科技创新大会

2月5日，江苏省委、省政府召开全省科技创新大会，提出高新技术企业数量突破6万家。
"""


@pytest.mark.parametrize("question, provinces", [
    ("编者按里说哪几个省聚焦科技创新？", ("湖北", "江苏")),
    ("按编者的说法，哪些省聚焦民营经济？", ("浙江", "福建")),
])
def test_the_editor_s_note_answers_with_the_places_it_names_in_the_clause_asked(tmp_path, question, provinces):
    folder = written(tmp_path, {"digest-2.md": DIGEST_WITH_NOTE.encode()})
    a = assistant_over(tmp_path / "index", [read_document(folder / "digest-2.md")]).answer(question)
    assert a.provinces == provinces and a.citations[0].province == FRONT_PROVINCE, a.text


def test_the_bulletin_s_editor_names_three_provinces_and_the_reports_speak_for_themselves(assistant):
    a = assistant.answer("编者按里说哪几个省提到了解放思想大讨论？")
    assert a.provinces == ("湖南", "黑龙江", "甘肃") and a.citations[0].province == FRONT_PROVINCE, a.text
    b = assistant.answer("不看编者按，正文里直接出现“解放思想”的是哪些省？")
    assert "湖南" in b.provinces and FRONT_PROVINCE not in {c.province for c in b.citations[: len(b.provinces)]}, b.text


@pytest.mark.parametrize("question", ["这份汇编是哪家单位编的？", "本期简报是哪个单位出的？"])
def test_the_publisher_is_the_masthead_s_though_another_part_of_the_front_was_found_first(assistant, question):
    # (the masthead opens the file; 本期快讯汇编了…相关报道 was found first, and names no body)
    a = assistant.answer(question)
    assert not a.abstained and a.citations[0].quote == "山东省科学技术情报研究院", a.text


@pytest.mark.parametrize("question, province, said", [
    ("上海和吉林的营商环境大会，各自已经连续开了几年？", "上海", "上海连续7年在岁末年初吹响优化营商环境的号角"),
    ("江西新年集中开工和云南节后调度推进会，各自连续搞了几年？", "江西", "江西连续 8 年新年伊始组织全省重大项目集中开工"),
])
def test_a_comparison_quotes_what_the_overview_says_of_a_province_its_report_leaves_implicit(assistant, question, province, said):
    a = assistant.answer(question)
    quotes = [c.quote for c in a.citations if c.province == FRONT_PROVINCE and c.quote in a.text]
    assert any(said.replace(" ", "") in q.replace(" ", "") for q in quotes), a.text
    line = next(x for x in a.text.split("\n") if x.startswith(province + "："))
    assert said.replace(" ", "")[:8] in line.replace(" ", "")  # (on the province's own line)


BRIEF = """营商环境工作简报

2025年第2期

湖北省优化营商环境领导小组办公室

2025年2月10日

湖北召开全省优化营商环境大会

2月5日，湖北省委、省政府在武汉召开全省优化营商环境大会。省委书记王忠林出席并讲话，省长李殿勋主持会议。

河南召开全省优化营商环境大会

2月5日，河南省委、省政府在郑州召开全省优化营商环境大会。省委书记楼阳生出席并讲话，省长王凯主持会议。
"""


@pytest.mark.parametrize("question", ["这期快讯是第几期？", "这是今日科技快讯的第几期？"])
def test_the_issue_number_is_the_masthead_s_though_it_does_not_repeat_the_kind_of_document(assistant, question):
    # (2024年第6期总第1665期 stands under 今日科技快讯, on a line of its own: 快讯 was required of it)
    a = assistant.answer(question)
    assert a.direct_answer.text == "第6期", a.text


def test_a_brief_s_issue_number_is_read_from_its_masthead(tmp_path):
    folder = written(tmp_path, {"brief.txt": BRIEF.encode()})
    a = assistant_over(tmp_path / "index", [read_document(folder / "brief.txt")]).answer("这期简报是第几期？")
    assert a.direct_answer.text == "第2期" and a.citations[0].province == FRONT_PROVINCE, a.text
