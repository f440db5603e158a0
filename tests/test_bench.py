"""qa.bench: synthetic indexes, the JSON contract of the records, memory from /proc, and `qa bench` end to end."""
from __future__ import annotations

import json
import mmap
import os
import subprocess
import sys
from dataclasses import replace

import faiss
import numpy as np
import pytest

from qa.bench.records import AnswerFigures, BenchResult, Build, ColdAsk, Latency, Machine, ScaleResult, ScaleRow, VectorFigures, VectorIndex
from qa.bench.system import MEMORY_FILE_ENV, peak_rss_mb, rss_mb, sample_questions, time_rounds
from qa.config import BUILTIN_CORPUS, DEFAULT_QUESTIONS, PROJECT_ROOT
from qa.evaluation import load_questions

ENV = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


@pytest.fixture(scope="module")
def real_index(tmp_path_factory):
    """The built-in bulletin indexed into a temporary folder (vectors from the shared embedding cache)."""
    from qa.indexing import build_index

    out = tmp_path_factory.mktemp("bench-index")
    build_index([BUILTIN_CORPUS], out)
    return out


# ---------------------------------------------------------------- synthetic indexes

def test_a_synthetic_index_is_verbatim_and_writes_and_loads_like_a_real_one(real_index, tmp_path):
    from qa.bench.synthetic import synthetic_index
    from qa.index_store import load_index, write_index

    real = load_index(real_index)
    data = synthetic_index(real, 500, sigma=0.01, seed=1)
    assert len(data.chunks) == 500 and [c.id for c in data.chunks] == list(range(500))
    texts = {d.name: d.text for d in data.documents}
    assert len(texts) > 1 and all(texts[c.doc][c.start : c.end] == c.text for c in data.chunks)
    real_texts = {c.text for c in real.chunks}
    assert all(c.text in real_texts for c in data.chunks)
    real_bodies = {(x.doc, x.label): real.documents[0].text[x.start : x.end] for x in real.sections}
    for s in data.sections:  # a synthetic document is named after the real one its sections come from
        assert texts[s.doc][s.start : s.end] == real_bodies[(s.doc.split("-", 2)[2], s.label)]
    norms = np.linalg.norm(data.chunk_vectors, axis=1)
    assert np.allclose(norms, 1, atol=1e-5)
    assert len(data.sentence_vectors) == len(data.sentences) == data.terms.sentences.shape[0]
    assert len(data.keywords) == 500 and data.terms.chunks.shape[0] == 500
    write_index(tmp_path / "syn", data)
    loaded = load_index(tmp_path / "syn")  # checksums and shapes verified
    assert len(loaded.chunks) == 500 and loaded.meetings == []


def test_sections_of_a_synthetic_document_hold_their_chunks(real_index):
    from qa.bench.synthetic import synthetic_index
    from qa.index_store import load_index

    data = synthetic_index(load_index(real_index), 300, sigma=0.01, seed=2)
    spans = {(s.doc, s.label): (s.start, s.end) for s in data.sections}
    for c in data.chunks:
        lo, hi = spans[(c.doc, c.section)]
        assert lo <= c.start < c.end <= hi


# ---------------------------------------------------------------- records

LAT = Latency(10, 3, 50.0, 90.0, 60.0)
MACHINE = Machine(2, "3.11", "Linux", 8.0, (1.0,), (1.5,))


def test_a_scale_row_puts_n_and_answer_p50_at_its_top_level():
    vi = VectorIndex("IndexFlatIP", 0.01, 0.2, 0.1, 3.0, 1.0)
    row = ScaleRow(10_000, AnswerFigures(LAT, 0.9, 70_000, 1.0, 2.0, 0.1, 120.0, 900.0), VectorFigures(vi, vi, None, 200.0))
    skipped = ScaleRow(1_000_000, None, None, ("answer path not run: needs about 30 GB",))
    out = json.loads(json.dumps(ScaleResult(MACHINE, 0.02, 0.01, 111, 24, (row, skipped), 12.0).to_json()))
    assert [r["n"] for r in out["scale"]] == [10_000, 1_000_000]
    assert out["scale"][0]["answer_p50_ms"] == 50.0 and out["scale"][0]["answer_p95_ms"] == 90.0
    assert out["scale"][0]["vectors"]["chosen"]["recall_at_10"] == 1.0
    assert out["scale"][1]["answer_p50_ms"] is None and out["scale"][1]["notes"]
    assert "rows" not in out and out["machine"]["cpus"] == 2


def test_the_bench_record_carries_its_ratios_to_langchain():
    b = Build(10.0, 40, 300, 300, 8.0)
    r = BenchResult(MACHINE, "x.txt", 1000, True, "m", 2.0, b, replace(b, seconds=0.2, encoded=0), replace(b, seconds=4.0, texts=20),
                    LAT, replace(LAT, p50_ms=25.0, p95_ms=30.0), ColdAsk(9.0, 900.0, 850.0, False), 1200.0, 60.0)
    out = json.loads(json.dumps(r.to_json()))
    assert out["ratios"] == {"index_cold_vs_langchain": 2.5, "answer_p50_vs_langchain": 2.0, "answer_p95_vs_langchain": 3.0,
                             "index_cold_vs_langchain_st": None, "index_both_vs_langchain": None, "answer_p50_vs_langchain_st": None}
    both = replace(r, qa_both_cold=replace(b, seconds=8.0), langchain_st_cold=replace(b, seconds=5.0))
    assert both.ratios()["index_both_vs_langchain"] == 2.0 and both.ratios()["index_cold_vs_langchain_st"] == 2.0
    assert out["qa_warm"]["encoded"] == 0 and out["cold_ask"]["peak_rss_mb"] == 900.0
    assert b.texts_per_s == 300 / 8.0


# ---------------------------------------------------------------- measuring tools

def test_memory_comes_from_proc_and_sees_an_allocation():
    # a fresh anonymous mapping, every page written: an allocator may hand back memory it
    # freed earlier and never returned, which would add nothing resident (seen once in CI)
    size = 64 * 2**20
    before = rss_mb()
    block = mmap.mmap(-1, size)
    block.write(b"\x01" * size)
    assert rss_mb() >= before + 50
    assert peak_rss_mb() >= rss_mb()
    block.close()


def test_qa_writes_its_memory_at_exit_when_asked(tmp_path):
    target = tmp_path / "memory.json"
    proc = subprocess.run([sys.executable, "-m", "qa", "--help"], env={**ENV, MEMORY_FILE_ENV: str(target)}, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    memory = json.loads(target.read_text(encoding="utf-8"))
    assert memory["peak_rss_mb"] >= memory["rss_mb"] > 10


def test_timed_rounds_warm_up_and_take_medians():
    calls = []
    lat = time_rounds(calls.append, ["a", "b", "c", "d"], rounds=2, warmup=3)
    assert len(calls) == 3 + 2 * 4 and (lat.questions, lat.rounds) == (4, 2)
    assert 0 <= lat.p50_ms <= lat.p95_ms


def test_timed_rounds_name_the_slowest_questions():
    import time

    lat = time_rounds(lambda q: time.sleep(0.03 if q == "slow" else 0.0), ["a", "slow", "b", "c"], rounds=3, warmup=0, slowest=2)
    assert [q for q, _ in lat.slowest] == ["slow", lat.slowest[1][0]] and lat.slowest[0][1] >= 30
    assert lat.slowest[0][1] >= lat.slowest[1][1]
    from qa.bench.show import bench_rows

    r = BenchResult(MACHINE, "x.txt", 1000, True, "m", 2.0, *[Build(1.0, 4, 30, 30, 1.0)] * 3, lat, LAT, ColdAsk(9.0, 900.0, 850.0, False), 1200.0, 60.0)
    rows = [row for row in bench_rows(r) if row[0].startswith("  slowest answer")]
    assert len(rows) == 2 and "slow" in rows[0][0]


def test_question_samples_spread_over_the_types():
    qs = load_questions(DEFAULT_QUESTIONS)
    sample = sample_questions(qs, 22)
    assert len(sample) == 22 and len({q.type for q in sample}) == len({q.type for q in qs})
    assert sample_questions(qs, 0) == qs


def test_choose_vector_index_keeps_recall_above_the_flat_limit(monkeypatch):
    from qa import vector_index
    from qa.bench.synthetic import perturbed

    rng = np.random.default_rng(0)
    base = rng.standard_normal((20, 32)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    vectors = perturbed(base, rng.integers(0, 20, 3000), 0.05, seed=1, block=1000)
    assert vectors.shape == (3000, 32) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert isinstance(vector_index.choose_vector_index(vectors), faiss.IndexFlatIP)
    monkeypatch.setattr(vector_index, "FLAT_MAX", 1000)
    flat = faiss.IndexFlatIP(32)
    flat.add(vectors)
    _, truth = flat.search(vectors[:50], 10)
    ivf = vector_index.choose_vector_index(vectors)
    assert isinstance(ivf, faiss.IndexIVFFlat) and ivf.nprobe >= 16
    _, found = ivf.search(vectors[:50], 10)
    assert np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth)]) > 0.8


# ---------------------------------------------------------------- end to end

@pytest.mark.slow
def test_qa_bench_scale_writes_one_row_per_size(real_index, tmp_path):
    out = tmp_path / "scale.json"
    proc = subprocess.run([sys.executable, "-m", "qa", "bench", "--scale", "2000", "--index", str(real_index), "--questions-sample", "6",
                           "--rounds", "1", "--json", str(out)], env=ENV, cwd=str(tmp_path), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = json.loads(out.read_text(encoding="utf-8"))["scale"]
    assert [r["n"] for r in rows] == [2000]
    assert rows[0]["answer_p50_ms"] > 0 and rows[0]["answer"]["sentences"] > 2000
    assert rows[0]["answer"]["answered"] > 0.5  # the synthetic corpus still answers real questions
    assert rows[0]["vectors"]["chosen"]["recall_at_10"] == 1.0  # exact search below the flat limit
    assert "2,000" in proc.stdout


def test_qa_bench_scale_skips_a_size_that_needs_more_memory_than_allowed(real_index, tmp_path):
    out = tmp_path / "scale.json"
    proc = subprocess.run([sys.executable, "-m", "qa", "bench", "--scale", "2000", "--index", str(real_index), "--memory-gb", "0.01",
                           "--json", str(out)], env=ENV, cwd=str(tmp_path), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    [row] = json.loads(out.read_text(encoding="utf-8"))["scale"]
    assert row["answer"] is None and row["vectors"] is None
    assert [n.split(":")[0] for n in row["notes"]] == ["vectors not run", "answer not run"] and "(limit 0.0 GB)" in row["notes"][1]


@pytest.mark.slow
def test_qa_bench_quick_compares_with_langchain_and_a_cold_ask(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, "-m", "qa", "bench", "--quick", "--questions-sample", "6", "--json", str(out)],
                          env=ENV, cwd=str(tmp_path), capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-2000:]
    r = json.loads(out.read_text(encoding="utf-8"))
    # an empty cache: every sentence is encoded; a chunk's vector is their mean
    assert r["quick"] and r["qa_cold"]["encoded"] == r["qa_cold"]["texts"] - r["qa_cold"]["chunks"] > 0
    assert r["qa_both_cold"]["encoded"] == r["qa_both_cold"]["texts"]  # --vectors both: the chunks too
    assert r["qa_warm"]["encoded"] == 0 and r["langchain_cold"]["encoded"] == r["langchain_cold"]["chunks"]
    assert r["qa_answer"]["p50_ms"] > 0 and r["langchain_query"]["p50_ms"] > 0
    assert not r["cold_ask"]["error"] and r["cold_ask"]["peak_rss_mb"] > 100
    assert set(r["ratios"]) == {"index_cold_vs_langchain", "answer_p50_vs_langchain", "answer_p95_vs_langchain",
                                "index_cold_vs_langchain_st", "index_both_vs_langchain", "answer_p50_vs_langchain_st"}
    assert r["app_rss_mb"] > 100 and r["langchain_st_query"]["p50_ms"] > 0
    assert r["langchain_st_cold"]["encoded"] == r["langchain_st_cold"]["chunks"]
