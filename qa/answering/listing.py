"""Questions across places: "which provinces", and comparisons of named provinces."""
from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from ..asking import LOCAL_WHICH
from ..gazetteer import provinces_in
from ..meetings import HELD
from ..phrases import holds_phrases, run_holding
from ..predicate import predicate
from ..question import read_question
from ..retrieval import ALL_WORDS
from ..schema import FRONT_PROVINCE
from . import spans
from .context import AnswerContext, Reply, bare, direct_span, figure_fits_clause, is_relevant, kind_spans, missing_fact, provinces_head
from .counting import KINDS, lists_a
from .facts import answer_fact, rank_sentences
from .quotes import Pick, best_pick, opening_pick, quoted, sentence_pick


def answer_which(ctx: AnswerContext) -> Reply:
    """One quote from every province that speaks of the topic.

    A province counts when its best sentence scores within `which_gap` of the best
    province's and holds some of the question's key words: on the e5 scale the gap
    separates the provinces that say it from those that merely sound alike. The same
    province in two documents is two sources.
    """
    if ctx.question.absent:
        return _not_naming(ctx)
    if ctx.question.counts_provinces and (stated := _stated_count(ctx)):
        return stated
    if (editor := _editor_says(ctx)) is not None:
        return editor
    s = ctx.settings
    best = [c for c in ctx.retrieved.province_best if c.chunk.province not in ctx.question.excluded]
    if not best and ctx.question.quoted and (n := ctx.retrieved.reports_read):
        # (哪些省提到了浙江大学: every passage was read for it)
        said = "”“".join(ctx.question.quoted)
        return Reply([], abstained=True, reason=f"逐篇查找原文，所查的{n}篇报道都没有出现“{said}”。")
    if not best:
        return Reply([], abstained=True)
    top = best[0].best.score
    # a phrase asked for as written: every province that holds it (retrieval kept only those)
    # when some report writes every key word asked, one that writes few of them (投入 for 研发投入)
    # speaks of something else: it must hold as many as a relevant passage does
    floor = s.min_coverage if any(c.best.coverage >= ALL_WORDS for c in best) else s.which_min_coverage
    found = best if ctx.question.quoted else [c for c in best if c.best.score >= top - s.which_gap and c.best.coverage >= floor
                                              or c.best.coverage >= ALL_WORDS]
    if not found or not is_relevant(ctx, found[0], found[0].text(found[0].best)):
        return Reply([], abstained=True)
    q = ctx.question
    if (local := LOCAL_WHICH.search(q.text)) and not local.group().endswith(("地方", "地区")) and len({c.chunk.province for c in found}) == 1:
        # 与会同志前往哪些市参观考察: the one province that says it is no answer; the cities it
        # names are, as asked of that province (四川与会同志前往哪些市…). (哪几个地方, with no
        # province named, asks for provinces: one found is the answer)
        local = answer_fact(replace(ctx, question=read_question(found[0].chunk.province + q.text)))
        if not local.abstained:
            return local
    quotes = {c.chunk.id: _holding(ctx, c) for c in found}
    if kind := _KIND_TOOK_PART.search(q.text):
        # 哪些省的会上有企业作交流发言: a province whose list of speakers names no firm did not say it
        found = [c for c in found if lists_a(quotes[c.chunk.id].text, kind.group(1))] or found
    lines = []
    for n, c in enumerate(found, 1):
        lines.append(f"{n}. {ctx.quote_line(quotes[c.chunk.id])}")
    names = _names(ctx, found)
    head = provinces_head(names, [c.chunk.province for c in found])
    return Reply([head] + lines, provinces=tuple(c.chunk.province for c in found))


def _not_naming(ctx: AnswerContext) -> Reply:
    """哪些省没有提到营商环境: the reports that never name it, each shown by its opening (there
    is no sentence to quote for what a report leaves out). Listing those that do name it, as
    a which-answer would, says the opposite of what was asked."""
    q = ctx.question
    silent, thing = [c for c in ctx.retrieved.silent if c.chunk.province not in q.excluded], q.absent
    if not silent:
        return Reply([f"所查的每篇报道都提到了“{thing}”。"])
    if len(ctx.retrieved.silent) == ctx.retrieved.reports_read:
        # (哪些省没有提到要优化营商环境: the phrase as the user put it, which no report writes,
        # tells none of them apart)
        return Reply([], abstained=True, reason=f"所查的{ctx.retrieved.reports_read}篇报道都没有出现“{thing}”这一说法，无法据此区分。")
    opening = [opening_pick(c) for c in silent]
    head = provinces_head(_names(ctx, silent), [c.chunk.province for c in silent])
    lines = [f"{head}（逐篇查找原文，这些报道都没有出现“{thing}”；以下是各篇报道的开头）"]
    lines += [f"{n}. {ctx.quote_line(p)}" for n, p in enumerate(opening, 1)]
    return Reply(lines, provinces=tuple(c.chunk.province for c in silent))


# 有企业作交流发言, 有高校参会: a kind of member took part (a kind of two characters: 有市县
# 作交流发言 is written 市县, no list of cities)
_KIND_TOOK_PART = re.compile("有(" + "|".join(k for k in KINDS if len(k) > 1) + r")[\u4e00-\u9fff]{0,4}?(?:作|做|发言|参会|参加|出席|汇报|在会上)")

# 湖南、黑龙江、甘肃三省, 14个省市: a count of provinces as a report writes it
_PROVINCE_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)个?(?:省份|省区市|省市|省|地)(?![委长级会内外属])")


def _stated_count(ctx: AnswerContext) -> Reply | None:
    """编者说有几个省提到了解放思想大讨论: a count the documents state, in a clause that
    holds every predicate word asked, answers before any list of ours."""
    asked = predicate(ctx.question.text, "figure")
    if not asked:
        return None
    for c in ctx.pool:
        for t in c.sentences:
            text = c.text(t)
            for m in _PROVINCE_COUNT.finditer(text):
                if all(w in spans.clause_of(m.span(), text) for w in asked):
                    pick = Pick(c, t.start, t.end, t.score)
                    return Reply([ctx.quote_line(pick)], direct=(pick, *m.span()), provinces=(c.chunk.province,))
    return None


# 编者按里说哪几个省…, 按编者的说法, 导语里说: the editor's overview is asked, not the reports
# (不看编者按 is the opposite)
_EDITOR = re.compile(r"(?<!不看)(?<!不算)(?<!除了)(?<!撇开)(?:编者按|编者|按语|导语|前言|引言)")
# (前言里的归纳: what the user calls the editor's act holds no word of the topic; 概括, 总结
# and 说法 never reach the key words)
_EDITOR_ACTS = re.compile(r"归纳|梳理|盘点|提炼")


def _editor_says(ctx: AnswerContext) -> Reply | None:
    """编者按里说哪几个省提到了解放思想大讨论: the provinces the overview names in the clause
    that says it (…，湖南、黑龙江、甘肃三省提到了解放思想大讨论，…), not those whose reports
    sound alike. The clause must hold most of the question's key words, by weight."""
    if not _EDITOR.search(ctx.question.text):
        return None
    weights = {w: ctx.retrieved.weights.get(w, 0.0) for w in ctx.question.terms if len(w) > 1 and not _EDITOR.fullmatch(w) and not _EDITOR_ACTS.fullmatch(w)}
    total = sum(weights.values())
    if not total:
        return None
    best = None
    for c in ctx.retrieved.by_province(FRONT_PROVINCE):
        for t in c.sentences:
            text = c.text(t)
            for m in re.finditer(r"[^，；。]+", text):
                share = sum(w for word, w in weights.items() if word in m.group()) / total
                named = provinces_in(m.group(), cities=False)
                if named and share >= ctx.settings.min_coverage and (best is None or share > best[0]):
                    best = (share, sentence_pick(c, t), named)
    if best is None:
        return None
    _, pick, named = best
    return Reply([provinces_head(named, named), ctx.quote_line(pick)], provinces=tuple(named))


def _holding(ctx: AnswerContext, c):
    """The passage's best sentence; asked for a phrase as written, its best sentence that
    holds it (the passage was found by that sentence, another may score higher)."""
    q = ctx.question
    # (the filter retrieval chose the province by: qa/retrieval.py::_province_best)
    fitting = [t for t in c.sentences if q.quoted and holds_phrases(q.quoted, c.text(t), q.quoted_any)]
    if fitting:
        return sentence_pick(c, max(fitting, key=lambda t: t.score))
    # (each phrase in a sentence of its own, one after another: the run retrieval kept it for)
    if q.quoted and not q.quoted_any and (run := run_holding(q.quoted, c.chunk.text, [(t.start, t.end) for t in c.sentences])):
        a, b = run
        return Pick(c, a, b, max(t.score for t in c.sentences if a <= t.start and t.end <= b))
    return best_pick(c)


def _names(ctx: AnswerContext, found) -> list[str]:
    if not ctx.with_doc:
        return list(dict.fromkeys(c.chunk.province for c in found))
    return list(dict.fromkeys(f"{c.chunk.province}（{c.chunk.doc_title or c.chunk.doc}）" for c in found))


def answer_compare(ctx: AnswerContext) -> Reply:
    """Each named province's two best passages, side by side. A question about the
    meetings themselves (主题, 形式, 时间…) also cites each report's opening. The same
    province in two documents is two sources, each on its own line."""
    q, r = ctx.question, ctx.retrieved
    lines = []
    pools = {}
    for p in q.provinces:
        found = r.by_province(p)
        docs = list(dict.fromkeys(c.chunk.doc for c in found)) if ctx.with_doc else [None]
        pools[p] = {doc: [c for c in found if doc is None or c.chunk.doc == doc][: ctx.settings.quote_pool] for doc in docs} if found else {}
    shared = _shared_picks(ctx, pools) if _ASKS_SHARED.search(q.text) and not _ASKS_EACH.search(q.text) else {}
    said = []  # each line's _compare_one: True relevant, False not, None gives no figure asked
    shown: dict[str, list[list[Pick]]] = {}
    for p in q.provinces:
        if not pools[p]:
            lines.append(f"{p}：资料中没有相关内容。")
            said.append(False)
            continue
        for doc, mine in pools[p].items():
            said.append(_compare_one(ctx, p, mine, lines, shared.get((p, doc)), shown.setdefault(p, [])))
    if not any(said):
        # (no report gives the figure asked: each says so, with what it does say)
        return Reply(["\n" + line for line in lines] if all(x is None for x in said) else [], abstained=True)
    more = _WHICH_MORE.search(q.text) if q.kind in (None, "figure") else None
    verdict = _larger(ctx, shown, more) if more else None
    return Reply(([verdict] if verdict else []) + lines, provinces=q.provinces)


# 哪个主会场参会人数更多, 哪边的数字更大: which side's figure is the larger (smaller) is asked
_WHICH_MORE = re.compile(r"(?:哪个|哪一个|哪边|哪方|哪家|谁)(?P<what>[^，,。？?]{0,16}?)(?:更|比较)?(?P<way>多|大|高|少|小|低)(?:一些|一点|些)?(?:呢)?(?=[？?，,。]|$)")
_SMALLER = "少小低"
# 达到500亿元 → 元, 约1000人 → 人: the unit after a figure's last digit, whatever leads it
_UNIT_AFTER = re.compile(r"^.*[\d零〇一二两三四五六七八九十百千万亿](?:余|多)?|(?:左右|以上|以内)+$")


def _larger(ctx: AnswerContext, shown: dict[str, list[list[Pick]]], more: re.Match) -> str | None:
    """湖南更高：湖南达到500亿元，天津300亿元 — the side whose figure is the larger (smaller), when
    each side's quotes give one figure of the same unit; None otherwise (the quotes are left
    to say it: 18 names listed against 6 are counted by no figure)."""
    # asked as the figure it compares (…总投资相比，哪个更大 → …总投资相比，是多少: 元, so the
    # counts of projects beside it are not weighed)
    text, way = ctx.question.text, more.group("way")
    q = read_question(text[: more.start()] + more.group("what") + "是多少？")
    q, found = q if q.kind == "figure" else replace(ctx.question, kind="figure"), {}
    # (the figure must count what is asked: its clause holds a word of the question few
    # passages hold; 680个 projects is no count of the units that spoke)
    words = ctx.rare_words or ctx.pool_terms

    def counts_it(d) -> bool:
        return d is not None and any(w in spans.clause_of((d[1], d[2]), d[0].text) for w in words)

    for p, lines in shown.items():
        figures = []
        for picks in lines:  # (one per document: a report that gives no figure has none)
            first = next((d for pick in picks if counts_it(d := direct_span(q, pick, ctx.retrieved.weights))), None)
            if first is not None:
                figure, said = first[0].text[first[1] : first[2]], first[0].text
                # (安排项目1508个…汇集项目370余个: two figures of one measure, and which is
                # compared is the reader's to see; no verdict)
                if sum(_UNIT_AFTER.sub("", said[a:b]) == _UNIT_AFTER.sub("", figure) for a, b in kind_spans(q, said)) > 1:
                    return None
                figures.append(figure)
        if len(figures) != 1 or (value := spans.amount(figures[0])) is None:
            return None
        found[p] = (value, figures[0])
    units = {_UNIT_AFTER.sub("", figure) for _, figure in found.values()}
    if len(found) < 2 or len(units) != 1:
        return None  # (人 against 人次, 个 against 亿元: not one measure)
    ranked = sorted(found, key=lambda p: found[p][0], reverse=way not in _SMALLER)
    sides = "，".join(f"{p}{found[p][1]}" for p in ranked)
    if found[ranked[0]][0] == found[ranked[1]][0]:
        return f"一样{way}：{sides}"
    return f"{ranked[0]}更{way}：{sides}"


# 两省都提出要打造什么样的中心, 共同点是什么: what the reports share is asked; not 都讲…，
# 各是怎么说的 (each one's own words on a shared topic), nor what sets them apart
_ASKS_SHARED = re.compile(r"共同|相同|(?<!不)一样|一致|都[^，,。？?]{0,12}?(?:什么|哪)")
_ASKS_EACH = re.compile(r"各|分别|不同|不一样|区别|差异|差别|哪个|哪一|谁|吗|是否|是不是")  # (一样吗: whether, of each one's words)
_SHARED_RUN = 6  # characters: a phrase, not a common word
_SHARED_MOST = 40  # sentences of a report weighed (each is matched against every other report's)
_SHARED_NOUN = re.compile(r"什么(?:样)?的?([\u4e00-\u9fff]{1,4}?)(?:[？?，,。]|$)")


def _shared_picks(ctx: AnswerContext, pools: dict) -> dict:
    """For each report, of its best sentences, the one that shares the longest run of words
    with another report's (具有全球影响力的产业科技创新中心, in both): what both said is
    written alike. None where no sentence shares a phrase of a few characters."""
    if noun := _SHARED_NOUN.search(ctx.question.text):
        # (要打造的是什么中心: of what each says, the sentences that name the kind of thing asked,
        # in every passage found of its report)
        found = {(p, doc): [c for c in ctx.retrieved.by_province(p) if doc is None or c.chunk.doc == doc] for p, docs in pools.items() for doc in docs}
        ranked = {key: [sentence_pick(c, t) for c in cs for t in c.sentences if noun.group(1) in c.text(t)][:_SHARED_MOST] for key, cs in found.items()}
    else:
        ranked = {(p, doc): rank_sentences(ctx, mine)[: 3 * ctx.settings.quote_pool] for p, docs in pools.items() for doc, mine in docs.items()}
    texts = {key: [bare(pick.text) for pick in picks] for key, picks in ranked.items()}
    # (a run that holds none of the question's words is the reports' common idiom, 深入学习贯彻…)
    words = [w for w in ctx.question.terms if len(w) > 1 and not provinces_in(w)]
    out = {}
    for key, picks in ranked.items():
        others = [t for other, ts in texts.items() if other[0] != key[0] for t in ts]
        score = [max((_common_run(t, o, words) for o in others), default=0) for t in texts[key]]
        if score and max(score) >= _SHARED_RUN:
            # (of those that share about as much, the one found first: a few characters more,
            # 加快 before the phrase, do not make another speaker's sentence the better quote)
            out[key] = next(pick for pick, n in zip(picks, score) if n >= 0.85 * max(score))
    return out


def _common_run(a: str, b: str, words: list[str]) -> int:
    """The longest run of characters a and b share that holds one of the words."""
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return max((m.size for m in blocks if any(w in a[m.a : m.a + m.size] for w in words)), default=0)


def _overview_of(ctx: AnswerContext, p: str, mine: list):
    """A sentence of the editor's overview about the province alone (江西连续 8 年新年伊始组织
    全省重大项目集中开工；) that matches the question better than any of its report's own:
    the overview sums up what the reports leave implicit. It must hold more of the question's
    key words, and match it more closely, than every sentence of the report."""
    own = max((t.score for c in mine for t in c.sentences), default=0.0)
    held = max((t.coverage for c in mine for t in c.sentences), default=0.0)
    said = [(t.score, c, t) for c in ctx.retrieved.overview
            if not ctx.with_doc or c.chunk.doc == mine[0].chunk.doc for t in c.sentences
            if t.score > own and t.coverage > held and provinces_in(c.text(t), cities=False) == [p]]
    if not said:
        return None
    _, c, t = max(said, key=lambda x: x[0])
    return Pick(c, t.start, t.end, t.score)  # (not with its neighbour, which speaks of another province)


def _best(ctx: AnswerContext, pool: list):
    return (rank_sentences(ctx, pool) or [best_pick(pool[0])])[0]


# (连续第十年: a count written out, which the figure spans do not read, is a figure all the same)
# (not 一批, 一个: a determiner)
_WRITTEN_OUT = re.compile(r"(?:[二两三四五六七八九十百千万]|一[十百千万])[一二两三四五六七八九十百千万]*(?:个|年|家|项|人|名|位|次|届|批|条)")


def _compare_one(ctx: AnswerContext, p: str, mine: list, lines: list[str], lead: Pick | None = None,
                 shown: list[list[Pick]] | None = None) -> bool | None:
    """One province's (one document's) line of a comparison; True when it is relevant, None
    when it says the report gives no figure (or date) asked. `lead`, what it shares with the
    others, is quoted first; the picks quoted are added to `shown`."""
    q = ctx.question
    opening = ctx.retrieved.openings.get(p)
    # (which came first is read from the meetings' dates, in their openings)
    if (q.about_meeting or q.kind == "date") and opening is not None and opening.chunk.doc == mine[0].chunk.doc:
        # (of the opening, the sentence that says the meeting was held: its who, when and where)
        of_opening = rank_sentences(ctx, [opening]) or [best_pick(opening)]
        picks = [lead or _best(ctx, mine), next((p for p in of_opening if HELD.search(p.text)), of_opening[0])]
        if bare(picks[0].text) == bare(picks[1].text):
            picks = picks[:1]
        elif q.kind and kind_spans(q, picks[1].text) and not kind_spans(q, picks[0].text):
            picks = picks[1:]  # 分别在哪开的: the opening says where (在兰州召开); a sentence that does not is no answer
    else:
        # the province's two best sentences among its top passages, those holding a phrase
        # asked for as written first
        ranked = rank_sentences(ctx, mine) or [best_pick(mine[0])]
        ranked.sort(key=lambda pick: not all(t in pick.text for t in q.quoted))
        if lead is not None:
            ranked.insert(0, lead)
        picks = []
        for pick in ranked:
            # (a short sentence is quoted with its neighbour, and a report may repeat a
            # sentence in another passage: never quoted twice)
            if not any(pick.candidate.chunk.id == o.candidate.chunk.id and pick.start < o.end and o.start < pick.end
                       or bare(pick.text) == bare(o.text) for o in picks):
                picks.append(pick)
                if len(picks) >= 2 and pick.candidate.chunk.id != picks[0].candidate.chunk.id:
                    break
        # the two best passages: the second quote from another passage than the first, when
        # one has a sentence about as close (what a report says of a topic is spread over
        # its passages; the next sentence of the first is often more of the same)
        other = next((pick for pick in picks[1:] if pick.candidate.chunk.id != picks[0].candidate.chunk.id), None)
        if other is not None and picks[1].score - other.score <= ctx.settings.compare_spread:
            picks = [picks[0], other]
        picks = picks[:2]
    if (said := _overview_of(ctx, p, mine)) is not None:
        picks = [said, *picks[:1]]  # (上海连续7年…: what the editor says of the province, its report does not)
    label = f"{p}（{mine[0].chunk.doc_title or mine[0].chunk.doc}）" if ctx.with_doc else p
    if q.kind in ("figure", "date") and not any(kind_spans(q, pick.text) and figure_fits_clause(ctx, pick.text) or _WRITTEN_OUT.search(pick.text)
                                                for pick in picks):
        # 江苏和广东研发投入各是多少: a report whose sentences give no figure says so, and shows
        # the closest of them, as a refusal does (广东：资料未写明广东的这一数字。报道提到：「…」)
        lines.append(f"{label}：{missing_fact(replace(q, provinces=(p,)), q.meeting_field)}。{ctx.mention_line(picks[0])}")
        return None
    if shown is not None:
        shown.append(picks)
    relevant, quotes = False, []
    for pick in picks:
        relevant = relevant or is_relevant(ctx, pick.candidate, pick.text)
        rank = ctx.citations.add(pick)
        quotes.append(quoted(rank, pick.text))
    lines.append(f"{label}：" + "".join(quotes))
    return relevant
