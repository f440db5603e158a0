"""Answers from a table's cell. A page's table (| 洛阳 | 80 | 420 |) says what a number is
only in its header (| 城市 | 开工项目（个） | 总投资（亿元） |): 洛阳开工项目总投资多少 is
answered by the cell in 洛阳's row and the column the question names, quoted with the header
row that says what the column counts and in which unit."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import TABLE_ROW
from .context import AnswerContext, Reply, kind_spans
from .quotes import Pick, quoted

_ROW = re.compile(TABLE_ROW.pattern.replace("$", "[ \\t]*$"), re.M)
_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_UNIT = re.compile(r"[（(][^（）()]*[）)]")  # 总投资（亿元）: the column's unit, no word of its name
KINDS = ("figure", "date", "name", "place", "person")


@dataclass(frozen=True)
class _Row:
    start: int
    end: int
    cells: tuple[tuple[int, int], ...]  # each cell's text span, trimmed


def tables(text: str) -> list[list[_Row]]:
    """The tables of a text, each as its rows (the header first, the |---| rule left out)."""
    out: list[list[_Row]] = []
    last_end = -2
    for m in _ROW.finditer(text):
        if _RULE.match(m.group()):
            last_end = m.end()
            continue
        line = m.group().rstrip()
        outer = line.startswith("|")  # (| a | b |, or a | b written without the outer bars)
        cells, at = [], m.start() + outer
        for part in (line[1:].rstrip("|") if outer else line).split("|"):
            inner = part.strip()
            begin = at + part.find(inner) if inner else at
            cells.append((begin, begin + len(inner)))
            at += len(part) + 1
        row = _Row(m.start(), m.end(), tuple(cells))
        if out and m.start() == last_end + 1:
            out[-1].append(row)
        else:
            out.append([row])
        last_end = m.end()
    return [t for t in out if len(t) >= 2]


# 在哪开的, 哪天开的: a question that names no column asks the one its kind of answer is filed under
_KIND_COLUMN = {"place": re.compile(r"地点|会址|举办地|召开地"), "date": re.compile(r"^(?:时间|日期|召开时间|会议时间|召开日期)$")}


def _column(q, header: str) -> float:
    """How plainly the question names this column: its whole name, else the words it holds
    (the nearer the question's ask, the more: 开工项目总投资多少 asks 总投资), else the
    column of the kind of answer asked (地点 for 在哪开的)."""
    question, name = q.text, _UNIT.sub("", header).strip()
    if len(name) >= 2 and name in question:
        return 100.0 + question.rfind(name) + len(name)
    named = max((question.rfind(w) + len(w) for w in q.terms if len(w) >= 2 and w in name), default=0.0)
    kind = _KIND_COLUMN.get(q.kind)
    return named or (0.5 if kind and kind.search(name) else 0.0)


def cell_answer(ctx: AnswerContext, candidates) -> Reply | None:
    """The cell that answers, from the first passage whose table has one row the question
    names and one column it asks about; None when no table does."""
    q = ctx.question
    if q.kind not in KINDS or q.qtype in ("which", "compare", "multi", "summary"):
        return None
    for c in candidates:
        text = c.chunk.text
        for table in tables(text):
            header, rows = table[0], table[1:]
            # the rows the question names by a cell (洛阳; 技术合同成交额 for 技术合同成交额（亿元）), with those cells
            keyed = [(r, {i for i, (a, b) in enumerate(r.cells) if len(t := _UNIT.sub("", text[a:b]).strip()) >= 2 and t in q.text}) for r in rows]
            named = [(r, keys) for r, keys in keyed if keys]
            if len(named) != 1:
                continue
            [(row, keys)] = named
            scores = [(_column(q, text[a:b]), i) for i, (a, b) in enumerate(header.cells) if i not in keys]
            best = max(scores, default=(0.0, -1))
            if best[0] <= 0 or sum(s == best[0] for s, _ in scores) > 1 or best[1] >= len(row.cells):
                continue
            a, b = row.cells[best[1]]
            if a == b:
                continue
            # (全社会研发投入占比达到3.3%: a cell of words and a figure answers with the figure)
            if q.kind in ("figure", "date") and (found := kind_spans(q, text[a:b])):
                a, b = a + found[0][0], a + found[0][1]
            head, line = Pick(c, header.start, header.end, c.score), Pick(c, row.start, row.end, c.score)
            lines = [ctx.quote_line(line), f"（表头：{quoted(ctx.citations.add(head), head.text)}）"]
            return Reply(lines, direct=(line, a - row.start, b - row.start))
    return None
