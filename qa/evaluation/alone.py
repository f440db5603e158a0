"""`qa eval --alone`: every report asked on its own, as by a user who indexes one report.

Each province's report of the index is written to a file of its own and indexed alone,
with the index's build settings (the embedding cache makes each build take a moment).
The questions about that province alone are asked of it, and the same questions of the
whole index, in the same run. An answerable question whose evidence lies outside the
report (the editor's overview, the contents page) cannot be answered from it and is not
asked; which-provinces and comparison questions need several reports and are not asked.
"""
from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..assistant import Assistant
from ..config import AnswerSettings, Paths
from ..embedding import load_encoder
from ..index_store import IndexData, load_index
from ..indexing import build_index
from ..schema import FRONT_PROVINCE, UNKNOWN_PROVINCE
from .questions import EvalQuestion, in_split, question_split
from .run import CachingEncoder, Progress, answer_questions, evidence_counts, open_index
from .scoring import QuestionResult, pct, summarize

ACROSS_REPORTS = ("which", "compare")


@dataclass
class AloneRun:
    alone: list[QuestionResult]  # each question asked of its province's report indexed alone
    whole: list[QuestionResult]  # the same questions asked of the whole index
    passages: dict[str, int]  # passages of each report indexed alone

    def summary(self) -> dict[str, dict[str, dict]]:
        """{part: {"alone": measures, "whole": measures}} for tune, test and all."""
        split = {r.id: question_split(r.id) for r in self.alone}
        parts = {"tune": lambda r: split[r.id] == "tune", "test": lambda r: split[r.id] == "test", "all": lambda r: True}
        return {name: {"alone": summarize([r for r in self.alone if keep(r)]), "whole": summarize([r for r in self.whole if keep(r)])}
                for name, keep in parts.items() if any(keep(r) for r in self.alone)}

    def to_json(self) -> dict:
        return {"passages": self.passages, "summary": self.summary(),
                "questions": [{"id": a.id, "alone_abstained": a.abstained, "whole_abstained": w.abstained,
                               "alone_direct_exact": a.direct_exact, "whole_direct_exact": w.direct_exact}
                              for a, w in zip(self.alone, self.whole)]}


def report_texts(index: IndexData) -> dict[str, str]:
    """Each province's report (its appendices with it), as the text of a file of its own."""
    texts: dict[str, list[str]] = {}
    docs = {d.name: d.text for d in index.documents}
    for s in index.sections:
        if s.province not in (FRONT_PROVINCE, UNKNOWN_PROVINCE):
            texts.setdefault(s.province, []).append(docs[s.doc][s.start : s.end].strip())
    return {p: "\n\n".join(parts) + "\n" for p, parts in texts.items()}


def run_alone(questions: Sequence[EvalQuestion], index_dir: Path | str | None = None, k: int = 10,
              settings: AnswerSettings | None = None, paths: Paths | None = None, split: str = "all",
              progress: Progress | None = None) -> AloneRun:
    settings = settings or AnswerSettings()
    progress = progress or (lambda stage, done, total: None)
    index, paths = open_index(index_dir, paths)
    encoder = CachingEncoder(load_encoder(index.build.model, paths))
    asked = [q for q in in_split(questions, split) if len(q.provinces) == 1 and q.type not in ACROSS_REPORTS]
    texts = report_texts(index)
    alone: dict[str, QuestionResult] = {}
    passages: dict[str, int] = {}
    kept: list[EvalQuestion] = []
    with tempfile.TemporaryDirectory(prefix="qa-alone-") as tmp:
        for i, (province, text) in enumerate(sorted(texts.items())):
            progress("alone", i, len(texts))
            mine = [q for q in asked if q.provinces[0] == province]
            if not mine:
                continue
            folder = Path(tmp) / f"r{i}"
            folder.mkdir()
            (folder / f"{province}.txt").write_text(text, encoding="utf-8")
            build_index([folder / f"{province}.txt"], folder / "index", index.build, paths, encoder=encoder)
            own = load_index(folder / "index")
            passages[province] = len(own.chunks)
            n_rel = evidence_counts(mine, [c.text for c in own.chunks])
            mine = [q for q in mine if not q.answerable or n_rel[q.id] > 0]
            kept += mine
            alone.update((r.id, r) for r in answer_questions(Assistant(own, encoder, settings), mine, k, n_rel))
        progress("alone", len(texts), len(texts))
    n_rel = evidence_counts(kept, [c.text for c in index.chunks])
    whole = answer_questions(Assistant(index, encoder, settings), kept, k, n_rel, progress)
    return AloneRun([alone[q.id] for q in kept], whole, passages)


ROWS = (("answered", "answered_rate"), ("refused", "refusal_recall"), ("direct exact", "direct_exact"), ("Recall@5", "recall@5"),
        ("verbatim", "faithfulness"))


def print_alone(run: AloneRun, console) -> None:
    from rich.table import Table

    sizes = sorted(run.passages.values())
    table = Table(title=f"Each report indexed alone ({len(sizes)} reports, {sizes[0]}–{sizes[-1]} passages each) and the whole index"
                  if sizes else "No report had questions of its own",
                  caption="answered: answerable questions; refused: unanswerable ones; which and compare questions are not asked")
    summary = run.summary()
    table.add_column("measure")
    for part, both in summary.items():
        table.add_column(f"{part} ({both['alone']['questions']}) alone", justify="right")
        table.add_column("whole", justify="right")
    for label, key in ROWS:
        table.add_row(label, *(pct(both[side].get(key)) for both in summary.values() for side in ("alone", "whole")))
    console.print(table)
