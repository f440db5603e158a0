"""A news agency's roundup of the day's meetings, composed before any question was asked of
it: one article with no report headings, whose paragraphs open with the places they tell of
(在广东，…; 浙江把目光投向…; 湖北：…; 山东省委书记林武在…), between a lead and a close that
speak of the places together. Each run of paragraphs is a report of the province it opens
with. Also: a province held up as a yardstick in a question (向…上海、江苏、浙江看齐) is what
was said, not where to look; a figure counts the phrase written against it in its own clause,
not one across a comma; asked at which meeting someone spoke (林武在哪个会上讲话), the
meeting is the one of the report that quotes them. And a press conference's transcript (答记者问),
whose long title, set apart by a blank line, is no sentence the wrap broke; 安徽省委书记 asks the
post 省委书记, not 委书记 (which 政法委书记 holds)."""
import pytest

from qa.conversation import resolve
from qa.documents import read_document
from qa.meetings import extract_meetings
from qa.question import read_question
from qa.schema import FRONT_PROVINCE
from qa.sections import split_sections
from qa.speakers import IMPERSONAL, OPENS, opening

from .test_grouped_and_marked_up import BULLETIN_2024
from .test_strategies import assistant_over, direct, written

AGENCY = """新春第一会，各地释放了哪些信号

新华社北京2月6日电　蛇年春节假期结束后的第一个工作日，多个省份召开“新春第一会”，聚焦高质量发展、营商环境和科技创新，为全年工作定调。

在广东，2月5日上午，省委、省政府在广州召开全省高质量发展大会，省委书记黄坤明出席并讲话，省长王伟中主持。会议以视频形式开到县（市、区），约1.2万人参加。黄坤明强调，要坚持制造业当家。

浙江把目光投向民营经济。当天在杭州召开的全省民营经济高质量发展大会上，省委书记王浩提出，全年新增减负1500亿元以上。会议表彰了100名优秀民营企业家。

江苏则聚焦科技创新。省委书记信长星在南京出席全省科技创新大会并讲话。江苏提出，2025年全社会研发投入占地区生产总值比重达到3.3%左右，高新技术企业数量突破6万家。

在四川，省委、省政府2月5日召开全省优化营商环境大会，省委书记王晓晖要求，今年内实现“高效办成一件事”重点事项清单全覆盖。省长施小琳作具体部署。

分析人士指出，各地新春第一会议题各有侧重，但共同指向一个方向：以高质量发展统揽全局。
"""

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>开年第一会，这些省份都在抓什么--地方--人民网</title>
<meta name="publishdate" content="2025-02-07"></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/difang">地方</a></div>
<div class="article">
<h1>开年第一会，这些省份都在抓什么</h1>
<div class="source">2025年02月07日08:15 | 来源：人民网－人民日报</div>
<p>　　湖北、山东、福建等多地春节后上班第一天即召开大会，部署全年重点任务。记者梳理发现，科技创新和项目建设是各地共同的关键词。</p>
<p>　　湖北：2月5日，湖北省委、省政府在武汉召开全省科技创新大会。省委书记王忠林出席并讲话，省长李殿勋主持。会议提出，2025年全省技术合同成交额突破5000亿元。</p>
<p>　　王忠林强调，要以东湖科学城为核心，加快建设武汉具有全国影响力的科技创新中心。</p>
<p>　　山东省委书记林武在济南召开的全省高质量发展大会上指出，要坚定不移推进绿色低碳高质量发展先行区建设。会议印发《2025年全省重点项目名单》，共安排省重点项目600个。</p>
<p>　　在厦门，福建省召开全省民营经济高质量发展推进会，省委书记周祖翼出席。会议发布支持民营经济发展“30条”措施，省长赵龙主持会议。</p>
<p>　　多位受访专家表示，各地开年即冲刺，释放出全力拼经济的强烈信号。</p>
<p>（责任编辑：张华）</p>
</div>
<div class="footer">人民网版权所有</div>
</body></html>"""

# one province's report, its paragraphs opening with its cities: no roundup
ONE_PROVINCE = """广东各地开足马力拼经济

在深圳，2月18日，全市高质量发展大会召开，提出今年新增规上工业企业1000家。

在广州，全市优化营商环境大会提出，今年新增市场主体30万户。

在佛山，制造业当家推进会召开，会议部署了20项重点任务。
"""


PRESS = """河北省政府新闻办“2025年全省重点项目建设”新闻发布会答记者问

2025年2月7日，河北省政府新闻办召开新闻发布会，省发展改革委党组书记、主任王成元介绍2025年全省重点项目建设有关情况，并回答记者提问。

问：今年全省重点项目安排情况如何？

王成元：2025年，全省共安排省重点建设项目700个，总投资1.2万亿元，年度计划投资2800亿元。其中，新开工项目320个，续建项目380个。

问：雄安新区今年有哪些重点项目？

省发展改革委副主任李明：雄安新区今年安排重点项目120个，年度投资700亿元。
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return written(tmp_path_factory.mktemp("roundups"), {"agency.txt": AGENCY.encode(), "page.html": PAGE.encode(),
                                                         "guangdong.txt": ONE_PROVINCE.encode(), "press.txt": PRESS.encode(),
                                                         "kuaixun-6.txt": BULLETIN_2024.encode()})


@pytest.fixture(scope="module")
def roundups(files, tmp_path_factory):
    docs = [read_document(files / n) for n in ("agency.txt", "page.html", "press.txt")]
    return assistant_over(tmp_path_factory.mktemp("roundups-index"), docs)


def _beside_2024(files, tmp_path, name: str):
    """An assistant over one composed document and the composed 2024 bulletin (广东 only)."""
    return assistant_over(tmp_path / "index", [read_document(files / name), read_document(files / "kuaixun-6.txt")])


def _parts(path):
    doc = read_document(path)
    return doc, [(s.province, doc.text[s.start : s.end]) for s in split_sections(doc)]


def test_each_run_of_paragraphs_is_a_report_of_the_place_it_opens_with(files):
    doc, parts = _parts(files / "agency.txt")
    assert [p for p, _ in parts] == [FRONT_PROVINCE, "广东", "浙江", "江苏", "四川", FRONT_PROVINCE]
    assert parts[0][1].startswith("新春第一会，各地释放了哪些信号")  # the title and the lead
    assert parts[1][1].startswith("在广东，2月5日上午") and parts[1][1].endswith("要坚持制造业当家。")
    assert parts[5][1].startswith("分析人士指出，各地")  # the close speaks of the places together: no one's
    warnings = [w for s in split_sections(doc) for w in s.warnings]
    assert len(warnings) == 1 and "roundup" in warnings[0]


def test_a_page_s_roundup_keeps_a_paragraph_that_goes_on_with_its_place(files):
    doc, parts = _parts(files / "page.html")
    assert doc.title == "开年第一会，这些省份都在抓什么"  # not …--地方--人民网
    assert [p for p, _ in parts] == [FRONT_PROVINCE, "湖北", "山东", "福建", FRONT_PROVINCE]
    assert parts[0][1].rstrip().endswith("各地共同的关键词。")  # a lead naming three places is the overview's
    assert "王忠林强调，要以东湖科学城为核心" in parts[1][1]  # names 武汉 of 全国影响力: still 湖北's
    assert "（责任编辑：张华）" in parts[4][1]


def test_one_province_s_report_that_opens_paragraphs_with_its_cities_is_no_roundup(files):
    _, parts = _parts(files / "guangdong.txt")
    assert [p for p, _ in parts] == ["广东"]


def test_a_roundup_s_report_names_its_meeting_in_its_opening(files):
    doc = read_document(files / "agency.txt")
    themes = {r.province: (r.theme, r.evidence["theme"].quote) for r in extract_meetings(doc, split_sections(doc)) if "theme" in r.evidence}
    assert themes["四川"][0] == "全省优化营商环境大会"
    assert themes["四川"][1].startswith("在四川，省委、省政府2月5日召开")  # quoted in its sentence
    assert themes["浙江"][0] == "全省民营经济高质量发展大会"  # in its second sentence
    assert themes["江苏"][0] == "全省科技创新大会"  # 出席全省科技创新大会并讲话


def test_a_roundup_answers_with_each_province_s_own_paragraphs(roundups):
    a = roundups.answer("广东的会谁主持的")
    assert a.direct_answer.text == "王伟中" and a.citations[0].province == "广东"
    assert direct(roundups, "四川的会是什么会") == "全省优化营商环境大会"
    assert direct(roundups, "湖北的会谁主持的") == "李殿勋"
    b = roundups.answer("山东共安排省重点项目多少个")
    assert b.direct_answer.text == "600个" and b.citations[0].province == "山东"
    assert {c.province for c in roundups.answer("王忠林强调要以哪里为核心").citations[:1]} == {"湖北"}


def test_a_figure_counts_the_phrase_of_its_own_clause_not_one_across_a_comma(roundups):
    # 达到3.3%左右，高新技术企业数量突破6万家: 高新 after the comma is the next figure's
    assert direct(roundups, "江苏高新技术企业数量目标是多少") == "6万家"
    assert direct(roundups, "江苏研发投入占比目标是多少") == "3.3%左右"


@pytest.mark.parametrize("question, provinces", [
    ("哪位省长要求向邻近的上海、江苏、浙江看齐，拿出新一轮改善营商环境的办法？", ()),
    ("涉及跟港澳或台湾方面合作的是哪几个省？", ()),
    ("哪个省提出要学习浙江经验？", ()),
    ("江苏要向上海学习什么？", ("江苏",)),
    ("以江苏为例，会议提出了什么？", ("江苏",)),  # 为例 holds no yardstick
    ("上海和江苏相比哪个参会人多？", ("上海", "江苏")),
])
def test_a_place_held_up_as_a_yardstick_is_no_place_to_look(question, provinces):
    assert read_question(question).provinces == provinces


def test_a_name_before_the_meeting_it_spoke_at_opens_a_speech():
    text = "山东省委书记林武在济南召开的全省高质量发展大会上指出，要坚定不移推进绿色低碳高质量发展先行区建设。"
    how, span = opening(text)
    assert how == OPENS and text[span[0] : span[1]] == "林武"


def test_where_someone_spoke_is_the_meeting_of_the_report_that_quotes_them(roundups, assistant):
    a = roundups.answer("林武在哪个会上讲话")
    assert not a.abstained and "全省高质量发展大会上指出" in a.citations[0].quote
    b = roundups.answer("王忠林在什么会上讲的话")  # 出席并讲话 names no meeting: the report's opening does
    assert not b.abstained and "召开全省科技创新大会" in b.citations[0].quote
    # the bulletin: 省委书记易炼红在会上强调，…; 黄坤明在大会上发表讲话 (the meeting referred to, not
    # named); 尹力强调，要深入贯彻…中央经济工作会议精神 (a meeting his words name is not where he spoke)
    for name, province, heading in (("易炼红", "浙江", "浙江召开全省"), ("黄坤明", "广东", "广东召开全省高质量发展大会"),
                                    ("尹力", "北京", "北京召开首都经济社会高质量发展推进大会")):
        c = assistant.answer(f"{name}在什么会上讲话")
        assert not c.abstained and c.citations[0].province == province and heading in c.citations[0].quote, c.text
    # an act done at a meeting before, which the report only mentions, is still not placed
    d = roundups.answer("《2025年全省重点项目名单》是在哪次会议上定的")
    assert d.abstained and "资料未写明是在哪次会议上" in d.text


def test_a_long_title_set_apart_by_a_blank_line_is_no_broken_sentence(files, roundups):
    doc = read_document(files / "press.txt")
    assert doc.text.startswith("河北省政府新闻办“2025年全省重点项目建设”新闻发布会答记者问\n\n2025年2月7日，")
    assert doc.year == 2025  # its first paragraph dates it in full, now that it stands on its own
    assert [s.title for s in split_sections(doc)] == ["河北省政府新闻办“2025年全省重点项目建设”新闻发布会答记者问"]
    assert direct(roundups, "谁介绍了全省重点项目建设情况") == "王成元"
    assert direct(roundups, "河北的发布会是哪天开的") == "2025年2月7日"


def test_a_province_s_party_secretary_is_asked_by_the_whole_post(assistant):
    assert read_question("安徽省委书记是谁").predicate == ("省委书记",)
    assert read_question("北京市委书记是谁").predicate == ("市委书记",)
    # the bulletin: 省委书记韩俊出席会议并讲话; 省委常委、秘书长、政法委书记…张韵声 had answered
    assert direct(assistant, "安徽省委书记是谁") == "韩俊"


def test_what_a_report_does_not_say_is_shown_from_its_own_document(files, tmp_path):
    # 广东 reported twice: the roundup gives its scale, the 2024 bulletin does not; the
    # bulletin's line quotes the bulletin's own report, not the roundup's opening
    two = _beside_2024(files, tmp_path, "agency.txt")
    a = two.answer("广东和四川的会分别多少人参加")
    unsaid = [line for line in a.text.splitlines() if line.startswith("广东（今日测试快讯")]
    assert len(unsaid) == 1 and "资料未写明参会规模" in unsaid[0]
    quote = unsaid[0].split("「")[1].split("」")[0]
    assert quote in BULLETIN_2024, unsaid[0]


def test_the_body_a_person_belongs_to_is_the_one_whose_post_leads_their_name(roundups, assistant):
    a = roundups.answer("王成元是哪个单位的")
    assert not a.abstained and "省发展改革委党组书记、主任王成元" in a.citations[0].quote
    b = roundups.answer("李明是哪个部门的")  # 省发展改革委副主任李明：…
    assert not b.abstained and b.citations[0].quote.startswith("省发展改革委副主任李明")
    # the bulletin: a sentence naming bodies (工程研究中心6家、企业技术中心129家) is no answer
    c = assistant.answer("艾学峰是哪个单位的")
    assert not c.abstained and "广东省发改委主任、省大湾区办主任艾学峰" in c.citations[0].quote


def test_a_thing_asked_again_keeps_the_place_inside_the_province_asked_about(roundups):
    r = resolve("年度投资呢", ["河北发布会上雄安新区安排了多少重点项目"])
    assert r.question == "河北发布会上雄安新区年度投资是多少？"
    a = roundups.answer("年度投资呢", history=["河北发布会上雄安新区安排了多少重点项目"])
    assert a.direct_answer.text == "700亿元"  # 雄安新区's, not the province's 2800亿元
    assert resolve("年度计划完成投资呢？", ["江西开工的项目总投资是多少？"]).question == "江西年度计划完成投资是多少？"


@pytest.mark.parametrize("text, name", [
    ("王成元：我们将实行“一项目一专班”推进机制。", "王成元"),
    ("省发展改革委副主任李明：雄安新区今年安排重点项目120个。", "李明"),
])
def test_a_transcript_s_speaker_is_named_before_a_colon(text, name):
    how, span = opening(text)
    assert how == OPENS and text[span[0] : span[1]] == name


@pytest.mark.parametrize("text", ["问：今年全省重点项目安排情况如何？", "记者：张丽"])
def test_a_transcript_s_asker_speaks_for_no_one(text):
    assert opening(text)[0] == IMPERSONAL


@pytest.mark.parametrize("text", ["时间：2025年2月10日上午", "地点：省政府第一会议室", "主持：毛伟明", "会议强调：要抓好落实。"])
def test_a_field_s_label_is_no_speaker(text):
    assert opening(text) is None or opening(text)[0] != OPENS


def test_who_said_a_transcript_s_words_is_the_speaker_before_their_colon(roundups):
    assert direct(roundups, "谁说全省共安排省重点建设项目700个") == "王成元"
    assert direct(roundups, "谁提到雄安新区年度投资700亿元") == "李明"


def test_a_measure_word_asked_is_no_part_of_the_verb_after_it(assistant):
    # 第几年开了: the segmenter glues 年开; 年 is the count's measure, 开 the verb
    assert read_question("吉林的会是第几年开了").predicate == ()
    assert read_question("举办了几届了").predicate == ("举办",)
    assert direct(assistant, "吉林的会是第几年开了") == "第四年"  # 是连续第四年召开全省优化营商环境加快项目建设大会


def test_a_long_roll_is_every_name_of_it_though_one_surname_is_rare(assistant):
    # 刘洪建、…、纳云德、岳修虎、刘勇、孙灿出席 (云南): 纳 is a rare surname; the bold was 孙灿 alone
    assert direct(assistant, "云南的会有哪些人出席").startswith("刘洪建、邱江、李石松")
    assert direct(assistant, "云南的会有哪些人出席").endswith("纳云德、岳修虎、刘勇、孙灿")


def test_which_meeting_was_held_first_asked_with_most_after_the_meeting(assistant):
    # 哪个省的会最早开: 的会 before 最 names the meeting, as before 是 or 在 (it had been refused)
    assert read_question("哪个省的会最早开").qtype == "which"
    a = assistant.answer("哪个省的会最晚召开")
    assert a.text.startswith("最晚：北京（2月19日上午）、四川（2月19日）"), a.text


def test_a_province_two_documents_report_is_counted_once(files, tmp_path):
    # 广东 in the roundup and in the 2024 bulletin: two reports, one province
    two = _beside_2024(files, tmp_path, "agency.txt")
    head = two.answer("哪些省的会上提到了高质量发展").text.splitlines()[0]
    assert head.startswith("共2个省市（3篇报道）："), head  # 广东 twice, 浙江 (民营经济高质量发展大会)
    assert head.count("广东（") == 2


def test_a_refusal_of_a_year_no_report_is_of_says_which_years_there_are(files, tmp_path):
    two = _beside_2024(files, tmp_path, "page.html")
    a = two.answer("湖北2024年技术合同成交额是多少")  # the page is of 2025; it stays in scope
    assert a.abstained and a.text.endswith("（资料中只有湖北2025年的会议报道。）"), a.text
    assert direct(two, "湖北2025年技术合同成交额目标是多少") == "5000亿元"


BOLD_LEADS = """# 各地新春第一会速览

**广东**：2月5日，全省高质量发展大会在广州召开，省委书记黄坤明出席并讲话。

**浙江**：2月5日，全省民营经济高质量发展大会在杭州召开。会议表彰了100名优秀民营企业家。

**江苏**：2月5日，全省科技创新大会在南京召开，会议表彰了246个获奖项目。
"""

GBK_PAGE = """<html><head><meta charset="gbk"><title>新春第一会综述_新闻中心</title></head><body><div class="content">
<p>多地在春节后第一个工作日召开大会。</p>
<p>在广东，全省高质量发展大会于2月5日召开，约1.2万人参加。</p>
<p>浙江：全省民营经济高质量发展大会于2月5日召开。</p>
<p>江苏省委书记信长星在南京出席全省科技创新大会并讲话。</p>
</div></body></html>"""


@pytest.mark.parametrize("name, data", [
    ("bold-leads.md", BOLD_LEADS.encode("utf-8")),  # the place in bold: **广东**：…
    ("crlf.txt", AGENCY.replace("\n", "\r\n").encode("gbk")),  # GBK with Windows line ends
    ("page.html", GBK_PAGE.encode("gbk")),  # no headline: the lead paragraph comes first
])
def test_a_roundup_is_read_in_other_encodings_and_markups(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    doc = read_document(tmp_path / name)
    provinces = [s.province for s in split_sections(doc)]
    assert provinces[0] == FRONT_PROVINCE and {"广东", "浙江", "江苏"} <= set(provinces), provinces
    first = next(s for s in split_sections(doc) if s.province == "广东")
    assert doc.text[first.start :].lstrip("*").startswith(("广东", "在广东"))
