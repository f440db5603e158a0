"""The web app's exposure: loopback only by default, basic auth, no file reads through
Gradio's routes or the API, and markup inside documents shown as inert text."""
from __future__ import annotations

import http.client
import ipaddress
import socket
from pathlib import Path
from urllib.parse import urlparse

import psutil
import pytest

from .apprunner import ROOT, app_server, needs_chromium

USER, PASSWORD = "tester", "s3cret-Passw0rd"

PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[点我](javascript:alert(3))")
EVIL_CORPUS = f"""今日测试快讯

2024年第1期

1. 海南召开全省自由贸易港建设大会

2月18日，海南省委、省政府在海口召开全省自由贸易港建设大会。

会议材料里夹带了{PAYLOADS[0]}、{PAYLOADS[1]}和{PAYLOADS[2]}三段网页代码。

会议提出，今年将新增市场主体 30 万户。

2. 贵州召开全省大数据产业推进会

2月19日，贵州省在贵阳召开大数据产业推进会，提出算力规模突破 100 亿亿次。
"""
EVIL_QUESTION = "海南会议材料里夹带了哪些网页代码？"

# Lines of files the app must never serve; none may appear in any response body.
SECRET_FILES = [Path("/etc/passwd"), ROOT / "qa" / "config.py", ROOT / "app.py"]


def secrets() -> list[str]:
    lines = [next(l for l in f.read_text(encoding="utf-8").splitlines() if len(l.strip()) > 12) for f in SECRET_FILES]
    return lines + ["QA_PORT=", "PYTHONPATH="]  # /proc/self/environ of the app


@pytest.fixture(scope="module")
def tiny_index(tmp_path_factory):
    """An index of one bulletin whose report text carries HTML and a javascript: link."""
    from qa.documents import read_document
    from qa.indexing import build_index

    folder = tmp_path_factory.mktemp("evil")
    corpus = folder / "evil.txt"
    corpus.write_text(EVIL_CORPUS, encoding="utf-8")
    assert all(p in read_document(corpus).text for p in PAYLOADS)  # cleaning keeps them verbatim
    build_index([corpus], folder / "index")
    return folder / "index"


@pytest.fixture(scope="module")
def app(tiny_index):
    """The app as a user starts it (no --host, no QA_HOST), serving the tiny index."""
    with app_server({"QA_INDEX_DIR": str(tiny_index)}, log_name="app-security.log") as served:
        yield served


@pytest.fixture(scope="module")
def auth_app(tiny_index):
    with app_server({"QA_INDEX_DIR": str(tiny_index), "QA_AUTH": f"{USER}:{PASSWORD}"}, log_name="app-auth.log") as served:
        yield served


def client(url, **kw):
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=False, **kw)


def get(url: str, path: str) -> tuple[int, str]:
    """GET with the path sent byte for byte: http clients that normalise '../' would hide the attack."""
    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


# ---------------------------------------------------------------- listening address

def test_listens_only_on_loopback_by_default(app):
    url, proc = app
    port = urlparse(url).port
    listening = [c.laddr for c in psutil.Process(proc.pid).net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    assert listening and {a.ip for a in listening} == {"127.0.0.1"}, listening
    # and the port is closed on every other address of this machine
    others = [a.address.split("%")[0] for addrs in psutil.net_if_addrs().values() for a in addrs
              if a.family in (socket.AF_INET, socket.AF_INET6)]
    others = [ip for ip in others if not ipaddress.ip_address(ip).is_loopback and not ipaddress.ip_address(ip).is_link_local]
    for ip in others:
        with pytest.raises(OSError):
            socket.create_connection((ip, port), timeout=3).close()


# ---------------------------------------------------------------- authentication

def test_basic_auth_refuses_the_api_without_credentials(auth_app):
    import httpx
    from gradio_client.exceptions import AuthenticationError

    url, _ = auth_app
    for path in ("/config", "/gradio_api/info", "/gradio_api/file=/etc/passwd"):
        assert get(url, path)[0] == 401, path
    assert httpx.post(url + "/gradio_api/call/ask", json={"data": ["广东", [], []]}, timeout=10).status_code == 401
    files = {"files": ("report.md", "1. 海南召开大会\n\n会议提出新目标。".encode(), "text/markdown")}
    assert httpx.post(url + "/gradio_api/upload", files=files, timeout=10).status_code == 401
    assert httpx.post(url + "/gradio_api/call/upload", json={"data": [[]]}, timeout=10).status_code == 401
    with pytest.raises(AuthenticationError):
        client(url)
    with pytest.raises(ValueError, match="login"):
        client(url, auth=(USER, "wrong"))
    got = client(url, auth=(USER, PASSWORD)).predict(EVIL_QUESTION, [], api_name="/ask")
    assert not got["abstained"] and got["citations"][0]["province"] == "海南"


# ---------------------------------------------------------------- file access

TRAVERSALS = [
    "/gradio_api/file=/etc/passwd",
    "/file=/etc/passwd",
    "/gradio_api/file=../../../../etc/passwd",
    "/gradio_api/file=..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/gradio_api/file=%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/gradio_api/file=%252e%252e%252f%252e%252e%252fetc%252fpasswd",  # double-encoded
    "/gradio_api/file=%2Fetc%2Fpasswd",
    "/gradio_api/file=//etc/passwd",
    "/gradio_api/file=/etc/./passwd",
    "/gradio_api/file=/etc/passwd%00.png",
    "/gradio_api/file=file:///etc/passwd",
    "/gradio_api/file=/proc/self/environ",
    f"/gradio_api/file={ROOT}/qa/config.py",
    "/gradio_api/file=qa/config.py",  # relative to the app's working directory
    "/gradio_api/file=app.py",
    "/file=app.py",
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/assets/../../../../etc/passwd",
    "/gradio_api/static/../../../../etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_file_routes_serve_nothing_outside_the_app(app, path):
    status, body = get(app[0], path)
    assert status in (403, 404), (status, body[:200])
    assert not any(s in body for s in secrets()), body[:200]


def test_api_refuses_a_file_reference_as_input(app):
    """Gradio turns {"path": ..., "meta": {"_type": "gradio.FileData"}} inputs into files; the app must not read it."""
    import httpx

    url, proc = app
    evil = {"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}
    for data in ([evil, [], []], ["广东", [evil], []], ["广东", [], [evil]]):
        r = httpx.post(url + "/gradio_api/call/ask", json={"data": data}, timeout=10)
        assert r.status_code == 200
        events = httpx.get(f"{url}/gradio_api/call/ask/{r.json()['event_id']}", timeout=30).text
        assert "event: error" in events and not any(s in events for s in secrets()), events[:300]
    assert proc.poll() is None


@pytest.mark.parametrize("question", ["../../etc/passwd", "file:///etc/passwd", f"{ROOT}/qa/config.py",
                                      "%2e%2e%2fetc%2fpasswd", "$(cat /etc/passwd) `id` {{7*7}}"])
def test_a_path_in_a_question_is_only_text(app, question):
    for provinces in ([], [question]):
        got = client(app[0]).predict(question, provinces, api_name="/ask")
        assert got["question"] == question and isinstance(got["answer"], str)
        assert all(c["doc"] == "evil.txt" for c in got["citations"])
        assert not any(s in str(got) for s in secrets())


# ---------------------------------------------------------------- markup in documents

@pytest.mark.browser
@needs_chromium
def test_markup_in_a_document_is_shown_as_text(app, browser):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(app[0])
        page.locator("#qa-question textarea").fill(EVIL_QUESTION)
        page.locator("#qa-send").click()
        bot = page.locator("#qa-chat [data-testid=bot]")
        expect(bot).to_have_count(1, timeout=60_000)
        expect(page.locator("#qa-sources .qa-card").first).to_be_visible()
        page.wait_for_timeout(500)  # an onerror fires as soon as its image fails to load
        for where in (bot.last, page.locator("#qa-sources")):
            shown = where.inner_text()
            assert all(p in shown for p in PAYLOADS), shown
            assert where.locator("script, img, a, iframe").count() == 0
        assert dialogs == []
    finally:
        page.close()


def test_api_answers_text_with_a_lone_surrogate(app):
    """JSON can carry "\\ud800", which no UTF-8 encoder (segmenter, tokenizer) accepts."""
    import httpx

    url, proc = app
    body = '{"data": ["\\ud800海南会议材料里夹带了哪些网页代码？", [], ["\\udc80"]]}'.encode()
    r = httpx.post(url + "/gradio_api/call/ask", content=body, headers={"Content-Type": "application/json"}, timeout=10)
    assert r.status_code == 200
    events = httpx.get(f"{url}/gradio_api/call/ask/{r.json()['event_id']}", timeout=30).text
    assert "event: complete" in events, events[:300]
    assert proc.poll() is None


# ---------------------------------------------------------------- uploads

UPLOAD_PAYLOADS = (*PAYLOADS, "${alert(4)}", "{{constructor.constructor('alert(5)')()}}")
EVIL_UPLOAD = f"""今日测试快讯

2024年第4期

1. 海南召开全省<img src=x onerror=alert(6)>自由贸易港建设大会

2月18日，海南省委、省政府在海口召开全省自由贸易港建设大会。省长刘小明主持会议。

会议材料里夹带了{'、'.join(UPLOAD_PAYLOADS)}几段网页代码。
"""


@pytest.fixture(scope="module")
def upload_app(tmp_path_factory):
    """An app of its own to upload into, on a temporary index of the built-in corpus."""
    folder = tmp_path_factory.mktemp("uploads") / "index"
    with app_server(args=("--index", str(folder)), log_name="app-uploads.log") as (url, proc):
        yield url, folder, proc


def call(url: str, api: str, data: list) -> str:
    """The event stream of one API call, sent raw (no client-side checks)."""
    import httpx

    r = httpx.post(f"{url}/gradio_api/call/{api}", json={"data": data}, timeout=10)
    assert r.status_code == 200, r.text
    return httpx.get(f"{url}/gradio_api/call/{api}/{r.json()['event_id']}", timeout=120).text


def test_upload_refuses_a_reference_to_a_file_already_on_the_server(upload_app, tmp_path):
    """/upload takes files sent to it, never a path the caller names: that would index any readable file."""
    from qa.index_store import load_index

    url, folder, proc = upload_app
    secret = tmp_path / "secret.txt"
    secret.write_text("1. 海南召开全省保密工作会议\n\n会议口令是蓝色鲸鱼七号。\n", encoding="utf-8")
    before = [d.name for d in load_index(folder).documents]
    for path in (str(secret), "/etc/passwd", f"{ROOT}/qa/config.py", "../../etc/passwd"):
        events = call(url, "upload", [[{"path": path, "orig_name": "x.txt", "meta": {"_type": "gradio.FileData"}}]])
        assert "event: error" in events and not any(s in events for s in secrets()), events[:300]
    assert [d.name for d in load_index(folder).documents] == before
    answer = client(url).predict("海南会议的口令是什么？", [], api_name="/ask")
    assert "蓝色鲸鱼" not in str(answer)
    assert proc.poll() is None


def test_an_uploaded_file_name_cannot_leave_the_upload_folder(upload_app, tmp_path):
    import uuid

    import httpx

    url, folder, _ = upload_app
    marker = f"escape-{uuid.uuid4().hex[:8]}.md"
    content = "1. 贵州召开全省大数据产业推进会\n\n2月20日，贵州省在贵阳召开大数据产业推进会。\n".encode()
    sent = httpx.post(f"{url}/gradio_api/upload", files={"files": (f"../../../../tmp/{marker}", content, "text/markdown")},
                      timeout=30)
    assert sent.status_code == 200
    stored = sent.json()[0]
    assert not Path("/tmp", marker).exists() and not (ROOT / marker).exists()
    events = call(url, "upload", [[{"path": stored, "orig_name": f"../../{marker}", "meta": {"_type": "gradio.FileData"}}]])
    assert "event: complete" in events, events[:300]
    from qa.index_store import load_index

    names = [d.name for d in load_index(folder).documents]
    assert marker in names and all("/" not in n and ".." not in n for n in names)
    assert not list(folder.parent.glob(marker)) and not list(folder.glob(marker))


@pytest.mark.browser
@needs_chromium
def test_markup_in_an_uploaded_document_and_its_name_is_shown_as_text(upload_app, browser, tmp_path):
    from playwright.sync_api import expect

    url = upload_app[0]
    name = "<img src=x onerror=alert(7)>.md"
    (tmp_path / name).write_text(EVIL_UPLOAD, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    try:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.get_by_role("tab", name="资料").click()
        page.locator("#qa-upload input[type=file]").set_input_files(str(tmp_path / name))
        expect(page.locator("#qa-upload-report .qa-file")).to_have_count(1, timeout=120_000)
        report = page.locator("#qa-upload-report")
        assert report.locator(".qa-file").get_attribute("data-status") == "added"
        # Gradio drops < and > from an uploaded file's name; the rest is shown as text
        assert "<img src=x onerror=alert(6)>" in report.inner_text() and "onerror=alert(7).md" in report.inner_text()
        page.get_by_role("tab", name="会议一览").click()
        row = page.locator("#qa-meetings tbody tr", has_text="海南")
        expect(row).to_have_count(1)
        row.locator("td.qa-cell").first.click()
        page.get_by_role("tab", name="问答").click()
        page.locator("#qa-question textarea").fill("海南会议材料里夹带了哪些网页代码？")
        page.locator("#qa-send").click()
        expect(page.locator("#qa-chat [data-testid=bot]")).to_have_count(1, timeout=60_000)
        expect(page.locator("#qa-sources .qa-card").first).to_be_visible()
        assert all(p in page.locator("#qa-sources").inner_text() for p in UPLOAD_PAYLOADS)
        page.wait_for_timeout(500)  # an onerror fires as soon as its image fails to load
        for where in ("#qa-heading", "#qa-upload-report", "#qa-documents", "#qa-meetings", "#qa-chat", "#qa-sources"):
            assert page.locator(where).locator("script, img, a, iframe").count() == 0, where
        page.screenshot(path=ROOT / "test-output" / "upload-markup.png", full_page=True)
        assert dialogs == []
    finally:
        page.close()
