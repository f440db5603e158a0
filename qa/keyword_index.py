"""Stage 4b: the keyword side. Chinese word segmentation (rjieba), BM25 (bm25s) over
chunks, and which words each chunk and each sentence holds, as sparse matrices, so
that a question's key-word coverage of any passage or sentence is one sparse product."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
import rjieba
from scipy import sparse

# Words that tell no passage from another, by the kind of question they come from.
# Each group is a closed class of Chinese, listed whole, not the words one test
# question happened to use.
FUNCTION_WORDS = set(
    "的 了 和 与 及 是 在 为 对 把 被 将 等 也 都 就 要 以 于 从 中 上 下 里 内 这 那 其 之 并 而 或 由 或者 或是 以及 "
    "一个 我们 他们 有 没有 吗 呢 啊 个 是否 具体 分别 一共 共有 共计 总共 包含 分成 分为 指 其中 之中 当中 "
    "大概 大约 大致 差不多 左右 加起来 算下来 合起来 起来 下来 下去 之类 等等 什么的 比如 例如 譬如 诸如 "
    "某 某个 某些 某类 某种 某项 某一 某位 某家 "
    # light verbs: their object carries the meaning (进行了调度 is 调度, 搞了直播 is 直播)
    "进行 加以 予以 搞 弄".split()
)
# question words of every question type: 哪X, 多X, 几X, 什么, 谁
QUESTION_WORDS = set(
    "哪 哪个 哪些 哪位 哪家 谁家 哪座 哪里 哪儿 哪天 哪年 哪种 哪类 哪项 哪条 哪次 哪几 哪几个 "
    "什么 怎么 怎样 如何 为何 为什么 谁 何 何时 何地 "
    "多少 多长 多久 多大 多高 多远 多快 多重 多深 "
    "几 几个 几年 几家 几项 几次 几天 几位 几名 第几 第几个".split()
)
# verbs that report speech or intent ("哪个省打算…", "谁提醒…"): every report uses them
# of every topic, so they say nothing about which passage answers
# (the second line is the user's words for what a report writes: 报道里点名了哪个示范区)
REPORT_WORDS = set("涉及 提及 谈及 论及 说到 讲到 点名 点到 点出 提起 说起 写到 写进 写入 写明 写出 注明 载明 列明 交代 交待".split())
REPORTING_VERBS = set("提到 提出 表示 指出 强调 说 讲 认为 打算 希望 明确 提醒 要求 谈到 透露 介绍 称 宣布 部署".split()) | REPORT_WORDS
# the genre's words for its own subject: every report is about a province's meeting
# and the user's words for the documents themselves (报道里, 资料中)
GENRE_WORDS = set("召开 会议 省 市 省份 地方 两省 两地 新春 节后 开年 第一 第一会 有关 相关 方面 情况 问题 报道 资料".split())
# the user's words for wording itself (哪些报道用到了“四梁八柱”的说法): the phrase is the topic
# (and for words set side by side: 把教育、科技、人才连在一起讲)
WORDING_WORDS = set("说法 提法 表述 字眼 字样 措辞 用语 词语 词汇 用到 用过 出现 连在一起 放在一起 绑在一起 并在一起 连在 放在 一起 并排 并列".split())
STOPWORDS = FUNCTION_WORDS | QUESTION_WORDS | REPORTING_VERBS | GENRE_WORDS | WORDING_WORDS


def _is_word(token: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


# 几场, 几种, 哪批: a question word with any measure word after it asks, it names nothing
_ASKING_COUNT = re.compile(r"[几哪][\u4e00-\u9fff]")


def tokenize(text: str) -> list[str]:
    """Search-mode segmentation: 广东省科技厅 also yields 广东, 科技, 科技厅."""
    return [t for t in rjieba.cut_for_search(text) if _is_word(t) and t not in STOPWORDS and not _ASKING_COUNT.fullmatch(t)]


class KeywordIndex:
    """BM25 over chunk texts."""

    def __init__(self, bm25: bm25s.BM25):
        self.bm25 = bm25
        self.vocab = bm25.vocab_dict

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> KeywordIndex:
        bm25 = bm25s.BM25()
        # an empty token list would make bm25s drop the document; keep positions aligned
        bm25.index([tokens or ["\u2205"] for tokens in token_lists], show_progress=False)
        return cls(bm25)

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> KeywordIndex:
        return cls(bm25s.BM25.load(str(folder), show_progress=False, verbosity=0))

    def __len__(self) -> int:
        return int(self.bm25.scores["num_docs"])

    def scores(self, terms: list[str]) -> np.ndarray:
        """A BM25 score for every document (zero where no term occurs)."""
        tokens = [t for t in terms if t in self.vocab]
        if not tokens:
            return np.zeros(len(self), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)


PRIOR_FILE = "prior.json"


@dataclass(frozen=True)
class WordPrior:
    """How many passages of the genre hold each word, counted with an index's own. In an
    index of one report (2 to 15 passages) the report's topic (项目 in a report on projects)
    is in every passage, and no word can be rarer than one passage in a few: the IDF
    thresholds (context.MIN_HEAD_IDF) then waive every check. The genre's passages keep
    a word every report uses (工作, 项目) apart from one few reports use."""

    passages: int
    df: dict[str, int]

    @classmethod
    def count(cls, token_lists: list[list[str]]) -> WordPrior:
        return cls(len(token_lists), dict(Counter(t for tokens in token_lists for t in set(tokens))))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"passages": self.passages, "df": self.df}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> WordPrior | None:
        if not path.is_file():
            return None  # (an index built before the prior, or with --no-idf-prior)
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            return cls(int(data["passages"]), {str(w): int(n) for w, n in data["df"].items()})
        except (TypeError, AttributeError) as exc:  # the loader reports a damaged file as a ValueError
            raise ValueError(f"{path}: not a word prior ({exc})") from exc


class TermIndex:
    """Which words each chunk (title and text) and each sentence holds.

    Coverage, the IDF-weighted share of a question's key words that a text holds,
    decides how far keyword scores are trusted, ranks quotes and gates answers.
    """

    def __init__(self, vocab: dict[str, int], chunks: sparse.csr_matrix, sentences: sparse.csr_matrix, prior: WordPrior | None = None):
        self.vocab = vocab
        self.chunks = chunks
        self.sentences = sentences
        self.prior = prior
        own = np.asarray((chunks > 0).sum(axis=0)).ravel() if chunks.shape[0] else np.zeros(len(vocab))
        self._n = chunks.shape[0] + (prior.passages if prior else 0)
        df = own + np.array([prior.df.get(w, 0) for w in vocab], dtype=np.float64) if prior else own
        self.idf = self._idf(df).astype(np.float32)

    def _idf(self, df):
        return np.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def unknown_idf(self, term: str) -> float:
        """A word found in no chunk: as rare as the index allows, unless the genre uses it."""
        return float(self._idf(self.prior.df.get(term, 0) if self.prior else 0))

    @classmethod
    def build(cls, chunk_tokens: list[list[str]], sentence_tokens: list[list[str]], prior: WordPrior | None = None) -> TermIndex:
        vocab: dict[str, int] = {}
        for tokens in chunk_tokens:
            for t in tokens:
                vocab.setdefault(t, len(vocab))
        return cls(vocab, _presence(chunk_tokens, vocab), _presence(sentence_tokens, vocab), prior)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "vocab.json").write_text(json.dumps(list(self.vocab), ensure_ascii=False), encoding="utf-8")
        sparse.save_npz(folder / "chunks.npz", self.chunks)
        sparse.save_npz(folder / "sentences.npz", self.sentences)
        if self.prior is not None:
            self.prior.save(folder / PRIOR_FILE)

    @classmethod
    def load(cls, folder: Path) -> TermIndex:
        words = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        return cls({w: i for i, w in enumerate(words)}, sparse.load_npz(folder / "chunks.npz").tocsr(), sparse.load_npz(folder / "sentences.npz").tocsr(),
                   WordPrior.load(folder / PRIOR_FILE))

    def weights(self, terms) -> tuple[np.ndarray, np.ndarray, float]:
        """(vocab ids of the known terms, their IDF, total IDF of all terms)."""
        ids = np.array([self.vocab[t] for t in terms if t in self.vocab], dtype=np.int64)
        idf = self.idf[ids] if len(ids) else np.zeros(0, np.float32)
        total = float(idf.sum()) + sum(self.unknown_idf(t) for t in terms if t not in self.vocab)
        return ids, idf, total

    def idf_of(self, terms) -> dict[str, float]:
        return {t: float(self.idf[self.vocab[t]]) if t in self.vocab else self.unknown_idf(t) for t in terms}

    def coverage(self, matrix: sparse.csr_matrix, rows: np.ndarray, terms) -> np.ndarray:
        """Coverage of `terms` for the given rows of `matrix` (self.chunks or self.sentences)."""
        rows = np.asarray(rows, dtype=np.int64)
        ids, idf, total = self.weights(terms)
        if total == 0 or len(ids) == 0 or len(rows) == 0:
            return np.zeros(len(rows), dtype=np.float32)
        weights = np.zeros(matrix.shape[1], dtype=np.float32)
        weights[ids] = idf
        # one sparse matrix-vector product over the rows asked for: no column slicing
        return (np.asarray(matrix[rows] @ weights).ravel() / total).astype(np.float32)

    def text_coverage(self, tokens, terms) -> float:
        """Coverage of `terms` for a text outside the index (a quote, a clause)."""
        ids, idf, total = self.weights(terms)
        if total == 0:
            return 0.0
        have = set(tokens)
        known = [t for t in terms if t in self.vocab]
        return float(sum(w for t, w in zip(known, idf) if t in have)) / total


def _presence(token_lists: list[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    indptr, indices = [0], []
    for tokens in token_lists:
        ids = sorted({vocab[t] for t in tokens if t in vocab})
        indices.extend(ids)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)), shape=(len(token_lists), len(vocab)))
