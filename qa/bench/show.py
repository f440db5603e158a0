"""`qa bench` tables (rich) and the JSON file."""
from __future__ import annotations

import json
import math
from pathlib import Path

from .records import BenchResult, ScaleResult, VectorIndex


def f(v, unit: str = "", digits: int = 1) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    return f"{v:,.{digits}f}{unit}"


def bench_rows(r: BenchResult) -> list[tuple[str, str, str, str]]:
    """(measure, qa, LangChain, ratio) rows."""
    ratio = r.ratios()
    qc, qw, lc, qa, lq, ca = r.qa_cold, r.qa_warm, r.langchain_cold, r.qa_answer, r.langchain_query, r.cold_ask
    rows = [
        ("model load", f(r.model_load_s, " s"), "(the same model)", ""),
        (f"index, empty embedding cache ({qc.chunks} chunks + {qc.texts - qc.chunks} sentences and clauses | {lc.chunks} chunks)",
         f(qc.seconds, " s"), f(lc.seconds, " s"), f(ratio["index_cold_vs_langchain"], "x", 2)),
        ("index, warm embedding cache", f(qw.seconds, " s", 2), "—", ""),
    ]
    if r.qa_both_cold:
        rows.append(("index with --vectors both, empty cache (chunks encoded too)", f(r.qa_both_cold.seconds, " s"),
                     f(lc.seconds, " s"), f(ratio["index_both_vs_langchain"], "x", 2)))
    if r.langchain_st_cold:
        rows.append(("LangChain with sentence-transformers, empty cache", f(qc.seconds, " s"), f(r.langchain_st_cold.seconds, " s"),
                     f(ratio["index_cold_vs_langchain_st"], "x", 2)))
    rows += [
        ("encoder throughput (texts/s)", f(qc.texts_per_s), f(lc.texts_per_s), ""),
        (f"answer p50, warm ({qa.questions} questions x {qa.rounds})", f(qa.p50_ms, " ms"), f(lq.p50_ms, " ms"), f(ratio["answer_p50_vs_langchain"], "x", 2)),
        ("answer p95, warm", f(qa.p95_ms, " ms"), f(lq.p95_ms, " ms"), f(ratio["answer_p95_vs_langchain"], "x", 2)),
    ]
    rows += [(f"  slowest answer {i}: {question[:40]}", f(ms, " ms"), "", "") for i, (question, ms) in enumerate(qa.slowest, 1)]
    if r.langchain_st_query:
        st = r.langchain_st_query
        rows.append(("answer p50 / p95, LangChain with sentence-transformers", f"{f(qa.p50_ms, ' ms')} / {f(qa.p95_ms, ' ms')}",
                     f"{f(st.p50_ms, ' ms')} / {f(st.p95_ms, ' ms')}", f(ratio["answer_p50_vs_langchain_st"], "x", 2)))
    if ca.error:
        rows.append(("cold `qa ask`, new process", "failed: " + ca.error[:160], "", ""))
    else:
        rows += [
            ("cold `qa ask`, new process, to its answer", f(ca.seconds, " s"), "", ""),
            ("cold `qa ask`: peak memory (VmHWM)", f(ca.peak_rss_mb, " MB", 0), "", ""),
            ("cold `qa ask`: memory at exit (index + model)", f(ca.rss_at_exit_mb, " MB", 0), "", ""),
        ]
    rows.append(("the web app at rest, after one answer (VmRSS)", f(r.app_rss_mb, " MB", 0) if r.app_rss_mb else "did not start", "", ""))
    m = r.machine
    rows += [
        ("peak memory, this process", f(r.peak_rss_mb, " MB", 0), "", ""),
        ("machine", f"{m.cpus} CPUs, {m.memory_gb} GB, load {m.loadavg_start} → {m.loadavg_end}", "", ""),
        ("total time", f(r.total_s, " s"), "", ""),
    ]
    return rows


def print_bench(r: BenchResult, console) -> None:
    from rich.table import Table

    t = Table(title=f"qa bench — {r.corpus} ({r.corpus_chars:,} characters)" + (" — quick" if r.quick else ""))
    t.add_column("measure")
    for col in ("qa (hybrid + quotes)", "LangChain tutorial", "qa / LangChain"):
        t.add_column(col, justify="right")
    for row in bench_rows(r):
        t.add_row(*row)
    console.print(t)


def _vi(v: VectorIndex | None) -> list[str]:
    if v is None:
        return ["", "", "", "", ""]
    return [v.type, f(v.build_s, " s", 2), f"{f(v.query_p50_ms, ' ms', 2)} / {f(v.query_p50_1thread_ms, ' ms', 2)}",
            f(v.index_mb, " MB", 0), f"{v.recall_at_10:.3f}"]


def print_scale(r: ScaleResult, console) -> None:
    from rich.table import Table

    t = Table(title=f"qa bench --scale — synthetic corpora resampled from {r.real_chunks} real chunks; "
                    f"answer() over {r.questions} real questions, vector noise σ={r.answer_noise} (answer) / {r.vector_noise} (index)")
    for col in ("N chunks", "answer p50 / p95", "answered", "peak RSS", "vector index", "build", "query p50 (1 thread)", "size", "recall@10"):
        t.add_column(col, justify="left" if col == "vector index" else "right")
    for row in r.rows:
        a, v = row.answer, row.vectors
        left = [f"{row.n:,}"]
        if a:
            left += [f"{f(a.latency.p50_ms, ' ms')} / {f(a.latency.p95_ms, ' ms')}", f(100 * a.answered, "%", 0), f(a.peak_rss_mb, " MB", 0)]
        else:
            left += ["—"] * 3
        if v is None:
            t.add_row(*left, *["—"] * 5)
        else:
            t.add_row(*left, *_vi(v.chosen))
            if v.chosen.type != v.exact.type:
                t.add_row(*[""] * 4, *_vi(v.exact))
            if v.alternative:
                t.add_row(*[""] * 4, *_vi(v.alternative))
    console.print(t)
    for row in r.rows:
        for note in row.notes:
            console.print(f"[yellow]{row.n:,}:[/] {note}", highlight=False)


def write_json(record: BenchResult | ScaleResult, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    return path
