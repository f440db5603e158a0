"""Stage 5: hybrid, province-aware retrieval that returns everything the answer needs.

Candidates come from three searches inside the question's scope (its provinces and
documents): the nearest chunk vectors, the nearest sentence vectors, and BM25. Only
candidates are scored, so a question costs the same on 100 chunks as on 100,000.
A candidate's score fuses its dense similarity (the chunk's vector mixed with its
best sentence's) with BM25, trusting BM25 only as far as some passage covers the
question's key words. The result (`Retrieved`) holds each candidate with every one
of its sentences scored; the answer strategies read only that.
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from .config import AnswerSettings
from .gazetteer import provinces_in
from .index_store import IndexData, rows_of
from .layout import toc_entry
from .phrases import bare, holds_phrases, run_holding, written_ways
from .predicate import SAYS
from .question import Question
from .schema import FRONT_PROVINCE, UNKNOWN_PROVINCE, Chunk, MeetingRecord
from .speakers import Speakers
from .vector_index import search


@dataclass(frozen=True)
class SentenceHit:
    row: int  # the sentence's row in the index
    start: int  # offsets inside the chunk text
    end: int
    sim: float  # cosine similarity to the question
    coverage: float  # IDF-weighted share of the question's key words it holds
    score: float  # sim plus a share for coverage: how quotes and provinces are ranked


@dataclass(frozen=True)
class Candidate:
    chunk: Chunk
    score: float  # fused; comparable within one question only
    dense: float  # cosine similarity of the chunk to the question
    sentence: float  # cosine similarity of the chunk's best sentence
    keyword: float  # BM25 score
    coverage: float  # IDF-weighted share of the question's key words in the chunk
    opens_section: bool  # its first line is a section heading
    sentences: tuple[SentenceHit, ...]

    @property
    def best(self) -> SentenceHit | None:
        return max(self.sentences, key=lambda s: s.score, default=None)

    def text(self, s: SentenceHit) -> str:
        return self.chunk.text[s.start : s.end]


@dataclass(frozen=True)
class _Scored:
    """Scores of the candidates (by position j) and of their sentences (rows bounds[j]:bounds[j+1])."""

    ids: np.ndarray
    dense: np.ndarray
    best: np.ndarray
    keyword: np.ndarray
    coverage: np.ndarray
    fused: np.ndarray
    rows: np.ndarray
    bounds: np.ndarray
    sims: np.ndarray
    sent_cov: np.ndarray
    sent_score: np.ndarray


@dataclass(frozen=True)
class Speaker:
    """The sentence that names who speaks another (王浩强调，…), inside its passage."""

    candidate: Candidate
    start: int  # the sentence, inside the passage's text
    end: int
    name_start: int  # the speaker's name, inside the passage's text
    name_end: int

    @property
    def name(self) -> str:
        return self.candidate.chunk.text[self.name_start : self.name_end]


@dataclass(frozen=True)
class Scope:
    """Where to look: provinces (all when empty), and documents (all when None)."""

    provinces: tuple[str, ...] = ()
    strict: bool = False  # only the provinces' own reports, not the editor's summary naming them
    docs: frozenset[str] | None = None


@dataclass(frozen=True)
class TocLine:
    """A table-of-contents line of a document's front matter: where a report starts."""

    candidate: Candidate  # the front-matter passage holding the line
    start: int  # offsets of the line inside the passage text
    end: int
    page: int
    title: str


@dataclass
class Retrieved:
    """One question's retrieval, self-contained: the answer never calls back."""

    question: Question
    scope: Scope
    ranked: list[Candidate]  # candidates in scope, best first
    # the best sentence of each (document, province) in scope, best first: "which provinces"
    province_best: list[Candidate] = field(default_factory=list)
    # each province's report opening: the meeting's who, when and what
    openings: dict[str, Candidate] = field(default_factory=dict)
    # the opening of each section the top passages belong to, by (doc, section label): an
    # appendix can report an event of its own (a press conference two days later)
    section_openings: dict[tuple[str, str], Candidate] = field(default_factory=dict)
    # for a question asking on which page a report starts: the contents lines of the top passages' documents
    toc: list[TocLine] = field(default_factory=list)
    # meeting records in scope, with each field's evidence as (candidate, start, end in its text)
    meetings: list[tuple[MeetingRecord, dict[str, tuple[Candidate, int, int]]]] = field(default_factory=list)
    # the opening of each record's own report, by (doc, section label): a province may have
    # reports in several documents, and what one does not say is shown from its own text
    meeting_openings: dict[tuple[str, str], Candidate] = field(default_factory=dict)
    # for a comparison: the parts of the editor's overview that name a province compared,
    # scored (上海连续7年…: the overview may say what a report leaves implicit)
    overview: list[Candidate] = field(default_factory=list)
    multi_doc: bool = False  # the index holds more than one document
    outside: list[Candidate] = field(default_factory=list)  # the closest passages outside the scope, when it has few
    # 哪些省没有提到营商环境: the opening of each report in scope none of whose passages names it
    silent: list[Candidate] = field(default_factory=list)
    reports_read: int = 0  # …and how many reports in scope were read for it (or for a phrase asked as written)
    # IDF of the question's key words and predicate: how much each says about a passage
    weights: dict[str, float] = field(default_factory=dict)
    # every report's whole text by (doc, province), shared with the retriever, not copied: what
    # a question takes as given (那300余家企业, “五支队伍”) is looked for in the whole report
    reports: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # for a question asking who: the speaker of each sentence (by row) of the top passages
    speakers: dict[int, Speaker] = field(default_factory=dict)

    def by_province(self, province: str) -> list[Candidate]:
        return [c for c in self.ranked if c.chunk.province == province]


class ReportTexts(Mapping):
    """Each report's whole text by (doc, province), its chunks joined on first need: only a
    question that states a premise reads one, so an index of many reports holds no second
    copy of its text from the start."""

    def __init__(self, chunks: list[Chunk]):
        self._chunks = chunks
        self._ids: dict[tuple[str, str], list[int]] = {}
        for i, c in enumerate(chunks):
            self._ids.setdefault((c.doc, c.province), []).append(i)
        self._texts: dict[tuple[str, str], str] = {}

    def __getitem__(self, key: tuple[str, str]) -> str:
        if key not in self._texts:
            self._texts[key] = "\n".join(self._chunks[i].text for i in self._ids[key])
        return self._texts[key]

    def __contains__(self, key) -> bool:
        return key in self._ids

    def __iter__(self):
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class Retriever:
    """Hybrid retrieval over one loaded index.

    `retrieve(question, query_vector, scope, k)` returns a `Retrieved`: the candidates in
    scope, best first, each with every one of its sentences scored, plus what the
    question's type needs (each province's best sentence, report openings, meeting
    records). Per-index work (province and document ids, report openings, where meeting
    evidence lies) is done once here."""

    def __init__(self, index: IndexData, settings: AnswerSettings, similarity: tuple[float, float] = (0.0, 1.0)):
        self.index = index
        self.settings = settings
        self.similarity = similarity  # (a, b): the encoder's cosine c reads as a + b * c
        chunks = index.chunks
        self.province_ids = {p: i for i, p in enumerate(dict.fromkeys(c.province for c in chunks))}
        self.chunk_province = np.array([self.province_ids[c.province] for c in chunks], dtype=np.int32)
        self.doc_ids = {d: i for i, d in enumerate(dict.fromkeys(c.doc for c in chunks))}
        self.chunk_doc = np.array([self.doc_ids[c.doc] for c in chunks], dtype=np.int32)
        self.is_front = self.chunk_province == self.province_ids.get(FRONT_PROVINCE, -1)
        # a province's own report: neither the editor's overview nor text no province owns
        self.in_report = ~self.is_front & (self.chunk_province != self.province_ids.get(UNKNOWN_PROVINCE, -1))
        starts = {(s.doc, s.start) for s in index.sections}
        self.opens_section = np.array([(c.doc, c.start) in starts for c in chunks], dtype=bool)
        self.sentence_chunk = index.sentences.chunk_of()
        self.clause_chunk = self.sentence_chunk[index.clauses.sentence_of()] if index.clauses is not None else np.zeros(0, np.int64)
        # each province's report openings, in order: the meeting's who, when and what
        openings: dict[str, list[int]] = {}
        for i in np.flatnonzero(self.opens_section):
            if chunks[i].kind == "report":
                openings.setdefault(chunks[i].province, []).append(int(i))
        self._report_openings = {p: np.array(ids, dtype=np.int64) for p, ids in openings.items()}
        self._section_first = {(chunks[i].doc, chunks[i].section): int(i) for i in np.flatnonzero(self.opens_section)}
        # each document's table of contents, as (chunk id, start, end, page, title) per line
        self._toc: dict[str, list[tuple[int, int, int, int, str]]] = {}
        for i in np.flatnonzero(self.is_front):
            at = 0
            for line in chunks[i].text.split("\n"):
                if entry := toc_entry(line):
                    self._toc.setdefault(chunks[i].doc, []).append((int(i), at, at + len(line), entry.page, entry.title))
                at += len(line) + 1
        # which provinces each chunk of the editor's summary names, for questions about one of them
        self._front_naming: dict[str, list[int]] = {}
        for i in np.flatnonzero(self.is_front):
            for p in provinces_in(chunks[i].text, cities=False):
                self._front_naming.setdefault(p, []).append(int(i))
        self._evidence = _locate_evidence(chunks, index.meetings)
        self._speakers = Speakers(index)
        self._bare_texts: list[str] | None = None  # each chunk as phrases are found in it, read on first need
        self._reports = ReportTexts(chunks)

    # ------------------------------------------------------------ scope
    def scope_mask(self, scope: Scope) -> np.ndarray:
        n = len(self.index.chunks)
        mask = np.ones(n, dtype=bool)
        if scope.docs is not None:
            mask &= np.isin(self.chunk_doc, [self.doc_ids[d] for d in scope.docs if d in self.doc_ids])
        if scope.provinces:
            wanted = [self.province_ids[p] for p in scope.provinces if p in self.province_ids]
            in_province = np.isin(self.chunk_province, wanted)
            if not scope.strict:
                # the editor's summary speaks of every province: keep the parts that name one asked about
                named = [i for p in scope.provinces for i in self._front_naming.get(p, ())]
                in_province[named] = True
            mask &= in_province
        return mask

    # ------------------------------------------------------------ retrieve
    def retrieve(self, q: Question, qvec: np.ndarray, scope: Scope, k: int = 5, asked: np.ndarray | None = None) -> Retrieved:
        """Candidates in scope, best first, with what q's type needs. When the scope
        holds fewer than k passages, the closest ones outside it come too (`outside`),
        so that a refusal can still show k passages to check it against. `asked`, the
        vector of q.asked_search, also scores the candidates' sentences."""
        qvec = np.asarray(qvec, dtype=np.float32).reshape(-1)
        mask = self.scope_mask(scope)
        # once: every scoring below reads it (with the words only a variant holds, 民营企业 for 民企)
        keyword = self.index.keywords.scores(list(dict.fromkeys(q.terms + tuple(w for v in q.term_variants for w in v))))
        scored = self._score(q, qvec, self._candidates(q, qvec, mask, keyword), keyword)
        ranked = self._ranked(scored, self.settings.keep)
        if asked is not None:
            ranked = self._asked_sentences(ranked, np.asarray(asked, dtype=np.float32).reshape(-1))
        out = Retrieved(q, scope, ranked, multi_doc=len(self.doc_ids) > 1, reports=self._reports)
        out.weights = self.index.terms.idf_of(set(q.terms) | set(q.predicate) | set(q.clause_words))
        if len(out.ranked) < k and not mask.all():
            rest = self._score(q, qvec, self._candidates(q, qvec, ~mask, keyword), keyword)
            out.outside = self._ranked(rest, k - len(out.ranked))
        if q.qtype == "which":
            out.province_best = self._province_best(scored, q.quoted, q.quoted_any)
        if q.absent:
            out.silent, out.reports_read = self._silent(q, qvec, mask, keyword)
        elif q.qtype == "which" and q.quoted:
            out.reports_read = len(self._reports_in(mask))
        about_meeting = q.about_meeting or q.at_event or q.qtype == "compare"
        if about_meeting or q.kind == "person":
            # (a person asked by post: the opening writes each speaker's post, 省委书记黄坤明)
            out.openings = self._openings(q, qvec, mask, keyword)
            if about_meeting:  # (the records answer only questions about the meetings)
                out.meetings = self._meetings(q, qvec, scope, keyword)
                out.meeting_openings = self._section_openings(q, qvec, {(m.doc, m.section) for m, _ in out.meetings}, keyword)
            # (what when_or_where_held reads; and the full name of an event a sentence calls 发布会上)
            if q.kind in ("date", "place") or q.meeting_words:
                top = out.ranked[: self.settings.quote_pool]
                out.section_openings = self._section_openings(q, qvec, {(c.chunk.doc, c.chunk.section) for c in top}, keyword)
        if q.qtype == "compare" and scope.provinces:
            named = {i for p in scope.provinces for i in self._front_naming.get(p, ())
                     if scope.docs is None or self.index.chunks[i].doc in scope.docs}
            out.overview = list(self._scored_by_id(q, qvec, named, keyword).values())
        if q.asks_page:
            out.toc = self._toc_lines(q, qvec, out.ranked[: self.settings.quote_pool], keyword)
        if q.kind == "person" or q.speaker or q.kind == "place" and SAYS.search(q.text):  # (哪个城市提出: its speaker's title)
            out.speakers = self._speakers_of(q, qvec, out.ranked[: 3 * self.settings.quote_pool], keyword)
        return out

    def _asked_sentences(self, ranked: list[Candidate], asked: np.ndarray) -> list[Candidate]:
        """The candidates with each sentence's similarity moved towards its similarity to what
        is asked of the meeting named (asked_weight): the passages were found by the whole
        question, but within the meeting's report the meeting's name tells no sentence apart."""
        rows = np.array([h.row for c in ranked for h in c.sentences], dtype=np.int64)
        if not len(rows):
            return ranked
        w = self.settings.asked_weight
        sims = iter(self._sentence_sims(rows, asked).tolist())
        out = []
        for c in ranked:
            hits = []
            for h in c.sentences:
                sim = (1 - w) * h.sim + w * next(sims)
                hits.append(replace(h, sim=sim, score=h.score - h.sim + sim))
            out.append(replace(c, sentences=tuple(hits)))
        return out

    def _candidates(self, q: Question, qvec: np.ndarray, mask: np.ndarray, keyword: np.ndarray) -> np.ndarray:
        """Chunk ids worth scoring: the nearest chunks, the chunks of the nearest
        sentences, and the best BM25 matches, all inside the scope."""
        s, index = self.settings, self.index
        allowed = None if mask.all() else mask
        dense_ids, _ = search(index.chunk_search, qvec, s.candidates, allowed)
        parts = [dense_ids]
        if index.sentence_search is not None:
            row_mask = None if allowed is None else mask[self.sentence_chunk]
            n = s.which_sentence_candidates if q.qtype == "which" else s.sentence_candidates
            rows, _ = search(index.sentence_search, qvec, n, row_mask)
            parts.append(self.sentence_chunk[rows])
            if index.clause_search is not None:
                clauses, _ = search(index.clause_search, qvec, n, None if allowed is None else mask[self.clause_chunk])
                parts.append(self.clause_chunk[clauses])
        keyword = np.where(mask, keyword, 0.0)
        top = np.argpartition(-keyword, min(s.candidates, len(keyword) - 1))[: s.candidates]
        parts.append(top[keyword[top] > 0])
        if q.qtype == "which" and q.quoted:
            # which reports write a phrase asked for as written: every passage that writes it, however
            # many (the nearest ones alone would miss a report, over many bulletins)
            parts.append(np.array(sorted(self._naming([w for t in q.quoted for w in written_ways(t)], mask)), dtype=np.int64))
        return np.unique(np.concatenate(parts)).astype(np.int64)

    def _naming(self, ways: list[str], mask: np.ndarray) -> set[int]:
        """The report chunks in scope that write one of these ways, read in full."""
        if self._bare_texts is None:
            self._bare_texts = [bare(c.text) for c in self.index.chunks]
        ways = [bare(w) for w in ways]
        return {int(i) for i in np.flatnonzero(mask & self.in_report) if any(w in self._bare_texts[i] for w in ways)}

    def _reports_in(self, mask: np.ndarray) -> dict[tuple[int, int], int]:
        """Each report in scope (a document's part for one province): its first chunk."""
        rows = np.flatnonzero(mask & self.in_report)
        _, first = np.unique((self.chunk_doc[rows].astype(np.int64) << 32) + self.chunk_province[rows], return_index=True)
        return {(int(self.chunk_doc[i]), int(self.chunk_province[i])): int(i) for i in sorted(rows[first])}

    def _score(self, q: Question, qvec: np.ndarray, ids: np.ndarray, keyword_all: np.ndarray) -> _Scored:
        """Every candidate and every one of its sentences scored, as arrays."""
        s, index = self.settings, self.index
        dense = self._scaled(np.asarray(index.chunk_vectors[ids] @ qvec, dtype=np.float32)) if len(ids) else np.zeros(0, np.float32)
        rows, bounds = rows_of(index.sentences.chunk_offsets, ids)
        counts = np.diff(bounds)
        sims = self._sentence_sims(rows, qvec)
        sent_cov = _coverage(index.terms, index.terms.sentences, rows, q)
        best = dense.copy()
        has = counts > 0
        if len(rows):
            best[has] = np.maximum.reduceat(sims, bounds[:-1][has])
        keyword = keyword_all[ids]
        coverage = _coverage(index.terms, index.terms.chunks, ids, q)
        fused = np.zeros(0, np.float32)
        if len(ids):
            # when no passage holds most of the question's words (a paraphrase), the
            # keyword ranking is noise: trust it only as far as the best coverage goes
            trust = float(coverage.max(initial=0.0)) if s.adaptive_keywords else 1.0
            fused = self._fuse((1 - s.sentence_weight) * dense + s.sentence_weight * best, keyword, trust)
            # key-word coverage breaks ties among passages of similar similarity
            fused = fused + s.coverage_weight * coverage * float(fused.max(initial=0.0))
            # the editor's summary sounds like every question; a report says it first-hand
            fused = np.where(self.is_front[ids], fused * s.front_weight, fused).astype(np.float32)
        return _Scored(ids, dense, best, keyword, coverage, fused, rows, bounds, sims, sent_cov,
                       sims + s.quote_coverage_weight * sent_cov)

    def _sentence_sims(self, rows: np.ndarray, qvec: np.ndarray) -> np.ndarray:
        """Each sentence's similarity to the question: its own vector's, raised halfway
        (clause_weight) towards its best clause's when that is closer. (The clauses are
        encoded as questions, so every sentence has them, a sentence of one clause
        itself: a sentence of many would otherwise gain over one of few.)"""
        index = self.index
        if not len(rows):
            return np.zeros(0, np.float32)
        sims = self._scaled(np.asarray(index.sentence_vectors[rows] @ qvec, dtype=np.float32))
        if index.clauses is None or not self.settings.clause_weight:
            return sims
        offsets = index.clauses.sentence_offsets
        split = np.flatnonzero(offsets[rows + 1] > offsets[rows])
        if len(split):
            clauses, bounds = rows_of(offsets, rows[split])
            # (einsum, not a BLAS product: a product this size runs OpenBLAS on both cores, whose
            # threads then spin and leave the next query's encoder one core, +3 ms measured)
            best = self._scaled(np.maximum.reduceat(np.einsum("ij,j->i", np.asarray(index.clause_vectors[clauses]), qvec), bounds[:-1]))
            w = self.settings.clause_weight
            sims[split] = (1 - w) * sims[split] + w * np.maximum(best, sims[split])
        return sims

    def _scaled(self, cosines: np.ndarray) -> np.ndarray:
        a, b = self.similarity
        return cosines if (a, b) == (0.0, 1.0) else (a + b * cosines).astype(np.float32)

    def _candidate(self, sc: _Scored, j: int) -> Candidate:
        index = self.index
        cid = int(sc.ids[j])
        a, b = sc.bounds[j], sc.bounds[j + 1]
        sentences = tuple(
            SentenceHit(int(sc.rows[r]), int(index.sentences.starts[sc.rows[r]]), int(index.sentences.ends[sc.rows[r]]),
                        float(sc.sims[r]), float(sc.sent_cov[r]), float(sc.sent_score[r]))
            for r in range(a, b)
        )
        return Candidate(index.chunks[cid], float(sc.fused[j]), float(sc.dense[j]), float(sc.best[j]), float(sc.keyword[j]),
                         float(sc.coverage[j]), bool(self.opens_section[cid]), sentences)

    def _ranked(self, sc: _Scored, n: int) -> list[Candidate]:
        order = np.lexsort((sc.ids, -sc.fused))[:n]
        return [self._candidate(sc, int(j)) for j in order]

    def _fuse(self, dense: np.ndarray, keyword: np.ndarray, trust: float) -> np.ndarray:
        s = self.settings
        if s.fusion == "rrf":
            rd = np.empty(len(dense))
            rd[np.argsort(-dense, kind="stable")] = np.arange(len(dense))
            rk = np.empty(len(keyword))
            rk[np.argsort(-keyword, kind="stable")] = np.arange(len(keyword))
            keyword_part = np.where(keyword > 0, trust * s.keyword_weight / (s.rrf_k + rk), 0.0)
            return (s.dense_weight / (s.rrf_k + rd) + keyword_part).astype(np.float32)

        def scale(x: np.ndarray) -> np.ndarray:
            lo, hi = float(x.min()), float(x.max())
            return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)

        return (s.dense_weight * scale(dense) + trust * s.keyword_weight * scale(keyword)).astype(np.float32)

    # ------------------------------------------------------------ views for the strategies
    def _province_best(self, sc: _Scored, quoted: tuple[str, ...] = (), any_of: bool = False) -> list[Candidate]:
        """For each (document, province) with a report: the candidate holding its best
        sentence, best first."""
        if not len(sc.rows):
            return []
        owner = np.repeat(np.arange(len(sc.ids)), np.diff(sc.bounds))
        chunk = sc.ids[owner]
        keep = self.in_report[chunk]
        if quoted:
            # a phrase in quotation marks is asked for as written: only sentences that hold it count
            keep &= np.fromiter((self._holds_quoted(int(r), quoted, any_of) for r in sc.rows), dtype=bool, count=len(chunk))
        key = (self.chunk_doc[chunk].astype(np.int64) << 32) + self.chunk_province[chunk]
        rows = np.flatnonzero(keep)
        order = rows[np.lexsort((-sc.sent_score[rows], key[rows]))]
        _, firsts = np.unique(key[order], return_index=True)
        winners = order[firsts]
        winners = winners[np.argsort(-sc.sent_score[winners], kind="stable")]
        # only those the which-provinces answer can list: within which_gap of the best
        # (over many bulletins there are thousands of document-province pairs)
        if len(winners) and not quoted:  # a phrase asked for as written is listed wherever it stands
            # (or holds every key word, of one variant: it says what was asked, however it scores)
            winners = winners[(sc.sent_score[winners] >= sc.sent_score[winners[0]] - self.settings.which_gap) | (sc.sent_cov[winners] >= ALL_WORDS)]
        return [self._candidate(sc, int(j)) for j in dict.fromkeys(owner[winners])]

    def _holds_quoted(self, row: int, quoted: tuple[str, ...], any_of: bool) -> bool:
        """The sentence holds the phrases asked for; or one of them, and a run of it and its
        neighbours the rest (phrases.run_holding)."""
        sentences, chunk = self.index.sentences, int(self.sentence_chunk[row])
        text = self.index.chunks[chunk].text
        own = text[sentences.starts[row] : sentences.ends[row]]
        if holds_phrases(quoted, own, any_of):
            return True
        if any_of or len(quoted) < 2 or not holds_phrases(quoted, own, any_of=True):
            return False
        rows = sentences.rows(chunk)
        near = range(max(row - 1, rows.start), min(row + 1, rows.stop - 1) + 1)
        return run_holding(quoted, text, [(int(sentences.starts[r]), int(sentences.ends[r])) for r in near]) is not None

    def _speakers_of(self, q: Question, qvec: np.ndarray, ranked: list[Candidate], keyword: np.ndarray) -> dict[int, Speaker]:
        """The speaker of every sentence of these candidates that a speech before it names."""
        found = {t.row: sp for c in ranked for t in c.sentences if (sp := self._speakers.of(t.row))}
        have = {c.chunk.id: c for c in ranked}
        chunk_of = self._speakers.chunk_of
        missing = sorted({int(chunk_of[r]) for r, _, _ in found.values()} - set(have))
        if missing:
            have.update({c.chunk.id: c for c in self._ranked(self._score(q, qvec, np.array(missing, dtype=np.int64), keyword), len(missing))})
        starts, ends = self.index.sentences.starts, self.index.sentences.ends
        out = {}
        for row, (r, a, b) in found.items():
            s0 = int(starts[r])
            out[row] = Speaker(have[int(chunk_of[r])], s0, int(ends[r]), s0 + a, s0 + b)
        return out

    def _openings(self, q: Question, qvec: np.ndarray, mask: np.ndarray, keyword: np.ndarray) -> dict[str, Candidate]:
        """Each province's first report chunk in scope, scored for this question."""
        first: dict[str, int] = {}
        for province, ids in self._report_openings.items():
            inside = ids[mask[ids]]
            if len(inside):
                first[province] = int(inside[0])
        return {c.chunk.province: c for c in self._scored_by_id(q, qvec, first.values(), keyword).values()}

    def _silent(self, q: Question, qvec: np.ndarray, mask: np.ndarray, keyword: np.ndarray) -> tuple[list[Candidate], int]:
        """The opening of each report in scope (a document's part for one province) none of
        whose passages names q.absent, in any way it is written: that something is missing is
        shown by reading every passage, never by a similarity."""
        openings = self._reports_in(mask)
        naming = {(int(self.chunk_doc[i]), int(self.chunk_province[i])) for i in self._naming(written_ways(q.absent), mask)}
        silent = {i for report, i in openings.items() if report not in naming}
        return sorted(self._scored_by_id(q, qvec, silent, keyword).values(), key=lambda c: c.chunk.id), len(openings)

    def _scored_by_id(self, q: Question, qvec: np.ndarray, ids, keyword: np.ndarray) -> dict[int, Candidate]:
        """These chunks scored for the question, best first, by chunk id."""
        ids = np.array(sorted(ids), dtype=np.int64)
        return {c.chunk.id: c for c in self._ranked(self._score(q, qvec, ids, keyword), len(ids))}

    def _toc_lines(self, q: Question, qvec: np.ndarray, top: list[Candidate], keyword: np.ndarray) -> list[TocLine]:
        lines = [line for doc in dict.fromkeys(c.chunk.doc for c in top) for line in self._toc.get(doc, ())]
        by_id = self._scored_by_id(q, qvec, {i for i, *_ in lines}, keyword)
        return [TocLine(by_id[i], a, b, page, title) for i, a, b, page, title in lines]

    def _section_openings(self, q: Question, qvec: np.ndarray, sections: set[tuple[str, str]], keyword: np.ndarray):
        """The first chunk of each of these sections, by (doc, section label), scored for this question."""
        ids = {self._section_first.get(key) for key in sections} - {None}
        return {(c.chunk.doc, c.chunk.section): c for c in self._scored_by_id(q, qvec, ids, keyword).values()}

    def _meetings(self, q: Question, qvec: np.ndarray, scope: Scope, keyword: np.ndarray):
        """The meeting records in scope, each field's evidence as (candidate, start, end in its text)."""
        chosen = [r for r, m in enumerate(self.index.meetings) if (not scope.provinces or m.province in scope.provinces)
                  and (scope.docs is None or m.doc in scope.docs)]
        scored = self._scored_by_id(q, qvec, {cid for r in chosen for cid, _, _ in self._evidence[r].values()}, keyword)
        return [(self.index.meetings[r], {name: (scored[cid], a, b) for name, (cid, a, b) in self._evidence[r].items()})
                for r in chosen]


def _locate_evidence(chunks: list[Chunk], meetings) -> list[dict[str, tuple[int, int, int]]]:
    """For each meeting record, each field's evidence as (chunk id, start, end inside that chunk)."""
    by_doc: dict[str, list[Chunk]] = {}
    for c in chunks:
        by_doc.setdefault(c.doc, []).append(c)
    starts = {doc: [c.start for c in cs] for doc, cs in by_doc.items()}
    out = []
    for m in meetings:
        fields = {}
        for name, ev in m.evidence.items():
            cs = by_doc.get(ev.doc, [])
            i = bisect.bisect_right(starts.get(ev.doc, []), ev.start) - 1
            if i >= 0 and cs[i].start <= ev.start < cs[i].end:
                fields[name] = (cs[i].id, ev.start - cs[i].start, min(ev.end, cs[i].end) - cs[i].start)
        out.append(fields)
    return out


ALL_WORDS = 1 - 1e-6  # a coverage share: every key word held (float sums fall just short of 1)


def _coverage(terms, matrix, rows: np.ndarray, q: Question) -> np.ndarray:
    """The share of the question's key words each row holds; of alternatives (港口或口岸),
    the best variant's share."""
    if not q.term_variants:
        return terms.coverage(matrix, rows, q.terms)
    return np.max([terms.coverage(matrix, rows, v) for v in q.term_variants], axis=0)
