"""Provinces and cities of China, matched as whole place names.

All 34 provincial-level divisions in short and full names, every prefecture-level
city and a few well-known districts, each mapped to its province.

A name counts only where it stands as a word of its own (jieba decides the word
boundaries): 大理石 is no mention of 大理, 延安精神 none of 延安, 浙江大学 none
of 浙江. A name may carry an administrative or organ suffix (深圳市, 广东省委,
上海市委, 湖南人), and 中共 before it (中共广东省委). Names that point to more
than one place (河套, 南沙, 临港 …) never decide a province on their own.
A question may also name provinces by their one-character names (粤, 川渝, 京、湘、陇三地).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import rjieba

# short name -> full name
PROVINCES: dict[str, str] = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
    "河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省",
    "黑龙江": "黑龙江省", "江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省",
    "福建": "福建省", "江西": "江西省", "山东": "山东省", "河南": "河南省",
    "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省", "海南": "海南省",
    "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
    "甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省",
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区", "澳门": "澳门特别行政区",
}

# city, prefecture or district -> province short name
CITIES: dict[str, str] = {}
for _prov, _names in {
    "河北": "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 雄安",
    "山西": "太原 大同市 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
    "内蒙古": "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安盟 锡林郭勒 阿拉善",
    "辽宁": "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳市 葫芦岛",
    "吉林": "长春 吉林市 四平 辽源 通化 白山市 松原 白城 延边",
    "黑龙江": "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭",
    "江苏": "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
    "浙江": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌",
    "安徽": "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山市 滁州 阜阳 宿州 六安 亳州 池州 宣城",
    "福建": "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 平潭",
    "江西": "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
    "山东": "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
    "河南": "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源",
    "湖北": "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施",
    "湖南": "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西",
    "广东": "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山市 潮州 揭阳 云浮 "
    "前海 横琴 南沙区 松山湖",
    "广西": "南宁 柳州 桂林 梧州 北海市 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
    "海南": "海口 三亚 三沙 儋州",
    "四川": "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山 天府新区",
    "贵州": "贵阳 六盘水 遵义 安顺 毕节 铜仁 黔东南 黔南 黔西南 贵安新区",
    "云南": "昆明 曲靖 玉溪 保山 昭通 丽江 普洱市 临沧 楚雄 红河州 文山州 西双版纳 大理 德宏 怒江州 迪庆",
    "西藏": "拉萨 日喀则 昌都 林芝 山南市 那曲 阿里地区",
    "陕西": "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 西咸新区",
    "甘肃": "兰州 嘉峪关 金昌 白银市 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南",
    "青海": "西宁 海东 玉树 果洛 海北州 海南州 海西州 黄南",
    "宁夏": "银川 石嘴山 吴忠 固原 中卫",
    "新疆": "乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子",
    "上海": "浦东 临港新片区 张江 虹桥",
    "北京": "中关村 亦庄 朝阳区 海淀",
    "天津": "滨海新区",
    "重庆": "两江新区",
}.items():
    for _name in _names.split():
        CITIES[_name] = _prov

# the literary names speeches call a province by (陇原人民, 龙江振兴, 八闽大地, 申城):
# they name the province as surely as its own name does
PROVINCE_ALIASES: dict[str, str] = {
    "陇原": "甘肃", "龙江": "黑龙江", "八闽": "福建", "三秦": "陕西", "齐鲁": "山东", "荆楚": "湖北",
    "三湘": "湖南", "湖湘": "湖南", "燕赵": "河北", "三晋": "山西", "八桂": "广西", "赣鄱": "江西",
    "巴渝": "重庆", "琼州": "海南", "申城": "上海", "陇上": "甘肃", "天府": "四川", "南粤": "广东", "潇湘": "湖南",
    "京城": "北京", "京华": "北京", "沪上": "上海", "津门": "天津",
}
# and the capitals' (羊城, 蓉城)
# (江城, 山城, 绿城 name several cities, or none: they are left out)
CITY_NICKNAMES = {"羊城": "广东", "鹏城": "广东", "蓉城": "四川", "春城": "云南", "星城": "湖南", "榕城": "福建", "鹭岛": "福建",
                  "泉城": "山东", "冰城": "黑龙江", "金陵": "江苏", "筑城": "贵州", "邕城": "广西"}
CITIES.update(CITY_NICKNAMES)

# Names of more than one place, or words as often as names: 河套 (深港河套 or 内蒙古's),
# 南沙 (广州's district or the islands), 临港 ("临港产业" anywhere), 白银 (silver),
# 朝阳 (北京 or 辽宁), 海西 (青海 or 福建's 海峡西岸), 阿里 (西藏 or the company), 中山
# (广东 or any 中山路). Their suffixed forms above (南沙区, 中山市 …) still count.
# regions that span provinces: places a report names (在东北振兴中), which decide no province
REGIONS = frozenset("东北 华北 华东 华南 华中 西北 西南 东部 中部 西部 东南沿海 长三角 长江三角洲 珠三角 京津冀 粤港澳大湾区 "
                    "大湾区 成渝地区 长江经济带 黄河流域 环渤海 北部湾 中原 关中 港澳 港澳台 闽台 两岸 海峡两岸".split())
# the provinces a region is made of, where that is settled (东北三省, 长三角三省一市)
REGION_PROVINCES = {"东北": ("辽宁", "吉林", "黑龙江"), "长三角": ("上海", "江苏", "浙江", "安徽"),
                    "长江三角洲": ("上海", "江苏", "浙江", "安徽"), "京津冀": ("北京", "天津", "河北"), "成渝": ("重庆", "四川")}
AMBIGUOUS = frozenset("河套 南沙 临港 白银 朝阳 海西 阿里 中山 大同 白山 黄山 北海 普洱 红河 怒江 文山 山南 海南州".split())

# what may follow a name inside one word: an administrative unit (广东省科技厅), an organ
# (上海市委), a person (湖南人), a zone named after the place (苏州工业园区)
_SUFFIX = re.compile(r"(?:省|市|区|县|州|盟|地区|自治|特别行政区|壮族|回族|维吾尔)|(?:人|籍|党委|委|政府)$|.*区$")
_UNIT_END = ("省", "市", "区", "县", "州", "盟")
_PARTY = ("中国共产党", "中共")


def alternation(names) -> str:
    # longest first, so 内蒙古自治区 wins over 内蒙古 and 南沙区 over 南沙
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# 湖北, 湖北省 as a question writes them; the 省 of 湖北省长, the 市 of 天津市长, is the post's:
# taken with the place, 长是 would be left as what is asked; so is the 省 of 湖北省委书记 (委书记
# would be the post asked, and 政法委书记 holds it)
PROVINCE_NAMES = re.compile("|".join(
    re.escape(n) + ("(?![长委])" if n[-1] in "省市" else "")
    for n in sorted(set(PROVINCES) | set(PROVINCES.values()), key=len, reverse=True)))


@lru_cache(maxsize=2)
def _names(cities: bool) -> tuple[re.Pattern, dict[str, str | None]]:
    lookup: dict[str, str | None] = {}
    for short, full in PROVINCES.items():
        lookup[short] = lookup[full] = short
    lookup.update(PROVINCE_ALIASES)
    if cities:
        lookup.update(CITIES)
        lookup.update(dict.fromkeys(AMBIGUOUS, None))
    return re.compile(alternation(lookup)), lookup


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    province: str | None  # None for an ambiguous name


def mentions(text: str, cities: bool = True, ambiguous: bool = False) -> list[Mention]:
    """The place names of `text` that stand as whole words, in order."""
    pattern, lookup = _names(cities)
    found = [m for m in pattern.finditer(text)]
    if not found:
        return []
    tokens = rjieba.tokenize(text)
    token_at = {}  # character offset -> (token start, token end)
    for _, s, e in tokens:
        for i in range(s, e):
            token_at[i] = (s, e)
    out = []
    for m in found:
        s, e = m.span()
        t_start, _ = token_at.get(s, (s, e))
        if t_start != s and text[t_start:s] not in _PARTY:
            continue  # inside a word: 洞庭湖南岸 has no 湖南
        _, t_end = token_at.get(e - 1, (s, e))
        rest = text[e:t_end]
        if rest and not m.group(0).endswith(_UNIT_END) and not _SUFFIX.match(rest):
            continue  # the name opens a longer word: 大理石, 延安精神, 北京时间
        province = lookup[m.group(0)]
        if province is not None or ambiguous:
            out.append(Mention(s, e, m.group(0), province))
    return out


def province_counts(text: str) -> Counter:
    """How often each province is named in `text` (ambiguous names left out)."""
    return Counter(m.province for m in mentions(text))


def place_led_name(text: str) -> bool:
    """北京证券交易所, 浙江大学, 上海交通大学: a body named after a place, one thing wherever it is
    written (浙江大学 is no word of 浙江). A phrase that opens with a place (北京非首都功能疏解)
    is no name."""
    m = _names(True)[0].match(text)
    rest = text[m.end() :] if m else ""
    return len(rest) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", rest) is not None and _BODY.search(rest) is not None \
        and not re.search(r"[的之与和及或要把让对在等]", rest)


# the bodies a place names (a closed class: exchanges, universities, banks, firms, institutes, ...)
_BODY = re.compile(r"(?:交易所|大学|学院|银行|集团|公司|研究院|研究所|实验室|医院|机场|博览会|交易会|报社|出版社|电视台|协会|学会|商会)$")


def provinces_in(text: str, cities: bool = True) -> list[str]:
    """Short names of the provinces named in `text`, in order of first mention."""
    seen: list[str] = []
    for m in mentions(text, cities):
        if m.province not in seen:
            seen.append(m.province)
    return seen


def province_at_start(text: str, cities: bool = False) -> str | None:
    """The province a text opens with ("广东召开…", "内蒙古自治区召开…", "中共广东省委…")."""
    text = text.lstrip()
    for p in _PARTY:
        if text.startswith(p):
            text = text[len(p) :]
            break
    found = mentions(text[:40], cities, ambiguous=True)
    if found and found[0].start == 0:
        return found[0].province
    return None


# a title may open with a lead phrase: "新春第一会｜广东：…", "聚焦高质量发展 广东召开…", "【新春第一会】广东…",
# "重磅！浙江新春第一会，释放这些信号" (as an official account writes it)
_TITLE_PARTS = re.compile(r"[｜|丨:：\s】\]〕！!，,]+")
_BRACKETS = "【】[]〔〕《》“”\"' "


def heading_province(title: str) -> str | None:
    """The province a report title names: its opening place, a city or an organ mapped to its province."""
    parts = [p.strip(_BRACKETS) for p in _TITLE_PARTS.split(title.strip().lstrip(_BRACKETS), maxsplit=3)]
    for part in parts[:3]:
        province = province_at_start(part, cities=True)
        if province:
            return province
    # 全省高质量发展大会在济南召开: the place a title says the meeting was held in
    held = _HELD_AT.search(title)
    return province_at_start(held.group(1), cities=True) if held else None


_HELD_AT = re.compile(r"在([\u4e00-\u9fff]{2,6}?)(?:市|省)?(?:召开|举行|举办|开幕)")


def province_of(name: str) -> str | None:
    """The short province name for a province (short or full) or a known city."""
    _, lookup = _names(True)
    return lookup.get(name)


def normalise_province(name: str) -> str | None:
    """Accept 广东, 广东省 or a city; None when unknown."""
    return province_of(name.strip())


# a province's one-character name (粤, 苏, 皖 …) opening a question. Characters that
# start common words (云, 贵, 新, 青, 宁, 吉, 黑, 甘) are left out: 新能源 is no province.
ABBREVIATIONS = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "晋": "山西", "辽": "辽宁",
    "苏": "江苏", "浙": "浙江", "皖": "安徽", "闽": "福建", "赣": "江西", "鲁": "山东", "豫": "河南",
    "鄂": "湖北", "湘": "湖南", "粤": "广东", "琼": "海南", "川": "四川", "蜀": "四川", "黔": "贵州",
    "滇": "云南", "陕": "陕西", "陇": "甘肃", "桂": "广西", "藏": "西藏",
}


def abbreviated_province(text: str) -> tuple[str, ...]:
    """粤高质量发展大会…, 苏那个推进会…, 鲁省…: a one-character name that stands alone as a word."""
    first = text[:1]
    if first in ABBREVIATIONS and rjieba.cut(text[:8])[0] in (first, first + "省"):
        # (沪和冀的书记都说…, 粤…和赣一季度…: a name paired with it by 和 is one too, unless it
        # opens a place named in full, 和苏州)
        taken = [(m.start, m.end) for m in mentions(text)]
        paired = [ABBREVIATIONS[m.group(1)] for m in _PAIRED.finditer(text, 1) if not any(a <= m.start(1) < b for a, b in taken)]
        return tuple(dict.fromkeys([ABBREVIATIONS[first], *paired]))
    # (那场川省会议: with 省 after it, the name is one anywhere in the text)
    found = [ABBREVIATIONS[w[0]] for w in rjieba.cut(text) if len(w) == 2 and w[1] == "省" and w[0] in ABBREVIATIONS]
    return tuple(dict.fromkeys(found))


# (not the first of a run, 和京津冀: a region)
_PAIRED = re.compile("[和与跟同及、]([" + "".join(ABBREVIATIONS) + "])(?![" + "".join(ABBREVIATIONS) + "])")


# In a list of one-character names said to be places (粤、浙两省, 川渝都, 京、湘、陇三地),
# the characters that also start common words are names too.
LISTED_ABBREVIATIONS = {**ABBREVIATIONS, "云": "云南", "贵": "贵州", "新": "新疆", "青": "青海", "宁": "宁夏",
                        "吉": "吉林", "黑": "黑龙江", "甘": "甘肃", "蒙": "内蒙古"}
_ONE = "[" + "".join(LISTED_ABBREVIATIONS) + "]"
# what makes two or more such characters a list of places: a word that speaks of each
# (都, 各, 分别), or a count: of anything when they are set apart (粤、苏两位厅长), of
# places or sides when they are run together (川渝两地, not 新晋两位)
_EACH = r"都|各|分别"
# (三个直辖市——京、沪、渝——, 三地（京、沪、渝）: a list set off after what it lists)
_ABBREVIATION_LIST = re.compile(rf"{_ONE}(?:[、和与及跟同]{_ONE})+(?=[两二三四五六七八九十几多]|{_EACH})"
                                rf"|{_ONE}{{2,}}(?=[这那]?[两二三四五六七八九十几多]?(?:省|市|地|场|边|方)|{_EACH})"
                                rf"|(?:(?<=[省市地方]——)|(?<=[省市地方][（(])){_ONE}(?:、{_ONE})+(?=——|[）)])")


def listed_provinces(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Lists of provinces by their one-character names, as (start, end, provinces);
    none that overlaps a place named in full (江苏、浙江两省 is read by the gazetteer).
    A question is read with such a list spelled out."""
    taken = [(m.start, m.end) for m in mentions(text)]
    out = []
    for m in _ABBREVIATION_LIST.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            names = [LISTED_ABBREVIATIONS[ch] for ch in m.group() if ch in LISTED_ABBREVIATIONS]
            out.append((m.start(), m.end(), tuple(dict.fromkeys(names))))
    return out
