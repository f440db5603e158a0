"""Stage 2: split a cleaned document into sections, from the evidence in its text.

No one layout is assumed. A report opens with a heading that names its place:
"1. 广东召开…", "一、江苏召开…", "## 深圳市委…", "**【浙江】…**", "广东：推进…",
"中共广东省委、广东省人民政府召开…". Heading forms are many (layout.py); per document,
the form that most of its place-naming headings share is its report form, as RAGFlow's
bullets_category picks a numbering family. A line is a report heading when

- the table of contents lists it, or
- it names a place and is no sentence, and either has the report form or names a
  meeting ("召开…大会"); a line naming the place of the report it stands in must name a
  meeting, so a point inside a report ("2. 广东要…") is no heading; a numbered line that
  names no meeting and breaks the run of report numbers is a list item, or
- it has the report form and names a meeting but no place (its body then tells the
  province, or it is 未知).

Appendices "附：…" belong to the report before them. Numbering is never required to be
consecutive; a file with no heading is one report titled by its first heading or line.

Every section's body is then checked against its heading (_check_body): when the
heading names one province and the body's place names all name another, the body wins;
a heading with no place takes the province its body names, if one clearly dominates,
else 未知. Each such decision, and each sign that a heading was missed, is a warning
on the Section.

Labels: "总述" for front matter, and for the colophon lines that end a bulletin
(责任编辑：…, 电话：…, 报送：…), which are no report's; "N" for reports, N the document's own number when
every report heading carries one and no number repeats, else the order of appearance
(1, 2, …); "N-附K" for the K-th appendix of report N.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from . import layout
from .gazetteer import heading_province, mentions, province_at_start, province_counts, province_of, provinces_in
from .schema import FRONT_PROVINCE, UNKNOWN_PROVINCE, Document, Section

FRONT_TITLE = "导语与目录"
MIN_MENTIONS = 2  # place names a body needs before it may name the province of a title-less report
OVERRULE_MENTIONS = 3  # place names, all of one other province, a body needs to overrule its heading
INFER_SHARE = 0.75  # share of a body's place names one province needs to name a title-less report
DRIFT_MENTIONS, DRIFT_CHARS = 3, 300  # a section's tail that names another province this often and this long
MAX_SHARE = 0.5  # one section of a file of 3+ reports holding more of the text is suspicious


@dataclass(frozen=True)
class _Line:
    start: int
    text: str


@dataclass(frozen=True)
class _Head:
    line: _Line
    heading: layout.Heading
    province: str | None
    appendix: bool
    toc_page: int | None = None


def _lines(text: str) -> list[_Line]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append(_Line(start, line))
        start += len(line) + 1
    return out


def split_sections(doc: Document) -> list[Section]:
    text = doc.text
    if not text.strip():
        return []
    lines = _lines(text)
    toc = [e for l in lines if (e := layout.toc_entry(l.text))]
    heads = _attach_toc_pages(_report_heads(lines, toc), toc)
    if any(not h.appendix for h in heads):
        sections = _check_share(_build(doc, heads), len(text.strip()))
    else:
        whole = _whole_file(doc, lines)
        sections = _roundup(doc, lines, whole) or [whole]
    return _check_single(sections, text)


# ---------------------------------------------------------------- headings

@dataclass(frozen=True)
class _Cand:
    line: _Line
    heading: layout.Heading
    province: str | None
    shaped: bool  # shaped like a title; False for a numbered sentence, kept as evidence of a list


def _candidates(lines: list[_Line], toc_titles: list[str]) -> list[_Cand]:
    out = []
    filled = [l for l in lines if l.text.strip()]
    below = {a.start: b for a, b in zip(filled, filled[1:])}
    for line in lines:
        h = layout.parse_heading(line.text)
        if h is None:
            continue
        if h.form == "plain" and _place_colon(h.title):
            h = replace(h, form="colon")
        elif h.form == "plain" and (title := _place_over_title(h.title, below.get(line.start))):
            h = replace(h, form="place", title=title)
        shaped = h.appendix or _title_shaped(h) or _in_toc(h.title, toc_titles)
        if not shaped and (run_in := _run_in_title(h)):
            h, shaped = replace(h, title=run_in), True
        if shaped or h.numbered:
            out.append(_Cand(line, h, None if h.appendix else heading_province(h.title), shaped))
    return out


def _run_in_title(h: layout.Heading) -> str | None:
    """【福建】2月5日，福建省委、省政府召开…大会。…: a digest's paragraph that opens with its
    place in brackets is a report; its title is the bracket and the first sentence."""
    m = layout.BRACKET.match(h.title)
    if not m or "bracket" not in h.form or len(m.group(1)) > 8 or province_at_start(m.group(1), cities=True) is None:
        return None
    first = re.split(r"[。！？；]", h.title[m.end() :], maxsplit=1)[0]
    return f"{m.group()}{first}" if first else None


def _place_over_title(place: str, next_line: _Line | None) -> str | None:
    """广东省 / 全省高质量发展大会召开: a line that only names a province, over a title that names
    none, heads a report; its title is the two (广东省：全省高质量发展大会召开)."""
    if next_line is None or len(place) > 8 or province_of(place) is None:
        return None
    h = layout.parse_heading(next_line.text)
    if h is None or h.marked or not layout.plain_title(h.title) or heading_province(h.title):
        return None
    return f"{place}：{h.title}"


def _place_colon(title: str) -> bool:
    """ "广东：推进高质量发展": a digest's short heading, a place and a colon before its topic."""
    head, colon, rest = title.partition("：") if "：" in title else title.partition(":")
    return bool(colon) and 0 < len(head) <= 8 and len(title) <= 40 and province_at_start(head, cities=True) is not None


def _title_shaped(h: layout.Heading) -> bool:
    if layout.is_sentence(h.title) or len(h.title) > 150:
        return False
    if h.marked:
        return True
    # a bare line: short, no sentence inside, and it names a meeting
    return len(h.title) <= 60 and "。" not in h.title and bool(layout.MEETING.search(h.title))


def _report_form(cands: list[_Cand]) -> str | None:
    forms = Counter(c.heading.form for c in cands if c.shaped and c.province and c.heading.marked and not c.heading.appendix)
    return max(forms, key=forms.get) if forms else None  # ties: the first seen (Counter keeps order)


def _report_heads(lines: list[_Line], toc: list[layout.TocEntry]) -> list[_Head]:
    toc_titles = [layout.squeeze(e.title) for e in toc if not e.appendix]
    cands = _candidates(lines, toc_titles)
    form = _report_form(cands)
    numbers = [c.heading.number for c in cands if c.shaped and c.province and c.heading.form == form and c.heading.numbered]
    heads: list[_Head] = []
    current = None  # the province of the report we are in
    last_number = 0  # the number of the report we are in
    in_list = None  # the number of the last item of a numbered list inside it
    for i, c in enumerate(cands):
        h, province = c.heading, c.province
        if h.appendix:
            if current is not None:
                heads.append(_Head(c.line, h, None, True))
            continue
        meeting = bool(layout.MEETING.search(h.title))
        if not c.shaped:
            reject = True
        elif _in_toc(h.title, toc_titles):
            reject = False
        elif province:
            same = province == current
            reject = (
                (same and not meeting)  # a point inside the report it stands in: "2. 广东要…"
                or (not same and h.form != form and not meeting)  # a place in a sub-heading or list of another shape
                # "2. 江苏等地的经验…" inside report 1: it goes on a list, or breaks the run of report numbers
                or (h.numbered and (same or not meeting)
                    and ((in_list is not None and h.number == in_list + 1)
                         or _list_item(h.number, last_number, _next_meeting_number(cands, i, form))))
            )
        elif h.form == form and h.marked and meeting and len(h.title) >= 8:
            later = [n for n in numbers if n > last_number]
            # a heading with no place must fit between the report numbers around it
            reject = h.numbered and not (last_number < h.number and (not later or h.number < min(later)))
        else:
            reject = True
        if reject:
            if h.numbered and h.form == form:
                in_list = h.number
            continue
        heads.append(_Head(c.line, h, province, False))
        current = province or UNKNOWN_PROVINCE
        last_number = h.number or last_number
        in_list = None
    return heads


def _next_meeting_number(cands: list[_Cand], i: int, form: str | None) -> int | None:
    """The number of the next heading of the report form that names a place and a meeting."""
    for c in cands[i + 1 :]:
        h = c.heading
        if c.shaped and c.province and h.form == form and h.numbered and layout.MEETING.search(h.title):
            return h.number
    return None


def _list_item(number: int, last: int, following: int | None) -> bool:
    """A numbered line that breaks the run of report numbers: one that does not rise above the
    report it stands in (5, then 1), or that the next report does not rise above (1, then 2 or 3,
    then 2). A gap (4, 6, 7) keeps the run. Asked of lines that name no meeting, or the place of
    the report they stand in; a new place naming its meeting may restart the numbering (9, then 1)."""
    return number <= last or (following is not None and following <= number)


def _in_toc(title: str, toc_titles: list[str]) -> bool:
    t = layout.squeeze(title)
    return len(t) >= 6 and any(e == t or (len(e) >= 6 and (e.startswith(t) or t.startswith(e))) for e in toc_titles)


def _attach_toc_pages(heads: list[_Head], toc: list[layout.TocEntry]) -> list[_Head]:
    """Each heading's page from the table of contents, matched by title in order, else by position."""
    out, at = [], 0
    for head in heads:
        title = layout.squeeze(head.heading.title)
        found = None
        for k in range(at, len(toc)):
            entry = toc[k]
            if entry.appendix == head.appendix and _in_toc(title, [layout.squeeze(entry.title)]):
                found = k
                break
        if found is None and at < len(toc) and toc[at].appendix == head.appendix:
            same_number = head.appendix or toc[at].number == head.heading.number
            found = at if same_number else None
        if found is not None:
            head = replace(head, toc_page=toc[found].page)
            at = found + 1
        out.append(head)
    return out


# ---------------------------------------------------------------- sections

def _labels(heads: list[_Head]) -> list[tuple[int, str]]:
    reports = [h for h in heads if not h.appendix]
    numbers = [h.heading.number for h in reports]
    own = all(n is not None for n in numbers) and len(set(numbers)) == len(numbers)
    out, number, ordinal, appendix = [], 0, 0, 0
    for h in heads:
        if h.appendix:
            appendix += 1
            out.append((number, f"{number}-附{appendix}"))
        else:
            ordinal += 1
            number, appendix = (h.heading.number if own else ordinal), 0
            out.append((number, str(number)))
    return out


def _groups(text: str, heads: list[_Head]) -> dict[int, tuple[int, str]]:
    """一、科技创新大会 over （一）湖北：… and （二）陕西：…: a bulletin that groups its reports by
    theme heads each group with a heading of its own form that names no place. It belongs to no
    one report (not to the end of the one before it): per report index, where the group
    headings right above it begin, and their titles. A form counts as a group's only when every
    line of it after the first report stands in such a run, one line to a form: the numbered
    points that end a report (1. …, 2. …) do not."""
    forms = {h.heading.form for h in heads if not h.appendix}
    at_head = {h.line.start: i for i, h in enumerate(heads) if not h.appendix}
    lines = [l for l in _lines(text) if l.text.strip()]

    def shaped(line: _Line) -> layout.Heading | None:
        h = layout.parse_heading(line.text)
        if (h is None or not h.marked or h.appendix or h.form in forms or line.start in at_head or len(h.title) > 30
                or layout.is_sentence(h.title) or heading_province(h.title)):
            return None
        return h

    runs: dict[int, list[tuple[_Line, layout.Heading]]] = {}  # report index -> the headings right above it
    for k, line in enumerate(lines):
        if line.start not in at_head:
            continue
        run = []
        for above in reversed(lines[:k]):
            if (h := shaped(above)) is None:
                break
            run.insert(0, (above, h))
        if run and len({h.form for _, h in run}) == len(run):
            runs[at_head[line.start]] = run
    in_runs = {line.start for run in runs.values() for line, _ in run}
    first = heads[0].line.start
    stray = {h.form for line in lines if line.start > first and line.start not in in_runs and (h := shaped(line))}
    return {i: (run[0][0].start, "·".join(h.title for _, h in run)) for i, run in runs.items()
            if not any(h.form in stray for _, h in run)}


def _build(doc: Document, heads: list[_Head]) -> list[Section]:
    text = doc.text
    sections: list[Section] = []
    groups = _groups(text, heads)
    first = groups.get(0, (heads[0].line.start,))[0]
    if text[:first].strip():
        sections.append(_section(doc, None, FRONT_PROVINCE, FRONT_PROVINCE, FRONT_TITLE, "front", 0, first, None))
    province = UNKNOWN_PROVINCE
    for i, (head, (number, label)) in enumerate(zip(heads, _labels(heads))):
        if i in groups:
            at, title = groups[i]
            sections.append(_section(doc, None, FRONT_PROVINCE, FRONT_PROVINCE, title, "front", at, head.line.start, None))
        end = groups.get(i + 1, (heads[i + 1].line.start,))[0] if i + 1 < len(heads) else len(text)
        body = text[head.line.start + len(head.line.text) : end]
        title = head.heading.title.rstrip("：:").strip() if head.appendix else head.heading.title
        if head.appendix:
            province, warnings = _check_body(province if province != UNKNOWN_PROVINCE else None, body)
        else:
            province, warnings = _check_body(head.province, body)
        kind = "appendix" if head.appendix else "report"
        colophon = _colophon(text, head.line.start, end) if i + 1 == len(heads) else end
        sections.append(_section(doc, number, label, province, title, kind, head.line.start, colophon, head.toc_page, warnings))
        if colophon < end:
            sections.append(_section(doc, None, FRONT_PROVINCE, FRONT_PROVINCE, COLOPHON_TITLE, "front", colophon, end, None))
    return sections


COLOPHON_TITLE = "编辑与发送"
# 责任编辑：王明 / 电话：0531—… / 报送：… at a bulletin's end: its own, not the last report's
_COLOPHON_LINE = re.compile(r"[（(]?(?:责任编辑|编辑|责编|审核|审稿|校对|签发|(?:联系)?电话|传真|地址|邮编|邮箱|E-?mail|联系人|报送|抄送|发送|印发|主办|承办|编印)\s*[:：]")


def _colophon(text: str, start: int, end: int) -> int:
    """Where the run of colophon lines that ends the file begins (`end` when there is none)."""
    at = end
    for m in reversed(list(re.finditer(r"[^\n]*\n?", text[start:end]))):
        line = m.group().strip()
        if not line:
            continue
        if not _COLOPHON_LINE.match(line):
            break
        at = start + m.start()
    return at if text[start:at].strip() else end


def _section(doc, number, label, province, title, kind, start, end, toc_page, warnings=()) -> Section:
    end = _rstrip_end(doc.text, start, end)
    page, exact = toc_page, False
    if doc.page_starts:
        page, exact = page_at(doc.page_starts, start), True
    return Section(doc.name, number, label, province, title, kind, page, start, end, exact, tuple(warnings))


def page_at(page_starts, offset: int) -> int | None:
    page = None
    for at, p in page_starts:
        if at > offset:
            break
        page = p
    return page


def _whole_file(doc: Document, lines: list[_Line]) -> Section:
    """A file without report headings is one report; its first heading, else its first line shaped
    like a title, else its first line, is the title."""
    filled = [l for l in lines if l.text.strip()]
    marked = [l for l in filled[:10] if (h := layout.parse_heading(l.text)) and h.marked and not h.appendix]
    # (a line that names the meeting before the issuer's line above it: 河南省人民政府办公厅 政务动态)
    titled = [l for l in filled[:5] if layout.plain_title(l.text)]
    # (在全省…大会上的讲话 over 一、充分肯定…: a numbered heading below a title is a part of the text)
    marked = [l for l in marked if not (titled and titled[0].start < l.start and layout.parse_heading(l.text).numbered)]
    first = (marked or titled or filled)[0]
    h = layout.parse_heading(first.text)
    title = h.title if h else first.text.strip()
    province = heading_province(title)
    site = province_at_start(doc.site) if not province and doc.site else None  # 我省召开…, on 湖北省人民政府门户网站
    province, warnings = _check_body(province or site, doc.text[first.start + len(first.text) :])
    if site and province == site:
        warnings += (f"heading names no province: filed under {site}, the province of the site it comes from ({doc.site})",)
    return _section(doc, 1, "1", province, title, "report", 0, len(doc.text), None, warnings)


# 在广东，…; 浙江把目光投向…; 而在四川，…: a roundup's paragraph opens with the place it tells of
_LEAD_IN = re.compile(r"^[\s　]*(?:而|再)?(?:在|看|来到|转向)?")
# 各地新春第一会议题各有侧重: a paragraph that speaks of the places together is the roundup's own
_MARKUP_LEAD = re.compile(r"^[*_#>【\[]+")
_TOGETHER = re.compile(r"各地|多地|各省|多省|各个?省份|多个省|多个地方|这些省份|不少省份")


def _roundup(doc: Document, lines: list[_Line], whole: Section) -> list[Section] | None:
    """A file with no report headings whose paragraphs open with the places they tell of, one
    after another (a news agency's roundup of the day's meetings), is read as one report per run
    of paragraphs, each filed under the province it opens with; the paragraphs before the first
    and those that speak of the places together are its overview. None when it is no roundup."""
    if whole.province != UNKNOWN_PROVINCE:
        return None
    paragraphs = [l for l in lines if l.text.strip()]  # (a title holds no sentence: it is the overview's)
    owner: list[str] = []
    for line in paragraphs:
        text = _MARKUP_LEAD.sub("", line.text.strip())  # (**广东**：…, 【广东】…)
        opening = re.split(r"[，,。]", text, maxsplit=1)[0]
        # (湖北、山东、福建等多地…: a paragraph that opens with several places is the overview's)
        alone = "。" in text and len(provinces_in(opening)) < 2 and not _TOGETHER.search(opening)
        lead = province_at_start(text[_LEAD_IN.match(text).end() :], cities=True) if alone else None
        if lead:
            owner.append(lead)
        elif owner and owner[-1] != FRONT_PROVINCE and not _TOGETHER.search(text.split("。")[0]) and len(provinces_in(text)) < 2:
            owner.append(owner[-1])  # 他强调，…: the paragraph goes on with the place before it
        else:
            owner.append(FRONT_PROVINCE)
    if len(set(owner) - {FRONT_PROVINCE}) < 2:
        return None
    sections, number, start = [], 0, 0
    for i, p in enumerate(owner):
        end = paragraphs[i + 1].start if i + 1 < len(paragraphs) else len(doc.text)
        if i + 1 < len(paragraphs) and owner[i + 1] == p:
            continue
        if p == FRONT_PROVINCE:
            sections.append(_section(doc, None, FRONT_PROVINCE, FRONT_PROVINCE, whole.title, "front", start, end, None))
        else:
            number += 1
            warning = () if number > 1 else ("no report headings, but its paragraphs open with the places they tell of: "
                                             "read as a roundup, each run of paragraphs filed under the province it opens with",)
            sections.append(_section(doc, number, str(number), p, whole.title, "report", start, end, None, warning))
        start = end
    return sections


def _check_single(sections: list[Section], text: str) -> list[Section]:
    """A file read as one report whose text names other provinces (two or more) more than twice
    as often as its own may hold several reports whose headings were not recognised."""
    reports = [s for s in sections if s.kind == "report"]
    if len(reports) != 1 or reports[0].province == UNKNOWN_PROVINCE:
        return sections
    report = reports[0]
    counts = province_counts(text[report.start : report.end])
    others = [(p, n) for p, n in counts.most_common() if p != report.province]
    if len(others) < 2 or sum(n for _, n in others) <= 2 * counts[report.province]:
        return sections
    named = ", ".join(f"{p} {n}" for p, n in others[:4])
    warning = (f"the only report, but it names other provinces ({named}) far more often than {report.province} "
               f"({counts[report.province]}): if the file holds several reports, their headings were not recognised")
    return [replace(s, warnings=s.warnings + (warning,)) if s is report else s for s in sections]


def _check_body(province: str | None, body: str) -> tuple[str, tuple[str, ...]]:
    """The province to file a section under, given its heading's and its body's place names."""
    found = mentions(body)
    counts = Counter(m.province for m in found)
    total = sum(counts.values())
    top, n = counts.most_common(1)[0] if counts else (None, 0)
    if province:
        if total >= OVERRULE_MENTIONS and counts[province] == 0 and len(counts) == 1:
            return top, (f"heading names {province} but every place in the body is in {top} ({n} mentions): filed under {top}",)
        return province, _drift(province, body, found)
    if total >= MIN_MENTIONS and n >= INFER_SHARE * total:
        return top, (f"heading names no province: filed under {top}, which {n} of the body's {total} place names name",)
    named = "none" if not counts else ", ".join(f"{p} {c}" for p, c in counts.most_common(4))
    return UNKNOWN_PROVINCE, (f"province unknown: the heading names none and the body's place names do not agree ({named})",)


def _drift(province: str, body: str, found) -> tuple[str, ...]:
    """A warning when the body's tail never names the section's province but keeps naming another:
    the heading of the report that tail belongs to was not recognised."""
    own = [m.end for m in found if m.province == province]
    cut = body.find("\n", own[-1]) if own else 0
    if cut < 0:
        return ()
    tail = Counter(m.province for m in found if m.start > cut)
    if sum(tail.values()) >= DRIFT_MENTIONS and len(body) - cut >= DRIFT_CHARS:
        named = ", ".join(f"{p} {n}" for p, n in tail.most_common(3))
        start = body[cut:].strip()[:16]
        return (f"its last {len(body) - cut} characters never name {province} but name {named} times: "
                f"a report heading may have been missed before “{start}…”",)
    return ()


def _check_share(sections: list[Section], size: int) -> list[Section]:
    reports = [s for s in sections if s.kind == "report"]
    if len(reports) < 3 or not size:
        return sections
    out = []
    for s in sections:
        share = (s.end - s.start) / size
        if share > MAX_SHARE:
            s = replace(s, warnings=s.warnings + (f"holds {share:.0%} of a file of {len(reports)} reports: a heading may have been missed",))
        out.append(s)
    return out


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
