"""Per layout variant: sections found against expected, provinces right, quote pages right.

    PYTHONPATH=. python scripts/measure_layouts.py [--html]

--html also compares BeautifulSoup+lxml (get_text), trafilatura alone, and qa.webpage
(boilerplate pruned, then trafilatura) on the test web pages: what each keeps of the
article's headings and paragraphs as lines of their own, and what boilerplate leaks.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from tests.variants import BOILERPLATE, all_variants, read_variant  # noqa: E402


def layouts(console: Console) -> None:
    table = Table(title="layout variants")
    for col in ("variant", "sections found/expected", "provinces right/total", "quote pages right", "ms", "warnings"):
        table.add_column(col)
    totals = [0, 0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for v in all_variants():
            t0 = time.perf_counter()
            o = read_variant(v, Path(tmp))
            ms = (time.perf_counter() - t0) * 1000
            right = o.provinces_right(v.expected)
            pages = sum((p, e) == (ep, ee) for (_, p, e), (_, ep, ee) in zip(o.quote_pages, v.quotes))
            warnings = sum(len(s.warnings) for s in o.sections) + len(o.doc.warnings)
            totals = [totals[0] + right, totals[1] + len(v.expected), totals[2] + pages, totals[3] + len(v.quotes)]
            ok = right == len(v.expected) == len(o.found)
            table.add_row(v.name, f"{len(o.found)}/{len(v.expected)}", f"{right}/{len(v.expected)}", f"{pages}/{len(v.quotes)}",
                          f"{ms:.0f}", str(warnings), style=None if ok else "red")
    table.add_row("total", "", f"{totals[0]}/{totals[1]}", f"{totals[2]}/{totals[3]}", "", "", style="bold")
    console.print(table)


def html_extractors(console: Console) -> None:
    """trafilatura against BeautifulSoup+lxml (get_text over the body, scripts and styles removed)."""
    import trafilatura
    from bs4 import BeautifulSoup

    from qa.webpage import decode_html, read_webpage

    table = Table(title="web page extractors")
    for col in ("page", "extractor", "headings kept", "paragraphs kept", "boilerplate leaked", "ms"):
        table.add_column(col)
    for v in all_variants():
        if not v.filename.endswith((".html", ".htm")):
            continue
        html = decode_html(v.data)
        soup = BeautifulSoup(html, "lxml")
        headings = [t.get_text(strip=True) for t in soup.select("h1, h2, p > strong")]
        paragraphs = [t.get_text(strip=True) for t in soup.select("div.article p") if not t.find("strong")]
        for name, extract in (
            ("bs4+lxml", lambda: _bs4_text(html)),
            ("trafilatura", lambda: trafilatura.extract(html, output_format="markdown", include_formatting=True, favor_recall=True, include_comments=False)),
            ("qa.webpage (prune+trafilatura)", lambda: read_webpage(v.data).text),
        ):
            t0 = time.perf_counter()
            text = extract() or ""
            ms = (time.perf_counter() - t0) * 1000
            lines = [l.strip("#* ").strip() for l in text.split("\n")]
            kept_h = sum(any(l == h for l in lines) for h in headings)  # a heading must stay a line of its own
            kept_p = sum(any(p.strip("　") in l for l in lines) for p in paragraphs)
            leaked = [b for b in BOILERPLATE if b in text]
            table.add_row(v.name, name, f"{kept_h}/{len(headings)}", f"{kept_p}/{len(paragraphs)}", ", ".join(leaked) or "-", f"{ms:.0f}")
    console.print(table)


def _bs4_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return soup.body.get_text("\n", strip=True) if soup.body else ""


if __name__ == "__main__":
    console = Console()
    layouts(console)
    if "--html" in sys.argv:
        html_extractors(console)
