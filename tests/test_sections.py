"""Sections with metadata, and the province gazetteer."""
from qa.documents import read_document
from qa.gazetteer import PROVINCES, normalise_province, province_at_start, provinces_in
from qa.sections import split_sections

EXPECTED = "广东 江苏 浙江 北京 上海 安徽 福建 江西 河南 湖南 重庆 四川 河北 辽宁 吉林 黑龙江 甘肃 云南".split()


def test_builtin_corpus_has_18_reports_with_the_right_provinces(corpus_sections):
    reports = [s for s in corpus_sections if s.kind == "report"]
    assert [s.province for s in reports] == EXPECTED
    assert [s.number for s in reports] == list(range(1, 19))


def test_appendices_belong_to_the_report_before_them(corpus_sections):
    apps = [s for s in corpus_sections if s.kind == "appendix"]
    assert [(s.province, s.label) for s in apps] == [("广东", "1-附1"), ("广东", "1-附2"), ("广东", "1-附3"), ("江苏", "2-附1")]
    assert apps[2].title == "广东省发改委主任、省大湾区办主任艾学峰讲话摘录"  # the bold heading broken over two lines


def test_front_matter(corpus_sections, corpus_doc):
    front = corpus_sections[0]
    assert (front.kind, front.province, front.label, front.start) == ("front", "总述", "总述", 0)
    assert "本期快讯汇编了多省市" in corpus_doc.text[front.start : front.end]
    assert "目录" in corpus_doc.text[front.start : front.end]


def test_pages_come_from_the_table_of_contents(corpus_sections):
    pages = {s.label: s.page for s in corpus_sections}
    assert [pages[str(n)] for n in range(1, 19)] == [3, 15, 23, 28, 32, 36, 41, 44, 46, 48, 50, 55, 60, 63, 68, 71, 74, 77]
    assert [pages["1-附1"], pages["1-附2"], pages["1-附3"], pages["2-附1"]] == [7, 10, 12, 18]


def test_offsets_tile_the_document(corpus_sections, corpus_doc):
    for a, b in zip(corpus_sections, corpus_sections[1:]):
        assert a.end <= b.start
        assert corpus_doc.text[a.end : b.start].strip() == ""
    for s in corpus_sections[1:]:
        heading = corpus_doc.text[s.start : s.end].split("\n", 1)[0]
        assert s.title.rstrip("：") in heading.replace("**", "")


def test_headings_found_in_a_small_bulletin(mini_corpus):
    secs = split_sections(read_document(mini_corpus))
    assert [(s.kind, s.province, s.label, s.page) for s in secs] == [
        ("front", "总述", "总述", None),
        ("report", "海南", "1", 2),
        ("appendix", "海南", "1-附1", 3),
        ("report", "贵州", "2", 4),
    ]


def test_numbered_list_inside_a_report_is_not_a_heading(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("1. 广东召开大会\n\n会议提出三点要求。\n\n2. 要坚持创新。\n\n3. 要扩大开放。\n\n2. 江苏召开推进会\n\n会议召开。\n", encoding="utf-8")
    secs = split_sections(read_document(path))
    assert [(s.label, s.province) for s in secs] == [("1", "广东"), ("2", "江苏")]


def test_gazetteer_covers_all_34_divisions_in_short_and_full_names():
    assert len(PROVINCES) == 34
    for short, full in PROVINCES.items():
        assert normalise_province(short) == short
        assert normalise_province(full) == short
    assert province_at_start("内蒙古自治区召开大会") == "内蒙古"
    assert province_at_start("广西壮族自治区召开大会") == "广西"
    assert province_at_start("黑龙江召开") == "黑龙江"


def test_cities_map_to_provinces():
    assert provinces_in("深圳和苏州、南京、沈阳、成都有何不同") == ["广东", "江苏", "辽宁", "四川"]
    assert provinces_in("陕西和山西") == ["陕西", "山西"]
    assert provinces_in("没有地名") == []
