"""Answers the fact strategy reaches when no single sentence holds the fact as asked.

The genre has habits a sentence-by-sentence reading misses: slogans carry their number
in their name (“三个高地”), a report is one meeting, so what was said at it names it,
and a set is often spelled out one item per sentence (一要坚定不移…。二要坚定不移…。).
Each function returns a Reply or None, and quotes only verbatim slices of passages.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby

from ..layout import LIST_MARK, numeral
from ..meetings import HELD
from ..retrieval import Candidate
from . import spans
from .context import AnswerContext, Reply, answers_kind, asks_expansion, bare, direct_span, holds_predicate, holds_terms, is_relevant
from .quotes import Pick, quoted


def numbered_name(ctx: AnswerContext, picks: list[Pick]) -> Reply | None:
    """几个“高地”: the sentence that names “三个高地” answers 三个; “几化” is answered by 五化."""
    q = ctx.question
    unit, name = q.numbered
    # (“六地”, 一体两核多点: a slogan may leave the measure word out; “一区几中心”, “几确保几率先”:
    # each question word inside the name stands for a number, 一区两中心, 两确保一率先)
    body = re.sub(r"几|多少", rf"[{spans.CN_DIGITS}\\d]+", re.escape(name))
    pattern = re.compile(body if body != re.escape(name) else rf"([{spans.CN_DIGITS}\d]+)\s*({re.escape(unit)})?\s*[“\"]?{body}")
    for p in picks:
        m = pattern.search(p.text)
        if m and is_relevant(ctx, p.candidate, p.text):
            end = m.end(2) if pattern.groups and m.group(2) else m.end()
            return Reply([ctx.quote_line(p)], direct=(p, m.start(1) if pattern.groups else m.start(), end), provinces=q.provinces)
    # 分几个“抓”来落实: the report lists them (隐患抓排查，方法抓落实，机制抓责任) without a number
    for p in picks:
        if len(name) <= 2 and p.text.count(name) >= 2 and is_relevant(ctx, p.candidate, p.text):
            return Reply([f"报道未给出数目，列出的是：\n{ctx.quote_line(p)}"], provinces=q.provinces)
    return None


def when_or_where_held(ctx: AnswerContext, described: Pick,
                       rank: Callable[[AnswerContext, list[Candidate]], list[Pick]]) -> Reply | None:
    """杨博通报考核情况的那次会是什么时候开的: the question names the meeting by something
    said at it. The passage that says it belongs to one report, and a report is one
    meeting: its date (from the meeting record) or its venue (from the report's opening)
    answers, quoted with the sentence that identified the meeting. An appendix that opens
    on an event of its own (2月20日，省政府举办…新闻发布会) answers for what it reports."""
    q, r = ctx.question, ctx.retrieved
    # (an event asked for by what was said at it has no predicate of its own: qa/question.py)
    if q.kind not in ("date", "place") or not (q.about_meeting or q.at_event) or q.predicate not in ((), ("召开",)):
        return None
    if not is_relevant(ctx, described.candidate, described.text):
        return None
    chunk = described.candidate.chunk
    # 落实省委十一届六次全会…部署: a sentence that names the meeting asked for as another
    # meeting's business does not make it the report's meeting
    report = next((m for m, _ in r.meetings if (m.doc, m.province) == (chunk.doc, chunk.province)), None)
    if (q.meeting_words and all(w in described.text for w in q.meeting_words)
            and not (report and all(w in report.title + report.theme for w in q.meeting_words))):
        return None
    candidates = []
    own = r.section_openings.get((chunk.doc, chunk.section))
    if own is not None and chunk.kind == "appendix":
        candidates += [p for p in rank(ctx, [own]) if HELD.search(p.text)]
    record = next((located for m, located in r.meetings if (m.doc, m.province) == (chunk.doc, chunk.province)), {})
    if not candidates and q.kind == "date" and "date" in record:
        c, a, b = record["date"]
        candidates = [Pick(c, a, b, c.score)]
    opening = r.openings.get(chunk.province)
    if not candidates and opening is not None and opening.chunk.doc == chunk.doc:
        candidates += [p for p in rank(ctx, [opening]) if HELD.search(p.text)]
    held = next((p for p in candidates if answers_kind(q, p.text)), None)
    if held is None or held.candidate.chunk.id == chunk.id and held.start == described.start:
        return None
    lines = [ctx.quote_line(held)]
    said = ctx.citations.add(described)
    lines.append(f"（问到的会议见同一报道：{quoted(said, described.text)}）")
    return Reply(lines, direct=direct_span(q, held, r.weights), provinces=(chunk.province,))


# 各设区市和部分县（市、区）: places named by their level, not one by one
_LEVELS_NAMED = re.compile(r"(?:各|部分|所有|全省各|全市各)(?:设区)?(?:市|县|区|州|地)")


def places_by_level(ctx: AnswerContext, ranked: list[Pick]) -> Reply | None:
    """还有哪些地方同步搞了开工: the report answers with levels (各设区市和部分县), which no
    place-name span finds; the best sentence that says what was asked and names them answers,
    with no single name in bold."""
    q = ctx.question
    if q.kind != "place" or not q.plural or not q.predicate:
        return None
    for p in ranked[: 2 * ctx.settings.quote_pool]:
        if _LEVELS_NAMED.search(p.text) and holds_predicate(ctx, p.text) and is_relevant(ctx, p.candidate, p.text):
            return Reply([ctx.quote_line(p)], provinces=q.provinces)
    return None


MAX_RUN = 8  # sentences: a set of more items is rarely asked for whole


def spelled_over_sentences(ctx: AnswerContext, pool: list[Candidate]) -> Reply | None:
    """哪几个“坚定不移”: consecutive sentences of one passage that each carry the quoted
    term (一要坚定不移…。二要坚定不移…。) spell the set out together; quoted as one run."""
    q = ctx.question
    terms = [bare(t) for t in q.quoted if len(bare(t)) >= 2]
    for c in pool:
        text = c.chunk.text
        for holds, group in groupby(c.sentences, key=lambda s: any(t in bare(text[s.start : s.end]) for t in terms)):
            group = list(group)
            runs = [group[i : i + MAX_RUN] for i in range(0, len(group), MAX_RUN)] if holds else []
            for run in (r for r in runs if len(r) >= 2):
                pick = Pick(c, run[0].start, run[-1].end, c.score)
                if is_relevant(ctx, c, pick.text):
                    return Reply([ctx.quote_line(pick)], provinces=q.provinces)
    return None


# 要打造哪五个方面的营商环境, 有哪几项任务: the items of a set, asked for by their count or 哪些方面
_ASKS_ITEMS = re.compile(rf"哪(?:几|[{spans.CN_DIGITS}])(?:个|项|条|点|大)?(?:方面|项|条|点|件|类|种)|哪些方面")
# 一要…, 二是…, （三）…, 第四，…: a sentence that opens an item of a numbered set
_ITEM_MARK = re.compile(r"^[（(]?([一二三四五六七八九十])[）)]?(?:要|是|在|抓|、)|^第([一二三四五六七八九十])[，、,：:是]")
_ITEM_NUMERALS = "一二三四五六七八九十"
# 首先，…其次，…此外，还要…同时，还要…: items marked by their order, not their number
_ITEM_ORDER = re.compile(r"^(?:(首先)|(其次)|(再次)|此外|另外|同时|最后)[，,]")
_COUNTED_NAME = re.compile(rf"[{spans.CN_DIGITS}]+(?=[个项条大])")


def enumerated(ctx: AnswerContext, best: Pick) -> Reply | None:
    """A set the report spells out item by item (一要打造…政务环境。…二要打造…要素环境。):
    the numbered sentences of the best passage's section, quoted in order, each passage's
    items as one quote."""
    q = ctx.question
    if q.kind:
        return None
    # (做好哪“四个强化四个抓”: a quoted set that counts its items asks for them)
    asked = _ASKS_ITEMS.search(q.text) or (asks_expansion(q) and next(filter(None, (_COUNTED_NAME.match(t) for t in q.quoted)), None))
    if not asked:
        return None
    home = (best.candidate.chunk.doc, best.candidate.chunk.section)
    passages = sorted({c.chunk.id: c for c in ctx.retrieved.ranked if (c.chunk.doc, c.chunk.section) == home}.values(), key=lambda c: c.chunk.start)
    items = []  # (passage, sentence, its number)
    for c in passages:
        for s in c.sentences:  # (in the passage's order)
            if m := _ITEM_MARK.match(c.text(s)):
                items.append((c, s, numeral(m.group(1) or m.group(2))))
            elif m := _ITEM_ORDER.match(c.text(s)):
                # (首先, 其次, 再次 say their place; 此外, 同时 follow the item before)
                items.append((c, s, m.lastindex or (items[-1][2] + 1 if items else 0)))
    runs, run = [], []
    for item in items:
        if run and item[2] == run[-1][2] + 1 and item[0].chunk.start >= run[-1][0].chunk.start:
            run.append(item)
        else:
            runs.append(run)
            run = [item] if item[2] == 1 else []
    runs = [r for r in [*runs, run] if len(r) >= 2]
    count = next((numeral(ch) for ch in asked.group(0) if ch in _ITEM_NUMERALS), None)
    runs = [r for r in runs if count is None or len(r) == count]
    if not runs:
        return None
    run = max(runs, key=len)
    # 法治环境要完善哪几项机制: a question the best item answers asks inside that item
    # (希望企业成为哪几方面的“主体”: or a sentence between the items, that tells one of them)
    groups = [list(g) for _, g in groupby(run, key=lambda item: item[0].chunk.id)]
    if any(g[0][0].chunk.id == best.candidate.chunk.id and g[0][1].start <= best.start < g[-1][1].end for g in groups):
        return None
    # the set must be what was asked about: its items, and what leads up to them in their
    # passage (韩俊指出，营商环境…。一要打造…), hold the question's words
    first, at = run[0][0], run[0][1].start
    text = first.chunk.text[:at] + "".join(c.text(s) for c, s, _ in run)
    if not holds_terms(ctx, text, 0.5):
        return None
    return Reply([ctx.quote_line(Pick(g[0][0], g[0][1].start, g[-1][1].end, g[0][0].score)) for g in groups], provinces=q.provinces)


UNDER_HEADING = 8  # sentences: a heading's list, not the rest of the report


def is_subheading(text: str, start: int) -> bool:
    """## 主要数据: the sentence at `start` is a Markdown heading's line."""
    return text.startswith("#", text.rfind("\n", 0, start) + 1)


def under_heading(ctx: AnswerContext, best: Pick) -> Reply | None:
    """陕西的会有哪些数据 — ## 主要数据 over - …；- …。: a heading picked as the best quote names
    what the lines under it say; those lines, to the next heading, are quoted instead."""
    c = best.candidate
    if ctx.question.kind or not is_subheading(c.chunk.text, best.start):
        return None
    text, items = c.chunk.text, []
    for s in (s for s in c.sentences if s.start >= best.end):
        # (to the next heading, or past a paragraph that is no list's item: the report goes on)
        listed = LIST_MARK.match(text, text.rfind("\n", 0, s.start) + 1)
        if is_subheading(text, s.start) or len(items) == UNDER_HEADING or items and "\n\n" in text[items[-1].end : s.start] and not listed:
            break
        items.append(s)
    if not items:
        return None
    return Reply([ctx.quote_line(Pick(c, items[0].start, items[-1].end, best.score))], provinces=ctx.question.provinces)
