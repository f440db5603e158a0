"""`qa eval --sweep`: calibrate the answer settings (and the chunk size) on the tune part only.

Each trial answers the tune questions with a fresh Assistant over its own settings;
query vectors are encoded once and shared. A trial with another chunk size gets a
temporary index assembled from the evaluated index's documents (the embedding
cache keeps that cheap). The test part is never looked at.
"""
from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from ..assistant import Assistant
from ..config import AnswerSettings, Paths
from ..embedding import load_encoder
from ..index_store import IndexData, load_index, write_index
from ..indexing import assemble
from .questions import EvalQuestion, in_split
from .report import md_table, num
from .run import CachingEncoder, Progress, _quiet, answer_questions, evidence_counts, open_index
from .scoring import pct, summarize

SPLIT = "tune"


@dataclass(frozen=True)
class Trial:
    answer: AnswerSettings
    chunk_size: int | None = None  # None: the evaluated index's own

    def describe(self, base: AnswerSettings) -> str:
        diff = [f"{f.name}={getattr(self.answer, f.name)}" for f in fields(AnswerSettings)
                if getattr(self.answer, f.name) != getattr(base, f.name)]
        if self.chunk_size is not None:
            diff.insert(0, f"chunk_size={self.chunk_size}")
        return ", ".join(diff) or "current settings"


@dataclass(frozen=True)
class SweepRow:
    label: str
    settings: dict
    chunk_size: int
    chunks: int
    seconds: float
    metrics: dict

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SweepResult:
    questions: int  # of the tune part
    rows: list[SweepRow]
    features: list[dict]  # per question of the first trial: the top citation's retrieval scores

    def to_json(self) -> dict:
        return {"split": SPLIT, "questions": self.questions, "rows": [r.to_json() for r in self.rows]}


def default_grid(base: AnswerSettings, chunk_sizes: Sequence[int] = ()) -> list[Trial]:
    """The trials `qa eval --sweep` runs: fusion, weights, thresholds, chunk sizes."""
    grid = [Trial(base)]
    for dw in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        grid.append(Trial(base.with_(fusion="weighted", dense_weight=dw, keyword_weight=round(1 - dw, 2))))
    for dw in (0.4, 0.5, 0.6, 0.7):
        grid.append(Trial(base.with_(fusion="rrf", dense_weight=dw, keyword_weight=round(1 - dw, 2))))
    for cw in (0.0, 0.15, 0.5):
        grid.append(Trial(base.with_(coverage_weight=cw)))
    for mc in (0.4, 0.5, 0.6, 0.7):
        for md in (0.84, 0.86, 0.88, 0.9):
            grid.append(Trial(base.with_(min_coverage=mc, min_dense=md)))
    for wc in (0.1, 0.2, 0.3, 0.5):
        grid.append(Trial(base.with_(which_min_coverage=wc)))
    grid += [Trial(base, int(cs)) for cs in chunk_sizes]
    return list(dict.fromkeys(grid))


def _rechunked(index: IndexData, chunk_size: int, paths: Paths, encoder, folder: Path) -> IndexData:
    build = replace(index.build, chunk_size=chunk_size, chunk_overlap=min(index.build.chunk_overlap, chunk_size // 2))
    data, _, _ = assemble(index.documents, build, paths, encoder=encoder)
    write_index(folder, data)
    return load_index(folder, verify=False)


def sweep(questions: Sequence[EvalQuestion], index_dir: Path | str | None = None, grid: Sequence[Trial] | None = None,
          base: AnswerSettings | None = None, paths: Paths | None = None, k: int = 10, progress: Progress = _quiet) -> SweepResult:
    """Score every trial on the tune part of `questions`. Returns one row per trial."""
    questions = in_split(questions, SPLIT)
    base = base or AnswerSettings()
    index, paths = open_index(index_dir, paths)
    encoder = CachingEncoder(load_encoder(index.build.model, paths))
    own = index.build.chunk_size  # a trial at the index's own chunk size needs no other index
    grid = list(dict.fromkeys(Trial(t.answer) if t.chunk_size == own else t for t in (grid or default_grid(base))))
    indexes = {own: index}
    rows, features = [], []
    with tempfile.TemporaryDirectory(prefix="qa-sweep-") as tmp:
        for i, trial in enumerate(grid):
            progress("sweep", i, len(grid))
            size = trial.chunk_size or own
            if size not in indexes:
                indexes[size] = _rechunked(index, size, paths, encoder.encoder, Path(tmp) / f"chunks-{size}")
            ix = indexes[size]
            t0 = time.perf_counter()
            results = answer_questions(Assistant(ix, encoder, trial.answer), questions, k,
                                       evidence_counts(questions, [c.text for c in ix.chunks]))
            settings = {f.name: getattr(trial.answer, f.name) for f in fields(AnswerSettings)}
            rows.append(SweepRow(trial.describe(base), settings, size, len(ix.chunks), round(time.perf_counter() - t0, 2), summarize(results)))
            if i == 0:
                features = [{"id": r.id, "type": r.type, "answerable": r.answerable, "abstained": r.abstained,
                             "recall@5": r.recall.get(5), **(r.features or {})} for r in results]
    progress("sweep", len(grid), len(grid))
    return SweepResult(len(questions), rows, features)


HEADER = ["setting", "chunks", "R@5", "MRR", "Prov.", "Which R", "Which P", "Refusal P", "Refusal R", "Answered", "Direct", "Parts"]


def _cells(r: SweepRow) -> list[str]:
    m = r.metrics
    return [r.label, str(r.chunks), pct(m.get("recall@5")), num(m.get("mrr@10")), pct(m.get("province_accuracy")),
            pct(m.get("which_recall")), pct(m.get("which_precision")), pct(m.get("refusal_precision")),
            pct(m.get("refusal_recall")), pct(m.get("answered_rate")), pct(m.get("direct_lenient")), pct(m.get("multi_coverage"))]


def title(result: SweepResult) -> str:
    return f"qa eval --sweep — on the tune part only ({result.questions} questions; the test part is not used)"


def print_sweep(result: SweepResult, console) -> None:
    from rich.table import Table

    t = Table(title=title(result))
    for col in HEADER + ["s"]:
        t.add_column(col, justify="left" if col == "setting" else "right")
    best = max((r.metrics.get("recall@5") or 0) for r in result.rows) if result.rows else 0
    for r in result.rows:
        cells = _cells(r)
        if (r.metrics.get("recall@5") or 0) == best:
            cells[2] = f"[bold]{cells[2]}[/]"
        t.add_row(*cells, f"{r.seconds:.1f}")
    console.print(t)


def write_sweep(result: SweepResult, folder: Path | str) -> list[Path]:
    """sweep.json, sweep.md and sweep_features.jsonl in `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "sweep.json", folder / "sweep.md", folder / "sweep_features.jsonl"]
    paths[0].write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    paths[1].write_text(f"# {title(result)}\n\n" + md_table(HEADER, [_cells(r) for r in result.rows]) + "\n", encoding="utf-8")
    paths[2].write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in result.features), encoding="utf-8")
    return paths
