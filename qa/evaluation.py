"""`qa eval`: how well the assistant finds, quotes and cites, measured on data/questions.jsonl.

The full system (qa.assistant) is compared, on the same questions in the same
run, with three retrieval-only baselines:

* dense     FAISS over the same index vectors, top-k chunks
* bm25      the same index's keyword index alone
* langchain LangChain's usual recipe: RecursiveCharacterTextSplitter(1000, 200)
            on the raw file text, the same encoder without the title prefix,
            a flat inner-product FAISS index

Evidence strings are verbatim substrings of the cleaned document; a passage
"contains" one when it does after all white space is removed from both sides
(the raw-text baseline keeps PDF line breaks and stray spaces).
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from .config import DEFAULT_QUESTIONS, PROJECT_ROOT, Settings
from .schema import Answer, Citation, Section

TYPES = ("fact", "figure", "person", "which", "compare", "paraphrase", "summary", "unanswerable")
KS = (1, 3, 5, 10)
SYSTEMS = ("system", "dense", "bm25", "langchain")
SYSTEM_LABELS = {
    "system": "full system",
    "dense": "dense only",
    "bm25": "BM25 only",
    "langchain": "LangChain default",
}
# LangChain tutorials' settings of RecursiveCharacterTextSplitter
LANGCHAIN_CHUNK_SIZE = 1000
LANGCHAIN_CHUNK_OVERLAP = 200

Progress = Callable[[str, int, int], None]


# ---------------------------------------------------------------- questions

class QuestionsError(ValueError):
    """A questions file that cannot be used; the message reads `file:line: reason`."""


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    type: str
    provinces: tuple[str, ...]
    evidence: tuple[str, ...]
    answer: str = ""

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"

    @property
    def split(self) -> str:
        return question_split(self.id)


def question_split(qid: str) -> str:
    """'tune' or 'test'. Fixed by a hash of the id before any tuning, so a question's
    part never depends on how the system does on it. Settings are tuned on 'tune' only."""
    return "test" if int(hashlib.sha256(qid.encode("utf-8")).hexdigest()[:8], 16) % 2 else "tune"


def _string_list(value, name: str, allow_empty: bool) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"'{name}' must be a list of strings, not {type(value).__name__}")
    for i, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            raise ValueError(f"'{name}'[{i}] must be a non-empty string")
    if not value and not allow_empty:
        raise ValueError(f"'{name}' must not be empty")
    return tuple(value)


def parse_question(obj) -> EvalQuestion:
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in ("id", "question", "type", "provinces", "evidence") if k not in obj]
    if missing:
        raise ValueError("missing field(s): " + ", ".join(missing))
    qid, text, qtype = obj["id"], obj["question"], obj["type"]
    if not isinstance(qid, str) or not qid.strip():
        raise ValueError("'id' must be a non-empty string")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'question' must be a non-empty string")
    if qtype not in TYPES:
        raise ValueError(f"unknown type {qtype!r}; use one of {', '.join(TYPES)}")
    answerable = qtype != "unanswerable"
    provinces = _string_list(obj["provinces"], "provinces", allow_empty=True)
    evidence = _string_list(obj["evidence"], "evidence", allow_empty=not answerable)
    if not answerable and evidence:
        raise ValueError("an unanswerable question must have no evidence")
    if answerable and not provinces:
        raise ValueError("an answerable question must name the province(s) of its evidence")
    answer = obj.get("answer", "")
    if not isinstance(answer, str):
        raise ValueError("'answer' must be a string")
    return EvalQuestion(qid.strip(), text.strip(), qtype, provinces, evidence, answer)


def load_questions(path: Path | str | None = None) -> list[EvalQuestion]:
    """Read a JSONL questions file. Blank lines are skipped; anything else that is
    wrong raises QuestionsError naming the file and line."""
    path = Path(path or DEFAULT_QUESTIONS)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QuestionsError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise QuestionsError(f"{path}:{line}: not UTF-8 text") from None
    questions: list[EvalQuestion] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionsError(f"{path}:{lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        try:
            q = parse_question(obj)
        except ValueError as exc:
            raise QuestionsError(f"{path}:{lineno}: {exc}") from None
        if q.id in seen:
            raise QuestionsError(f"{path}:{lineno}: duplicate id {q.id!r} (first on line {seen[q.id]})")
        seen[q.id] = lineno
        questions.append(q)
    if not questions:
        raise QuestionsError(f"{path}: no questions")
    return questions


# ---------------------------------------------------------------- metrics

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text with all white space removed."""
    return _WS.sub("", text)


@dataclass(frozen=True)
class Passage:
    """One ranked retrieval result. Offsets (when known) point into the cleaned document."""

    text: str
    province: str = ""
    section: str = ""
    doc: str = ""
    start: int = -1
    end: int = -1
    quote: str = ""
    score: float = 0.0


def citation_passage(c: Citation) -> Passage:
    return Passage(c.passage, c.province, c.section, c.doc, c.start, c.end, c.quote, c.score)


def _merged_texts(passages: Sequence[Passage], docs: dict[str, str] | None) -> list[str]:
    """Texts of runs of passages that touch in their document (only white space
    between them), so an evidence string cut by a chunk boundary still counts."""
    if not docs:
        return []
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for p in passages:
        if p.doc in docs and 0 <= p.start < p.end:
            by_doc.setdefault(p.doc, []).append((p.start, p.end))
    out = []
    for doc, spans in by_doc.items():
        text = docs[doc]
        spans.sort()
        runs: list[list[int]] = []
        for s, e in spans:
            if runs and (s <= runs[-1][1] or not text[runs[-1][1] : s].strip()):
                runs[-1][1] = max(runs[-1][1], e)
            else:
                runs.append([s, e])
        out += [text[s:e] for s, e in runs if (s, e) not in spans]
    return out


def evidence_recall(passages: Sequence[Passage], evidence: Sequence[str], k: int, docs: dict[str, str] | None = None) -> float | None:
    """Fraction of evidence strings found in the top-k passages (None: no evidence)."""
    if not evidence:
        return None
    top = list(passages[:k])
    texts = [squash(p.text) for p in top] + [squash(t) for t in _merged_texts(top, docs)]
    found = sum(1 for e in evidence if any(squash(e) in t for t in texts))
    return found / len(evidence)


def is_relevant(text: str, evidence: Sequence[str]) -> bool:
    t = squash(text)
    return any(squash(e) in t for e in evidence)


def reciprocal_rank(passages: Sequence[Passage], evidence: Sequence[str], k: int = 10) -> float | None:
    """1/rank of the first passage that contains an evidence string (MRR@k per question)."""
    if not evidence:
        return None
    for rank, p in enumerate(passages[:k], 1):
        if is_relevant(p.text, evidence):
            return 1.0 / rank
    return 0.0


def ndcg(passages: Sequence[Passage], evidence: Sequence[str], k: int = 10, n_relevant: int | None = None) -> float | None:
    """Binary-relevance nDCG@k. `n_relevant` is how many passages of the whole
    collection are relevant (for the ideal ranking); by default those retrieved."""
    if not evidence:
        return None
    gains = [1.0 if is_relevant(p.text, evidence) else 0.0 for p in passages[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal_n = int(sum(gains)) if n_relevant is None else max(int(n_relevant), int(sum(gains)))
    ideal_n = min(ideal_n, k)
    if ideal_n == 0:
        return 0.0
    idcg = sum(1.0 / math.log2(i + 2) for i in range(ideal_n))
    return dcg / idcg


def province_hit(passages: Sequence[Passage], gold: Sequence[str]) -> bool | None:
    """Is the top passage from one of the question's provinces? None: no gold provinces."""
    if not gold:
        return None
    return bool(passages) and passages[0].province in gold


def precision_recall(predicted: Iterable[str], gold: Iterable[str]) -> tuple[float | None, float | None]:
    pred, want = set(predicted), set(gold)
    right = len(pred & want)
    precision = right / len(pred) if pred else None
    recall = right / len(want) if want else None
    return precision, recall


def refusal_scores(pairs: Iterable[tuple[bool, bool]]) -> dict:
    """Refusals as a classifier. pairs: (should_abstain, abstained).
    precision: refusals that were right; recall: unanswerable questions refused."""
    tp = fp = fn = tn = 0
    for should, did in pairs:
        if should and did:
            tp += 1
        elif did:
            fp += 1
        elif should:
            fn += 1
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def check_citation(c: Citation, docs: dict[str, str]) -> str | None:
    """None when the citation is verbatim, else the reason it is not."""
    if not c.quote:
        return "empty quote"
    if c.quote not in c.passage:
        return "quote is not a substring of its passage"
    text = docs.get(c.doc)
    if text is None:
        return f"source document {c.doc!r} not found"
    if not (0 <= c.start <= c.end <= len(text)) or text[c.start : c.end] != c.passage:
        return f"passage is not {c.doc}[{c.start}:{c.end}]"
    return None


_CITED = re.compile(r"\[(\d+)\]")


def listed_provinces(answer: Answer) -> tuple[str, ...]:
    """The provinces an answer names as having the thing asked about."""
    if answer.abstained:
        return ()
    if answer.mode == "which":
        return tuple(answer.provinces)
    ranks = {int(m) for m in _CITED.findall(answer.text)}
    out: list[str] = []
    for c in answer.citations:
        if c.rank in ranks and c.province not in out:
            out.append(c.province)
    return tuple(out)


# ---------------------------------------------------------------- per question

@dataclass
class QuestionResult:
    id: str
    type: str
    answerable: bool
    question: str
    recall: dict[int, float | None]
    mrr: float | None
    ndcg: float | None
    province_ok: bool | None
    which_precision: float | None = None
    which_recall: float | None = None
    abstained: bool | None = None  # None for the baselines, which never abstain
    citations: int = 0
    faithful: int = 0
    unfaithful: list[str] = field(default_factory=list)
    top: list[dict] = field(default_factory=list)  # the top 3 passages
    answer: str = ""
    features: dict | None = None  # the top hit's retrieval scores (full system only)
    top5_chars: int = 0  # how much text the top 5 passages hold: recall grows with it

    @property
    def failed(self) -> bool:
        if self.unfaithful:
            return True
        if not self.answerable:
            return self.abstained is False
        if self.abstained:
            return True
        if self.which_recall is not None and (self.which_recall < 1.0 or (self.which_precision or 0.0) < 1.0):
            return True
        return (self.recall.get(5) or 0.0) < 1.0 or self.province_ok is False

    def why(self) -> list[str]:
        out = []
        if self.unfaithful:
            out.append("unfaithful citation: " + "; ".join(self.unfaithful[:3]))
        if not self.answerable:
            if self.abstained is False:
                out.append("answered an unanswerable question")
            return out
        if self.abstained:
            out.append("abstained")
        r5 = self.recall.get(5)
        if r5 is not None and r5 < 1.0:
            out.append(f"Recall@5 {r5:.2f}")
        if self.province_ok is False:
            out.append("top citation from another province")
        if self.which_recall is not None and (self.which_recall < 1.0 or (self.which_precision or 0.0) < 1.0):
            out.append(f"provinces listed: recall {_pct(self.which_recall)}, precision {_pct(self.which_precision)}")
        return out

    def to_dict(self) -> dict:
        d = asdict(self)
        d["recall"] = {f"@{k}": v for k, v in self.recall.items()}
        return d


def _top(passages: Sequence[Passage], n: int = 3) -> list[dict]:
    return [
        {"province": p.province, "section": p.section, "quote": (p.quote or p.text)[:160], "score": round(p.score, 4)}
        for p in passages[:n]
    ]


def score_ranking(q: EvalQuestion, passages: Sequence[Passage], k: int = 10, docs: dict[str, str] | None = None, n_relevant: int | None = None) -> QuestionResult:
    ev = q.evidence
    return QuestionResult(
        id=q.id,
        type=q.type,
        answerable=q.answerable,
        question=q.question,
        recall={kk: evidence_recall(passages, ev, kk, docs) for kk in KS},
        mrr=reciprocal_rank(passages, ev, min(k, 10)),
        ndcg=ndcg(passages, ev, min(k, 10), n_relevant),
        province_ok=province_hit(passages, q.provinces) if q.answerable else None,
        top=_top(passages),
        top5_chars=sum(len(p.text) for p in passages[:5]),
    )


def score_answer(q: EvalQuestion, answer: Answer, docs: dict[str, str], k: int = 10, n_relevant: int | None = None) -> QuestionResult:
    passages = [citation_passage(c) for c in sorted(answer.citations, key=lambda c: c.rank)]
    r = score_ranking(q, passages, k, docs, n_relevant)
    r.abstained = bool(answer.abstained)
    r.answer = answer.text
    if q.type == "which":
        p, rc = precision_recall(listed_provinces(answer), q.provinces)
        r.which_precision, r.which_recall = p, rc
    r.citations = len(answer.citations)
    for c in answer.citations:
        reason = check_citation(c, docs)
        if reason is None:
            r.faithful += 1
        else:
            r.unfaithful.append(f"[{c.rank}] {reason}")
    return r


# ---------------------------------------------------------------- summaries

def _mean(values: Iterable) -> float | None:
    vals = [float(v) for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def summarize(results: Sequence[QuestionResult]) -> dict:
    answerable = [r for r in results if r.answerable]
    m: dict = {"questions": len(results), "answerable": len(answerable)}
    for kk in KS:
        m[f"recall@{kk}"] = _mean(r.recall.get(kk) for r in answerable)
    m["mrr@10"] = _mean(r.mrr for r in answerable)
    m["ndcg@10"] = _mean(r.ndcg for r in answerable)
    m["province_accuracy"] = _mean(r.province_ok for r in answerable)
    m["top5_chars"] = _mean(r.top5_chars for r in answerable)
    m["which_precision"] = _mean(r.which_precision for r in results if r.type == "which")
    m["which_recall"] = _mean(r.which_recall for r in results if r.type == "which")
    if any(r.abstained is not None for r in results):
        ref = refusal_scores((not r.answerable, bool(r.abstained)) for r in results)
        m["refusal_precision"] = ref["precision"]
        m["refusal_recall"] = ref["recall"]
        m["refusals"] = {k: ref[k] for k in ("tp", "fp", "fn", "tn")}
        m["answered_rate"] = _mean((not r.abstained) for r in answerable)
        cits = sum(r.citations for r in results)
        m["citations"] = cits
        m["faithfulness"] = (sum(r.faithful for r in results) / cits) if cits else None
    return m


def summarize_by_type(results: Sequence[QuestionResult]) -> dict:
    out = {}
    for t in TYPES:
        rs = [r for r in results if r.type == t]
        if rs:
            out[t] = summarize(rs)
    return out


# ---------------------------------------------------------------- helpers over an index

class CachingEncoder:
    """Wraps an Encoder; each distinct query is encoded once per process."""

    def __init__(self, encoder):
        self._encoder = encoder
        self._queries: dict[str, np.ndarray] = {}

    def encode_query(self, text: str) -> np.ndarray:
        v = self._queries.get(text)
        if v is None:
            v = self._queries[text] = self._encoder.encode_query(text)
        return v

    def __getattr__(self, name):
        return getattr(self._encoder, name)


@contextmanager
def recording(retriever):
    """Log every Hit that the retriever's ranking method(s) return inside the block."""
    log: list = []
    patched = []
    for name in ("rank", "search"):
        method = getattr(retriever, name, None)
        if method is None or not callable(method):
            continue
        own = name in vars(retriever)

        def wrapper(*args, _method=method, **kwargs):
            hits = _method(*args, **kwargs)
            log.extend(hits)
            return hits

        setattr(retriever, name, wrapper)
        patched.append((name, own, method))
    try:
        yield log
    finally:
        for name, own, method in patched:
            if own:
                setattr(retriever, name, method)
            else:
                delattr(retriever, name)


FEATURES = ("dense", "sentence", "keyword", "coverage", "score")


def hit_features(answer: Answer, log: Sequence) -> dict | None:
    """Retrieval scores of the hit behind the answer's top citation."""
    if not answer.citations:
        return None
    top = min(answer.citations, key=lambda c: c.rank)
    for h in log:
        if h.chunk.doc == top.doc and h.chunk.start == top.start and h.chunk.end == top.end:
            out = {f: round(float(getattr(h, f)), 6) for f in FEATURES if hasattr(h, f)}
            out["province"] = h.chunk.province
            return out
    return None


def source_path(entry: dict) -> Path:
    """A manifest file entry's path; a relative one may be relative to the project."""
    p = Path(entry["path"])
    if not p.exists() and not p.is_absolute() and (PROJECT_ROOT / p).exists():
        return PROJECT_ROOT / p
    return p


def source_documents(index) -> dict[str, str]:
    """Cleaned text of each indexed file, by document name."""
    from .documents import DocumentError, read_document

    docs = {}
    for f in index.manifest.get("files", []):
        try:
            docs[f["name"]] = read_document(source_path(f)).text
        except (DocumentError, OSError, KeyError):
            pass  # reported per citation as "source document not found"
    return docs


def relevant_counts(questions: Sequence[EvalQuestion], texts: Sequence[str]) -> dict[str, int]:
    """How many passages of a collection contain an evidence string, per question."""
    squashed = [squash(t) for t in texts]
    out = {}
    for q in questions:
        ev = [squash(e) for e in q.evidence]
        out[q.id] = sum(1 for t in squashed if any(e in t for e in ev)) if ev else 0
    return out


def section_at(sections: Sequence[Section], doc: str, offset: int) -> Section | None:
    best = None
    for s in sections:
        if s.doc == doc and s.start <= offset and (best is None or s.start >= best.start):
            best = s
    return best


def _chunk_passage(c) -> Passage:
    return Passage(c.text, c.province, c.section, c.doc, c.start, c.end)


# ---------------------------------------------------------------- baselines

class DenseBaseline:
    """FAISS alone over the index's own vectors."""

    name = "dense"

    def __init__(self, index):
        self.index = index

    def rank(self, qvec: np.ndarray, k: int) -> list[Passage]:
        sims, ids = self.index.vectors.search(np.asarray(qvec, dtype=np.float32).reshape(1, -1), k)
        return [
            replace(_chunk_passage(self.index.chunks[i]), score=float(s))
            for s, i in zip(sims[0], ids[0])
            if i >= 0
        ]


class BM25Baseline:
    """The index's BM25 alone, queried with the question as typed."""

    name = "bm25"

    def __init__(self, index):
        self.index = index

    def rank(self, question: str, k: int) -> list[Passage]:
        scores = self.index.keywords.scores(question)
        order = np.argsort(-scores, kind="stable")[:k]
        return [
            replace(_chunk_passage(self.index.chunks[i]), score=float(scores[i]))
            for i in order
            if scores[i] > 0
        ]


def langchain_split(text: str) -> list[str]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(chunk_size=LANGCHAIN_CHUNK_SIZE, chunk_overlap=LANGCHAIN_CHUNK_OVERLAP).split_text(text)


class _Locator:
    """Finds where a raw-text chunk lies in the cleaned document (white space ignored)."""

    def __init__(self, cleaned: str):
        self.pos = [i for i, ch in enumerate(cleaned) if not ch.isspace()]
        self.flat = "".join(cleaned[i] for i in self.pos)
        self.hint = 0

    def find(self, raw_chunk: str) -> int | None:
        s = squash(raw_chunk)
        probe_len = 24
        for off in range(0, max(1, len(s) - probe_len + 1), 16):
            probe = s[off : off + probe_len]
            i = self.flat.find(probe, self.hint)
            if i < 0:
                i = self.flat.find(probe)
            if i >= 0:
                i = max(0, i - off)
                self.hint = i
                return self.pos[min(i, len(self.pos) - 1)]
        return None


class LangChainBaseline:
    """The tutorial pipeline: default splitter on the raw file, plain passages, flat IP search."""

    name = "langchain"

    def __init__(self, passages: list[Passage], vectors: np.ndarray, seconds: dict):
        import faiss

        self.passages = passages
        self.seconds = seconds
        self.faiss = faiss.IndexFlatIP(vectors.shape[1])
        self.faiss.add(np.ascontiguousarray(vectors, dtype=np.float32))

    @classmethod
    def build(cls, index, encoder, settings: Settings, use_cache: bool = True) -> "LangChainBaseline":
        from .documents import read_document, read_raw
        from .embedding import EmbeddingCache, embed_texts

        t0 = time.perf_counter()
        passages: list[Passage] = []
        docs = {}
        for f in index.manifest.get("files", []):
            raw, _ = read_raw(source_path(f))
            pieces = langchain_split(raw)
            cleaned = read_document(source_path(f)).text
            docs[f["name"]] = cleaned
            loc = _Locator(cleaned)
            for piece in pieces:
                at = loc.find(piece)
                sec = section_at(index.sections, f["name"], at) if at is not None else None
                passages.append(Passage(piece, sec.province if sec else "?", sec.label if sec else "?", f["name"]))
        t_split = time.perf_counter() - t0
        texts = [p.text for p in passages]
        t1 = time.perf_counter()
        cache = EmbeddingCache(settings.embedding_cache_dir, encoder.cache_name) if use_cache else None
        vectors, encoded = embed_texts(texts, cache, encoder, settings.batch_size)
        if cache:
            cache.save()
        return cls(passages, vectors, {"split": t_split, "embed": time.perf_counter() - t1, "encoded": encoded})

    def rank(self, qvec: np.ndarray, k: int) -> list[Passage]:
        sims, ids = self.faiss.search(np.asarray(qvec, dtype=np.float32).reshape(1, -1), k)
        return [replace(self.passages[i], score=float(s)) for s, i in zip(sims[0], ids[0]) if i >= 0]


# ---------------------------------------------------------------- the run

@dataclass
class EvalRun:
    questions: list[EvalQuestion]
    results: dict[str, list[QuestionResult]]  # by system name
    summary: dict[str, dict]
    by_type: dict[str, dict]
    meta: dict

    def gate(self, min_recall5: float) -> list[str]:
        """Reasons this run fails the CI gate (empty: passes)."""
        problems = []
        s = self.summary["system"]
        r5 = s.get("recall@5")
        if r5 is None or r5 < min_recall5:
            problems.append(f"Recall@5 on answerable questions is {_pct(r5)}, below the required {_pct(min_recall5)}")
        faith = s.get("faithfulness")
        if faith is not None and faith < 1.0:
            bad = [f"{r.id} {u}" for r in self.results["system"] for u in r.unfaithful]
            problems.append(f"quote faithfulness is {_pct(faith)}, not 100%: " + "; ".join(bad[:5]))
        return problems

    def failures(self) -> list[QuestionResult]:
        return [r for r in self.results["system"] if r.failed]

    def to_json(self, min_recall5: float | None = None) -> dict:
        out = {
            "meta": self.meta,
            "systems": {name: {"label": SYSTEM_LABELS[name], "overall": self.summary[name], "by_type": self.by_type[name]} for name in self.results},
            "failures": [
                {"id": r.id, "type": r.type, "question": r.question, "why": r.why(), "answer": r.answer, "top": r.top}
                for r in self.failures()
            ],
            "questions": [r.to_dict() for r in self.results["system"]],
        }
        if min_recall5 is not None:
            problems = self.gate(min_recall5)
            out["gate"] = {"min_recall5": min_recall5, "passed": not problems, "problems": problems}
        return out


def _resolve_settings(index_dir: Path | str | None, settings: Settings | None) -> Settings:
    settings = settings or Settings()
    if index_dir is not None:
        settings = settings.with_(index_dir=Path(index_dir))
    manifest = Path(settings.index_dir) / "current" / "manifest.json"
    try:
        model = json.loads(manifest.read_text(encoding="utf-8")).get("model")
    except (OSError, ValueError):
        model = None
    if model and model != settings.model:  # evaluate an index with the model it was built with
        settings = settings.with_(model=model)
    return settings


def run_evaluation(
    questions: Sequence[EvalQuestion] | Path | str | None = None,
    index_dir: Path | str | None = None,
    k: int = 10,
    settings: Settings | None = None,
    baselines: Sequence[str] = ("dense", "bm25", "langchain"),
    progress: Progress | None = None,
) -> EvalRun:
    """Answer every question with the full system and rank it with each baseline."""
    from .assistant import get_assistant

    progress = progress or (lambda stage, done, total: None)
    source = "(given)"
    if questions is None or isinstance(questions, (str, Path)):
        source = str(questions or DEFAULT_QUESTIONS)
        questions = load_questions(questions)
    questions = list(questions)
    settings = _resolve_settings(index_dir, settings)
    t0 = time.perf_counter()
    progress("load", 0, 1)
    assistant = get_assistant(settings.index_dir, settings)
    index = assistant.index
    progress("load", 1, 1)
    t_load = time.perf_counter() - t0
    docs = source_documents(index)
    n_rel = relevant_counts(questions, [c.text for c in index.chunks])

    results: dict[str, list[QuestionResult]] = {"system": []}
    original_encoder = assistant.encoder
    encoder = CachingEncoder(original_encoder)
    t1 = time.perf_counter()
    assistant.encoder = encoder
    try:
        with recording(assistant.retriever) as log:
            for i, q in enumerate(questions):
                progress("answer", i, len(questions))
                log.clear()
                ans = assistant.answer(q.question, k=k)
                r = score_answer(q, ans, docs, k, n_rel[q.id])
                r.features = hit_features(ans, log)
                results["system"].append(r)
    finally:
        assistant.encoder = original_encoder
    progress("answer", len(questions), len(questions))
    t_answer = time.perf_counter() - t1

    timings = {"load_seconds": round(t_load, 2), "answer_seconds": round(t_answer, 2)}
    qvec = {q.id: encoder.encode_query(q.question) for q in questions}  # cached: the system asked the same text
    if "dense" in baselines:
        dense = DenseBaseline(index)
        results["dense"] = [score_ranking(q, dense.rank(qvec[q.id], k), k, docs, n_rel[q.id]) for q in questions]
    if "bm25" in baselines:
        bm25 = BM25Baseline(index)
        results["bm25"] = [score_ranking(q, bm25.rank(q.question, k), k, docs, n_rel[q.id]) for q in questions]
    if "langchain" in baselines:
        progress("langchain", 0, 1)
        t2 = time.perf_counter()
        lc = LangChainBaseline.build(index, original_encoder, settings)
        lc_rel = relevant_counts(questions, [p.text for p in lc.passages])
        results["langchain"] = [score_ranking(q, lc.rank(qvec[q.id], k), k, None, lc_rel[q.id]) for q in questions]
        timings["langchain_seconds"] = round(time.perf_counter() - t2, 2)
        timings["langchain_chunks"] = len(lc.passages)
        timings["langchain_encoded"] = lc.seconds["encoded"]
        progress("langchain", 1, 1)

    meta = {
        "questions_file": source,
        "questions": len(questions),
        "answerable": sum(q.answerable for q in questions),
        "index": str(Path(settings.index_dir).resolve()),
        "chunks": len(index.chunks),
        "index_chunk_size": index.manifest.get("chunk_size"),
        "index_chunk_overlap": index.manifest.get("chunk_overlap"),
        "model": settings.model,
        "k": k,
        "settings": _settings_dict(settings),
        "timings": timings,
        "evaluated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    summary = {name: summarize(rs) for name, rs in results.items()}
    by_type = {name: summarize_by_type(rs) for name, rs in results.items()}
    return EvalRun(questions, results, summary, by_type, meta)


def _settings_dict(s: Settings) -> dict:
    return {f.name: (str(getattr(s, f.name)) if isinstance(getattr(s, f.name), Path) else getattr(s, f.name)) for f in fields(s)}


# ---------------------------------------------------------------- output

def _pct(v) -> str:
    return "—" if v is None else f"{100 * v:.1f}%"


def _num(v) -> str:
    return "—" if v is None else f"{v:.3f}"


SUMMARY_ROWS = [
    ("Recall@1", "recall@1", _pct),
    ("Recall@3", "recall@3", _pct),
    ("Recall@5", "recall@5", _pct),
    ("Recall@10", "recall@10", _pct),
    ("MRR@10", "mrr@10", _num),
    ("nDCG@10", "ndcg@10", _num),
    ("Province accuracy (top citation)", "province_accuracy", _pct),
    ("Characters in the top 5 passages", "top5_chars", lambda v: "—" if v is None else f"{v:,.0f}"),
    ("'which' province recall", "which_recall", _pct),
    ("'which' province precision", "which_precision", _pct),
    ("Refusal precision", "refusal_precision", _pct),
    ("Refusal recall", "refusal_recall", _pct),
    ("Answered rate (answerable)", "answered_rate", _pct),
    ("Quote faithfulness", "faithfulness", _pct),
]

TYPE_COLUMNS = [
    ("n", "questions", lambda v: str(v)),
    ("R@1", "recall@1", _pct),
    ("R@5", "recall@5", _pct),
    ("R@10", "recall@10", _pct),
    ("MRR", "mrr@10", _num),
    ("nDCG", "ndcg@10", _num),
    ("Prov.", "province_accuracy", _pct),
    ("Answered", "answered_rate", _pct),
    ("Refused", None, None),
    ("Faithful", "faithfulness", _pct),
]


def _refused_rate(m: dict) -> str:
    ref = m.get("refusals")
    if not ref:
        return "—"
    n = sum(ref.values())
    return _pct((ref["tp"] + ref["fp"]) / n) if n else "—"


def summary_rows(run: EvalRun) -> list[list[str]]:
    names = list(run.results)
    rows = []
    for label, key, fmt in SUMMARY_ROWS:
        rows.append([label] + [fmt(run.summary[n].get(key)) for n in names])
    return rows


def type_rows(run: EvalRun, name: str = "system") -> list[list[str]]:
    rows = []
    for t, m in run.by_type[name].items():
        row = [t]
        for _, key, fmt in TYPE_COLUMNS:
            row.append(_refused_rate(m) if key is None else fmt(m.get(key)))
        rows.append(row)
    m = run.summary[name]
    rows.append(["all"] + [(_refused_rate(m) if key is None else fmt(m.get(key))) for _, key, fmt in TYPE_COLUMNS])
    return rows


def recall5_rows(run: EvalRun) -> list[list[str]]:
    names = list(run.results)
    rows = []
    for t in TYPES:
        if t == "unanswerable" or t not in run.by_type["system"]:
            continue
        rows.append([t] + [_pct(run.by_type[n].get(t, {}).get("recall@5")) for n in names])
    rows.append(["all answerable"] + [_pct(run.summary[n].get("recall@5")) for n in names])
    return rows


def print_tables(run: EvalRun, console) -> None:
    from rich.table import Table

    def show(title: str, first: str, columns: list[str], rows: list[list[str]]) -> None:
        t = Table(title=title)
        t.add_column(first)
        for c in columns:
            t.add_column(c, justify="right")
        for row in rows:
            t.add_row(*row)
        console.print(t)

    systems = [SYSTEM_LABELS[n] for n in run.results]
    m = run.meta
    show(f"qa eval — {m['questions']} questions ({m['answerable']} answerable), {m['chunks']} chunks, k={m['k']}", "metric", systems, summary_rows(run))
    show("Recall@5 by question type", "type", systems, recall5_rows(run))
    show("Full system by question type", "type", [label for label, _, _ in TYPE_COLUMNS], type_rows(run))


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    esc = lambda s: str(s).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(esc(h) for h in header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def write_report(run: EvalRun, folder: Path | str, min_recall5: float | None = None) -> tuple[Path, Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = list(run.results)
    md = folder / "report.md"
    png = folder / "chart.png"
    m = run.meta
    parts = [
        "# qa eval report",
        "",
        f"- evaluated: {m['evaluated_at']}",
        f"- questions: {m['questions']} ({m['answerable']} answerable)",
        f"- index: `{m['index']}` ({m['chunks']} chunks), model `{m['model']}`, k={m['k']}",
        f"- settings: fusion={m['settings']['fusion']}, dense_weight={m['settings']['dense_weight']}, "
        f"keyword_weight={m['settings']['keyword_weight']}, min_coverage={m['settings']['min_coverage']}, "
        f"min_dense={m['settings']['min_dense']}, which_min_coverage={m['settings']['which_min_coverage']}, "
        f"index chunk_size={m.get('index_chunk_size')}, chunk_overlap={m.get('index_chunk_overlap')}",
        f"- time: {m['timings']}",
        "",
    ]
    if min_recall5 is not None:
        problems = run.gate(min_recall5)
        parts += [f"**Gate (Recall@5 ≥ {_pct(min_recall5)}, faithfulness 100%): {'PASSED' if not problems else 'FAILED'}**", ""]
        parts += [f"- {p}" for p in problems] + ([""] if problems else [])
    parts += [
        "## Summary",
        "",
        "Recall, MRR, nDCG and province accuracy are over answerable questions. Baselines retrieve only: "
        "they never refuse and quote nothing.",
        "",
        _md_table(["metric"] + [SYSTEM_LABELS[n] for n in names], summary_rows(run)),
        "",
        "## Recall@5 by question type",
        "",
        _md_table(["type"] + [SYSTEM_LABELS[n] for n in names], recall5_rows(run)),
        "",
        "![Recall@5 by question type](chart.png)",
        "",
        "## Full system by question type",
        "",
        _md_table(["type"] + [c[0] for c in TYPE_COLUMNS], type_rows(run)),
        "",
    ]
    for n in names[1:]:
        parts += [f"### {SYSTEM_LABELS[n]} by question type", "", _md_table(["type"] + [c[0] for c in TYPE_COLUMNS], type_rows(run, n)), ""]
    fails = run.failures()
    parts += [f"## Failed questions ({len(fails)})", ""]
    if not fails:
        parts.append("None.")
    for r in fails:
        q = next(q for q in run.questions if q.id == r.id)
        parts += [
            f"### {r.id} ({r.type}) — {', '.join(r.why())}",
            "",
            f"- question: {r.question}",
            f"- expected provinces: {'、'.join(q.provinces) or '—'}; evidence: " + " / ".join(f"「{e}」" for e in q.evidence),
            f"- answer: {r.answer.replace(chr(10), ' ⏎ ')[:400]}",
        ]
        if r.features:
            parts.append("- top hit: " + ", ".join(f"{k} {r.features[k]}" for k in FEATURES if k in r.features))
        parts.append("- retrieved:")
        for i, t in enumerate(r.top, 1):
            parts.append(f"  {i}. {t['province']} §{t['section']}: 「{t['quote'][:120]}」")
        parts.append("")
    md.write_text("\n".join(parts) + "\n", encoding="utf-8")
    write_chart(run, png)
    return md, png


def cjk_font() -> str | None:
    """A font that matplotlib has and that covers CJK, if any."""
    from matplotlib import font_manager

    wanted = ("Noto Sans CJK", "Noto Serif CJK", "Source Han", "WenQuanYi", "SimHei", "Microsoft YaHei", "PingFang", "Heiti", "AR PL", "Droid Sans Fallback")
    for f in font_manager.fontManager.ttflist:
        if any(w.lower() in f.name.lower() for w in wanted):
            return f.name
    return None


TYPE_NAMES_ZH = {"fact": "事实", "figure": "数字", "person": "人物", "which": "哪些省", "compare": "比较", "paraphrase": "改写", "summary": "概括"}


def write_chart(run: EvalRun, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    font = cjk_font()
    types = [t for t in TYPES if t != "unanswerable" and t in run.by_type["system"]]
    labels = [f"{t}\n{TYPE_NAMES_ZH.get(t, '')}" if font else t for t in types] + (["all\n全部"] if font else ["all"])
    names = list(run.results)
    fig, ax = plt.subplots(figsize=(11, 5), dpi=110)
    if font:
        plt.rcParams["font.sans-serif"] = [font] + plt.rcParams["font.sans-serif"]
    width = 0.8 / len(names)
    x = np.arange(len(labels))
    colors = {"system": "#1f77b4", "dense": "#ff7f0e", "bm25": "#2ca02c", "langchain": "#9467bd"}
    for j, n in enumerate(names):
        vals = [run.by_type[n].get(t, {}).get("recall@5") or 0.0 for t in types] + [run.summary[n].get("recall@5") or 0.0]
        bars = ax.bar(x + (j - (len(names) - 1) / 2) * width, [100 * v for v in vals], width, label=SYSTEM_LABELS[n], color=colors.get(n))
        for b, v in zip(bars, vals):
            ax.text(b.get_x() + b.get_width() / 2, 100 * v + 0.8, f"{100 * v:.0f}", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(x, labels)
    ax.set_ylim(0, 118)
    ax.set_ylabel("evidence Recall@5 (%)")
    ax.set_title(f"Recall@5 by question type — {run.meta['answerable']} answerable questions")
    ax.legend(loc="upper center", ncol=len(names), fontsize=8, frameon=False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


# ---------------------------------------------------------------- calibration sweep

def default_grid(base: Settings, chunk_sizes: Sequence[int] = ()) -> list[Settings]:
    """The settings `qa eval --sweep` tries: fusion, weights, thresholds, chunk sizes."""
    grid = [base]
    for dw in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        grid.append(base.with_(fusion="weighted", dense_weight=dw, keyword_weight=round(1 - dw, 2)))
    for dw in (0.4, 0.5, 0.6, 0.7):
        grid.append(base.with_(fusion="rrf", dense_weight=dw, keyword_weight=round(1 - dw, 2)))
    for cw in (0.0, 0.15, 0.5):
        grid.append(base.with_(coverage_weight=cw))
    for mc in (0.4, 0.5, 0.6, 0.7):
        for md in (0.84, 0.86, 0.88, 0.9):
            grid.append(base.with_(min_coverage=mc, min_dense=md))
    for wc in (0.5, 0.6, 0.7, 0.8):
        grid.append(base.with_(which_min_coverage=wc))
    for cs in chunk_sizes:
        grid.append(base.with_(chunk_size=int(cs)))
    unique: list[Settings] = []
    for s in grid:
        if s not in unique:
            unique.append(s)
    return unique


def _describe(s: Settings, base: Settings) -> str:
    keys = ["chunk_size", "fusion", "dense_weight", "keyword_weight", "coverage_weight", "min_coverage", "min_dense", "which_min_coverage"]
    diff = [f"{k}={getattr(s, k)}" for k in keys if getattr(s, k) != getattr(base, k)]
    return ", ".join(diff) or "current settings"


def sweep(
    settings_grid: Sequence[Settings] | None = None,
    questions: Sequence[EvalQuestion] | Path | str | None = None,
    index_dir: Path | str | None = None,
    base: Settings | None = None,
    progress: Progress | None = None,
    features_path: Path | None = None,
) -> list[dict]:
    """Re-run the answering pipeline (retrieval, thresholds; no re-encoding of
    questions) under each Settings and score it. A grid entry with another chunk
    size is served by a temporary index built with build_index (the embedding
    cache keeps rebuilds cheap). Returns one row per grid entry."""
    from .assistant import Assistant, get_assistant
    from .index_store import build_index, load_index

    progress = progress or (lambda stage, done, total: None)
    if questions is None or isinstance(questions, (str, Path)):
        questions = load_questions(questions)
    questions = list(questions)
    base = _resolve_settings(index_dir, base)
    main = get_assistant(base.index_dir, base)
    encoder = CachingEncoder(main.encoder)
    index_by_chunking = {(main.index.manifest.get("chunk_size"), main.index.manifest.get("chunk_overlap")): main.index}
    grid = list(settings_grid or default_grid(base))
    rows = []
    features = []
    with tempfile.TemporaryDirectory(prefix="qa-sweep-") as tmp:
        files = [source_path(f) for f in main.index.manifest.get("files", [])]
        for gi, s in enumerate(grid):
            progress("sweep", gi, len(grid))
            s = s.with_(model=base.model)
            key = (s.chunk_size, s.chunk_overlap)
            if key not in index_by_chunking:
                folder = Path(tmp) / f"chunks-{s.chunk_size}-{s.chunk_overlap}"
                build_index(files, folder, s.with_(index_dir=folder), encoder=main.encoder)
                index_by_chunking[key] = load_index(folder, s)
            index = index_by_chunking[key]
            docs = source_documents(index)
            n_rel = relevant_counts(questions, [c.text for c in index.chunks])
            assistant = Assistant(index, encoder, s)
            t0 = time.perf_counter()
            results = []
            with recording(assistant.retriever) as log:
                for q in questions:
                    log.clear()
                    ans = assistant.answer(q.question, k=10)
                    r = score_answer(q, ans, docs, 10, n_rel[q.id])
                    r.features = hit_features(ans, log)
                    results.append(r)
            m = summarize(results)
            rows.append({"label": _describe(s, base), "settings": _settings_dict(s), "seconds": round(time.perf_counter() - t0, 2), "chunks": len(index.chunks), **m})
            if gi == 0:
                features = [{"id": r.id, "type": r.type, "answerable": r.answerable, "abstained": r.abstained, "recall@5": r.recall.get(5), **(r.features or {})} for r in results]
    progress("sweep", len(grid), len(grid))
    if features_path is not None:
        features_path = Path(features_path)
        features_path.parent.mkdir(parents=True, exist_ok=True)
        features_path.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in features), encoding="utf-8")
    return rows


def print_sweep(rows: Sequence[dict], console) -> None:
    from rich.table import Table

    t = Table(title="qa eval --sweep (retrieval re-run per setting; question vectors cached)")
    for col in ("setting", "chunks", "R@5", "MRR", "Prov.", "Which R", "Which P", "Refusal P", "Refusal R", "Answered", "s"):
        t.add_column(col, justify="left" if col == "setting" else "right")
    best = max((r.get("recall@5") or 0) for r in rows) if rows else 0
    for r in rows:
        r5 = _pct(r.get("recall@5"))
        t.add_row(
            r["label"],
            str(r["chunks"]),
            f"[bold]{r5}[/]" if (r.get("recall@5") or 0) == best else r5,
            _num(r.get("mrr@10")),
            _pct(r.get("province_accuracy")),
            _pct(r.get("which_recall")),
            _pct(r.get("which_precision")),
            _pct(r.get("refusal_precision")),
            _pct(r.get("refusal_recall")),
            _pct(r.get("answered_rate")),
            f"{r['seconds']:.1f}",
        )
    console.print(t)


def sweep_markdown(rows: Sequence[dict]) -> str:
    header = ["setting", "chunks", "R@5", "MRR", "Prov.", "Which R", "Which P", "Refusal P", "Refusal R", "Answered"]
    body = [
        [r["label"], r["chunks"], _pct(r.get("recall@5")), _num(r.get("mrr@10")), _pct(r.get("province_accuracy")), _pct(r.get("which_recall")),
         _pct(r.get("which_precision")), _pct(r.get("refusal_precision")), _pct(r.get("refusal_recall")), _pct(r.get("answered_rate"))]
        for r in rows
    ]
    return _md_table(header, body)
