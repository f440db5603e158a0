"""Spans of the kind a question asks for, inside a quoted sentence: a figure with its
unit, a date, a person's name, a place. Rules for the genre of government reports."""
from __future__ import annotations

import re
from functools import lru_cache

from ..asking import POSTS
from ..gazetteer import AMBIGUOUS, CITIES, PROVINCE_ALIASES, PROVINCES, REGIONS, province_of
from ..layout import CENTURY, numeral
from ..meetings import VENUE_LABEL, looks_like_name
from ..phrases import BODY_END, shortened
from ..speakers import labelled_speaker

_CN_NUM = "零〇一二三四五六七八九十百千万亿两"
CN_DIGITS = "一二三四五六七八九十两"  # the numbers slogans count with (“三个高地”, “五化”)
# (９．８万亿元: a document may write its figures full-width; \d reads ９ as a digit)
_NUM = rf"(?:\d+(?:[.,，．]\d+)*|[{_CN_NUM}]+)(?:\s*(?:多|余|近|约))?"
# a figure: a number with the unit or measure word that says what it counts
_MEASURE = (r"个百分点|美元|元|人次|人|名|位|个|项|家|次|届|年|天|所|座|条|批|倍|户|套|台|件|场|期|轮|支|层|大|级|张|种|类|方面|部|组|"
            r"平方公里|平方米|立方米|公里|千米|米|公顷|亩|吨|千瓦时|千瓦|兆瓦|标准箱|标箱|辆|艘|架次|周年|周|季度|月|"  # (75周年: an anniversary, not 75 weeks)
            # the units of computing, storage and power that technology reports write in Latin
            # letters (算力规模突破50EFLOPS, 存储容量30EB, 装机2GW); 5G names a technology
            r"(?i:[EPT]FLOPS)|EB|PB|TB|GWh|MWh|kWh|GW|MW|kW|Gbps|Mbps")
# a figure: a number with the unit or measure word that says what it counts (30万户, 6805亿元, 1139个)
# (…以上, …左右: a bound or an estimate is part of the figure: 10%以上 is not 10%)
_BOUND = r"(?:以上|以下|以内|左右)?"
_BOUND_END = re.compile(r"(?:以上|以下|以内|左右)$")
# the words a figure may open with: what qualifies it (约4100亿元) and the sentence's verb of a
# total (达110家, 共4.8万人), which the answer shown leaves out
_QUALIFIER = r"约|近|超过|超|逾"
TOTAL_VERB = r"共|达|达到|累计"
_FIGURE = re.compile(
    rf"(?:{_QUALIFIER}|{TOTAL_VERB})?\s*{_NUM}\s*"
    rf"(?:(?:万亿|万|亿|千)?(?:{_MEASURE})|万亿|万|亿|%|％){_BOUND}"
)
_YEAR = re.compile(rf"{CENTURY}\d\d\s*年(?!\s*(?:来|间|多|以上))")
_BARE_NUMBER = re.compile(r"\d[\d—\-.]{2,}\d")
_ORDINAL = re.compile(rf"(?:连续|第)\s*{_NUM}\s*(?:个)?(?:年|次|届|季度|个季度|期|轮|位)?")
_PERCENT = re.compile(rf"{_NUM}\s*(?:%|％|个百分点|倍){_BOUND}|百分之[{_CN_NUM}\d.]+|[{_CN_NUM}]成|"
                      r"(?:超过|逾|近|约|不到)?(?:一半|过半|半数|大半|[一二三四五六七八九十]+分之[一二三四五六七八九十]+)")
# 当日, 次日: a day told from the one the report is about, which names no day of its own
ANOTHER_DAY = "当日|当天|次日|同日|翌日"
_FESTIVAL_DAY = r"(?:龙年|农历)?(?:新春|新年|春节|节后|开年)[^，。；\d]{0,7}?(?:第一个工作日|首个工作日|第一天|首日)"
_DATE = re.compile(
    r"(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|"  # 发布日期：2025-02-05, as web pages write it
    r"(?:\d{4}\s*年\s*|(?:去|今|明|前)年)?\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:\s*(?:上午|下午|晚上|晚))?|"
    # 春节后首个工作日, 龙年春节开假第一天, 农历新年上班第一天, 春节假期结束后首个工作日
    rf"{_FESTIVAL_DAY}|"
    r"(?:农历)?(?:大年|正月)(?:初[一二三四五六七八九十]+|十[一二三四五六七八九]?)|"
    r"\d{4}\s*年\s*\d{1,2}\s*月|(?:去|今|明|前)年\s*\d{1,2}\s*月|\d{1,2}\s*月(?:上旬|中旬|下旬|底|初)|"
    r"(?:19|20)\d\d\s*年?\s*[—\-–~至到]\s*(?:19|20)\d\d\s*年?|"
    # 当日上午, 次日下午: a part of a day told from the one the report is about
    rf"(?:{ANOTHER_DAY})(?:上午|下午|晚上)"
)
# 上午9时, 14:30: a time of day, asked as 几点
_CLOCK = re.compile(r"(?:\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*)?(?:上午|下午|晚上|早上)?\s*\d{1,2}(?:[:：]\d{2}|\s*[时点](?:\s*\d{1,2}\s*分|半)?)(?![\u4e00-\u9fff]{0,2}(?:要求|意见|建议|措施|举措))")
# a part of the year, asked as 哪个时段 or 哪个季度
_PERIOD = re.compile(r"(?:第?[一二三四1-4]|首)季度|[上下]半年|年初|年中|年底|年末|岁末|年内|全年|上午|下午|晚上")
_RELATIVE_YEAR = re.compile(r"(?:今|去|明|前|当)年(?!\s*\d)")
# a date that says its year, by number or relative to now (去年9月, not 农历大年初九)
# (2025-02-05 names its year, month and day)
_ISO_DATE = r"^(?:19|20)\d\d[-/.]"
_NAMES_A_DAY = re.compile(rf"[日号天]|初[一二三四五六七八九十]|正月十|{_ISO_DATE}")
_NAMES_A_YEAR = re.compile(rf"(?:19|20)\d\d\s*年|[今去明前当]年|{_ISO_DATE}")
_HALF_DAY = re.compile(r"上午|下午|晚上")
_ANOTHER_DAY = re.compile(ANOTHER_DAY)
_FESTIVAL_DAYS = re.compile(_FESTIVAL_DAY)
# 已进入大规模建设…并重阶段, 正处在…的关键阶段, 今年是…的攻坚之年: the stage a report names
_STAGE = re.compile(r"(?:处在|处于|进入|迈入|站在|是)([^，。；：“”]{2,30}?(?:阶段|时期|关口|之年))")
_PLAN_PERIOD = re.compile(r"“?十[一二三四五六七八九]五”?(?:时期|期间)?")  # a five-year plan's period, “十五五”
_LUNAR = re.compile(r"农历|正月|大年|初[一二三四五六七八九十]")
# 省委书记黄坤明, 省长王伟中, 主任艾学峰: a title, then a 2-3 character name
TITLES = (
    r"省委书记|市委书记|区党委书记|党委书记|书记|省长|市长|主席|副省长|副市长|副书记|常务副省长|常务副市长|"
    r"厅长|局长|处长|司长|所长|校长|会长|行长|社长|主任|院长|副院长|检察长|部长|董事长|总经理|总裁|秘书长|常委|创始人|创办人|院士"
)
_ENDS_WITH_TITLE = re.compile(f"(?:{TITLES})$")
# 哪位省委书记把…比作…: the post of the person asked (有位书记说…，是谁 asks the same; 讲…
# “关键一招”的那位省长叫什么: the one asked may be pointed at with 那位, when the ask follows)
WHICH_TITLE = re.compile(rf"(?:[哪有](?:位|一位|个)|的那位(?=(?:{TITLES})(?:是谁|叫什么|叫啥|是哪位|[？?]|$)))({TITLES})")
# (a verb of two characters is matched whole: 汪克强、 is a name, the 强 of 强调 is not)
_PERSON_AFTER_TITLE = re.compile(rf"(?:{TITLES})([\u4e00-\u9fff]{{2,3}}?)(?=[，、。；在出主讲作发说代同和与等为对下会赴到就率带：:（(）)\s]|$|"
                                 r"强调|指出|表示|宣布|宣读|提出|提到|提议|要求|部署|通报|介绍|致辞|透露|结合|围绕|认为|建议|希望)")


def names_a_body(word: str) -> bool:
    """工程院, 科技厅, 发改委: a body's name, not a post in one (市委常委)."""
    return len(word) >= 3 and word[-1] in BODY_END and not _ENDS_WITH_TITLE.search(word)


def listed_persons(text: str) -> set[str]:
    """The names of the lists a report gives (省领导蓝绍敏、张安顺、刘惠…出席), every item a name."""
    return {name for _, names in _name_lists(text) for name in names}


def _name_lists(text: str):
    """(start, names) of each list of names, every item a name."""
    for m in [*_PERSON_LIST.finditer(text), *_PERSON_LIST_AFTER_POST.finditer(text), *_PERSON_LIST_AFTER_FIELD.finditer(text)]:
        names = m.group(1).split("、")
        # (刘洪建、…、纳云德、…、孙灿出席: in a long roll a rare surname is still one of the names)
        named = sum(looks_like_name(n) for n in names)
        if named == len(names) or len(names) >= _LONG_ROLL and named >= _ROLL_SHARE * len(names):
            yield m.start(1), names


_LONG_ROLL, _ROLL_SHARE = 4, 0.8  # names in a roll, and the share of them that must look like names


def names_under(title: str, text: str) -> bool:
    """The text writes a name under this title (紫金山实验室主任尤肖虎), not the title alone
    (为紫金山实验室主任颁发聘书)."""
    return name_under(title, text) is not None


def name_under(title: str, text: str) -> tuple[int, int] | None:
    """The span of the first name the text writes under this title."""
    # (省委副书记、合肥市委书记虞爱华: posts joined by 、 are all the name's)
    return next((m.span(1) for m in _PERSON_AFTER_TITLE.finditer(text) if title in posts_before(text, m.start(1)) and m.group(1) not in _NOT_NAMES), None)


def posts_before(text: str, at: int) -> str:
    """The posts written before a name: 省委副书记、省长 before 王伟中, but only 中国科学院副院长
    before 汪克强 in 省委书记信长星、中国科学院副院长汪克强 (a name ends the one before)."""
    parts = text[max(text.rfind(mark, 0, at) for mark in "，。；：") + 1 : at].split("、")
    kept = parts[-1:]
    for part in reversed(parts[:-1]):
        if not _ENDS_WITH_TITLE.search(part):
            break
        kept.insert(0, part)
    return "、".join(kept)


def titled_persons(text: str) -> set[str]:
    """The names `text` gives with a title (省长王伟中) and a common surname (not 主席创造性…)."""
    return {m.group(1) for m in _PERSON_AFTER_TITLE.finditer(text) if m.group(1) not in _NOT_NAMES and looks_like_name(m.group(1))}


def named_firms(text: str) -> set[str]:
    """The firms a report names in a list (…、赛力斯集团作交流发言) or before a post (阳光电源董事长曹仁贤)."""
    return {m.group(1) or m.group(2) for m in _FIRM_NAMED.finditer(text)}


_FIRM_NAMED = re.compile(r"(?:(?<=[、，。；：和与及])|^)(?:([^\W\d和与及、，的是在]{2,10}?(?:集团|控股|公司))(?=[、，。；和与及等作先发在]|$)"
                         r"|([^\W\d和与及、，的是在]{2,10}?)(?=董事长|创始人|总经理|总裁))", re.M)


# 黄坤明强调, 王伟中主持, 黄坤明等省领导: a name the sentence opens with, before a reporting verb
# 刘玉江、孙运锋、张敏出席: a list of names before what they did
# (the last name lazily: 刘惠等出席 lists 刘惠, not 刘惠等; 吴国仕等企业家代表先后发言 lists 吴国仕)
_PERSON_LIST = re.compile(r"(?:^|(?<=[，。；：:]))((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3}?)(?=(?:等(?:[\u4e00-\u9fff]{1,5}?代表)?)?(?:同志)?(?:出席|参加|参会|列席|先后发言|发言|作交流发言|在主会场|讲话))")
# 王晓晖书记讲话: a name the title follows
_PERSON_BEFORE_TITLE = re.compile(r"(?:(?<=[，。；、落实按照根据遵照])|^)([\u4e00-\u9fff]{2,3}?)(?=(?:书记|省长|市长|主任|主席|同志)(?:的)?(?:讲话|要求|部署|指示|批示))")
# 省领导陈炜、董卫民、宋朝华，…: a list of names after the post they share
_PERSON_LIST_AFTER_POST = re.compile(r"(?:领导|常委|委员|同志|副省长|副市长|副主席)((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3}?)(?=[，。；等出参在])")
# 主持：毛伟明, 出席：张迎春、秦国文: a minutes' (纪要) field lines, each the names of one role
_PERSON_LIST_AFTER_FIELD = re.compile(r"(?:^|(?<=\n))(?:主持人?|出席|列席|参加人员|参会人员|记录人?)\s*[:：]\s*((?:[\u4e00-\u9fff]{2,3}、)*[\u4e00-\u9fff]{2,3})(?=[，。；\n]|$)")
# 责任编辑：史筱飞 — a masthead or a list of officials: a role, a colon, a name
# (作者：记者 李慧: a byline may say the author's trade before the name)
_PERSON_AFTER_COLON = re.compile(r"(?:编辑|主编|策划|联系人|负责人|主任|记者|作者)\s*[:：]\s*(?:记者|通讯员|实习生|特约记者)?\s*([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])")
# (韩俊在讲话中首先代表省委、省政府…: an adverb may stand before the verb, and 代表 after 在讲话中 speaks for a body;
# 龚正就贯彻落实本次会议精神指出: what the words are on may stand before it)
_PERSON_BEFORE_VERB = re.compile(r"(?:^|[，。；、])([\u4e00-\u9fff]{2,3}?)(?=(?:在讲话中|在会上)(?:首先|还|也|同时)?代表|代表[省市县区]?(?:委|政府|人大)|(?:在讲话中|在会上|同志)?(?:首先|还|也|同时)?(?:强调|指出|表示|主持|讲话|出席|提出|要求|说|通报|部署|宣布|作|为|向|会见|颁发|下达|宣读|介绍|带领|率|用|透露|坦言|谈到|提到|等(?:省|市)?领导)"
                                r"|(?:就|围绕|结合)[^，。；]{1,24}?(?:强调|指出|表示|提出|要求|讲话))")
_NOT_NAMES = set("会议 大会 全省 全市 我们 他们 各地 各级 省委 省政府 市委 市政府 同志 领导 会上 会议上 要求 大家 企业 我省 我市 今年 去年 当前 新的 代表 此外 随后 最后 首先 其次 同时 主要 "
                 "重要 指示 批示 讲话 部署 决策 关于 对于 亲自 视察 考察 号召 回信 贺信 殷切 嘱托 明确 全面 深入 认真 切实 "
                 # (省检察院检察长出席会议: the verb after a title with no name under it)
                 "出席 列席 参加 参会 主持 发言 出席会 参加会".split())


_MAGNITUDE = {"十": 1, "百": 2, "千": 3}


# 省工业和信息化厅, 人力资源和社会保障厅: a body's name may hold 和; it joins two names only
# after one has ended (潍坊市和省科技厅, 省委和省政府)
INNER_AND = r"(?<![厅局委办市州县区院团司所校])和(?=[\u4e00-\u9fff]{1,8}?(?:厅|局|委|办))"
# (、和平区: after 、 a 和 begins a name, 和平区 or 和县)
_LIST_JOINER = re.compile(rf"、|以及|及|(?<!、)(?!{INNER_AND})和")


def list_items(text: str) -> list[str]:
    """The names a list joins: 济南市、潍坊市和省工业和信息化厅 → 济南市, 潍坊市, 省工业和信息化厅."""
    return _LIST_JOINER.split(text)


def shown_figure(text: str, a: int, b: int) -> int:
    """Where a figure shown as the answer starts: 达110家, 共4.8万人 are shown as 110家 and
    4.8万人, the verb being the sentence's (约, 近, 超过 qualify the figure and stay). Only
    the answer shown: the span's words still weigh as they stand when it is chosen."""
    verb = _TOTAL_VERB_AT.match(text, a, b)
    return verb.end() if verb and verb.end() < b else a


_TOTAL_VERB_AT = re.compile(rf"(?:共计|达到|{TOTAL_VERB})\s*")  # (共计, 达到 before 共, 达: the longer verb goes whole)


def _plausible_numeral(span: str) -> bool:
    """十百千万, 千百 and 千亿(美元俱乐部) are words, not numbers: a Chinese numeral has a
    digit (一…九, 两) or starts with 十, and inside it 十, 百, 千 only step down
    (三千五百, 一千二百万); 万 and 亿 may follow anything."""
    digits = re.sub(rf"^(?:{_QUALIFIER}|{TOTAL_VERB})", "", span.strip())
    if not re.search(r"[一二三四五六七八九两]", digits) and not digits.startswith("十"):
        return False
    if re.search(r"[一二两三四五六七八九]{2}", digits):
        return False  # 一一, 三五成群, 唯一一家: two digits side by side, with no 十百千 between, are no number
    last = 9
    for ch in span:
        if ch in _MAGNITUDE:
            if _MAGNITUDE[ch] >= last:
                return False
            last = _MAGNITUDE[ch]
        elif ch in "万亿":
            last = 9
    return True


# “千名干部进千企”, 万名干部下基层: a slogan counts people or firms by a bare 百, 千 or 万
# (千家万户 and 千行百业 pair two of them: a figure of speech, no count; 万人发明专利拥有量 and
# 千人计划 name a rate's base and a programme, so 人 is no measure of it)
_ROUND_COUNT = re.compile(r"[百千万][名家个户所]")


def _round_count(span: str, before: str, after: str) -> bool:
    return bool(_ROUND_COUNT.fullmatch(span.strip())) and not re.search(r"[百千万]", before + after)


# 排第几 asks a rank: 上班第一天, 第三次 count days and times, they rank nothing
_COUNTED_ORDINAL = re.compile(r"[天日次届年个期轮季周月号批项条家场会步]$")


def figures(text: str, unit: str = "") -> list[tuple[int, int]]:
    """Spans of figures; with `unit` ("个", "人", "元", "%", "第", …) only those that give it."""
    if unit.startswith("第"):
        # 第9个季度, 连续8年; or, for 第几版, the number with that measure word (7.0版)
        measure = unit[1:]
        found = [m.span() for m in _ORDINAL.finditer(text) if re.search(r"\d|[一二三四五六七八九十两]", m.group(0)) and measure in m.group(0)
                 and (measure or not _COUNTED_ORDINAL.search(text[m.start() : m.end() + 1]))]
        if measure and not found:
            # 第几个年头: an anniversary counts years too (回信10周年)
            found = [m.span() for m in re.finditer(rf"{_NUM}\s*{'周?年' if measure == '年' else re.escape(measure)}", text)]
        return sorted(set(found))
    if unit == "%":
        return [m.span() for m in _PERCENT.finditer(text)]
    spans = []
    dates = [m.span() for m in _DATE.finditer(text)] + [m.span() for m in _YEAR.finditer(text)]
    for m in _FIGURE.finditer(text):
        if any(a <= m.start() < b for a, b in dates):
            continue  # 2月18日 is a date and 2024年 a year, not a count of days or years
        if text[max(0, m.start() - 1) : m.start()] == "第":
            continue  # 第9个季度 is an ordinal, not a count of nine
        span, before = m.group(0), text[max(0, m.start() - 6) : m.start()]
        if not re.search(r"\d", span) and not _plausible_numeral(span) and not _round_count(span, before[-2:], text[m.end() : m.end() + 1]):
            continue
        if span in ("一个", "一项", "一批", "一种", "一次"):
            continue  # 的一个重点: an article, not a count of one
        if _PERIOD.fullmatch(span):
            continue  # 一季度 names the first quarter; it counts none (3个季度 does)
        # 观看人次约260万: the unit may be named just before the number (1000个左右投资10亿元: not that far)
        if unit and not _has_unit(span, unit) and not _unit_leads(before, unit):
            continue
        # 观看人次约260万: a sum in 万 with no 元 is money unless what it counts is named before it
        if unit == "元" and "元" not in span and _COUNTED_BEFORE.search(before):
            continue
        start = _range_start(text, m.start())
        if start < m.start() and text[max(0, start - 1) : start] == "第":
            continue  # (第1至3季度: a range of ordinals)
        spans.append(_trim(text, (start, m.end())))
    if not unit:
        # "多少" with no unit: a percentage, or a bare number such as a telephone number
        extra = list(_PERCENT.finditer(text)) + list(_BARE_NUMBER.finditer(text))
        spans += [m.span() for m in extra if not any(a <= m.start() < b for a, b in spans + dates)]
    return sorted(set(spans))


# 5至8年, 3—5个, 10~20家: a range is one figure, its unit written once after its end (not
# 2024—2026年, a span of years, nor 2月18日至20日, a span of days)
_RANGE_LEAD = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?|[一二两三四五六七八九十]{1,3})\s*(?:至|到|—|–|~|～)\s*$")


def _range_start(text: str, at: int) -> int:
    lead = _RANGE_LEAD.search(text[max(0, at - 8) : at])
    return at - len(lead.group()) if lead else at


def amount(span: str) -> float | None:
    """129家 → 129, 4.8万人 → 48000, 两千余个 → 2000, 百分之四 → 4 (as 4% is): a figure's
    value, to compare figures."""
    if (share := re.search(r"百分之([\d.]+|[一二两三四五六七八九十]+)(?:点([〇零一二三四五六七八九]+))?", span)) is not None:
        whole, tenths = share.groups()
        value = float(whole) if whole[0].isdigit() else numeral(whole)
        decimals = "".join(str("〇一二三四五六七八九".index(c)) for c in (tenths or "").replace("零", "〇"))
        return None if value is None else value + (float("0." + decimals) if decimals else 0)
    m = re.search(rf"(\d+(?:\.\d+)?|[{_CN_NUM}]+)\s*(?:多|余|近|约)?\s*(万亿|万|亿|千)?", span)
    if not m:
        return None
    number = m.group(1)
    value = float(number) if number[0].isdigit() else numeral(number)
    if value is None:
        return None
    return value * {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, None: 1}[m.group(2)]


def longest_list(found: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The longest run of spans that one clause lists (48项…、89项…和85项…), not a figure
    a comma sets apart (共推进86项任务，实施…)."""
    runs: list[list[tuple[int, int]]] = []
    for s in sorted(found):
        if runs and not re.search(r"[，,；;。：:]", text[runs[-1][-1][1] : s[0]]):
            runs[-1].append(s)
        else:
            runs.append([s])
    return max(runs, key=len, default=[])


def _has_unit(span: str, unit: str) -> bool:
    if unit == "时长":
        return bool(re.search(r"年|月|天|周|日|小时|季度", span))
    if unit == "人":
        return bool(re.search(r"人|名|位", span))
    if unit == "元":
        return "元" in span or span.endswith(("亿", "万"))
    if unit in _ITEM_MEASURES:  # 多少条举措 is answered by 150项改革举措: one kind of count
        return any(u in span for u in _ITEM_MEASURES)
    return unit in span


_ITEM_MEASURES = ("项", "条", "件")
# 人次约, 工程研究中心达: what may stand between a noun and its count
COUNT_LINKS = "约近超逾达为共计"
_COUNTED_BEFORE = re.compile(rf"(?:人次|人数|人|户|名|家|个|次|辆|吨|件|量)[{COUNT_LINKS}]{{0,2}}$")


def _unit_leads(before: str, unit: str) -> bool:
    """The unit ends `before` but for two characters at most (人次约, 人数为)."""
    # (较上年提高3.2个百分点: the 年 of 上年 is three characters off, and names no span of time)
    tail = re.sub(rf"[{COUNT_LINKS}有是]{{1,2}}$", "", before)
    return any(_has_unit(tail[i:], unit) for i in range(max(0, len(tail) - 2), len(tail)))


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    return a, b


_MONTH_DAY = re.compile(r"(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号]")


def month_day(text: str) -> tuple[int | None, int] | None:
    """The first day a text names, as (month or None, day): 2月19日上午 → (2, 19); 18号 → (None, 18)."""
    m = _MONTH_DAY.search(text)
    return (int(m.group(1)) if m.group(1) else None, int(m.group(2))) if m else None


def dates(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DATE.finditer(text)]


def persons(text: str) -> list[tuple[int, int]]:
    """Spans of people's names: after a title, or opening a clause before a reporting verb."""
    found = []
    for pattern in (_PERSON_AFTER_TITLE, _PERSON_AFTER_COLON, _PERSON_BEFORE_VERB, _PERSON_BEFORE_TITLE):
        titled = pattern in (_PERSON_AFTER_TITLE, _PERSON_AFTER_COLON)
        for m in pattern.finditer(text):
            name = m.group(1)
            # after a title any surname goes (郦雅芳); a bare name needs a common one
            if name not in _NOT_NAMES and looks_like_name(name, titled) and not _place_pattern().fullmatch(name):
                found.append(m.span(1))
    if (labelled := labelled_speaker(text)) is not None:
        found.append(labelled)  # 王成元：…: a transcript's speaker, before the colon
    for at, names in _name_lists(text):
        for n in names:
            found.append((at, at + len(n)))
            at += len(n) + 1
    return sorted(set(found))


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    # ambiguous names (河套, 南沙) decide no province, but they are places all the same
    names = set(PROVINCES) | set(PROVINCES.values()) | set(PROVINCE_ALIASES) | set(CITIES) | set(AMBIGUOUS)
    # a venue is a city or province name, with the district or site that follows it
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?:市|省|州)?")


# a county, district or city the gazetteer does not list, named in a list: 、前郭县、天长市
_LOCAL_UNIT = re.compile(r"(?:(?<=[、，,和与及在化])|^)([\u4e00-\u9fff]{2,5}?(?:县|市|区|州|旗|盟|地区|片区|新区|园区|示范区|开发区|合作区|新城))(?=[、，,。；和与及等的党委高设]|$)")
# (自治区党委: the level of a region is no name; 在南宁召开全区…, 要按照市委…: a verb ends the
# name before it, or opens the clause it stands in)
# (安徽省辖市委书记, 市辖区, 安徽各市: 辖 and 各 write the level of places, not a name)
_NOT_LOCAL = re.compile(r"^[各全本该每省地县市区州外要]|^(?:设区|县级|地级|市县|区县|其他|其它|其余|有关|相关|部分|自治|按照|根据|围绕|通过)"
                        r"|[在的对从向把被辖各]|召开|举行|举办")
# 深化渝西地区: a verb before a name is no part of it
_LEADING_VERB = re.compile(r"^(?:深化|推进|建设|加快|打造|支持|推动|促进|实现|发展|提升|培育|强化|优化|带动|服务|围绕|聚焦|依托)")


def places(text: str, known: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Place names. Asked about `known` provinces, only places inside them, and not the
    provinces themselves: asked 江苏在哪座城市, neither "江苏" nor "甘肃" answers."""
    out = [m.span(1) for m in LABELLED_VENUE.finditer(text)]
    for m in _LOCAL_UNIT.finditer(text):
        verb = _LEADING_VERB.match(m.group(1))
        a = m.start(1) + (verb.end() if verb else 0)
        name = text[a : m.end(1)]
        if len(name) >= 3 and not _NOT_LOCAL.search(name) and not province_of(name[:-1]):
            out.append((a, m.end(1)))
    for m in _place_pattern().finditer(text):
        name = m.group(0)
        base = re.sub(r"(?<=..)[省市州]$", "", name)  # 延边州 is 延边; 广州 stays
        province = province_of(name) or province_of(base)
        # 北京经济技术开发区, 苏州工业园区: a zone named after a place is a place inside it
        zone = _ZONE_AFTER.match(text, m.end())
        inside = zone is not None and (not known or province in known or province is None)
        # (an ambiguous name, 河套, is a place of whichever report names it)
        if not inside and known and (province is not None and province not in known or province_of(base) == base
                                     or name in PROVINCES.values() or name in PROVINCE_ALIASES):
            continue
        if not any(a <= m.start() < b for a, b in out):
            out.append((m.start(), zone.end() if inside else m.end()))
    # a region lies in no one province, so it answers whichever the question names;
    # so does a run of provinces' one-character names (对标沪苏浙, 湘鄂赣)
    # (西部地区, 东北地区: a region is named whole, with the 地区 that may follow it)
    out += [(m.start(), m.end() + 2 if text.startswith("地区", m.end()) else m.end())
            for m in (*_region_pattern().finditer(text), *_ABBREVIATED_RUN.finditer(text))
            if not any(a <= m.start() < b for a, b in out)]
    return sorted(out)


# 地点：省政府第一会议室: a minutes' field line names the venue, whatever its name
LABELLED_VENUE = re.compile(rf"(?:^|(?<=\n)){VENUE_LABEL}([^，。；\s]{{2,20}})")


# 在南昌瑶湖科学岛一期项目现场: a site named by its project (a clause or 在 opens the name)
_PROJECT_SITE = re.compile(r"(?:(?<=在)|(?<=[，,。；;])|^)((?:(?![在，,。；;])[\u4e00-\u9fff\d]){2,24}?项目)(?=的?(?:建设|施工|开工)?(?:现场|工地))")


def buildings(text: str) -> list[tuple[int, int]]:
    """主会场设在省委大礼堂, 在人民大会堂举行: a venue that is a building, named after 在."""
    return [m.span(1) for m in _BUILDING.finditer(text)]


_BUILDING = re.compile(r"(?:在|于)([\u4e00-\u9fff]{1,8}?(?:礼堂|会堂|会议中心|会展中心|宾馆|酒店|饭店|大厦|体育馆|剧院|展览馆))")
_ZONE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:开发区|园区|新区|示范区|合作区|高新区|经开区)(?![\u4e00-\u9fff]*[区县市])")


# one-character names that are seldom anything else inside a word (not 京 新 宁 云 贵 青 台 港)
_ABBREVIATED_RUN = re.compile(r"[沪苏浙皖冀渝粤闽赣豫鄂湘黔滇陇琼]{2,5}")


@lru_cache(maxsize=1)
def _region_pattern() -> re.Pattern:
    return re.compile("|".join(sorted(REGIONS, key=len, reverse=True)))


@lru_cache(maxsize=8192)
def find(kind: str | None, text: str, unit: str = "", known: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Spans of `kind` in `text` (empty for no kind). `known`: provinces the question names.
    Cached: the same sentences are read for every question about their passage."""
    if kind == "date":
        if unit == "时刻":
            return [m.span() for m in _CLOCK.finditer(text)]
        if unit == "农历":
            return [s for s in dates(text) if _LUNAR.search(text[s[0] : s[1]])]
        if unit == "半天":  # (a date with its half day, or the half day alone: 上午, 当日上午)
            held = [s for s in dates(text) if _HALF_DAY.search(text[s[0] : s[1]])]
            return sorted(held + [m.span() for m in _HALF_DAY.finditer(text) if not any(a <= m.start() < b for a, b in held)])
        if unit == "阶段":
            return [m.span(1) for m in _STAGE.finditer(text)]
        if unit == "规划期":
            return [m.span() for m in _PLAN_PERIOD.finditer(text)]
        if unit == "节后":
            return [m.span() for m in _FESTIVAL_DAYS.finditer(text)]
        if unit == "月":  # 几月份: a date that names its month
            return [s for s in dates(text) if "月" in text[s[0] : s[1]] or re.match(_ISO_DATE, text[s[0] : s[1]])]
        if unit == "日":  # 几号: a date that names its day (2月20日, 大年初九, 节后第一天; not 当日上午)
            return [s for s in dates(text) if _NAMES_A_DAY.search(text[s[0] : s[1]]) and not _ANOTHER_DAY.match(text, s[0])]
        # 哪一年: a date that names no year (2月18日, 农历大年初九) does not say it
        found = [s for s in dates(text) if unit != "年" or _NAMES_A_YEAR.search(text[s[0] : s[1]])]
        if unit == "时段":
            found += [m.span() for m in _PERIOD.finditer(text)]
        if unit in ("年", "时候"):  # a year, unless it lies inside a span of years already found
            # (从今年开始: the report's own word for the year is its answer, verbatim)
            found += [m.span() for m in (*_YEAR.finditer(text), *_RELATIVE_YEAR.finditer(text)) if not any(a <= m.start() < b for a, b in found)]
        return sorted(found)
    if kind == "person":
        return persons(text)
    if kind == "place":
        if unit == "项目":
            return [m.span(1) for m in _PROJECT_SITE.finditer(text)]
        found = places(text, known)
        if unit in ("市", "区", "县"):  # a city or district is asked: a region (闽台, 西部) or a run of provinces (沪苏浙) is none
            found = [(a, b) for a, b in found if text[a:b] not in REGIONS and not _ABBREVIATED_RUN.fullmatch(text[a:b])]
        if unit == "区":  # 哪个区县: 渝西地区 is a region, not a district, nor is 渝东新城
            found = [(a, b) for a, b in found if not re.search(r"(?:(?:地|片|园|景|社|辖)区|新城)$", text[a:b])]
        if unit:  # 哪个新区: 雄安 is named with the level asked when the report writes it (雄安新区)
            found = [(a, b + len(unit)) if text[b : b + len(unit)] == unit else (a, b) for a, b in found]
        # asked for a county, a county answers before the cities around it
        return [s for s in found if text[s[0] : s[1]].endswith(unit)] or found if unit else found
    if kind == "figure":
        found = figures(text, unit)
        if unit == "个":
            # 个 counts anything: 落地了多少个 is answered by 85项 (3个省基础科学中心 in the
            # same sentence counts something else; the words around each figure choose)
            found = sorted(set(found) | {s for s in figures(text) if re.search(r"\d\s*(?:多|余)?\s*[项家条件所座批台套]$", text[s[0] : s[1]])})
        return found
    if kind == "name":
        return quoted_terms(text, "")
    return []


def has_figure(text: str) -> bool:
    """A count or an amount, not a date or a section number."""
    return bool(figures(re.sub(r"^\**\s*\d{1,2}\s*[.．、]", "", text)))


def nearest(spans: list[tuple[int, int]], text: str, words: tuple[str, ...], kind: str = "figure",
            weights: dict[str, float] | None = None) -> tuple[int, int] | None:
    """The span the question's key words surround most closely within its clause. In
    Chinese what is done leads a figure and what is counted follows it (完成投资3064亿元,
    4家高新区进入全国20强), and a title leads its holder's name (人大常委会主任王炯): words
    in the same clause count, the nearer the more, and the rarer the more (就业岗位 over
    项目); then the first span."""
    if not spans:
        return None
    lead = 2.0 if kind == "person" else 1.0
    return min(spans, key=lambda s: (-closeness(s, text, words, lead, weights), s[0]))


def closeness(s: tuple[int, int], text: str, words: tuple[str, ...], lead: float = 1.0,
              weights: dict[str, float] | None = None) -> float:
    """How closely the words surround span s inside its clause: each word counts 1/(1+gap),
    times its weight when given, a word before the span `lead` times (a title before a
    name counts double)."""
    a = max((m.end() for m in CLAUSE_END.finditer(text, 0, s[0])), default=0)
    b = next((m.start() for m in CLAUSE_END.finditer(text, s[1])), len(text))
    # (10亿元以上重大项目: the bound is the figure's, and keeps what follows as far as it stood)
    bound = len(m.group()) if (m := _BOUND_END.search(text, s[0], s[1])) else 0
    before, after = text[a : s[0]], text[s[1] - bound : b]
    score = 0.0
    for w in words:
        weight = weights.get(w, 1.0) if weights else 1.0
        if (i := before.rfind(w)) >= 0:
            score += weight * lead / (1 + len(before) - i - len(w))
        elif w[-1] in BODY_END and (short := shortened(w)):  # (中科院派来的副院长: 中国科学院副院长汪克强)
            if found := [*short.finditer(before)]:
                score += weight * lead / (1 + len(before) - found[-1].end())
        if (j := after.find(w)) >= 0:
            score += weight / (1 + j)
    return score


CLAUSE_END = re.compile(r"[，,、；;。！？!?：:\n]")
_PHRASE_END = re.compile(r"[，,；;。！？!?：:\n]")


def clause_of(s: tuple[int, int], text: str) -> str:
    """The clause around span s, cut at punctuation other than 、 (a list stays one clause)."""
    a = max((m.end() for m in _PHRASE_END.finditer(text, 0, s[0])), default=0)
    b = next((m.start() for m in _PHRASE_END.finditer(text, s[1])), len(text))
    return text[a:b]


def joined(spans: list[tuple[int, int]], text: str, commas: bool = False, gap: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Spans that a list joins (刘玉江、孙运锋、张敏) made into one: the answer to 哪些人.
    A name may carry its post in the list (信长星、中国科学院副院长汪克强); with `commas`,
    a comma and a post join too (郝鹏，省委副书记、省长李乐成: a list of the same role).
    `gap`: what else joins them (names of things carry no post)."""
    gap = gap or (_ROLE_LIST_GAP if commas else _LIST_GAP)
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and gap.fullmatch(text[out[-1][1] : a]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


# between two names of a list: 、 or 和, and the next one's post (、中国科学院副院长; ，省委副书记、省长)
_LIST_GAP = re.compile(rf"[、和及与](?:[\u4e00-\u9fff、]{{0,16}}?(?:{POSTS}))?")
_ROLE_LIST_GAP = re.compile(rf"{_LIST_GAP.pattern}|[，,][\u4e00-\u9fff、]{{0,16}}?(?:{POSTS})")


def quoted_terms(text: str, ending: str) -> list[tuple[int, int]]:
    """Spans of quoted names and titles that end with `ending`: “狠抓落实年” for 什么“年”;
    《产业科技，时代浪潮》 for a film's name."""
    pattern = r"[“\"]([^“”\"]{1,20}?)[”\"]|《([^《》]{1,60}?)》"
    out = []
    for m in re.finditer(pattern, text):
        group = 1 if m.group(1) is not None else 2
        if m.group(group).endswith(ending):
            out.append(m.span(group))
    return out
