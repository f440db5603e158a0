"""Chunks: verbatim, inside one section, sentence ends kept."""
import pytest

from qa.chunking import chunk_sections


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
