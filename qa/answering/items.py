"""第三点讲的是什么？: one item of an enumeration the reports spell out.

Reports of this genre list what was asked of whom as 一是…二是…三是…, 第一，…, （一）… or
①…; a user reads the list and asks for one of its items. The item is quoted from its
marker to the end of its clause (the ； or 。 that closes it), from the first passage that
writes it and holds the question's quoted words (几个“必须”: the items open with 必须), in
the order retrieval ranks them, a passage that starts a list, or follows one, first.
When a list is found but not the item, it is refused; when no list is, the question is
answered as a fact.
"""
from __future__ import annotations

import re

from ..asking import item_asked
from .context import AnswerContext, Reply
from .quotes import Pick

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_CHINESE = "一二三四五六七八九十"
_OPENS = r"(?:(?<=^)|(?<=[。；;：:\n\s]))"
_CLOSE = re.compile(r"[；;。\n]")


def _marker(n: int) -> re.Pattern:
    cn = _CHINESE[n - 1]
    return re.compile(_OPENS + rf"(?:{cn}是|第{cn}[，,、是：:]|其{cn}[，,、是：:]|[（(]{cn}[）)]|{n}[.、．](?!\d)|{_CIRCLED[n - 1]})")


def answer_item(ctx: AnswerContext) -> Reply:
    from .facts import answer_fact  # (facts reads the context this module reads)

    n = item_asked(ctx.question.text)
    if not n:
        return answer_fact(ctx)
    quoted = ctx.question.quoted
    ranked = ctx.retrieved.ranked
    first, item = _marker(1), _marker(n)
    # (a list runs on past the passage it starts in: the one after a passage that starts a
    # list comes before the others)
    starts = {c.chunk.id for c in ranked if first.search(c.chunk.text)}
    for c in sorted(ranked, key=lambda c: not (starts & {c.chunk.id, c.chunk.id - 1})):
        text = c.chunk.text
        if not all(t in text for t in quoted):
            continue  # (a list of other things)
        for m in item.finditer(text):
            close = _CLOSE.search(text, m.end())
            end = close.end() if close else len(text)
            if end - m.end() >= 4:
                return Reply([ctx.quote_line(Pick(c, m.start(), end, c.score))], provinces=(c.chunk.province,))
    if starts and n > 1:
        # (第五项呢 of a list of four: the list is there, the item is not)
        return Reply([], abstained=True, reason=f"资料所列各项中没有第{_CHINESE[n - 1]}项。")
    return answer_fact(ctx)
