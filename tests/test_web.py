"""qa.web: the conversation export, the page's views of the index, and adding uploaded files."""
from __future__ import annotations

import re
import tempfile
import threading
from html import unescape
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from qa.config import BUILTIN_CORPUS
from qa.index_store import load_index
from qa.indexing import build_index
from qa.schema import Answer, Citation, DirectAnswer, Evidence, MeetingRecord
from qa.web import upload as upload_mod
from qa.web.export import conversation_markdown, md_text
from qa.web.served import ServedIndex, ServeError, example_candidates, prepare_index
from qa.web.upload import ADDED, DUPLICATE, SKIPPED, clean_name
from qa.web.views import corpus_name, heading_html, meetings_html, upload_html

EVIL = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "![x](http://evil.example/x.png)",
        "[点我](javascript:alert(3))", "[a]: javascript:alert(4)", "**粗** _斜_ `code` # 标题"]


def report(province: str, city: str, host: str, extra: str = "") -> str:
    """A one-report bulletin in the numbered layout, about a province the built-in corpus lacks."""
    return (f"测试快讯\n\n2024年第2期\n\n1. {province}召开全省优化营商环境大会\n\n"
            f"2月19日，{province}省委、省政府在{city}召开全省优化营商环境大会。{host}主持会议。"
            f"会议以视频会议形式召开，各市县设分会场。{extra}\n\n会议提出，今年将新增市场主体30万户。\n")


def html_of(markdown: str) -> str:
    # html=True: the most permissive renderer a briefing tool may use
    return MarkdownIt("commonmark", {"html": True}).render(markdown)


def cite(rank=1, province="广东", quote="会议在深圳设主会场。", **kw) -> Citation:
    fields = dict(rank=rank, province=province, section="1", title="全省高质量发展大会", page=3, quote=quote,
                  passage=f"甲。{quote}乙。", score=0.9, doc="a.txt", start=0, end=10, doc_title="今日科技快讯2024年第6期")
    return Citation(**{**fields, **kw})


# ------------------------------------------------------------------ export

def test_the_export_holds_each_question_its_answer_and_its_numbered_citations():
    first = Answer("广东的主会场在哪里？", "**深圳**\n广东·第1节·第3页起：「会议在深圳设主会场。」[1]", False, [cite()],
                   direct_answer=DirectAnswer("深圳", 1, 2, 4))
    second = Answer("那江苏的呢？", "理解为：江苏的主会场在哪里？\n未在资料中找到相关内容。\n可能相关：[1] 江苏·第2节·第15页起", True,
                    [cite(province="江苏", section="2", page=15, quote="会议以视频会议形式召开。", page_exact=True)],
                    resolved_question="江苏的主会场在哪里？")
    md = conversation_markdown([first, second], corpus="今日科技快讯2024年第6期", exported="2024-03-01 10:00")
    html = html_of(md)
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["问题 1：广东的主会场在哪里？", "问题 2：那江苏的呢？"]
    assert "<strong>深圳</strong>" in html and "<em>理解为：江苏的主会场在哪里？</em>" in html
    assert "[1] 广东 · 今日科技快讯2024年第6期 · 第1节 · 全省高质量发展大会 · 第3页起" in md
    assert "[1] 江苏 · 今日科技快讯2024年第6期 · 第2节 · 全省高质量发展大会 · 第15页\n" in md  # exact page: no 起
    assert re.findall(r"<blockquote>\s*<p>(.*?)</p>", html) == ["会议在深圳设主会场。", "会议以视频会议形式召开。"]
    assert "**可能相关的段落**" in md and md.index("问题 1") < md.index("问题 2")


@pytest.mark.parametrize("evil", EVIL)
def test_markup_from_users_and_documents_stays_text_in_the_export(evil):
    c = cite(quote=f"前{evil}后", title=f"标题{evil}", doc_title=f"文档{evil}")
    answer = Answer(f"问{evil}", f"广东：「前{evil}后」[1]", False, [c])
    html = html_of(conversation_markdown([answer], corpus=f"资料{evil}"))
    assert set(re.findall(r"<([a-z0-9]+)", html)) <= {"h1", "h2", "p", "strong", "blockquote", "hr", "br"}
    text = unescape(re.sub(r"<[^>]+>", "", html))
    assert text.count(evil) == 6  # corpus, question, answer line, document, section title, quote
    assert "<em>" not in html and "<code>" not in html


def test_a_line_of_a_quote_that_looks_like_markdown_structure_stays_a_line_of_text():
    for line in ("# 标题", "- 列表", "+ 列表", "=== ", "[x]: http://e.example"):
        assert html_of(md_text(line)).startswith("<p>"), line


def test_a_real_conversation_exports_both_questions_with_the_provinces_they_cite(assistant):
    turns = [assistant.answer("广东高质量发展大会的主会场设在哪里？")]
    turns.append(assistant.answer("那江苏的呢？", history=[t.question for t in turns]))
    md = conversation_markdown(turns)
    assert "## 问题 1：广东高质量发展大会的主会场设在哪里？" in md and "## 问题 2：那江苏的呢？" in md
    second = md[md.index("## 问题 2"):]
    assert "理解为：" in second and re.search(r"^\[1\] 江苏 · ", second, re.M)
    for c in turns[0].citations:
        assert f"> {md_text(c.quote.splitlines()[0])}" in md


# ------------------------------------------------------------------ views

def test_the_meetings_table_has_one_row_per_report_and_each_stated_field_carries_its_sentence(assistant):
    index = assistant.index
    html = meetings_html(index.meetings, index.documents)
    rows = re.findall(r"<tr data-province=\"([^\"]+)\">(.*?)</tr>", html, re.S)
    assert len(rows) == 18 and rows[0][0] == "广东"
    cells = re.findall(r'data-field="host" data-label="主持" data-where="([^"]+)" data-quote="([^"]+)"', rows[0][1])
    assert cells == [("广东·第1节·第3页起", index.meetings[0].evidence["host"].quote)]
    assert "文档</th>" not in html  # one document: no document column


def test_markup_inside_a_meeting_record_is_escaped_everywhere():
    evil = '"><img src=x onerror=alert(1)>'
    r = MeetingRecord("d.txt", f"文档{evil}", "广东", "1", f"标题{evil}", 3, host=f"省长{evil}",
                      evidence={"host": Evidence(f"省长{evil}主持会议。", "d.txt", 0, 9)})
    html = meetings_html([r], [])
    assert "<img" not in html and 'onerror=alert(1)>"' not in html
    assert unescape(html).count(evil) >= 3


def test_the_heading_names_the_documents_or_counts_them():
    from qa.schema import Document

    one = [Document("a.txt", "a.txt", "x", "1", title="今日科技快讯2024年第6期")]
    assert corpus_name(one) == "今日科技快讯2024年第6期"
    assert "会议报告问答助手 · 今日科技快讯2024年第6期" in heading_html(one, ["广东"])
    many = [Document(f"{i}.txt", "", "x", str(i)) for i in range(3)]
    assert corpus_name(many) == "3 份文档"
    assert "&lt;b&gt;" in heading_html([Document("<b>.txt", "", "x", "1")], [])


def test_example_questions_come_from_the_records_newest_document_first(assistant):
    records = assistant.index.meetings
    assert example_candidates(records, ["jinri-keji-kuaixun-2024-06.txt"]) == [
        "广东的会议由谁主持？", "哪些省市的会议设了分会场？", "广东和江苏的会议有何不同？", "江苏提出了哪些重点工作？"]
    hainan = MeetingRecord("new.md", "", "海南", "1", "t", None, host="省长刘小明")
    assert example_candidates([*records, hainan], ["jinri-keji-kuaixun-2024-06.txt", "new.md"])[0] == "海南的会议由谁主持？"
    # only what the records can answer
    plain = [MeetingRecord("d", "", "海南", "1", "t", None)]
    assert example_candidates(plain, ["d"]) == ["海南提出了哪些重点工作？"]


# ------------------------------------------------------------------ serving an index folder

def test_an_empty_or_missing_folder_gets_the_builtin_corpus_and_any_other_folder_is_refused(tmp_path):
    built = prepare_index(tmp_path / "new")
    assert [d.name for d in load_index(built).documents] == [BUILTIN_CORPUS.name]
    assert prepare_index(built) == built  # an index is served as it is
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("我的笔记", encoding="utf-8")
    with pytest.raises(ServeError, match="既不是空文件夹"):
        prepare_index(tmp_path / "notes")
    assert [p.name for p in (tmp_path / "notes").iterdir()] == ["mine.txt"]


@pytest.fixture
def served(tmp_path):
    folder = tmp_path / "index"
    build_index([BUILTIN_CORPUS], folder)
    return ServedIndex(folder)


def upload_files(tmp_path, files: dict[str, bytes]) -> list[tuple]:
    """(temporary path, name the user gave), as the page hands uploads over."""
    out = []
    for name, data in files.items():
        path = Path(tempfile.mkdtemp(dir=tmp_path)) / "upload"
        path.write_bytes(data)
        out.append((path, name))
    return out


def test_an_upload_adds_the_good_files_names_each_bad_one_and_the_page_follows(served, tmp_path):
    before = served.view()
    results = served.upload(upload_files(tmp_path, {
        "海南.md": report("海南", "海口", "省长刘小明").encode(),
        "贵州-gbk.txt": report("贵州", "贵阳", "省长李炳军").encode("gbk"),
        "broken.pdf": b"%PDF-1.4 this is not really a pdf",
        "empty.txt": b"   \n",
        "tool.exe": b"MZ\x00\x00",
        "again.md": report("海南", "海口", "省长刘小明").encode(),
    }))
    verdicts = {r.name: (r.status, r.reason) for r in results}
    assert [r.name for r in results] == ["海南.md", "贵州-gbk.txt", "broken.pdf", "empty.txt", "tool.exe", "again.md"]
    assert verdicts["海南.md"][0] == verdicts["贵州-gbk.txt"][0] == ADDED
    assert verdicts["broken.pdf"][0] == SKIPPED and "PDF" in verdicts["broken.pdf"][1]
    assert verdicts["empty.txt"] == (SKIPPED, "文件是空的（empty file）")
    assert verdicts["tool.exe"][0] == SKIPPED and "不支持的文件类型“.exe”" in verdicts["tool.exe"][1]
    assert verdicts["again.md"] == (DUPLICATE, "与本次上传的 海南.md 内容相同，未重复加入")
    hainan = next(r for r in results if r.name == "海南.md")
    assert [(s.province, s.section, s.title) for s in hainan.sections if s.province != "总述"] == [
        ("海南", "1", "海南召开全省优化营商环境大会")]
    assert all(s.chars > 0 for s in hainan.sections)

    view = served.view()
    assert view is not before and {"海南", "贵州"} <= set(view.provinces) and view.with_doc
    assert "测试快讯2024年第2期" in view.heading and "今日科技快讯2024年第6期" in view.heading  # named by their titles
    assert view.meetings.count("<tr data-province=") == 20
    answer = served.ask("海南的会议由谁主持？")
    assert not answer.abstained and answer.citations[0].province == "海南" and "刘小明" in answer.text
    # uploading the same file later is recognised
    again = served.upload(upload_files(tmp_path, {"海南-copy.md": report("海南", "海口", "省长刘小明").encode()}))
    assert again[0].status == DUPLICATE and "已收录的 海南.md" in again[0].reason


def test_limits_are_checked_on_the_server_with_a_chinese_message(served, tmp_path, monkeypatch):
    results = served.upload(upload_files(tmp_path, {"big.txt": b"x" * (upload_mod.MAX_FILE_BYTES + 1)}))
    assert results[0].status == SKIPPED and "超过单个文件 20 MB 的上限" in results[0].reason
    monkeypatch.setattr(upload_mod, "MAX_UPLOAD_BYTES", 1500)
    results = served.upload(upload_files(tmp_path, {
        "海南.md": report("海南", "海口", "省长刘小明").encode(),
        "贵州.md": report("贵州", "贵阳", "省长李炳军", extra="会议要求" * 200).encode(),
    }))
    assert [r.status for r in results] == [ADDED, SKIPPED] and "本次上传合计超过" in results[1].reason


def test_a_file_name_is_only_a_name(served, tmp_path):
    assert clean_name("../../etc/passwd.md") == "passwd.md"
    assert clean_name("C:\\Users\\x\\报告.txt") == "报告.txt"
    assert clean_name("a\x00b\n.md") == "ab.md" and clean_name("..") == "upload"
    evil = '<img src=x onerror=alert(1)>.md'
    results = served.upload(upload_files(tmp_path, {"../../海南.md": report("海南", "海口", "省长刘小明").encode(),
                                                    evil: report("贵州", "贵阳", "省长李炳军").encode()}))
    assert [r.name for r in results] == ["海南.md", evil] and {r.status for r in results} == {ADDED}
    html = upload_html(results)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;.md" in html
    assert not list(served.index_dir.parent.glob("海南.md"))  # nothing written outside the index


def test_a_new_file_with_the_name_of_an_indexed_one_is_kept_beside_it(served, tmp_path):
    served.upload(upload_files(tmp_path, {"report.md": report("海南", "海口", "省长刘小明").encode()}))
    results = served.upload(upload_files(tmp_path, {"report.md": report("贵州", "贵阳", "省长李炳军").encode()}))
    assert results[0].name == "report-2.md" and "已有同名文件" in results[0].reason
    assert {"海南", "贵州"} <= set(served.view().provinces)


def test_two_uploads_at_once_both_end_up_in_the_index(served, tmp_path):
    batches = [upload_files(tmp_path, {"海南.md": report("海南", "海口", "省长刘小明").encode()}),
               upload_files(tmp_path, {"贵州.md": report("贵州", "贵阳", "省长李炳军").encode()})]
    threads = [threading.Thread(target=served.upload, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    names = {d.name for d in load_index(served.index_dir).documents}
    assert {"海南.md", "贵州.md"} <= names
