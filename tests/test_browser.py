"""The web chat end to end: app.py in a subprocess on the real default index, driven in headless Chromium."""
from __future__ import annotations

import re

import pytest

from .apprunner import OUT, ROOT, app_server, needs_chromium

CORPUS = ROOT / "data" / "jinri-keji-kuaixun-2024-06.txt"
ANSWER_TIMEOUT = 60_000  # ms

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="session")
def server():
    with app_server(log_name="app.log") as (url, _):
        yield url


@pytest.fixture
def page(server, browser):
    """A fresh page; every dialog (alert, confirm) it opens is recorded in page.dialogs."""
    p = browser.new_page(viewport={"width": 1400, "height": 1000})
    p.dialogs = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.goto(server)
    p.wait_for_selector("#qa-question textarea")
    yield p
    p.close()


def ask(page, question: str, provinces: tuple[str, ...] = ()):
    from playwright.sync_api import expect

    for name in provinces:
        box = page.locator("#qa-provinces input")
        box.click()
        box.fill(name)
        page.locator("#qa-provinces [role=option]", has_text=name).first.click()
        expect(page.locator("#qa-provinces .token", has_text=name)).to_have_count(1)
        page.keyboard.press("Escape")  # close the option list
    bots = page.locator("#qa-chat [data-testid=bot]")
    before = bots.count()
    page.locator("#qa-question textarea").fill(question)
    page.locator("#qa-send").click()
    expect(bots).to_have_count(before + 1, timeout=ANSWER_TIMEOUT)
    expect(page.locator("#qa-sources .qa-card").first).to_be_visible()
    return bots.last


def cards(page) -> list[dict]:
    return page.locator("#qa-sources .qa-card").evaluate_all(
        "cs => cs.map(c => ({rank: c.dataset.rank, province: c.dataset.province,"
        " head: c.querySelector('.qa-card-head').innerText,"
        " marks: [...c.querySelectorAll('mark')].map(m => m.textContent)}))"
    )


@pytest.fixture(scope="session")
def document_text() -> str:
    from qa.documents import read_document

    return read_document(CORPUS).text.replace("\n", "")


def test_fact_question_quotes_the_corpus_and_cites_guangdong(page, document_text):
    message = ask(page, "广东高质量发展大会的主会场设在哪里？")
    text = message.inner_text()
    assert "深圳" in text and text.startswith("广东")
    found = cards(page)
    assert found[0]["province"] == "广东" and found[0]["head"].startswith("[1]广东")
    assert [c["rank"] for c in found] == [str(i) for i in range(1, len(found) + 1)]
    assert set(re.findall(r"\[(\d+)\]", text)) <= {c["rank"] for c in found}
    # the quote in the chat and the highlighted sentence are verbatim corpus text
    quote = re.search(r"「(.+?)」", text, re.S).group(1)
    assert quote.replace("\n", "") in document_text
    assert found[0]["marks"] and all(m.replace("\n", "") in document_text for m in found[0]["marks"])
    assert "深圳" in "".join(found[0]["marks"])
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=OUT / "chat.png", full_page=True)
    assert not page.dialogs


def test_province_filter_restricts_every_citation(page):
    ask(page, "会议提出了哪些目标？", provinces=("江苏",))
    found = cards(page)
    assert found, "no citation cards"
    assert [c["province"] for c in found] == ["江苏"] * len(found), found
    assert all("江苏" in c["head"] for c in found)


def test_question_outside_the_corpus_is_refused_visibly(page):
    message = ask(page, "海南省新春第一会提出了什么？")
    assert message.inner_text().startswith("未在资料中找到相关内容")
    assert "可能相关" in message.inner_text()
    panel = page.locator("#qa-sources .qa-refused")
    assert panel.is_visible() and "可能相关" in panel.locator("h3").inner_text()
    refused = page.locator("#qa-sources .qa-refused .qa-card").first.evaluate("c => getComputedStyle(c).borderLeftColor")
    page.screenshot(path=OUT / "refusal.png", full_page=True)
    ask(page, "广东高质量发展大会的主会场设在哪里？")
    normal = page.locator("#qa-sources .qa-card").first.evaluate("c => getComputedStyle(c).borderLeftColor")
    assert refused != normal
    assert page.locator("#qa-sources .qa-refused").count() == 0


def test_html_and_markdown_in_a_question_show_as_text(page):
    evil = "<script>alert(1)</script> <img src=x onerror=alert(2)> ![x](http://127.0.0.1:1/x.png) [点我](javascript:alert(3))"
    ask(page, f"广东主会场在哪里？{evil}")
    page.wait_for_timeout(500)  # an onerror fires as soon as its image fails to load
    assert page.dialogs == []
    assert evil in page.locator("#qa-chat [data-testid=user]").last.inner_text()
    assert evil in page.locator("#qa-sources .qa-for").inner_text()
    for where in ("#qa-chat", "#qa-sources"):
        assert page.locator(where).locator("img, script, a").count() == 0


def test_api_returns_the_library_answer(server):
    from gradio_client import Client

    from qa.assistant import get_assistant

    question = "广东今年安排省重点建设项目多少个？"
    got = Client(server, verbose=False).predict(question, [], api_name="/ask")
    want = get_assistant().answer(question).to_dict()
    assert got["answer"] == want["answer"] and got["abstained"] == want["abstained"]
    def unscored(cs):
        return [{k: v for k, v in c.items() if k != "score"} for c in cs]

    assert unscored(got["citations"]) == unscored(want["citations"])
    assert [c["score"] for c in got["citations"]] == pytest.approx([c["score"] for c in want["citations"]], abs=1e-4)
    empty = Client(server, verbose=False).predict("   ", [], api_name="/ask")
    assert empty["answer"] == "请输入问题。" and empty["citations"] == []


def test_empty_question_gets_a_chinese_hint(page):
    page.locator("#qa-send").click()
    page.get_by_text("请输入问题。").first.wait_for(timeout=10_000)
    assert page.locator("#qa-chat [data-testid=bot]").count() == 0
