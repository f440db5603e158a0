"""Meeting records as JSON, a rich table (`qa meetings`) and CSV (the web tab's export)."""
from __future__ import annotations

import csv
import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .meetings import FIELD_LABELS, field_text
from .schema import MeetingRecord

NOT_STATED = "—"  # a field the report does not state; never filled from elsewhere
_TABLE_FIELDS = ("date", "format", "host", "speakers", "scale", "theme")
_QUOTED_FIELDS = ("date", "format", "host", "speakers", "scale")


def meetings_to_json(records: list[MeetingRecord]) -> list[dict]:
    return [
        {
            "province": r.province,
            "section": r.section,
            "title": r.title,
            "date": r.date,
            "format": r.format,
            "host": r.host,
            "speakers": list(r.speakers),
            "scale": r.scale,
            "evidence": {
                name: {"quote": e.quote, "doc": e.doc, "start": e.start, "end": e.end}
                for name, e in r.evidence.items()
            },
        }
        for r in records
    ]


def print_meetings(records: list[MeetingRecord], console: Console) -> None:
    table = Table(title="各报道所述会议", show_lines=True)
    table.add_column("省份", no_wrap=True)
    table.add_column("节", no_wrap=True)
    for field in _TABLE_FIELDS:
        table.add_column(FIELD_LABELS[field], overflow="fold")
    for r in records:
        # Text, not markup: a "[" in a quote must print as itself
        cells = [Text(field_text(r, f)) if field_text(r, f) else Text(NOT_STATED, style="dim") for f in _TABLE_FIELDS]
        table.add_row(Text(r.province), Text(r.section), *cells)
    console.print(table)


def meetings_csv(records: list[MeetingRecord]) -> str:
    """One row per report, each stated field followed later by the sentence it was read from.

    Write it with encoding "utf-8-sig" so that Excel reads the Chinese.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["省份", "节", "页", *(FIELD_LABELS[f] for f in _TABLE_FIELDS), "标题", "文档",
         *(f"{FIELD_LABELS[f]}原文" for f in _QUOTED_FIELDS)]
    )
    for r in records:
        row = [r.province, r.section, r.page or "", *(field_text(r, f) for f in _TABLE_FIELDS), r.title, r.doc_title,
               *(r.evidence[f].quote if f in r.evidence else "" for f in _QUOTED_FIELDS)]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def _cell(value) -> str:
    # a spreadsheet runs a cell that opens with = + - @ as a formula; the apostrophe is not shown
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
