"""The web chat end to end: app.py in a subprocess, driven in headless Chromium.

Each server serves a temporary index (`--index TMP`, built from the built-in corpus), so the
project's own index is never changed; the upload tests get a server of their own."""
from __future__ import annotations

import re

import pytest

from .apprunner import OUT, ROOT, app_server, needs_chromium

CORPUS = ROOT / "data" / "jinri-keji-kuaixun-2024-06.txt"
ANSWER_TIMEOUT = 60_000  # ms

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser") / "index"
    with app_server(args=("--index", str(folder)), log_name="app.log") as (url, _):
        yield url, folder


@pytest.fixture(scope="session")
def server(served):
    return served[0]


def open_page(browser, url):
    """A fresh page in Chinese, as its users read it; every dialog (alert, confirm) it opens
    is recorded in page.dialogs."""
    p = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN", accept_downloads=True)
    p.dialogs = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.goto(url)
    p.wait_for_selector("#qa-question textarea")
    return p


@pytest.fixture
def page(server, browser):
    p = open_page(browser, server)
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
    assert message.locator("strong.qa-direct").inner_text() == "深圳"  # the direct answer opens it, bold
    assert text.split("\n")[1].startswith("广东·第1节")
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


def test_api_returns_the_library_answer(served):
    from gradio_client import Client

    from qa.assistant import get_assistant

    server, folder = served
    question = "广东今年安排省重点建设项目多少个？"
    got = Client(server, verbose=False).predict(question, [], api_name="/ask")
    want = get_assistant(folder).answer(question).to_dict()
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


# ------------------------------------------------------------------ conversation

def test_a_conversation_resolves_follow_ups_and_exports_as_markdown(page):
    from playwright.sync_api import expect

    ask(page, "广东高质量发展大会的主会场设在哪里？")
    second = ask(page, "那江苏的呢？")
    assert second.inner_text().startswith("理解为：江苏")
    assert second.locator(".qa-resolved").count() == 1
    assert {c["province"] for c in cards(page)} == {"江苏"}
    assert "（理解为：江苏" in page.locator("#qa-sources .qa-for").inner_text()
    third = ask(page, "它的主持人是谁？")
    assert third.inner_text().startswith("理解为：江苏") and "许昆林" in third.inner_text()
    assert third.locator("strong.qa-direct").inner_text() == "许昆林"  # the direct answer, bold
    page.screenshot(path=OUT / "conversation.png", full_page=True)

    export = page.locator("#qa-export")
    expect(export).to_be_enabled()
    with page.expect_download() as info:
        export.click()
    download = info.value
    assert download.suggested_filename.startswith("对话记录") and download.suggested_filename.endswith(".md")
    md = open(download.path(), encoding="utf-8").read()
    for n, question in enumerate(["广东高质量发展大会的主会场设在哪里？", "那江苏的呢？", "它的主持人是谁？"], 1):
        assert f"## 问题 {n}：{question}" in md
    assert re.search(r"^\[1\] 广东 · .+ · 第1节 · ", md, re.M) and re.search(r"^\[1\] 江苏 · .+ · 第2节 · ", md, re.M)
    assert "> 省长许昆林主持会议。" in md and "**许昆林**" in md
    (OUT / "conversation.md").write_text(md, encoding="utf-8")

    page.locator("#qa-clear").click()
    expect(page.locator("#qa-chat [data-testid=bot]")).to_have_count(0)
    expect(export).to_be_disabled()
    # after clearing, a follow-up has nothing to follow: it is not rewritten, and the
    # assistant asks what 它 means instead of quoting some report's host
    page.locator("#qa-question textarea").fill("它的主持人是谁？")
    page.locator("#qa-send").click()
    bots = page.locator("#qa-chat [data-testid=bot]")
    expect(bots).to_have_count(1, timeout=ANSWER_TIMEOUT)
    fresh = bots.last.inner_text()
    assert "理解为" not in fresh and "“它”指的是谁或哪里" in fresh and "许昆林" not in fresh


# ------------------------------------------------------------------ meetings at a glance

def test_the_meetings_tab_shows_every_report_and_the_source_sentence_of_a_cell(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="会议一览").click()
    rows = page.locator("#qa-meetings tbody tr")
    expect(rows).to_have_count(18)
    assert rows.first.locator("td").first.inner_text() == "广东"
    assert page.locator("#qa-meetings th").all_inner_texts()[:8] == ["省份", "节", "日期", "形式", "主持", "讲话", "规模", "主题"]
    host = rows.first.locator("td[data-field=host]")
    assert host.inner_text() == "省委副书记、省长王伟中"
    assert "省委副书记、省长王伟中主持会议" in host.get_attribute("title")  # hover
    panel = page.locator("#qa-meetings .qa-evidence")
    expect(panel).to_be_hidden()
    host.click()
    expect(panel).to_be_visible()
    assert panel.locator(".qa-evidence-where").inner_text() == "主持：广东·第1节·第3页起"
    assert panel.locator(".qa-evidence-quote").inner_text().startswith("省委副书记、省长王伟中主持会议")
    assert panel.locator("mark").all_inner_texts() == ["省委副书记、省长王伟中"]
    page.screenshot(path=OUT / "meetings.png", full_page=True)

    with page.expect_download() as info:
        page.locator("#qa-meetings-csv").click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")  # utf-8-sig: Excel reads the Chinese
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("省份,节,页,日期") and len(lines) == 19


# ------------------------------------------------------------------ uploading bulletins

HAINAN_MD = """# 今日测试快讯

2024年第2期

1. 海南召开全省优化营商环境大会

2月19日，海南省委、省政府在海口召开全省优化营商环境大会。省长刘小明主持会议。会议以视频会议形式召开，各市县设分会场。

会议提出，今年将新增市场主体30万户，全力推进封关运作准备。
"""
GUIZHOU_TXT = """今日测试快讯

2024年第3期

1. 贵州召开全省大数据产业推进会

2月20日，贵州省委、省政府在贵阳召开全省大数据产业推进会。省长李炳军主持会议。

会议提出，今年算力规模突破100亿亿次。
"""


@pytest.fixture
def upload_server(tmp_path):
    with app_server(args=("--index", str(tmp_path / "index")), log_name="app-upload.log") as (url, _):
        yield url


def test_uploaded_reports_are_indexed_shown_section_by_section_and_answered(upload_server, browser, tmp_path):
    from playwright.sync_api import expect

    page = open_page(browser, upload_server)
    try:
        (tmp_path / "海南报道.md").write_text(HAINAN_MD, encoding="utf-8")
        (tmp_path / "贵州报道.txt").write_bytes(GUIZHOU_TXT.encode("gbk"))
        (tmp_path / "扫描件.pdf").write_bytes(b"%PDF-1.4\nnot a pdf at all")
        page.get_by_role("tab", name="资料").click()
        page.locator("#qa-upload input[type=file]").set_input_files(
            [str(tmp_path / n) for n in ("海南报道.md", "贵州报道.txt", "扫描件.pdf")])
        report = page.locator("#qa-upload-report .qa-file")
        expect(report).to_have_count(3, timeout=120_000)
        assert report.evaluate_all("fs => fs.map(f => f.dataset.status)") == ["added", "added", "skipped"]
        assert "PDF" in report.nth(2).inner_text() and "扫描件.pdf" in report.nth(2).inner_text()
        hainan_rows = report.nth(0).locator("tbody tr", has_text="海南")
        assert hainan_rows.count() == 1 and "海南召开全省优化营商环境大会" in hainan_rows.inner_text()
        assert "贵州召开全省大数据产业推进会" in report.nth(1).inner_text()  # GBK read right
        expect(page.locator("#qa-documents tbody tr")).to_have_count(3)
        expect(page.locator("#qa-heading h1")).to_contain_text("3 份文档")
        assert "3 份文档" in page.title()
        page.screenshot(path=OUT / "upload.png", full_page=True)

        page.get_by_role("tab", name="问答").click()
        examples = page.locator(".qa-example:visible").all_inner_texts()
        assert any("贵州" in q or "海南" in q for q in examples), examples
        ask(page, "海南的会议由谁主持？", provinces=("海南",))  # the new province is in the filter
        found = cards(page)
        assert found[0]["province"] == "海南" and "今日测试快讯2024年第2期" in found[0]["head"]  # several documents: named
        assert "刘小明" in page.locator("#qa-chat [data-testid=bot]").last.inner_text()
        page.get_by_role("tab", name="会议一览").click()
        expect(page.locator("#qa-meetings tbody tr")).to_have_count(20)
        assert page.locator("#qa-meetings th", has_text="文档").count() == 1
        assert not page.dialogs
    finally:
        page.close()
    # a new visitor sees the index as it is now
    later = open_page(browser, upload_server)
    try:
        expect(later.locator("#qa-heading h1")).to_contain_text("3 份文档")
        later.locator("#qa-provinces input").click()
        expect(later.locator("#qa-provinces [role=option]", has_text="贵州")).to_have_count(1)
    finally:
        later.close()
