"""The e5 tokenizer without its 250k-piece model in memory.

`tokenizers` holds a Unigram model as a trie of hash maps: for e5's 250,002 pieces that
costs ~220 MB and 0.5-0.7 s to load, in every process that answers a question. Viterbi
only ever scores pieces that are substrings of the text, so a Unigram model built from just
those pieces (plus the specials, and the lowest-scored piece, which sets the score of an
unknown character) segments the text exactly as the full model does; extra pieces never
change the result, only missing ones could. The pieces live in a sorted numpy array (15 MB,
loaded in milliseconds); each call looks up the substrings of its texts, no longer than the
longest piece that starts with their first character, and hands `tokenizers` a model of a
few hundred pieces, which still does the normalizing, pre-tokenizing, offsets, special
tokens and truncation. tests/test_onnx.py checks ids and offsets against the full tokenizer.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import AddedToken, Tokenizer, models

BASE = "tokenizer-base.json"  # the tokenizer with a model of the fixed pieces only
META = "tokenizer-subset.json"  # the fixed ids, and the longest piece by its first character
PIECES = "pieces.npy"  # UTF-8 bytes of every piece, sorted, fixed width
IDS = "piece-ids.npy"  # the id of each sorted piece
SCORES = "piece-scores.npy"  # the score of each sorted piece, float64 as tokenizers reads tokenizer.json


@dataclass(frozen=True)
class Tokens:
    ids: np.ndarray  # int64, ids of the full vocabulary
    offsets: np.ndarray  # int64 (n, 2): character offsets into the text; (0, 0) for special tokens
    special: np.ndarray  # bool: added by the template (<s>, </s>) or a special token in the text


def save(tokenizer_json: Path, out_dir: Path) -> None:
    """Write the files `SubsetTokenizer` reads, from a Unigram tokenizer.json."""
    spec = json.loads(Path(tokenizer_json).read_text(encoding="utf-8"))
    model = spec["model"]
    if model.get("type") != "Unigram" or model.get("byte_fallback"):
        raise ValueError(f"{tokenizer_json}: not a Unigram tokenizer without byte fallback")
    encoded = [p.encode("utf-8") for p, _ in model["vocab"]]
    if len(set(encoded)) != len(encoded) or any(not e or e.endswith(b"\0") for e in encoded):
        # numpy's fixed-width bytes drop trailing NULs, and duplicates would make ids ambiguous
        raise ValueError(f"{tokenizer_json}: empty, duplicate or NUL-ending pieces")
    pieces = np.array(encoded, dtype=f"S{max(map(len, encoded))}")
    order = np.argsort(pieces, kind="stable")
    scores = np.array([s for _, s in model["vocab"]], dtype=np.float64)
    np.save(out_dir / PIECES, pieces[order])
    np.save(out_dir / IDS, order.astype(np.int32))
    np.save(out_dir / SCORES, scores[order])
    fixed = _fixed_ids(model["unk_id"], spec.get("added_tokens", []), scores)
    longest: dict[str, int] = {}  # by first character: most Chinese pieces are 1-3 characters long
    for piece, _ in model["vocab"]:
        longest[piece[0]] = max(longest.get(piece[0], 0), len(piece))
    meta = {"fixed_ids": fixed, "longest_by_first_char": longest}
    (out_dir / META).write_text(json.dumps(meta), encoding="utf-8")
    spec["model"] = {**model, "vocab": [model["vocab"][i] for i in fixed]}
    spec["truncation"] = spec["padding"] = None
    (out_dir / BASE).write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")


def _fixed_ids(unk: int, added_tokens: list[dict], scores: np.ndarray) -> list[int]:
    """Ids that every subset model holds, first those up to the unknown id at their own
    positions (the template's <s>/</s> ids and the unknown id then need no mapping), then
    the other added tokens and the lowest-scored piece (tokenizers scores an unknown
    character at the vocabulary's minimum score minus 10)."""
    rest = {t["id"] for t in added_tokens if t["id"] > unk} | {int(np.argmin(scores))}
    return list(range(unk + 1)) + sorted(rest - set(range(unk + 1)))


class SubsetTokenizer:
    def __init__(self, folder: Path):
        folder = Path(folder)
        self.base = Tokenizer.from_file(str(folder / BASE))
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        base_vocab = json.loads(self.base.to_str())["model"]
        self.unk_id = int(base_vocab["unk_id"])
        self.fixed_ids = np.asarray(meta["fixed_ids"], dtype=np.int64)
        self.fixed_vocab = [(p, float(s)) for p, s in base_vocab["vocab"]]
        self.longest = {c: int(n) for c, n in meta["longest_by_first_char"].items()}
        # read whole (15 MB): a binary search touches most pages of a memory map anyway
        self.pieces = np.load(folder / PIECES)
        self.piece_ids = np.load(folder / IDS).astype(np.int64)
        self.scores = np.load(folder / SCORES)
        if not len(self.pieces) == len(self.piece_ids) == len(self.scores) or len(self.fixed_vocab) != len(self.fixed_ids):
            raise ValueError(f"{folder}: tokenizer files disagree with each other")
        self.added = [t for _, t in sorted(self.base.get_added_tokens_decoder().items())]
        self._special_text = re.compile("|".join(re.escape(t.content) for t in self.added) or r"(?!)")

    def __len__(self) -> int:
        return len(self.scores)

    def _substrings(self, texts: list[str]) -> set[bytes]:
        """Every string Viterbi may look up: the substrings of each pre-token, with the text
        normalized whole and in the stretches between special tokens (tokenizers normalizes
        those apart), so the set holds at least what the full tokenizer would see."""
        norm, pre, longest = self.base.normalizer, self.base.pre_tokenizer, self.longest
        out: set[str] = set()
        for text in texts:
            for part in {text, *self._special_text.split(text)}:
                for word, _ in pre.pre_tokenize_str(norm.normalize_str(part)):
                    n = len(word)
                    for i in range(n):
                        for j in range(i + 1, min(n, i + longest.get(word[i], 0)) + 1):
                            out.add(word[i:j])
        width = self.pieces.dtype.itemsize
        return {b for b in (s.encode("utf-8") for s in out) if len(b) <= width}  # longer ones are no piece

    def subset(self, texts: list[str]) -> tuple[np.ndarray, list[tuple[str, float]]]:
        """Ids and (piece, score) vocabulary of a Unigram model fit for these texts, the fixed ones first."""
        keys = np.array(list(self._substrings(texts)), dtype=self.pieces.dtype)
        pos = np.zeros(0, dtype=np.int64)
        if len(keys):
            pos = np.minimum(np.searchsorted(self.pieces, keys), len(self.pieces) - 1)
            pos = pos[self.pieces[pos] == keys]
            pos = pos[~np.isin(self.piece_ids[pos], self.fixed_ids)]
        ids = np.concatenate([self.fixed_ids, self.piece_ids[pos]])
        vocab = self.fixed_vocab + [(p.decode("utf-8"), float(s)) for p, s in zip(self.pieces[pos], self.scores[pos])]
        return ids, vocab

    def _tokenizer(self, vocab: list[tuple[str, float]], max_length: int | None) -> Tokenizer:
        tok = Tokenizer(models.Unigram(vocab, unk_id=self.unk_id, byte_fallback=False))
        tok.normalizer = self.base.normalizer
        tok.pre_tokenizer = self.base.pre_tokenizer
        tok.post_processor = self.base.post_processor  # its <s>/</s> ids are fixed ids at their own positions
        # copies, so that the subset tokenizer assigns the ids of its own vocabulary
        tok.add_special_tokens([
            AddedToken(t.content, single_word=t.single_word, lstrip=t.lstrip, rstrip=t.rstrip, normalized=t.normalized, special=t.special)
            for t in self.added
        ])
        if max_length:
            tok.enable_truncation(max_length)
        return tok

    def encode_batch(self, texts: list[str], max_length: int | None = None) -> list[Tokens]:
        """Token ids of the full vocabulary and character offsets, `max_length` tokens at most."""
        ids, vocab = self.subset(texts)
        out = []
        for enc in self._tokenizer(vocab, max_length).encode_batch(texts):
            out.append(Tokens(
                ids[np.asarray(enc.ids, dtype=np.int64)],
                np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2),
                np.asarray(enc.special_tokens_mask, dtype=bool),
            ))
        return out
