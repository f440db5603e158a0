"""`qa index`: atomic, incremental builds; bad files; manifest checks."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.config import BUILTIN_CORPUS, BuildSettings, Paths
from qa.index_store import IndexError_, IndexOutdated, load_index
from qa.indexing import add_to_index, build_index

from .conftest import MINI_BULLETIN, ROOT

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_builtin_index_manifest_and_files(builtin_index):
    idx = load_index(builtin_index)
    m = idx.manifest
    assert m["model"] == BuildSettings().model and m["dim"] == 384
    assert m["counts"]["documents"] == 1 and m["counts"]["sections"] == 23
    assert idx.build == BuildSettings()  # the build settings are read back from the manifest
    assert m["documents"][0]["sha256"] and m["built_at"]
    assert idx.chunk_search.ntotal == len(idx.chunks) == len(idx.keywords) == len(idx.chunk_vectors)
    assert len(idx.meetings) == 18
    # sentences of several clauses also have a vector per clause, each inside its sentence
    assert m["clause_chars"] == BuildSettings().clause_chars and m["counts"]["clauses"] == len(idx.clauses) == len(idx.clause_vectors) > 0
    owner = idx.sentences.chunk_of()[idx.clauses.sentence_of()]
    assert all(idx.sentences.starts[r] <= a < b <= idx.sentences.ends[r] for r, a, b in zip(idx.clauses.sentence_of(), idx.clauses.starts, idx.clauses.ends))
    assert len(set(owner)) > 1
    text = idx.documents[0].text
    assert all(text[c.start : c.end] == c.text for c in idx.chunks)


def test_no_chunk_exceeds_the_model_window(builtin_index):
    from qa.embedding import load_encoder
    from qa.indexing import passage_text

    idx = load_index(builtin_index)
    enc = load_encoder(idx.build.model, Paths())
    assert max(enc.token_count("passage: " + passage_text(c)) for c in idx.chunks) <= 512


def test_cli_index_prints_a_summary_and_rebuilds_from_cache(tmp_path, mini_corpus):
    first = run("index", mini_corpus, "--out", tmp_path / "idx")
    assert first.exit_code == 0, first.output
    assert "海南" in first.output and "贵州" in first.output and "chunks" in first.output
    again = run("index", mini_corpus, "--out", tmp_path / "idx")
    assert again.exit_code == 0
    assert "(0 texts embedded" in again.output


def _own_cache(tmp_path) -> Paths:
    """A cache of its own, so that what earlier runs embedded does not count."""
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "models").symlink_to(Paths().model_cache_dir)
    return Paths(index_dir=tmp_path / "idx", cache_dir=tmp_path / "cache")


def test_adding_a_file_embeds_only_its_chunks(tmp_path, mini_corpus):
    paths = _own_cache(tmp_path)
    build_index([mini_corpus], paths.index_dir, paths_config=paths)
    extra = tmp_path / "extra.txt"
    extra.write_text("1. 西藏召开全区高质量发展大会\n\n会议在拉萨召开，部署清洁能源基地建设。\n", encoding="utf-8")
    report = add_to_index(paths.index_dir, [extra], paths)
    new_chunks = [c for c in report.chunks if c.doc == "extra.txt"]
    from qa.chunking import clause_spans, sentence_spans

    assert [d.name for d in report.added] == ["extra.txt"]
    # by default only sentences (and the clauses of long ones) are encoded; a chunk's vector is their mean
    sentences = [(c, a, b) for c in new_chunks for a, b in sentence_spans(c.text)]
    clauses = sum(len(clause_spans(c.text, a, b, BuildSettings().clause_chars)) for c, a, b in sentences)
    assert report.embedded == len(sentences) + clauses > 0
    idx = load_index(paths.index_dir)
    assert {d.name for d in idx.documents} == {"mini.txt", "extra.txt"}
    assert "西藏" in idx.report_provinces and "海南" in idx.report_provinces


def test_adding_a_file_twice_keeps_one_copy_and_a_new_version_replaces_the_old(tmp_path, mini_corpus):
    build_index([mini_corpus], tmp_path / "idx")
    again = add_to_index(tmp_path / "idx", [mini_corpus])
    assert again.added == [] and len(load_index(tmp_path / "idx").documents) == 1
    changed = tmp_path / "other" / "mini.txt"
    changed.parent.mkdir()
    changed.write_text(MINI_BULLETIN.replace("30 万户", "40 万户"), encoding="utf-8")
    add_to_index(tmp_path / "idx", [changed])
    docs = load_index(tmp_path / "idx").documents
    assert len(docs) == 1 and "40万户" in docs[0].text


def test_bad_files_are_named_and_the_others_indexed(tmp_path, mini_corpus):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(MINI_BULLETIN, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(os.urandom(4000) + b"\x00")
    result = run("index", folder, "--out", tmp_path / "idx")
    assert result.exit_code == 0, result.output
    assert "empty.txt: empty file" in result.output
    assert "junk.txt: binary data" in result.output
    assert load_index(tmp_path / "idx").manifest["counts"]["documents"] == 1
    strict = run("index", folder, "--out", tmp_path / "idx2", "--strict")
    assert strict.exit_code == 1 and "empty.txt" in strict.output


def test_missing_path_is_exit_2(tmp_path):
    result = run("index", tmp_path / "nope.txt", "--out", tmp_path / "idx")
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_unwritable_output_is_a_clear_error(tmp_path, mini_corpus):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("index", mini_corpus, "--out", blocker / "idx")
    assert result.exit_code == 1
    assert "Error" in result.output and "Traceback" not in result.output


def build_older_format(folder, corpus):
    """An index as an older version of qa wrote it: format 2 in its manifest."""
    build_index([corpus], folder)
    manifest = folder / "current" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["format"] = 2
    manifest.write_text(json.dumps(data), encoding="utf-8")


def test_index_of_an_older_format_is_refused_with_a_rebuild_hint(tmp_path, mini_corpus):
    build_older_format(tmp_path / "idx", mini_corpus)
    with pytest.raises(IndexOutdated) as info:
        load_index(tmp_path / "idx")
    assert "format 2" in str(info.value) and "qa index" in str(info.value)


@pytest.mark.parametrize("victim", ["manifest.json", "chunks.jsonl", "chunks.faiss", "sentence_vectors.npy", "clause_vectors.npy", "clauses.npz", "bm25/vocab.index.json", "terms/chunks.npz", "terms/prior.json", "meetings.json"])
def test_damaged_index_file_is_named(tmp_path, mini_corpus, victim):
    build_index([mini_corpus], tmp_path / "idx")
    path = tmp_path / "idx" / "current" / victim
    path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 2)])
    with pytest.raises(IndexError_) as info:
        load_index(tmp_path / "idx")
    assert victim.split("/")[-1] in str(info.value) and "rebuild" in str(info.value)


def test_failed_build_keeps_the_previous_index(tmp_path, mini_corpus, monkeypatch):
    import qa.index_store as store

    build_index([mini_corpus], tmp_path / "idx")
    before = load_index(tmp_path / "idx").manifest["built_at"]

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_write_files", boom)
    with pytest.raises(RuntimeError):
        build_index([mini_corpus], tmp_path / "idx")
    assert load_index(tmp_path / "idx").manifest["built_at"] == before
    assert [p.name for p in (tmp_path / "idx").iterdir() if p.name.startswith("build-")] == [os.readlink(tmp_path / "idx" / "current")]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads a process's CPU time from /proc")
def test_killed_build_keeps_the_previous_index(tmp_path, mini_corpus):
    """SIGKILL in the middle of a build: the previous index still loads and answers."""
    out = tmp_path / "idx"
    build_index([mini_corpus], out)
    # A build that cannot finish before the kill on any machine: five distinct copies of
    # the bulletin and an empty embedding cache, killed after a few CPU seconds (past
    # start-up, into embedding), so the test waits on work done, not on the wall clock.
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "models").symlink_to(Paths().model_cache_dir)
    corpus = tmp_path / "big"
    corpus.mkdir()
    lines = BUILTIN_CORPUS.read_text(encoding="utf-8").splitlines()
    for i in range(5):
        (corpus / f"copy{i}.txt").write_text("\n".join(f"{line}（第{i}份）" if line.strip() else line for line in lines), encoding="utf-8")
    env = dict(os.environ, QA_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "qa", "index", str(corpus), "--out", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None and _cpu_seconds(proc.pid) < 6:
        time.sleep(0.05)
    assert proc.poll() is None, proc.stderr.read().decode()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    idx = load_index(out)
    assert {c.province for c in idx.chunks} == {"总述", "海南", "贵州"}
    from qa.assistant import Assistant
    from qa.embedding import load_encoder

    answer = Assistant(idx, load_encoder(idx.build.model, Paths())).answer("贵州的算力规模要突破多少？")
    assert not answer.abstained and answer.citations[0].province == "贵州"


def test_index_help_documents_every_option():
    result = run("index", "--help")
    for option in ("--out", "--model", "--chunk-size", "--chunk-overlap", "--vectors", "--clause-chars", "--idf-prior", "--add", "--strict"):
        assert option in result.output


def test_an_index_is_answered_with_the_model_and_chunking_it_was_built_with(tmp_path, mini_corpus):
    from qa.e5_convert import ensure_converted

    folder = str(ensure_converted(Paths().model_cache_dir))
    result = run("index", mini_corpus, "--out", tmp_path / "idx", "--model", folder, "--chunk-size", "300", "--clause-chars", "0")
    assert result.exit_code == 0, result.output
    idx = load_index(tmp_path / "idx")
    assert idx.build.model == folder and idx.build.chunk_size == 300
    assert idx.build.clause_chars == 0 and idx.clauses is None and idx.manifest["counts"]["clauses"] == 0
    asked = runner.invoke(app, ["ask", "贵州的算力规模要突破多少？", "--index", str(tmp_path / "idx"), "--json"])
    assert asked.exit_code == 0 and json.loads(asked.stdout)["citations"][0]["province"] == "贵州"


def test_unknown_model_is_a_clear_error(tmp_path, mini_corpus):
    result = run("index", mini_corpus, "--out", tmp_path / "idx", "--model", str(tmp_path / "no-such-model"))
    assert result.exit_code == 1
    assert "cannot load embedding model" in result.output and "Traceback" not in result.output


def test_read_only_output_folder_is_a_clear_error_before_any_work(tmp_path, mini_corpus):
    """Run as an unprivileged user (root may write anywhere): the error names the folder."""
    import shutil
    import tempfile

    # pytest's own temporary folders are private to root; this one the other user can enter
    base = Path(tempfile.mkdtemp(prefix="qa-ro-"))
    base.chmod(0o755)
    corpus = base / "mini.txt"
    corpus.write_text(MINI_BULLETIN, encoding="utf-8")
    ro = base / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    cmd = [sys.executable, "-m", "qa", "index", str(corpus), "--out", str(ro)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("needs setpriv to drop root")
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = subprocess.run([*drop, sys.executable, "-c", "import qa.cli"], env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True)
        if probe.returncode != 0:
            shutil.rmtree(base, ignore_errors=True)
            pytest.skip("the unprivileged user cannot read this checkout or its virtual environment")
        cmd = [*drop, *cmd]
    env = dict(os.environ, PYTHONPATH=str(ROOT), QA_CACHE_DIR=str(base / "cache"), HOME=str(base))
    try:
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, result.stderr
        assert "cannot write the index to" in result.stderr and "Permission denied" in result.stderr
        assert "Traceback" not in result.stderr
        assert list(ro.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize("mode", ["sentences", "both", "late"])
def test_each_vector_mode_builds_an_index_that_answers(tmp_path, mini_corpus, mode):
    import numpy as np

    from qa.assistant import Assistant
    from qa.embedding import load_encoder

    paths = _own_cache(tmp_path)
    report = build_index([mini_corpus], paths.index_dir, BuildSettings(vectors=mode), paths)
    idx = load_index(paths.index_dir)
    assert idx.build.vectors == mode and idx.manifest["vectors"] == mode
    sentences = len(idx.sentences)
    # vectors computed: the sentences' (sentences), or the chunks' and the sentences' (both:
    # two passes; late: one pass over the chunks, the sentences pooled from it); and in
    # every mode the clauses of sentences of several
    assert report.embedded == sentences + len(idx.clauses) + (0 if mode == "sentences" else len(idx.chunks))
    assert len(idx.clauses) > 0
    norms = np.linalg.norm(np.asarray(idx.chunk_vectors), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-4)
    if mode == "sentences":  # a chunk's vector is the mean of its sentences'
        rows = idx.sentences.rows(0)
        mean = np.asarray(idx.sentence_vectors)[rows.start : rows.stop].mean(axis=0)
        assert np.allclose(idx.chunk_vectors[0], mean / np.linalg.norm(mean), atol=1e-5)
    answer = Assistant(idx, load_encoder(idx.build.model, paths)).answer("贵州的算力规模要突破多少？")
    assert not answer.abstained and answer.citations[0].province == "贵州"


def test_an_unknown_vector_mode_is_a_clear_error(tmp_path, mini_corpus):
    result = run("index", mini_corpus, "--out", tmp_path / "idx", "--vectors", "words")
    assert result.exit_code == 1 and "unknown vector mode 'words'" in result.output and "Traceback" not in result.output


def test_an_outdated_default_index_is_rebuilt_from_its_own_files(tmp_path, mini_corpus):
    from qa.assistant import ensure_index

    build_older_format(tmp_path / "idx", mini_corpus)
    assert ensure_index(tmp_path / "idx") is True
    assert [d.name for d in load_index(tmp_path / "idx").documents] == ["mini.txt"]  # not the built-in corpus
