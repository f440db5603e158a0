"""The one entry point for the CLI, the chat, evaluation and the bench:
`Assistant.answer(question) -> Answer`.

A question passes each stage once: read it (qa.question), decide where to look,
encode it, retrieve (qa.retrieval), answer (qa.answering). The model and the index
are loaded once per process and shared.
"""
from __future__ import annotations

import gc
import re
import threading
from dataclasses import replace
from pathlib import Path

import rjieba

from .answering import AnswerContext, compose, found_provinces
from .answering.agreement import named_meetings
from .answering.spans import listed_persons, named_firms, titled_persons
from .asking import WHICH
from .config import BUILTIN_CORPUS, AnswerSettings, Paths, Settings
from .conversation import resolve
from .embedding import Encoder, load_encoder
from .gazetteer import alternation, mentions, normalise_province, place_led_name
from .index_store import IndexData, IndexOutdated, index_exists, load_index
from .meetings import holds_title, looks_like_name, person_name
from .phrases import bare
from .predicate import SAYS
from .question import SPEAKS_AFTER, Question, read_question, whether_side
from .retrieval import Retriever, Scope
from .schema import FRONT_PROVINCE, Answer, Section

_lock = threading.Lock()
_assistants: dict[tuple, Assistant] = {}


# 省长在会上说了什么: a post, then what its holder said (as a name is, in question._SPEAKER_ASKED)
_LEADERS = ("省委书记", "市委书记", "省长", "市长")
_POST_SPEAKS = re.compile(rf"({'|'.join(_LEADERS)})(?=" + SPEAKS_AFTER + ")")


class Assistant:
    """Answers questions from one loaded index with one encoder."""

    def __init__(self, index: IndexData, encoder: Encoder, settings: AnswerSettings | None = None):
        self.index = index
        self.encoder = encoder
        self.settings = settings or AnswerSettings()
        # (an encoder of the tests may be any object that encodes)
        self.retriever = Retriever(index, self.settings, getattr(encoder, "similarity", (0.0, 1.0)))
        self._known = frozenset(index.provinces)
        # 景俊海说…: the people who presided or spoke at a report's meeting say which report a
        # question naming no province is about; a name found in two provinces says nothing
        people: dict[str, set[str]] = {}
        for m in index.meetings:
            for mention in (m.host, *m.speakers):
                # (a bare name, 孙守刚, is a name too; an untitled mention that is none is not)
                if len(name := person_name(mention)) >= 2 and (name != mention or looks_like_name(mention)):
                    people.setdefault(name, set()).add(m.province)
        # and everyone a report names with a title (市长殷勇部署…, 副省长费高云宣读…) or in a
        # list of those present (省领导蓝绍敏、张安顺…出席: 张安顺 is a person, not 贵州's 安顺),
        # and the firms it names (金川集团作交流发言的那场会 is 甘肃's)
        texts = {d.name: d.text for d in index.documents}
        for s in index.sections:
            if s.province != FRONT_PROVINCE and s.doc in texts:
                section = texts[s.doc][s.start : s.end]
                for name in titled_persons(section) | listed_persons(section) | named_firms(section):
                    people.setdefault(name, set()).add(s.province)
        self._people = {name: next(iter(ps)) for name, ps in people.items() if len(ps) == 1}
        # one pass over a question finds them all, however many the documents name
        self._people_names = re.compile(alternation(self._people)) if self._people else None
        self._written = bare("".join(texts.values()))
        self._texts = texts
        self._place_texts: dict[str, str] | None = None  # each province's reports, read when a follow-up asks
        self._posts: dict[str, str] | None = None  # person -> leader's post, read when a follow-up asks
        # the years each province's reports come from (None: a document that gives no year), read
        # once: every answer asks whether its place has reports of other years
        self._year_of = {d.name: d.year for d in index.documents}
        self._report_years: dict[str, set[int | None]] = {}
        for s in index.sections:
            if s.kind == "report":
                self._report_years.setdefault(s.province, set()).add(self._year_of.get(s.doc))
        self._several_years = len({y for y in self._year_of.values() if y is not None}) > 1

    @property
    def provinces(self) -> list[str]:
        """Provinces with a report in the index (the editor's summary left out)."""
        return self.index.report_provinces

    def answer(self, question: str, provinces=None, k: int = 5, history=None) -> Answer:
        """Answer `question` by quoting the indexed documents.

        `provinces` (names, or None for all) restricts the sources and overrides the
        provinces the question names; a filter naming no known province is refused,
        never widened. `k` is how many passages to cite (at least; 1–50). `history` is
        the conversation's earlier questions, oldest first, used to understand a
        follow-up. The Answer's text quotes verbatim with [n] citation numbers, or says
        未在资料中找到相关内容 and lists the closest passages."""
        asked = _valid_text(question)
        question = asked.translate(_HALF_WIDTH)
        k = max(1, min(int(k), 50))
        follow = resolve(question, [_valid_text(h).translate(_HALF_WIDTH) for h in (history or [])], who=self._who_answered,
                         which=self._which_answered, holds=self._holds, when=self._when_answered, people=self._people_at)
        q = self._with_post_holder(self._read(follow.question))
        if not q.text:
            return Answer(asked or "", "请输入问题。", True, [], "empty")
        if follow.pointing and (n := len(_clean_provinces(provinces)[0] or self.provinces)) > 1:
            # (with one report, or one chosen, 那个会 can only be its meeting)
            return Answer(asked.strip(), f"问题里的“{follow.pointing}”指的是谁或哪里，前面没有说明；资料涉及{n}个省市。"
                          "请写明是哪个省市、哪次会议或哪位领导再问。", True, [], "empty")
        q = self._without_guesses(self._without_figures_of_speech(q))
        answer = self._answer(q, follow.provinces or provinces, k)
        if not follow.rewritten:
            return answer if asked == question else replace(answer, question=asked.strip())  # (as the user typed it)
        # say how the follow-up was understood, so a wrong reading can be seen and corrected
        return replace(answer, question=asked.strip(), resolved_question=follow.question,
                       text=f"理解为：{follow.question}\n{answer.text}")

    def _who_answered(self, question: str) -> str:
        """他强调了什么？ after 重庆会上谁讲话了？: the questions name no one, the answer
        does; its one name, or "" when it names none. Of several (信长星、…汪克强、…邓秀新),
        the first, whom the report names first: the rewritten question shown says so."""
        if self._read(question).kind != "person":
            return ""
        a = self.answer(question)
        d = a.direct_answer
        if a.abstained or d is None:
            return ""
        first = person_name(re.split(r"[、，,]|和|及", d.text)[0])
        return first if looks_like_name(first) else ""

    def _which_answered(self, question: str) -> tuple[str, ...]:
        """它们的主持人分别是谁？ after 哪些省是2月19日开的会？: the provinces its answer lists,
        or none when it is no which question or was refused."""
        if self._read(question).qtype != "which":
            return ()
        a = self.answer(question)
        return () if a.abstained else tuple(dict.fromkeys(a.provinces))

    def _when_answered(self, question: str) -> str:
        """也是这天开的 after 北京的会是哪天开的？: the day (2月19日) its answer names, or ""."""
        if self._read(question).kind != "date":
            return ""
        a = self.answer(question)
        day = re.match(r"\d{1,2}月\d{1,2}日", a.direct_answer.text) if a.direct_answer and not a.abstained else None
        return day.group() if day else ""

    def _holds(self, place: str, question: str) -> bool:
        """推进会上有哪些单位交流发言？ after a question about 甘肃's meeting: every word of it that
        any report writes is written in 甘肃's (all but one, of four or more), so it asks about
        甘肃. 紫金山实验室主任是谁？ after one about 广东's does not: only 江苏's report writes 紫金山.
        A question that asks which places, or compares them, is no question of one place."""
        q = self._read(question)
        if q.qtype in ("which", "compare") or q.counts_provinces or q.provinces:
            return False
        if self._place_texts is None:
            texts: dict[str, list[str]] = {}
            for s in self.index.sections:
                if s.doc in self._texts:
                    texts.setdefault(s.province, []).append(self._texts[s.doc][s.start : s.end])
            self._place_texts = {p: bare("".join(t)) for p, t in texts.items()}
        text = self._place_texts.get(place, "")
        written = [t for t in q.terms if len(t) > 1 and t in self._written]
        # (one word in other words, 受邀 for 应邀, among four or more)
        missing = sum(t not in text for t in written)
        return bool(text and written) and missing <= (1 if len(written) >= _MANY_WORDS else 0)

    def _answer(self, q: Question, provinces, k: int) -> Answer:
        chosen, unknown = _clean_provinces(provinces)
        if unknown and not chosen:
            # a filter that names no known province must not silently widen to all of them
            return self._refuse(q, Scope(), k, f"资料中没有{'、'.join(unknown)}的会议报告。")
        known = self._known
        # an explicit filter overrides what the question names
        asked = chosen or (q.within if q.qtype == "which" else q.provinces)
        # 艾学峰说…和澳门合作的那一点: a place with no report of its own is what was said; the
        # person named says which report
        if (not asked or not chosen and (not set(asked) & known or self._only_in_speech(q))) and (inferred := self._province_of_people(q)):
            asked = inferred
            q = replace(q, provinces=inferred)  # the answer speaks of that province's meeting
        present = tuple(p for p in asked if p in known)
        missing = tuple(p for p in asked if p not in known)
        if missing and not present:
            # never answer about one province from another province's report
            return self._refuse(q, Scope(), k, f"资料中没有{'、'.join(missing)}的会议报告。")
        if (elsewhere := self._other_years_only(q, present)) is not None:
            return self._refuse(q, Scope(present), k, elsewhere)
        docs = self._documents_for(q)
        if q.qtype == "which" and not chosen and not q.within:
            scope = Scope(docs=docs)
        else:
            # a province the user picked means that province's own reports
            scope = Scope(present, strict=bool(chosen) or q.qtype == "compare", docs=docs)
        if not q.parts and len(q.years) > 1 and _EACH.search(q.text) and len({d.year for d in self.index.documents}) > 1:
            # 河南2024年和2025年的会上分别有哪些市发言: asked of each year's documents in turn
            q = replace(q, qtype="multi", parts=tuple(self._read(f"{y}年" + _without_years(q.text)) for y in q.years))
        if not q.parts and q.qtype == "compare" and q.mention and len(present) > 1 and (thing := whether_side(q.text)[0]):
            # 浙江和江苏有没有都提到低空经济: whether each report names it, asked of each in turn
            # (a comparison would quote each one's closest sentence, named or not)
            q = replace(q, qtype="multi", parts=tuple(self._read(f"{p}有没有提到{thing}？") for p in present))
        if not q.parts:
            return self._with_other_years(q, compose(self._context(_year_chose(q, docs), scope, k)))
        parts, found = [], ()
        for part in q.parts:
            strict = scope.strict
            if found and not part.provinces and part.qtype != "which":
                # 哪些省开会时放了专题片？放的是什么内容？: the later part asks it of each province
                # the first part found, read with them in place of its question word
                part, strict = self._read(_with_found(q.parts[0].text, found) + "，" + part.text), True
            part_asked = chosen or (() if part.qtype == "which" else part.provinces)
            part_docs = self._documents_for(part) if part.years else docs
            part = _year_chose(part, part_docs)
            part_scope = Scope(tuple(p for p in part_asked if p in known) or scope.provinces, strict, part_docs)
            if part.qtype == "which" and not chosen:
                part_scope = Scope(docs=part_docs)
            parts.append(self._context(part, part_scope, k))
            if len(parts) == 1 and part.qtype == "which" and not chosen:
                found = found_provinces(parts[0])
        # the whole question is answered part by part; its closest passages are its first part's
        ctx = AnswerContext(q, parts[0].retrieved, self.settings, k, parts=parts)
        return compose(ctx)

    def _with_other_years(self, q: Question, answer: Answer) -> Answer:
        """四川的会由谁主持, asked of documents that report on 四川's meetings of two years: the
        answer quotes one year's report; it says which, and which other years there are (the
        follow-up 2024年呢？ asks one of them)."""
        if answer.abstained and q.years and q.provinces and q.qtype not in ("which", "compare") and self._several_years:
            # 山东2024年安排了多少省重点项目, of documents of several years that report 山东's 2025
            # meeting only: the refusal says which years there are (their reports stay in scope:
            # one may tell a figure of the year asked)
            reported = {p: self._report_years.get(p, set()) for p in q.provinces}
            if all(ys and None not in ys and not ys & set(q.years) for ys in reported.values()):
                have = "；".join(f"{p}{'、'.join(f'{y}年' for y in sorted(ys))}" for p, ys in reported.items())
                return replace(answer, text=f"{answer.text}\n（资料中只有{have}的会议报道。）")
        if answer.abstained or q.years or q.issue or q.qtype in ("which", "compare") or not answer.citations:
            return answer
        top = answer.citations[0]
        year = self._year_of.get(top.doc)
        quoted = {self._year_of.get(c.doc) for c in answer.citations if c.province == top.province and f"[{c.rank}]" in answer.text}
        others = sorted(y for y in self._report_years.get(top.province, ()) if y is not None and y not in quoted)
        if year is None or not others:
            return answer
        note = f"（以上引自{year}年的报道；资料中还有{top.province}{'、'.join(f'{y}年' for y in others)}的会议报道，问那一年请注明年份。）"
        return replace(answer, text=f"{answer.text}\n{note}")

    def _other_years_only(self, q: Question, present: tuple[str, ...]) -> str | None:
        """广东2025年的会谁主持的, asked of documents that report on 广东's meeting of 2024 only:
        that year's meeting is not in them, which is said, with the years that are; another
        year's meeting is never quoted as the one asked about."""
        if not q.years or not present or not _MEETING_YEAR.search(q.text):
            return None
        reported = {p: self._report_years.get(p, set()) for p in present}
        if any(None in ys or ys & set(q.years) for ys in reported.values()):
            return None
        # (安徽2023年的会上…: a report that writes the year may tell of that year's meeting; who
        # presided, when, where and how are its own meeting's, which is of the report's year)
        of_its_record = q.meeting_field is not None or q.kind == "place" and q.about_meeting
        if not of_its_record and any(self._writes_year(s, q.years) for s in self.index.sections if s.province in present):
            return None
        asked = "、".join(f"{y}年" for y in q.years)
        have = "；".join(f"{p}{'、'.join(f'{y}年' for y in sorted(ys))}" for p, ys in reported.items())
        return f"资料中没有{'、'.join(present)}{asked}的会议报道（资料中有{have}的会议报道）。"

    def _writes_year(self, section: Section, years: tuple[int, ...]) -> bool:
        """The section's text writes one of the years (2023年, 2023年度)."""
        return any(self._texts[section.doc].find(f"{y}年", section.start, section.end) >= 0 for y in years)

    def _read(self, text: str) -> Question:
        """The question read with the people of the documents it names (张安顺 is no place)."""
        return read_question(text, people={name: self._people[name] for name in self._people_in(text)})

    def _with_post_holder(self, q: Question) -> Question:
        """吉林省委书记在会上说了什么: the post is held by the one the report's meeting record
        gives it to (省委书记景俊海), whose words are asked; the question is read with the name.
        (Not when something else is asked, a name or a figure, nor 除了书记省长讲话, 还…)"""
        if q.speaker or q.kind or len(q.provinces) != 1 or not (m := _POST_SPEAKS.search(q.text)) or "除" in q.text[: m.start()]:
            return q
        holders = {person_name(x) for r in self.index.meetings if r.province == q.provinces[0]
                   for x in (r.host, *r.speakers) if x and holds_title(x, m.group(1))}
        if len(holders) != 1:
            return q
        text = q.text[: m.end(1)] + holders.pop() + q.text[m.end(1) :]
        return replace(self._read(text), asked=q.asked)

    def _without_figures_of_speech(self, q: Question) -> Question:
        """徐光辉那份去年的“成绩单”里…: an everyday word in quotes that no document writes is
        the user's figure of speech, not a name a passage must hold. A coined name nobody
        writes (“三类500强”, “创新十条”) is no dictionary word and stays required."""
        # (“浙江大学”, “上海证券交易所”: a name that opens with a place names one thing, whoever writes it)
        kept = tuple(t for t in q.quoted if not (rjieba.has_word(t) and bare(t) not in self._written and not place_led_name(t)))
        parts = tuple(self._without_figures_of_speech(part) for part in q.parts)
        if kept == q.quoted and parts == q.parts:
            return q
        return replace(q, quoted=kept, quoted_any=q.quoted_any and len(kept) > 1, parts=parts)

    def _without_guesses(self, q: Question) -> Question:
        """创新药获批数 → 药获 + 批数, 连着第几年用了 → 年用: a pair of characters that the
        segmenter's model glued across a word (获批, 几年), which its dictionary lacks and no
        document writes, is no word the user wrote; an answer need not hold it. A pair that
        stands on its own (互认) is the user's word, and a coined word the documents write
        (优青) stays."""
        def is_word(w: str) -> bool:
            return rjieba.has_word(w) or w in self.index.terms.vocab

        def glued(w: str) -> bool:
            if len(w) != 2 or rjieba.has_word(w) or w in self.index.terms.vocab:
                return False
            found = list(re.finditer(re.escape(w), q.text))
            # (the documents write it where the question does, 科创板 for 科|创板; not 500强|现在,
            # whose 强现 stands only inside 增强现代化)
            if any(m.start() and q.text[m.start() - 1 : m.end()] in self._written
                   or m.end() < len(q.text) and q.text[m.start() : m.end() + 1] in self._written for m in found):
                return False
            return any(is_word(q.text[max(0, m.start() - 1) : m.start() + 1]) or is_word(q.text[m.start() + 1 : m.start() + 3]) for m in found)

        def kept(words: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(w for w in words if not glued(w))

        parts = tuple(self._without_guesses(part) for part in q.parts)
        changed = {name: kept(getattr(q, name)) for name in ("terms", "predicate", "clause_words")}
        if all(changed[name] == getattr(q, name) for name in changed) and parts == q.parts:
            return q
        head = q.predicate_head if q.predicate_head in changed["predicate"] or q.predicate_head not in q.predicate else ""
        return replace(q, **changed, predicate_head=head, parts=parts)

    def _people_in(self, text: str) -> dict[str, int]:
        """The known people a text names, with where each name first ends in it."""
        found: dict[str, int] = {}
        for m in self._people_names.finditer(text) if self._people_names else ():
            found.setdefault(m.group(), m.end())
        return found

    def _people_at(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, province, post) of each known person a text names; the post is the
        leader's one the meeting records give them (省委书记 before 省长), else ""."""
        if self._posts is None:
            self._posts = {}
            for r in self.index.meetings:
                for x in (r.host, *r.speakers):
                    if post := next((t for t in _LEADERS if x and holds_title(x, t)), ""):
                        self._posts.setdefault(person_name(x), post)
        found = self._people_names.finditer(text) if self._people_names else ()
        return [(m.start(), m.end(), self._people[m.group()], self._posts.get(m.group(), "")) for m in found]

    def _only_in_speech(self, q: Question) -> bool:
        """倪岳峰说…承接北京非首都功能…: the provinces named stand inside what someone
        named said, so they are its subject, not the report asked about."""
        said = [m.end() for end in self._people_in(q.text).values()
                for m in [SAYS.search(q.text, end)] if m and m.start() - end <= 4]
        return bool(said) and all(m.start >= min(said) for m in mentions(q.text))

    def _province_of_people(self, q: Question) -> tuple[str, ...]:
        # (王月琴要把…打造成什么平台？它的国际总部放在哪里: one person named says every part's report)
        if q.qtype in ("which", "compare") or any(part.qtype in ("which", "compare") for part in q.parts):
            return ()
        named = {self._people[name] for name in self._people_in(q.text)}
        return tuple(named) if len(named) == 1 else ()

    def _context(self, q: Question, scope: Scope, k: int) -> AnswerContext:
        qvec = self.encoder.encode_query(q.search_text)
        asked = self.encoder.encode_query(q.asked_search) if q.asked_search else None
        retrieved = self.retriever.retrieve(q, qvec, scope, k, asked)
        if len(retrieved.meetings) > 1:
            retrieved = replace(retrieved, meetings=named_meetings(q, retrieved.meetings))
        return AnswerContext(q, retrieved, self.settings, k)

    def _refuse(self, q: Question, scope: Scope, k: int, reason: str) -> Answer:
        return compose(self._context(q, scope, k), reason=reason)

    def _documents_for(self, q: Question) -> frozenset[str] | None:
        """The documents a question that names a year or an issue is about: those of
        that year or issue, plus those whose date is unknown. None (all) when no
        document's date tells them apart."""
        docs = self.index.documents
        if not (q.years or q.issue) or len(docs) < 2:
            return None
        keep = set()
        for d in docs:
            year_ok = not q.years or d.year is None or d.year in q.years
            issue_ok = q.issue is None or not d.issue or f"第{q.issue}期" in d.issue
            if year_ok and issue_ok:
                keep.add(d.name)
        if q.years and not q.about_meeting:
            # (江苏2024年高新技术企业达到多少家: a 2025 issue tells 2024's figures; a year that dates
            # no meeting may date what the report says, in any document whose report writes it)
            keep |= {s.doc for s in self.index.sections if (not q.provinces or s.province in q.provinces) and self._writes_year(s, q.years)}
        if not keep or len(keep) == len(docs):
            return None  # the question's year speaks of the content, not of which bulletin
        # (2024年山东地区生产总值, asked of a 2025 page that alone reports on 山东: the year is the figure's)
        if q.provinces and not any(s.doc in keep and s.province in q.provinces for s in self.index.sections):
            return None
        return frozenset(keep)


_MANY_WORDS = 4


def _with_found(text: str, found: tuple[str, ...]) -> str:
    """哪些省开会时放了专题片 → 广东、甘肃开会时放了专题片: the question with the provinces its
    answer found in place of its question word."""
    m = WHICH.search(text)
    return text[: m.start()] + "、".join(found) + text[m.end() :] if m else "、".join(found) + text


def _year_chose(q: Question, docs: frozenset[str] | None) -> Question:
    """福建2025年的会发布了什么政策: once the year has chosen the documents, it is no key word
    (it would rank first the sentences that repeat it: 会议提出，2025年全省…)."""
    if docs is None or not q.years:
        return q
    q = replace(q, terms=tuple(t for t in q.terms if not re.fullmatch(r"(?:19|20)\d\d|年", t)))
    # 安徽2025年的会表彰了多少个先进县: a year that dates only the meeting is no year of what its
    # report tells (表彰了2024年度…先进县30个)
    dates = sum(len(_YEAR_IN.findall(m.group())) for m in _MEETING_YEAR.finditer(q.text))
    return replace(q, years=()) if dates == len(_YEAR_IN.findall(q.text)) else q


_YEAR_IN = re.compile(r"(?:19|20)\d\d\s*年")


# 2025年的会, 2025年开的, 2025年召开的大会: the year dates the meeting itself
# (2025年广东召开的…大会, 2025年四川的会: a place may stand between)
_MEETING_YEAR = re.compile(r"(?:19|20)\d\d\s*年(?:的|春节后|新春)?(?:[^，。？\s]{0,12}?(?:会议|大会|座谈会)|会|[^，。？\s]{1,6}?的会|[^，。？\s]{0,4}?(?:开的|开了|开会|召开|举行|举办))")

# 分别, 各, 两年: a question of several years asks each of them
_EACH = re.compile(r"分别|各自|各[是有在由开]|两年|几年|每年的|相比|对比|比较|有什么不同|有何不同|变化")
_YEARS = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:度)?\s*(?:和|与|及|、|跟|同|还是|或)?\s*)+")


def _without_years(text: str) -> str:
    """湖南2025年的会和2024年的会分别…: the question without its years, and without the words
    each year had repeated (湖南的会分别…, not 湖南的会和的会分别…)."""
    return re.sub(r"(的?[\u4e00-\u9fff]{1,4}?)(?:和|与|及|跟|同|、)\1", r"\1", _YEARS.sub("", text))


def _valid_text(text) -> str:
    """Lone surrogates (a JSON "\\ud800", argv decoded with surrogateescape) cannot be
    encoded as UTF-8; they become U+FFFD. Valid surrogate pairs are joined."""
    text = "" if text is None else str(text)
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


# ２０２５年, ＧＤＰ, ５．５％: a question typed with full-width digits and letters asks what the
# half-width ones ask (the question's readers look for 2025年); its full-width punctuation (，？)
# is how Chinese is written and stays
_HALF_WIDTH = {**{c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}, **{c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)},
               **{c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)}, ord("％"): "%", ord("．"): "."}


def _clean_provinces(provinces) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(short names of the provinces given, names that are no province)."""
    if not provinces:
        return (), ()
    if isinstance(provinces, str):
        provinces = [provinces]
    known: list[str] = []
    unknown: list[str] = []
    for p in provinces:
        text = str(p).strip()
        name = FRONT_PROVINCE if text == FRONT_PROVINCE else normalise_province(text)
        if name and name not in known:
            known.append(name)
        elif not name and text:
            unknown.append(text[:20])
    return tuple(known), tuple(unknown)


def ensure_index(index_dir: Path, paths: Paths | None = None, progress=None) -> bool:
    """Build the built-in corpus's index in `index_dir` when it holds none. An index that an
    older version wrote is rebuilt from the files it was built from, where they still
    exist, so that nobody's documents are dropped. True when it built one."""
    from .indexing import build_index

    files = [BUILTIN_CORPUS]
    if index_exists(index_dir):
        try:
            load_index(index_dir, verify=False)
            return False
        except IndexOutdated:
            files = _source_files(index_dir) or files
    build_index(files, index_dir, paths_config=paths, progress=progress)
    return True


def _source_files(index_dir: Path) -> list[Path]:
    """The files an index of any format was built from, that still exist."""
    import json

    from .index_store import CURRENT, MANIFEST

    try:
        manifest = json.loads((Path(index_dir) / CURRENT / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = manifest.get("documents") or manifest.get("files") or []
    found = [Path(e["path"]) for e in entries if isinstance(e, dict) and e.get("path")]
    return [p for p in found if p.is_file()]


def get_assistant(index_dir: Path | str | None = None, settings: Settings | None = None, build_default: bool = True) -> Assistant:
    """The process-wide Assistant for an index folder (the default index when None).
    The default index is built from the built-in corpus when it is missing."""
    settings = (settings or Settings()).with_index(index_dir)
    folder = Path(settings.index_dir).resolve()
    key = (str(folder), settings.answer, settings.paths.cache_dir)
    with _lock:
        if key not in _assistants:
            if build_default and folder == Paths().index_dir.resolve():
                ensure_index(folder, settings.paths)
            index = load_index(folder)
            _assistants[key] = _settled(Assistant(index, load_encoder(index.build.model, settings.paths), settings.answer))
        return _assistants[key]


def _settled(assistant: Assistant) -> Assistant:
    """The index and model live as long as the process: out of the cyclic collector's view,
    a full collection no longer rescans their objects (about 60,000 for the bulletin). Over
    412 answers one full collection ran, inside an answer: 32 ms, frozen 2.7 ms."""
    gc.collect()
    gc.freeze()
    return assistant


def reload_assistant(index_dir: Path | str, settings: Settings | None = None) -> Assistant:
    """Load the index folder's current build afresh (after an upload swapped it in)."""
    settings = (settings or Settings()).with_index(index_dir)
    folder = Path(settings.index_dir).resolve()
    index = load_index(folder)
    assistant = Assistant(index, load_encoder(index.build.model, settings.paths), settings.answer)
    with _lock:
        _assistants[(str(folder), settings.answer, settings.paths.cache_dir)] = assistant
        gc.unfreeze()  # (the build it replaces may be collected now, cycles and all)
        _settled(assistant)
    return assistant


def answer(question: str, provinces=None, k: int = 5, index_dir=None, history=None) -> Answer:
    """Answer from the default index (or `index_dir`); see Assistant.answer."""
    return get_assistant(index_dir).answer(question, provinces=provinces, k=k, history=history)
