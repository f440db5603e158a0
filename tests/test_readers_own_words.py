"""Questions written from the bulletin before any answer was seen, in the reader's own words
rather than the report's:

- 京城, 榕城, 泉城: a city's literary name names its province as its own name does.
- 准备搞的那个行动叫啥, 打算建在哪里: 准备 and 打算 are the user's frame for a plan; reports
  write plans with 将 or 要, or with no verb, so they are no word the answer must hold.
- 全球五百强: a count the user writes in words is held by the digits reports write (500强).
- 代表工程院到场讲话的副院长: the body spoken for ends before 到场, as before 讲话; 哪位副市长把
  任务铺排下去: the one the sentence names under that post, not the speaker of the speech before it;
  没上台讲话、书面作了指示的书记: what the one asked did not do is no field of the meeting.
- 用的是哪组数字, 数字编号: a plan named by its figures (“33618”) is a name asked.
- 多少个工作岗位: of several figures, the one whose noun shares the asked noun's head (就业岗位);
  要投入多少资金 for the industries listed: the one in the clause that lists them.
- 国际总部建在哪里: a place the question itself names says what is asked about, not where.
- 投入资金: money put into projects is what reports write as 投资.
- 直播有多少人次观看: viewers of a broadcast are no attendance of the meeting.

Each is read in the bulletin and, where the rule is about how reports are written, in a
composed plain-text report with Chinese-numbered headings. The tests marked as guards pass
before these rules too: they assert what must not change."""
import pytest

from qa.question import read_question

from .test_strategies import assistant_over_report, direct

HUBEI = """湖北省召开2024年全省高质量发展大会

一、会议概况
2月18日上午，湖北省委、省政府在武汉召开全省高质量发展大会，省委副书记、省长王忠林主持会议。

二、主要成绩
两年来全省新增128个创新平台，提供2.3万个就业岗位，在鄂投资的世界500强达330家。

会议指出，过去一年全省上下坚持以高质量发展统揽全局，经济运行持续回升向好，科技创新能力稳步增强，营商环境不断优化。

省委书记王蒙徽在会上强调，要坚持稳中求进、以进促稳、先立后破，聚焦建设全国构建新发展格局先行区，扎实推动经济实现质的有效提升和量的合理增长。省委常委、副省长赵海山部署全年重点项目建设工作并介绍全球招商系列活动。

会议要求，各地各部门要牢固树立“项目为王”理念，强化要素保障，压实工作责任，确保一季度实现“开门红”。

三、下一步安排
会议要求，深入实施“楚才回家”返乡行动，帮助在外人才回乡创业；锚定“1365”发展目标，在光谷谋划建设长江科创走廊国际合作中心。今年全省重点项目年度计划投资8000亿元，其中先进制造业项目年度投资额约900亿元。
"""


@pytest.fixture(scope="module")
def hubei(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("hubei"), "湖北.txt", HUBEI)


@pytest.mark.parametrize("question, province", [
    ("京城开年推进会上，治理空气质量要继续深化的那个专项行动叫啥？", "北京"),
    ("泉城那场开年大会由谁主持？", "山东"),
    ("榕城开的座谈会上有哪些企业家发言？", "福建"),
])
def test_a_literary_name_names_its_province(question, province):
    assert read_question(question).provinces == (province,)


def test_an_answer_for_a_literary_name_quotes_its_province_only(assistant):
    a = assistant.answer("京城开年推进会上，治理空气质量要继续深化的那个专项行动叫啥？")
    assert a.citations and {c.province for c in a.citations} == {"北京"}  # (云南's 专项行动 before)


def test_a_plan_the_user_says_is_prepared_is_named(assistant, hubei):
    assert direct(assistant, "皖为了帮民营企业去海外开拓市场，准备搞的那个行动叫啥？") == "徽动全球"
    assert direct(hubei, "湖北为了帮在外人才回乡创业，准备搞的那个行动叫啥？") == "楚才回家"


def test_a_count_in_words_is_held_by_its_digits(assistant, hubei):
    assert direct(assistant, "湘省长讲话里说，有多少家全球五百强企业在湖南投了资？") == "211家"
    assert direct(hubei, "在鄂投资的世界五百强有多少家？") == "330家"


def test_the_body_spoken_for_ends_before_arriving(assistant):
    assert read_question("苏那场推进会上，代表工程院到场讲话的副院长叫什么？").represents == "工程院"
    assert direct(assistant, "苏那场推进会上，代表工程院到场讲话的副院长叫什么？") == "邓秀新"


def test_the_one_under_the_post_asked_is_named_not_the_speaker_before(assistant, hubei):
    # (市委书记陈吉宁在会上强调… opens the speech; the sentence after names 副市长华源 doing it)
    assert direct(assistant, "上海这次大会上，是哪位副市长把今年的营商任务逐项铺排下去、还顺带介绍了全球招商活动？") == "华源"
    assert direct(hubei, "湖北是哪位副省长把全年重点项目建设任务逐项铺排下去、还介绍了全球招商活动？") == "赵海山"


def test_what_the_one_asked_did_not_do_is_no_field_of_the_meeting(assistant):
    # (没上台讲话: not the meeting's speakers, 省长王凯出席并讲话, but the 书记 asked)
    question = "郑州开的项目建设推进会，河南省委一把手没上台讲话，而是书面作了指示，这位书记叫什么？"
    assert read_question(question).meeting_field != "speakers"
    assert direct(assistant, question) == "楼阳生"
    assert direct(assistant, "河南省委书记没有出席讲话，只是作了批示，这位书记是谁？") == "楼阳生"  # (a guard, as the next)
    assert direct(assistant, "河南的会上谁讲了话？") == "王凯"


@pytest.mark.parametrize("question, expected", [
    ("重庆打造制造业集群的那套体系用的是哪组数字编号？", "33618"),
    ("重庆在制造业产业集群布局上使用的数字编号是什么？", "33618"),
    ("滇省开年那场项目调度会紧扣的全省发展战略目标，用的是哪组数字？", "3815"),
])
def test_a_plan_named_by_its_figures(assistant, question, expected):
    assert read_question(question).kind == "name"
    a = assistant.answer(question)
    assert not a.abstained and a.direct_answer.text == expected


def test_a_plan_named_by_its_figures_in_a_report_of_another_layout(hubei):
    assert direct(hubei, "湖北锚定的发展目标用的是哪组数字？") == "1365"


def test_of_several_figures_the_one_whose_noun_shares_the_head(assistant):
    assert direct(assistant, "云南说这两年大抓产业项目，给社会带来了多少个工作岗位？") == "超过18万个"


def test_a_place_the_question_names_is_not_where(assistant, hubei):
    assert direct(assistant, "广东科技厅厅长提到，大湾区国创中心的国际总部打算建在哪里？") == "河套"
    assert direct(assistant, "广东的新春第一会主会场设在哪座城市？") == "深圳"  # (a guard)


@pytest.mark.parametrize("question", ["粤发改委说，新一代信息技术、生物、高端装备、新材料这四类产业项目今年大约要投入多少资金？",
                                      "广东发改委主任讲，新一代信息技术、生物这些四大类产业的项目今年大约要投进去多少钱？"])
def test_money_put_in_is_investment_and_its_clause_is_the_list(assistant, question):
    # (年度计划投资1万亿元 is every project's; the clause that lists the industries holds theirs)
    assert direct(assistant, question) == "约1500亿元"


def test_money_of_the_listed_industries_in_a_report_of_another_layout(hubei):
    assert direct(hubei, "湖北先进制造业项目今年大约要投入多少资金？") == "约900亿元"


def test_viewers_of_a_broadcast_are_no_attendance(assistant):
    assert read_question("辽宁营商环境攻坚动员大会的网络直播有多少人次观看？").meeting_field != "scale"
    a = assistant.answer("辽宁营商环境攻坚动员大会的网络直播有多少人次观看？")
    assert a.abstained and "4.8万人" not in (a.direct_answer.text if a.direct_answer else "")
    assert direct(assistant, "吉林那场大会网络直播有多少人次观看？") == "约260万"  # (a guard, as the next)
    assert direct(assistant, "辽宁的动员大会有多少人参加？") == "4.8万人"
