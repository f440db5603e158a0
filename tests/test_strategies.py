"""Question reading, retrieval and the answer strategies alone, in milliseconds: a hashing
encoder stands in for e5, and the tests compose their own documents, including two issues
of a bulletin, so that citations must name their document and years narrow the search."""
import hashlib

import numpy as np
import pytest

from qa.assistant import Assistant
from qa.config import AnswerSettings, BuildSettings, Paths
from qa.documents import read_document
from qa.gazetteer import LISTED_ABBREVIATIONS
from qa.index_store import load_index, write_index
from qa.indexing import assemble
from qa.phrases import abbreviates
from qa.question import read_question
from qa.schema import Document


class HashEncoder:
    """Character bigrams hashed into 384 dimensions: similar wording, similar vectors."""

    dim = 384
    name = "test/hash-encoder"

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for a, b in zip(text, text[1:]):
            v[int(hashlib.md5((a + b).encode()).hexdigest()[:8], 16) % self.dim] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def encode_query(self, text: str) -> np.ndarray:
        return self._vec(text)

    def encode_passages(self, texts, batch_size: int = 16) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts])

    encode_queries = encode_passages


ISSUE = """今日测试快讯

{year}年第{issue}期

1. 海南召开全省自由贸易港建设大会

2月{day}日，海南省委、省政府在海口召开全省自由贸易港建设大会。省委书记冯飞出席会议并讲话，省长刘小明主持会议。会议提出，今年将新增市场主体{count}万户。

2. 贵州召开全省大数据产业推进会

2月{day}日，贵州省在贵阳召开大数据产业推进会，会议以视频形式召开，各市设分会场。会议提出算力规模突破{power}亿亿次。
"""


def bulletin_doc(name: str, text: str, year: int, issue: int, page_starts=()) -> Document:
    return Document(name=name, path=name, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    title=f"今日测试快讯{year}年第{issue}期", year=year, issue=f"{year}年第{issue}期", page_starts=page_starts)


def make_doc(name: str, year: int, issue: int, day: int, count: int, power: int) -> Document:
    return bulletin_doc(name, ISSUE.format(year=year, issue=issue, day=day, count=count, power=power), year, issue)


def direct(assistant: Assistant, question: str) -> str | None:
    """The direct answer to a question that must be answered (None: the answer opens with no span)."""
    a = assistant.answer(question)
    assert not a.abstained, a.text
    return a.direct_answer.text if a.direct_answer else None


def refused(assistant: Assistant, question: str) -> str:
    """The text of the refusal a question must get."""
    a = assistant.answer(question)
    assert a.abstained, a.text
    return a.text


def first_quote(assistant: Assistant, question: str) -> str:
    """The first quote of the answer a question must get."""
    a = assistant.answer(question)
    assert not a.abstained, a.text
    return a.citations[0].quote


def assistant_over(folder, docs: list[Document]) -> Assistant:
    """An index of the composed documents, built with the hashing encoder, and its assistant."""
    paths = Paths(index_dir=folder, cache_dir=folder / "cache")
    data, _, _ = assemble(docs, BuildSettings(model=HashEncoder.name), paths, encoder=HashEncoder())
    write_index(folder, data)
    # the thresholds are calibrated on e5's similarity scale; hashed bigrams sit far lower
    return Assistant(load_index(folder), HashEncoder(), AnswerSettings(min_dense=0.2))


def assistant_over_report(folder, name: str, text: str) -> Assistant:
    """An assistant over one composed report, saved as `name` (its suffix says its format)."""
    (folder / "docs").mkdir()
    path = folder / "docs" / name
    path.write_text(text, encoding="utf-8")
    return assistant_over(folder / "index", [read_document(path)])


def written(folder, files: dict[str, bytes]):
    """The composed documents written into `folder` as a user adds them, byte for byte."""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def over_bulletin(tmp_path_factory, name: str, text: str, issue: int) -> Assistant:
    """An assistant over one composed 2024 bulletin, for a module's tests."""
    return assistant_over(tmp_path_factory.mktemp(name), [bulletin_doc(f"{name}.txt", text, 2024, issue)])


@pytest.fixture(scope="module")
def two_issues(tmp_path_factory):
    docs = [make_doc("2023-02.txt", 2023, 2, 20, 30, 100), make_doc("2024-06.txt", 2024, 6, 18, 40, 150)]
    return assistant_over(tmp_path_factory.mktemp("two-issues"), docs)


def test_a_question_naming_a_year_is_answered_from_that_year_s_issue(two_issues):
    a = two_issues.answer("2023年海南今年将新增市场主体多少万户？")
    assert not a.abstained
    assert a.citations[0].doc == "2023-02.txt" and a.direct_answer.text == "30万户"
    b = two_issues.answer("2024年海南今年将新增市场主体多少万户？")
    assert b.citations[0].doc == "2024-06.txt" and b.direct_answer.text == "40万户"


def test_citations_name_their_document_when_the_index_holds_several(two_issues):
    a = two_issues.answer("2024年贵州算力规模要突破多少？")
    assert a.citations[0].doc_title == "今日测试快讯2024年第6期"
    assert "今日测试快讯2024年第6期·贵州" in a.text


def test_every_meeting_and_the_last_one_are_read_issue_by_issue(two_issues):
    a = two_issues.answer("哪些省开了新春第一会？")
    assert a.text.startswith("资料中共有2个省市的会议报道（4篇）"), a.text  # 海南 and 贵州, each in two issues
    # the records hold no year: 2月20日 of 2023 is not later than 2月18日 of 2024
    b = two_issues.answer("哪个省最晚开会？")
    # two issues that disagree: no verdict unless the year chooses one
    assert two_issues.answer("海南的会是2月18日开的吗？").verdict == ""
    assert two_issues.answer("2024年海南的会是2月18日开的吗？").verdict == "是"
    assert b.text.startswith("最晚（各期分别）：") and b.text.count("今日测试快讯2023年第2期") >= 2 and b.text.count("今日测试快讯2024年第6期") >= 2, b.text


def test_the_same_province_in_two_issues_is_two_sources(two_issues):
    a = two_issues.answer("哪些会议以视频形式召开？")
    assert a.mode == "meeting"
    # (one province, two reports: counted once, listed twice)
    assert a.text.startswith("共1个省市（2篇报道）：贵州（今日测试快讯2023年第2期）、贵州（今日测试快讯2024年第6期）")


def test_a_meeting_the_records_answer_names_its_host(two_issues):
    a = two_issues.answer("2024年海南的会议由谁主持？")
    assert not a.abstained and a.direct_answer.text == "刘小明"
    assert a.citations[a.direct_answer.rank - 1].doc == "2024-06.txt"


def test_a_province_with_no_report_is_refused(two_issues):
    assert "资料中没有西藏的会议报告" in refused(two_issues, "西藏的会议提出了什么？")


@pytest.mark.parametrize("text, qtype, kind, unit", [
    ("江西一季度集中开工了多少个重大项目？", "figure", "figure", "个"),
    ("辽宁大会共有多少人参加？", "figure", "figure", "人"),
    ("年度计划投资多少亿元？", "figure", "figure", "元"),
    ("云南已连续第几个季度调度重大产业项目？", "figure", "figure", "第季度"),
    ("北京的会议是哪天召开的？", "date", "date", "日"),  # a day is asked
    ("吉林的大会是农历哪天开的？", "date", "date", "农历"),
    ("会议由谁主持？", "person", "person", ""),
    ("主会场设在哪座城市？", "place", "place", "市"),
    ("作交流发言的那个县叫啥？", "place", "place", "县"),
    ("京推进大会由哪个领导主持？", "person", "person", ""),
    ("出席的省政协主席是哪一位？", "person", "person", ""),
    ("粤高质量发展大会上播放的专题片叫什么？", "fact", "name", ""),
    ("产业项目投资占几成？", "figure", "figure", "%"),
    ("哪个省打算组织企业出海？", "fact", None, ""),  # the citation's province answers
    ("上海营商环境大会上哪几家单位作了交流发言？", "fact", None, ""),  # which ones, not how many
    ("任振鹤提到了哪几场“战”？", "fact", None, ""),  # 哪几场 asks meetings only of a 会
    ("哪几场座谈会有企业家发言？", "which", None, ""),
    ("哪些省份提到了营商环境？", "which", None, ""),
    ("总书记是几月份来视察的？", "date", "date", "月"),
    ("那批项目总投资多少个亿？", "figure", "figure", "元"),
    ("全社会研发投入是多少？", "figure", "figure", "元"),
    ("产业项目大概占多少？", "figure", "figure", "%"),
    ("出席并讲话的市委书记", "person", "person", ""),  # a post alone, typed into a chat, asks who
    ("甘肃推进会上哪几个市作了交流发言？", "place", "place", "市"),  # cities inside the province named
    ("宣传片的片名是什么？", "fact", "name", ""),
    ("广东和江苏的会议有何不同？", "compare", None, ""),
    ("广东大会是在农历新春第一个工作日开的，那是几月几日？", "date", "date", "日"),  # 农历 describes, the calendar date is asked
    ("要扎实做好哪个时段的开门红？", "date", "date", "时段"),
    ("要在哪几个方面实现新突破？", "summary", None, ""),  # 在哪几个方面 asks for a list, not a place
    ("要健全一个什么样的管理机制？", "fact", None, ""),  # 什么样 asks what it is like, not its name
    ("浙江大会上有哪些地方作了交流发言？", "place", "place", ""),  # places inside the one province named
    ("总书记是什么时候视察河北的？", "date", "date", "时候"),  # 去年 answers when no date is given
    ("北京的大会是什么时候开的？", "date", "date", ""),  # a meeting's day is a date
    ("这几大类产业一共汇集了多少个项目？", "figure", "figure", "个"),  # 这几大类 points, 多少个 asks
    ("江苏推进会上作交流发言的那个园区叫什么？", "place", "place", "园区"),
    ("在哪次会议上提出来的？", "fact", None, ""),  # which meeting, not which place
    ("那场视频大会是几月几号开的？", "date", "date", "日"),
    ("周祖翼和十几位民营企业家座谈，地点在哪个城市？", "place", "place", "市"),  # 十几位 is some, not how many
    ("要提升干部的几种能力，是为了干好哪几件事？", "fact", None, ""),  # 的几种 is "the several"; 哪几件 asks
    ("要提升干部的几种能力？", "figure", "figure", "种"),
    ("16个州（市）里，哪个州（市）第一个发言？", "place", "place", "州"),  # a prefecture is a place
    ("信长星给哪个联盟授了牌？", "fact", None, ""),  # 联盟 is no league of 内蒙古
    ("比“十四五”目标提前了多久完成？", "figure", "figure", "时长"),  # a span of time
    ("省直部门要在多长时限内给出答复？", "figure", "figure", "时长"),
    ("当年那封回信是写给哪些企业家的？", "person", "person", ""),  # people asked by what they are
    ("倪岳峰对营商环境的考核指标体系是什么态度？", "fact", None, ""),  # 体系是什么态度 asks no name
    ("哪个城市要把治污行动搞得更深入？", "fact", None, ""),  # what a city wants done: a municipality's report says it
    ("西南地区哪个直辖市要推动政务事项跨省通办？", "fact", None, ""),  # a region only narrows which one
    ("哪个城市作了交流发言？", "place", "place", "市"),  # a city named inside a report
    ("甘肃会上作交流发言的县是哪个？", "place", "place", "县"),  # the level before the question word
    ("吉林大会上一起汇报工作的自治州是哪个？", "place", "place", "州"),
    ("河南推进会上发言的县和县级市有哪些？", "place", "place", ""),  # two levels together: any place answers
    ("江西那批集中开工的项目，总投资盘子多大？", "figure", "figure", "元"),  # a noun of size, then 多大
    ("沈阳那场动员会参会规模一共有多大？", "figure", "figure", ""),
    ("这项改革对企业的影响多大？", "fact", None, ""),  # no noun of size: no figure
])
def test_question_types_kinds_and_units(text, qtype, kind, unit):
    q = read_question(text)
    assert (q.qtype, q.kind, q.unit) == (qtype, kind, unit)


@pytest.mark.parametrize("text, predicate", [
    ("江西那批开工的项目，总投资规模多大？", ("投资",)),  # 规模 only says a figure is asked
    ("沈阳那场动员会参会规模多大？", ("参会",)),
    ("粤省重点项目今年的年度投资盘子有多大？", ("年度", "投资")),
    ("成渝地区双城经济圈的经济总量达到多少？", ("经济总量",)),  # 经济总量 is a measure of its own
])
def test_the_size_asked_is_of_what_the_sentence_must_hold(text, predicate):
    assert read_question(text).predicate == predicate


SIZES = """# 贵州省召开全省数字经济发展大会

2月19日上午，贵州省委、省政府在贵阳召开全省数字经济发展大会，会议以视频形式召开，各市州设分会场，共1.2万人参加会议。

会议提出，今年要集中开工数字经济重大项目326个，总投资1280亿元。
"""


def test_a_size_asked_with_its_noun_is_answered_by_the_figure(tmp_path):
    a = assistant_over_report(tmp_path, "guizhou.md", SIZES)
    assert direct(a, "贵州今年集中开工的数字经济项目，总投资盘子多大？") == "1280亿元"
    assert direct(a, "贵州那场大会连同分会场，参会规模多大？") == "1.2万人"


@pytest.mark.parametrize("text, parts", [
    ("责任编辑是谁？电话是多少？", ["责任编辑是谁", "电话是多少"]),
    ("广东大会上是谁发表讲话、谁主持会议？", ["广东大会上是谁发表讲话", "谁主持会议"]),
    ("江西连续第几年集中开工，又是连续第几年召开动员大会？", ["江西连续第几年集中开工", "又是连续第几年召开动员大会"]),
    ("哪个省计划让评标专家和投标人互相不知道对方是谁？", []),  # one question: 谁 is inside it
    ("易炼红围绕“人”提了好几个“聚焦”，具体是怎么说的？概括一下", []),  # 好几个 asks nothing; 概括一下 is an instruction
    ("新时代民营经济强省战略是哪一年、在哪次会议上提出来的？", ["新时代民营经济强省战略是哪一年", "在哪次会议上提出来的"]),
])
def test_multi_part_questions_are_split_only_where_a_new_question_begins(text, parts):
    q = read_question(text)
    assert [p.text for p in q.parts] == parts


def test_a_later_part_inherits_the_province_of_the_first():
    q = read_question("广东今年安排了多少个省重点建设项目？年度计划投资多少？")
    assert [p.provinces for p in q.parts] == [("广东",), ("广东",)]


def test_the_predicate_is_the_words_next_to_the_question_word():
    assert read_question("湖南的会议是由谁主持的？").predicate == ("主持",)
    assert read_question("一共有多少人参会？").predicate == ("参会",)
    # the measure word is the question's, not glued to the noun counted (位省); 项目 is a word
    assert read_question("湖南会上有多少位省领导出席？").predicate == ("出席",)
    assert read_question("有多少项目开工？").predicate == ("项目", "开工")
    # who said it: what was said stands before 的是, and the answer must say it
    assert read_question("要求做好一季度开门红开门好的是哪位领导？").predicate == ("开门红", "开门")
    # the verb that only says a meeting took place asks for the venue or the day
    assert read_question("那场招商引资会开在哪里？").predicate == ("召开",)
    assert read_question("座谈会安排在哪一天？").predicate == ()
    # 目前 frames the question; 深圳占了多少: the share belongs to 深圳
    assert "目前" not in read_question("目前有几家国家布局的工程研究中心？").predicate
    assert read_question("其中深圳占了多少个？").predicate == ("深圳",)
    # 两年来 scopes the sentence; it sits next to no figure
    assert "两年" not in read_question("两年来建成投产了几个项目？").clause_words
    # a pair the segmenter glued to a function word (里排, 名里) is no key word; 选在 keeps its verb
    assert read_question("有个指标已经连续8年在全国省区里排第一——是哪个指标，数值多少？").predicate == ("全国", "省区")
    assert "名里" not in read_question("全国高新区前20名里占了几个位置？").predicate
    assert "另一项" not in read_question("一项是9.4万家，另一项有多少？").predicate  # a count points back


@pytest.mark.parametrize("text, numbered", [
    ("打造湖南几个“高地”？", ("个", "高地")),
    ("那个闭环工作法叫“几化”？", ("", "化")),
    ("要统筹做好几篇“大文章”？", ("篇", "大文章")),  # 做好 + 几篇: asked
    ("要让项目做到哪“几早”？", ()),  # which ones, not how many
    ("提了好几个“聚焦”，具体怎么说的？", ()),  # 好几个: a quantity, not a question
])
def test_the_number_inside_a_slogan_s_name_is_asked(text, numbered):
    assert read_question(text).numbered == numbered


def test_a_meeting_s_date_is_asked_whatever_else_describes_it():
    q = read_question("吉林把今年定为“狠抓落实年”的那场视频大会，公历是几月几号开的？")
    assert q.about_meeting and q.meeting_field == "date" and q.predicate == ()  # 视频 only describes it
    assert read_question("那场龙江会议在哪个城市召开？").predicate == ("召开",)


def test_what_a_question_offers_names_or_quotes():
    # 上午开的还是下午开的: the answer must name one side
    assert read_question("推进会是上午开的还是下午开的？").choices == (("上午",), ("下午",))
    assert read_question("吉林的大会是线上开还是线下开？").choices == ()  # no real word on one side: no check
    # a person whose words are asked for; 会议指出 names no one
    assert read_question("王正谱在大会上讲话强调了哪些内容？").speaker == "王正谱"
    assert read_question("会议指出了什么？").speaker == ""
    assert read_question("会上谁强调要优化营商环境？").speaker == ""  # who is asked, not named
    # either quoted phrase will do when they are joined by 或
    assert read_question("“减会精文”或“精文减会”出现在哪些地方的报道里？").quoted_any
    assert not read_question("哪些省提到了“新质生产力”和“高质量发展”？").quoted_any
    assert not read_question("同时提到“第一资源”“第一动力”的是哪些省？").quoted_any
    assert read_question("用到“第一资源”“第一动力”这类说法的是哪些省？").quoted_any  # examples of a kind
    # the 中 of 中心 is no function word: 中心分了几级 has no predicate head 心分
    assert read_question("治理中心分了几级？").predicate_head == ""
    # 哪“几早”: a quoted question word is no phrase the report holds
    assert read_question("要让项目做到哪“几早”？").quoted == ()


def test_a_comparison_across_two_issues_keeps_each_issue_on_its_own_line(two_issues):
    a = two_issues.answer("海南和贵州的大会提出了什么？")
    assert a.mode == "compare" and not a.abstained
    labels = [line.split("：")[0] for line in a.text.split("\n")]
    assert sorted(labels) == ["海南（今日测试快讯2023年第2期）", "海南（今日测试快讯2024年第6期）",
                              "贵州（今日测试快讯2023年第2期）", "贵州（今日测试快讯2024年第6期）"]


@pytest.mark.parametrize("text, province", [("粤高质量发展大会在哪开的？", "广东"), ("苏那个推进会由谁主持？", "江苏"),
                                            ("京推进大会上谁讲了话？", "北京"), ("苏州工业园区有多少所名校？", "江苏"),
                                            ("闽省座谈会哪天开的？", "福建"), ("鲁省的会议谁主持？", "山东")])
def test_a_one_character_province_name_opening_a_question_is_read(text, province):
    assert read_question(text).provinces == (province,)


@pytest.mark.parametrize("text, provinces", [
    ("粤、浙两省在人才工作上各用了什么提法？", ("广东", "浙江")),
    ("川渝都用了“四梁八柱”的说法，两边各指什么？", ("四川", "重庆")),
    ("京、湘、陇三地都想培养什么样的干部？", ("北京", "湖南", "甘肃")),
    ("闽、黑两省都提到“四下基层”，用意一样吗？", ("福建", "黑龙江")),  # 黑 alone starts words; in a list it is a name
    ("云贵两省的会分别在哪天开？", ("云南", "贵州")),
    ("江苏、浙江两省的会分别在哪天开？", ("江苏", "浙江")),  # named in full: the gazetteer's, read once
])
def test_provinces_listed_by_their_one_character_names_are_compared(text, provinces):
    q = read_question(text)
    assert q.provinces == provinces and q.qtype in ("compare", "multi")
    assert not set(q.terms) & set(LISTED_ABBREVIATIONS)  # the names are no key words


@pytest.mark.parametrize("text", ["新晋两位院士是谁？", "吉利和比亚迪都在会上发言了吗？", "新、老两代企业家各有什么诉求？"])
def test_one_character_names_that_are_no_list_of_places_are_not_provinces(text):
    assert read_question(text).provinces == ()


@pytest.mark.parametrize("text", ["豫、湘两场会分别由谁主持？", "河南和湖南的会分别由谁主持？", "那场会是谁主持的？"])
def test_the_meeting_is_asked_about_however_it_is_called(text):
    q = read_question(text)
    assert q.about_meeting and q.meeting_field == "host"


def test_spoken_forms_are_read_as_written_ones_and_the_question_is_kept_as_asked():
    q = read_question("皖那场会上作交流发言的老乡鸡创始人叫啥")
    assert q.kind == "person" and q.provinces == ("安徽",) and q.asked.endswith("叫啥")


@pytest.mark.parametrize("kind, unit, text, expected", [
    ("figure", "%", "其中产业项目投资超过一半。", ["超过一半"]),
    ("figure", "个", "连续第9个季度调度重大产业项目，推动6156个项目", ["6156个"]),  # 第9个 is an ordinal
    ("figure", "元", "全省进出口额挺进千亿美元俱乐部", []),  # 千亿 alone is no number
    ("figure", "人", "开展“千名干部进千企”活动，走进千家万户", ["千名"]),  # a slogan's round count; 千家万户 is none
    ("figure", "", "万人发明专利拥有量62.1件", ["62.1件"]),  # 万人 is the rate's base
    ("place", "", "在西部地区的现代化进程中发挥引领示范作用", ["西部地区"]),  # a region with its 地区
    ("figure", "", "电话：0531—51751367", ["0531—51751367"]),
    ("figure", "个", "每年滚动推进1000个左右投资10亿元以上的项目", ["1000个左右"]),  # 个 named before 10亿元 is another's; 左右 is the figure's
    ("figure", "人", "观看人次约260万", ["约260万"]),  # the unit right before the number
    ("date", "月", "去年视察时强调，2月18日召开", ["2月18日"]),  # 几月份: a date that names its month
    ("date", "年", "行动方案(2024—2026年)", ["2024—2026年"]),
    ("place", "县", "兰州市、定西市、甘谷县、省交通运输厅作交流发言", ["甘谷县"]),
    ("person", "", "孙守刚主持会议并作工作安排，刘玉江、孙运锋、张敏出席。", ["孙守刚", "刘玉江", "孙运锋", "张敏"]),
    ("name", "", "会上播放了《产业科技，时代浪潮》专题片", ["产业科技，时代浪潮"]),
    ("place", "", "在西北振兴中发挥好龙头作用", ["西北"]),  # a region lies in no one province
    ("date", "时段", "当前要扎实做好一季度工作，确保上半年双过半", ["一季度", "上半年"]),
    ("date", "年", "从今年开始，我省启动实施三年行动", ["今年"]),  # the report's own word for the year
    ("date", "时候", "习近平总书记去年视察河北时强调", ["去年"]),
    ("figure", "个", "项目建设的一个重点，是让签约的早开工", []),  # 一个 is an article here
    ("person", "", "会议期间，黄坤明等省领导还参观了成果展。", ["黄坤明"]),
    ("person", "", "龚正就贯彻落实本次会议精神指出，要按照市委部署要求。", ["龚正"]),
    ("place", "城市", "把陇原人民思变图强的发展意识转化为强大动力", []),
    ("place", "市", "在西北振兴中走在前列，会议在兰州召开", ["兰州"]),  # a city is asked: a region is none
    ("place", "开发区", "各县区及兰州经济技术开发区主要负责同志参会", ["兰州经济技术开发区"]),  # a zone named after its city
    ("place", "", "推进中心城区强核提能级，深化渝西地区高质量发展，建设现代化渝东新城", ["渝西地区", "渝东新城"]),  # not 深化渝西地区
    ("place", "区", "深化渝西地区高质量发展，建设现代化渝东新城，面向西部", []),  # 区县 asked: a region or a new town is none
    ("place", "", "兰州新区、兰州高新区作交流发言", ["兰州新区", "兰州高新区"]),
    ("date", "年", "2月18日，2024年一季度调度推进会召开", ["2024年"]),  # 哪一年: 2月18日 names none
    ("figure", "第", "2月18日是春节后上班第一天", []),  # 排第几: 第一天 ranks nothing  # the province's literary name is no place inside it
    # units of computing, storage and power written in Latin letters; 5G is a technology
    ("figure", "", "算力总规模突破50EFLOPS，存储容量达到30EB，建成5G基站", ["50EFLOPS", "达到30EB"]),
    ("figure", "", "新型储能装机达到2GW，年发电量超过80亿kWh", ["达到2GW", "超过80亿kWh"]),
])
def test_spans_of_each_kind(kind, unit, text, expected):
    from qa.answering.spans import find

    assert [text[a:b] for a, b in find(kind, text, unit, ("甘肃",) if kind == "place" else ())] == expected


@pytest.mark.parametrize("sentence, how, name", [
    ("市委书记陈吉宁在会上强调，营商环境没有最好，只有更好。", "opens", "陈吉宁"),
    ("叶建春在讲话中指出，我们对一季度具备条件的项目集中开工。", "opens", "叶建春"),
    ("省长王凯出席并讲话，强调要深入贯彻中央经济工作会议精神。", "opens", "王凯"),
    ("附：广东省委副书记、深圳市委书记孟凡利讲话摘录", "opens", "孟凡利"),  # a speech excerpt's heading
    ("龚正就贯彻落实本次会议精神指出，要按照市委部署要求。", "opens", "龚正"),  # what the words are on
    ("尤肖虎结合实验室发展提出自己的理解。", "opens", "尤肖虎"),
    ("他强调，要深入学习贯彻习近平总书记重要讲话精神。", "passes", None),  # the name is further back
    ("会议指出，要坚持稳中求进。", "impersonal", None),  # a speech no person gives
    ("批示指出，项目建设是硬抓手。", "instructed", None),  # the one who gave the instruction says it
    ("要落实重点任务，按照实施方案要求，加强能力建设。", None, None),  # the plan's requirement
    ("当前要扎实做好一季度“开门红”工作。", None, None),
])
def test_how_a_sentence_opens_a_speech(sentence, how, name):
    from qa.speakers import opening

    found = opening(sentence)
    assert (found[0] if found else None) == how
    if name:
        a, b = found[1]
        assert sentence[a:b] == name


def test_a_quoted_template_is_held_when_its_pieces_stand_in_order():
    from qa.answering.context import holds_phrase

    text = "精准对接国家战略确保招引得准，积极融入链群生态确保切合得紧"
    assert holds_phrase("确保……得……", text) and holds_phrase("链群生态", text)
    assert not holds_phrase("得……确保……得……确保……得……确保", text) and not holds_phrase("……", text)


@pytest.mark.parametrize("sentence, name", [
    ("会议传达了楼阳生就项目建设作出的工作批示。", "楼阳生"),  # a rare surname, after 传达了
    ("省长王凯作出批示。", "王凯"),  # a two-character name after its title
    ("会议强调要作出新的部署。", None),
])
def test_who_gave_the_instruction_a_meeting_relays(sentence, name):
    from qa.speakers import instructor

    found = instructor(sentence)
    assert (sentence[found[0]:found[1]] if found else None) == name


SPEECH = """今日测试快讯

2024年第3期

1. 海南召开全省营商环境大会

2月18日，海南省委、省政府在海口召开全省营商环境大会。省委书记冯飞出席会议并讲话。

冯飞强调，要对标国际一流营商环境。要持续推进证照分离改革。要让椰林园区的审批时限压缩到三个工作日以内。

会议指出，要完善政企沟通机制。要建立企业诉求台账制度。

省长刘小明主持会议。会上，海口市、三亚市、儋州市作交流发言，省发展改革委、省商务厅等单位作表态发言。

冯飞要求，抓好营商环境7.0版行动方案120项改革举措的落地见效。
"""


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "speech", SPEECH, 3)


def test_who_said_it_is_the_speaker_named_sentences_before(speech):
    a = speech.answer("谁要求把椰林园区的审批时限压缩到三个工作日以内？")
    assert not a.abstained and a.direct_answer.text == "冯飞"
    shown = a.citations[a.direct_answer.rank - 1].quote
    assert shown.startswith("冯飞强调") and "椰林园区" in shown  # one quote, verbatim, from the speaker on


def test_a_speech_the_meeting_gives_names_no_speaker(speech):
    a = speech.answer("谁要求建立企业诉求台账制度？")
    assert a.direct_answer is None or a.direct_answer.text != "冯飞"


def test_a_named_speaker_s_words_are_his_not_another_s(speech):
    a = speech.answer("冯飞在大会上讲话强调了什么？")
    assert not a.abstained and all("刘小明" not in c.quote for c in a.citations[:1])
    # 刘小明 presided; no speech of his is reported, so 冯飞's words are no answer
    assert "刘小明" in refused(speech, "刘小明在大会上讲话强调了哪些内容？")


def test_a_list_is_counted_when_the_report_gives_no_number(speech):
    a = speech.answer("有几家单位作了交流发言？")
    assert not a.abstained and a.direct_answer.text == "海口市、三亚市、儋州市" and "报道列出3家" in a.text
    # 甲、乙等: some of them, not how many; nor are both lists, asked who spoke at all
    assert "只列出2家" in refused(speech, "有几家单位作了表态发言？")
    assert "只列出5家" in refused(speech, "有几家单位作了发言？")


TWO_SPEAKERS = """今日测试快讯

2024年第4期

1. 山西召开全省营商环境推进会

2月18日，全省营商环境推进会召开。省委书记赵文华，省委副书记、省长孙立新出席会议并讲话。副省长李国强主持会议。会议在太原设主会场，在大同市、长治市设分会场。

会议以视频会议形式召开，各县设分会场。

赵文华指出，要把优化营商环境作为全省的头号工程，让企业办事像网购一样方便。

孙立新强调，要在一季度完成煤炭企业智能化改造项目的全部审批，三月底前开工建设。
"""


@pytest.fixture(scope="module")
def two_speakers(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "two-speakers", TWO_SPEAKERS, 4)


def test_who_spoke_is_every_speaker_the_report_lists(two_speakers):
    a = two_speakers.answer("山西的会上谁讲的话？")
    assert not a.abstained and a.direct_answer.text == "赵文华，省委副书记、省长孙立新"


def test_a_venue_asked_is_the_place_in_its_own_clause(two_speakers):
    # 太原 is the main venue's, in the clause before
    a = two_speakers.answer("山西的会议分会场设在哪里？")
    assert not a.abstained and a.direct_answer is not None and a.direct_answer.text == "大同市、长治市", a.text
    assert two_speakers.answer("山西的会议主会场设在哪里？").direct_answer.text == "太原"


THREE_MEETINGS = """今日测试快讯

2024年第5期

节后首个工作日，海南、贵州、宁夏等地召开新春第一会。海南、贵州两省提到了数字经济，宁夏聚焦生态保护和黄河治理。

1. 海南召开全省数字经济大会

2月18日，海南省委、省政府在海口召开全省数字经济大会。会议提出，今年数字经济增加值增长12%。

2. 贵州召开全省大数据产业推进会

2月18日，贵州省在贵阳召开大数据产业推进会。会议提出，数字经济要成为全省经济的重要增长极。

3. 宁夏召开全区生态保护大会

2月19日，宁夏回族自治区党委、政府在银川召开全区生态保护大会。会议要求，坚持生态保护和黄河治理一起抓。
"""


@pytest.fixture(scope="module")
def three_meetings(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "three-meetings", THREE_MEETINGS, 5)


def test_which_provinces_held_the_meeting_is_every_report_s_meeting(three_meetings):
    for question in ("哪些省开了新春第一会？", "一共有多少个省开了新春第一会？"):
        a = three_meetings.answer(question)
        assert not a.abstained and a.text.startswith("资料中共有3个省市的会议报道：海南、贵州、宁夏"), a.text
        assert set(a.provinces) == {"海南", "贵州", "宁夏"} and a.direct_answer is None


def test_a_count_of_provinces_is_the_count_the_documents_state_or_the_list_of_them(three_meetings):
    # the overview counts them: its figure answers, quoted
    a = three_meetings.answer("有几个省提到了数字经济？")
    assert not a.abstained and a.direct_answer.text == "两省" and a.citations[0].province == "总述"
    # nothing counts them: the provinces that say it, listed and counted; never another figure (12%)
    b = three_meetings.answer("几个省是2月19日开的会？")
    assert not b.abstained and b.provinces == ("宁夏",) and b.direct_answer is None, b.text
    assert read_question("广东今年安排了多少个省重点建设项目？").qtype == "figure"  # 省 as a level of projects counts no province


def test_the_meeting_held_first_or_last_is_read_from_the_records_dates(three_meetings):
    a = three_meetings.answer("哪个省最晚开会？")
    assert not a.abstained and a.provinces == ("宁夏",) and a.text.startswith("最晚：宁夏（2月19日）"), a.text
    b = three_meetings.answer("哪些省的会开得最早？")
    assert set(b.provinces) == {"海南", "贵州"}  # the same day: a tie, both named
    c = three_meetings.answer("宁夏和海南哪边先开的会？")
    assert c.text.startswith("最早：海南（2月18日）") and {"宁夏", "海南"} <= {x.province for x in c.citations[:2]}
    assert three_meetings.answer("海南和贵州哪边先开的会？").text.startswith("同一天召开")
    # 最早开工: a project's start, not a meeting's
    assert read_question("哪个省的项目最早开工？").meeting_field is None


@pytest.mark.parametrize("question, said, direct", [
    ("山西的推进会是2月18日开的吗？", "是。", "2月18日"),
    ("山西的推进会是不是19号开的？", "不是。", "2月18日"),  # a day alone names the date asked
    ("山西的会议是李国强主持的吗？", "是。", "李国强"),
    ("山西的会议是孙立新主持的吗？", "不是。", "李国强"),  # he spoke; the record's one host is 李国强
    ("山西的会议是省长主持的吗？", "不是。", "李国强"),  # 副省长 holds no 省长 post
    ("山西的推进会是在太原开的吗？", "是。", None),
    ("山西的推进会是在晋中开的吗？", "不是。", None),
    ("山西的推进会设分会场了吗？", "是。", None),
])
def test_a_yes_or_no_question_about_the_meeting_opens_with_the_record_s_verdict(two_speakers, question, said, direct):
    a = two_speakers.answer(question)
    assert not a.abstained and a.text.startswith(said + "\n"), a.text
    assert direct is None or a.direct_answer.text == direct
    assert a.citations[0].province == "山西"


def test_a_yes_or_no_question_the_record_cannot_settle_gets_no_verdict(two_speakers):
    # the speakers listed need not be all who spoke: absence is no "no"
    a = two_speakers.answer("山西的会上李国强讲话了吗？")
    assert not a.text.startswith(("是。", "不是。")), a.text
    assert two_speakers.answer("山西的会上孙立新讲话了吗？").text.startswith("是。")
    # 省会: a name the records do not use for a city
    assert not two_speakers.answer("山西的推进会是在省会开的吗？").text.startswith(("是。", "不是。"))


def test_whether_a_report_mentions_something_is_said_only_from_its_own_words(two_speakers):
    a = two_speakers.answer("山西的会上有没有提到网购？")
    assert a.text.startswith("有。\n") and "网购" in a.citations[0].quote
    assert not two_speakers.answer("山西的会上有没有提到数字人民币？").text.startswith("有。")


def test_what_a_meeting_said_is_no_sentence_on_how_it_was_held(two_speakers):
    # 以视频会议形式召开，各县设分会场 records how the meeting was held, not what it said
    a = two_speakers.answer("山西的会议强调了什么？")
    assert not a.abstained and "形式召开" not in a.citations[0].quote and "强调" in a.citations[0].quote, a.text


def test_what_a_post_holder_said_is_the_speech_of_the_one_holding_it(two_speakers):
    # 省长 is 孙立新 in the record; his words, not the sentence that says he spoke, nor 赵文华's
    a = two_speakers.answer("山西省长在会上强调了什么？")
    assert not a.abstained and a.citations[0].quote.startswith("孙立新强调")
    a = two_speakers.answer("山西省委书记在会上说了什么？")
    assert not a.abstained and a.citations[0].quote.startswith("赵文华指出")


def test_which_held_a_kind_of_meeting_is_read_from_the_meetings_names(two_issues):
    a = two_issues.answer("哪些省开的是推进会？")  # 贵州's 大数据产业推进会; 海南's is a 建设大会
    assert not a.abstained and set(a.provinces) == {"贵州"}, a.text


def test_the_meeting_s_name_is_read_from_its_report_s_heading(speech):
    a = speech.answer("海南开的是什么会？")
    assert not a.abstained and a.direct_answer.text == "全省营商环境大会"
    assert a.citations[a.direct_answer.rank - 1].province == "海南"


def test_a_choice_is_answered_only_by_a_sentence_naming_one_side(speech):
    assert "上午还是下午" in refused(speech, "海南的营商环境大会是上午开的还是下午开的？")


def test_a_figure_of_another_version_does_not_answer(speech):
    assert speech.answer("营商环境6.0版行动方案有多少项改革举措？").abstained
    assert direct(speech, "营商环境7.0版行动方案有多少项改革举措？") == "120项"



BULLETIN = """今日测试快讯

2024年第9期

目 录

1. 海南召开全省自由贸易港建设大会 - 3 -
附：海南省政府新闻发布会介绍自贸港建设进展 - 5 -
2. 贵州召开全省大数据产业推进会 - 7 -

1. 海南召开全省自由贸易港建设大会

2月18日，海南省委、省政府在海口召开全省自由贸易港建设大会。省委书记冯飞出席会议并讲话。会上，海口市、三亚市作交流发言。

冯飞强调，要加快建设具有世界影响力的中国特色自由贸易港。

附：海南省政府新闻发布会介绍自贸港建设进展

2月21日，海南省政府新闻办举办自贸港建设进展新闻发布会。发布会上，省商务厅厅长王明介绍，去年全省新增外资企业1200家。今年将加大制造业外资招商力度。

2. 贵州召开全省大数据产业推进会

2月19日，贵州省大数据产业推进会在贵阳召开。会议提出算力规模突破150亿亿次。
"""


def build(folder, name: str, text: str, page_starts=()) -> Assistant:
    return assistant_over(folder, [bulletin_doc(name, text, 2024, 9, page_starts)])


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory):
    return build(tmp_path_factory.mktemp("bulletin"), "bulletin.txt", BULLETIN)


def test_a_page_is_read_from_the_contents_line_of_the_report_asked_about(bulletin):
    a = bulletin.answer("贵州大数据产业推进会那篇报道在第几页？")
    assert not a.abstained and a.direct_answer.text == "7"
    assert a.citations[a.direct_answer.rank - 1].quote == "2. 贵州召开全省大数据产业推进会 - 7 -"


def test_a_report_s_number_is_read_from_its_contents_line(bulletin):
    for question in ("贵州大数据产业推进会那篇报道在汇编里排第几篇？", "快讯里贵州大数据产业推进会那篇的序号是多少？"):
        a = bulletin.answer(question)
        assert not a.abstained and a.direct_answer.text == "2"
    assert read_question("江苏研发投入在全国排第几？").asks_page == ""  # a ranking, not the bulletin's order


def test_the_reports_of_a_bulletin_are_counted_from_its_contents(bulletin):
    # the appendix is part of the first report: the numbered lines are the reports
    for question in ("这期快讯一共收了几篇报道？", "本期汇编收了几个省的新春第一会报道？"):
        a = bulletin.answer(question)
        assert not a.abstained and a.direct_answer.text == "2" and "目录共列2篇报道" in a.text
    assert read_question("海南这期快讯里提了几个项目？").asks_page == ""  # a province's figure, not the contents


def test_a_source_with_pages_of_its_own_gives_the_page_of_the_passage():
    import tempfile
    from pathlib import Path

    text = BULLETIN.split("1. 海南召开全省自由贸易港建设大会\n\n2月18日", 1)
    body = "1. 海南召开全省自由贸易港建设大会\n\n2月18日" + text[1]
    at = body.index("2. 贵州")
    with tempfile.TemporaryDirectory() as folder:
        a = build(Path(folder), "pages.pdf", body, page_starts=((0, 1), (at, 2))).answer("贵州大数据产业推进会那篇报道在第几页？")
    assert not a.abstained and "据文档页码，在第2页" in a.text and a.citations[0].province == "贵州"


def test_an_appendix_reporting_an_event_of_its_own_dates_it(bulletin):
    assert direct(bulletin, "王明介绍去年新增外资企业1200家，是在哪天的发布会上？") == "2月21日"
    assert direct(bulletin, "贵州推进会的会场设在哪座城市？") == "贵阳"


def test_a_record_that_someone_spoke_is_no_account_of_the_speech(bulletin):
    assert "未写明具体内容" in refused(bulletin, "三亚市在海南大会上交流发言，具体介绍了哪些经验？")
    # who spoke is what that sentence does say
    assert "三亚市" in first_quote(bulletin, "海南大会上哪些市县作了交流发言？")


def test_a_part_of_a_total_is_not_answered_by_the_total(bulletin):
    assert bulletin.answer("海南去年新增的外资企业，单算制造业类的有多少家？").abstained
    assert direct(bulletin, "海南去年新增外资企业多少家？") == "1200家"


def test_the_report_s_account_of_the_meeting_is_spoken_by_no_one(bulletin):
    from qa.speakers import Speakers

    index = bulletin.index
    speakers = Speakers(index)
    rows = {speakers.text(r): r for r in range(len(index.sentences.starts))}
    told = next(r for t, r in rows.items() if "作交流发言" in t)
    said = next(r for t, r in rows.items() if t.startswith("冯飞强调"))
    assert speakers.of(told) is None and speakers.of(said) is not None


def test_a_meeting_the_report_only_mentions_is_not_dated_by_the_report_s_own(bulletin):
    assert bulletin.answer("海南省委七次全会是哪天开的？").abstained
    assert direct(bulletin, "海南自由贸易港建设大会是哪天开的？") == "2月18日"


def test_who_spoke_for_a_body_the_report_lists_without_names_is_not_known(bulletin):
    a = bulletin.answer("代表三亚市在海南大会上作交流发言的是谁？")
    assert a.abstained and "冯飞" not in a.text.split("报道提到")[0]


def test_a_figure_of_what_was_done_does_not_answer_what_is_planned(bulletin):
    assert bulletin.answer("海南今年要新增多少家外资企业？").abstained  # 1200家 were last year's
    assert bulletin.answer("海南新增外资企业的目标定的是多少家？").abstained  # achieved, not a target
    assert bulletin.answer("海南自贸港建设大会要持续到什么时候？").abstained  # the day it met is no end
    assert direct(bulletin, "海南去年新增外资企业多少家？") == "1200家"


FIGURES = """今日测试快讯

2024年第4期

1. 海南召开全省科技创新大会

2月19日，海南省委、省政府在海口召开全省科技创新大会。省委书记冯飞出席会议并讲话。

冯飞指出，过去一年，全省新增高新技术企业800家、科技型中小企业1500家、新型研发机构12家。

万人发明专利拥有量8.5件、连续3年保持全国省区第一。

冯飞强调，扩大开放要用好“一港”“三平台”，推动创新活力竞相迸发。

冯飞介绍，去年全省实施36项基础研究重大项目和27项重大科技成果转化项目，布局2个省实验室。

要以更强合力抓好优化营商环境5.0版行动方案的落地见效，努力在新一轮科技创新竞争中迎头赶上。
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "figures", FIGURES, 4)


def test_the_largest_or_smallest_of_a_listed_set_is_picked(figures):
    assert direct(figures, "海南去年新增的高新技术企业、科技型中小企业、新型研发机构这三类里，数量最多的那类有多少？") == "1500家"
    assert direct(figures, "过去一年新增的高新技术企业、科技型中小企业和新型研发机构，哪类最少，有多少家？") == "12家"


def test_a_question_asking_the_thing_and_its_figure_is_answered_by_both(figures):
    # what describes the thing (连续3年…第一) stands beside its name and figure, not in their clause
    assert direct(figures, "海南有个指标已经连续3年在全国省区里排第一，是哪个指标，数值多少？") == "8.5件"


def test_a_figure_against_the_noun_the_question_counts_answers_whatever_the_verb(figures):
    # 个 counts 项 too, though the sentence writes a 个 (2个省实验室) for something else
    assert direct(figures, "冯飞说重大科技成果转化项目落地了多少个？") == "27项"
    assert direct(figures, "海南的营商环境行动方案已经迭代到第几版了？") == "5.0版"
    # the noun must be the one the asking clause counts: 一轮 stands against 科技创新, named
    # only in the clause that sets the scene
    refused(figures, "海南把科技创新当作选拔干部的舞台，今年准备提拔多少干部？")


def test_the_main_venue_of_a_meeting_is_where_it_was_held(figures):
    assert direct(figures, "海南那场科技创新大会，主会场设在哪个城市？") == "海口"
    # (the measure word after 那 is no part of the meeting's name)
    assert read_question("湖南那场招商引资工作会议，主会场设在哪个城市？").meeting_name == "招商引资工作会议"


def test_a_slogan_counts_its_noun_without_a_measure_word(figures):
    assert direct(figures, "冯飞说扩大开放除了“一港”，还要用好几个平台？") == "三平台"


def test_a_count_without_a_measure_word_is_read_whole(assistant):
    # (…等部门及16州（市）分别汇报: the last item of a list may be counted so, and all its digits count)
    from qa.answering.context import kind_spans

    text = "会上，省发展改革委、省能源局等部门及16州（市）分别汇报有关工作情况。"
    assert [text[a:b] for a, b in kind_spans(read_question("作汇报的州（市）有多少个？"), text)] == ["16州（市）"]
    assert direct(assistant, "云南那场调度推进会上，汇报工作的州（市）一共几个？") == "16州（市）"


DIGITAL = """今日测试快讯

2024年第5期

1. 贵州召开全省数字经济发展大会

2月19日，贵州省委、省政府在贵阳召开全省数字经济发展大会。省委书记林东升出席会议并讲话，省长陈立新主持会议。省委副书记、常务副省长王志远部署2024年全省数字经济有关工作。

会上，贵州大数据集团有限公司、贵阳市负责同志作交流发言。

林东升强调，要推动数据中心集群建设，力争到2027年全面建成全国算力枢纽。要深入实施数字经济倍增行动。要坚决守牢安全底线，以高水平安全护航数字经济发展。

会议提出，用两年时间完成全省政务云整合。大会全程网络直播，观看人次约120万。
"""


@pytest.fixture(scope="module")
def digital(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "digital", DIGITAL, 5)


def test_which_body_is_answered_only_by_a_sentence_naming_one(digital):
    assert "未写明是哪个部门" in refused(digital, "贵州的数字经济倍增行动由哪个部门牵头？")
    assert "贵州大数据集团有限公司" in first_quote(digital, "贵州大会上哪家企业作了交流发言？")


def test_a_record_that_someone_deployed_work_is_no_account_of_it(digital):
    assert "未写明具体内容" in refused(digital, "王志远在大会上具体部署了哪些工作？")


def test_a_year_something_is_due_is_not_the_meeting_s(digital):
    assert direct(digital, "全国算力枢纽要在哪一年全面建成？") == "2027年"
    assert digital.answer("数字经济倍增行动要在哪一年实现？").abstained


def test_how_long_asks_for_a_span_of_time(digital):
    assert direct(digital, "政务云整合要用多久完成？") == "两年"


def test_who_said_it_is_found_from_a_paraphrase(digital):
    assert direct(digital, "谁强调要守住安全底线、用高水平安全保障数字经济？") == "林东升"


SLOGANS = """今日测试快讯

2024年第7期

1. 海南召开全省招商大会

2月20日，海南省委、省政府在海口召开全省招商大会。省长刘小明出席会议并讲话。

刘小明强调，要锚定“三地”目标定位，加快构建“一核两翼多点”新格局。要着力打造数字、旅游、航运等三大产业高地。要做好“两大经济”的文章，深化琼港澳合作。

刘小明介绍，去年全省落地12项重大外资项目。

“我们将全力建设自贸港创新核心区。”海口市科技局局长陈海说。

——锻造创新链。将加快椰城科技城建设，支持椰城实验室开展重大科技攻关。
"""


@pytest.fixture(scope="module")
def slogans(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "slogans", SLOGANS, 7)


@pytest.mark.parametrize("question, expected", [
    ("刘小明说要锚定几个“地”？", "三地"),  # the slogan leaves the measure word out
    ("刘小明说新格局里有几个“翼”？", "两翼"),
    ("刘小明要加快构建的新格局，叫“几核几翼多点”？", "一核两翼多点"),  # each 几 stands for a number
    ("刘小明要加快构建的新格局，叫“一核几翼多点”？", "一核两翼多点"),  # wherever it stands in the name
    ("刘小明说要打造的产业高地一共几个？", "三大产业高地"),  # the noun asked before the question word
    ("要做好几大经济的文章？", "两大经济"),  # the figure names what it counts, and is given with it
    ("去年落地了多少个重大外资项目？", "12项"),  # 个 counts anything when no 个 is written
])
def test_a_slogan_s_number_is_read_however_it_is_written(slogans, question, expected):
    assert direct(slogans, question) == expected


def test_a_place_with_no_report_is_what_was_said_when_a_speaker_is_named(slogans):
    # 澳门 has no report; 刘小明 says which one the question is about
    assert "没有澳门的会议报告" not in slogans.answer("刘小明说要深化和澳门的什么合作？").text


def test_a_quotation_is_spoken_by_the_one_named_after_it(slogans):
    assert direct(slogans, "“全力建设自贸港创新核心区”是谁说的？") == "陈海"
    # which city said it: the place in the speaker's title
    assert direct(slogans, "海南哪个城市提出要加快椰城科技城建设？") == "海口市"



PLANS = """今日测试快讯

2024年第8期

1. 海南召开全省项目建设大会

2月21日，海南省委、省政府在海口召开全省项目建设大会，这是我省连续第四年召开全省项目建设大会。省委书记冯飞出席会议并讲话。省人大常委会主任李军出席，省委副书记王斌主持。

冯飞强调，要迭代升级“十项行动”，打造一批年度标志性成果。从今年开始，每年滚动推进重大项目，全省重大项目完成投资3000亿元以上。

冯飞要求，高水平人才队伍要胸怀家国能担当，勇攀高峰能闯关，开放合作能包容，追求卓越。
"""


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "plans", PLANS, 8)


def test_a_count_inside_a_quoted_name_counts_only_what_the_name_counts(plans):
    assert plans.answer("海南今年计划打造多少项年度标志性成果？").abstained
    assert direct(plans, "冯飞要迭代升级几项行动？") == "十项行动"


def test_what_is_planned_from_this_year_on_does_not_answer_what_was_done(plans):
    assert plans.answer("海南2023年重大项目实际完成投资多少？").abstained
    assert not plans.answer("海南每年重大项目要完成投资多少？").abstained


def test_parallel_clauses_spell_out_a_one_character_set(plans):
    assert "能闯关" in first_quote(plans, "冯飞对人才队伍连着提了哪几个“能”？")


def test_the_host_is_the_one_the_record_says_presided(plans):
    # the sentence names 李军 first; the question names the speaker to say which meeting
    assert direct(plans, "冯飞讲话的那场大会，主持人是谁？") == "王斌"


def test_which_time_a_meeting_is_held_asks_for_an_ordinal_however_counted(plans):
    assert direct(plans, "海南这种项目建设大会，今年是第几回连着开了？") == "第四年"


NAMES = """今日测试快讯

2024年第9期

1. 海南召开全省民营经济大会

2月22日，海南省委、省政府在海口召开全省民营经济大会。省委书记王为民出席会议并讲话，省长林向东主持会议。

张和平强调，要把惠企政策落到实处，为民营企业排忧解难。
"""


@pytest.fixture(scope="module")
def names(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "names", NAMES, 9)


@pytest.mark.parametrize("question, expected", [
    ("海南民营经济大会由谁主持？", "林向东"),  # 向, 为, 和 are function words elsewhere, not inside a name
    ("海南民营经济大会上讲话的省委书记是谁？", "王为民"),
    ("谁强调要把惠企政策落到实处？", "张和平"),
])
def test_names_holding_characters_that_are_function_words_elsewhere_are_names(names, question, expected):
    assert direct(names, question) == expected


@pytest.mark.parametrize("text", ["报道里出现“民营经济”这个说法的省份有哪些？", "提出打造营商环境“升级版”的省市都有哪几个？"])
def test_the_provinces_asked_for_after_what_they_said_is_a_which_question(text):
    assert read_question(text).qtype == "which"


def test_provinces_set_aside_are_left_out_of_the_provinces_asked_for(assistant):
    q = read_question("除了湖南那场招商会，还有哪些地方的报道里出现了“招商引资”这个说法？")
    assert q.qtype == "which" and q.excluded == ("湖南",)
    a = assistant.answer(q.text)
    assert a.provinces and "湖南" not in a.provinces
    assert read_question("湖南有哪些地方作了发言？").excluded == ()  # places inside the one named
    # 除了, 还 and the rest of 哪些地方 frame the question: they are no key words a report must hold
    assert read_question("除了广东，还有哪些地方提到了新质生产力？").terms == read_question("哪些省提到了新质生产力？").terms
    assert "浙江" in assistant.answer("除了广东，还有哪些省提到了新质生产力？").provinces


@pytest.mark.parametrize("phrase, text, held", [
    ("在某某市召开", "省委、省政府在深圳召开全省高质量发展大会", True),  # 深圳 stands for 某某市
    ("某某县", "兰州市、定西市、甘谷县作交流发言", True),
    ("某某县", "各县（市、区）设分会场", False),  # 各 names no county
    ("某某县", "加强对重点市县的指导服务", False),
    ("××落实年", "展现“大抓落实年”的实干担当", True),
    ("某某经验", "学习运用“千万工程”经验", True),
    ("某某经验", "不断优化自身知识经验", False),  # a clause's words are no name
    ("中直驻×", "中直驻粤有关单位主要负责同志", True),
    ("确保……得……", "确保项目得到落实", True),  # an ellipsis leaves any words out
])
def test_a_quoted_placeholder_stands_for_a_name(phrase, text, held):
    from qa.phrases import holds_phrase
    assert holds_phrase(phrase, text) is held


def test_which_provinces_said_a_phrase_with_a_placeholder(assistant):
    a = assistant.answer("哪些省提到了“某某经验”？")
    assert set(a.provinces) == {"福建", "重庆"}


MORE = """今日测试快讯

2024年第10期

1. 海南召开全省营商环境大会

2月23日，海南省委、省政府在海口召开全省营商环境大会。省委书记冯飞出席会议并讲话。大会全程网络直播，观看人次约50万。

会议指出，三亚、儋州、琼海三市已率先建成营商环境示范区。

会上，三亚市、省商务厅作交流发言，儋州市作表态发言。

冯飞要求，要认真落实省委八届四次全会部署，实行营商环境述职评议和逐级督查机制。

冯飞强调，营商环境是发展的生命线，全省上下要以更大力度优化营商环境，让各类经营主体安心发展、放心投资。一要坚定不移支持民营企业提升科技创新能力，联合高等院校、科研院所共建新型研发机构和中试熟化基地，推动产学研用融通创新。二要坚定不移支持民营企业坚守主业、做强实业，加大龙头企业扶持力度，推动中小企业“铺天盖地”，支持民营企业深度参与产业链强链补链延链。
"""


@pytest.fixture(scope="module")
def more(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "more", MORE, 10)


@pytest.mark.parametrize("question", [
    "海南营商环境大会的网络直播在哪些平台播出？",  # 网络直播 names no platform
    "海南营商环境大会是在海口哪个会场开的？",  # 海口 is asked from, not answered
    "海南去年营商环境考核排第一的是哪个市？",  # the venue is no answer to who ranked first
])
def test_what_the_report_does_not_name_is_refused(more, question):
    assert more.answer(question).abstained


def test_places_counted_without_a_measure_word_answer_how_many(more):
    assert direct(more, "有几个市率先建成了营商环境示范区？") == "三市"


def test_a_meeting_the_report_only_names_is_refused_by_its_name(more):
    assert "资料未写明海南省委八届四次全会的日期" in refused(more, "海南省委八届四次全会是哪天开的？")


def test_where_the_meeting_named_by_what_was_said_at_it_was_held(more):
    assert direct(more, "冯飞要求实行述职评议和逐级督查的那场会，在哪座城市开？") == "海口"


def test_a_number_asked_for_is_a_figure():
    assert read_question("韩俊说的营商环境监督分线，挂在哪个号码的热线上？").kind == "figure"


def test_who_wants_what_a_speech_says_is_its_speaker(more, assistant):
    assert direct(more, "谁要推动中小企业“铺天盖地”？") == "冯飞"
    # a speech of many sentences: the sentence asked about names no one
    assert direct(assistant, "安徽大会上，谁要加大龙头企业扶持力度？") == "韩俊"


@pytest.mark.parametrize("question, expected", [
    ("哪位省委书记把本省的人才结构比作一座塔，要求底座更扎实、中间更强壮、顶端更高？", "黄坤明"),  # 人才金字塔“塔基更实…”
    ("哪位市委书记提到要关注高龄长者和婴幼儿这两头的问题？", "尹力"),  # 聚焦“老老人”“小小孩”问题
    ("哪位省委书记鼓励企业采用不要求人才搬家落户、人在外地也能为企业出力的招人用人办法？", "周祖翼"),  # 柔性引才、异地用才
])
def test_who_said_it_in_other_words_is_the_speaker_of_the_closest_sentence(assistant, question, expected):
    from qa.answering.facts import BY_MEANING

    assert direct(assistant, question) == expected
    # found by meaning alone: the answer says so, so that the user checks the quote
    assert BY_MEANING in assistant.answer(question).text
    assert BY_MEANING not in assistant.answer("重庆推进大会上要求坚持“一把手”抓“一号工程”的是谁？").text


@pytest.mark.parametrize("question, expected", [
    ("哪位省委书记提出，对待人才不该问他是从哪儿来的，每个人都可以成才？", "易炼红"),  # 树牢人才不问出处、人人皆可成才的观念, one of six
    ("哪位省委书记要求拉投资时既要让企业赚到钱，也要让政府收得到税？", "沈晓明"),  # 既要让企业有利润又要让政府有税收, one of seven
    ("哪位省长说本省做生意的伙伴已经遍布全世界两百三十多个国家和地区？", "毛伟明"),  # 经贸“朋友圈”遍布全球235个国家和地区
])
def test_who_said_one_clause_of_a_long_sentence_in_other_words(assistant, question, expected):
    assert direct(assistant, question) == expected


LONG_SENTENCE = """1. 海南召开全省营商环境大会

2月18日，海南省委、省政府在海口召开全省营商环境大会。
冯飞强调，要坚持问题导向，持续推动审批提速，全面清理涉企收费，健全企业诉求直达机制，让外地人才来了就能安居落户，大力发展夜间经济和消费新场景，加快补齐冷链物流短板。
会议指出，去年全省新增市场主体超过40万户。
会议要求，各市县要压实责任，确保各项任务落地见效。

2. 西藏召开全区高质量发展大会

2月19日，西藏自治区党委、政府在拉萨召开全区高质量发展大会。
王君正指出，要加快清洁能源基地建设，推进重大项目开工，抓好生态保护。
"""


def test_a_paraphrase_of_one_clause_lifts_its_sentence_above_the_rest(tmp_path):
    """A sentence that lists seven demands reads to the encoder as their average; its
    clause vectors let a question about one of them find it by a clear margin."""
    from qa.assistant import get_assistant
    from qa.indexing import build_index
    from qa.retrieval import Scope

    (tmp_path / "long.txt").write_text(LONG_SENTENCE, encoding="utf-8")
    margins = {}
    for chars in (0, BuildSettings().clause_chars):
        build_index([tmp_path / "long.txt"], tmp_path / f"idx{chars}", BuildSettings().with_(clause_chars=chars))
        a = get_assistant(tmp_path / f"idx{chars}")
        q = read_question("哪位领导要让从外地来的人才一到就能安家落户？")
        r = a.retriever.retrieve(q, a.encoder.encode_query(q.search_text), Scope(), 5)
        sims = sorted(((t.sim, c.text(t)) for c in r.ranked for t in c.sentences), reverse=True)
        assert sims[0][1].startswith("冯飞强调")
        margins[chars] = sims[0][0] - sims[1][0]
    assert margins[BuildSettings().clause_chars] > margins[0] + 0.015, margins


@pytest.mark.parametrize("question", [
    "哪位省长把本省的人才结构比作一座塔，要求底座更扎实、中间更强壮、顶端更高？",  # 黄坤明 is 省委书记
    "哪位省委书记提到要关注高龄长者和婴幼儿这两头的问题？",  # 北京's 尹力 is 市委书记
])
def test_the_speaker_of_the_closest_sentence_must_hold_the_post_asked(assistant, question):
    answer = assistant.answer(question)
    assert answer.abstained or answer.direct_answer is None or answer.direct_answer.text not in ("黄坤明", "尹力")


def test_who_holds_the_post_asked_is_checked_against_the_report(assistant):
    # 尹力 is 北京's 市委书记; 任振鹤 is 甘肃's 省长 (its opening says so)
    assert direct(assistant, "哪位省长把稳增长、调结构、改革、开放、民生和防风险六项工作分别比作六种不同的仗来打？") == "任振鹤"
    # 尤肖虎 heads a laboratory: he is no 处长, whatever he said about 基础研究
    answer = assistant.answer("江苏发布会上介绍基础研究“1820”行动重点安排的是哪位处长？")
    assert answer.abstained or answer.direct_answer.text == "郦雅芳", answer.text


def test_which_city_wants_something_done_is_the_municipality_whose_report_says_it(assistant):
    answer = assistant.answer("哪个城市要把一项以空气污染物浓度计量单位命名的治污行动搞得更深入，做到好天气的天数不减少？")
    assert not answer.abstained and answer.citations[0].province == "北京", answer.text


@pytest.mark.parametrize("question, expected", [
    ("上海营商环境7.0版行动方案里一共有多少项改革举措？", "150项"),  # 一共 sums; it names no part
    ("韩俊讲话中安徽要全力建设几个强省？", "七个强省"),  # the speaker says whose words, not what is counted
    ("黄强说要推动几大优势产业提质倍增？", "六大"),
    ("河北要把哪条热线打造成惠企利民的“总客服”？号码是多少？", "12345"),  # 号码 is the number itself
])
def test_figures_asked_with_words_that_only_frame_them(assistant, question, expected):
    assert direct(assistant, question) == expected


@pytest.mark.parametrize("question, expected", [
    ("甘肃会上作交流发言的县是哪个？", "甘谷县"),  # not 兰州市, first of the roll
    ("吉林大会上跟长春、吉林两市一起汇报工作的自治州是哪个？", "延边州"),
])
def test_a_place_of_the_level_asked_before_the_question_word(assistant, question, expected):
    assert direct(assistant, question) == expected


def test_a_sentence_that_says_only_发布会上_is_named_by_its_section_s_opening(assistant):
    # the opening names the 专场新闻发布会; the sentence only says 发布会上
    assert direct(assistant, "江苏专场发布会上谈战略科技力量“聚合”突破的紫金山实验室主任是哪位？") == "尤肖虎"


def test_a_span_of_years_runs_until_its_end(assistant):
    assert "2026年" in direct(assistant, "江苏科技厅在研究的未来产业“5个100”行动方案，时间跨度到哪一年？")


def test_a_figure_of_other_things_in_the_speaker_s_words_is_no_answer(assistant):
    # 艾学峰 lists 工程研究中心6家; he gives no count of 概念验证中心
    assert assistant.answer("艾学峰说要支持更多创新主体建设未来产业概念验证中心，广东现在已经建了几家？").abstained


def test_what_was_said_at_which_meeting_is_the_report_s_own_meeting(assistant):
    answer = assistant.answer("在哪场会上通报，两年来推动开工的重大产业项目已经带来了十八万多个工作岗位？")
    assert not answer.abstained, answer.text
    quotes = [c.quote for c in answer.citations[:2]]
    assert "云南举行2024年一季度重大产业项目调度推进会" in quotes[0] and "18万个就业岗位" in quotes[1]
    assert answer.text.index("[1]") < answer.text.index("[2]")  # the heading first, numbered first
    # an act done at a meeting before, which the report only mentions, is not the report's meeting
    assert assistant.answer("吉林把今年定为“狠抓落实年”，是在哪次会议上定的？").abstained


def test_who_spoke_is_answered_by_the_bodies_the_report_lists(more, assistant):
    assert direct(assistant, "黑龙江那场会上谁作了表态发言？") == "省卫健委、黑河市"
    assert more.answer("作交流发言的厅局，是哪几位负责人上的台？").abstained  # people are asked for




LAUNCH = """今日测试快讯

2024年第11期

1. 海南举办全省科技创新专场新闻发布会

2月20日，海南省政府在海口举办专场新闻发布会。省领导蓝绍敏、张安顺、刘惠等出席。

省科技厅厅长王明介绍，2023年新获批创新药6个、“新三样”出口额520亿元，均居全国前列。

省科技厅高新技术处处长李海涛透露，近期正在研究制定《加快科技创新引领未来产业发展“3个50”行动方案(2024—2026年)》。

王明强调，要深入贯彻落实中央经济工作会议精神，以优化营商环境为突破口推动高质量发展。要以更实举措落实“一企一策”，服务企业发展。把公平普惠作为优化营商环境的基础性工作。要扎实做好一季度“开门红”工作，全面推动企业复工复产。加强洋浦港运力调度，优化港口生产组织。

今年将安排省重点建设项目800个。

以此为主题召开发布会，是为了更好聚焦科技第一生产力，为海南在高质量发展上走在前列打造更强有力的引擎。

2. 贵州召开全省开放大会

2月19日，贵州省委、省政府在贵阳召开全省开放大会。省委书记林东升出席会议并讲话。李炳军主持会议并作工作安排。

林东升指出，要加快建设内陆开放型经济试验区，做好口岸经济的大文章。过去一年，贵州全力实施开放提升三年行动，成效明显。要推动六大优势产业提质倍增，增强干部补课充电的紧迫感。要以优异成绩庆祝新中国成立75周年。要扎实履行维护国家五大安全的政治使命。要大力培树“严新细实”优良作风。
"""


@pytest.fixture(scope="module")
def launch(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "launch", LAUNCH, 11)


def test_a_part_named_in_a_list_of_figures_is_counted_by_its_own_figure(launch):
    # each item of 新获批创新药6个、“新三样”出口额520亿元 has its own figure: no list hides the part
    assert direct(launch, "海南发布会上“居全国前列”的两项数据里，新获批的创新药是几个？") == "6个"


def test_a_head_of_division_is_a_title_and_a_long_plan_title_is_a_name(launch):
    assert direct(launch, "海南科技厅高新技术处处长是谁？") == "李海涛"
    assert direct(launch, "李海涛透露在研究制定的那份未来产业方案全称叫什么？") == "加快科技创新引领未来产业发展“3个50”行动方案(2024—2026年)"


def test_who_wants_what_is_named_before_the_question_word_is_its_speaker(launch):
    assert direct(launch, "海南会上要以更实举措落实“一企一策”服务企业的是哪位领导？") == "王明"


def test_a_rate_asks_for_a_percentage(launch):
    assert read_question("截至会议当天规上工业企业复工率是多少？").unit == "%"
    refused(launch, "王明要求全面推动企业复工复产，海南规上工业企业复工率是多少？")  # 一季度 is no rate


def test_in_which_respect_asks_for_no_place(launch):
    assert read_question("最终要为海南在哪方面打造更强有力的引擎？").kind is None
    a = launch.answer("以此为主题开发布会，最终要为海南在哪方面打造更强有力的引擎？")
    assert not a.abstained and "在高质量发展上走在前列" in a.text


def test_pointed_to_only_says_that_a_report_mentions_it(launch):
    # 点到, like 提到, is no word a report must hold
    assert read_question("哪些地方的报道点到了港口或口岸？").terms == ("港口", "口岸")
    a = launch.answer("哪些地方的报道点到了口岸？")
    assert not a.abstained and a.provinces == ("贵州",)


def test_alternatives_offered_with_or_are_each_enough(launch):
    assert read_question("哪些地方的报道提到了港口或口岸？").term_variants == (("口岸",), ("港口",))
    assert read_question("谈到低碳、零碳或者碳达峰的有哪几个省市？").term_variants == (("碳达峰",), ("零碳",), ("低碳",))
    assert read_question("哪些地方提到了港口？").term_variants == ()
    a = launch.answer("哪些地方的报道提到了港口或口岸？")
    assert not a.abstained and set(a.provinces) == {"海南", "贵州"}


def test_a_phrase_and_the_other_way_it_is_written_are_either_enough(launch):
    q = read_question("哪些地方用了“充电补课（补课充电）”这个说法讲干部学习？")
    assert q.quoted == ("充电补课", "补课充电") and q.quoted_any
    assert launch.answer("哪些地方用了“充电补课（补课充电）”这个说法？").provinces == ("贵州",)


def test_people_listed_as_present_are_people_not_places(launch):
    # 张安顺 holds 贵州's 安顺, but the report lists him among those present
    assert direct(launch, "蓝绍敏、张安顺等省领导出席的那场发布会，会场在哪座城市？") == "海口"


def test_a_host_named_bare_says_which_report(launch):
    assert direct(launch, "李炳军主持的那场会，会场在哪座城市？") == "贵阳"


def test_a_clause_ending_on_its_question_word_counts_what_the_clause_before_names(launch):
    assert direct(launch, "林东升让贵州推动提质倍增的优势产业，一共归成了几大？") == "六大"
    # the figure of the noun counted answers, not another figure of the sentence (过去一年)
    assert direct(launch, "贵州正在推进的开放提升行动，总共规划了几年？") == "三年"


SPEECH_LONG = """今日测试快讯

2024年第12期

1. 海南召开全省营商环境大会

2月18日，海南省委、省政府在海口召开全省营商环境大会。

省委书记冯飞在会上强调，营商环境没有最好，只有更好。""" + "".join(
    f"要把第{n}项改革任务抓实抓细，坚持问题导向，推动政策落地见效，让经营主体有更多获得感。" for n in range(1, 13)) + """

把公平普惠作为优化营商环境的基础性工作，实施更多面向中小企业的普惠性政策。
"""


def test_who_did_what_a_quoted_phrase_names_is_its_speaker(tmp_path_factory):
    # the words stand passages away from the sentence that names who speaks them
    long = over_bulletin(tmp_path_factory, "speech-long", SPEECH_LONG, 12)
    assert direct(long, "把公平普惠定为优化营商环境“基础性工作”的是谁？") == "冯飞"


def test_an_institution_s_name_places_no_meeting():
    assert read_question("这份山东省科学技术情报研究院的快讯，按总期号算是第多少期？").provinces == ()
    assert read_question("山东的新春第一会是哪天开的？").provinces == ("山东",)


def test_an_anniversary_is_counted_in_years_not_weeks(launch):
    assert direct(launch, "林东升要以优异成绩庆祝新中国成立多少周年？") == "75周年"


def test_a_count_is_given_with_the_short_noun_it_counts(launch):
    assert direct(launch, "林东升要求贵州扎实履行维护国家几大安全的政治使命？") == "五大安全"


def test_the_characters_of_a_quoted_term_asked_for_must_be_spelled_out(launch):
    # the report only names “严新细实”; what its four characters stand for is not said
    assert "具体所指" in refused(launch, "林东升说要培树“严新细实”优良作风，这四个字各指什么要求？")


def test_the_level_of_place_asked_is_the_question_word_s_and_a_region_is_no_district():
    from qa.answering import spans
    assert read_question("要加快建设示范园区，这个园区选在重庆哪个区县？").unit == "区"
    text = "深化渝西地区高质量发展"
    assert spans.find("place", text) and not spans.find("place", text, "区")
    assert read_question("重庆要求发展能级显著提升的是哪个区域？").unit != "区"  # a region, of any level
    # a zone is named after its place in a few words; a longer description is what was said of it
    text = "加快建设中关村世界领先科技园区"
    assert [text[a:b] for a, b in spans.find("place", text, "", ("北京",))] == ["中关村"]


def test_how_much_money_asks_for_an_amount(launch):
    assert read_question("光2024年当年计划要投进去多少钱？").unit == "元"
    assert direct(launch, "2023年海南“新三样”出口了多少钱？") == "520亿元"


def test_a_record_that_work_was_arranged_is_no_account_of_it(launch):
    assert "未写明具体内容" in refused(launch, "李炳军在会上作的工作安排，具体布置了哪些事？")


def test_words_offered_in_brackets_are_alternatives(launch):
    assert read_question("对企业搞梯次（梯度）培育的是哪几个省？").term_variants == (("企业", "梯次", "培育"), ("企业", "梯度", "培育"))
    assert len(read_question("哪些省市的讲话里强调要坚持（强化、突出）问题导向？").term_variants) == 3
    assert set(launch.answer("哪些地方提到了港口（口岸）？").provinces) == {"海南", "贵州"}
    # examples offered in brackets (…等, …之类) are alternatives too, however many
    q = read_question("哪些地方的报道讲到了消费（扩大消费、消费拉动、消费中心等）？")
    assert ("消费",) in q.term_variants and ("消费", "中心") in q.term_variants
    assert "之类" not in read_question("哪些会上有管数据的部门（大数据局、政数局之类）发言？").terms
    # a placeholder (某类基金) stands for whatever the report names
    assert "某类" not in read_question("哪些地方的部署里提到要用好、做大某类基金？").terms


def test_this_year_in_a_bulletin_is_the_bulletin_s_year(launch):
    # 今年, in the 2024 bulletin, is 2024: it does not answer for 2023
    assert direct(launch, "海南2024年安排了多少个省重点建设项目？") == "800个"
    a = launch.answer("海南2023年安排了多少个省重点建设项目？")
    assert a.abstained or a.direct_answer.text != "800个"



WORDING = """今日测试快讯

2024年第14期

编者按：春节后首个工作日，各地召开新春第一会。青海生态保护和高质量发展大会部署重点项目建设；宁夏连续5年新春伊始召开营商环境大会。

1. 青海召开全省生态保护和高质量发展大会

2月18日，青海省委、省政府在西宁召开全省生态保护和高质量发展大会。省委书记陈刚出席会议并讲话。

省长吴晓军在主持讲话时强调，要把高原人民盼发展的热切愿望转化为干事创业的强大动力。

会上，省发展改革委、省生态环境厅等部门及8州（市）分别汇报有关工作情况。

全省清洁能源装机占比65.5%、较上年提高3.2个百分点。

今年全省安排省重点项目420个，年度计划完成投资950亿元，其中产业项目数量超过一半，清洁能源、盐湖化工两大类产业汇集项目130余个。

2. 宁夏召开全省营商环境优化提升大会

2月19日上午，宁夏回族自治区党委、政府在银川召开全区营商环境优化提升大会。自治区党委书记李邑飞出席会议并讲话。

李邑飞强调，要把优化营商环境作为一号改革工程，持续打造市场化法治化国际化一流营商环境。

要深化“放管服”改革，推行企业开办一日办结，全面推广告知承诺制。

要加强知识产权保护，依法平等保护各类经营主体合法权益，构建亲清政商关系。

要畅通政企沟通渠道，健全企业诉求快速响应机制，做到件件有着落、事事有回音。
"""


@pytest.fixture(scope="module")
def wording(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "wording", WORDING, 14)


def test_a_speech_given_while_presiding_is_the_presider_s(wording):
    from qa.speakers import opening

    sentence = "省长吴晓军在主持讲话时强调，要把高原人民盼发展的热切愿望转化为干事创业的强大动力。"
    found = opening(sentence)
    assert found[0] == "opens" and sentence[slice(*found[1])] == "吴晓军"
    assert "吴晓军在主持讲话时强调" in first_quote(wording, "吴晓军说要把高原人民的什么愿望转化为强大动力？")


def test_a_set_phrase_is_held_with_a_modifier_inside_it(wording):
    # 汇报了工作 — 分别汇报有关工作情况
    assert direct(wording, "青海大会上，一共有多少个州（市）汇报了工作？") == "8州"


def test_a_verb_s_direction_is_not_its_meaning(wording):
    # 投进去 — 完成投资
    assert direct(wording, "青海今年省重点项目的年度计划要投进去多少钱？") == "950亿元"
    # a phrase the question glues (产业项目) is no set phrase: 产业汇集项目 counts two kinds only
    refused(wording, "青海今年的省重点项目中，产业项目具体是多少个？")


def test_the_date_of_the_meeting_a_clause_describes_is_when_it_was_held(wording):
    # the clause before the question names the meeting by what was done there; the
    # date sentence need not say it (its words were once required of the answer)
    assert read_question("吴晓军代表省政府表态全力支持盐湖化工的那场会，是几号？").predicate == ()
    assert read_question("吴晓军代表省政府表态全力支持盐湖化工的那次会议，在哪个城市？").predicate == ("召开",)
    assert direct(wording, "各部门和8州（市）汇报有关工作的那场会，是几号？") == "2月18日"


def test_a_change_is_held_by_any_verb_of_rising_and_answered_by_it(wording):
    # 抬升 — 较上年提高3.2个百分点; the level (65.5%) is not the change
    assert direct(wording, "青海清洁能源装机占比比上年抬升了多少？") == "3.2个百分点"
    # 涨了几个点: percentage points, and 比 is no part of the verb
    assert read_question("青海清洁能源装机占比跟上年比涨了几个点？").predicate == ("涨",)
    assert direct(wording, "青海清洁能源装机占比跟上年比涨了几个点？") == "3.2个百分点"


def test_who_came_is_who_attended(wording):
    assert direct(wording, "青海生态保护和高质量发展大会上，省委书记是谁到场的？") == "陈刚"
    # 会址 is where the meeting was held
    assert read_question("宁夏那场营商环境大会，会址在哪？").predicate == ("召开",)


def test_a_count_named_before_a_sum_in_wan_is_no_money():
    from qa.answering.spans import find

    text = "大会全程网络直播，观看人次约260万。今年计划投资约500亿。"
    assert [text[a:b] for a, b in find("figure", text, "元")] == ["约500亿"]


def test_the_overview_answers_only_in_the_part_about_the_province_asked(wording):
    # 连续5年 is 宁夏's, in the editor's sentence that also speaks of 青海
    refused(wording, "青海这次生态保护和高质量发展大会一共开了多长时间？")


FORUM = """今日测试快讯

2024年第15期

1. 海南召开民营企业座谈会

2月18日，海南省委、省政府在海口召开民营企业座谈会。省委书记冯飞出席并讲话。省直各单位主要负责同志在主会场参会，各市县设分会场。

冯飞强调，要持续优化营商环境，过去一年，民营企业克服困难，实现较快增长。

冯飞在讲话中首先代表省委、省政府向受表扬的民营企业表示热烈祝贺，向广大企业家表示衷心感谢。

座谈会上，民营企业家各抒己见，气氛热烈。傅明华、林志强、王小兰等企业家代表先后发言。

会议指出，全省已连续第6个季度开展重点项目调度。省委经济工作会议确定，今年为“营商环境提升年”。

会前，冯飞为海南民营企业服务中心揭牌，为崖州湾实验室主任颁发聘书。

崖州湾实验室主任李海涛结合实验室发展介绍了今年的攻关计划。

冯飞要求，建立党政同责、五级书记抓营商环境机制。要在三个方面打造一流营商环境。一是打造高效的政务环境，推行企业开办一日办结。二是打造有力的要素环境，设立民营企业纾困基金。三是打造公正的法治环境，完善涉企案件快速办理机制和企业家约谈检察长制度。

2. 贵州召开全省数字经济大会

2月19日，贵州省委、省政府在贵阳召开全省数字经济大会。省委书记林东升出席会议并讲话。

林东升指出，去年全省聚焦8个方面突破、30项重点任务，数字经济实现较快增长。

林东升介绍，全省安排重点项目800个，年度计划投资3000亿元，其中数字经济项目120余个、年度投资额约500亿元。

大会同期举办数字经济成果展。该展览由省展示区和9个市（州）展示区组成。

林东升强调，要推动数据中心集群建设，深入实施数字经济倍增行动。大会全程网络直播，观看人次约120万。

会上，省发展改革委、省大数据局等部门及9个市（州）分别汇报有关工作情况。贵阳市、遵义市、安顺市发言。省领导时光辉、郭锡文，蓝绍敏、王忠出席。

3. 云南召开全省智能化改造数字化转型推进会

2月20日，全省智能化改造数字化转型推进会在昆明召开。省委书记王宁主持会议，省长王予波出席并讲话。

当天下午，云南举办数字化转型分论坛，省工业和信息化厅负责同志发言。
"""


@pytest.fixture(scope="module")
def forum(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "forum", FORUM, 15)


def test_the_first_or_last_speaker_of_a_list_is_its_first_or_last_name(forum):
    # (傅 is a surname; 企业家代表 after 等 says who the list is)
    assert direct(forum, "海南民营企业座谈会上，企业家代表里头一个发言的是谁？") == "傅明华"
    assert direct(forum, "海南民营企业座谈会上，排在最后发言的企业家代表是谁？") == "王小兰"
    assert read_question("海南民营企业座谈会上，企业家代表里头一个发言的是谁？").represents == ""


def test_the_holder_of_a_title_asked_is_named_with_it(forum):
    # the entrepreneurs who spoke are not the secretary, nor do they speak in his speech
    assert direct(forum, "在海口跟民营企业家座谈、作主要讲话的海南省委书记是谁？") == "冯飞"


def test_a_run_so_far_is_counted_by_its_ordinal(forum):
    assert direct(forum, "海南重点项目调度已经连着搞了多少个季度？") == "第6个季度"


def test_how_long_a_meeting_took_is_not_a_span_it_speaks_of():
    # a sentence must speak of the meeting being held; 过去一年 in a speech does not
    assert read_question("海南这次民营企业座谈会一共开了多长时间？").predicate == ("召开",)


@pytest.mark.parametrize("sentence", ["座谈会上，民营企业家各抒己见，气氛热烈。", "傅明华、林志强、王小兰等企业家代表先后发言。"])
def test_the_report_s_account_of_who_spoke_is_no_one_s_speech(sentence):
    from qa.speakers import _NARRATIVE

    assert _NARRATIVE.search(sentence)


def test_a_set_spelled_out_item_by_item_is_quoted_whole(forum):
    a = forum.answer("冯飞要求打造哪三个方面的营商环境？")
    assert not a.abstained and all(item in a.text for item in ("一是打造高效的政务环境", "二是打造有力的要素环境", "三是打造公正的法治环境"))
    # a question one item answers asks inside it
    assert first_quote(forum, "海南打造公正的法治环境，要完善哪几项机制制度？").startswith("三是打造公正的法治环境")


def test_the_period_of_a_rate_is_no_key_word_of_it():
    # 每年…推多少个: the yearly count is asked; 每年 measures it, and 从今年开始…每年 need not echo it
    assert "每年" not in read_question("投资10亿元以上的大项目，每年大概滚动推多少个？").clause_words
    assert "一年" not in read_question("这几类产业项目，一年大概要投多少钱？").clause_words


def test_which_meetings_give_a_number_of_attendees(forum):
    # 写明 is the user's word for the report, and a list of who attended gives no number
    assert "写明" not in read_question("哪些会议的报道写明了参会人数？").terms
    assert read_question("有哪些地方交代了参会人数？").about_meeting
    assert forum.answer("哪些会议的报道写明了参会人数？").provinces == ("贵州",)


def test_how_the_user_describes_words_set_together_is_no_key_word():
    # 三样 counts what the question lists; 连在一起讲 says how they are said, not what
    assert read_question("把教育、科技、人才三样连在一起讲的是哪几个地方？").terms == ("教育", "科技", "人才")
    assert "三次" in read_question("王晓晖讲话里提到四川省委三次全会，起了什么作用？").terms  # a session's number names it
    assert "三地" not in read_question("沪、皖、豫三地分别把“免申即享”和什么搭在一起说？").terms  # the places listed


def test_a_speech_s_set_words_of_thanks_answer_who_thanked(forum):
    # 道贺致谢 — 表示热烈祝贺…表示衷心感谢; the name stands before 在讲话中首先代表
    assert direct(forum, "海南座谈会上代表省委省政府向企业道贺致谢的是谁？") == "冯飞"


def test_an_everyday_word_in_quotes_that_no_report_writes_is_a_figure_of_speech(forum):
    # “成绩单” is the user's word for the figures given; a coined name no report writes still refuses
    assert direct(forum, "贵州数字经济大会那份“成绩单”里，观看人次有多少？") == "约120万"
    refused(forum, "贵州数字经济大会“数据十条”里，观看人次有多少？")


def test_a_meeting_named_by_its_short_name_is_the_report_s(forum):
    # “智改数转” shortens 智能化改造数字化转型: each character opens a word of it, in order
    assert direct(forum, "云南“智改数转”推进会是几号开的？") == "2月20日"
    assert abbreviates("智改数转", "制造业智能化改造数字化转型") and not abbreviates("智改数转", "智能制造改革")


def test_the_day_of_what_was_done_before_the_meeting_is_the_meeting_s(forum):
    assert direct(forum, "冯飞为民营企业服务中心揭牌，是在哪天的会前？") == "2月18日"


def test_a_set_the_question_counts_again_is_asked_item_by_item(forum):
    # the clause of the ask names the set by its count: a sentence that only counts it lists none
    assert "具体所指" in refused(forum, "林东升说去年聚焦了“8个方面突破”，这8个方面具体是哪些？")
    a = forum.answer("冯飞说要在“三个方面”打造一流营商环境，这三个方面具体是哪些？")
    assert not a.abstained and "一是打造高效的政务环境" in a.text


def test_phrases_quoted_as_examples_of_a_kind_are_each_enough(forum):
    assert set(forum.answer("哪些地方提到了“营商环境”“数字经济”这类说法？").provinces) == {"海南", "贵州"}


def test_a_question_word_with_its_measure_word_and_a_light_verb_are_no_key_words():
    # 几场 asks, 进行了调度 is 调度: neither tells one report from another
    assert read_question("哪几场会对项目建设情况进行了调度？").terms == ("会", "项目", "建设", "调度")
    assert read_question("提出了几种办法？").terms == ("办法",)


def test_a_figure_of_the_thing_the_sentence_before_names(forum):
    # 该展览 points back to the 成果展; 展区 shortens 展示区; 市里的展区 restricts to nothing
    assert direct(forum, "贵州那个数字经济成果展，除了省展区，市里的展区有几个？") == "9个"
    assert read_question("除了省展区，市里的展区有几个？").restriction == ""


def test_an_event_beside_the_meeting_is_not_the_meeting(forum):
    # the record's host presided over the meeting, not over the forum held beside it
    assert direct(forum, "云南智改数转推进会是谁主持的？") == "王宁"
    refused(forum, "云南那场数字化转型分论坛是谁主持的？")


def test_a_one_character_name_with_its_province_is_the_province_anywhere(forum):
    assert read_question("王宁主持的那场滇省会议，是哪天开的？").provinces == ("云南",)
    assert direct(forum, "冯飞出席的那场琼省会议是哪天开的？") == "2月18日"


def test_a_count_the_question_states_says_which_figure_is_theirs(forum):
    # the 120余个 projects' investment is told after them, the total before
    assert direct(forum, "贵州那120余个数字经济项目，今年的投资额是多少？") == "约500亿元"


def test_the_meeting_asked_for_is_the_one_that_did_it(forum):
    a = forum.answer("海南把今年定为“营商环境提升年”，是在哪次会议上确定的？")
    assert not a.abstained and "省委经济工作会议确定" in a.text
    assert "哪次会议" in refused(forum, "海南把今年定为“营商环境提升年”，是在哪次会议上审议通过的？")


def test_a_title_asked_names_the_one_written_under_it(forum):
    # 为…实验室主任颁发聘书 writes the title alone; the one who gives the letter is not its holder
    assert direct(forum, "崖州湾实验室主任是谁？") == "李海涛"


def test_a_roll_of_who_spoke_or_attended_says_nothing_of_what_they_said_or_their_post(forum):
    # 分别汇报有关工作情况, …安顺市发言, …蓝绍敏、王忠出席: who was there, no more
    assert "未写明具体内容" in refused(forum, "省大数据局在贵州数字经济大会上汇报了哪些内容？")
    assert "未写明具体内容" in refused(forum, "遵义市在贵州数字经济大会上发言，介绍了哪些做法？")
    assert "未写明蓝绍敏的职务" in refused(forum, "贵州大会出席名单里的蓝绍敏，是以什么身份出席的？")
    assert "安顺市" in first_quote(forum, "贵州数字经济大会上有哪些市发言？")


def test_a_count_asked_with_its_measure_word_and_noun_is_the_figure_written_with_both(forum):
    # 书记 is in every report, but 五级书记 counts what 几级书记 asks
    assert direct(forum, "冯飞要求从省里往下几级书记都扛起责任？") == "五级"


def test_the_last_of_a_roll_asked_after_the_act(forum):
    assert direct(forum, "海南座谈会上企业家先后发言，名单里最后一位是谁？") == "王小兰"
    assert direct(forum, "海南座谈会上企业家先后发言，名单里第一位是谁？") == "傅明华"


def test_one_person_named_says_the_report_of_every_part(forum):
    # 冯飞 is 海南's: the second part, which names no province, is answered from 海南 too
    a = forum.answer("冯飞要在几个方面打造一流营商环境？另外，会前为哪个中心揭牌？")
    assert not a.abstained and "海南民营企业服务中心" in a.text
    assert {c.province for c in a.citations if c.quote in a.text} == {"海南"}
    # 数据中心集群 is 贵州's, said by 林东升: no answer for 冯飞
    a = forum.answer("冯飞要在几个方面打造一流营商环境？另外，要推动什么集群建设？")
    assert "数据中心集群" not in a.text and "贵州" not in {c.province for c in a.citations if c.quote in a.text}


def test_questions_that_name_no_report_by_a_place_inside_them():
    # the user's words for what a report writes are no key words; a short institution name
    # places no meeting; the body spoken for may stand far from 发言
    assert read_question("辽宁那场会的分会场，除省直单位和各市县外，还点名了哪个示范区？").predicate == ()
    assert read_question("山东科技情报院这份快讯是哪天印发的？").provinces == ()
    assert read_question("林州市在河南那场推进会上是哪位负责同志发言的？").represents == "林州市"


ECONOMY = """今日测试快讯

2024年第16期

1. 湖北召开全省高质量发展大会

2月18日，湖北省委、省政府在武汉召开全省高质量发展大会。省委书记王忠林出席并讲话。

王忠林强调，要推进中心城区强核提能级，深化鄂西地区高质量发展，建设与中心城区功能互补的现代化光谷新城。

王忠林指出，今年是习近平总书记给湖北企业家回信5周年。

去年全省高新技术产业增加值占比25.5%、较上年提高1.2个百分点。

全省新增高新技术企业2000家、专精特新企业800家、新型研发机构50家。

王忠林表示，今年将安排省级重点项目1200个，年度计划投资8000亿元，其中光电子信息、汽车、生物、新材料等4大类产业汇集项目300余个、年度投资额约900亿元。

2024年一季度集中开工重大项目980个，总投资5600亿元，年度计划完成投资2100亿元。

要打造公平公正的法治环境，高标准推进湖北（武汉）知识产权法务区建设。

省科技厅厅长张明介绍，今年将建设省基础科学中心，设立基础研究特区，加大青年科技人才支持力度。

会上，省发改委通报了一季度重大项目集中开工基本情况，宜昌市、襄阳市分别作了发言。省卫健委、十堰市作表态发言。
"""


@pytest.fixture(scope="module")
def economy(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "economy", ECONOMY, 16)


def test_words_that_frame_a_question_are_not_what_the_answer_must_say(economy):
    # 还点了, 它冠的: an adverb or a pronoun glued to a one-character verb; 相比…多出: the
    # report writes a rise against the year before; 简单说说 asks the assistant
    assert direct(economy, "王忠林讲提能级，中心城区、鄂西之外还点了哪座新城？") == "光谷新城"
    assert direct(economy, "王忠林提到一个知识产权法务区，它冠的是哪座城市的名字？") == "武汉"
    assert direct(economy, "鄂省高新技术产业增加值占比到了25.5%，相比2022年多出多少？") == "1.2个百分点"
    # 盘子 is the colloquial 规模 of a total
    assert direct(economy, "按王忠林的说法，鄂省级重点项目今年的年度投资盘子有多大？") == "8000亿元"
    assert read_question("湖北今年在基础研究和青年科技人才上有哪些新打算？简单说说").speaker == ""
    assert "基础科学中心" in first_quote(economy, "湖北今年在基础研究和青年科技人才上有哪些新打算？简单说说")


def test_a_part_asked_with_a_chinese_numeral_is_the_part_written_with_digits(economy):
    assert direct(economy, "鄂今年1200个省级重点项目中，四大类产业扎堆的项目有多少？") == "300余个"


def test_an_item_picked_by_a_superlative_is_answered_only_by_a_ranking(economy):
    # a total and a count name no largest project; a figure for each kind does say which is most
    assert "哪一个最大" in refused(economy, "湖北一季度集中开工的980个项目里，投资额最大的是哪个项目？")
    assert "2000家" in first_quote(economy, "湖北新增的高新技术企业、专精特新企业、新型研发机构里，哪类数量最多？")
    # 最高领导人 is a name, no pick
    assert "回信5周年" in first_quote(economy, "王忠林说今年恰逢国家最高领导人给湖北企业家做了什么满5周年？")


def test_a_pledge_recorded_says_nothing_of_what_was_pledged(economy):
    assert "未写明具体内容" in refused(economy, "省卫健委在湖北那场会上表态发言，承诺了哪些事？")
    # what a body reported is named by its object (通报了…基本情况)
    assert "基本情况" in first_quote(economy, "湖北那场大会上，省发改委通报了啥？")


ROLLS = """今日测试快讯

2024年第17期

1. 山西召开全省民营经济发展大会

2月18日，省委、省政府在太原召开全省民营经济发展大会。省委书记唐登杰出席并讲话。

省委副书记、省长金湘军主持会议，省委副书记商黎光等省领导出席。

省政协主席吴伟，省委副书记、太原市委书记韦韬，省法院院长、省检察院检察长出席会议。

唐登杰代表省委、省政府向受表扬的民营企业表示热烈祝贺。

会上，太重集团、晋能控股作交流发言。省领导卢东亮、张吉福等出席会议。

唐登杰强调，要打造公平公正的法治环境，弘扬新时代晋商精神。

2. 陕西召开全省高质量项目推进会

农历大年初十，全省高质量项目推进会在西安召开。省委书记赵一德出席并讲话，省长赵刚主持。

西咸新区、宝鸡市党委主要负责同志在主会场参加会议。

赵刚表示，今年将安排省级重点项目600个，其中能源、化工、装备制造等3大类产业汇集项目200余个。

赵刚强调，今年要推动秦创原建设取得新突破。

3. 四川召开全省项目推进会

2月20日，全省项目推进会在成都召开。省委书记王晓晖主持会议并讲话。

会上，21个市（州）分别汇报有关工作情况，阿坝州、凉山州作交流发言。
"""


@pytest.fixture(scope="module")
def rolls(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "rolls", ROLLS, 17)


def test_a_firm_that_spoke_says_which_report(rolls):
    # 太重集团 is named in 山西's report only: the meeting it spoke at is 山西's
    assert direct(rolls, "太重集团作交流发言的那场大会，主持人是哪位？") == "金湘军"


def test_a_roll_says_who_attended_not_what_they_said_or_who_they_are(rolls):
    assert "未写明具体内容" in refused(rolls, "省委副书记商黎光在山西民营经济发展大会上讲了什么？")
    assert "未写明西咸新区发言的内容" in refused(rolls, "西咸新区在陕西推进会上发言讲了什么？")
    assert "未写明卢东亮的职务" in refused(rolls, "山西大会出席的卢东亮，现任什么职务？")
    # a title with no name under it names no one; posts joined by 、 are one person's
    refused(rolls, "山西大会上出席的省法院院长、省检察院检察长分别叫什么？")
    assert direct(rolls, "出席名单里兼任太原市委书记的省委副书记叫什么？") == "韦韬"
    assert direct(rolls, "代表省委、省政府向受表扬的民营企业表示祝贺的是哪位领导？") == "唐登杰"


def test_which_prefectures_is_answered_only_by_a_sentence_naming_them(rolls):
    assert "未列出具体是哪些州" in refused(rolls, "王晓晖在项目推进会上点名表扬了哪些州（市）？")
    assert "阿坝州" in first_quote(rolls, "四川项目推进会上哪些州作了交流发言？")


def test_a_yes_or_no_question_needs_a_sentence_about_what_it_asks(rolls):
    assert "未写明是否设分会场" in refused(rolls, "太原那场民营经济发展大会有没有设分会场？")


def test_a_year_asked_is_not_answered_by_a_lunar_date_and_a_grouping_is_its_count(rolls):
    refused(rolls, "赵刚说要推动秦创原建设，秦创原是哪年启动的？")
    assert direct(rolls, "赵刚把能源、化工、装备制造这些产业项目归成了几大类？") == "3大类"


SHANDONG = """今日测试快讯

2024年第18期

1. 山东召开全省高质量发展大会

2月18日，省委、省政府在济南召开全省高质量发展大会。

省委书记、省人大常委会主任林武出席并讲话，省长周乃翔主持。

林武指出，过去一年，全省上下办成了许多事关长远的大事要事。

在济南新旧动能转换起步区项目现场，林武、周乃翔等察看了重大项目建设情况。

近年来，在鲁投资的世界500强达80家。

座谈会上，王芳、李宁、赵强等企业家代表先后发言。

会上，青岛市、潍坊市汇报工作。烟台市主要负责同志在分会场参会。

周乃翔在讲话中指出，集中开工就是向全社会表明以重大项目促进高质量发展的鲜明态度。

全省集中开工重大项目500个，总投资3000亿元，年度计划完成投资1200亿元。

要高标准推进山东（青岛）知识产权法务区建设。

要推动海洋科技创新，在西海岸新区谋划建设海洋创新中心国际总部。
"""


@pytest.fixture(scope="module")
def shandong(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "shandong", SHANDONG, 18)


def test_what_the_user_frames_is_not_what_the_answer_must_say(shandong):
    # 到山东投资: the province glued to the verb; 兼任: the post a list of posts already says;
    # 工地: a report writes 项目现场
    assert "80家" in direct(shandong, "世界500强企业里，到山东投资的已经有多少家？")
    assert direct(shandong, "山东省人大常委会主任现在由谁兼任？") == "林武"
    assert direct(shandong, "山东大会那天，林武、周乃翔察看项目是在哪个工地？") == "济南"


def test_a_set_named_vaguely_is_not_spelled_out(shandong):
    assert "具体所指" in refused(shandong, "林武说过去一年“办成了许多事关长远的大事要事”，具体是哪几件？")


def test_names_a_roll_does_not_give_are_not_answered(shandong):
    # a list of entrepreneurs names no firm (民营企业 is no firm's name); a body that attended did not report
    assert "哪个公司" in refused(shandong, "王芳在山东座谈会上代表的是哪家公司？")
    assert "未写明烟台市发言的内容" in refused(shandong, "烟台市在山东大会上汇报了哪些工作？")



def test_the_user_s_own_words_around_what_is_asked(shandong):
    # 自己说 names no speaker; 那部分到底 is the user's; a placeholder in brackets stands for the
    # name inside them; 在哪个片区 asks for a place, 片区 is no key word
    assert "鲜明态度" in first_quote(shandong, "周省长自己说集中开工释放的是个什么态度？")
    assert direct(shandong, "鲁那批项目总投资3000亿，其中今年计划完成的部分到底有多少？") == "1200亿元"
    assert direct(shandong, "“山东（××）知识产权法务区”，括号里是哪座城市？") == "青岛"
    assert read_question("海洋创新中心的国际总部，山东打算在哪个片区谋划？").predicate == ("谋划",)


def test_a_list_of_one_character_names_set_off_after_what_it_lists():
    assert read_question("三个直辖市——京、沪、渝——的会各是谁主持的？").provinces == ("北京", "上海", "重庆")
    assert read_question("这三地（粤、苏、浙）的会分别在哪开的？").provinces == ("广东", "江苏", "浙江")


def test_an_instruction_on_how_to_answer_is_no_part_of_its_own():
    # 帮我捋一下 asks how to answer the question before it; it was answered as a second question
    assert read_question("各直辖市的会各开的什么会？帮我捋一下").parts == ()
    assert len(read_question("北京的会是谁主持的？上海的会是哪天开的？帮我捋一下").parts) == 2


HUBEI = """今日测试快讯

2024年第19期

1. 湖北召开全省营商环境大会

农历正月初九，省委、省政府在武汉召开全省营商环境大会。

省委书记林海出席并讲话，省长周文主持。省委常委、组织部部长王强通报2023年全省考核情况。

这是我省连续第六年在春节后首个工作日召开全省性会议，是连续第三年召开全省营商环境大会。

林海强调，湖北发展好，民营经济才会好。

两年来推动5000个重大项目落地开工，2100个重大项目建成投产。

2024年一季度集中开工重大项目800个，总投资4000亿元。

每年滚动推进500个左右投资10亿元以上重大项目。

会上，光谷电子董事长刘华、长江储能董事长赵明等优秀民营企业家作交流发言。

周文指出，要深化司法责任制综合配套改革，增强企业安全感。

要实行逐级督查机制，压紧压实责任。

会上，省科技厅厅长李然发布了一组数据：新获批创新药12个、技术合同成交额3000亿元，均居全国前列。
"""


@pytest.fixture(scope="module")
def hubei(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "hubei", HUBEI, 19)


def test_a_pair_the_segmenter_glued_is_no_word_the_answer_must_hold(hubei):
    # 创新药获批数 → 药获 + 批数, 连着第几年用了 → 年用: glued across 获批 and 几年, written nowhere
    assert direct(hubei, "李然那组数据里，创新药获批数是多少？") == "12个"
    assert direct(hubei, "湖北“全省营商环境大会”这个会名，今年是连着第几年用了？") == "第三年"
    # 互认 stands on its own: the user's word, still required
    assert "互认" in read_question("湖北要跟哪些地方互认检查结果？").terms


def test_the_words_around_a_question_word_that_ask_no_place_figure_or_frame(hubei):
    # 落在哪项…改革上 asks for an item, not a place; 对应的是 is a copula
    assert read_question("湖北讲让企业更有安全感，具体落在哪项司法方面的改革上？").kind != "place"
    assert "司法责任制" in first_quote(hubei, "湖北讲让企业更有安全感，具体落在哪项司法方面的改革上？")
    assert direct(hubei, "湖北组织部长在会上通报的考核，对应的是哪一年？") == "2023年"
    # 已经投产的: the adverb says when, 投产 names the part asked
    assert direct(hubei, "湖北这两年落地的重大项目里，已经投产的有多少个？") == "2100个"


def test_counts_and_days_asked_in_measure_words_of_their_own(hubei):
    q = read_question("湖北每年要开展几轮督查？")
    assert (q.kind, q.unit) == ("figure", "轮")
    assert "这一数字" in refused(hubei, "湖北每年要开展几轮督查？")  # the report gives no count
    assert "初九" in direct(hubei, "湖北那场大会是正月初几开的？")


def test_who_a_question_names_and_the_count_it_states_say_which_things(hubei):
    # 以…身份: as one of them; a list names its kind after 等
    assert direct(hubei, "以优秀民营企业家身份在鄂大会上发言的长江储能董事长叫什么？") == "赵明"
    # 这次800个: the projects stated, not the 500 planned each year
    refused(hubei, "鄂省这次800个开工项目中，单体投资过10亿元的占几个？")
    # a deputy secretary the report never names said nothing in it
    assert "陈明" in refused(hubei, "湖北省委副书记陈明在武汉大会上讲了些什么？")


def test_the_post_asked_is_who_answers_what_was_said_is_what_the_answer_holds(assistant):
    q = read_question("哪位省委书记说，本省好了民营经济才会好？")
    assert "省委书记" not in q.predicate and "民营" in q.predicate
    assert direct(assistant, "哪位省委书记提到，今年正好是总书记给本省做企业的人写回信满十年？") == "周祖翼"


def test_a_phrase_asked_for_as_written_is_in_every_province_s_quote(assistant):
    # the passage was found by the sentence holding it; another of its sentences scored higher
    a = assistant.answer("不看编者按，正文里直接出现“解放思想”这个说法的是哪些省？")
    assert not a.abstained and len(a.citations) >= 4
    assert all("解放思想" in c.quote for c in a.citations if c.province != "总述")


def test_a_comparison_never_quotes_one_sentence_twice(assistant):
    a = assistant.answer("黑龙江和吉林在作风建设上各自怎么提的？")
    quotes = ["".join(c.quote.split()) for c in a.citations[:4]]
    assert len(set(quotes)) == len(quotes), a.text


def test_each_province_asked_about_then_which_ones_is_a_which_question(assistant):
    assert read_question("各省报道正文里（不算编者按），被称作或自称“经济大省”的是哪几个？").qtype == "which"
    assert read_question("江苏推进会上作交流发言的单位是哪几个？").qtype != "which"
    assert read_question("编者说各地新春第一会里反复出现的热词有哪些？").qtype != "which"  # the words are asked
    a = assistant.answer("各省报道正文里（不算编者按），被称作或自称“经济大省”的是哪几个？")
    assert {"江苏", "浙江", "广东", "四川"} <= set(a.provinces)


def test_a_name_ending_in_the_first_character_of_a_verb_is_read_whole(assistant):
    from qa.answering import spans

    text = "省委书记信长星、中国科学院副院长汪克强、中国工程院副院长邓秀新出席会议并讲话。"
    assert [text[a:b] for a, b in spans.persons(text)] == ["信长星", "汪克强", "邓秀新"]
    other = "省委书记许勤强调，要…"
    assert [other[a:b] for a, b in spans.persons(other)] == ["许勤"]
    # 中国工程院来的: a body that came, no span of time (两年来)
    assert "中国工程院" in read_question("江苏那个推进会上，中国工程院来的是哪位副院长？").clause_words
    assert direct(assistant, "江苏那个产业科技创新中心推进会上，中国工程院来的是哪位副院长？") == "邓秀新"


def test_how_the_answer_is_to_be_given_is_read_from_the_whole_question(assistant):
    assert "初九" in direct(assistant, "按农历算，吉林这次大会是哪一天开的？")
    # 农历 is the calendar asked, no word the answer must hold; 那场吉林大会 names the meeting
    assert "初九" in direct(assistant, "景俊海讲话那场吉林大会，报道里用的是农历哪天的说法？")
    # 的“几个必须”，主要是哪些: the items are asked; 叫“几化”: the number in the name
    assert read_question("郝鹏讲打赢攻坚之战的“几个必须”，主要是哪些？").kind != "figure"
    assert read_question("吉林要用好的闭环工作法叫“几化”？").kind == "figure"


def test_how_the_meetings_were_run_is_asked_about_the_meetings(assistant):
    # 的会开法 asks about the meetings: each report's opening is quoted beside what was said
    assert read_question("同样是给民营企业鼓劲，安徽和福建的会开法有什么不同？").about_meeting
    a = assistant.answer("同样是给民营企业鼓劲，安徽和福建的会开法有什么不同？")
    assert any("召开" in c.quote for c in a.citations if c.province == "安徽")


def test_the_kind_of_name_asked_picks_the_sentence_that_names_one(assistant):
    # 定为什么年, unquoted: a sentence naming “…年” answers, not the bulletin's dateline (2024年2月23日)
    assert direct(assistant, "吉林省委把2024年定为什么年？") == "狠抓落实年"
    # 要求深化哪个…行动: 要求 reports the words, 深化 is what the answer must hold
    assert direct(assistant, "尹力在谈绿色发展时，要求北京深化哪个治理大气的行动？") == "一微克"


def test_quoted_words_said_and_a_quoted_meeting_name_are_told_apart(assistant):
    # every phrase quoted as someone's words must be in the sentence whose speaker answers
    assert direct(assistant, "在渝双城经济圈推进大会上，要求坚持“一把手”抓“一号工程”的是哪位领导？") == "袁家军"
    # “三抓三促”推进会 names the meeting: its report holds the phrase, the sentence need not
    assert direct(assistant, "甘肃“三抓三促”推进会上，谁提出要全面打好稳增长阵地战、调结构突围战？") == "任振鹤"


def test_an_appendix_reports_the_event_its_opening_names(assistant):
    # 第2节附1 opens on the press conference: what is said in it was said there
    assert direct(assistant, "江苏专场发布会上晒出科技型中小企业9.4万家这组数据的是谁？") == "徐光辉"
    assert direct(assistant, "江苏那场专场发布会上，用“六个新”概括过去一年成绩的是谁？") == "徐光辉"


@pytest.mark.parametrize("question, speaker", [
    ("刘捷在浙江“三支队伍”大会上讲了哪些内容？", "刘捷"),
    ("王浩在大会上都谈了哪几点？", "王浩"),
    ("殷勇讲了些什么？", "殷勇"),
])
def test_what_someone_said_asked_by_which_points_names_the_speaker(question, speaker):
    assert read_question(question).speaker == speaker


def test_someone_only_in_the_roll_of_those_present_said_nothing_the_report_records(assistant):
    from qa.answering.unsaid import ONLY_RECORDED

    answer = assistant.answer("刘捷在浙江“三支队伍”大会上讲了哪些内容？")
    assert answer.abstained and ONLY_RECORDED in answer.text and "刘捷" in answer.citations[0].quote, answer.text


def test_a_day_asked_is_answered_by_a_date_that_names_its_day(assistant):
    from qa.answering.spans import find

    assert read_question("那场发布会具体几号开的？").unit == read_question("是哪一天？").unit == "日"
    assert read_question("农历哪一天？").unit == "农历"
    # a span of years, or a month, does not say which day
    assert find("date", "研究制定《行动方案(2024—2026年)》，3月底前出台。", "日") == []
    assert find("date", "2月20日，省政府举办发布会；大年初九开工。", "日") == [(0, 5), (15, 19)]
    assert direct(assistant, "苏省政府那场产业科创中心专场新闻发布会，比新春第一会晚了几天？具体几号") == "2月20日"


@pytest.mark.parametrize("question, expected", [
    ("四川那个工作会比别的省晚一天开，具体是几号？", "2月19日"),  # 比别的省晚一天 compares; the meeting is what is dated
    ("湖南招商引资工作会议是在长沙召开的，具体是哪天？", "2月18日下午"),
])
def test_a_clause_that_says_the_meeting_was_held_names_what_is_dated(assistant, question, expected):
    assert read_question(question).predicate == ()
    assert direct(assistant, question) == expected


# a report written in an autonomous region's words (自治区党委, 自治区发展改革委), whose
# speakers are bodies and whose meeting is a 座谈会
BODIES = """今日测试快讯

2024年第19期

1. 广西召开全区营商环境优化提升大会

2月19日上午，自治区党委、自治区政府在南宁召开全区营商环境优化提升大会。自治区党委书记陈刚出席并讲话，自治区主席蓝天立主持。大会全程网络直播，观看人次约80万。

会上，自治区发展改革委通报了2023年营商环境评价情况，柳州市、桂林市和广西柳工集团、玉柴集团先后发言，其他设区市和部分自治区直属单位作书面发言。

陈刚指出，全区上下要抓好两个“一号工程”，以营商环境之优赢得发展之先。

陈刚强调，要深入实施数字广西“一号发展工程”和营商环境“一号改革工程”，推动营商环境再上新台阶。

陈刚在讲话中指出，新的一年要奋发进取、真抓实干。习近平总书记创造性提出新的生产力理论，强调发展新质生产力是推动高质量发展的内在要求。要坚持目标导向、问题导向、结果导向，明确任务书、路线图。

2. 贵州召开全省民营企业座谈会

2月18日，省委、省政府在贵阳召开民营企业座谈会，约1200人参加会议。省委书记徐麟出席并讲话，省长李炳军主持。

徐麟强调，要持续优化营商环境，让民营企业放心投资。

省领导时光辉、卢雍政、吴强出席。

3. 宁夏召开全区科技创新大会

2月18日，自治区党委、自治区政府在银川召开全区科技创新大会，全区共3.5万人在各会场参加会议。

2月18日下午，在大会的成果转化分论坛上，自治区科技厅厅长马建国表示，要具体做好“三个强化三个抓”。

首先，要强化企业主体地位，抓企业创新能力提升。推动企业成为研发投入的主体。

其次，要强化应用牵引，抓关键核心技术攻关。

此外，还要强化赋能搭台，抓科技成果转化。

“今年，我们将深入实施基础研究‘1820’行动，夯实创新根基。”自治区科技厅基础研究处处长马丽介绍，重点包括建设基础科学中心、加大青年人才支持力度。

马建国强调，要持续做好煤炭经济、枸杞经济、葡萄酒经济的大文章，把“三大经济”变为实实在在的项目。
"""


@pytest.fixture(scope="module")
def bodies(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "bodies", BODIES, 19)


def test_a_body_written_before_the_verb_asked_is_who_did_it(bodies):
    assert direct(bodies, "广西大会上谁通报了营商环境评价情况？") == "自治区发展改革委"


def test_a_kind_written_vaguely_beside_a_list_does_not_unsay_the_list(bodies):
    # 部分自治区直属单位 is vague, but the same sentence names 玉柴集团 and the others that spoke
    assert "玉柴集团" in first_quote(bodies, "广西大会上哪些单位发言了？")


def test_a_place_name_ending_in_a_level_asks_no_place():
    # 贵州有哪些省领导, 广州有哪些企业: the 州 and 市 end a name; 城市有哪些 asks for places
    assert read_question("贵州有哪些省领导出席？").kind == "person"
    assert read_question("广州有哪些企业发言？").kind != "place"
    assert read_question("辽宁设分会场的城市有哪些？").kind == "place"


def test_the_kind_of_meeting_asked_names_the_report_s_own_meeting(bodies):
    assert read_question("贵州有哪些省领导出席座谈会？").predicate == ("出席",)
    assert direct(bodies, "贵州有哪些省领导出席座谈会？") == "时光辉、卢雍政、吴强"


def test_a_set_is_spelled_out_by_names_that_hold_it_with_a_word_inside(bodies):
    assert "一号改革工程" in first_quote(bodies, "广西提出实施哪两个“一号工程”？")


def test_a_time_of_day_asked_is_not_answered_by_a_date(bodies):
    assert (read_question("广西大会几点开的？").kind, read_question("广西大会几点开的？").unit) == ("date", "时刻")
    # 几点要求, 哪几点 count points
    assert read_question("陈刚提出了几点要求？").kind == "figure"
    assert read_question("要注重哪几点？").kind != "date"
    answer = bodies.answer("广西大会几点开的？")
    assert answer.abstained and "具体时刻" in answer.text, answer.text
    assert answer.citations[0].quote.startswith("2月19日上午"), answer.text


def test_the_general_secretary_cited_in_a_speech_does_not_take_it_over(bodies):
    from qa.speakers import opening

    assert opening("习近平总书记创造性提出新的生产力理论，强调发展新质生产力是推动高质量发展的内在要求。") is None
    assert direct(bodies, "广西大会上谁说要坚持目标导向、问题导向、结果导向？") == "陈刚"


def test_of_a_speaker_s_sentences_the_one_holding_what_was_named_answers(bodies):
    assert "目标导向" in first_quote(bodies, "陈刚讲了哪些“导向”？")


def test_an_event_asked_by_which_is_no_place():
    assert read_question("马建国在哪个分论坛上讲话？").kind != "place"
    assert read_question("马建国在哪里讲话？").kind == "place"


def test_items_marked_by_their_order_spell_out_the_set_that_counts_them(bodies):
    answer = bodies.answer("马建国提出要做好哪“三个强化三个抓”？")
    quotes = "".join(c.quote for c in answer.citations)
    assert not answer.abstained and all(mark in quotes for mark in ("首先", "其次", "此外")), answer.text


def test_a_counted_name_is_spelled_out_by_items_that_write_its_noun(bodies):
    from qa.answering.context import asks_expansion

    # 哪“三大经济”, 哪些“导向”: the ask right before a quoted name asks what it consists of
    assert asks_expansion(read_question("马建国要求做好哪“三大经济”？"))
    assert asks_expansion(read_question("孟凡利讲了哪些“导向”？"))
    assert "枸杞经济" in first_quote(bodies, "宁夏的“三大经济”具体是哪三个？")


def test_the_largest_meeting_is_ranked_by_the_people_its_report_counts(bodies):
    answer = bodies.answer("哪场会的规模最大？")
    # 观看人次约80万 counts views: it is shown, not ranked
    assert (answer.direct_answer.text, answer.provinces) == ("3.5万人", ("宁夏",)), answer.text
    assert "广西" in answer.text and "观看人次" in answer.text
    assert direct(bodies, "哪场会参会人数最少？") == "1200人"


def test_a_name_quoted_may_stand_in_the_quotation_the_sentence_attributes(bodies):
    assert direct(bodies, "介绍基础研究“1820”行动重点的是哪位处长？") == "马丽"
    # 对外讲的: the user's word for saying it in public, no word the report must hold
    assert "对外" not in read_question("这个行动是哪位处长对外讲的？").predicate


def test_on_stage_is_no_word_a_report_writes_and_a_body_named_asks_who_spoke_for_it(bodies):
    assert read_question("是哪个市上台发言的？").predicate == ("发言",)
    # 玉柴集团 is in the list of those who spoke; who spoke for it, the report does not say
    assert read_question("广西大会上玉柴集团是谁上台发言的？").represents == "玉柴集团"
    refused(bodies, "广西大会上玉柴集团是谁上台发言的？")


def test_a_count_asked_of_a_meeting_named_by_its_kind_counts_the_list(bodies):
    # 座谈会有几位: the 会 closes the meeting's name; it is no modal verb left hanging
    assert read_question("贵州座谈会有几位省领导出席？").predicate == ("出席",)
    assert "3位" in bodies.answer("贵州座谈会有几位省领导出席？").text


def test_a_question_with_you_and_ma_offers_its_side_as_you_mei_you_does(bodies):
    # 有…吗 asks whether, as 有没有 does; a place inside the side is a word it must hold
    assert read_question("广东的会议有香港代表参加吗？").choices == (("香港", "代表", "参加"),)
    assert bodies.answer("广西的会议有网络直播吗？").text.startswith("有。")
    assert not bodies.answer("贵州的会议有网络直播吗？").text.startswith("有。")


def test_which_cities_said_by_one_province_are_its_cities(assistant):
    # no province named: the one that says it is 四川, and the cities its report names answer
    assert direct(assistant, "与会同志前往哪些市参观考察？") == "成都市、德阳市、眉山市"


def test_the_members_of_a_kind_asked_stand_out_of_the_list_that_names_them(bodies):
    # 柳州市、桂林市和广西柳工集团、玉柴集团先后发言: asked which firms, the firms; asked 单位, all of them
    assert direct(bodies, "广西大会上哪些企业发言了？") == "广西柳工集团、玉柴集团"
    assert direct(bodies, "广西大会上哪些市发言了？") == "柳州市、桂林市"


def test_a_kind_asked_whether_is_held_by_a_member_the_quote_lists(bodies):
    answer = bodies.answer("广西大会上有企业发言吗？")
    assert answer.text.startswith("有。"), answer.text


def test_a_meeting_s_theme_is_its_heading(bodies):
    assert direct(bodies, "广西大会的主题是什么？") == "全区营商环境优化提升大会"


@pytest.mark.parametrize("question, province, held", [
    # the overview's 江苏等省份对新质生产力的工作进行了部署，…，广东、浙江、四川等也提及重大项目建设
    # gives 新质生产力 to 江苏; 浙江's own report writes 发展新质生产力 (before: the overview, no verdict)
    ("浙江有没有提到新质生产力？", "浙江", "新质生产力"),
    ("浙江有没有提到重大项目建设？", "浙江", "重大项目建设"),
    ("北京这次推进大会有没有提到北交所？", "北京", "北交所"),
])
def test_a_mention_asked_of_a_province_is_found_in_its_own_report(assistant, question, province, held):
    a = assistant.answer(question)
    assert a.text.startswith("有。") and a.citations[0].province == province and held in a.citations[0].quote, a.text


def test_a_thing_asked_about_is_not_named_by_a_part_of_its_words(assistant):
    # 浙江's report writes 经济 often and 低空经济 nowhere (before: a sentence on 经济调节, as if it answered)
    a = assistant.answer("浙江有没有提到低空经济？")
    assert a.abstained and "低空经济" in a.text, a.text
    # a member of the kind asked names it, and the province need not be repeated: 金川集团作交流发言
    a = assistant.answer("有没有企业在甘肃的会上发言？")
    assert not a.abstained and "金川集团" in a.citations[0].quote, a.text


OVERVIEW_CLAUSES = """今日测试快讯

2024年第15期

编者按：春节后首个工作日，各地召开新春第一会。青海等省份对清洁能源的工作进行了部署，宁夏、海南等也提及营商环境建设，各地都强调了抓落实。

1. 青海召开全省生态保护和高质量发展大会

2月18日，青海省委、省政府在西宁召开全省生态保护和高质量发展大会。

会议提出，全省清洁能源装机占比65.5%，今年要加快建设国家清洁能源产业高地。

2. 宁夏召开全区营商环境优化提升大会

2月19日上午，宁夏回族自治区党委、政府在银川召开全区营商环境优化提升大会。

会议强调，要持续打造市场化法治化国际化一流营商环境，推行企业开办一日办结。
"""


@pytest.fixture(scope="module")
def overview_clauses(tmp_path_factory):
    return over_bulletin(tmp_path_factory, "clauses", OVERVIEW_CLAUSES, 15)


def test_an_overview_sentence_speaks_for_a_province_only_in_its_own_clauses(overview_clauses):
    # 清洁能源 is in the clause that names 青海; 宁夏's clause speaks of 营商环境
    a = overview_clauses.answer("宁夏有没有提到清洁能源？")
    assert not a.text.startswith("有") and (a.abstained or a.citations[0].province != "总述"), a.text
    a = overview_clauses.answer("青海有没有提到清洁能源？")
    assert a.text.startswith("有。") and a.citations[0].province == "青海", a.text
    a = overview_clauses.answer("宁夏有没有提到营商环境？")
    assert a.text.startswith("有。") and a.citations[0].province == "宁夏", a.text


@pytest.mark.parametrize("question, side", [
    ("广东提没提低空经济？", ("低空", "经济")),  # an A-not-A verb asks as 有没有 does
    ("福建的座谈会谈到民营经济没有？", ("民营", "经济")),  # …没有 at the end
    ("上海提到“一网通办”了吗？", ("一网通办",)),  # a quoted phrase is one word: held whole
    ("招商引资的事，湖南有没有提到？", ("招商", "引资", "招商引资")),  # the thing before the question word
    ("“万人助万企”这个说法在河南的会上出现过吗？", ("万人助万企",)),
    ("尹力提到北京证券交易所了吗？", ("北京证券交易所",)),  # a name with a short form (北交所) is one word
])
def test_whether_a_report_names_something_is_read_however_it_is_asked(question, side):
    q = read_question(question)
    assert q.polar and q.mention and q.choices == (side,), (q.polar, q.mention, q.choices)


def test_a_verb_that_begins_another_word_asks_no_mention():
    # guards: 提高 is no 提, and 得不得(了) no A-not-A question
    assert not read_question("广东有没有提高补贴标准？").mention
    assert not read_question("有个省说游客多得不得了，在网上红透了，是哪个省？").choices


@pytest.mark.parametrize("question, province, held", [
    ("安徽提没提一网通办？", "安徽", "一网通办"),
    ("河北说没说“一网通办”？", "河北", "一网通办"),
    ("数字经济这块，浙江是否提及？", "浙江", "数字经济"),
    ("新基建，河南有没有提？", "河南", "新基建"),
    # a short form the report writes in full, and a full name it writes short
    ("四川讲没讲AI？", "四川", "人工智能"),
    ("北京提到北京证券交易所了吗？", "北京", "北交所"),
])
def test_a_mention_asked_in_other_forms_gets_its_verdict(assistant, question, province, held):
    # (before: not read as yes-or-no, so the quote came with no 有)
    a = assistant.answer(question)
    assert a.verdict == "有" and a.citations[0].province == province and held in a.citations[0].quote, a.text


@pytest.mark.parametrize("question", ["广东讲没讲低空经济？", "上海谈到低空经济没有？"])
def test_a_thing_no_sentence_of_the_report_names_is_refused_however_it_is_asked(assistant, question):
    # 低空经济 is 江苏's (before: a sentence of the province's speech, as if it answered)
    a = assistant.answer(question)
    assert a.abstained and not a.verdict and "低空经济" in a.text, a.text


def test_a_composed_bulletin_answers_the_a_not_a_form_from_the_province_s_own_clause(overview_clauses):
    a = overview_clauses.answer("青海提没提清洁能源？")
    assert a.verdict == "有" and a.citations[0].province == "青海", a.text
    a = overview_clauses.answer("宁夏讲没讲清洁能源？")
    assert not a.verdict and (a.abstained or a.citations[0].province != "总述"), a.text


@pytest.mark.parametrize("question, absent", [
    ("哪些省没有提到营商环境？", "营商环境"),
    ("没提“一网通办”的地方有哪些？", "一网通办"),
    ("哪几个省市的报道未提及新质生产力？", "新质生产力"),
    ("哪些省提到了营商环境？", ""),  # guards: a mention asked, and a meeting's condition denied
    ("哪些省市的会议没有赶在2月18日召开？", ""),
    ("哪些省的会没说在哪开的？", ""),  # what a meeting's record leaves out, not a phrase
    ("哪些会议的报道未提及主持人？", ""),
])
def test_a_which_question_may_ask_whose_reports_never_name_something(question, absent):
    assert read_question(question).absent == absent


@pytest.mark.parametrize("question, provinces", [
    # every report's text searched (checked against each province's part of the bulletin)
    ("哪些省没有提到营商环境？", ("江苏", "江西", "河南", "黑龙江", "甘肃")),
    # AI is written 人工智能 by 广东, 江苏 and 四川 only
    ("哪些省份没讲AI？", ("浙江", "北京", "上海", "安徽", "福建", "江西", "河南", "湖南", "重庆", "河北", "辽宁", "吉林", "黑龙江", "甘肃", "云南")),
])
def test_whose_reports_never_name_something_are_listed_not_those_that_do(assistant, question, provinces):
    # (before: the provinces that do name it, the opposite of what was asked)
    a = assistant.answer(question)
    assert not a.abstained and a.provinces == provinces, a.text
    assert [c.province for c in a.citations[: len(provinces)]] == list(provinces), a.text


def test_the_editor_s_overview_is_no_report_that_names_a_thing(overview_clauses):
    # 青海's report writes 清洁能源; the overview names it too, in 青海's clause, but is no report
    a = overview_clauses.answer("哪些省没有提到清洁能源？")
    assert a.provinces == ("宁夏",) and a.citations[0].province == "宁夏", a.text
    a = overview_clauses.answer("哪些省没有提到营商环境？")
    assert a.provinces == ("青海",), a.text


@pytest.mark.parametrize("question, verdicts", [
    ("浙江和江苏有没有都提到低空经济？", {"浙江": False, "江苏": True}),
    ("四川和重庆有没有提到成渝地区双城经济圈？", {"四川": False, "重庆": True}),
    ("广东、江苏、浙江是否都提及新质生产力？", {"广东": True, "江苏": True, "浙江": True}),
])
def test_whether_several_reports_name_something_is_asked_of_each(assistant, question, verdicts):
    # (before: a comparison, quoting each one's closest sentence, named or not: 浙江's 经济调节)
    a = assistant.answer(question)
    lines = a.text.split("\n（")
    assert len(lines) == len(verdicts), a.text
    for line, (province, named) in zip(lines, verdicts.items()):
        line = line.lstrip("（")
        assert line[2:].startswith(f"{province}：{'有。' if named else '未在资料中找到'}"), a.text
    cited = {c.province for c in a.citations if f"[{c.rank}]" in a.text}
    assert {p for p, named in verdicts.items() if named} <= cited, a.text


def test_a_thing_no_report_writes_tells_no_report_apart(assistant):
    # the user's own phrasing, which no report writes as such: listing all eighteen would say
    # that none speaks of it
    a = assistant.answer("哪些省没有提到要优化营商环境？")
    assert a.abstained and "18篇报道都没有出现“要优化营商环境”" in a.text, a.text


COMPUTE = """# 贵州省召开全省数字经济发展大会

2月19日上午，贵州省委、省政府在贵阳召开全省数字经济发展大会。省委书记徐麟出席会议并讲话，省长李炳军主持。

## 今年部署

会议提出，要深化东数西算工程，算力总规模突破50EFLOPS，数据中心存储容量达到30EB。全省新型储能装机达到2GW，年发电量超过80亿kWh。
"""


def test_a_figure_in_latin_units_answers(tmp_path):
    a = assistant_over_report(tmp_path, "guizhou.md", COMPUTE)
    assert direct(a, "贵州算力规模要突破多少？") == "50EFLOPS"
    assert direct(a, "贵州数据中心存储容量要达到多少？") == "30EB"
    assert direct(a, "贵州年发电量要超过多少？") == "超过80亿kWh"
