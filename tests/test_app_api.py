"""The app's API from gradio_client: /ask with a conversation's history, /upload, and /config.

The app serves a temporary index (`python app.py --index TMP` on an empty TMP builds the
built-in corpus into it), so the project's own index is never changed.
"""
from __future__ import annotations

import http.client
import json
from urllib.parse import urlparse

import pytest

from .apprunner import app_server

GUANGDONG = "广东高质量发展大会的主会场设在哪里？"


def report(province: str, city: str, host: str) -> str:
    return (f"测试快讯\n\n2024年第2期\n\n1. {province}召开全省优化营商环境大会\n\n"
            f"2月19日，{province}省委、省政府在{city}召开全省优化营商环境大会。{host}主持会议。"
            "会议以视频会议形式召开，各市县设分会场。\n\n会议提出，今年将新增市场主体30万户。\n")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("api") / "index"  # missing: the app builds the built-in corpus into it
    with app_server(args=("--index", str(folder)), log_name="app-api.log") as (url, proc):
        yield url, folder, proc


def client(url):
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False)


def library(folder, question, history=None):
    from qa.assistant import reload_assistant

    return reload_assistant(folder).answer(question, history=history).to_dict()


def unscored(d: dict) -> dict:
    return {**d, "citations": [{k: v for k, v in c.items() if k != "score"} for c in d["citations"]]}


def test_config_says_analytics_are_off_even_when_the_environment_asks_for_them(served):
    url = urlparse(served[0])
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request("GET", "/config")
    config = json.loads(conn.getresponse().read())
    assert config["analytics_enabled"] is False


def test_a_follow_up_with_its_history_is_answered_as_the_library_answers_it(served):
    url, folder, _ = served
    got = client(url).predict("那江苏的呢？", [], [GUANGDONG], api_name="/ask")
    assert got["question"] == "那江苏的呢？" and got["resolved_question"].startswith("江苏")
    assert got["answer"].startswith("理解为：江苏")
    assert got["citations"] and got["citations"][0]["province"] == "江苏"
    assert unscored(got) == unscored(library(folder, "那江苏的呢？", [GUANGDONG]))
    chained = client(url).predict("它的主持人是谁？", [], [GUANGDONG, "那江苏的呢？"], api_name="/ask")
    assert chained["answer"].startswith("理解为：江苏") and "许昆林" in chained["answer"]
    assert chained["direct_answer"]["text"] == "许昆林"


def test_a_history_that_is_not_a_list_of_questions_gets_a_clear_message(served):
    url, _, _ = served
    messages = [{"role": "user", "content": GUANGDONG}, {"role": "assistant", "content": "**深圳**"}]
    with pytest.raises(Exception, match="history 应是此前提问的列表"):
        client(url).predict("那江苏的呢？", [], messages, api_name="/ask")


def test_a_new_topic_is_answered_as_it_stands_and_old_two_argument_calls_still_work(served):
    url, folder, _ = served
    got = client(url).predict("江西一季度集中开工了多少个重大项目？", [], [GUANGDONG], api_name="/ask")
    assert got["resolved_question"] is None and not got["answer"].startswith("理解为")
    plain = client(url).predict(GUANGDONG, [], api_name="/ask")
    assert unscored(plain) == unscored(library(folder, GUANGDONG))


def test_upload_adds_good_files_and_names_each_bad_one_with_its_reason(served, tmp_path):
    from gradio_client import handle_file

    url, folder, proc = served
    files = {
        "海南.md": report("海南", "海口", "省长刘小明").encode(),
        "贵州.txt": report("贵州", "贵阳", "省长李炳军").encode("gbk"),
        "scan.pdf": b"%PDF-1.4\nbroken",
        "huge.txt": b"x" * (20 * 1024 * 1024 + 1),
        "notes.docx": b"PK\x03\x04",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    got = client(url).predict([handle_file(str(tmp_path / n)) for n in files], api_name="/upload")
    by_name = {r["name"]: r for r in got}
    assert [r["name"] for r in got] == list(files)
    assert by_name["海南.md"]["status"] == by_name["贵州.txt"]["status"] == "added"
    hainan = [s for s in by_name["海南.md"]["sections"] if s["province"] == "海南"]
    assert hainan and hainan[0]["title"] == "海南召开全省优化营商环境大会" and hainan[0]["chars"] > 0
    assert set(hainan[0]) == {"province", "section", "title", "pages", "chars", "warnings"}
    assert by_name["scan.pdf"]["status"] == "skipped" and "PDF" in by_name["scan.pdf"]["reason"]
    assert by_name["huge.txt"]["status"] == "skipped" and "20 MB" in by_name["huge.txt"]["reason"]
    assert by_name["notes.docx"]["status"] == "skipped" and "不支持的文件类型" in by_name["notes.docx"]["reason"]

    answer = client(url).predict("海南的会议由谁主持？", [], api_name="/ask")
    assert not answer["abstained"] and answer["citations"][0]["province"] == "海南" and "刘小明" in answer["answer"]
    assert answer["citations"][0]["doc"] == "海南.md"
    again = client(url).predict([handle_file(str(tmp_path / "海南.md"))], api_name="/upload")
    assert again[0]["status"] == "duplicate"
    assert proc.poll() is None
