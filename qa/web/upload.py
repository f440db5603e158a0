"""Adding uploaded files to the served index: limits, checks, and the per-file report.

Every file gets a verdict (added, skipped, duplicate) with a reason a Chinese-reading
user understands; one bad file never costs the others their place in the index.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..index_store import file_sha256
from ..indexing import BuildError, BuildReport, add_to_index
from ..schema import Document

Progress = Callable[[str, int, int], None]

UPLOAD_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")
MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB
MAX_UPLOAD_BYTES = 50 * MB
MAX_NAME_CHARS = 120

ADDED, SKIPPED, DUPLICATE = "added", "skipped", "duplicate"
STATUS_NAMES = {ADDED: "已加入", SKIPPED: "未加入", DUPLICATE: "已存在"}

# DocumentError reasons (English, from qa.documents) said in Chinese; the detail stays.
_REASONS = (
    ("unsupported file type", "暂不支持此文件类型"),
    ("empty file", "文件是空的"),
    ("no text in file", "文件中没有文字"),
    ("binary data", "不是文本文件"),
    ("cannot decode", "无法识别编码（既不是 UTF-8，也不是 GBK/GB18030）"),
    ("not a PDF file", "不是 PDF 文件"),
    ("not a readable PDF", "PDF 文件已损坏或无法读取"),
    ("cannot read", "无法读取文件"),
)


@dataclass(frozen=True)
class SectionRow:
    """How one section of an uploaded file was read."""

    province: str
    section: str
    title: str
    pages: str  # "3", "3–5", or "3起" when only the section's first page is known
    chars: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileResult:
    name: str  # the name the document has in the index
    status: str  # ADDED, SKIPPED or DUPLICATE
    reason: str = ""
    sections: tuple[SectionRow, ...] = ()
    warnings: tuple[str, ...] = ()  # the document's own layout warnings
    title: str = ""  # what citations call the document

    def to_dict(self) -> dict:
        d = asdict(self)
        d["sections"] = [asdict(s) | {"warnings": list(s.warnings)} for s in self.sections]
        d["warnings"] = list(self.warnings)
        return d


def reason_in_chinese(reason: str) -> str:
    for prefix, chinese in _REASONS:
        if reason.startswith(prefix):
            return f"{chinese}（{reason}）"
    return reason


def clean_name(name: str) -> str:
    """A file name as it may appear in the index: no folders, no control characters."""
    name = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    if name in ("", ".", ".."):
        name = "upload"
    if len(name) > MAX_NAME_CHARS:
        suffix = Path(name).suffix[:10]
        name = name[: MAX_NAME_CHARS - len(suffix)] + suffix
    return name


def _free_name(name: str, taken: set[str]) -> str:
    # a browser often names every download alike ("download.pdf"): a new file never replaces an indexed one
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while name in taken:
        name = f"{stem}-{n}{suffix}"
        n += 1
    return name


def _check(path: Path, name: str, size: int, total: int) -> str:
    """Why the file cannot be taken, or ""."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        return f"不支持的文件类型“{suffix or '无扩展名'}”：只接受 {'、'.join(UPLOAD_SUFFIXES)} 文件"
    if size > MAX_FILE_BYTES:
        return f"文件有 {size / MB:.1f} MB，超过单个文件 {MAX_FILE_BYTES // MB} MB 的上限"
    if total + size > MAX_UPLOAD_BYTES:
        return f"本次上传合计超过 {MAX_UPLOAD_BYTES // MB} MB 的上限，此文件未加入；请分批上传"
    return ""


def add_uploads(index_dir: Path, uploads: list[tuple[Path, str]], indexed: list[Document], paths_config=None,
                progress: Progress | None = None) -> tuple[list[FileResult], BuildReport | None]:
    """Add uploaded files ((temporary path, the name the user gave it), …) to the index in
    `index_dir`, whose current documents are `indexed`. Returns each file's verdict, in
    upload order, and the build report (None when nothing new was indexed).

    The caller serialises uploads and reloads the assistant afterwards."""
    results: dict[int, FileResult] = {}
    known = {d.sha256: d.name for d in indexed}
    taken = {d.name for d in indexed}
    earlier: dict[str, str] = {}  # files of this upload, by content
    total = 0
    with tempfile.TemporaryDirectory(prefix="qa-upload-") as tmp:
        pending: dict[str, int] = {}  # name in the index -> upload position
        for i, (path, given) in enumerate(uploads):
            path, name = Path(path), clean_name(given)
            try:
                size = path.stat().st_size
            except OSError as exc:
                results[i] = FileResult(name, SKIPPED, f"无法读取上传的文件（{exc.strerror or exc}）")
                continue
            reason = _check(path, name, size, total)
            if reason:
                results[i] = FileResult(name, SKIPPED, reason)
                continue
            digest = file_sha256(path)
            if digest in known:
                results[i] = FileResult(name, DUPLICATE, f"内容与已收录的 {known[digest]} 相同，未重复加入")
                continue
            if digest in earlier:
                results[i] = FileResult(name, DUPLICATE, f"与本次上传的 {earlier[digest]} 内容相同，未重复加入")
                continue
            total += size
            indexed_name = _free_name(name, taken)
            taken.add(indexed_name)
            earlier[digest] = indexed_name
            shutil.copyfile(path, Path(tmp) / indexed_name)
            pending[indexed_name] = i
        report = None
        if pending:
            skipped: dict[str, str] = {}
            try:
                report = add_to_index(index_dir, [Path(tmp) / n for n in pending], paths_config, progress,
                                      on_skip=lambda err: skipped.setdefault(Path(err.path).name, err.reason))
            except BuildError as exc:  # the old index stays current
                for name, i in pending.items():
                    reason = reason_in_chinese(skipped[name]) if name in skipped else f"加入索引失败：{exc}"
                    results[i] = FileResult(name, SKIPPED, reason)
                return [results[i] for i in sorted(results)], None
            tables = section_table(report)
            added = {d.name: d for d in report.added}
            for name, i in pending.items():
                given = clean_name(uploads[i][1])
                renamed = f"已有同名文件，存为 {name}" if name != given else ""
                if name in added:
                    doc = added[name]
                    results[i] = FileResult(name, ADDED, renamed, tuple(tables[name]), doc.warnings, doc.title or name)
                else:
                    results[i] = FileResult(name, SKIPPED, reason_in_chinese(skipped.get(name, "未能读取")))
    return [results[i] for i in sorted(results)], report


def section_table(report: BuildReport) -> dict[str, list[SectionRow]]:
    """The sections of each document the build added, by document name, as `qa inspect`
    reads them (qa.inspect.section_row: the one place pages are put into words)."""
    from ..inspect import section_row

    docs = {d.name: d for d in report.added}
    rows: dict[str, list[SectionRow]] = {name: [] for name in docs}
    for s in report.sections:
        if s.doc in docs:
            r = section_row(docs[s.doc], s)
            rows[s.doc].append(SectionRow(r.province, r.label, r.title, r.pages, r.chars, r.warnings))
    return rows
