"""answer(): retrieval, quoting, citing and refusing, on the real corpus."""
import json
import time

import pytest
from typer.testing import CliRunner

from qa.answering.quotes import NOT_FOUND
from qa.cli import app

runner = CliRunner()


def check_verbatim(answer, corpus_doc):
    for c in answer.citations:
        assert c.quote and c.quote in c.passage
        assert corpus_doc.text[c.start : c.end] == c.passage
        for s, e in c.quote_spans:
            assert c.passage[s:e] in c.quote
    # every quote shown in the answer text is verbatim from a cited passage
    import re

    for shown in re.findall(r"「(.+?)」\[(\d+)\]", answer.text):
        quote, n = shown
        assert quote == answer.citations[int(n) - 1].quote


def test_fact_is_quoted_with_its_province(assistant, corpus_doc):
    a = assistant.answer("广东高质量发展大会的主会场设在哪里？")
    assert not a.abstained
    assert a.citations[0].province == "广东"
    assert "会议在深圳设主会场" in a.citations[0].quote
    assert "「" in a.text and "[1]" in a.text
    assert len(a.citations) >= 5
    check_verbatim(a, corpus_doc)


def test_figure_question(assistant, corpus_doc):
    a = assistant.answer("广东今年安排省重点建设项目多少个？")
    assert not a.abstained
    assert "1508" in a.citations[0].quote
    check_verbatim(a, corpus_doc)


def test_city_names_its_province(assistant):
    a = assistant.answer("沈阳所在省份的大会提出要打赢什么攻坚之战？")
    assert a.citations[0].province == "辽宁"


def test_explicit_province_filter_overrides_the_question(assistant):
    a = assistant.answer("会议由谁主持？", provinces=["江苏"])
    assert a.citations[0].province == "江苏"
    a = assistant.answer("广东的会议由谁主持？", provinces=["浙江省"])
    assert a.citations[0].province == "浙江"


def test_province_without_a_report_is_refused_not_answered_from_another(assistant):
    a = assistant.answer("海南省新春第一会提出了什么？")
    assert a.abstained and a.text.startswith(NOT_FOUND)
    assert "海南" in a.text
    assert len(a.citations) >= 5  # the closest passages are still shown, to check the refusal
    assert "可能相关" in a.text


def test_figure_the_documents_do_not_give_is_refused(assistant):
    a = assistant.answer("广东省2024年的GDP增长目标是多少？")
    assert a.abstained


def test_which_provinces_lists_several_with_a_quote_each(assistant, corpus_doc):
    a = assistant.answer("哪些省份提到了优化营商环境？")
    assert not a.abstained and a.mode == "which"
    assert {"上海", "河北", "辽宁", "吉林"} <= set(a.provinces)
    assert len(a.citations) >= len(a.provinces)
    assert [c.province for c in a.citations[: len(a.provinces)]] == list(a.provinces)
    check_verbatim(a, corpus_doc)


def test_comparison_quotes_both_provinces(assistant, corpus_doc):
    a = assistant.answer("广东和江苏在产业科技创新方面有何不同？")
    assert not a.abstained and a.mode == "compare"
    assert {c.province for c in a.citations[:4]} >= {"广东", "江苏"}
    assert "广东：" in a.text and "江苏：" in a.text
    check_verbatim(a, corpus_doc)


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_question(assistant, question):
    a = assistant.answer(question)
    assert a.abstained and a.citations == [] and "请输入问题" in a.text


def test_huge_question_is_answered_or_refused_quickly(assistant, corpus_doc):
    start = time.perf_counter()
    a = assistant.answer("营商环境" * 25_000)
    assert time.perf_counter() - start < 10
    check_verbatim(a, corpus_doc)


@pytest.mark.parametrize("question", ["Which province held its meeting in Shenzhen?", "🚀🚀 广东 主会场 🎉", "<script>alert(1)</script>"])
def test_english_emoji_and_markup(assistant, corpus_doc, question):
    a = assistant.answer(question)
    assert len(a.citations) >= 5
    check_verbatim(a, corpus_doc)


def test_k_citations(assistant):
    assert len(assistant.answer("吉林召开了什么会议？", k=8).citations) >= 8
    assert len(assistant.answer("吉林召开了什么会议？", k=1).citations) >= 1


# ---------------------------------------------------------------- qa ask


def test_ask_json_schema(builtin_index):
    result = runner.invoke(app, ["ask", "江西一季度集中开工了多少个重大项目？", "--json", "--index", str(builtin_index)])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert set(d) == {"question", "resolved_question", "answer", "abstained", "type", "direct_answer", "verdict", "provinces", "citations"}
    assert set(d["citations"][0]) == {"rank", "province", "section", "title", "page", "page_exact", "quote", "passage",
                                      "score", "doc", "doc_title", "start", "end"}
    assert d["citations"][0]["province"] == "江西"
    # the direct answer is verbatim inside the quote of the citation it names
    direct = d["direct_answer"]
    assert direct["text"] == "1139个" and d["answer"].startswith("**1139个**")
    quote = d["citations"][direct["rank"] - 1]["quote"]
    assert quote[direct["start"] : direct["end"]] == direct["text"]
    assert [c["rank"] for c in d["citations"]] == list(range(1, len(d["citations"]) + 1))


def test_ask_jsonl_keeps_order_and_ignores_other_fields(builtin_index, tmp_path):
    path = tmp_path / "q.jsonl"
    qs = ["云南的推进会是哪天上午召开的？", "福建召开了什么座谈会？", "海南提出了什么？"]
    path.write_text("\n".join(json.dumps({"id": i, "question": q, "extra": [1]}, ensure_ascii=False) for i, q in enumerate(qs)) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ask", "--jsonl", str(path), "--index", str(builtin_index)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in rows] == qs
    assert rows[2]["abstained"] and not rows[0]["abstained"]


def test_ask_readable_output_marks_sources(builtin_index):
    result = runner.invoke(app, ["ask", "吉林连续几年召开优化营商环境大会？", "--province", "吉林", "--index", str(builtin_index)])
    assert result.exit_code == 0
    assert "引用来源" in result.stdout and "[1] 吉林" in result.stdout


@pytest.mark.parametrize("question", ["", "   "])
def test_ask_empty_question_is_exit_2(builtin_index, question):
    result = runner.invoke(app, ["ask", question, "--index", str(builtin_index)])
    assert result.exit_code == 2 and "empty" in result.output


def test_ask_without_an_index_says_how_to_build_one(tmp_path):
    result = runner.invoke(app, ["ask", "广东的主会场在哪？", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "qa index" in result.output and "Traceback" not in result.output


def test_unknown_province_filter_is_refused_not_widened(assistant):
    a = assistant.answer("会议提出了什么？", provinces=["火星"])
    assert a.abstained and "火星" in a.text
    a = assistant.answer("会议提出了什么？", provinces=["四川省", "火星"])
    assert not a.abstained and a.citations[0].province == "四川"


def test_what_a_meeting_itself_stressed_opens_with_the_meeting(assistant):
    # 云南会议强调了什么 names no topic: the sentence that opens 会议强调，… answers it
    a = assistant.answer("云南会议强调了什么？")
    assert a.citations[0].quote.startswith("会议强调，要坚持和完善重大产业项目调度机制"), a.text


def test_the_body_heard_is_named_right_after_the_verb_of_hearing(assistant):
    # 会议听取了省发改委关于…情况汇报: who reported is the body 听取 names, not a leader
    for question in ("河南会上听取了谁的汇报？", "河南会上谁汇报了？"):
        a = assistant.answer(question)
        assert not a.abstained and a.direct_answer.text == "省发改委", a.text
