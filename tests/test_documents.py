"""Reading files and repairing PDF line breaks."""
import pytest

from qa.documents import DocumentError, clean_text, read_document

from .conftest import CORPUS


def squeeze(s):
    return "".join(s.split())


def test_broken_sentence_joins_and_blank_lines_go():
    raw = "其中比较有代表性的是：上海连续7年在岁末年初吹响优化营\n\n商环境的号角；广东提出全面提升。\n"
    assert clean_text(raw) == "其中比较有代表性的是：上海连续7年在岁末年初吹响优化营商环境的号角；广东提出全面提升。\n"


def test_stray_spaces_between_cjk_and_digits_go_but_latin_spaces_stay():
    text = clean_text("江西连续 8 年新年伊始组织开工，展示区由 21 个地级以上市组成。Hello big world 大会。\n")
    assert "连续8年" in text and "21个" in text
    assert "Hello big world" in text


def test_page_number_lines_dropped_and_sentence_rejoined():
    raw = "会议强调，要坚持目标导向、问题导向、结果导向，明确任务书、\n\n- 7 -\n\n路线图、时间表和责任制。\n"
    assert clean_text(raw) == "会议强调，要坚持目标导向、问题导向、结果导向，明确任务书、路线图、时间表和责任制。\n"


def test_headings_and_subtitles_are_not_glued_to_the_next_paragraph():
    raw = "1. 广东召开全省高质量发展大会\n\n2月18日是农历新春第一个工作日。\n\n附：广东省科技厅厅长王月琴讲话摘录：\n\n科技创新推动产业创新，建设产业科技创新中心\n\n创新是第一动力。\n"
    lines = [l for l in clean_text(raw).split("\n") if l]
    assert lines == [
        "1. 广东召开全省高质量发展大会",
        "2月18日是农历新春第一个工作日。",
        "附：广东省科技厅厅长王月琴讲话摘录：",
        "科技创新推动产业创新，建设产业科技创新中心",
        "创新是第一动力。",
    ]


def test_a_subtitle_that_quotes_the_paragraph_under_it_keeps_its_own_line():
    # no full stop ends it, but a sentence broken off never repeats itself; a page break
    # may split the paragraph under it, which is still rejoined
    raw = ("增强政策取向的一致性，推动营商环境整体优化\n\n"
           "龚正就贯彻落实本次会议精神指出，要坚持对标一流，增强政策取向的一致性，推动营商\n\n"
           "环境整体优化。\n\n"
           "持续营造敢干敢闯的浓厚氛围，作出新贡献\n\n"
           "陈吉宁指出，要深刻领会习近平总书记关于优化营商环境的重要指示要\n\n"
           "求，持续营造敢干敢闯的浓厚氛围，为大局作出新贡献。\n\n"
           "以优化营商环境工作的新成效为国家发展大局作出新贡献，以更强合力抓好\n\n行动方案的落地见效，持续提升。\n")
    assert [l for l in clean_text(raw).split("\n") if l] == [
        "增强政策取向的一致性，推动营商环境整体优化",
        "龚正就贯彻落实本次会议精神指出，要坚持对标一流，增强政策取向的一致性，推动营商环境整体优化。",
        "持续营造敢干敢闯的浓厚氛围，作出新贡献",
        "陈吉宁指出，要深刻领会习近平总书记关于优化营商环境的重要指示要求，持续营造敢干敢闯的浓厚氛围，为大局作出新贡献。",
        "以优化营商环境工作的新成效为国家发展大局作出新贡献，以更强合力抓好行动方案的落地见效，持续提升。",  # still joined
    ]


def test_heading_broken_across_lines_is_rejoined_from_the_table_of_contents():
    raw = (
        "11. 重庆召开建设成渝地区双城经济圈工作推进大会，唱好“双城记”，打造增长极 - 50 -\n\n"
        "11. 重庆召开建设成渝地区双城经济圈工作推进大会，唱好\n\n“双城记”，打造增长极\n\n2月18日，春节假期后首个工作日。\n"
    )
    assert "11. 重庆召开建设成渝地区双城经济圈工作推进大会，唱好“双城记”，打造增长极\n" in clean_text(raw)


def test_real_corpus_content_is_unchanged_but_for_whitespace(corpus_doc):
    raw = CORPUS.read_text(encoding="utf-8")
    assert squeeze(corpus_doc.text) == squeeze(raw)
    assert "连续 8 年" not in corpus_doc.text and "连续8年" in corpus_doc.text
    assert "上海连续7年在岁末年初吹响优化营商环境的号角" in corpus_doc.text


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_encodings_are_detected(tmp_path, encoding):
    text = "1. 广东召开全省高质量发展大会\n\n会议在深圳设主会场。\n"
    path = tmp_path / "b.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(path).text == text


def test_markdown_file_is_read(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("**附：讲话摘录**\n\n要解放思想。\n", encoding="utf-8")
    assert "要解放思想。" in read_document(path).text


def test_pdf_is_read_and_repaired(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "bulletin.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(["1. 广东召开全省高质量发展大会", "会议在深圳设主会场，江西连续 8 年新年伊始组织全省重大项目", "集中开工。", "- 2 -"]):
        c.drawString(50, 800 - 20 * i, line)
    c.showPage()
    c.save()
    doc = read_document(path)
    assert doc.text == "1. 广东召开全省高质量发展大会\n会议在深圳设主会场，江西连续8年新年伊始组织全省重大项目集中开工。\n"


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"   \n\n", "empty file"),
        ("junk.txt", bytes(range(256)) * 40, "binary"),
        ("fake.pdf", b"%PDF-1.4 garbage that is not a pdf", "not a readable PDF"),
        ("notpdf.pdf", "中文".encode(), "no %PDF header"),
        ("bad.txt", b"\xff\xfe\xfa" * 50 + b"\x81", "cannot decode"),
        ("x.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_files_raise_a_clear_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert reason in info.value.reason
    assert name in str(info.value)
