"""The one entry point for the CLI and the chat: answer(question) -> Answer.

The model and the indexes are loaded once per process and shared.
"""
from __future__ import annotations

import threading
from pathlib import Path

from .answering import compose, compose_which
from .config import BUILTIN_CORPUS, Settings
from .embedding import Encoder, load_encoder
from .gazetteer import normalise_province
from .index_store import IndexOutdated, LoadedIndex, build_index, index_exists, load_index
from .question import read_question
from .retrieval import Retriever
from .schema import FRONT_PROVINCE, Answer

_lock = threading.Lock()
_assistants: dict[tuple, "Assistant"] = {}


class Assistant:
    def __init__(self, index: LoadedIndex, encoder: Encoder, settings: Settings):
        self.index = index
        self.encoder = encoder
        self.settings = settings
        self.retriever = Retriever(index, settings)

    @property
    def provinces(self) -> list[str]:
        return [p for p in self.index.provinces if p != FRONT_PROVINCE]

    def answer(self, question: str, provinces=None, k: int = 5) -> Answer:
        question = _valid_text(question)
        k = max(1, min(int(k), 50))
        q = read_question(question)
        if not q.text:
            return Answer(question or "", "请输入问题。", True, [], "empty")
        qvec = self.encoder.encode_query(q.search_text)
        scores = self.retriever.score(q, qvec)
        rank = self.retriever.rank
        chosen, unknown = _clean_provinces(provinces)
        if unknown and not chosen:
            # a filter that names no known province must not silently widen to all of them
            return compose(q, self.retriever.rank(scores, (), k), self.retriever, scores, missing=unknown)
        known = set(self.index.provinces)
        # an explicit filter overrides what the question names
        asked = chosen or (() if q.mode == "which" else q.provinces)
        present = tuple(p for p in asked if p in known)
        missing = tuple(p for p in asked if p not in known)
        if missing and not present:
            # never answer about one province from another province's report
            return compose(q, rank(scores, (), k), self.retriever, scores, missing=missing)
        if q.mode == "which" and not chosen:
            return compose_which(q, self.retriever, scores, k)
        if q.mode == "compare" and len(present) >= 2:
            hits = []
            for p in present:
                mine = rank(scores, (p,), 2, strict=True)
                opening = self.retriever.opening(p)
                if q.about_meeting and opening is not None and opening not in {h.chunk.id for h in mine}:
                    mine = mine[:1] + [self.retriever.hit(scores, opening)]
                hits += mine
            hits.sort(key=lambda h: -h.score)
        else:
            # a province the user picked means that province's own reports
            hits = rank(scores, present, k, strict=bool(chosen))
        # at least k citations: fill from the rest of the corpus, ranked after
        hits += rank(scores, (), k - len(hits), exclude={h.chunk.id for h in hits})
        return compose(q, hits, self.retriever, scores)


def _valid_text(text) -> str:
    """Lone surrogates (a JSON "\\ud800", argv decoded with surrogateescape) cannot be
    encoded as UTF-8; they become U+FFFD. Valid surrogate pairs are joined."""
    text = "" if text is None else str(text)
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _clean_provinces(provinces) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(short names of the provinces given, names that are no province)."""
    if not provinces:
        return (), ()
    if isinstance(provinces, str):
        provinces = [provinces]
    known: list[str] = []
    unknown: list[str] = []
    for p in provinces:
        text = str(p).strip()
        name = FRONT_PROVINCE if text == FRONT_PROVINCE else normalise_province(text)
        if name and name not in known:
            known.append(name)
        elif not name and text:
            unknown.append(text[:20])
    return tuple(known), tuple(unknown)


def ensure_index(settings: Settings, progress=None) -> bool:
    """Build the built-in corpus's index when the default index folder has none,
    or one that an older version wrote. True when it built one."""
    if index_exists(settings.index_dir):
        try:
            load_index(settings.index_dir, settings, verify=False)
            return False
        except IndexOutdated:
            pass
    build_index([BUILTIN_CORPUS], settings.index_dir, settings, progress=progress)
    return True


def get_assistant(index_dir: Path | str | None = None, settings: Settings | None = None, build_default: bool = True) -> Assistant:
    settings = settings or Settings()
    if index_dir is not None:
        settings = settings.with_(index_dir=Path(index_dir))
    key = (str(Path(settings.index_dir).resolve()), settings)
    with _lock:
        if key not in _assistants:
            if build_default and Path(settings.index_dir).resolve() == Settings().index_dir.resolve():
                ensure_index(settings)
            index = load_index(settings.index_dir, settings)
            _assistants[key] = Assistant(index, load_encoder(settings.model, settings), settings)
        return _assistants[key]


def answer(question: str, provinces=None, k: int = 5, index_dir=None) -> Answer:
    return get_assistant(index_dir).answer(question, provinces=provinces, k=k)
