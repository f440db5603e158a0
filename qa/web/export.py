"""A conversation as Markdown, for analysts to paste into briefings.

Each question, its answer, and the numbered citations with province, document, section,
page and the quoted sentence. Text from users and documents is escaped so that no
Markdown renderer turns it into links, images, HTML or emphasis; the answer's own
direct answer stays bold.
"""
from __future__ import annotations

import re

from ..rendering import answer_lines, card_label
from ..schema import Answer

TITLE = "会议报告问答 · 对话记录"
NO_CITATIONS = "（无引用）"

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that
# start markup inside a line. "[1]" stays as it is: only "](" and "![" make a link or image.
_INLINE = re.compile(r"([\\`*_<>&~|])")
# headings, bullets, link definitions; "1. " is left alone: as a list item it still reads "1."
_LINE_START = re.compile(r"^(\s*)([#=+\[-])")


def md_text(text: str) -> str:
    """One line of user or document text, shown by Markdown exactly as written."""
    text = _INLINE.sub(r"\\\1", text).replace("](", "]\\(").replace("![", "!\\[")
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _answer_lines(answer: Answer) -> list[str]:
    out = []
    for kind, line in answer_lines(answer):
        if not line.strip():
            continue
        if kind == "resolved":
            out.append(f"*{md_text(line)}*")
        elif kind == "direct":
            out.append(f"**{md_text(line)}**")
        else:
            out.append(md_text(line))  # the answer's own list ("1. 广东·第1节：…") stays a list
    return out


def conversation_markdown(turns: list[Answer], corpus: str = "", exported: str = "") -> str:
    """The conversation, oldest question first, as one Markdown document."""
    lines = [f"# {TITLE}", ""]
    meta = [f"资料：{md_text(corpus)}" if corpus else "", f"导出时间：{md_text(exported)}" if exported else ""]
    if any(meta):
        lines += ["  \n".join(m for m in meta if m), ""]
    for n, answer in enumerate(turns, 1):
        asked = " ".join(answer.question.split())  # a heading is one line
        lines += ["---", "", f"## 问题 {n}：{md_text(asked)}", ""]
        for line in _answer_lines(answer):
            lines += [line, ""]
        heading = "可能相关的段落" if answer.abstained else "引用"
        lines += [f"**{heading}**", ""]
        if not answer.citations:
            lines += [NO_CITATIONS, ""]
        for c in answer.citations:
            lines += [f"[{c.rank}] {md_text(card_label(c, with_doc=True))}", ""]
            lines += [f"> {md_text(part)}" if part.strip() else ">" for part in c.quote.split("\n")]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
