"""Tests of qa.evaluation's metrics, of the question set, and of `qa eval` end to end."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from qa import evaluation as ev
from qa.config import BUILTIN_CORPUS, DEFAULT_QUESTIONS, PROJECT_ROOT
from qa.evaluation import EvalQuestion, Passage, QuestionsError
from qa.schema import Answer, Citation


def P(text: str, province: str = "广东", **kw) -> Passage:
    return Passage(text, province, **kw)


def Q(evidence=(), provinces=("广东",), qtype="fact", qid="t1") -> EvalQuestion:
    return EvalQuestion(qid, "问题？", qtype, tuple(provinces), tuple(evidence))


def cite(rank: int, passage: str, quote: str, start: int, province: str = "广东", doc: str = "d.txt") -> Citation:
    return Citation(rank, province, str(rank), "标题", None, quote, passage, 1.0 / rank, doc, start, start + len(passage))


# ---------------------------------------------------------------- recall, MRR, nDCG

def test_recall_counts_evidence_in_the_top_k_ignoring_white_space():
    passages = [P("甲乙丙"), P("会议在深圳\n设主会场。"), P("其他内容"), P("连续 8 年组织集中开工")]
    evidence = ["会议在深圳设主会场", "连续8年组织集中开工"]
    assert ev.evidence_recall(passages, evidence, 1) == 0.0
    assert ev.evidence_recall(passages, evidence, 2) == 0.5
    assert ev.evidence_recall(passages, evidence, 3) == 0.5
    assert ev.evidence_recall(passages, evidence, 5) == 1.0
    assert ev.evidence_recall(passages, [], 5) is None  # unanswerable: no recall


def test_recall_joins_passages_that_touch_in_the_document():
    doc = "第一句话在这里。证据跨越\n两个块的边界。第三句。"
    a_end = doc.index("跨越") + 2
    b_start = a_end + 1  # the newline between the chunks is not in either
    passages = [
        P(doc[:a_end], doc="d", start=0, end=a_end),
        P(doc[b_start:], doc="d", start=b_start, end=len(doc)),
    ]
    evidence = ["证据跨越两个块的边界"]
    assert ev.evidence_recall(passages, evidence, 2) == 0.0  # without the document, no join
    assert ev.evidence_recall(passages, evidence, 2, docs={"d": doc}) == 1.0
    assert ev.evidence_recall(passages[:1], evidence, 2, docs={"d": doc}) == 0.0


def test_reciprocal_rank_and_ndcg():
    ev_ = ["目标"]
    ranked = [P("无关"), P("无关二"), P("提出目标"), P("也有目标")]
    assert ev.reciprocal_rank(ranked, ev_, 10) == pytest.approx(1 / 3)
    assert ev.reciprocal_rank(ranked, ev_, 2) == 0.0
    assert ev.reciprocal_rank(ranked, [], 10) is None
    # relevant at ranks 3 and 4; ideal puts them at 1 and 2
    dcg = 1 / np.log2(4) + 1 / np.log2(5)
    idcg = 1 / np.log2(2) + 1 / np.log2(3)
    assert ev.ndcg(ranked, ev_, 10) == pytest.approx(dcg / idcg)
    # three relevant passages exist in the collection: the ideal has three
    idcg3 = idcg + 1 / np.log2(4)
    assert ev.ndcg(ranked, ev_, 10, n_relevant=3) == pytest.approx(dcg / idcg3)
    assert ev.ndcg([P("提出目标")], ev_, 10) == pytest.approx(1.0)
    assert ev.ndcg([P("无关")], ev_, 10, n_relevant=2) == 0.0


def test_province_hit_and_set_precision_recall():
    assert ev.province_hit([P("x", "广东"), P("y", "江苏")], ["江苏", "广东"]) is True
    assert ev.province_hit([P("x", "总述")], ["广东"]) is False
    assert ev.province_hit([], ["广东"]) is False
    assert ev.province_hit([P("x")], []) is None
    assert ev.precision_recall(["广东", "江苏", "浙江"], ["广东", "江苏"]) == (pytest.approx(2 / 3), 1.0)
    assert ev.precision_recall([], ["广东"]) == (None, 0.0)


def test_refusal_precision_and_recall():
    # (should abstain, abstained)
    pairs = [(True, True), (True, True), (True, False), (False, True), (False, False), (False, False)]
    r = ev.refusal_scores(pairs)
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["recall"] == pytest.approx(2 / 3)
    assert (r["tp"], r["fp"], r["fn"], r["tn"]) == (2, 1, 1, 2)
    assert ev.refusal_scores([(False, False)])["precision"] is None


# ---------------------------------------------------------------- faithfulness

DOC = "标题\n会议在深圳设主会场，在各地设分会场。省委书记出席会议。\n下一段。"


def test_faithfulness_accepts_a_verbatim_quote():
    passage = DOC[3:DOC.index("\n下")]
    c = cite(1, passage, "会议在深圳设主会场，在各地设分会场。", 3)
    assert ev.check_citation(c, {"d.txt": DOC}) is None


def test_faithfulness_detects_a_non_verbatim_quote():
    passage = DOC[3:DOC.index("\n下")]
    c = cite(1, passage, "会议在深圳设立主会场。", 3)  # one character added
    assert "not a substring" in ev.check_citation(c, {"d.txt": DOC})


def test_faithfulness_detects_a_passage_that_is_not_the_document_text():
    passage = DOC[3:DOC.index("\n下")]
    moved = cite(1, passage, "省委书记出席会议。", 4)  # offsets off by one
    assert "passage is not" in ev.check_citation(moved, {"d.txt": DOC})
    assert "not found" in ev.check_citation(cite(1, passage, "省委书记出席会议。", 3, doc="other.txt"), {"d.txt": DOC})


def test_score_answer_for_a_which_question():
    s1 = DOC.index("会议")
    p1 = DOC[s1 : DOC.index("\n下")]
    answer = Answer(
        "哪些省份设了主会场？",
        "共2个省市：1. 广东「会议在深圳设主会场，在各地设分会场。」[1] 2. 江苏「下一段。」[2]",
        False,
        [cite(1, p1, "会议在深圳设主会场，在各地设分会场。", s1), cite(2, "下一段。", "不在原文", DOC.index("下一段"), province="江苏")],
        "which",
        ("广东", "江苏"),
    )
    q = EvalQuestion("w1", "哪些省份设了主会场？", "which", ("广东", "浙江"), ("在深圳设主会场", "浙江的证据"))
    r = ev.score_answer(q, answer, {"d.txt": DOC})
    assert r.recall[1] == 0.5 and r.recall[10] == 0.5
    assert r.mrr == 1.0
    assert r.province_ok is True
    assert r.which_precision == 0.5 and r.which_recall == 0.5
    assert r.citations == 2 and r.faithful == 1 and len(r.unfaithful) == 1
    assert r.failed
    m = ev.summarize([r])
    assert m["faithfulness"] == 0.5
    assert m["which_recall"] == 0.5


def test_listed_provinces_of_a_fact_answer_are_those_cited_in_its_text():
    a = Answer("q", "广东：「甲」[1]", False, [cite(1, "甲", "甲", 0), cite(2, "乙", "乙", 5, province="江苏")], "fact", ())
    assert ev.listed_provinces(a) == ("广东",)
    assert ev.listed_provinces(Answer("q", "未找到", True, a.citations, "fact", ())) == ()


def test_summary_breaks_down_refusals_by_type():
    def result(qtype, answerable, abstained):
        r = ev.score_ranking(Q(["证据"] if answerable else [], qtype=qtype), [P("含证据")])
        r.answerable, r.abstained = answerable, abstained
        return r

    results = [result("fact", True, False), result("fact", True, True), result("unanswerable", False, True), result("unanswerable", False, False)]
    m = ev.summarize(results)
    assert m["refusal_precision"] == 0.5 and m["refusal_recall"] == 0.5
    assert m["answered_rate"] == 0.5
    assert m["recall@5"] == 1.0
    by = ev.summarize_by_type(results)
    assert set(by) == {"fact", "unanswerable"}
    assert by["unanswerable"]["refusal_recall"] == 0.5
    assert by["fact"]["answered_rate"] == 0.5


def test_gate_names_what_failed():
    r = ev.score_ranking(Q(["证据"]), [P(f"无关{i}") for i in range(5)] + [P("含证据")])
    assert r.recall[5] == 0.0 and r.recall[10] == 1.0
    r.abstained, r.citations, r.faithful, r.unfaithful = False, 2, 1, ["[2] quote is not a substring of its passage"]
    run = ev.EvalRun([Q(["证据"])], {"system": [r]}, {"system": ev.summarize([r])}, {"system": ev.summarize_by_type([r])}, {})
    problems = run.gate(0.9)
    assert any("Recall@5" in p for p in problems)
    assert any("faithfulness is 50.0%" in p for p in problems)
    assert not any("Recall@5" in p for p in run.gate(0.0))


def test_locator_maps_raw_text_chunks_into_the_cleaned_document():
    cleaned = "1. 广东召开大会\n会议在深圳设主会场，在各地设分会场。\n2. 江苏召开推进会\n省委、省政府召开推进会，部署全年工作。"
    loc = ev._Locator(cleaned)
    raw_chunk = "省委、省政府召开推进\n会，部署全年工作。"
    at = loc.find(raw_chunk)
    assert at == cleaned.index("省委、省政府")


# ---------------------------------------------------------------- the questions file

def test_load_questions_reports_file_and_line(tmp_path):
    good = {"id": "a", "question": "问？", "type": "fact", "provinces": ["广东"], "evidence": ["证据"], "answer": "答"}
    f = tmp_path / "q.jsonl"
    f.write_text(json.dumps(good, ensure_ascii=False) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(QuestionsError, match=r"q\.jsonl:3: invalid JSON"):
        ev.load_questions(f)
    cases = [
        ({**good, "type": "opinion"}, "unknown type"),
        ({k: v for k, v in good.items() if k != "evidence"}, "missing field"),
        ({**good, "evidence": []}, "'evidence' must not be empty"),
        ({**good, "evidence": "证据"}, "must be a list"),
        ({**good, "type": "unanswerable"}, "must have no evidence"),
        ([1, 2], "expected a JSON object"),
    ]
    for obj, message in cases:
        f.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
        with pytest.raises(QuestionsError, match=r"q\.jsonl:2: .*" + message):
            ev.load_questions(f)
    f.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    with pytest.raises(QuestionsError, match=r"q\.jsonl:2: duplicate id 'a' \(first on line 1\)"):
        ev.load_questions(f)
    with pytest.raises(QuestionsError, match="cannot read"):
        ev.load_questions(tmp_path / "missing.jsonl")


def test_the_question_set_is_valid_and_its_evidence_is_verbatim():
    from qa.documents import read_document
    from qa.gazetteer import PROVINCES

    questions = ev.load_questions(DEFAULT_QUESTIONS)  # raises on any invalid line
    assert len(questions) >= 80
    assert sum(not q.answerable for q in questions) >= 8
    assert {q.type for q in questions} == set(ev.TYPES)
    text = read_document(BUILTIN_CORPUS).text
    missing = [(q.id, e) for q in questions for e in q.evidence if e not in text]
    assert not missing, f"evidence not verbatim in the cleaned document: {missing[:5]}"
    for q in questions:
        assert q.question.strip()
        assert all(p in PROVINCES or p == "总述" for p in q.provinces), q.id
        if q.type == "which":
            assert len(q.provinces) >= 2, q.id
        if q.type == "compare":
            assert len(q.provinces) >= 2, q.id


def test_bad_questions_file_exits_2_without_loading_a_model(tmp_path):
    from typer.testing import CliRunner

    from qa.cli import app

    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--questions", str(f)])
    assert result.exit_code == 2
    assert "bad.jsonl:1: missing field" in result.output


# ---------------------------------------------------------------- benchmark helpers

def test_choose_vector_index_is_flat_when_small_and_approximate_when_large(monkeypatch):
    import faiss

    from qa import benchmark

    rng = np.random.default_rng(0)
    base = rng.standard_normal((20, 32)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    vectors = benchmark.synthetic_vectors(base, 3000, 0.05, seed=1, block=1000)
    assert vectors.shape == (3000, 32)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert isinstance(benchmark.choose_vector_index(vectors), faiss.IndexFlatIP)
    from qa import index_store

    monkeypatch.setattr(index_store, "FLAT_MAX", 1000)
    flat = faiss.IndexFlatIP(32)
    flat.add(vectors)
    queries = vectors[:50]
    _, truth = flat.search(queries, 10)
    ivf = benchmark.choose_vector_index(vectors)
    assert isinstance(ivf, faiss.IndexIVFFlat) and ivf.ntotal == 3000 and ivf.nprobe >= 16
    hnsw = benchmark.choose_vector_index(vectors, "hnsw")
    assert isinstance(hnsw, faiss.IndexHNSWFlat) and hnsw.hnsw.efSearch == 64
    for index in (ivf, hnsw):
        _, found = index.search(queries, 10)
        recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth)])
        assert recall > 0.8, benchmark.describe_index(index)
    with pytest.raises(ValueError):
        benchmark.choose_vector_index(vectors, "lsh")


def test_benchmark_sampling_and_synthetic_texts():
    from qa import benchmark

    qs = ev.load_questions(DEFAULT_QUESTIONS)
    sample = benchmark.sample_questions(qs, 16)
    assert len(sample) == 16 and len({q.type for q in sample}) == len({q.type for q in qs})
    assert benchmark.sample_questions(qs, 0) == qs
    texts = benchmark.synthetic_texts(["甲乙丙。", "丁戊己庚。"], [5, 12], 50, seed=3)
    assert len(texts) == 50 and all(len(t) >= 5 for t in texts)
    assert benchmark.percentile([1, 2, 3, 4], 50) == 2.5


# ---------------------------------------------------------------- end to end

TINY_REPORTS = """今日科技快讯（测试期）

1. 广东召开全省高质量发展大会，推动产业科技互促双强
2月18日，广东省委、省政府召开全省高质量发展大会。会议在深圳设主会场，在各地级以上市设分会场。会议提出，要加快打造具有全球影响力的产业科技创新中心。

2. 江苏召开产业科技创新中心工作推进会
2月18日，江苏省委、省政府在南京召开工作推进会。会议强调，要统筹做好科技创新和产业创新两篇大文章，全年力争新增高新技术企业5000家。

3. 浙江召开“地瓜经济”提能升级“一号开放工程”大会
2月18日，浙江省委、省政府在杭州召开大会。会议提出，要全面加强“三支队伍”建设，推动民营经济高质量发展。
"""

TINY_QUESTIONS = [
    {"id": "e1", "question": "广东全省高质量发展大会的主会场设在哪里？", "type": "fact", "provinces": ["广东"], "evidence": ["会议在深圳设主会场"], "answer": "深圳"},
    {"id": "e2", "question": "江苏今年力争新增多少家高新技术企业？", "type": "figure", "provinces": ["江苏"], "evidence": ["全年力争新增高新技术企业5000家"], "answer": "5000家"},
    {"id": "e3", "question": "西藏的新春第一会在哪里召开？", "type": "unanswerable", "provinces": [], "evidence": [], "answer": "文中未提供"},
]


@pytest.mark.slow
def test_qa_eval_json_runs_end_to_end_on_a_tiny_corpus(tmp_path):
    from qa.config import Settings
    from qa.index_store import build_index

    corpus = tmp_path / "tiny-bulletin.txt"
    corpus.write_text(TINY_REPORTS, encoding="utf-8")
    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in TINY_QUESTIONS), encoding="utf-8")
    index = tmp_path / "index"
    report = build_index([corpus], index, Settings().with_(index_dir=index))
    assert {c.province for c in report.chunks} >= {"广东", "江苏", "浙江"}

    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run(
        [sys.executable, "-m", "qa", "eval", "--questions", str(questions), "--index", str(index), "--json", "--report", str(tmp_path / "reports"), "--min-recall5", "0"],
        capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    assert set(out["systems"]) == {"system", "dense", "bm25", "langchain"}
    system = out["systems"]["system"]["overall"]
    assert system["questions"] == 3 and system["answerable"] == 2
    assert system["faithfulness"] == 1.0
    assert 0.0 <= system["recall@5"] <= 1.0
    assert set(out["systems"]["system"]["by_type"]) == {"fact", "figure", "unanswerable"}
    assert out["gate"]["passed"] is True
    assert len(out["questions"]) == 3
    for name in ("dense", "bm25", "langchain"):
        assert out["systems"][name]["overall"]["recall@10"] is not None
    assert (tmp_path / "reports" / "report.md").read_text(encoding="utf-8").startswith("# qa eval report")
    assert (tmp_path / "reports" / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
