"""Meeting records: what each report says about its own meeting, each field with its source sentence."""
import csv
import io
import json

import pytest
from rich.console import Console

from qa.documents import read_document
from qa.meetings import (
    MEETING_FIELDS,
    PART_SEP,
    extract_meetings,
    holds_title,
    looks_like_name,
    person_name,
    records_missing,
    records_where,
)
from qa.meetings_view import meetings_csv, meetings_to_json, print_meetings
from qa.question import read_question
from qa.schema import Document, Section
from qa.sections import split_sections

# Written by reading each report (opening paragraphs and every mention of the meeting itself).
# province: (date, format, host, speakers, scale). "" / () where the report does not say.
# format is the verbatim parts (place, mode, branch venues, live broadcast) joined by "；".
EXPECTED = {
    "广东": ("2月18日", "在深圳设主会场；设分会场；实况直播", "省委副书记、省长王伟中", ("省委书记黄坤明",), ""),
    "江苏": ("2月18日", "视频会议；分会场", "省长许昆林",
             ("省委书记信长星", "中国科学院副院长汪克强", "中国工程院副院长邓秀新"), ""),
    "浙江": ("2月18日", "视频会议；设分会场", "省委副书记、省长王浩", ("省委书记易炼红",), ""),
    "北京": ("2月19日上午", "分会场", "市委副书记刘伟", ("市委书记尹力",), ""),
    "上海": ("2月18日上午", "", "市委副书记、市长龚正", ("市委书记陈吉宁",),
             "100余家各类中外企业、商协会和专业服务机构应邀参会"),
    "安徽": ("2月18日", "电视电话会议；设分会场", "省委副书记、省长王清宪", ("省委书记韩俊",), ""),
    "福建": ("2月18日", "在福州召开", "省委副书记、省长赵龙", ("省委书记、省人大常委会主任周祖翼",), ""),
    "江西": ("2月18日", "", "任珠峰", ("省委副书记、省长叶建春",), ""),
    "河南": ("2月18日", "在郑州召开", "孙守刚", ("省长王凯",), ""),
    "湖南": ("2月18日下午", "视频；设分会场", "", ("省委书记沈晓明", "省委副书记、省长毛伟明"), ""),
    "重庆": ("2月18日", "视频；设分会场", "市委副书记、市长胡衡华", ("市委书记袁家军",), ""),
    "四川": ("2月19日", "现场考察+电视电话会议", "省委书记、省人大常委会主任王晓晖",
             ("省委书记、省人大常委会主任王晓晖", "省委副书记、省长黄强"), ""),
    "河北": ("2月18日", "广电网络视频会议；设分会场", "省委副书记、省长王正谱", ("省委书记、省人大常委会主任倪岳峰",), ""),
    "辽宁": ("2月18日", "视频；设分会场", "省委常委、副省长王健",
             ("省委书记、省人大常委会主任郝鹏", "省委副书记、省长李乐成"), "共4.8万人参加会议"),
    "吉林": ("2月18日", "视频", "省委副书记、省长胡玉亭", ("省委书记景俊海", "省委副书记、省长胡玉亭"), "观看人次约260万"),
    "黑龙江": ("2月18日上午", "视频会议；设分会场", "省委副书记、省长梁惠玲", ("省委书记、省人大常委会主任许勤",), ""),
    "甘肃": ("2月18日", "视频", "省委副书记、省长任振鹤", ("省委书记、省人大常委会主任胡昌升",), ""),
    "云南": ("2月18日上午", "视频；设分会场", "省委书记王宁", ("省委书记王宁",), ""),
}
FIELDS = ("date", "format", "host", "speakers", "scale")


@pytest.fixture(scope="module")
def records(corpus_doc, corpus_sections):
    return extract_meetings(corpus_doc, corpus_sections)


def values_in(record, field):
    """The pieces of a field's value that its quote must contain."""
    value = getattr(record, field)
    if field == "speakers":
        return list(value)
    if field == "format":
        return value.split(PART_SEP) if value else []
    return [value] if value else []


def check_evidence(doc, sections, record):
    section = next(s for s in sections if s.label == record.section)
    for field in MEETING_FIELDS:
        pieces = values_in(record, field)
        if not pieces:
            assert field not in record.evidence, f"{record.province} {field}: evidence without a value"
            continue
        e = record.evidence[field]
        assert e.doc == doc.name
        assert doc.text[e.start : e.end] == e.quote
        assert section.start <= e.start < e.end <= section.end, f"{record.province} {field} quoted outside its report"
        for piece in pieces:
            assert piece in e.quote, f"{record.province} {field}: {piece!r} not in {e.quote!r}"


def test_there_is_one_record_per_report_and_none_for_appendices(records, corpus_sections):
    reports = [s for s in corpus_sections if s.kind == "report"]
    assert [(r.province, r.section, r.page) for r in records] == [(s.province, s.label, s.page) for s in reports]
    assert {r.province for r in records} == set(EXPECTED)
    assert all(r.doc == "jinri-keji-kuaixun-2024-06.txt" and r.doc_title == "今日科技快讯2024年第6期" for r in records)


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_of_the_builtin_corpus_matches_a_reading_of_the_reports(records, field):
    wrong = {}
    for r in records:
        expected = EXPECTED[r.province][FIELDS.index(field)]
        if getattr(r, field) != expected:
            wrong[r.province] = (getattr(r, field), expected)
    assert not wrong, f"{field} (got, expected): {wrong}"


def test_every_evidence_quote_is_verbatim_inside_its_report_and_holds_the_value(records, corpus_doc, corpus_sections):
    for r in records:
        check_evidence(corpus_doc, corpus_sections, r)


def test_the_theme_comes_from_the_title(records):
    themes = {r.province: r.theme for r in records}
    assert themes["广东"] == "全省高质量发展大会"
    assert themes["福建"] == "民营经济代表人士座谈会"
    assert themes["浙江"].endswith("高素养劳动者队伍大会")  # a comma inside the meeting's name
    assert themes["云南"] == "2024年一季度重大产业项目调度推进会"


def test_a_report_that_never_says_who_presided_has_an_empty_host(records):
    hunan = next(r for r in records if r.province == "湖南")
    assert hunan.host == "" and "host" not in hunan.evidence
    assert [r.province for r in records_missing(records, "host")] == ["湖南"]


def test_questions_about_the_meetings_are_served_by_the_records(records):
    assert [r.province for r in records_where(records, "date", lambda d: "2月18日" not in d)] == ["北京", "四川"]
    by_governor = [r.province for r in records_where(records, "host", lambda h: holds_title(h, "省长"))]
    # not 辽宁 (a 副省长 presided), not 重庆 or 上海 (市长), not 四川 or 云南 (书记)
    assert by_governor == ["广东", "江苏", "浙江", "安徽", "福建", "河北", "吉林", "黑龙江", "甘肃"]
    scales = {r.province: r.scale for r in records if r.province in ("辽宁", "吉林")}
    assert scales == {"辽宁": "共4.8万人参加会议", "吉林": "观看人次约260万"}


def test_titles_and_names_are_read_apart():
    assert holds_title("省委副书记、省长王伟中", "省长")
    assert not holds_title("省委常委、副省长王健", "省长")
    assert holds_title("省委常委、副省长王健", "副省长")
    assert holds_title("市委书记尹力", "书记") and not holds_title("省委副书记刘伟", "书记")
    assert person_name("省委书记、省人大常委会主任郝鹏") == "郝鹏"
    assert person_name("任珠峰") == "任珠峰"
    # under a title a rarer surname goes, 从 inside the name too; bare, it is no name
    assert looks_like_name("束从轩", titled=True) and not looks_like_name("束从轩")


@pytest.mark.parametrize(
    "question, field",
    [
        ("哪些省市的会议不是在2月18日召开的？", "date"),
        ("哪些会议由省长主持？", "host"),
        ("比较辽宁和吉林会议的规模", "scale"),
        ("湖南的会议是谁主持的？", "host"),
        ("各省的新春第一会是哪天召开的？", "date"),
        ("哪些会议以视频形式召开？", "format"),
        ("哪些省设了分会场？", "format"),
        ("辽宁的会议有多少人参加？", "scale"),
        ("江苏的会议上有哪些领导讲话？", "speakers"),
        ("江西一季度集中开工重大项目多少个？", None),
        ("广东提出要建设什么样的现代化新广东？", None),
        ("江苏研发投入占比何时完成十四五目标？", None),
        ("四川制造业的规模有多大？", None),
    ],
)
def test_a_question_is_mapped_to_the_meeting_field_it_asks_about(question, field):
    assert read_question(question).meeting_field == field


# --- reports the tests compose, in wordings the built-in corpus does not use ---------------------

COMPOSED = """今日测试快讯

1. 山东召开全省科技创新大会

3月1日上午，全省科技创新大会在济南召开。省委书记张东明出席会议并讲话。省长周海涛主持会议。会议以电视电话会议形式召开，各市设分会场，约2000人参加。

2. 山西召开全省营商环境推进会

春节后首个工作日，全省营商环境推进会召开。会议由副省长李国强主持。省委书记赵文华、省长孙立新在会上讲话。

3. 陕西召开全省经济工作会议

会议强调，要坚持稳中求进，扎实推动高质量发展，确保3月1日前完成一季度项目开工。

4. 河北召开全省数字经济大会

2月28日，省政府召开新闻发布会，介绍大会筹备情况。3月5日，全省数字经济大会在石家庄召开。

3月6日上午，大会分论坛在雄安举行，副省长刘晓明主持分论坛并讲话，约300名企业代表参加，分论坛以视频形式召开，各市设分会场。

会后，省长陈志远主持召开省政府常务会议。

5. 江苏召开全省制造业大会

3月1日至2日，全省制造业大会在南京召开。会议由省委书记钱伟民主持并讲话。省长孙建华作动员讲话。会议采取线上线下相结合方式召开，参会人员达1200余人。
"""


@pytest.fixture(scope="module")
def composed(tmp_path_factory):
    path = tmp_path_factory.mktemp("meetings") / "composed.txt"
    path.write_text(COMPOSED, encoding="utf-8")
    doc = read_document(path)
    sections = split_sections(doc)
    return doc, sections, {r.province: r for r in extract_meetings(doc, sections)}


def test_composed_reports_each_get_a_record_with_verbatim_evidence(composed):
    doc, sections, records = composed
    assert list(records) == ["山东", "山西", "陕西", "河北", "江苏"]
    for r in records.values():
        check_evidence(doc, sections, r)


def test_a_report_in_other_wordings_is_read_field_by_field(composed):
    shandong = composed[2]["山东"]
    assert shandong.date == "3月1日上午"
    assert shandong.format == "电视电话会议；设分会场"  # how it was held wins over where, one quote per field
    assert shandong.host == "省长周海涛"
    assert shandong.speakers == ("省委书记张东明",)
    assert shandong.scale == "约2000人参加"
    assert shandong.theme == "全省科技创新大会"


def test_a_relative_date_is_kept_verbatim_and_a_passive_host_is_found(composed):
    shanxi = composed[2]["山西"]
    assert shanxi.date == "春节后首个工作日"
    assert shanxi.host == "副省长李国强"
    assert shanxi.speakers == ("省委书记赵文华", "省长孙立新")
    assert (shanxi.format, shanxi.scale) == ("", "")


def test_a_date_range_a_host_who_also_spoke_and_a_headcount_of_participants_are_read(composed):
    jiangsu = composed[2]["江苏"]
    assert jiangsu.date == "3月1日至2日"
    assert jiangsu.host == "省委书记钱伟民"
    assert jiangsu.speakers == ("省委书记钱伟民", "省长孙建华")
    assert jiangsu.format == "线上线下相结合"
    assert jiangsu.scale == "参会人员达1200余人"


def test_a_report_that_states_nothing_about_its_meeting_has_empty_fields(composed):
    shaanxi = composed[2]["陕西"]
    assert (shaanxi.date, shaanxi.format, shaanxi.host, shaanxi.speakers, shaanxi.scale) == ("", "", "", (), "")
    assert set(shaanxi.evidence) == {"theme"}
    assert shaanxi.theme == "全省经济工作会议"


def test_nothing_is_taken_from_another_event_in_the_same_report(composed):
    hebei = composed[2]["河北"]
    assert hebei.date == "3月5日"  # not the press conference of 2月28日
    assert hebei.format == "在石家庄召开"  # not the forum's video link
    assert (hebei.host, hebei.speakers, hebei.scale) == ("", (), "")  # the forum's and the later meeting's


def test_a_section_without_a_heading_line_is_read_from_its_first_sentence():
    text = "2月20日，全省乡村振兴大会在成都召开。省委书记王晓明出席并讲话，省长黄志强主持，共3000余名干部参加会议。"
    doc = Document(name="single.html", path="single.html", text=text, sha256="0", title="四川召开全省乡村振兴大会")
    section = Section(doc.name, 1, "1", "四川", "四川召开全省乡村振兴大会", "report", None, 0, len(text))
    (record,) = extract_meetings(doc, [section])
    assert record.doc_title == "四川召开全省乡村振兴大会"
    assert (record.date, record.format, record.host) == ("2月20日", "在成都召开", "省长黄志强")
    assert (record.speakers, record.scale) == (("省委书记王晓明",), "共3000余名干部参加会议")
    # no heading line: the title's meeting name is quoted where the body names it
    assert record.theme == "全省乡村振兴大会" and record.evidence["theme"].start == text.index("全省")
    check_evidence(doc, [section], record)


# --- views ---------------------------------------------------------------------------------------

def test_json_has_exactly_the_agreed_keys_and_evidence_by_field(records):
    rows = meetings_to_json(records)
    json.dumps(rows, ensure_ascii=False)
    assert all(set(row) == {"province", "section", "title", "date", "format", "host", "speakers", "scale", "evidence"} for row in rows)
    liaoning = next(row for row in rows if row["province"] == "辽宁")
    assert liaoning["speakers"] == ["省委书记、省人大常委会主任郝鹏", "省委副书记、省长李乐成"]
    assert set(liaoning["evidence"]["scale"]) == {"quote", "doc", "start", "end"}
    assert "共4.8万人参加会议" in liaoning["evidence"]["scale"]["quote"]


def test_the_table_has_a_row_per_report_and_marks_what_is_not_stated(records):
    console = Console(record=True, width=240)
    print_meetings(records, console)
    out = console.export_text()
    for header in ("省份", "节", "日期", "形式", "主持", "讲话", "规模", "主题"):
        assert header in out
    assert "共4.8万人参加会议" in out and "任珠峰" in out and "—" in out


def test_csv_has_a_row_per_report_with_values_and_their_quotes(records):
    rows = list(csv.reader(io.StringIO(meetings_csv(records))))
    header, body = rows[0], rows[1:]
    assert header[:9] == ["省份", "节", "页", "日期", "形式", "主持", "讲话", "规模", "主题"]
    assert len(body) == 18
    hunan = next(row for row in body if row[0] == "湖南")
    assert hunan[header.index("主持")] == "" and hunan[header.index("主持原文")] == ""
    jiangsu = next(row for row in body if row[0] == "江苏")
    assert jiangsu[header.index("讲话")] == "省委书记信长星、中国科学院副院长汪克强、中国工程院副院长邓秀新"
    assert jiangsu[header.index("讲话")].split("、")[0] in jiangsu[header.index("讲话原文")]


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    text = "1. 上海召开全省测试大会\n\n=3月1日，全省测试大会召开，约100人参加。\n"
    doc = Document(name="f.txt", path="f.txt", text=text, sha256="0")
    section = Section(doc.name, 1, "1", "上海", "上海召开全省测试大会", "report", None, 0, len(text))
    (record,) = extract_meetings(doc, [section])
    assert record.evidence["date"].quote.startswith("=")  # the quote itself stays verbatim
    rows = list(csv.reader(io.StringIO(meetings_csv([record]))))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
