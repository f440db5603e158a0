"""HTML of the page parts that follow the index: heading, document list, upload report,
meetings table. Pure functions; every string from a document, a file name or a user is
html.escape'd (gr.HTML inserts it without sanitising).
"""
from __future__ import annotations

from collections import Counter
from html import escape

from ..answering.quotes import where
from ..meetings import FIELD_LABELS, field_text
from ..meetings_view import NOT_STATED
from ..rendering import section_name
from ..schema import FRONT_PROVINCE, Citation, Document, MeetingRecord, Section
from .upload import STATUS_NAMES, FileResult

APP_NAME = "会议报告问答助手"
MEETING_COLUMNS = ("date", "format", "host", "speakers", "scale", "theme")

WEB_CSS = """
.qa-heading h1 { margin: 0 0 4px; font-size: 1.6rem; }
.qa-heading p { margin: 0; color: var(--body-text-color-subdued); }
.qa-table-wrap { max-height: 620px; overflow: auto; border: 1px solid var(--border-color-primary); border-radius: 6px; }
table.qa-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.qa-table th, .qa-table td { border-bottom: 1px solid var(--border-color-primary); padding: 6px 8px;
  text-align: left; vertical-align: top; line-height: 1.5; }
.qa-table th { position: sticky; top: 0; background: var(--background-fill-secondary); white-space: nowrap; z-index: 1; }
.qa-table td.qa-none { color: var(--body-text-color-subdued); }
.qa-table td.qa-cell { cursor: pointer; }
.qa-table td.qa-cell:hover { background: #eff6ff; }
.qa-table td.qa-picked { background: #dbeafe; }
.qa-nowrap { white-space: nowrap; }
.qa-hint { color: var(--body-text-color-subdued); margin: 0 0 8px; font-size: 0.9rem; }
.qa-evidence { border: 1px solid var(--border-color-primary); border-left: 4px solid #2563eb; border-radius: 6px;
  padding: 8px 10px; margin-bottom: 10px; background: var(--background-fill-secondary); }
.qa-evidence-where { font-weight: 600; margin-bottom: 4px; }
.qa-evidence-quote { margin: 0; line-height: 1.6; white-space: pre-wrap; }
.qa-evidence-quote mark { background: #fde68a; color: inherit; }
.qa-file { margin-bottom: 14px; }
.qa-file-head { font-weight: 600; margin: 6px 0; }
.qa-status { display: inline-block; border-radius: 4px; padding: 0 6px; margin-right: 6px; font-weight: 600; }
.qa-status-added { background: #dcfce7; color: #166534; }
.qa-status-skipped { background: #fee2e2; color: #991b1b; }
.qa-status-duplicate { background: #e5e7eb; color: #374151; }
.qa-reason { font-weight: 400; color: var(--body-text-color-subdued); }
.qa-file[data-status=skipped] .qa-reason { color: #991b1b; }
.qa-warn { color: #b45309; }
"""

# Clicking a cell shows its source sentence in the panel above the table. Text goes in
# through textContent only, so nothing from a document is ever parsed as HTML.
MEETINGS_JS = """
element.addEventListener('click', (event) => {
  const cell = event.target.closest('td[data-quote]');
  const panel = element.querySelector('.qa-evidence');
  if (!cell || !panel) return;
  element.querySelectorAll('td.qa-picked').forEach((c) => c.classList.remove('qa-picked'));
  cell.classList.add('qa-picked');
  panel.querySelector('.qa-evidence-where').textContent = cell.dataset.label + '：' + cell.dataset.where;
  const quote = panel.querySelector('.qa-evidence-quote');
  quote.replaceChildren();
  const text = cell.dataset.quote;
  const marks = (cell.dataset.marks || '').split('\\n').filter((m) => m && text.includes(m));
  let pos = 0;
  while (pos < text.length) {
    let at = -1, hit = '';
    for (const m of marks) { const i = text.indexOf(m, pos); if (i >= 0 && (at < 0 || i < at)) { at = i; hit = m; } }
    if (at < 0) { quote.append(text.slice(pos)); break; }
    quote.append(text.slice(pos, at));
    const mark = document.createElement('mark'); mark.textContent = hit; quote.append(mark);
    pos = at + hit.length;
  }
  panel.hidden = false;
});
"""

# The browser tab's title follows the heading (gr.Blocks' title is fixed when the page is built).
HEADING_JS = """
const follow = () => { const h = element.querySelector('[data-title]'); if (h) document.title = h.dataset.title; };
follow();
watch('value', follow);
"""


def corpus_name(documents: list[Document]) -> str:
    """今日科技快讯2024年第6期; two titles joined; or "N 份文档"."""
    names = list(dict.fromkeys(d.title or d.name for d in documents))
    if not names:
        return "（空索引）"
    return "、".join(names) if len(names) <= 2 else f"{len(names)} 份文档"


def page_title(documents: list[Document]) -> str:
    return f"{corpus_name(documents)} · {APP_NAME}"


def heading_html(documents: list[Document], provinces: list[str]) -> str:
    name = escape(corpus_name(documents))
    return (
        f'<div class="qa-heading" data-title="{escape(page_title(documents))}">'
        f"<h1>{APP_NAME} · {name}</h1>"
        f"<p>资料：{name}，共 {len(provinces)} 个省市的会议报道。每个回答都引用原文，并注明省份、章节和页码。</p></div>"
    )


def documents_html(documents: list[Document], sections: list[Section]) -> str:
    """The documents in the index, with the provinces and sections read from each."""
    per_doc: dict[str, list[Section]] = {}
    for s in sections:
        per_doc.setdefault(s.doc, []).append(s)
    rows = []
    for d in documents:
        secs = per_doc.get(d.name, [])
        provinces = [p for p in dict.fromkeys(s.province for s in secs) if p != FRONT_PROVINCE]
        rows.append(f"<tr><td>{escape(d.title or d.name)}</td><td>{escape(d.name)}</td>"
                    f"<td>{escape('、'.join(provinces)) or NOT_STATED}</td><td class=\"qa-nowrap\">{len(secs)}</td></tr>")
    return (f'<p class="qa-hint">索引中共有 {len(documents)} 份文档。</p><div class="qa-table-wrap"><table class="qa-table">'
            "<thead><tr><th>文档</th><th>文件名</th><th>省市</th><th>节数</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def upload_html(results: list[FileResult]) -> str:
    """What became of each uploaded file, and for an added one how its sections were read."""
    if not results:
        return '<p class="qa-hint">选择或拖入文件后，这里会列出每个文件读出的章节。</p>'
    parts = []
    for r in results:
        head = (f'<div class="qa-file-head"><span class="qa-status qa-status-{escape(r.status)}">'
                f"{STATUS_NAMES.get(r.status, escape(r.status))}</span>{escape(r.name)}")
        if r.status == "added":
            head += f'<span class="qa-reason"> · {len(r.sections)} 节</span>'
        if r.reason:
            head += f'<span class="qa-reason"> · {escape(r.reason)}</span>'
        head += "</div>"
        warn = "".join(f'<p class="qa-warn">提示：{escape(w)}</p>' for w in r.warnings)
        table = ""
        if r.sections:
            rows = "".join(
                f"<tr><td>{escape(s.province)}</td><td class=\"qa-nowrap\">{escape(_section_label(s.section))}</td>"
                f"<td>{escape(s.title)}</td><td class=\"qa-nowrap\">{escape(s.pages) or NOT_STATED}</td>"
                f"<td class=\"qa-nowrap\">{s.chars}</td><td class=\"qa-warn\">{escape('；'.join(s.warnings))}</td></tr>"
                for s in r.sections
            )
            table = ('<table class="qa-table"><thead><tr><th>省份</th><th>节</th><th>标题</th><th>页</th><th>字数</th>'
                     f"<th>提示</th></tr></thead><tbody>{rows}</tbody></table>")
        parts.append(f'<div class="qa-file" data-status="{escape(r.status)}">{head}{warn}{table}</div>')
    return "".join(parts)


def _section_label(label: str) -> str:
    return label if label == FRONT_PROVINCE else section_name(label)


def evidence_where(record: MeetingRecord, field: str, documents: dict[str, Document], with_doc: bool) -> str:
    """广东·第1节·第3页起: where a field's source sentence is, named as answers name citations."""
    e = record.evidence[field]
    doc = documents.get(e.doc)
    page, exact = record.page, False
    if doc is not None and doc.page_starts:
        exact = True
        for at, p in doc.page_starts:
            if at <= e.start:
                page = p
    c = Citation(0, record.province, record.section, record.title, page, e.quote, e.quote, 0.0, e.doc, e.start, e.end,
                 doc_title=record.doc_title, page_exact=exact)
    return where(c, with_doc)


def meetings_html(records: list[MeetingRecord], documents: list[Document]) -> str:
    """One row per report; a stated field's cell carries its source sentence (hover: title,
    click: the panel above the table)."""
    if not records:
        return '<p class="qa-hint">索引中的文档没有可读出的会议报道。</p>'
    docs = {d.name: d for d in documents}
    with_doc = len({r.doc for r in records}) > 1 or len(documents) > 1
    head = ["省份", "节"] + [FIELD_LABELS[f] for f in MEETING_COLUMNS] + (["文档"] if with_doc else [])
    rows = []
    for r in records:
        cells = [f'<td class="qa-nowrap" title="{escape(r.title)}">{escape(r.province)}</td>',
                 f'<td class="qa-nowrap">{escape(_section_label(r.section))}</td>']
        for f in MEETING_COLUMNS:
            value = field_text(r, f)
            if not value:
                cells.append(f'<td class="qa-none" data-field="{f}">{NOT_STATED}</td>')
                continue
            if f not in r.evidence:
                cells.append(f'<td data-field="{f}">{escape(value)}</td>')
                continue
            place, quote = evidence_where(r, f, docs, with_doc), r.evidence[f].quote
            marks = "\n".join(r.speakers if f == "speakers" else value.split("；") if f == "format" else [value])
            nowrap = " qa-nowrap" if f == "date" else ""
            cells.append(
                f'<td class="qa-cell{nowrap}" data-field="{f}" data-label="{FIELD_LABELS[f]}" data-where="{escape(place)}" '
                f'data-quote="{escape(quote)}" data-marks="{escape(marks)}" title="{escape(quote)}&#10;——{escape(place)}">'
                f"{escape(value)}</td>"
            )
        if with_doc:
            cells.append(f"<td>{escape(r.doc_title or r.doc)}</td>")
        rows.append(f'<tr data-province="{escape(r.province)}">{"".join(cells)}</tr>')
    count = Counter(r.province for r in records)
    return (
        f'<p class="qa-hint">共 {len(records)} 份报道、{len(count)} 个省市。鼠标停在格子上可看原文；点击格子，在此处显示原句和出处。'
        f"“{NOT_STATED}”表示报道未写明。</p>"
        '<div class="qa-evidence" hidden><div class="qa-evidence-where"></div><p class="qa-evidence-quote"></p></div>'
        f'<div class="qa-table-wrap"><table class="qa-table qa-meetings"><thead><tr>{"".join(f"<th>{h}</th>" for h in head)}'
        f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )
