"""The name of a thing asked for by its kind (哪个港口, 哪两所高校) opens the answer, in bold,
when the quote writes one; no answer is refused for want of it."""
from __future__ import annotations

import pytest

from qa.answering.naming import kind_named, names_ending

from .test_strategies import assistant_over_report, direct

# a report of a layout unlike the bulletin's: a Markdown page with headings and a list
FUJIAN = """# 福建省召开2025年全省海洋经济发展大会

2月6日，福建省委、省政府在福州召开全省海洋经济发展大会。

## 会议部署

- 会议要求，加快厦门港集装箱码头和福州港江阴港区建设，提升港口通关效率。
- 会上，省政府与福州大学、厦门大学签署海洋科技合作协议，支持海洋领域重点实验室建设。
- 要推进闽台海洋产业合作，办好海峡论坛。
- 会上，漳州市、福建省海洋与渔业局、集美大学作交流发言。
"""


@pytest.fixture(scope="module")
def fujian(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("fujian"), "fujian.md", FUJIAN)


@pytest.mark.parametrize("question, name", [
    ("福建要加快哪个港口的集装箱码头建设？", "厦门港"),
    ("省政府跟哪两所高校签了海洋科技合作协议？", "福州大学、厦门大学"),
])
def test_a_name_of_the_asked_kind_opens_the_answer_in_a_composed_report(fujian, question, name):
    assert direct(fujian, question) == name


def test_a_bare_where_after_a_verb_is_answered_by_the_place(fujian):
    assert direct(fujian, "福建要推进和哪里的海洋产业合作？") == "闽台"


def test_several_asked_are_not_answered_by_one_of_a_longer_list(fujian):
    # 集美大学 ends as a body's name does, but 哪几家 asks all three the list names
    assert direct(fujian, "会上哪几家单位作了交流发言？") in (None, "漳州市、福建省海洋与渔业局、集美大学")


def test_a_kind_without_a_name_in_the_quote_is_answered_without_one(fujian):
    # 重点实验室 names no laboratory: the quote answers, nothing is put in bold
    assert direct(fujian, "福建支持建设哪个海洋领域的实验室？") is None


@pytest.mark.parametrize("question, name", [
    ("浙江部署春运时，要加强哪个港口的运力调度？", "宁波舟山港"),
    ("开会前江苏省政府和哪两家国家级科研机构签了合作协议？", "中国科学院、中国工程院"),
    ("南京要加快建设哪两座科技城？", "紫金山科技城和麒麟科技城"),
    ("重庆要全面融入哪个经济带的高质量发展？", "长江经济带"),
    ("这期快讯是哪家单位编印的？", "山东省科学技术情报研究院"),
    # asked 叫什么, the name of the kind, not the “一带一路” the same sentence quotes
    ("重庆要融入的那个经济带叫什么？", "长江经济带"),
    ("辽宁设了分会场的那个示范区叫什么名字？", "沈抚示范区"),
    # a quoted name before the noun is the thing's name (not 党中央决策部署, a 部署 of the same sentence)
    ("王伟中要各地落实的省委具体部署叫什么？", "1310"),
    # 有哪两家公司 asks; it states no firm the report must name (it had been refused for it)
    ("吉林那场大会上，有哪两家公司的负责同志发了言？", "中能建氢能源公司、吉林梅花氨基酸公司"),
    # 携手哪里: the place of the quote, not the 大湾区 the question names itself
    ("黄坤明说要携手哪里建设大湾区高水平人才高地？", "港澳"),
])
def test_a_name_of_the_asked_kind_opens_the_answer_on_the_bulletin(assistant, question, name):
    assert direct(assistant, question) == name


def test_which_province_is_not_asked_as_a_name():
    # 哪个省 asks which report says it; 哪个县 asks for a place: other rules answer them
    assert kind_named("哪个省打算培养一批新农人？") is None
    assert kind_named("作交流发言的是哪个县？") is None
    assert kind_named("那所高校是哪个？") == (("大学", "学院"), 1)
    assert kind_named("那个经济带叫什么？") == (("经济带",), 1)
    assert kind_named("跟哪两家科研机构签约？")[1] == 2
    assert kind_named("要推进的三大科学城是哪三个？") == (("科学城",), 2)  # the count is no part of a name


def test_a_name_holds_more_than_its_kind_and_ends_where_a_word_ends():
    text = "携手港澳，加强宁波舟山港运力调度，优化港口生产组织。"
    found = names_ending(text, ("港", "港口"))
    assert [text[a:b] for a, b, _ in found] == ["宁波舟山港"]  # not 港澳, nor the bare 港口
    assert [proper for *_, proper in names_ending("支持全国重点实验室建设", ("实验室",))] == [False]
