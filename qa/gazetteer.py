"""Provinces and cities of China, for tagging sections and reading questions.

All 34 provincial-level divisions in short and full names, plus provincial
capitals, major cities and a few well-known districts mapped to their province.
"""
from __future__ import annotations

import re
from functools import lru_cache

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

# city or district -> province short name.  Only names that are unambiguous in
# running Chinese text: 大同, 开封, 吉林市 and the like are left out on purpose.
CITIES: dict[str, str] = {}
for _prov, _names in {
    "河北": "石家庄 唐山 保定 邯郸 廊坊 雄安",
    "山西": "太原 晋中 运城",
    "内蒙古": "呼和浩特 包头 鄂尔多斯",
    "辽宁": "沈阳 大连 鞍山 抚顺",
    "吉林": "长春 延边",
    "黑龙江": "哈尔滨 大庆 齐齐哈尔 牡丹江",
    "江苏": "南京 苏州 无锡 常州 南通 徐州 扬州 镇江 盐城",
    "浙江": "杭州 宁波 温州 绍兴 嘉兴 金华 台州 湖州 义乌",
    "安徽": "合肥 芜湖 蚌埠 马鞍山",
    "福建": "福州 厦门 泉州 漳州 莆田",
    "江西": "南昌 赣州 九江 景德镇",
    "山东": "济南 青岛 烟台 潍坊 淄博 威海",
    "河南": "郑州 洛阳 新乡 许昌",
    "湖北": "武汉 宜昌 襄阳",
    "湖南": "长沙 株洲 湘潭 岳阳 衡阳",
    "广东": "广州 深圳 珠海 佛山 东莞 惠州 汕头 江门 湛江 肇庆 前海 横琴 南沙 松山湖 河套",
    "广西": "南宁 柳州 桂林",
    "海南": "海口 三亚",
    "四川": "成都 绵阳 宜宾 德阳 天府新区",
    "贵州": "贵阳 遵义",
    "云南": "昆明 大理 丽江 玉溪",
    "西藏": "拉萨",
    "陕西": "西安 宝鸡 延安",
    "甘肃": "兰州 天水 酒泉",
    "青海": "西宁",
    "宁夏": "银川",
    "新疆": "乌鲁木齐 喀什",
    "上海": "浦东 临港",
    "北京": "中关村 亦庄",
    "天津": "滨海新区",
    "重庆": "两江新区",
}.items():
    for _name in _names.split():
        CITIES[_name] = _prov


def _alternation(names) -> str:
    # longest first, so 内蒙古自治区 wins over 内蒙古 and 黑龙江 is never cut short
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _province_re() -> tuple[re.Pattern, dict[str, str]]:
    lookup = {}
    for short, full in PROVINCES.items():
        lookup[short] = short
        lookup[full] = short
    return re.compile(_alternation(lookup)), lookup


@lru_cache(maxsize=1)
def _place_re() -> tuple[re.Pattern, dict[str, str]]:
    _, lookup = _province_re()
    places = dict(lookup)
    places.update(CITIES)
    return re.compile(_alternation(places)), places


def province_of(name: str) -> str | None:
    """The short province name for a province (short or full) or a known city."""
    _, places = _place_re()
    return places.get(name)


def provinces_in(text: str, cities: bool = True) -> list[str]:
    """Short names of the provinces named in `text`, in order of first mention."""
    pattern, lookup = _place_re() if cities else _province_re()
    seen: list[str] = []
    for m in pattern.finditer(text):
        p = lookup[m.group(0)]
        if p not in seen:
            seen.append(p)
    return seen


def province_at_start(text: str) -> str | None:
    """The province a heading opens with ("广东召开…", "内蒙古自治区召开…")."""
    pattern, lookup = _province_re()
    m = pattern.match(text)
    return lookup[m.group(0)] if m else None


def normalise_province(name: str) -> str | None:
    """Accept 广东, 广东省 or a city; None when unknown."""
    name = name.strip()
    return province_of(name)
