"""5至8年, 3—5个: a range is one figure, its unit written once after its end. The direct
answer had been its end alone (**8年** for 给予5至8年长周期支持). A span of years
(2024—2026年) and of days (2月18日至20日) stay no figure, and a range of ordinals
(第1至3季度, whose end had been read as 3季度) is none either."""
import pytest

from qa.answering.spans import figures


@pytest.mark.parametrize("text, expected", [
    ("遴选青年拔尖人才，给予5至8年长周期支持", ["5至8年"]),
    ("每年建设3—5个创新中心", ["3—5个"]),
    ("引进10~20家链主企业", ["10~20家"]),
    ("实施三到五年的专项行动", ["三到五年"]),
    ("行动方案（2024—2026年）", []),  # guards
    ("2月18日至20日举办", []),
    ("第1至3季度", []),  # (3季度 before)
    ("共1139个项目", ["共1139个"]),
])
def test_a_range_is_one_figure(text, expected):
    assert [text[a:b] for a, b in figures(text)] == expected


def test_the_direct_answer_is_the_whole_range(assistant):
    a = assistant.answer("江苏给青年拔尖人才的长周期支持是几年？")
    assert not a.abstained and a.direct_answer is not None and a.direct_answer.text == "5至8年"


@pytest.mark.parametrize("text, expected", [
    ("唯一一家上台交流的企业", []),  # two digits side by side are no number
    ("一一对应落实", []),
    ("新增三千五百个岗位", ["三千五百个"]),  # guards
    ("共二十三家单位", ["共二十三家"]),
])
def test_digits_side_by_side_are_no_figure(text, expected):
    assert [text[a:b] for a, b in figures(text)] == expected


@pytest.mark.parametrize("span, value", [("百分之四", 4), ("百分之二点五", 2.5), ("4%", 4), ("4.8万人", 48000), ("两千余个", 2000)])
def test_a_figures_value(span, value):
    from qa.answering.spans import amount

    assert amount(span) == value
