"""qa.rendering: citation cards, <mark> highlighting, escaping, refusal styling. No model needed."""
from __future__ import annotations

import re
from html import escape, unescape

import pytest

from qa.rendering import NOT_FOUND_HEADING, card_label, highlight, render_message, render_question, render_sources
from qa.schema import Answer, Citation, DirectAnswer

EVIL = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "![x](http://evil.example/x.png)",
    "[点我](javascript:alert(3))",
]


def cite(rank=1, passage="甲乙丙。会议在深圳设主会场。丁戊己。", spans=((4, 14),), **kw) -> Citation:
    s, e = spans[0] if spans else (0, 0)
    fields = dict(rank=rank, province="广东", section="1", title="全省高质量发展大会", page=3, quote=passage[s:e],
                  passage=passage, score=0.9, doc="d.txt", start=100, end=100 + len(passage), quote_spans=tuple(spans))
    return Citation(**{**fields, **kw})


def tags(html: str) -> list[str]:
    """Every tag name in the markup, to prove user/document text created none."""
    return re.findall(r"<\s*/?\s*([a-zA-Z][\w-]*)", html)


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html.replace("<br>", "\n")))


# ------------------------------------------------------------------ cards

def test_card_label_names_province_section_title_page():
    assert card_label(cite(page_exact=True)) == "广东 · 第1节 · 全省高质量发展大会 · 第3页"
    assert card_label(cite(section="2-附1", page=None)) == "广东 · 第2节附1 · 全省高质量发展大会"
    assert card_label(cite(province="总述", section="总述", title="导语与目录", page=None)) == "总述 · 导语与目录"


def test_a_page_known_only_from_the_table_of_contents_reads_as_where_the_section_starts():
    assert card_label(cite(page_exact=False)).endswith("第3页起")


def test_cards_name_their_document_when_the_index_holds_several():
    c = cite(doc="b.txt", doc_title="今日科技快讯2024年第7期", page_exact=True)
    assert card_label(c, with_doc=True) == "广东 · 今日科技快讯2024年第7期 · 第1节 · 全省高质量发展大会 · 第3页"
    assert card_label(cite(doc="b.txt"), with_doc=True).startswith("广东 · b.txt · ")  # no title: the file name
    answer = Answer("问", "答[1]", False, [c])
    assert "今日科技快讯2024年第7期" in render_sources(answer, with_doc=True)
    assert "今日科技快讯2024年第7期" not in render_sources(answer)


def test_cards_numbered_in_citation_order():
    cs = [cite(rank=i, province=p) for i, p in enumerate(["广东", "江苏", "浙江"], 1)]
    html = render_sources(Answer("问", "答[1]", False, cs))
    assert re.findall(r'data-rank="(\d+)"', html) == ["1", "2", "3"]
    assert re.findall(r'data-province="([^"]+)"', html) == ["广东", "江苏", "浙江"]
    heads = [text_of(h) for h in re.findall(r'<div class="qa-card-head">(.*?)</div>', html)]
    assert heads == [f"[{i}]{p} · 第1节 · 全省高质量发展大会 · 第3页起" for i, p in enumerate(["广东", "江苏", "浙江"], 1)]


def test_message_numbers_match_cards():
    cs = [cite(rank=1), cite(rank=2, province="江苏")]
    answer = Answer("问", "广东·第1节·第3页：「会议在深圳设主会场。」[1]\n江苏·第1节：「甲」[2]", False, cs)
    msg = render_message(answer)
    refs = re.findall(r'<span class="qa-ref">\[(\d+)\]</span>', msg)
    cards = re.findall(r'data-rank="(\d+)"', render_sources(answer))
    assert refs == ["1", "2"] and set(refs) <= set(cards)
    assert "<br>" in msg  # one line per quoted passage


def test_bracket_number_without_card_is_not_a_reference():
    msg = render_message(Answer("问", "第[7]条「甲」[1]", False, [cite()]))
    assert re.findall(r'qa-ref">\[(\d+)\]', msg) == ["1"] and "[7]" in msg


def direct(text: str, rank: int = 1) -> DirectAnswer:
    return DirectAnswer(text, rank, 0, len(text))


def test_direct_answer_line_is_bold_and_nothing_else_is():
    answer = Answer("江西开工多少个项目？", "**1139个**\n江西·第8节：「集中开工重大项目1139个，**不是粗体**。」[1]", False, [cite()],
                    direct_answer=direct("1139个"))
    msg = render_message(answer)
    assert msg.startswith('<strong class="qa-direct">1139个</strong><br>')
    assert msg.count("<strong") == 1 and "**不是粗体**" in msg


def test_a_verdict_opens_the_message_bold_before_the_direct_answer():
    answer = Answer("北京的会是2月18日开的吗？", "不是。\n**2月19日上午**\n北京·第4节：「2月19日上午，大会召开。不是。」[1]", False, [cite()],
                    direct_answer=direct("2月19日上午"), verdict="不是")
    msg = render_message(answer)
    assert msg.startswith('<strong class="qa-direct">不是。</strong><br><strong class="qa-direct">2月19日上午</strong><br>')
    assert msg.count("<strong") == 2  # the quote's own 不是。 stays text
    # without a verdict, a line that reads 不是。 is plain text
    assert "<strong" not in render_message(Answer("问", "不是。\n「甲」[1]", False, [cite()]))


def test_asterisks_without_a_direct_answer_stay_literal():
    msg = render_message(Answer("问", "**1139个**\n「甲」[1]", False, [cite()]))
    assert "<strong" not in msg and msg.startswith("**1139个**")


@pytest.mark.parametrize("evil", EVIL)
def test_markup_inside_a_direct_answer_is_escaped_before_it_is_made_bold(evil):
    answer = Answer("问", f"**{evil}**\n「{evil}」[1]", False, [cite()], direct_answer=direct(evil))
    msg = render_message(answer)
    assert set(tags(msg)) <= {"strong", "br", "span"} and text_of(msg).startswith(evil)


def test_a_follow_up_shows_how_it_was_understood():
    answer = Answer("那江苏的呢？", "理解为：江苏大会的主会场设在哪里？\n江苏·第2节：「会议以视频会议形式召开。」[1]", False,
                    [cite(province="江苏")], resolved_question="江苏大会的主会场设在哪里？")
    msg = render_message(answer)
    assert msg.startswith('<span class="qa-resolved">理解为：江苏大会的主会场设在哪里？</span><br>')
    panel = text_of(render_sources(answer))
    assert "问题：那江苏的呢？（理解为：江苏大会的主会场设在哪里？）" in panel


# ------------------------------------------------------------------ highlighting

def test_mark_placed_exactly_on_quote_span():
    c = cite()
    html = highlight(c)
    assert html == "甲乙丙。<mark>会议在深圳设主会场。</mark>丁戊己。"
    assert text_of(html) == c.passage


def test_several_spans_and_overlaps_merge():
    p = "一二三四五六七八九十"
    assert highlight(cite(passage=p, spans=((0, 2), (5, 7)))) == "<mark>一二</mark>三四五<mark>六七</mark>八九十"
    assert highlight(cite(passage=p, spans=((5, 8), (2, 6)))) == "一二<mark>三四五六七八</mark>九十"


def test_span_out_of_range_is_clipped_and_missing_spans_fall_back_to_quote():
    p = "一二三四五"
    assert highlight(cite(passage=p, spans=((3, 99),))) == "一二三<mark>四五</mark>"
    assert highlight(cite(passage=p, spans=(), quote="二三")) == "一<mark>二三</mark>四五"
    assert highlight(cite(passage=p, spans=(), quote="不在")) == p


def test_highlight_escapes_inside_and_outside_the_mark():
    p = "前<b>粗</b>。<script>alert(1)</script>。后&"
    s = p.index("<script>")
    html = highlight(cite(passage=p, spans=((s, s + len("<script>alert(1)</script>")),)))
    assert tags(html) == ["mark", "mark"]
    assert text_of(html) == p


# ------------------------------------------------------------------ escaping

@pytest.mark.parametrize("evil", EVIL)
def test_evil_text_in_question_is_inert(evil):
    html = render_question(f"问题{evil}")
    assert tags(html) == [] and text_of(html) == f"问题{evil}"
    if "](" in evil:
        assert evil in html  # markdown stays as typed: the Chatbot does not parse markdown


@pytest.mark.parametrize("evil", EVIL)
def test_evil_text_in_answer_quote_passage_title_is_inert(evil):
    passage = f"开头。{evil}结尾。"
    c = cite(passage=passage, spans=((3, len(passage)),), province=f"广东{evil}", title=f"标题{evil}")
    answer = Answer(evil, f"广东：「{c.quote}」[1]", False, [c])
    msg, panel = render_message(answer), render_sources(answer)
    assert set(tags(msg)) <= {"span"} and evil in text_of(msg)
    assert set(tags(panel)) <= {"div", "h3", "span", "p", "mark"}
    assert text_of(panel).count(evil) == 4  # question, province, title, passage
    assert "onerror=" not in re.sub(r"&lt;.*?&gt;", "", panel)  # only ever inside escaped text
    assert f'data-province="广东{escape(evil)}"' in panel


def test_quote_in_attribute_cannot_break_out():
    panel = render_sources(Answer("问", "答", False, [cite(province='x" onmouseover="alert(1)')]))
    assert 'data-province="x&quot; onmouseover=&quot;alert(1)"' in panel


# ------------------------------------------------------------------ refusals

def refusal() -> Answer:
    cs = [cite(rank=1), cite(rank=2, province="江苏")]
    return Answer("海南省新春第一会提出了什么？", "未在资料中找到相关内容。资料中没有海南的会议报告。\n可能相关：[1] 广东·第1节·第3页起；[2] 江苏·第1节", True, cs)


def test_refusal_styled_differently():
    panel, msg = render_sources(refusal()), render_message(refusal())
    assert 'class="qa-sources qa-refused"' in panel and NOT_FOUND_HEADING in panel and "可能相关" in panel
    assert "qa-refused" not in render_sources(Answer("问", "答[1]", False, [cite()]))
    assert msg.startswith('<div class="qa-answer-refused">') and "未在资料中找到相关内容" in msg
    assert re.findall(r'data-rank="(\d+)"', panel) == re.findall(r'qa-ref">\[(\d+)\]', msg) == ["1", "2"]


def test_empty_question_and_no_answer_yet():
    empty = Answer("", "请输入问题。", True, [], "empty")
    assert render_message(empty) == "请输入问题。"
    assert render_sources(empty) == render_sources(None)
    assert "qa-refused" not in render_sources(None) and "qa-card" not in render_sources(None)
