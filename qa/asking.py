"""The words by which a question asks: across which provinces, for which kind of answer,
in which unit. qa/question.py reads a question's type and kind with them, and
qa/predicate.py what the answer must speak of. Each pattern serves a kind of question
that analysts ask of any meeting report, not a question of the test set.
"""
from __future__ import annotations

import re

from .layout import numeral

# "哪些省份/哪几个省/各地…": ask across the whole corpus for every province that says it
# (哪几场 counts meetings, 哪几场会, not the 哪几场“战” a speech names)
WHICH = re.compile(
    r"哪些(?:省(?!领导|委|长|政府)|市(?!领导|委|长)|地(?!址)|地方|省份|省市|地区|会议|报道)|哪几(?:个)?(?:省|市|地)(?!领导|委|长)|哪[两三四五六七八九十]个?(?:省份?|省市|地方)(?=的?(?:报道|会|讲话))|是哪[两三四五六七八九十]个?(?:省份?|省市)[？?]?$|有哪些省(?!领导|委|长)|哪些个|(?:哪几|哪些)场(?=[^\u4e00-\u9fff“\"‘]|$|[^，,。？?、“\"‘]{0,8}(?:会|开|举行|举办)|[^。？?“\"‘]{0,24}?(?:开|举行|举办)(?:的|[？?]|$))|哪几次会|哪些会上|哪些(?:新春)?第一会|第一会有哪些[？?]?$|"
    r"(?:各地|各省|多地|多省)[^。？?]{0,30}(?:提到|提出|聚焦|部署|召开|涉及|关注)了?(?:哪些|什么)|"
    r"(?:各地|各省|多地|多省)[^。？?]{0,40}的(?:是|有)哪(?:些|几个)[？?]?$|"  # 各省报道里…的是哪几个 (not …的热词有哪些)
    r"(?:省份|省市|省区市|地方|地区|(?<=的)省)[，,]?(?:都|分别)?(?:有|是)哪(?:些|几个?)|"  # …这个说法的省份有哪些, …的地方，都是哪几个, 提到…的省有哪些
    r"有没有哪(?:些|几个?|个)(?:省|市|地|是)|"  # 有没有哪个省是书记本人主持的: whether any, and which
    r"(?:省份|省市|省区市|地方|各省)(?:里|中|当中|之中)[，,]?(?:有)?哪(?:些|几个?)|"  # 十八个省市里，哪些不是…
    # (chat words for whose reports: 谁家会上说了, 哪几家提了, 哪几家是…开的; not 哪几家企业)
    r"谁家(?=的?(?:会|报道)|在会上|[提说讲])|哪(?:几|些)家(?=[提说讲写](?:了|到|过)?|[是在给把还也都有没]|的?会)|"
    # (还有哪个地方也…: besides the one talked about, every other that did it)
    r"还有哪(?:个|一个)?(?:省份|省市|省|地方|地区|城市|市|地)(?!领导|委|长)(?=[^？?]*也)"
)
# (哪些地方 inside the one province named asks for its places, not for other provinces; but
# 哪几个地方的会上提到了雄安新区 asks whose meetings: a place named is then the topic)
LOCAL_WHICH = re.compile(r"哪(?:些|几个?)(?:市|城市|地市|县|区|州|地级市|(?:地方|地区)(?!的?(?:会|报道|新春|第一会)))(?!领导|委|长)")
COMPARE = re.compile(r"不同|区别|差异|异同|相比|比较|对比|有何分别|侧重|哪个先|哪个更|哪个多|谁先|更多|更大|更早")

# 几 that asks: not 这几大类, 那几家 (demonstratives), 提了好几个 (a quantity) nor “营商环境”几个字 (the words quoted); 做好几篇 does ask
NOT_ASKING = r"(?<![这那”\"十])(?<!了好)(?<!有好)(?<!过好)"  # (十几位: some, not how many)
ASKING_JI = NOT_ASKING + "几"
# the measure words a count is asked in: 几个, 几家, 几轮 (督查), 几篇 (文章), 几套 (方案)
COUNTERS = "(?:周年|[个项家次届年天名人位所座条批倍成大级张类种支点组轮篇份笔处台套部本])"

# the posts a name is written under (省委书记黄坤明, 市长龚正)
POSTS = "书记|省长|市长|主任|主席|厅长|局长|院长|部长|董事长|总经理|会长|委员|创始人|创办人"
# the levels of place a question word asks for (哪座城市, 哪个片区); 在哪个片区 is read at 哪个片区
_PLACE_LEVEL = "城市|市|县|区|州|片区|地区|区域|园区|新区|示范区|开发区|合作区|新城|保护区"
# 市委几号工程, 第几号文件: which numbered thing, a name (not a day, nor a figure)
_NUMBERED = "工程|文件|令|线|楼|馆|厅|门|窗口"
DAY_ASKED = rf"几号(?!{_NUMBERED})"
# 开的是什么会, 新春第一会叫什么: the meeting's name is asked (not 在什么会上, 什么会议形式)
MEETING_NAME_ASKED = (r"什么(?:会议|大会|会(?!议))(?![上里中]|形式|方式)"
                      r"|(?:会议?|大会|第一会)的?(?:全称|名字|名称|会名)?(?:是|叫)什么(?:名字|名称)?(?=[？?呢吗]|$)"
                      r"|(?:(?:会议?|大会|第一会)的?(?:全称|名字|名称)|会名)(?:是|叫)?(?:什么)?(?=[？?呢吗]|$)")
# the words that ask: a question holding two (各开的什么会、主要抓什么) asks more than one thing
ASKING_WORDS = re.compile(r"什么|谁|哪|多少|几|怎么|如何|是否")


def asks_one_thing(text: str) -> bool:
    return len(ASKING_WORDS.findall(text)) <= 1
# 几点开的, 几点钟: a time of day (哪几点, 提了几点要求 count points)
CLOCK_ASKED = r"(?<!哪)几点(?:钟|(?=开|召开|举行|开始|结束))|什么时刻|几时(?=开|召开|举行|开始)"
# 是上午还是下午开的: the part of the day (2月18日下午), as the genre dates its meetings
HALF_DAY_ASKED = r"(?:上午|下午|晚上)[^，,。？?]{0,4}还是[^，,。？?]{0,3}?(?:上午|下午|晚上)"
# 节后上班的第几天, 春节后第几个工作日: a day counted from the festival, as the genre dates its
# meetings too (新春上班第一天, 春节后首个工作日)
# 哪个年度的, 什么年份: a year (not 什么年份主题, a theme's name); 哪一个五年规划期: a plan's
# period (“十五五”); 处于哪个阶段: a stage, as the report names it
YEAR_NAMED_ASKED = r"(?:哪(?:一|个|一个)?年(?:度|份)|什么年份)(?![\u4e00-\u9fff](?<!的))"
PLAN_PERIOD_ASKED = r"哪一?[个轮]?五年规划|哪一?个规划期"
STAGE_ASKED = r"(?:哪个|哪一个|什么)(?:发展)?(?:阶段|时期)"
FESTIVAL_DAY_ASKED = r"(?:节|新春|新年|长假|假期|收假|上班|开工|开年)[^，,。？?]{0,6}?第几(?:天|个(?:工作日|上班日|工作天))|第几个(?:工作日|上班日)"
# the kind of answer asked for, each with the question words that ask for it
# the things a name is asked of (什么行动, 那个助企活动叫什么)
NAMED_THINGS = "品牌|行动|工程|计划|名称|口号|称号|体系|战略|目标|机制|模式|平台|活动|专题片|片子|经验|文件|政策|措施"
# 叫什么, 名字是什么, 怎么称呼: the name of whatever the question points at (a person's, when
# it points at a post: question._kind decides)
CALLED_ASKED = r"叫什么|名字(?:是|为)(?:什么|啥)|(?:怎么|如何)称呼|称呼(?:是|为)?什么"
# 总投资盘子多大, 参会规模多大, 面积一共多大: a noun of size, then 多大, asks for a figure (影响多大,
# 难度多大 ask none: no noun of size)
# (only 多大 is the match: the noun before it says what is asked, as in 投资盘子有多大)
_SIZE = r"(?:规模|体量|盘子|总量|总额|金额|面积|容量)"
SIZE_FILLERS = r"(?:一共|总共|到底|究竟|大概|大约)"  # (盘子一共有多大: words between the noun and 多大)
SIZE_LINK = "[有是共约]"  # (规模有多大, 规模约多大: a verb between them)
SIZE_ASKED = (rf"(?:(?<={_SIZE})|(?<={_SIZE}{SIZE_LINK})|(?<={_SIZE}{SIZE_FILLERS})|(?<={_SIZE}{SIZE_FILLERS}[有是]))多大")
# the question words of a figure (多少, 多久, 有多大, 几个), which the kind of a question and where a
# figure is asked both read
_FIGURE_WORDS = (r"多少|多久|多长(?:的)?(?:一段)?(?:时间|时限|期限|周期)|(?:有|是)多大(?![的])|多大(?:规模|体量|金额)|"
                 + SIZE_ASKED + r"|(?<!哪)" + ASKING_JI + COUNTERS + rf"|第几(?!号(?:{_NUMBERED}))")
KIND_WORDS = {
    "date": CLOCK_ASKED + "|" + FESTIVAL_DAY_ASKED + "|" + HALF_DAY_ASKED + "|" + YEAR_NAMED_ASKED + "|" + PLAN_PERIOD_ASKED + "|" + STAGE_ASKED + r"|(?:什么|哪个)(?:期限|时间节点)|期限是|哪天|哪一天|(?:正月|大年)?初几|日子(?=是|为|[？?]|$)|哪日|何时|什么时候|什么时间|什么时段|哪个时段|几月几[日号]|几月份?|哪个月|哪月|" + DAY_ASKED + r"|哪一?年|哪几年|何年|日期是|(?:具体|什么)日期|日期(?=[？?]?$)|时间是|何日|(?:谁|哪个|哪场|哪边|哪方)(?:先|(?:开|召开|举行)?得?更[早晚])|(?:开|召开|举行)得?更[早晚]|同一天",  # which came first: their dates
    "person": r"谁|哪一?位|何人|姓名|哪几位|哪些人|哪几个人|哪个人|哪些(?:省|市)?领导|哪些(?:企业家|专家|院士|嘉宾|负责同志|负责人)|哪个(?:省|市)?领导|(?:(?<=书记)|(?<=省长)|(?<=市长)|(?<=主任)|(?<=主席)|(?<=厅长)|(?<=局长)|(?<=院长)|(?<=部长)|(?<=领导)|(?<=委员)|(?<=负责人)|(?<=检察长)|(?<=秘书长)|(?<=董事长)|(?<=总经理)|(?<=会长)|(?<=行长)|(?<=校长)|(?<=主持人)|(?<=主编)|(?<=编辑)|(?<=记者)|(?<=创始人))叫什么(?:名字)?",
    # 哪个城市/哪座城市 asks for a place named in the text; 哪个省 asks which report says it
    "place": r"在哪里|在哪儿|在哪(?![一个]?(?:天|日|年|月|时|方面|领域|环节|分?论坛|会议?|大会|活动|仪式|场合)|一?(?:项|条|种|类|件|部分)|个省|些|位|几|次|场|届|块|个?号码|[座个一][\u4e00-\u9fff]{0,2}?(?:" + _PLACE_LEVEL + r"))|是哪里|何地|什么地方|哪(?:几)?[座个一][\u4e00-\u9fff]{0,2}?(?:" + _PLACE_LEVEL + r"|地市|地方)|(?:设区市|地级市|县级市|省辖市|自治州|自治县|城市|市|县|区|州)(?:是哪(?:一个|个|儿|里)?|叫什么|有哪[几些]个?(?![\u4e00-\u9fff]*[家位项]?(?:企业|单位|部门|公司|领导|人|项目)))|地点|设在哪|在何处|哪(?:个|一个|座|家)?(?:会场|场馆|宾馆|酒店|礼堂|大厦|会议中心)",
    # 哪几家/哪几个 asks which ones, not how many
    "figure": r"(?:哪个|什么|啥)号码|号码是|" + _FIGURE_WORDS + r"|几成|比例|占比|比重|百分之|增速|增长率",
    # 叫什么, 什么品牌: the name of a programme, a brand, a plan — quoted in the report
    # (用的是哪组数字, 数字代号: a plan named by its figures, “33618”, “3815”)
    "name": MEETING_NAME_ASKED + r"|" + CALLED_ASKED + r"|什么名字|(?:被)?(?:称为|称作|叫做|简称为?|统称为?)什么|[串组]数字?(?:是|为)什么|(?:名称|片名|书名|标题|题目|简称|全称)(?:是|叫)?什么|(?:代号|编号|代码)(?:是|为)?哪[串个组]数字?|哪[串组]数字(?:编号|代号|代码)?|数字(?:代号|编号|代码)(?:是|为)?(?:什么|多少)|名称是|(?:什么(?!样)|哪个)[\u4e00-\u9fff]{0,8}?(?:" + NAMED_THINGS + ")|"
            r"(?:品牌|行动|工程|计划|口号|称号|体系|战略|目标|专题片)(?:是|叫)什么(?=[？?呢吗]|$)|" + rf"第?几号(?:{_NUMBERED})",  # not 体系是什么态度
}
KINDS = {k: re.compile(v) for k, v in KIND_WORDS.items()}
# a figure asked by a question word (多少, 几年) outranks one named by a noun (占比, 增速)
FIGURE_ASKED = re.compile(_FIGURE_WORDS + r"[回遍]?")


def ask_match(text: str, kind: str) -> re.Match | None:
    """Where the question asks for `kind`."""
    if kind == "figure" and (m := FIGURE_ASKED.search(text)):
        return m
    # a kind read from the whole question (那位主任，叫什么) is asked where 叫什么 stands;
    # 辽宁…有哪些市作了发言 asks where 哪些市 stands
    return (KINDS[kind].search(text) or (kind == "place" and LOCAL_WHICH.search(text))
            or re.search(r"叫什么|是什么|什么|[？?]|$", text))
SUMMARY = re.compile(r"概括|总结|主要内容|哪几个方面|哪些方面|哪几方面|几个?(?:方面|角度|层面)|捋|梳理|分别是什么|有哪些|哪[两三四五六七八九十]|哪几[项点条]|什么内容|[讲说谈]了(?:些|点)?什么|部署了(?:什么|哪些)|哪些工作|哪些举措|什么要求")

# the unit a figure question names: "多少个", "几项", "多少亿元", or a noun that implies one
# (多少年度投资: 年度 is no count of years)
# (多少个亿元以上项目: a sum followed by 以上 or 级 sizes the thing counted, and 个 counts it)
UNIT_AFTER = re.compile(r"(?:多少|" + ASKING_JI + r")(?:(个百分点|个亿|万亿元|万亿|亿元|万元|元|亿|万)(?!元?(?:以上|以下|及以上|级))|(万人|人次|人|名|位|个|项|家|次|届|年(?!度)|天|所|座|条|批|倍|%|大|级|张|类|种|支|点|组|轮|篇|份|笔|处|台|套|部|本))")
# a ratio word decides before the noun it is a ratio of (高新技术产业产值占比: a share, not an amount)
UNIT_NOUNS = [
    ("时长", re.compile(r"多久|多长(?:的)?(?:一段)?(?:时间|时限|期限|周期)")),  # 提前了多久: a span of time (两年, 3个月), whatever ratio it is of
    # (占GDP多少, 占全省几成: a share, whatever it is a share of; 占地 is an area)
    ("%", re.compile(r"比例|占比|比重|百分之|增速|增长率|增幅|几成|投入强度|增长的?(?:预期)?目标|(?<=[\u4e00-\u9fff])率(?:是|为|有|达到?)?(?:多少|几)|占(?![地用])[^，,。？?多几]{0,8}?(?:多少|几)(?![个项家次人名位亩])")),
    ("人", re.compile(r"人数|参会人|参加人|与会人|观看人次|人次")),
    ("元", re.compile(r"投资额|金额|资金|总额|投资|投入|收入|产值|营收|生产总值|GDP|规模以上|多少钱")),
]
# 会议的主题是什么: the meeting's own theme, which its heading states (not 围绕哪些主题研讨)
THEME_ASKED = re.compile(r"主题(?:是|为)?(?:什么|啥|何)|什么主题|以什么为主题")
# 几家, 多少个: a count asked, with the measure word it may take
HOW_MANY = r"(?:多少|几)[个家项所座条支位名]?"
# 地区生产总值增长多少: a change asked, which a report tells as a share or a sum (增长8%, 增加300亿元)
CHANGE_ASKED = re.compile(r"(?:增长|增加|提高|提升|上升|下降|减少|回落)了?(?:的?(?:预期)?目标)?(?:是|有|为|达到?)?(?:多少|几)")
# (第几回, 第几遍: the time it is, whatever the report counts it in: 连续第四年)
ORDINAL_ASKED = re.compile(r"(?:第几|连续几|几连|连续(?:了)?多少|连着[\u4e00-\u9fff]{0,3}?(?:几|多少)"
                           r"|连续(?:(?![年几多]|[一二两三四五六七八九十\d])[\u4e00-\u9fff]){2,10}?(?:几|多少)(?=个?(?:次|届|季度)))(?:个)?(?:回|遍|(年|次|届|季度|版|期|轮|位|批|名))?")
# (连着搞了多少个季度, 连续调度重大产业项目多少个季度: a run so far is counted by its ordinal, 连续第9个季度;
# 连续…多少年 may ask a span of years, 连续10年)
# words that restate what kind of answer is wanted: no predicate of their own (盘子 is the
# colloquial 规模 of a total: 投资盘子有多大; 增长目标是多少 asks the growth, which a sentence
# sets as a target in its own words: 会议提出，2025年…增长5.5%左右)
# and words that point back at what the user quoted or named (这话, 这组数, 那个)
# (活动全称, 行动编号: the segmenter joins the thing to the name asked of it)
# (冠以什么名称: a verb that only says a name is asked; not 以哪个地方命名, which asks a place)
# (项目总数是多少, 以哪些地方为对标对象: the total, the object restate what is asked)
# (是几周年纪念: an anniversary is its count of years)
ASKING_NOUNS = re.compile(r"^(?:规模|体量|盘子|目标|公历|阳历|农历|阴历|正月|时段|时间|时间跨度|跨度|期限|年份|年头|时候|日期|周年纪念|纪念|地方|地点|城市|人物|对象|名字|名堂|叫法|姓名|[\u4e00-\u9fff]{0,2}(?:全称|全名|名称|编号|代号)|数字|数值|数量|数目|总数|[这那]是|具体|准确|确切|精确|折合|折算|换算|冠以|冠名|多少|担任|领导|省领导|市领导|官员|负责人|同志|还有|另外|除了|之外|以外|"
                           r"[这那该此][个位场次组句段番些项条]?(?:话|数|数字|数据)?|此次|这一)$")


# question words and meeting boilerplate that carry no topic
BOILERPLATE = re.compile(
    # (这批材料里, 这几份报道中: the user's words for the documents themselves)
    r"(?:这批|这些|这几份|这几篇)(?:材料|资料|报道|文件|文章)(?:里|中|当中|之中)?|"
    r"哪些省份|哪些省市|哪些地方|哪些地区|哪些省|哪几个省|哪个省份|哪个直辖市|哪个城市|哪个省|哪个市|哪位|两省|两地|各地|各省|多地|多省|"
    r"新春第一会|第一会|春节后|开年|会议上|会上|在会上|会议|大会|召开|提到了|提到|提出了|提出|"
    r"分别|都|请问|什么|哪些|如何|怎样|怎么|有何|有哪些|是什么|请|概括|总结|介绍|一下"
)
# 数量最多的那类, 投资最大的: the question picks one item of a list by its figure
SUPERLATIVE = re.compile(r"最(多|大|高|少|小|低)")  # not a key word: it picks, it names nothing
ASKS_LABEL = re.compile(r"^(?:是|为)?(?:哪[个项类种一]{1,2}|什么)[\u4e00-\u9fff]{0,3}$")


# 这期《今日科技快讯》, 本期快讯: the bulletin itself, not a report in it
THE_BULLETIN = re.compile(r"[这本该此]期(?:《[^》]{1,20}》|快讯|简报|汇编)")

# 第三个讲的是什么, 第二点是啥, 其三呢: an ordinal that stands for an item of a list the report
# spells out (not 第一个工作日, 第9个季度, nor 第二个发言的, a place in a roll of speakers)
_ITEM = re.compile(r"(?:第|其)(?P<n>[一二三四五六七八九十]|\d{1,2})(?:个|点|条|项|方面|大)?(?=讲|说|提|是|指|呢|的内容|具体|[？?，,]|$)")
_ASKS_CONTENT = re.compile(r"什么|啥|哪些|内容|具体|呢")
_NOT_CONTENT = re.compile(r"谁|哪位|发言|讲话的|几")


def item_asked(text: str) -> int | None:
    """The item a question asks for, counted from 1 (the last one it names: …第三个讲的是什么，
    第一个呢); None when it asks for none."""
    m = ([None] + list(_ITEM.finditer(text)))[-1]
    if m is None or _NOT_CONTENT.search(text[m.start() :]) or not _ASKS_CONTENT.search(text[m.end() :]):
        return None
    n = numeral(m.group("n"))
    return n if n and 1 <= n <= 10 else None
