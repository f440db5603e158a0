"""The index the web app serves: answers from its current build, takes uploads one at a
time, and describes itself (title, provinces, example questions, meetings) for the page.

An upload writes a new build beside the current one (qa.indexing.add_to_index); questions
keep being answered from the old build until the new one is loaded and swapped in.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..assistant import Assistant, ensure_index, get_assistant, reload_assistant
from ..config import BUILTIN_CORPUS, Settings
from ..index_store import IndexData, index_exists, read_manifest
from ..meetings_view import meetings_csv
from ..schema import FRONT_PROVINCE, UNKNOWN_PROVINCE, Answer, MeetingRecord
from . import views
from .export import conversation_markdown
from .upload import FileResult, Progress, add_uploads

STAGE_NAMES = {"read": "读取文档", "embed": "计算段落向量", "sentences": "计算句子向量", "keywords": "建立关键词索引",
               "write": "写入索引"}
DOWNLOAD_LIFETIME = 3600  # seconds an exported file is kept; Gradio serves its own copy


class ServeError(Exception):
    """The folder cannot be served; the message says why."""


def prepare_index(folder: Path | None, settings: Settings | None = None, progress: Progress | None = None) -> Path:
    """The index folder to serve. No folder: the default index (built from the built-in
    corpus when missing). A named folder that is missing or empty gets the built-in
    corpus; one holding an index is served as it is; anything else is refused, so that
    no folder of the user's is written into by mistake."""
    settings = settings or Settings()
    if folder is None:
        ensure_index(settings.index_dir, settings.paths, progress)
        return Path(settings.index_dir).resolve()
    folder = Path(folder).resolve()
    if index_exists(folder):
        read_manifest(folder)  # an index of another version says how to rebuild it
        return folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ServeError(f"{folder} 既不是空文件夹，也不是索引文件夹；请指定空文件夹或已有索引（qa index FILES --out DIR）")
    from ..indexing import build_index

    build_index([BUILTIN_CORPUS], folder, paths_config=settings.paths, progress=progress)
    return folder


@dataclass(frozen=True)
class PageView:
    """What the page shows about the index; made once per build."""

    title: str
    corpus: str
    heading: str
    provinces: list[str]
    examples: list[str]
    meetings: str
    meetings_csv: Path
    documents: str
    with_doc: bool  # citations name their document


def example_candidates(records: list[MeetingRecord], document_order: list[str]) -> list[str]:
    """Questions the meeting records suggest, the newest document's provinces first."""
    order = {name: i for i, name in enumerate(document_order)}
    records = sorted(records, key=lambda r: -order.get(r.doc, 0))  # stable within a document
    provinces = list(dict.fromkeys(r.province for r in records if r.province not in (FRONT_PROVINCE, UNKNOWN_PROVINCE)))
    out = []
    hosted = next((r.province for r in records if r.host and r.province in provinces), None)
    if hosted:
        out.append(f"{hosted}的会议由谁主持？")
    if any("分会场" in r.format for r in records):
        out.append("哪些省市的会议设了分会场？")
    if len(provinces) >= 2:
        out.append(f"{provinces[0]}和{provinces[1]}的会议有何不同？")
    if provinces:
        other = next((p for p in provinces if p != hosted), provinces[0])
        out.append(f"{other}提出了哪些重点工作？")
    return out


class ServedIndex:
    def __init__(self, index_dir: Path | str, settings: Settings | None = None):
        self.index_dir = Path(index_dir).resolve()
        self.settings = (settings or Settings()).with_index(self.index_dir)
        self._upload_lock = threading.Lock()  # two uploads never build at once
        self._view_lock = threading.Lock()
        self._view: tuple[int, PageView] | None = None
        self.downloads = Path(tempfile.mkdtemp(prefix="qa-web-"))
        atexit.register(shutil.rmtree, self.downloads, True)

    @property
    def assistant(self) -> Assistant:
        return get_assistant(self.index_dir, self.settings, build_default=False)

    def ask(self, question: str, provinces=None, history=None) -> Answer:
        return self.assistant.answer(question or "", provinces=provinces or None, history=list(history or []))

    def upload(self, uploads: list[tuple[Path, str]], progress: Progress | None = None) -> list[FileResult]:
        """Add (temporary path, file name) uploads to the index; see qa.web.upload.add_uploads."""
        with self._upload_lock:
            results, report = add_uploads(self.index_dir, uploads, self.assistant.index.documents,
                                          self.settings.paths, progress)
            if report is not None:
                reload_assistant(self.index_dir, self.settings)
        return results

    def view(self) -> PageView:
        assistant = self.assistant
        with self._view_lock:
            if self._view is None or self._view[0] != id(assistant):
                self._view = (id(assistant), self._make_view(assistant))
            return self._view[1]

    def _make_view(self, assistant: Assistant) -> PageView:
        index: IndexData = assistant.index
        docs = index.documents
        provinces = [p for p in assistant.provinces if p != UNKNOWN_PROVINCE]
        # only questions the index answers: an example that is refused teaches nothing
        examples = [q for q in example_candidates(index.meetings, [d.name for d in docs])
                    if not assistant.answer(q).abstained]
        folder = self.downloads / "meetings" / uuid.uuid4().hex  # kept while the app runs: the page links to it
        folder.mkdir(parents=True)
        csv_path = folder / "会议一览.csv"
        csv_path.write_text(meetings_csv(index.meetings), encoding="utf-8-sig")
        return PageView(
            title=views.page_title(docs),
            corpus=views.corpus_name(docs),
            heading=views.heading_html(docs, provinces),
            provinces=provinces,
            examples=examples,
            meetings=views.meetings_html(index.meetings, docs),
            meetings_csv=csv_path,
            documents=views.documents_html(docs, index.sections),
            with_doc=len(docs) > 1,
        )

    def export(self, turns: list[Answer]) -> Path:
        """The conversation as a Markdown file to download."""
        stamp = time.strftime("%Y-%m-%d %H:%M")
        path = self._export_folder() / f"对话记录-{time.strftime('%Y%m%d-%H%M%S')}.md"
        path.write_text(conversation_markdown(turns, self.view().corpus, stamp), encoding="utf-8")
        return path

    def _export_folder(self) -> Path:
        # one folder per file: two sessions exporting at once never overwrite each other
        exports = self.downloads / "exports"
        exports.mkdir(exist_ok=True)
        now = time.time()
        for old in exports.iterdir():
            try:
                if now - old.stat().st_mtime > DOWNLOAD_LIFETIME:
                    shutil.rmtree(old, ignore_errors=True)
            except OSError:
                pass  # another session pruned it first
        folder = exports / uuid.uuid4().hex
        folder.mkdir()
        return folder
