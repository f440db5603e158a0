"""Property tests: no input text breaks answering or ingestion, and every offset contract holds."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qa.chunking import chunk_sections
from qa.documents import DocumentError, clean_text, read_document, remove_stray_spaces
from qa.layout import PAGE_NUMBER_LINE
from qa.schema import Answer, Document
from qa.sections import split_sections

from .conftest import MINI_BULLETIN

# An answer takes about a second on 2 busy cores; the bound catches pathological regex
# backtracking or an unbounded encode of a huge input, with room for a loaded CI machine.
ANSWER_SECONDS = 10.0
INGEST_SECONDS = 2.0
# Function-scoped fixtures are not re-run per example; these tests only read them.
# An answer costs ~30 ms (the encoder runs a single query on one thread), an ingestion example ~1 ms.
BASE = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
MAIN = settings(BASE, max_examples=60)  # arbitrary text, surrogates
FEW = settings(BASE, max_examples=40)  # narrower alphabets
PROPS = settings(BASE, max_examples=200)  # ingestion


@pytest.fixture
def check(assistant, corpus_doc):
    """check(question, provinces): answer in bounded time and check the citation contracts.

    (One fixture instead of assistant + corpus_doc keeps a failing example's report short:
    Hypothesis prints every argument, and the document is 60,000 characters.)"""

    def check_answer(question, provinces=None):
        t0 = time.perf_counter()
        result = assistant.answer(question, provinces)
        elapsed = time.perf_counter() - t0
        assert elapsed < ANSWER_SECONDS, f"answer took {elapsed:.1f}s"
        assert isinstance(result, Answer) and isinstance(result.text, str) and result.text
        assert result.abstained or result.citations
        for c in result.citations:
            assert c.doc == corpus_doc.name
            assert c.passage == corpus_doc.text[c.start : c.end]
            assert c.quote and c.quote in c.passage
            assert all(c.passage[s:e] == c.quote for s, e in c.quote_spans)
        result.to_dict()  # what the API serialises
        return result

    return check_answer


# ---------------------------------------------------------------- answering

@MAIN
@given(st.text(max_size=200))
@example("")
@example("   \n\t ")
@example("广东高质量发展大会的主会场设在哪里？")
def test_answer_any_unicode_text(check, text):
    check(text)


# control characters (C0, DEL, C1) mixed with CJK, so some reach retrieval with content
_CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.characters(min_codepoint=0x7F, max_codepoint=0x9F)


@FEW
@given(st.text(_CONTROL | st.sampled_from("广东江苏会议主会场创新。？"), max_size=80))
@example("\x00")
@example("广东\x00主会场\x1b[31m在哪里\x7f？")
def test_answer_control_characters(check, text):
    check(text)


# A str can hold lone surrogates (from a JSON "\ud800" escape, or a bad decode with
# errors="surrogateescape"); the segmenter and tokenizer must not see them raw.
_SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


@MAIN
@given(st.text(_SURROGATE | st.sampled_from("广东江苏主会场在哪里？ a1"), min_size=1, max_size=40))
@example("\ud800")
@example("广东\udfff主会场在哪里？")
@example("\ud83d\ude00")  # a surrogate pair held as two code points
def test_answer_lone_surrogates(check, text):
    check(text)
    check(text, [text, "广东"])  # the province filter takes free text too


@FEW
@given(st.text(st.characters(categories=["P", "S"]), min_size=1, max_size=60))
def test_answer_only_punctuation(check, text):
    check(text)


@FEW
@given(st.text(st.characters(categories=["P", "S", "Z", "Cc", "Cf"]), min_size=1, max_size=20))
@example("。")
@example("？？？！！。。")
def test_a_question_without_words_is_refused(check, text):
    """Nothing to look for, so nothing may be quoted as the answer (a refusal may still list passages)."""
    assert check(text).abstained


@FEW
@given(st.text(st.characters(categories=["Nd"]) | st.sampled_from(" .,-"), min_size=1, max_size=60))
def test_answer_only_digits(check, text):
    check(text)


@FEW
@given(question=st.text(max_size=40), provinces=st.lists(st.text(max_size=6) | st.sampled_from(["广东", "江苏", "总述", "海南", "广东省"]), max_size=4))
def test_answer_any_province_filter(check, question, provinces):
    check(question, provinces)


MB = 1_000_000
HUGE = {
    "cjk": "广东高质量发展大会的主会场设在哪里？" * (MB // 57),  # ~1 MB of UTF-8
    "ascii": "a" * MB,
    "punctuation": "。？！，、；：" * (MB // 21),
    "digits": "1234567890" * (MB // 10),
    "newlines": "\n" * MB,
    "mixed": ("广东 2024 <b>x</b> \x00\u200b\ufeff" * (MB // 30)),
}


@pytest.mark.parametrize("name", HUGE)
def test_answer_one_megabyte_input(check, name):
    check(HUGE[name])


# ---------------------------------------------------------------- ingestion

# Arbitrary text, and a real bulletin damaged the way PDF extraction damages one (lines
# broken or lost, page numbers and stray lines inserted), so headings, the table of
# contents and line joining are exercised, not only the no-section path.
_EXTRA_LINES = ["- 5 -", "12", "第 3 页", "", "附：讲话摘录", "3. 广东召开全省大会", "**1. 加粗", "标题**", "   ", "\r", "\f"]


@st.composite
def bulletin_text(draw):
    out = []
    for line in MINI_BULLETIN.split("\n"):
        action = draw(st.sampled_from(["keep"] * 5 + ["drop", "break", "insert"]))
        if action == "break" and len(line) > 1:
            cut = draw(st.integers(1, len(line) - 1))
            out += [line[:cut], line[cut:]]
        elif action == "insert":
            out += [line, draw(st.sampled_from(_EXTRA_LINES) | st.text(max_size=30))]
        elif action == "keep":
            out.append(line)
    return "\n".join(out)


any_text = st.text(max_size=2000) | bulletin_text() | st.text(st.characters() | _SURROGATE, max_size=200)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _without_page_numbers(raw: str) -> str:
    """The input as clean_text sees it, minus the page-number lines it is meant to drop."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return "\n".join(l for l in raw.split("\n") if not PAGE_NUMBER_LINE.match(remove_stray_spaces(l.strip())))


@PROPS
@given(any_text)
@example("第一行\r\n第二行\r第三行\f- 2 -\n 12 \n结束")
@example("\u2028\x85\x0b\x1c")
def test_clean_text_keeps_every_non_blank_character(raw):
    t0 = time.perf_counter()
    out = clean_text(raw)
    assert time.perf_counter() - t0 < INGEST_SECONDS
    assert "\r" not in out and "\f" not in out
    # (Markdown's marks of emphasis and quotation, ** and >, are markup that may go)
    assert _squeeze(out).translate(_MARKUP) == _squeeze(_without_page_numbers(raw)).translate(_MARKUP)
    assert len(_squeeze(out)) <= len(_squeeze(_without_page_numbers(raw)))


_MARKUP = str.maketrans("", "", "*>")


@PROPS
@given(raw=any_text, chunk_size=st.sampled_from([10, 40, 200, 600]), overlap=st.sampled_from([0, 5]), clean=st.booleans())
def test_sections_and_chunks_point_into_the_text(raw, chunk_size, overlap, clean):
    text = clean_text(raw) if clean else raw
    doc = Document(name="x.txt", path="x.txt", text=text, sha256="0" * 64)
    t0 = time.perf_counter()
    sections = split_sections(doc)
    chunks = chunk_sections(doc, sections, chunk_size, overlap)
    assert time.perf_counter() - t0 < INGEST_SECONDS
    by_label = {}
    for s in sections:
        assert 0 <= s.start <= s.end <= len(text)
        by_label.setdefault(s.label, []).append(s)
    for c in chunks:
        assert c.text and c.text == text[c.start : c.end]
        assert any(s.start <= c.start and c.end <= s.end for s in by_label[c.section]), c
    assert [c.id for c in chunks] == list(range(len(chunks)))


@PROPS
@given(st.binary(max_size=3000) | st.text(max_size=500).map(lambda t: t.encode("utf-8")) | st.text(max_size=500).map(lambda t: t.encode("gb18030", "replace")))
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe" + "广东".encode("utf-16-le"))
@example(b"\x00" * 10)
def test_read_document_returns_a_document_or_document_error(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bulletin.txt"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except DocumentError as err:
            assert err.reason
            return
    assert isinstance(doc, Document) and doc.text.endswith("\n") and "\r" not in doc.text
    split_sections(doc)
