"""Which reports name a thing named after a place (北京证券交易所, 浙江大学), read in full; and
dates asked in the reader's own words. On the built-in bulletin and on composed ones."""
import pytest

from qa.assistant import Assistant
from qa.config import AnswerSettings
from qa.index_store import load_index
from qa.question import read_question
from tests.test_strategies import HashEncoder, assistant_over, bulletin_doc


@pytest.mark.parametrize("question, quoted", [
    ("哪些地方讲到了北京证券交易所？", ("北京证券交易所",)),
    ("提到北京证券交易所的省有哪些？", ("北京证券交易所",)),
    ("哪些省提到了浙江大学？", ("浙江大学",)),
    ("哪些地方讲到了“北京证券交易所”？", ("北京证券交易所",)),
])
def test_a_thing_named_after_a_place_is_asked_of_every_report_as_written(question, quoted):
    # (before: 北京 was the place asked about, and 哪些地方 asked for places inside it)
    q = read_question(question)
    assert q.qtype == "which" and q.quoted == quoted and q.provinces == (), q


@pytest.mark.parametrize("question, provinces", [
    ("谈到雄安的都有哪几个地方？", ("河北",)),  # guards: a place alone, and a place's cities
    ("广东有哪些市提到了低空经济？", ("广东",)),
])
def test_a_place_alone_stays_a_place(question, provinces):
    q = read_question(question)
    assert q.provinces == provinces and q.quoted == (), q


def test_the_reports_that_name_a_thing_after_a_place_are_listed(assistant):
    # 北京's report writes 支持北交所做大做强 (a short form of the name asked)
    a = assistant.answer("哪些地方讲到了北京证券交易所？")
    assert not a.abstained and a.provinces == ("北京",), a.text
    assert "北交所" in a.citations[0].quote, a.text


@pytest.mark.parametrize("question, name", [
    ("哪些省提到了浙江大学？", "浙江大学"),
    ("哪些省提到了上海证券交易所？", "上海证券交易所"),
    ("哪些省提到了“浙江大学”？", "浙江大学"),
])
def test_a_name_no_report_writes_is_said_to_be_written_nowhere(assistant, question, name):
    # (before: 江苏 and 河北, for their 东南大学 and 省属重点骨干大学; or 上海, for 数据交易规则)
    a = assistant.answer(question)
    assert a.abstained and f"18篇报道都没有出现“{name}”" in a.text, a.text


def test_which_provinces_is_asked_as_the_province_has_them():
    # (before: read as asking for a summary)
    assert read_question("提到低空经济的省有哪些？").qtype == "which"


NAMING = """今日测试快讯

2024年第3期

1. 山西召开全省高质量发展大会

2月18日，山西召开全省高质量发展大会。会议要求加快能源革命综合改革试点。支持企业在北交所上市融资。

2. 陕西召开全省优化营商环境大会

2月18日，陕西召开全省优化营商环境大会。会议要求打造市场化法治化国际化营商环境。

3. 宁夏召开全省项目建设推进会

2月19日，宁夏召开全省项目建设推进会。会议提出，推动更多专精特新企业登陆北京证券交易所。

4. 青海召开全省生态保护大会

2月19日，青海召开全省生态保护大会。会议提出，建设国家清洁能源产业高地。

5. 海南召开全省自贸港建设大会

2月20日，海南召开全省自贸港建设大会。会议提出，推进封关运作准备，培育一批拟在北交所挂牌的企业。
"""


def test_every_report_that_writes_a_phrase_asked_as_written_is_read(tmp_path):
    # so few candidates that the nearest passages alone miss reports: every passage is read
    folder = tmp_path / "index"
    assistant_over(folder, [bulletin_doc("naming.txt", NAMING, 2024, 3)])
    narrow = AnswerSettings(min_dense=0.2, candidates=1, sentence_candidates=1, which_sentence_candidates=1)
    a = Assistant(load_index(folder), HashEncoder(), narrow).answer("哪些省提到了“北交所”？")
    assert sorted(a.provinces) == ["宁夏", "山西", "海南"], a.text


def direct_of(assistant, question: str) -> str:
    a = assistant.answer(question)
    assert not a.abstained and a.direct_answer is not None, a.text
    return a.direct_answer.text


@pytest.mark.parametrize("question, day", [
    # the day counted from the festival, as the reports write it (before: read as a count, and refused)
    # (江苏's report and its appendix write it two ways)
    ("江苏那个产业科技创新中心推进会是节后第几天开的？", ("新春上班第一天", "节后开工首日")),
    ("黑龙江的能力作风建设会议，是春节长假结束后第几天开的？", "春节长假结束第一天"),
    ("河北的营商环境大会对应春节后第几个上班日？", "春节后上班第一天"),
    # the half of the day (before: no question of a date at all)
    ("湖南招商引资工作会议是上午开的还是下午开的？", "2月18日下午"),
    ("首都的推进大会是上午还是下午？", "2月19日上午"),
    # the lunar calendar named by its month (before: 2月18日)
    ("吉林的大会换算成农历是正月里的哪天？", "农历大年初九"),
    ("吉林节后那场会要是用农历说，是哪一天？", "农历大年初九"),
])
def test_a_meeting_s_day_is_given_as_asked(assistant, question, day):
    assert direct_of(assistant, question) in ((day,) if isinstance(day, str) else day)


@pytest.mark.parametrize("question, missing", [
    ("湖南的会是节后第几天开的？", "是节后第几天"),  # 湖南's report gives 2月18日下午 only
    ("浙江的会是上午开的还是下午开的？", "是上午还是下午"),  # and 浙江's no half of the day
])
def test_a_day_the_report_does_not_give_in_the_asked_way_is_said_to_be_missing(assistant, question, missing):
    a = assistant.answer(question)
    assert a.abstained and missing in a.text, a.text


@pytest.mark.parametrize("question, answer", [
    # 后来, 专门 and 开了场 frame the event (before: 开场 and 后来 had to be written)
    ("江苏省政府后来又专门开了场新闻发布会，是哪天？", "2月20日"),
    ("黑龙江通报的是哪个年份的能力作风建设考核情况？", "2023年"),
    ("周祖翼说今年是总书记给福建企业家回信几周年？", "10周年"),
    ("云南已经连续调度重大产业项目多少个季度了？", "第9个季度"),
    # a five-year plan is named by its period (面向 is the report's word for 瞄准)
    ("重庆要瞄准哪一个五年规划期谋划一批重大项目？", "“十五五”"),
    ("江苏研发投入占比提前两年完成了哪个五年规划的目标？", "“十四五”"),
    # (这么安排: what the question named already; 第四年 is another run, of the same sentence)
    ("吉林节后首个工作日开全省性会议，是连着第几年这么安排了？", "第十年"),
])
def test_dates_and_runs_asked_in_the_reader_s_words(assistant, question, answer):
    assert direct_of(assistant, question) == answer


@pytest.mark.parametrize("question", [
    # the target year and the deadline are not given; the meeting's own year and day are
    # no answer (before: 2024年, 2月18日上午)
    "云南“3815”战略发展目标的目标年份是哪一年？",
    "华源介绍的“潮涌浦江”分享季，截止日期是哪天？",
])
def test_a_qualified_date_is_not_answered_by_another_date_of_the_sentence(assistant, question):
    a = assistant.answer(question)
    assert a.abstained and a.direct_answer is None, a.text


@pytest.mark.parametrize("question, answer", [
    # a figure the question restates says which thing its time is asked of (before: 取得 had to be written)
    ("云南推动6156个重大产业项目落地开工，用了多长时间？", "两年"),
    ("毛伟明讲改革开放创造的发展奇迹，涵盖了中国多长的一段时间？", "40多年"),
    # 针对哪个年度: a link, as 对应 is (before: 针对 had to be written)
    ("华源部署的上海优化营商环境工作是针对哪个年度的？", "2024年"),
    # a stage, as the report names it
    ("按倪岳峰的说法，雄安新区现在处于哪个阶段？", "大规模建设与承接北京非首都功能疏解并重阶段"),
    # a part of a day told from the meeting's (the question's own 那天上午 is no answer)
    ("四川那天上午去考察企业，正式开会放在哪个时段？", "下午"),
])
def test_spans_of_time_asked_in_the_reader_s_words(assistant, question, answer):
    assert direct_of(assistant, question) == answer


def test_a_deadline_no_report_gives_is_refused(assistant):
    # 什么期限 asks a date: the sentence that names the 150 measures gives none
    a = assistant.answer("上海7.0版方案的150项改革举措要在什么期限前完成？")
    assert a.abstained, a.text


def test_a_year_s_theme_is_no_year():
    # (a guard: 什么年份主题 asks a name, 狠抓落实年)
    assert read_question("吉林省委给2024年起了个什么年份主题？").kind != "date"
    assert read_question("通报的是哪个年度的考核情况？").kind == "date"


def test_conditionals_and_emphasis_are_no_words_an_answer_must_hold():
    q = read_question("吉林节后第一会要是用农历说，是正月哪一天？")
    assert "要是" not in q.predicate and "节后" not in q.predicate, q.predicate
    q = read_question("江苏省政府后来专门开了场发布会，那是哪天？")
    assert set(q.predicate) == {"发布会"}, q.predicate


DAYS = """今日测试快讯

2024年第2期

1. 宁夏召开全区高质量发展大会

龙年春节后第一个工作日上午，自治区党委、政府召开全区高质量发展大会。会议提出，到2027年全区数字经济规模翻一番。

2. 青海召开全省生态保护大会

2月19日下午，青海省委召开全省生态保护大会。会议要求，加快建设国家清洁能源产业高地。
"""


@pytest.fixture(scope="module")
def days(tmp_path_factory):
    return assistant_over(tmp_path_factory.mktemp("days"), [bulletin_doc("days.txt", DAYS, 2024, 2)])


@pytest.mark.parametrize("question, day", [
    ("宁夏的大会是节后第几个工作日开的？", "龙年春节后第一个工作日"),
    ("宁夏的大会是上午开的还是下午？", "上午"),
    ("青海的会是上午还是下午开的？", "2月19日下午"),
])
def test_a_composed_bulletin_gives_the_day_as_asked(days, question, day):
    assert direct_of(days, question) == day
