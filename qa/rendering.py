"""Answer -> HTML for the web chat. Pure functions, no gradio, so they are unit-tested alone.

The app's Chatbot runs with render_markdown=False and latex_delimiters=[]: Gradio then
inserts a message as sanitised HTML and parses neither markdown nor $$…$$, so html.escape
on every piece of document or user text shows `<script>`, `<img onerror=…>` and `![x](…)`
as literal text.
The sources panel (gr.HTML) uses innerHTML without sanitising: escaping is the only guard.
"""
from __future__ import annotations

import re
from html import escape

from .schema import FRONT_PROVINCE, Answer, Citation

NOT_FOUND_HEADING = "未找到答案 · 以下是可能相关的段落"
SOURCES_HEADING = "引用来源"
NO_SOURCES = "提问后，这里会列出答案引用的原文段落。"
RESOLVED_PREFIX = "理解为："

_REF = re.compile(r"\[(\d+)\]")

CSS = """
#qa-sources { max-height: 760px; overflow-y: auto; }
.qa-sources { display: flex; flex-direction: column; gap: 10px; }
.qa-sources h3 { margin: 0; font-size: 1rem; }
.qa-for { margin: 0; font-size: 0.9rem; color: var(--body-text-color-subdued); }
.qa-empty { color: var(--body-text-color-subdued); }
.qa-card { border: 1px solid var(--border-color-primary); border-left: 4px solid #2563eb;
  border-radius: 6px; padding: 8px 10px; background: var(--background-fill-secondary); }
.qa-card-head { font-weight: 600; margin-bottom: 4px; }
.qa-num { color: #2563eb; margin-right: 4px; }
.qa-title { font-weight: 400; color: var(--body-text-color-subdued); }
.qa-passage { white-space: pre-wrap; line-height: 1.6; margin: 0; font-size: 0.92rem; }
.qa-passage mark { background: #fde68a; color: inherit; padding: 0 1px; }
.qa-refused h3 { color: #b45309; }
.qa-refused .qa-card { border-left-color: #d97706; border-style: dashed; }
.qa-refused .qa-num { color: #b45309; }
.qa-answer-refused { color: #b45309; }
.qa-ref { color: #2563eb; font-weight: 600; }
.qa-resolved { color: var(--body-text-color-subdued); font-size: 0.9em; }
.qa-direct { font-size: 1.08em; }
.qa-doc { font-weight: 400; }
"""


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def render_question(question: str) -> str:
    """The user's own message, shown as literal text."""
    return _lines(question.strip())


def answer_lines(answer: Answer) -> list[tuple[str, str]]:
    """The answer text line by line as (kind, text): "resolved" for the `理解为：…` line a
    rewritten follow-up opens with, "direct" for the direct answer (its text, without the
    asterisks) and for a yes-or-no verdict (不是。), "text" for the rest. The bold comes from Answer.direct_answer, never from
    asterisks a document happens to contain."""
    out = []
    direct = f"**{answer.direct_answer.text}**" if answer.direct_answer else None
    verdict = f"{answer.verdict}。" if answer.verdict else None
    for i, line in enumerate(answer.text.split("\n")):
        if i == 0 and answer.resolved_question and line.startswith(RESOLVED_PREFIX):
            out.append(("resolved", line))
        elif verdict is not None and line == verdict:
            out.append(("direct", line))  # 不是。: a yes-or-no question's answer, as bold as a span
            verdict = None
        elif direct is not None and line == direct:
            out.append(("direct", answer.direct_answer.text))
            direct = None  # only the line the answer opens with
        else:
            out.append(("text", line))
    return out


def render_message(answer: Answer) -> str:
    """The chat message: the answer text escaped, its [n] marked as references to cards n,
    the direct answer bold and a follow-up's reading subdued."""
    ranks = {c.rank for c in answer.citations}

    def ref(m: re.Match) -> str:
        return f'<span class="qa-ref">{m.group(0)}</span>' if int(m.group(1)) in ranks else m.group(0)

    shown = {
        "resolved": lambda t: f'<span class="qa-resolved">{escape(t)}</span>',
        "direct": lambda t: f'<strong class="qa-direct">{escape(t)}</strong>',
        "text": lambda t: _REF.sub(ref, escape(t)),  # escaping leaves "[n]" as it was
    }
    body = "<br>".join(shown[kind](text) for kind, text in answer_lines(answer))
    if answer.abstained and answer.mode != "empty":
        return f'<div class="qa-answer-refused">{body}</div>'
    return body


def section_name(section: str) -> str:
    """"1" -> 第1节, "2-附1" -> 第2节附1; the editor's summary is named by its province (总述)."""
    number, _, appendix = section.partition("-")
    return f"第{number}节{appendix}"


def page_name(page: int | None, exact: bool) -> str:
    """第3页, or 第3页起 when only the section's first page is known."""
    return f"第{page}页" + ("" if exact else "起") if page else ""


def _label_parts(c: Citation, with_doc: bool = False) -> list[tuple[str, str]]:
    """(css class, text) of each part of a card's heading that the citation has."""
    parts = [("qa-province", c.province)]
    if with_doc:
        parts.append(("qa-doc", c.doc_title or c.doc))
    if c.section and c.section != FRONT_PROVINCE:
        parts.append(("qa-section", section_name(c.section)))
    if c.title:
        parts.append(("qa-title", c.title))
    if c.page:
        parts.append(("qa-page", page_name(c.page, c.page_exact)))
    return parts


def card_label(c: Citation, with_doc: bool = False) -> str:
    """广东 · 第1节 · 标题 · 第3页起 (with the document after the province when asked)"""
    return " · ".join(text for _, text in _label_parts(c, with_doc))


def _spans(c: Citation) -> list[tuple[int, int]]:
    """quote_spans clipped to the passage, sorted, overlaps merged; the quote's first
    occurrence when spans are missing."""
    n = len(c.passage)
    spans = sorted((max(0, s), min(n, e)) for s, e in c.quote_spans if min(n, e) > max(0, s))
    if not spans and c.quote and (i := c.passage.find(c.quote)) >= 0:
        spans = [(i, i + len(c.quote))]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def highlight(c: Citation) -> str:
    """The passage escaped, each quoted span wrapped in <mark>."""
    out, pos = [], 0
    for s, e in _spans(c):
        out += [escape(c.passage[pos:s]), "<mark>", escape(c.passage[s:e]), "</mark>"]
        pos = e
    out.append(escape(c.passage[pos:]))
    return "".join(out)


def render_card(c: Citation, with_doc: bool = False) -> str:
    head = " · ".join(f'<span class="{cls}">{escape(text)}</span>' for cls, text in _label_parts(c, with_doc))
    return (
        f'<div class="qa-card" id="qa-source-{c.rank}" data-rank="{c.rank}" data-province="{escape(c.province)}">'
        f'<div class="qa-card-head"><span class="qa-num">[{c.rank}]</span>{head}</div>'
        f'<p class="qa-passage">{highlight(c)}</p></div>'
    )


def render_sources(answer: Answer | None, with_doc: bool = False) -> str:
    """The sources panel: one numbered card per citation, in the order the answer numbers them.
    `with_doc` names each card's document: the index holds more than one."""
    if answer is None or answer.mode == "empty":
        return f'<div class="qa-sources"><h3>{SOURCES_HEADING}</h3><p class="qa-empty">{NO_SOURCES}</p></div>'
    # the panel shows the latest answer only: name its question so older [n] are not misread
    asked = f"问题：{escape(answer.question)}"
    if answer.resolved_question:
        asked += f"（{RESOLVED_PREFIX}{escape(answer.resolved_question)}）"
    asked = f'<p class="qa-for">{asked}</p>'
    cards = "".join(render_card(c, with_doc) for c in answer.citations)
    if answer.abstained:
        return f'<div class="qa-sources qa-refused"><h3>{NOT_FOUND_HEADING}</h3>{asked}{cards}</div>'
    return f'<div class="qa-sources"><h3>{SOURCES_HEADING}</h3>{asked}{cards}</div>'
