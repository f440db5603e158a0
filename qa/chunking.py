"""Stage 3: cut sections into chunks for retrieval.

LangChain's RecursiveCharacterTextSplitter, set up for Chinese: paragraphs
first, then sentence ends, then clauses. Chunks never cross a section, and
each chunk's text is exactly Document.text[start:end]. A chunk carries the page
at its start and the pages that begin inside it, so a quote's own page is known
(Chunk.page_at) wherever the source has page information.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .layout import HALF_WIDTH_STOP
from .schema import Chunk, Document, Section
from .sections import page_at

# one character class per level; keep_separator="end" keeps "。" on the sentence
# it ends instead of moving it to the start of the next chunk
_END = rf"[。！？；!?;]|{HALF_WIDTH_STOP}"
SEPARATORS = [r"\n\n", r"\n", _END, r"[，、,]", ""]


# a sentence runs to 。！？； (and any closing quote after it) or to the end of a line
_SENTENCE = re.compile(rf"(?:(?!{_END})[^\n])+(?:(?:{_END})+[”’」』）)]*)?")


# a Markdown mark that opens a line (# heading, - item, > quotation): the page's layout, which
# a quote leaves out (a web page's headline is written "# …" by the reader, not by the site)
_LINE_MARK = re.compile(r"(?:#{1,6}|[-*+>])[ \t]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of `text`: the units an answer quotes."""
    spans = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if (s == 0 or text[s - 1] == "\n") and (mark := _LINE_MARK.match(text, s, e)):
            s = mark.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            spans.append((s, e))
    return spans


# a clause ends at a comma, semicolon or colon (and a closing quote after it)
_CLAUSE_END = re.compile(r"[，；：,;:]+[”’」』）)]*")


def clause_spans(text: str, start: int, end: int, min_chars: int) -> list[tuple[int, int]]:
    """The clauses of the sentence text[start:end], each at least min_chars long (a short
    one joins the next; a short last one joins the one before): a long sentence that lists
    many demands reads to the encoder as their average, so a question that paraphrases one
    of them finds that clause, not the sentence. A sentence of one clause is that clause;
    min_chars 0 gives none."""
    if min_chars <= 0:
        return []
    spans, at = [], start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.end() - at >= min_chars and m.end() < end:
            spans.append((at, m.end()))
            at = m.end()
    if spans and end - at < min_chars // 2:
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((at, end))
    return spans


if TYPE_CHECKING:
    from langchain_text_splitters import RecursiveCharacterTextSplitter


def make_splitter(chunk_size: int, chunk_overlap: int = 0) -> RecursiveCharacterTextSplitter:
    # imported here: answering needs sentence_spans, not the splitter (0.14 s of a cold `qa ask`)
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        is_separator_regex=True,
        keep_separator="end",
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        strip_whitespace=True,
    )


def chunk_sections(doc: Document, sections: list[Section], chunk_size: int, chunk_overlap: int = 0, first_id: int = 0) -> list[Chunk]:
    splitter = make_splitter(chunk_size, chunk_overlap)
    chunks: list[Chunk] = []
    for section in sections:
        body = doc.text[section.start : section.end]
        cursor = 0
        for piece in splitter.split_text(body):
            # with overlap a piece may start before the previous one ended
            at = body.find(piece, max(0, cursor - chunk_overlap - len(piece)))
            if at < 0:  # cannot happen with strip-only splitting; guard the offsets contract
                raise ValueError(f"chunk not found verbatim in section {section.label} of {doc.name}")
            cursor = at + len(piece)
            start = section.start + at
            end = start + len(piece)
            inside = tuple((o - start, p) for o, p in doc.page_starts if start < o < end)
            chunks.append(
                Chunk(
                    id=first_id + len(chunks),
                    doc=doc.name,
                    section=section.label,
                    province=section.province,
                    title=section.title,
                    kind=section.kind,
                    page=page_at(doc.page_starts, start) if section.page_exact else section.page,
                    start=start,
                    end=end,
                    text=piece,
                    doc_title=doc.title,
                    page_exact=section.page_exact,
                    page_starts=inside if section.page_exact else (),
                )
            )
    return chunks
