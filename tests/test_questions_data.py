"""The question set itself (data/questions.jsonl), read straight from the JSONL file.

qa.evaluation's loader is not used: it predates the `date`, `place` and `multi` types
and the optional `direct`, `parts` and `about` fields. These tests hold the data to
what the evaluation assumes: verbatim evidence (after removing all white space, as
the evaluation compares), each quote inside the report of a province the question
names, and enough held-out questions of each kind written after the tuning set.
"""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from qa.config import BUILTIN_CORPUS, DEFAULT_QUESTIONS
from qa.documents import read_document
from qa.gazetteer import PROVINCES

TYPES = {"fact", "figure", "person", "which", "compare", "paraphrase", "summary", "unanswerable",
         "date", "place", "multi"}
FIELDS = {"id", "question", "type", "provinces", "evidence", "answer"}
OPTIONAL = {"direct", "parts", "about"}
FRONT = "总述"  # the editor's summary in front of the reports
FIRST_HELD_OUT = 128  # q128 onward were written before anyone saw the system's answers
SENTENCE_END = re.compile(r"[。！？；\n]")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def load(path=DEFAULT_QUESTIONS) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                pytest.fail(f"{path.name}:{n}: not JSON ({exc})")
    return rows


def number(qid: str) -> int:
    return int(qid.lstrip("q"))


def reports(text: str) -> dict[str, str]:
    """Each province's report in the built-in bulletin, keyed by province: the body
    starts at 资料汇编, and each report at a numbered heading `N. 省名召开/举行…`."""
    body = text.index("资料汇编")
    names = "|".join(sorted(PROVINCES, key=len, reverse=True))
    heads = [(m.start(), m.group(1)) for m in re.finditer(rf"^\d{{1,2}}\.\s*({names})(?:召开|举行)", text, re.M)
             if m.start() > body]
    return {p: text[s:(heads[i + 1][0] if i + 1 < len(heads) else len(text))] for i, (s, p) in enumerate(heads)}


@pytest.fixture(scope="module")
def questions() -> list[dict]:
    return load()


@pytest.fixture(scope="module")
def text() -> str:
    return read_document(BUILTIN_CORPUS).text


@pytest.fixture(scope="module")
def by_province(text) -> dict[str, str]:
    return reports(text)


@pytest.fixture(scope="module")
def held_out(questions) -> list[dict]:
    return [q for q in questions if number(q["id"]) >= FIRST_HELD_OUT]


def test_the_bulletin_splits_into_eighteen_province_reports(by_province):
    assert len(by_province) == 18
    assert {"广东", "江苏", "湖南", "云南"} <= set(by_province)
    assert by_province["云南"].rstrip().endswith("各州（市）设分会场。")


def test_every_line_has_the_known_fields_and_a_known_type(questions):
    for q in questions:
        assert FIELDS <= set(q) <= FIELDS | OPTIONAL, q.get("id")
        assert q["type"] in TYPES, q["id"]
        assert isinstance(q["question"], str) and q["question"].strip(), q["id"]
        assert isinstance(q["answer"], str) and q["answer"].strip(), q["id"]
        assert all(isinstance(e, str) and e.strip() for e in q["evidence"]), q["id"]
        assert all(p in PROVINCES or p == FRONT for p in q["provinces"]), q["id"]
        if "about" in q:
            assert q["about"] == "meeting", q["id"]


def test_ids_and_question_texts_are_unique(questions):
    ids = Counter(q["id"] for q in questions)
    assert not [i for i, n in ids.items() if n > 1]
    texts = Counter(squeeze(q["question"]) for q in questions)
    assert not [t for t, n in texts.items() if n > 1]
    assert all(re.fullmatch(r"q\d{3,}", i) for i in ids)


def test_unanswerable_questions_have_no_evidence_and_answerable_ones_do(questions):
    for q in questions:
        if q["type"] == "unanswerable":
            assert q["evidence"] == [] and "direct" not in q and "parts" not in q, q["id"]
        else:
            assert q["evidence"] and q["provinces"], q["id"]


def test_every_evidence_string_is_verbatim_in_the_cleaned_document(questions, text):
    flat = squeeze(text)
    missing = [(q["id"], e) for q in questions for e in q["evidence"] if squeeze(e) not in flat]
    assert not missing


def test_every_direct_span_is_verbatim_and_inside_its_evidence_or_sentence(questions, text):
    flat = squeeze(text)
    sentences = [squeeze(s) for s in SENTENCE_END.split(text)]
    for q in (q for q in questions if "direct" in q):
        span = squeeze(q["direct"])
        assert span and span in flat, q["id"]
        evidence = [squeeze(e) for e in q["evidence"]]
        inside = any(span in e for e in evidence)
        same_sentence = any(span in s and any(e in s for e in evidence) for s in sentences)
        assert inside or same_sentence, (q["id"], q["direct"])


def test_parts_are_non_empty_and_cover_exactly_the_evidence(questions):
    for q in (q for q in questions if "parts" in q):
        parts = q["parts"]
        assert isinstance(parts, list) and len(parts) >= 2, q["id"]
        assert all(isinstance(p, list) and p for p in parts), q["id"]
        assert {e for p in parts for e in p} == set(q["evidence"]), q["id"]


def test_held_out_evidence_lies_in_the_report_of_a_named_province(held_out, by_province):
    for q in (q for q in held_out if q["evidence"]):
        assert FRONT not in q["provinces"], q["id"]
        for e in q["evidence"]:
            found = {p for p, body in by_province.items() if squeeze(e) in squeeze(body)}
            assert found, (q["id"], e)
            assert found <= set(q["provinces"]), (q["id"], e, found)
        for p in q["provinces"]:
            assert any(squeeze(e) in squeeze(by_province[p]) for e in q["evidence"]), (q["id"], p)


def test_held_out_evidence_strings_are_short_quotes(held_out):
    for q in held_out:
        for e in q["evidence"]:
            assert 8 <= len(squeeze(e)) <= 45, (q["id"], e)


def test_held_out_unanswerable_questions_name_a_province_that_has_a_report(held_out, by_province):
    near_misses = [q for q in held_out if q["type"] == "unanswerable"]
    assert len(near_misses) >= 10
    for q in near_misses:
        assert q["provinces"] and set(q["provinces"]) <= set(by_province), q["id"]


def test_held_out_which_questions_about_meetings_list_one_quote_per_province(held_out):
    meetings = [q for q in held_out if q["type"] == "which" and q.get("about") == "meeting"]
    assert len(meetings) >= 8
    for q in meetings:
        assert len(q["provinces"]) >= 2 and len(q["evidence"]) == len(q["provinces"]), q["id"]


def test_there_are_enough_held_out_questions_of_each_kind(held_out):
    kinds = Counter(q["type"] for q in held_out)
    assert len(held_out) >= 40
    assert sum(1 for q in held_out if q["type"] == "multi" and "parts" in q) >= 10
    assert len({q["provinces"][0] for q in held_out if q["type"] == "multi"}) >= 8
    assert sum(1 for q in held_out if q["type"] == "date" and "direct" in q) >= 8
    assert kinds["unanswerable"] >= 10
    assert sum(kinds[k] for k in ("figure", "person", "place", "fact", "compare")) >= 10
    assert sum(1 for q in held_out if q["type"] in ("figure", "person", "place", "date") and "direct" in q) >= 10


def test_a_line_that_is_not_json_is_reported_with_its_line_number(tmp_path):
    bad = tmp_path / "questions.jsonl"
    bad.write_text('{"id": "q1"}\n{oops\n', encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="questions.jsonl:2"):
        load(bad)


def test_a_report_split_finds_provinces_in_a_bulletin_it_composes():
    bulletin = ("今日测试快讯\n\n目 录\n\n1. 海南召开大会 - 2 -\n\n资料汇编\n\n"
                "1. 海南召开全省自由贸易港建设大会\n\n2月18日，会议在海口召开。\n\n"
                "2. 贵州举行大数据产业推进会\n\n会议以视频形式召开。\n")
    parts = reports(bulletin)
    assert list(parts) == ["海南", "贵州"]
    assert "海口" in parts["海南"] and "海口" not in parts["贵州"]


def test_the_development_questions_are_verbatim_and_apart_from_the_question_set():
    """data/dev-questions.jsonl: a hundred and three sets written from the corpus outside the repository
    (each measured once before any tuning on it; s, v, c, o, B, E, H, L, N, R, T, V, X, Z, Pb, Qa, Sb, Tb, Ub, Vb, Wb, Xb, Yb,
    Zb, Rb, Hb, Kb, Nb, Ib, Jb, Mb, Od, Oe, Dd, Df, Gb, Gd, Qd, Sf, Sh and Nd only measured); they must load, quote
    the corpus verbatim, and share no id with the question set."""
    from qa.evaluation.questions import load_questions

    dev = load_questions(DEFAULT_QUESTIONS.with_name("dev-questions.jsonl"))
    corpus = squeeze(read_document(BUILTIN_CORPUS).text)
    missing = [(q.id, e) for q in dev for e in (*q.evidence, q.direct) if e and squeeze(e) not in corpus]
    assert not missing
    assert not {q.id for q in dev} & {q["id"] for q in load()}
    assert len(dev) == 7308 and sum(not q.answerable for q in dev) >= 700
    # (Oc and Od ask whether a report names something: each says the side its answer should take)
    assert sum(bool(q.verdict) for q in dev) == 60
    # (Ha, Hb, Ka and Kb are conversations: each question is asked after the user's earlier messages)
    assert sum(bool(q.history) for q in dev) == 240
