"""The question set: reading and checking data/questions.jsonl, and its fixed split.

One JSON object per line:
  id, question, type, provinces, evidence, answer   (required)
  direct  the exact span the answer should open with ("深圳", "2月18日")
  parts   a multi-part question's evidence, one list per part, in the question's order
  about   "meeting": the question asks about the meeting itself
  history the user's earlier messages in the same chat, oldest first: the question
          is a follow-up and is asked with them, as the chat asks it
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..config import DEFAULT_QUESTIONS

TYPES = ("fact", "figure", "person", "date", "place", "which", "compare", "paraphrase", "summary", "multi", "unanswerable")
SPLITS = ("tune", "test")
ABOUT = ("meeting",)
# the verdict a yes-or-no question expects: either word of a side means that side
YES_VERDICTS, NO_VERDICTS = ("有", "是"), ("无", "没有", "不是", "否")


class QuestionsError(ValueError):
    """A questions file that cannot be used; the message reads `file:line: reason`."""


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    type: str
    provinces: tuple[str, ...]
    evidence: tuple[str, ...]
    answer: str = ""
    direct: str = ""
    parts: tuple[tuple[str, ...], ...] = ()
    about: str = ""
    history: tuple[str, ...] = ()
    verdict: str = ""  # 有/是 or 无/不是: the side a yes-or-no question's answer should take

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"

    @property
    def shown(self) -> str:
        """The question as a report shows it: a follow-up after the messages it follows."""
        return " → ".join(self.history + (self.question,))

    @property
    def split(self) -> str:
        return question_split(self.id)


def question_split(qid: str) -> str:
    """'tune' or 'test'. Fixed by a hash of the id before any tuning, so a question's
    part never depends on how the system does on it. Settings are tuned on 'tune' only."""
    return "test" if int(hashlib.sha256(qid.encode("utf-8")).hexdigest()[:8], 16) % 2 else "tune"


def in_split(questions, split: str) -> list[EvalQuestion]:
    """The questions of one part ('tune', 'test'), or all of them ('all')."""
    if split == "all":
        return list(questions)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use tune, test or all")
    return [q for q in questions if q.split == split]


def _string_list(value, name: str, allow_empty: bool) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"'{name}' must be a list of strings, not {type(value).__name__}")
    for i, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            raise ValueError(f"'{name}'[{i}] must be a non-empty string")
    if not value and not allow_empty:
        raise ValueError(f"'{name}' must not be empty")
    return tuple(value)


def _parts(value, evidence: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list) or len(value) < 2:
        raise ValueError("'parts' must be a list of at least two evidence lists, one per part")
    parts = tuple(_string_list(p, f"parts[{i}]", allow_empty=False) for i, p in enumerate(value))
    stray = [e for p in parts for e in p if e not in evidence]
    if stray:
        raise ValueError(f"'parts' holds evidence not listed in 'evidence': {stray[0]!r}")
    return parts


def parse_question(obj) -> EvalQuestion:
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    missing = [k for k in ("id", "question", "type", "provinces", "evidence") if k not in obj]
    if missing:
        raise ValueError("missing field(s): " + ", ".join(missing))
    qid, text, qtype = obj["id"], obj["question"], obj["type"]
    if not isinstance(qid, str) or not qid.strip():
        raise ValueError("'id' must be a non-empty string")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'question' must be a non-empty string")
    if qtype not in TYPES:
        raise ValueError(f"unknown type {qtype!r}; use one of {', '.join(TYPES)}")
    answerable = qtype != "unanswerable"
    provinces = _string_list(obj["provinces"], "provinces", allow_empty=True)
    evidence = _string_list(obj["evidence"], "evidence", allow_empty=not answerable)
    if not answerable and evidence:
        raise ValueError("an unanswerable question must have no evidence")
    if answerable and not provinces:
        raise ValueError("an answerable question must name the province(s) of its evidence")
    answer = obj.get("answer", "")
    if not isinstance(answer, str):
        raise ValueError("'answer' must be a string")
    direct = obj.get("direct", "")
    if not isinstance(direct, str) or ("direct" in obj and not direct.strip()):
        raise ValueError("'direct' must be a non-empty string")
    if direct and not answerable:
        raise ValueError("an unanswerable question has no 'direct' answer")
    parts = _parts(obj["parts"], evidence) if "parts" in obj else ()
    if parts and qtype != "multi":
        raise ValueError(f"only a multi question has 'parts', not a {qtype} question")
    about = obj.get("about", "")
    if about and about not in ABOUT:
        raise ValueError(f"unknown 'about' {about!r}; use one of {', '.join(ABOUT)}")
    history = _string_list(obj["history"], "history", allow_empty=False) if "history" in obj else ()
    verdict = obj.get("verdict", "")
    if verdict and verdict not in YES_VERDICTS + NO_VERDICTS:
        raise ValueError(f"unknown 'verdict' {verdict!r}; use one of {', '.join(YES_VERDICTS + NO_VERDICTS)}")
    if verdict in YES_VERDICTS and not answerable:
        raise ValueError("an unanswerable question cannot expect a yes")
    return EvalQuestion(qid.strip(), text.strip(), qtype, provinces, evidence, answer, direct.strip(), parts, about,
                        tuple(h.strip() for h in history), verdict)


def load_questions(path: Path | str | None = None) -> list[EvalQuestion]:
    """Read a JSONL questions file. Blank lines are skipped; anything else that is
    wrong raises QuestionsError naming the file and line."""
    path = Path(path or DEFAULT_QUESTIONS)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QuestionsError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise QuestionsError(f"{path}:{line}: not UTF-8 text") from None
    questions: list[EvalQuestion] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionsError(f"{path}:{lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        try:
            q = parse_question(obj)
        except ValueError as exc:
            raise QuestionsError(f"{path}:{lineno}: {exc}") from None
        if q.id in seen:
            raise QuestionsError(f"{path}:{lineno}: duplicate id {q.id!r} (first on line {seen[q.id]})")
        seen[q.id] = lineno
        questions.append(q)
    if not questions:
        raise QuestionsError(f"{path}: no questions")
    return questions
