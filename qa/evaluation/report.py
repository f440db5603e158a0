"""What `qa eval` shows: tables (rich on the terminal, Markdown in reports/report.md),
the failed questions of each part with what was retrieved, and a chart (matplotlib,
from the `eval` extra)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .baselines import LABELS
from .questions import TYPES
from .run import EvalRun
from .scoring import FEATURES, pct

INSTALL_HINT = "pip install -e '.[eval]'"


def num(v) -> str:
    return "—" if v is None else f"{v:.3f}"


def _count(v) -> str:
    return "—" if v is None else f"{v:,.0f}"


SUMMARY_ROWS = [
    ("Recall@1", "recall@1", pct),
    ("Recall@3", "recall@3", pct),
    ("Recall@5", "recall@5", pct),
    ("Recall@10", "recall@10", pct),
    ("MRR@10", "mrr@10", num),
    ("nDCG@10", "ndcg@10", num),
    ("Province of the top citation", "province_accuracy", pct),
    ("Characters in the top 5 passages", "top5_chars", _count),
    ("Answered rate (answerable)", "answered_rate", pct),
    ("Refusal precision", "refusal_precision", pct),
    ("Refusal recall", "refusal_recall", pct),
    ("'which' province recall", "which_recall", pct),
    ("'which' province precision", "which_precision", pct),
    ("Quotes verbatim", "faithfulness", pct),
    ("Direct answer exact", "direct_exact", pct),
    ("Direct answer lenient", "direct_lenient", pct),
    ("Multi-part coverage", "multi_coverage", pct),
    ("Yes-or-no verdict taken", "verdict", pct),
]


def _refused(m: dict) -> str:
    ref = m.get("refusals")
    n = sum(ref.values()) if ref else 0
    return pct((ref["tp"] + ref["fp"]) / n) if n else "—"


TYPE_COLUMNS = [
    ("n", lambda m: str(m["questions"])),
    ("R@1", lambda m: pct(m.get("recall@1"))),
    ("R@5", lambda m: pct(m.get("recall@5"))),
    ("MRR", lambda m: num(m.get("mrr@10"))),
    ("Prov.", lambda m: pct(m.get("province_accuracy"))),
    ("Answered", lambda m: pct(m.get("answered_rate"))),
    ("Refused", _refused),
    ("Direct", lambda m: "—" if not m.get("direct_questions") else f"{pct(m['direct_exact'])} / {pct(m['direct_lenient'])}"),
    ("Parts", lambda m: pct(m.get("multi_coverage"))),
    ("Verbatim", lambda m: pct(m.get("faithfulness"))),
]


@dataclass(frozen=True)
class TableData:
    title: str
    header: list[str]
    rows: list[list[str]]


def _columns(run: EvalRun) -> list[str]:
    return run.parts + (["all"] if len(run.parts) > 1 else [])


def _part_label(part: str, run: EvalRun) -> str:
    n = len(run.of("system", part))
    return f"{part} ({n})"


def summary_table(run: EvalRun) -> TableData:
    parts = _columns(run)
    sums = {p: run.summary("system", p) for p in parts}
    rows = [[label] + [fmt(sums[p].get(key)) for p in parts] for label, key, fmt in SUMMARY_ROWS]
    m = run.meta
    title = (f"qa eval — full system, {m.get('questions')} questions ({m.get('answerable')} answerable), "
             f"{m.get('chunks')} chunks, k={m.get('k')}")
    return TableData(title, ["metric"] + [_part_label(p, run) for p in parts], rows)


BASELINE_COLUMNS = [("R@1", "recall@1", pct), ("R@5", "recall@5", pct), ("R@10", "recall@10", pct), ("MRR", "mrr@10", num),
                    ("nDCG", "ndcg@10", num), ("Prov.", "province_accuracy", pct), ("Top-5 chars", "top5_chars", _count)]


def baseline_table(run: EvalRun) -> TableData | None:
    """Retrieval of each system on each part: one row per (system, part)."""
    if len(run.results) < 2:
        return None
    rows = []
    for name in run.results:
        for p in _columns(run):
            m = run.summary(name, p)
            rows.append([LABELS[name], p] + [fmt(m.get(key)) for _, key, fmt in BASELINE_COLUMNS])
    return TableData("Retrieval against the baselines (answerable questions)", ["system", "part"] + [c for c, _, _ in BASELINE_COLUMNS], rows)


def type_table(run: EvalRun, part: str, system: str = "system") -> TableData:
    by = run.by_type(system, part)
    rows = [[t] + [fmt(m) for _, fmt in TYPE_COLUMNS] for t, m in by.items()]
    rows.append(["all"] + [fmt(run.summary(system, part)) for _, fmt in TYPE_COLUMNS])
    title = f"{LABELS[system]} by question type — {part} part" + (" (tuned on)" if part == "tune" else " (held out)" if part == "test" else "")
    return TableData(title, ["type"] + [c for c, _ in TYPE_COLUMNS], rows)


def tables(run: EvalRun) -> list[TableData]:
    out = [summary_table(run)]
    base = baseline_table(run)
    if base:
        out.append(base)
    out += [type_table(run, p) for p in run.parts]
    return out


def print_tables(run: EvalRun, console) -> None:
    from rich.table import Table

    for data in tables(run):
        t = Table(title=data.title)
        for i, c in enumerate(data.header):
            t.add_column(c, justify="left" if i == 0 or c == "part" else "right")
        for row in data.rows:
            t.add_row(*row)
        console.print(t)
    for note in run.meta.get("notes", []):
        console.print(f"[yellow]note:[/] {note}", highlight=False)


def md_table(header: list[str], rows: list[list]) -> str:
    def esc(s) -> str:
        return str(s).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(esc(h) for h in header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _failure_lines(run: EvalRun, part: str) -> list[str]:
    fails = run.failures(part)
    lines = [f"## Failed questions, {part} part ({len(fails)} of {len(run.of('system', part))})", ""]
    if not fails:
        return lines + ["None.", ""]
    questions = {q.id: q for q in run.questions}
    for r in fails:
        q = questions[r.id]
        lines += [
            f"### {r.id} ({r.type}) — {'; '.join(r.problems())}",
            "",
            f"- question: {r.question}",
            f"- expected provinces: {'、'.join(q.provinces) or '—'}; evidence: " + " / ".join(f"「{e}」" for e in q.evidence),
        ]
        if q.direct:
            lines.append(f"- expected direct answer: 「{q.direct}」")
        lines.append(f"- answer: {r.answer.replace(chr(10), ' ⏎ ')[:400]}")
        if r.features:
            lines.append("- top citation's scores: " + ", ".join(f"{k} {r.features[k]}" for k in FEATURES if k in r.features))
        lines.append("- retrieved:")
        lines += [f"  {i}. {t.province} §{t.section} ({t.score}): 「{' '.join(t.text.split())[:120]}」" for i, t in enumerate(r.top, 1)]
        lines.append("")
    return lines


def write_report(run: EvalRun, folder: Path | str, min_recall5: float | None = None) -> tuple[Path, Path | None, str | None]:
    """reports/report.md and chart.png. Returns (report, chart or None, why there is no chart)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    md, png = folder / "report.md", folder / "chart.png"
    chart, why = write_chart(run, png)
    m = run.meta
    s = m.get("settings", {})
    lines = [
        "# qa eval report",
        "",
        f"- evaluated: {m.get('evaluated_at')}",
        f"- questions: {m.get('questions')} ({m.get('answerable')} answerable), split: {m.get('split')}; "
        "each question's part (tune/test) is fixed by a hash of its id, and settings are tuned on the tune part only",
        f"- index: `{m.get('index')}` ({m.get('chunks')} chunks), build {m.get('build')}, k={m.get('k')}",
        "- answer settings: " + ", ".join(f"{k}={v}" for k, v in s.items()),
        f"- time: {m.get('timings')}",
        "",
    ]
    lines += [f"- note: {n}" for n in m.get("notes", [])] + ([""] if m.get("notes") else [])
    if min_recall5 is not None:
        problems = run.gate(min_recall5)
        lines += [f"**Gate (Recall@5 ≥ {pct(min_recall5)} on the questions run, quotes 100% verbatim): {'PASSED' if not problems else 'FAILED'}**", ""]
        lines += [f"- {p}" for p in problems] + ([""] if problems else [])
    lines += ["Recall, MRR, nDCG and province are over answerable questions, from the citations in rank order. "
              "Baselines retrieve only: they never refuse and quote nothing. Direct answer: exact / lenient "
              "(holds or lies inside the expected span). Multi-part coverage: share of all parts whose evidence "
              "the answer cites and that it does not say are missing.", ""]
    for data in tables(run):
        lines += [f"## {data.title}", "", md_table(data.header, data.rows), ""]
    lines += (["![Recall@5 by question type](chart.png)", ""] if chart else [f"(No chart: {why}.)", ""])
    for part in run.parts:
        lines += _failure_lines(run, part)
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return md, chart, why


def cjk_font() -> str | None:
    """A font that matplotlib has and that covers CJK, if any."""
    from matplotlib import font_manager

    wanted = ("Noto Sans CJK", "Noto Serif CJK", "Source Han", "WenQuanYi", "SimHei", "Microsoft YaHei", "PingFang", "Heiti", "AR PL", "Droid Sans Fallback")
    for f in font_manager.fontManager.ttflist:
        if any(w.lower() in f.name.lower() for w in wanted):
            return f.name
    return None


COLORS = {"system": "#1f77b4", "dense": "#ff7f0e", "bm25": "#2ca02c", "langchain": "#9467bd"}


def write_chart(run: EvalRun, path: Path) -> tuple[Path | None, str | None]:
    """Recall@5 by question type, one panel per part. (None, why) without matplotlib."""
    try:
        import matplotlib
    except ImportError:
        return None, f"matplotlib is not installed; {INSTALL_HINT}"
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    font = cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font] + plt.rcParams["font.sans-serif"]
    names = list(run.results)
    fig, axes = plt.subplots(1, len(run.parts), figsize=(7 * len(run.parts), 4.8), dpi=110, squeeze=False)
    for ax, part in zip(axes[0], run.parts):
        by = {n: run.by_type(n, part) for n in names}
        types = [t for t in TYPES if t != "unanswerable" and t in by["system"]]
        labels = types + ["all"]
        x = np.arange(len(labels))
        width = 0.8 / len(names)
        for j, n in enumerate(names):
            vals = [by[n].get(t, {}).get("recall@5") or 0.0 for t in types] + [run.summary(n, part).get("recall@5") or 0.0]
            ax.bar(x + (j - (len(names) - 1) / 2) * width, [100 * v for v in vals], width, label=LABELS[n], color=COLORS.get(n))
        ax.set_xticks(x, labels, rotation=30, fontsize=8)
        ax.set_ylim(0, 118)
        ax.set_ylabel("evidence Recall@5 (%)")
        ax.set_title(f"{part} part — {run.summary('system', part)['answerable']} answerable questions")
        ax.grid(axis="y", alpha=0.3)
    axes[0][0].legend(loc="upper center", ncol=len(names), fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path, None
