"""Two documents hold a meeting each of the same province: a question that names its meeting
by its title is answered from that meeting's record, not from both."""
from __future__ import annotations

import pytest

from qa.documents import read_document

from .test_strategies import assistant_over, written

# a Markdown digest of two provinces' meetings, numbered headings under an editor's note
DIGEST = """# 2025年部分省份新春第一会摘编

> 编者按：2025年春节后第一个工作日，多地召开“新春第一会”。本期摘编四川、陕西两省的会议报道。

## 一、四川召开全省科技创新大会

2月5日上午，四川省委、省政府在成都召开全省科技创新大会。省委书记王晓晖出席会议并讲话，省长施小琳主持会议。

王晓晖强调，要以科技创新引领新质生产力发展，力争全年技术合同成交额突破2500亿元。

## 二、陕西召开全省营商环境突破年动员大会

2月5日，陕西省委、省政府在西安召开全省营商环境突破年动员大会。省长赵刚主持会议并作具体部署。
"""

# a plain-text report of another meeting of 四川, a year before
SICHUAN = """四川召开推进新型工业化工作会议

2月19日，全省推进新型工业化暨制造业智能化改造数字化转型工作会议在成都召开，省委书记王晓晖主持会议并讲话。

会议强调，要加快制造业“智改数转”步伐，构建富有四川特色和优势的现代化产业体系。
"""


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    folder = written(tmp_path_factory.mktemp("two-meetings"), {"digest.md": DIGEST.encode("utf-8"), "sichuan.txt": SICHUAN.encode("utf-8")})
    docs = [read_document(folder / "digest.md"), read_document(folder / "sichuan.txt")]
    return assistant_over(tmp_path_factory.mktemp("two-meetings-index"), docs)


@pytest.mark.parametrize("question, host", [
    ("四川科技创新大会是谁主持的？", "施小琳"),
    ("四川推进新型工业化工作会议是谁主持的？", "王晓晖"),  # (a guard)
])
def test_the_meeting_named_answers(two, question, host):
    a = two.answer(question)
    assert not a.abstained, a.text
    assert a.direct_answer is not None and a.direct_answer.text == host, a.text
