"""Measuring tools: memory from /proc (no psutil), the machine, timed rounds, question samples."""
from __future__ import annotations

import atexit
import json
import os
import platform
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .records import Latency, Machine

# `qa` writes its memory figures to this file at exit when the variable is set (the bench's cold ask)
MEMORY_FILE_ENV = "QA_MEMORY_REPORT"


def _status_mb(field: str, pid: int | str = "self") -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _resident_mb(pid: int | str = "self") -> float | None:
    """Resident memory now. VmRSS comes from counters the kernel updates lazily (per CPU,
    in batches), so a fresh allocation may not show in it yet; smaps_rollup walks the
    page tables and is exact. VmRSS where smaps_rollup is missing (kernels before 4.14)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return _status_mb("VmRSS", pid)


def rss_mb() -> float | None:
    """This process's resident memory now."""
    return _resident_mb()


def process_rss_mb(pid: int) -> float | None:
    """Another process's resident memory now."""
    return _resident_mb(pid)


def stop_process(proc: subprocess.Popen, grace: float = 20) -> None:
    """Stop a child process: politely, then by force, and reap it either way."""
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: on Linux a child's
    ru_maxrss starts from its parent's high-water mark at fork and survives exec."""
    peak = _status_mb("VmHWM")
    if peak is None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # (VmHWM follows the same lazy counters as VmRSS: the exact resident size now may be above it)
    return max(peak, rss_mb() or 0.0)


def total_memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def loadavg() -> tuple[float, ...]:
    try:
        return tuple(round(x, 2) for x in os.getloadavg())
    except OSError:
        return ()


def machine(load_start: tuple[float, ...]) -> Machine:
    return Machine(os.cpu_count() or 1, platform.python_version(), platform.platform(), total_memory_gb(), load_start, loadavg())


def report_memory_at_exit() -> None:
    """When MEMORY_FILE_ENV names a file, write this process's peak and current
    resident memory to it as the process exits."""
    target = os.environ.get(MEMORY_FILE_ENV)
    if not target:
        return

    def write() -> None:
        try:
            Path(target).write_text(json.dumps({"peak_rss_mb": peak_rss_mb(), "rss_mb": rss_mb()}), encoding="utf-8")
        except OSError:
            pass  # a measurement must never fail the command

    atexit.register(write)


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if len(values) else float("nan")


def time_rounds(fn: Callable[[str], object], questions: Sequence[str], rounds: int, warmup: int = 3, slowest: int = 3) -> Latency:
    """Warm up, then time fn over the questions `rounds` times; medians of the per-round
    figures, and the `slowest` questions by their median time."""
    for q in questions[:warmup]:
        fn(q)
    per_round, per_question = [], [[] for _ in questions]
    for _ in range(rounds):
        ms = []
        for i, q in enumerate(questions):
            t = time.perf_counter()
            fn(q)
            ms.append(1000 * (time.perf_counter() - t))
            per_question[i].append(ms[-1])
        per_round.append((percentile(ms, 50), percentile(ms, 95), statistics.fmean(ms)))
    by_time = sorted(((statistics.median(t), q) for q, t in zip(questions, per_question) if t), reverse=True)[:slowest]
    return Latency(len(questions), rounds, *(statistics.median(r[i] for r in per_round) for i in range(3)),
                   slowest=tuple((q, round(t, 1)) for t, q in by_time))


class StageTimer:
    """A build progress callback that records when each stage starts and ends."""

    def __init__(self):
        self.first: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self.total: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        self.first.setdefault(stage, now)
        self.last[stage] = now
        self.total[stage] = total

    def seconds(self, *stages: str) -> float | None:
        known = [s for s in stages if s in self.first]
        return sum(self.last[s] - self.first[s] for s in known) if known else None


def sample_questions(questions: list, n: int) -> list:
    """A deterministic sample spread over question types (round-robin in file order)."""
    if n <= 0 or n >= len(questions):
        return list(questions)
    by_type: dict[str, list] = {}
    for q in questions:
        by_type.setdefault(q.type, []).append(q)
    out = []
    while len(out) < n:
        for t in list(by_type):
            if by_type[t] and len(out) < n:
                out.append(by_type[t].pop(0))
    return out
