"""One fact about one place: fact, figure, person, date, place and summary questions.

Every sentence of the top passages competes for the quote, not only passage [1]'s:
its similarity to the question and its share of the key words, the passage's own
rank, and whether it holds the kind of answer asked for (`多少人` → a count of
people, `哪天` → a date, `谁` → a name, `在哪里` → a place) and the question's key
predicate (主持, 参会 …). An answer must hold both; when the passages speak of the
topic but not of the fact asked, the answer says so and shows what they do say.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import rjieba

from ..gazetteer import provinces_in
from ..layout import toc_entry
from ..meetings import HELD
from ..phrases import bare, holds_phrases, shortened
from ..predicate import SAYS, asking_clause
from ..question import BYLINE, whether_side
from ..retrieval import Candidate, Speaker
from ..schema import FRONT_PROVINCE
from ..speakers import ATTRIBUTION_CHARS
from . import spans
from .agreement import agrees, lead_year_agrees, names_a_choice, names_the_meeting, quotes_the_phrase, relative_year_agrees, speaks_of_the_event, with_list_lead
from .context import (
    ABOUT_THE_BULLETIN,
    MIN_HEAD_IDF,
    STATED_COUNT,
    AnswerContext,
    Reply,
    answers_kind,
    asks_change,
    asks_expansion,
    asks_part,
    asks_year_held,
    change_has_its_subject,
    direct_span,
    expands,
    figure_fits_clause,
    figure_has_its_subject,
    holds_phrase,
    holds_predicate,
    holds_terms,
    house_asked,
    is_relevant,
    kind_spans,
    missing_fact,
    names_it_before_the_figure,
    names_the_set,
    names_the_thing,
    spelled_through,
)
from .counting import counted, members_asked
from .indirect import enumerated, is_subheading, numbered_name, places_by_level, spelled_over_sentences, under_heading, when_or_where_held
from .naming import named_span, place_span
from .premises import says_them, unwritten
from .quotes import Pick, quoted, sentence_pick
from .tables import cell_answer
from .unsaid import ONLY_RECORDED, asks_content, is_heading, its_meeting, only_records_it, post_span, unsaid


def rank_sentences(ctx: AnswerContext, pool: list[Candidate]) -> list[Pick]:
    """Every sentence of the pool as a quote, best first."""
    q, s = ctx.question, ctx.settings
    if not pool:
        return []
    top = max(pool[0].score, 1e-9)
    picks = []
    # 天津会议强调了哪几点: a question with no topic of its own asks what the meeting itself
    # said, in the sentences that open 会议强调，…
    meeting_said = q.kind is None and not q.terms and not q.speaker and _MEETING_SAYS.search(q.text)
    # 两场营商环境大会，分别把优化营商环境定位成了什么: the lede's sentence that says the meeting
    # was held matches the topic by the meeting's name alone; what was said of it is in the body,
    # so it comes after every other sentence
    # (在哪场会上…提出了建议: the meeting itself is asked, and that sentence names it)
    # (这个大会是头一回开吗: holding it is asked, which such a sentence tells)
    content_asked = q.kind is None and q.meeting_field is None and not q.at_event and not _WHICH_MEETING.search(q.text) and not _HOLDING.search(q.text)
    for c in pool:
        prior = s.quote_rank_weight * max(c.score, 0.0) / top
        for sent in c.sentences:
            pick = sentence_pick(c, sent)
            if toc_entry(pick.text):
                continue  # a table-of-contents line names a report; it answers nothing
            z = sent.score + prior
            if q.kind == "name":
                # (什么活动: more when a quote names such a thing, “…”活动)
                found = kind_spans(q, pick.text)
                z += s.quote_kind_bonus * (bool(found) + 0.5 * bool(names_the_thing(q, pick.text, found)))
            elif q.kind:
                z += s.quote_kind_bonus * (answers_kind(q, pick.text) + holds_predicate(ctx, pick.text))
                z += s.quote_kind_bonus * span_fit(q, pick.text)
            if meeting_said:
                z += s.quote_kind_bonus * bool(_MEETING_SAYS.match(pick.text))
            if sent.start == 0 and c.opens_section and len(c.sentences) > 1 or _furniture(q, pick.text) or is_subheading(c.chunk.text, sent.start):
                z -= s.heading_penalty  # a heading names the meeting, a page's byline dates it; the body answers
            picks.append((content_asked and c.opens_section and _only_held(pick.text), Pick(c, pick.start, pick.end, z)))
    return [p for _, p in sorted(picks, key=lambda x: (x[0], -x[1].score))]


def _only_held(text: str) -> bool:
    """The sentence says a meeting was held and reports nothing said at it (2月19日，…在太原
    召开全省优化营商环境大会。, not …举行推进会，强调要…)."""
    return bool(held := HELD.search(text)) and not SAYS.search(text, held.end())


_HOLDING = re.compile(r"(?:召开|举行|举办|召集|开)(?![工展始放拓创启辟局门年]|发(?!布会))")  # (not 开发区; 开发布会 holds one)
_WHICH_MEETING = re.compile(r"哪[一两几]?[场次个][\u4e00-\u9fff]{0,8}?会|什么会")
_MEETING_SAYS = re.compile(r"(?:会议|大会|会上)(?:还|又|同时|主要)?(?:强调|指出|要求|部署|提出)")
# 时间：2025年02月05日, 来源：四川日报, 作者：记者李慧: a web page's byline, one label a line
_BYLINE_LINE = re.compile(r"(?:发布|发表|发文)?(?:时间|日期|来源|作者|撰稿|责任编辑|责编|编辑)\s*[:：]")


def _furniture(q, text: str) -> bool:
    """A byline line, for a question that does not ask about it: only the question's year
    (四川2025年会议表彰了什么) would tie it to the question."""
    return bool(_BYLINE_LINE.match(text)) and q.predicate != BYLINE and not any(t in text for t in q.terms if not re.fullmatch(r"\d+|年", t))


def _own_part(text: str, provinces) -> str:
    """The clauses of an overview's sentence that speak of these provinces: each from the
    clause that names one up to the clause that names another province."""
    own, taking = [], False
    for part in re.split(r"(?<=[；;，,])", text):
        if named := set(provinces_in(part)):
            taking = bool(named & set(provinces))
        if taking:
            own.append(part)
    return "".join(own)


def fits(ctx: AnswerContext, p: Pick) -> bool:
    """The sentence holds what was asked: the kind of answer and the predicate, or the
    spelled-out contents of a named set."""
    q = ctx.question
    if asks_expansion(q) and names_the_set(q, ctx.pool) and not expands(q, p):
        return False
    if not agrees(q, with_list_lead(p)) or not relative_year_agrees(q, p) or not lead_year_agrees(q, p) or not names_the_meeting(q, _event_named(ctx, p)):
        return False
    if not speaks_of_the_event(q, p.text):
        return False
    if not (quotes_the_phrase(q, p) or _meeting_quoted(ctx, p)) or not names_a_choice(q, p.text, ctx.retrieved.weights, ctx.settings.min_predicate) or not speaker_agrees(ctx, p):
        return False
    if q.provinces and p.candidate.chunk.province == FRONT_PROVINCE:
        # the editor's overview, in a sentence about other provinces, or with the answer in
        # another province's part (福建…座谈会；江西连续8年…: 8年 is 江西's; 江苏等省份对新质生产力…
        # 进行了部署，…，广东、浙江、四川等也提及重大项目建设: 新质生产力 is 江苏's)
        own = _own_part(p.text, q.provinces)
        if not own or q.kind and not answers_kind(q, own) or not names_a_choice(q, own, ctx.retrieved.weights, ctx.settings.min_predicate):
            return False
    # “一把手”抓“一号工程”是谁说的: the quoted words find the very sentence; a name in
    # another sentence of the passage said something else (its speaker is found below)
    # (“…‘1820’行动…。”省科技厅…处长郦雅芳介绍，…: or the quotation right before, that the sentence attributes)
    if q.kind == "person" and (said := _said_quotes(q)) and SAYS.search(q.text) and not all(holds_phrase(t, _with_quotation(p)) for t in said if len(t) >= 2):
        return False
    # 作主要讲话的福建省委书记是谁: a sentence that names no one with that title (a list of
    # entrepreneurs who spoke) names another person
    # (为紫金山实验室主任颁发聘书: the title alone, with no name under it, names no one)
    if q.kind == "person" and (title := _TITLE_ASKED.search(q.text)) and not spans.names_under(title.group(1), p.text) and not _speaker_titled(ctx, p, title.group(1)):
        return False
    if not _post_fits(ctx, p):
        return False
    if not change_has_its_subject(q, p.text):
        return False
    if _dates_the_bulletin(q, p) or _counts_the_noun(ctx, p):
        return True
    if q.kind == "date" and not q.provinces and _ITS_OWN_DATE.search(q.text) and ABOUT_THE_BULLETIN.search(q.text):
        return False  # (这份汇编落款是哪天: the bulletin's own date, not a meeting's in it)
    if _bare_date(q, p):
        return False  # a dateline (2024年2月23日) dates its document, not what was asked
    return (answers_kind(q, p.text) and holds_predicate(ctx, p.text) and figure_fits_clause(ctx, p.text)
            and figure_has_its_subject(ctx, p) and is_relevant(ctx, p.candidate, p.text))


def _with_quotation(p: Pick) -> str:
    """The sentence, with the quotation that ends right before it (its speaker's words),
    when the sentence says more than who spoke it (南京市科技局局长赵成军说。 is quoted
    with the quotation, as one sentence, elsewhere)."""
    text = p.candidate.chunk.text
    before = next((t for t in reversed(p.candidate.sentences) if t.end <= p.start), None)
    if before is not None and len(p.text) > ATTRIBUTION_CHARS and re.search(r"[”\"]\s*$", text[before.start : p.start]):
        return text[before.start : p.end]
    return p.text


def _meeting_quoted(ctx: AnswerContext, p: Pick) -> bool:
    """甘肃“三抓三促”推进会上，谁提出…: a phrase quoted as the meeting's name is held by
    its report (the passages found of it, or its opening), not by every passage of it."""
    q, here = ctx.question, p.candidate.chunk
    named = [t for t in q.quoted if t not in _said_quotes(q)]
    if not named:
        return False
    report = _found_texts(ctx, lambda c: (c.doc, c.section) == (here.doc, here.section))
    return all(any(holds_phrase(t, text) for text in report) for t in named)


def _found_texts(ctx: AnswerContext, keep) -> list[str]:
    """The texts of the passages found and of the report openings whose chunk `keep` accepts."""
    return [c.chunk.text for c in [*ctx.retrieved.ranked, *ctx.retrieved.openings.values()] if keep(c.chunk)]


def _said_quotes(q) -> tuple[str, ...]:
    """The phrases quoted as someone's words, not as the name of the meeting they were said at."""
    return _said_of(q.text, q.quoted)


@lru_cache(maxsize=256)  # (read once per question: fits() asks for every sentence weighed)
def _said_of(text: str, quoted: tuple[str, ...]) -> tuple[str, ...]:
    # (“三抓三促”推进会, “三抓三促”行动推进会议; not “…竞争力”的那场合肥大会, words said at it)
    return tuple(t for t in quoted if not re.search(re.escape(t) + r"[”\"]?(?:(?![的那这])[\u4e00-\u9fff]){0,4}?(?:会议|大会|推进会|座谈会|动员会|会上)", text))


# (省法院院长、省检察院检察长分别叫什么: a name asked by 叫什么)
_TITLE_ASKED = re.compile(rf"(?<!副)({spans.TITLES})(?:分别|各自)?(?:是|为|叫)?(?:谁|哪位|哪一位|什么名字|什么)(?![\u4e00-\u9fff])")


# 发布会上，…: a sentence that refers back to the event its section opens with
_AT_THE_EVENT = re.compile(r"^(?:在)?(?:会|大会|会议|发布会|座谈会|论坛|推进会)上")


def _event_named(ctx: AnswerContext, p: Pick) -> str:
    """What names the event a sentence speaks of: the sentence and its heading, and when it
    only says 发布会上 or stands in an appendix, the opening of its section (…“产业科技创新中心”
    专场新闻发布会)."""
    c = p.candidate.chunk
    # (an appendix reports an event of its own, a press conference or a forum: its opening names it)
    opening = ctx.retrieved.section_openings.get((c.doc, c.section)) if _AT_THE_EVENT.match(p.text) or "附" in c.section else None
    return p.text + c.title + (opening.chunk.text if opening is not None else "")


def _speaker_titled(ctx: AnswerContext, p: Pick, title: str) -> bool:
    """The speech the sentence belongs to opens with a name under that title."""
    sp = _speaker_of(ctx, p)
    return sp is not None and title in sp.candidate.chunk.text[sp.start : sp.name_end]


def _dates_the_bulletin(q, p: Pick) -> bool:
    """这期快讯是哪天印发的: the front matter's date line (2024年2月23日) stands alone,
    with no verb to match; it dates the bulletin."""
    if q.kind != "date" or q.provinces or p.candidate.chunk.province != FRONT_PROVINCE or not ABOUT_THE_BULLETIN.search(q.text):
        return False
    if (around := _around_lone_date(q, p)) is None:
        return False
    # (山东省科技信息研究院2025年2月10日: the issuer may stand before the date that ends its line)
    before, after = around
    return _bare(before + after) or not after.strip() and len(before) <= _ISSUER_CHARS and not re.search(r"[，,。；;：:]", before)


_ISSUER_CHARS = 20
# the words that date a document itself: when it was signed, printed, issued
_ITS_OWN_DATE = re.compile(r"落款|印发|编发|出刊|刊发|刊印|编印|发行")


def _bare_date(q, p: Pick) -> bool:
    return (around := _around_lone_date(q, p)) is not None and _bare("".join(around))


def _around_lone_date(q, p: Pick) -> tuple[str, str] | None:
    """The text before and after the one date a sentence gives, or None."""
    found = kind_spans(q, p.text) if q.kind == "date" else []
    return (p.text[: found[0][0]], p.text[found[0][1] :]) if len(found) == 1 else None


def _bare(text: str) -> bool:
    return not re.sub(r"[\s。，,]", "", text)


def _counts_the_noun(ctx: AnswerContext, p: Pick) -> bool:
    """多少项重点任务 — 50项重点任务, 几家工程研究中心 — 工程研究中心6家: a figure written right
    against the noun counted answers, whatever verb the question used (部署, 布局, 落地)."""
    q = ctx.question
    if q.kind != "figure" or not q.predicate or not is_relevant(ctx, p.candidate, p.text) or not figure_has_its_subject(ctx, p):
        return False
    return bool(_counting_spans(ctx, p))


def _counting_spans(ctx: AnswerContext, p: Pick) -> list[tuple[int, int]]:
    """The figures of the sentence written against the noun the question counts."""
    q = ctx.question
    if q.kind != "figure" or not q.predicate:
        return []
    nouns = [w for w in q.predicate if w != q.predicate_head and len(w) > 1 and ctx.retrieved.weights.get(w, 0.0) >= MIN_HEAD_IDF]
    near = rf"[^\W\d]{{0,{_NOUN_GAP}}}"
    # (a share counts nothing: 产值占比49.9% is a label and its value, whatever change was asked)
    counted = q.unit != "%" and asking_clause(q.text, q.kind, with_antecedent=True)
    measured = _measured_noun(q.text)
    return [(a, b) for a, b in kind_spans(q, p.text)
            if any(re.match(near + re.escape(w), p.text[b:]) or re.search(re.escape(w) + near + "$", p.text[:a]) for w in nouns)
            or counted and _names_the_counted(counted, p.text, a, b)
            or measured and p.text[a:b].endswith(measured[0]) and p.text.startswith(measured[1], b)]


_MEASURED = re.compile(r"(?:几|多少)([级大个项条类种支家所座名位])([\u4e00-\u9fff]{2,6})")


@lru_cache(maxsize=256)  # (read once per question: the figure check runs for every sentence weighed)
def _measured_noun(text: str) -> tuple[str, str] | None:
    """几级书记 → (级, 书记): a count asked with its measure word and noun is answered by the
    figure written with both (五级书记), however common the noun."""
    m = _MEASURED.search(text)
    if not m:
        return None
    words = rjieba.cut(m.group(2))
    return (m.group(1), words[0]) if len(words[0]) >= 2 else None


_COUNTED_PHRASE = 4  # characters the question and a figure's noun share: fewer (高新区) are one common word
_LINKS_BEFORE = spans.COUNT_LINKS + "有"  # 工程研究中心达6家, 有6家


def _names_the_counted(asked: str, text: str, a: int, b: int) -> bool:
    """85项重大科技成果转化项目 for 重大科技成果转化项目落地了多少个, 7.0版行动方案 for 营商环境
    行动方案迭代到第几版: the figure stands against a phrase that the question's asking
    clause writes too, so it counts what was asked, whatever verb the question used."""
    n = _COUNTED_PHRASE
    # (…达到3.3%左右，高新技术企业…: a phrase across a comma is the next clause's, not the figure's)
    after = [text[b + g : b + g + n] for g in range(_NOUN_GAP + 1) if not spans.CLAUSE_END.search(text[b : b + g])]
    link = 1 if text[a - 1 : a] and text[a - 1] in _LINKS_BEFORE else 0
    before = text[a - link - n : a - link] if a - link >= n else ""
    return any(len(w) == n and _WORDS_ONLY.fullmatch(w) and w in asked for w in after + [before])


_WORDS_ONLY = re.compile(r"[\u4e00-\u9fff（）]+")


_NOUN_GAP = 3  # characters: 150项"改革"举措


# 把…定为“基础性工作”的是谁: the one who did what the question describes
_WHO_DID = re.compile(r"的(?:是|为)(?:谁|哪位)|^(?:是)?谁")
# 谁要推动中小企业“铺天盖地”, 要…服务企业的是哪位领导: a speech says what is to be done (要…);
# who wants it is who said it
_WANTS = re.compile(r"(?:谁|哪位[\u4e00-\u9fff]{0,4}?)(?:还|又|也)?要(?!求)|(?<![需只])要(?!求)[^？?。]{2,40}?的(?:是|为)(?:谁|哪位)")


def _speaker_of(ctx: AnswerContext, p: Pick) -> Speaker | None:
    """Who speaks the quoted sentence, when a speech before it names someone."""
    row = next((t.row for t in p.candidate.sentences if t.start == p.start), None)
    return ctx.retrieved.speakers.get(row)


def speaker_agrees(ctx: AnswerContext, p: Pick) -> bool:
    """王正谱讲话强调了什么: his words are a sentence that names him, or one inside a
    speech he opens; 倪岳峰's speech, or the report's own narrative, is not his."""
    q = ctx.question
    if not q.speaker or q.kind:  # 沈晓明出席讲话的那场会开在哪里: he describes the meeting asked about
        return True
    sp = _speaker_of(ctx, p)
    return sp is not None and sp.name == q.speaker


def span_fit(q, text: str) -> float:
    """0–1: how closely the question's words surround the best span of the asked kind (a
    name right after the title asked about, a figure right before what it counts); a
    list of names for 哪些人."""
    found = kind_spans(q, text)
    if q.kind == "person" and q.plural:
        found = spans.joined(found, text)
    words = q.clause_words or q.predicate
    if not found or not words:
        return 0.0
    best = max(spans.closeness(s, text, words) for s in found)
    many = q.plural and any("、" in text[a:b] for a, b in found)
    return min(1.0, best / 2) * 0.5 + 0.5 * many


def _further_down(ctx: AnswerContext) -> list[Pick]:
    """The sentences of the passages after the quote pool (up to three pools deep), best
    first: read before saying the top passages do not hold what was asked."""
    s = ctx.settings
    return rank_sentences(ctx, ctx.retrieved.ranked[s.quote_pool : 3 * s.quote_pool])


def answer_fact(ctx: AnswerContext) -> Reply:
    q, s = ctx.question, ctx.settings
    pool = ctx.pool
    ranked = rank_sentences(ctx, pool)
    if not ranked:
        return Reply([], abstained=True)
    if not q.provinces and unwritten(ctx, ranked[0].candidate) \
            and (stating := next((p for p in ranked if says_them(ctx, p)), None)
                 or next((p for p in _further_down(ctx) if says_them(ctx, p, of_what=True)), None)):
        # 哪个省的会…总共有近五万人参加: asked of every report, the sentence that states it
        # (further down too, if it speaks of what the figure counts)
        ranked = [stating] + [p for p in ranked if p is not stating]
    if q.term and not q.kind:
        # 定为什么年: a sentence that names one (“狠抓落实年”) answers before any other
        ranked = [p for p in ranked if spans.quoted_terms(p.text, q.term)] or ranked
    if (cell := cell_answer(ctx, pool)) is not None:
        return cell  # (洛阳开工项目总投资多少: a table's cell, under the header that names its column)
    best = ranked[0]
    if q.numbered and (named := numbered_name(ctx, ranked[: 2 * s.quote_pool])) is not None:
        return named
    expands_a_set = asks_expansion(q)
    expansion = expands_a_set and names_the_set(q, pool)
    if q.speaker and not (q.kind or q.choices or expansion):
        # 王正谱讲话强调了什么: whatever the topic, the words must be his (毛伟明在会上说了什么
        # asks no topic: his speech may rank below the passages that only name him)
        # (his words, before the sentence that only records that he spoke)
        agreeing = [p for p in ranked if speaker_agrees(ctx, p)]
        if not any(not only_records_it(p.text) for p in agreeing):
            agreeing += [p for p in _further_down(ctx) if speaker_agrees(ctx, p)]
        # (孟凡利讲了哪些“导向”, 黄坤明说广东必须挺立在什么的潮头: of his sentences, the one
        # that holds what the question names, however closely the others match its wording)
        named = [w for w in (*q.quoted, *ctx.rare_words) if w not in q.speaker]
        agreeing.sort(key=lambda p: -sum(w in p.text for w in named))
        best = next((p for p in agreeing if not only_records_it(p.text)), agreeing[0] if agreeing else None)
        if best is None:
            # (商黎光 only in the roll of those who attended: the roll is what the report says of him)
            named = next((p for p in ranked if q.speaker in p.text), None)
            if named is not None and only_records_it(named.text):
                return Reply([ctx.mention_line(named)], abstained=True, reason=ONLY_RECORDED)
            return Reply([], abstained=True, reason=f"资料未写明{q.speaker}所讲的这一内容。")
    elif q.predicate and not (q.kind or q.choices or expansion):
        # 广东大会表彰了什么: what was done is asked by its verb; a sentence that does not do it
        # (no 表彰 anywhere in 广东's report) answers another question
        best = next((p for p in [*ranked, *_further_down(ctx)] if holds_predicate(ctx, p.text)), None)
        if best is None:
            return Reply([ctx.mention_line(ranked[0])], abstained=True, reason=f"资料未写明{'、'.join(q.provinces)}{q.predicate[0]}了什么。")
    elif q.kind or q.choices or expansion:
        # the best sentence that holds what was asked; when the top passages have none,
        # the next ones are read before saying the documents do not say it
        fitting = [p for p in ranked if fits(ctx, p)]
        if not fitting and q.kind in ("person", "place") and (SAYS.search(q.text) or _WANTS.search(q.text) or q.quoted and _WHO_DID.search(q.text)) and not q.represents:
            # 谁要求…, 哪个城市提出…: the speaker, or the place the speaker's title names
            # (用“观大局、抓机遇、行大道”来讲…的是哪位: words quoted are someone's words)
            said = next((p for p in ranked[: s.quote_pool] if _said_by_someone(ctx, p) and _post_fits(ctx, p)), None)
            if said is not None and (attributed := _attributed(ctx, said)) is not None:
                return attributed
        if not fitting and (closest := _closest_said(ctx)) is not None and (attributed := _attributed(ctx, closest)) is not None:
            # found by meaning alone: on the tuned paraphrase questions 5 of 41 such answers
            # named a wrong person, and no score told them apart; the user is told to check
            return replace(attributed, lines=[*attributed.lines, BY_MEANING])
        if not fitting:
            fitting = [p for p in _further_down(ctx) if fits(ctx, p)]
        if not fitting and (reached := _reached_otherwise(ctx, ranked, best)) is not None:
            return reached
        if not fitting:
            if not is_relevant(ctx, best.candidate, best.text):
                return Reply([], abstained=True)
            what = (missing_fact(q, q.meeting_field) if q.kind else
                    f"资料未写明是否{whether_side(q.text)[1]}" if len(q.choices) == 1 else
                    f"资料未写明是{'还是'.join(''.join(side) for side in q.choices)}" if q.choices else
                    f"资料未写明{'、'.join(f'“{t}”' for t in q.quoted)}具体所指")
            if q.predicate == BYLINE and not holds_predicate(ctx, best.text):
                # (报道是谁写的: the byline, which names no one as a title does, is what the report says)
                best = next((p for p in ranked[: s.quote_pool] if holds_predicate(ctx, p.text)), best)
            if q.kind == "date" and q.unit == "时刻" or asks_year_held(q):
                # 会议几点开的, 哪一年开的: the day the meeting's record gives is the nearest the report comes
                best = next((Pick(c, a, b, c.score) for _, located in ctx.retrieved.meetings if "date" in located
                             for c, a, b in [located["date"]]), best)
            return Reply([ctx.mention_line(best)], abstained=True, reason=what + "。")
        if q.kind == "figure" and not q.predicate and q.clause_words:
            fitting.sort(key=lambda p: not names_it_before_the_figure(q, p.text))  # (stable: rank otherwise)
        if q.kind == "name" and q.predicate:
            # 这个机制叫什么: a sentence that quotes a name of that kind (“稳定支持+退坡机制”)
            # answers before one that only uses the noun (协同保护机制)
            fitting.sort(key=lambda p: not spans.quoted_terms(p.text, q.predicate[-1]))
        best = _calendar_first(q, fitting[:3]) or fitting[0]
    if not is_relevant(ctx, best.candidate, best.text):
        return Reply([], abstained=True)
    if expands_a_set:  # (the set itself may go unnamed: 三个“一号工程” are written only by their items)
        best = spelled_through(q, best)
    if (items := enumerated(ctx, best) or under_heading(ctx, best)) is not None:
        return items
    best, missing = unsaid(ctx, ranked, best)
    if missing:
        return Reply([ctx.mention_line(best)], abstained=True, reason=missing)
    # (在哪场会上…: the heading that names the meeting, then what was said there, numbered in that order)
    heading = its_meeting(ctx, best)
    lines = ([ctx.quote_line(heading)] if heading is not None else []) + [ctx.quote_line(best)]
    if q.kind is None:
        second = _second(ctx, best, pool)
        if second is not None and not unwritten(ctx, second.candidate):
            lines.append(ctx.quote_line(second))
    if q.kind or q.term:
        # (那个经济带叫什么: a name of the kind asked, before a name the sentence quotes)
        direct = q.kind == "name" and named_span(q, best) or direct_span(q, best, ctx.retrieved.weights)
    else:
        direct = members_asked(q, best) or post_span(q, best) or named_span(q, best) or place_span(q, best)
    # (增长多少 asks the change, not the figure that changed: 达到6.0万亿元，增长5.8%)
    if direct is not None and not STATED_COUNT.search(q.text) and not asks_change(q) and not asks_part(q) and (counting := _counting_spans(ctx, best)) and direct[1] not in {a for a, _ in counting}:
        direct = (best, *counting[0])  # 全面振兴新突破三年行动…几年: the figure of the noun asked, not 过去一年
    if others := _each_issue(ctx, best):
        # 责任编辑是谁, of several issues: each issue's own line; one name in bold only when all agree
        lines += [ctx.quote_line(p) for p in others]
        if direct is not None and any(bare(p.text) != bare(best.text) for p in others):
            direct = None
    return Reply(lines, direct=direct, provinces=q.provinces)


# 责任编辑：史筱飞, 电话：0531—…: a field of the issue itself, in its front matter or colophon
_FIELD_LINE = re.compile(r"^\s*([\u4e00-\u9fff]{2,6})[：:]\s*\S")


def _each_issue(ctx: AnswerContext, best: Pick) -> list[Pick]:
    """The same field's line in every other document the question did not rule out: asked
    of an index of several issues, 责任编辑是谁 has one answer per issue."""
    c = best.candidate
    field = _FIELD_LINE.match(best.text)
    if not (ctx.with_doc and ctx.retrieved.scope.docs is None and c.chunk.province == FRONT_PROVINCE and field):
        return []
    label = re.compile(rf"^\s*{field.group(1)}[：:]")
    found: dict[str, Pick] = {}
    for other in ctx.retrieved.by_province(FRONT_PROVINCE):
        if other.chunk.doc == c.chunk.doc or other.chunk.doc in found:
            continue
        line = next((t for t in other.sentences if label.match(other.text(t))), None)
        if line is not None:
            found[other.chunk.doc] = sentence_pick(other, line)
    return list(found.values())


def _reached_otherwise(ctx: AnswerContext, ranked: list[Pick], best: Pick) -> Reply | None:
    """No sentence holds the fact as asked: a list counted, a meeting named by what was
    said at it, or a set spelled out over several sentences may still answer."""
    q, s = ctx.question, ctx.settings
    if (listed := counted(ctx, ranked[: 2 * s.quote_pool])) is not None:
        return listed
    # the sentence that holds the user's quoted words says which meeting is meant
    described = next((p for p in ranked if q.quoted and all(holds_phrase(t, p.text) for t in q.quoted)), best)
    if (held := when_or_where_held(ctx, described, rank_sentences)) is not None:
        return held
    if (levels := places_by_level(ctx, ranked)) is not None:
        return levels
    return spelled_over_sentences(ctx, ctx.pool) if asks_expansion(q) else None


def _calendar_first(q, picks: list[Pick]) -> Pick | None:
    """哪天开的: of the sentences that fit nearly as well, one that gives the calendar date
    (2月18日) answers before one that only says 节后开工首日."""
    if q.kind != "date" or q.unit != "日":
        return None
    return next((p for p in picks if any(re.search(r"\d", p.text[a:b]) for a, b in kind_spans(q, p.text))), None)


BY_MEANING = "（报道中没有与问题用词相同的句子：以上是意思最接近的一句，请对照原文核实。）"


def _closest_said(ctx: AnswerContext) -> Pick | None:
    """哪位省委书记把人才结构比作一座塔: asked in other words than the report's, no sentence
    holds the question's words; what was said is the sentence closest in meaning among
    the top passages, and the one who said it is its speaker, holding the post asked."""
    q = ctx.question
    title = spans.WHICH_TITLE.search(q.text)
    if q.kind != "person" or not title:
        return None
    top = ctx.retrieved.ranked[: 3 * ctx.settings.quote_pool]
    c, t = max(((c, t) for c in top for t in c.sentences), key=lambda ct: ct[1].sim, default=(None, None))
    if c is None or not is_relevant(ctx, c, c.text(t)):
        return None
    pick = sentence_pick(c, t)
    sp = _speaker_of(ctx, pick)
    if sp is None:
        return None
    return pick if _holds_post(ctx, c, sp.name, title.group(1)) else None


def _post_fits(ctx: AnswerContext, p: Pick) -> bool:
    """哪位省长把…比作六种仗: the one the sentence names or speaks for holds the post asked;
    省科技厅哪位负责人上台发言: one whose post is in the body asked (省科学技术厅厅长王月琴)."""
    q = ctx.question
    if q.kind == "person" and (body := _body_asked(q.text)) and (short := shortened(body)) is not None \
            and not _someone_posted(ctx, p, short.search):
        return False
    if q.kind == "person" and (house := house_asked(q.text)) and not _someone_posted(ctx, p, lambda post: house in post):
        return False  # 省政协这边是谁到场: one whose post is the house's (省政协主席朱国贤), not the 省长 who presided
    if q.kind != "person" or not (title := spans.WHICH_TITLE.search(q.text)) or spans.names_under(title.group(1), p.text):
        return True
    return any(_holds_post(ctx, p.candidate, name, title.group(1)) for name in _named_in(ctx, p))


def _someone_posted(ctx: AnswerContext, p: Pick, fits) -> bool:
    """One the sentence speaks of holds a post `fits` accepts."""
    return any(fits(post) for name in _named_in(ctx, p) for post in _posts_of(ctx, p.candidate, name))


def _named_in(ctx: AnswerContext, p: Pick) -> set[str]:
    """Who a sentence speaks of: the people it names, and the speaker of its speech."""
    names = spans.titled_persons(p.text) | {p.text[a:b] for a, b in spans.persons(p.text)}
    if (sp := _speaker_of(ctx, p)) is not None:
        names.add(sp.name)
    return names


def _holds_post(ctx: AnswerContext, c: Candidate, name: str, title: str) -> bool:
    """The report of c writes the name under that post (省委书记、省人大常委会主任黄坤明), in the
    passages found or in its opening, which lists who spoke and their posts."""
    return any(re.search(rf"(?<!副){title}", post) for post in _posts_of(ctx, c, name))


def _posts_of(ctx: AnswerContext, c: Candidate, name: str) -> list[str]:
    texts = _found_texts(ctx, lambda x: (x.doc, x.province) == (c.chunk.doc, c.chunk.province))
    return [spans.posts_before(text, m.start()) for text in texts for m in re.finditer(re.escape(name), text)]


def _body_asked(text: str) -> str:
    """省科技厅哪位负责人, 工程院的哪位: the body whose person is asked, a word ending as bodies do."""
    m = re.search(r"的?(?:哪位|哪一位)", text)
    words = rjieba.cut(text[: m.start()]) if m else []
    return words[-1] if words and spans.names_a_body(words[-1]) else ""


JOIN_WITHIN = 200  # characters: a speaker this close is quoted with the words, as one quote


def _said_by_someone(ctx: AnswerContext, p: Pick) -> bool:
    """The sentence says what was asked, and a speech before it names who said it."""
    q = ctx.question
    # “企业的竞争也是企业家的竞争”这话是谁讲的: the words quoted say which sentence; the rest is context
    # (守住底线红线、用高水平安全护航 for 守牢底线红线，以高水平安全保障: a paraphrase holds most
    # of what was said, by weight, if not the verb asked about; 景俊海说…由谁牵头 asks no speaker)
    # (“一把手”抓“一号工程”: every phrase quoted, unless the question offers them as alternatives)
    said = _said_quotes(q)
    says_it = (holds_phrases(said, p.text, q.quoted_any) if said
               else holds_predicate(ctx, p.text) or not spans.persons(q.text) and holds_terms(ctx, p.text, ctx.settings.paraphrase_share))
    return _speaker_of(ctx, p) is not None and says_it and is_relevant(ctx, p.candidate, p.text)


def _attributed(ctx: AnswerContext, said: Pick) -> Reply | None:
    """当前要扎实做好…: the sentence names no one; the one that opens its speech does
    (王浩强调，…). Quoted together when close, else the speaker's sentence first. Asked
    which city said it, the place in the speaker's title answers (南京市科技局局长赵成军)."""
    q = ctx.question
    sp = _speaker_of(ctx, said)
    if q.kind == "person" and (title := spans.WHICH_TITLE.search(q.text)) and (named := spans.name_under(title.group(1), said.text)) \
            and not _holds_post(ctx, said.candidate, sp.name, title.group(1)):
        # 哪位副市长把任务铺排下去: the sentence itself names the one under that post (市委常委、
        # 副市长华源部署…并介绍…); the speech before it is another's (市委书记陈吉宁)
        return Reply([ctx.quote_line(said)], direct=(said, *named), provinces=q.provinces)
    name_start, name_end = sp.name_start, sp.name_end
    if q.kind == "place":
        title = sp.candidate.chunk.text[sp.start : sp.name_start]
        found = spans.find("place", title, q.unit, q.provinces)
        if not found:
            return None
        name_start, name_end = sp.start + found[-1][0], sp.start + found[-1][1]
    same = sp.candidate.chunk.id == said.candidate.chunk.id
    if same and 0 <= said.start - sp.start <= JOIN_WITHIN:
        picks = [Pick(said.candidate, sp.start, said.end, said.score)]
    elif same and 0 <= sp.start - said.end <= 2:  # “……”南京市科技局局长赵成军说。: the speaker follows
        picks = [Pick(said.candidate, said.start, sp.end, said.score)]
    else:
        picks = [Pick(sp.candidate, sp.start, sp.end, said.score), said]
    ranks = [ctx.citations.add(p) for p in picks]
    where = ctx.citations.where(ranks[0], ctx.with_doc)
    lines = [f"{where}：" + "……".join(quoted(r, p.text) for r, p in zip(ranks, picks))]
    direct = (picks[0], name_start - picks[0].start, name_end - picks[0].start)
    return Reply(lines, direct=direct, provinces=q.provinces)


def _second(ctx: AnswerContext, first: Pick, pool: list[Candidate]) -> Pick | None:
    """A second passage nearly as good often completes a fact or a summary."""
    s = ctx.settings
    others = [c for c in pool if c.chunk.id != first.candidate.chunk.id]
    if not others:
        return None
    c = others[0]
    if c.score < s.second_quote_ratio * first.candidate.score:
        return None
    pick = (rank_sentences(ctx, [c]) or [None])[0]
    # the sentence itself must be nearly as good as the first, not only its passage
    if pick is None or pick.score < s.second_quote_ratio * first.score or not is_relevant(ctx, c, pick.text) or not speaker_agrees(ctx, pick):
        return None
    # (a heading or a masthead line completes no sentence; asked what was said, a roll of who
    # presided or spoke says none of it)
    if is_heading(pick) and not is_heading(first) or asks_content(ctx.question) and only_records_it(pick.text):
        return None
    return pick
