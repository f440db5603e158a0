"""Stage 4b: the keyword index. Chinese word segmentation (rjieba) plus BM25 (bm25s)."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import bm25s
import numpy as np
import rjieba

# words too common in these reports to tell passages apart
STOPWORDS = set(
    "的 了 和 与 及 是 在 为 对 把 被 将 等 也 都 就 要 以 于 从 中 上 下 这 那 其 之 并 而 或 "
    "一个 我们 他们 哪些 什么 怎么 如何 多少 是否 有 没有 吗 呢 啊 哪 谁 哪个 哪里 几 个 "
    "提到 提出 表示 指出 强调 说 讲 有关 相关 方面 情况 问题 召开 会议 "
    "省 市 哪个 哪位 哪家 打算 认为 希望 明确 提醒 要求 分别 两省 两地 省份 地方 新春 第一 第一会 "
    "几 几个 第几 第几个 哪几 哪几个 几年 几家 多长 多久 多大 一共 共有 包含 指 具体 哪座 由".split()
)


def _is_word(token: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


def tokenize(text: str) -> list[str]:
    """Search-mode segmentation: 广东省科技厅 also yields 广东, 科技, 科技厅."""
    return [t for t in rjieba.cut_for_search(text) if _is_word(t) and t not in STOPWORDS]


class KeywordIndex:
    def __init__(self, bm25: bm25s.BM25):
        self.bm25 = bm25
        self.vocab = bm25.vocab_dict

    @classmethod
    def build(cls, texts: list[str]) -> "KeywordIndex":
        bm25 = bm25s.BM25()
        # an empty token list would make bm25s drop the document; keep positions aligned
        bm25.index([tokenize(t) or ["\u2205"] for t in texts], show_progress=False)
        return cls(bm25)

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> "KeywordIndex":
        return cls(bm25s.BM25.load(str(folder), show_progress=False, verbosity=0))

    def __len__(self) -> int:
        return int(self.bm25.scores["num_docs"])

    def scores(self, query: str) -> np.ndarray:
        """A BM25 score for every document (zero where no query word occurs)."""
        tokens = [t for t in tokenize(query) if t in self.vocab]
        if not tokens:
            return np.zeros(len(self), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)
