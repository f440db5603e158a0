import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "jinri-keji-kuaixun-2024-06.txt"

# nothing in the tests may reach a model hub
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def corpus_doc():
    from qa.documents import read_document

    return read_document(CORPUS)


@pytest.fixture(scope="session")
def corpus_sections(corpus_doc):
    from qa.sections import split_sections

    return split_sections(corpus_doc)


MINI_BULLETIN = """今日测试快讯

2024年第1期

目 录

1. 海南召开全省自由贸易港建设大会	- 2 -
附：海口市委书记讲话摘录	- 3 -
2. 贵州召开全省大数据产业推进会 - 4 -

1. 海南召开全省自由贸易港建设大会

2月18日，海南省委、省政府在海口召开全省自由贸易港建设大会。会议提出，今年
将新增市场主体 30 万户，全力推进封关运作准备。

附：海口市委书记讲话摘录

海口将打造国际化营商环境，推动总部经济发展。

2. 贵州召开全省大数据产业推进会

2月19日，贵州省在贵阳召开大数据产业推进会，提出算力规模突破 100 亿亿次。
"""


@pytest.fixture
def mini_corpus(tmp_path):
    """A small bulletin of two provinces that the tests write themselves."""
    path = tmp_path / "mini.txt"
    path.write_text(MINI_BULLETIN, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def builtin_index(tmp_path_factory):
    """The built-in bulletin indexed into a temporary folder (embeddings come from the shared cache)."""
    from qa.config import BUILTIN_CORPUS
    from qa.indexing import build_index

    out = tmp_path_factory.mktemp("index")
    build_index([BUILTIN_CORPUS], out)
    return out


@pytest.fixture(scope="session")
def assistant(builtin_index):
    from qa.assistant import get_assistant

    return get_assistant(builtin_index)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (Playwright's sync API cannot nest)."""
    from playwright.sync_api import sync_playwright

    from .apprunner import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()
