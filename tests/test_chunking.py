"""Chunks: verbatim, inside one section, sentence ends kept."""
import pytest

from qa.chunking import chunk_sections, clause_spans


@pytest.mark.parametrize("size,overlap", [(120, 0), (300, 0), (400, 0), (300, 60)])
def test_chunks_are_verbatim_and_never_cross_a_section(corpus_doc, corpus_sections, size, overlap):
    chunks = chunk_sections(corpus_doc, corpus_sections, size, overlap)
    bounds = {s.label: (s.start, s.end) for s in corpus_sections}
    for c in chunks:
        assert corpus_doc.text[c.start : c.end] == c.text
        lo, hi = bounds[c.section]
        assert lo <= c.start < c.end <= hi
        assert len(c.text) <= size
    assert [c.id for c in chunks] == list(range(len(chunks)))
    assert {c.section for c in chunks} == set(bounds)


def test_sentence_ends_stay_with_their_sentence(corpus_doc, corpus_sections):
    for c in chunk_sections(corpus_doc, corpus_sections, 120):
        assert not c.text.startswith(("。", "！", "？", "；", "，", "、"))


def test_chunks_carry_their_section_metadata(corpus_doc, corpus_sections):
    chunks = chunk_sections(corpus_doc, corpus_sections, 400)
    first_jiangsu = next(c for c in chunks if c.province == "江苏")
    assert (first_jiangsu.section, first_jiangsu.kind, first_jiangsu.page) == ("2", "report", 15)


def test_a_sentence_of_several_clauses_is_cut_at_its_commas():
    text = "前文。易炼红强调，要树牢“大人才观”，树牢人才是第一资源、怎么重视都不为过的观念，树牢人才不问出处、人人皆可成才的观念。后文"
    start, end = text.index("易"), text.index("后文")
    pieces = [text[a:b] for a, b in clause_spans(text, start, end, 14)]
    # a clause shorter than 14 characters joins the next; every piece lies inside the sentence
    assert pieces == ["易炼红强调，要树牢“大人才观”，", "树牢人才是第一资源、怎么重视都不为过的观念，", "树牢人才不问出处、人人皆可成才的观念。"]
    assert "".join(pieces) == text[start:end]
    # a short tail joins the clause before it: a sentence of one clause is that clause
    assert clause_spans("会议要求各市县压实责任落实任务，确保见效。", 0, 21, 14) == [(0, 21)]
    assert clause_spans(text, start, end, 0) == []  # clauses turned off
