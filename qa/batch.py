"""`qa ask --jsonl FILE`: answer every line {"question": …} of a file, one JSON object out per line.

A line without a question gives {"line": n, "error": "FILE:n: reason"} and the run goes on.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .assistant import Assistant


class BatchError(Exception):
    """A batch file that cannot be read at all; the message says why."""


@dataclass(frozen=True)
class BatchLine:
    line: int
    output: dict  # the answer's JSON, or {"line": n, "error": …}
    ok: bool


def read_lines(path: Path) -> list[str]:
    path = Path(path)
    if not path.is_file():
        raise BatchError(f"no such file: {path}")
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BatchError(f"cannot read {path}: {exc}") from exc


def _question(line: str) -> str:
    obj = json.loads(line)
    q = obj.get("question") if isinstance(obj, dict) else None
    if not isinstance(q, str) or not q.strip():
        raise ValueError('no "question" text')
    return q


def answer_lines(assistant: Assistant, lines: Sequence[str], source: str, provinces: Sequence[str] | None = None,
                 k: int = 5) -> Iterator[BatchLine]:
    """Answer each non-blank line (from read_lines) in order; `source` names the file in errors."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            question = _question(line)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            yield BatchLine(n, {"line": n, "error": f"{source}:{n}: {exc}"}, False)
            continue
        yield BatchLine(n, assistant.answer(question, provinces or None, k).to_dict(), True)
