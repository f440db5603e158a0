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
from qa.config import BUILTIN_CORPUS, Settings
from qa.index_store import IndexError_, build_index, load_index

from .conftest import MINI_BULLETIN, ROOT

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_builtin_index_manifest_and_files(builtin_index):
    idx = load_index(builtin_index, Settings())
    m = idx.manifest
    assert m["model"] == Settings().model and m["dim"] == 384
    assert m["counts"]["documents"] == 1 and m["counts"]["sections"] == 23
    assert m["chunk_size"] == Settings().chunk_size
    assert m["files"][0]["sha256"] and m["build_seconds"] > 0 and m["built_at"]
    assert idx.vectors.ntotal == len(idx.chunks) == len(idx.keywords)
    doc = BUILTIN_CORPUS.read_text(encoding="utf-8")
    assert all(c.text in doc or "".join(c.text.split()) in "".join(doc.split()) for c in idx.chunks)


def test_no_chunk_exceeds_the_model_window(builtin_index):
    from qa.embedding import load_encoder
    from qa.index_store import passage_text

    enc = load_encoder(Settings().model)
    idx = load_index(builtin_index)
    assert max(enc.token_count("passage: " + passage_text(c)) for c in idx.chunks) <= 512


def test_cli_index_prints_a_summary_and_rebuilds_from_cache(tmp_path, mini_corpus):
    first = run("index", mini_corpus, "--out", tmp_path / "idx")
    assert first.exit_code == 0, first.output
    assert "海南" in first.output and "贵州" in first.output and "chunks" in first.output
    again = run("index", mini_corpus, "--out", tmp_path / "idx")
    assert again.exit_code == 0
    assert "(0 texts embedded" in again.output


def test_adding_a_file_embeds_only_its_chunks(tmp_path, mini_corpus):
    # a cache of its own, so that what earlier runs embedded does not count
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "models").symlink_to(Settings().model_cache_dir)
    settings = Settings(index_dir=tmp_path / "idx", cache_dir=tmp_path / "cache")
    build_index([mini_corpus], settings.index_dir, settings)
    extra = tmp_path / "extra.txt"
    extra.write_text("1. 西藏召开全区高质量发展大会\n\n会议在拉萨召开，部署清洁能源基地建设。\n", encoding="utf-8")
    report = build_index([mini_corpus, extra], settings.index_dir, settings)
    new_chunks = [c for c in report.chunks if c.doc == "extra.txt"]
    from qa.chunking import sentence_spans

    assert report.embedded == len(new_chunks) + sum(len(sentence_spans(c.text)) for c in new_chunks)


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


def test_index_built_with_another_model_is_refused(tmp_path, mini_corpus):
    build_index([mini_corpus], tmp_path / "idx", Settings())
    with pytest.raises(IndexError_) as info:
        load_index(tmp_path / "idx", Settings(model="BAAI/bge-small-zh-v1.5"))
    assert "built with model" in str(info.value) and "qa index" in str(info.value)


@pytest.mark.parametrize("victim", ["manifest.json", "chunks.jsonl", "vectors.faiss", "sentences.npy", "bm25/vocab.index.json"])
def test_damaged_index_file_is_named(tmp_path, mini_corpus, victim):
    build_index([mini_corpus], tmp_path / "idx", Settings())
    path = tmp_path / "idx" / "current" / victim
    path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 2)])
    with pytest.raises(IndexError_) as info:
        load_index(tmp_path / "idx", Settings())
    assert victim.split("/")[-1] in str(info.value) and "rebuild" in str(info.value)


def test_failed_build_keeps_the_previous_index(tmp_path, mini_corpus, monkeypatch):
    import qa.index_store as store

    build_index([mini_corpus], tmp_path / "idx", Settings())
    before = load_index(tmp_path / "idx").manifest["built_at"]

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_write_build", boom)
    with pytest.raises(RuntimeError):
        build_index([mini_corpus], tmp_path / "idx", Settings())
    assert load_index(tmp_path / "idx").manifest["built_at"] == before
    assert [p.name for p in (tmp_path / "idx").iterdir() if p.name.startswith("build-")] == [os.readlink(tmp_path / "idx" / "current")]


def test_killed_build_keeps_the_previous_index(tmp_path, mini_corpus):
    """SIGKILL in the middle of a build: the previous index still loads and answers."""
    out = tmp_path / "idx"
    build_index([mini_corpus], out, Settings())
    # an empty embedding cache makes the second build slow enough to kill mid-way
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "models").symlink_to(Settings().model_cache_dir)
    env = dict(os.environ, QA_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "qa", "index", str(BUILTIN_CORPUS), "--out", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(8)  # past start-up, into reading and embedding
    assert proc.poll() is None, proc.stderr.read().decode()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    idx = load_index(out, Settings())
    assert {c.province for c in idx.chunks} == {"总述", "海南", "贵州"}
    from qa.assistant import Assistant
    from qa.embedding import load_encoder

    answer = Assistant(idx, load_encoder(Settings().model), Settings()).answer("贵州的算力规模要突破多少？")
    assert not answer.abstained and answer.citations[0].province == "贵州"


def test_index_help_documents_every_option():
    result = run("index", "--help")
    for option in ("--out", "--model", "--chunk-size", "--chunk-overlap", "--strict"):
        assert option in result.output


def test_model_option_takes_a_folder_and_indexes_do_not_mix(tmp_path, mini_corpus):
    from qa.e5_convert import ensure_converted

    folder = str(ensure_converted(Settings().model_cache_dir))
    result = run("index", mini_corpus, "--out", tmp_path / "idx", "--model", folder)
    assert result.exit_code == 0, result.output
    assert load_index(tmp_path / "idx", Settings(model=folder)).manifest["model"] == folder
    asked = runner.invoke(app, ["ask", "贵州的算力规模要突破多少？", "--index", str(tmp_path / "idx")])
    assert asked.exit_code == 1 and "built with model" in asked.output
    asked = runner.invoke(app, ["ask", "贵州的算力规模要突破多少？", "--index", str(tmp_path / "idx"), "--model", folder, "--json"])
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
