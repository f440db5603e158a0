"""The members of a set the report names only as a whole (一批年度标志性成果).

Reports often name a set without saying what is in it: 打造一批年度标志性成果, 用好标志性产品
这个抓手. Asked which members it has (具体是哪几项, 选了哪些标志性产品), such a sentence is the
closest passage and no answer: the assistant says the members are not listed and shows it.
A sentence that writes any list (、, a colon, 包括, 一是…, 水电气热讯等, 高端化智能化绿色化) may
list them, and still answers.
"""
import pytest

from qa.answering.unsaid import lists_members

from .test_strategies import assistant_over_report

HUBEI = """# 湖北省召开全省优化营商环境大会

2月19日，湖北省委、省政府在武汉召开全省优化营商环境大会。省委书记王忠林出席并讲话。

## 重点任务

会议要求，要打造一批营商环境标志性改革成果，让企业有实实在在的获得感。

要用好“高效办成一件事”这个抓手，推出一批惠企示范场景。

要实施营商环境五大行动：政务服务提速行动、要素保障行动、法治护航行动、信用提升行动、企业帮扶行动。

要推动制造业高端化智能化绿色化水平全面提升。
"""


@pytest.fixture(scope="module")
def hubei(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("hubei"), "hubei.md", HUBEI)


@pytest.mark.parametrize("question, noun", [
    ("湖北要打造的营商环境标志性改革成果具体是哪几项？", "营商环境标志性改革成果"),
    ("湖北要推出的惠企示范场景有哪些？", "惠企示范场景"),
])
def test_a_set_named_only_as_a_whole_is_not_listed(hubei, question, noun):
    a = hubei.answer(question)
    assert a.abstained and f"资料未列出具体是哪些{noun}" in a.text, a.text
    assert a.citations, "the sentence that names the set is still shown"


def test_a_set_the_report_lists_is_answered(hubei):
    a = hubei.answer("湖北要实施的营商环境五大行动具体是哪几项？")
    assert not a.abstained and "政务服务提速行动" in a.text, a.text


@pytest.mark.parametrize("text, listed", [
    ("打造一批年度标志性成果。", False),
    ("用好标志性产品这个抓手集链成群，推动六大优势产业提质倍增取得新突破；", False),
    ("确保所有市场主体权利平等、机会平等。", True),
    ("加强水电气热讯等供应保障。", True),
    ("持续提升制造业高端化智能化绿色化水平；", True),
    ("深化“人才安徽行”“招才引智高校行”系列活动。", True),
    ("重点包括高水平建设省基础科学中心。", True),
    ("坚持机会平等。", False),  # (平等 is no list's 等)
])
def test_what_writes_a_list(text, listed):
    assert lists_members(text) is listed


def test_on_the_bulletin(assistant):
    a = assistant.answer("四川今年选定了哪些标志性产品？")
    assert a.abstained and "资料未列出" in a.text, a.text
    a = assistant.answer("浙江实施省域技能型社会建设行动要构建哪几个体系？")  # (a list before the noun)
    assert not a.abstained and "创富体系" in a.text, a.text
