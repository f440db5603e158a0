"""Read a question: which provinces it names, what kind of answer it wants, its key words."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import PROVINCES, provinces_in
from .keyword_index import tokenize

# "哪些省份/哪些地方/哪几个省/各地…" ask across the whole corpus
_WHICH = re.compile(r"哪些(?:省|市|地|地方|省份|省市|地区)|哪几(?:个)?(?:省|市|地)|(?:各地|各省|多地|多省)[^。？?]{0,30}(?:提到|提出|聚焦|部署|召开|涉及|关注)|有哪些省|哪个省份|哪些个")
_COMPARE = re.compile(r"不同|区别|差异|异同|相比|比较|对比|有何分别|侧重")
_NUMBER = re.compile(r"多少|几[个年项家次届天名]|几$|数量|规模|比例|占比|百分|增长率|增速|金额|投资额|总额|目标是|排名|第几")
_PERSON = re.compile(r"谁|哪位|何人|姓名|书记是|省长是|市长是|厅长是|主持人")
# question words that carry no topic
_BOILERPLATE = re.compile(
    r"哪些省份|哪些省市|哪些地方|哪些地区|哪些省|哪几个省|哪个省份|哪个直辖市|哪个城市|哪个省|哪个市|哪位|两省|两地|各地|各省|多地|多省|"
    r"新春第一会|第一会|春节后|开年|会议上|会上|在会上|会议|大会|召开|提到了|提到|提出了|提出|"
    r"分别|都|请问|什么|哪些|如何|怎样|怎么|有何|有哪些|是什么|请|概括|总结|介绍|一下"
)


# "哪个省打算…", "哪位省委书记把…": the asking part carries no meaning for the
# encoder, and a statement matches the report's own sentences better
_ASKING_LEAD = re.compile(
    r"^(?:请问)?(?:哪个|哪些|哪位|哪几个|哪一个)(?:省份|省市|直辖市|城市|地方|地区|省|市)?(?:的)?"
    r"(?:地方主官|省委书记|主要领导|领导|官员|书记|省长|市长)?"
)


MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# questions about the meeting itself (its theme, form, date, size, chair) are
# answered by a report's opening paragraph, which names all of these
_ABOUT_MEETING = re.compile(r"主题|名义|形式|召开|举行|先开|哪天|日期|时间|规模|参会|参加|主持|会议名称|什么会")


@dataclass(frozen=True)
class Question:
    text: str
    search_text: str  # what the encoder sees: the question as a statement
    provinces: tuple[str, ...]  # named in the question (cities mapped to provinces)
    mode: str  # "fact", "which" or "compare"
    topic: str  # the question without province names and question boilerplate
    terms: tuple[str, ...]
    wants_number: bool
    wants_person: bool
    about_meeting: bool


def read_question(text: str, max_chars: int = 2000) -> Question:
    # A pasted page is not a question; the start of it carries the intent.
    text = text.strip()[:max_chars]
    provinces = tuple(provinces_in(text))
    if not provinces and "直辖市" in text:
        provinces = MUNICIPALITIES
    if _WHICH.search(text):
        mode = "which"
    elif len(provinces) >= 2 and (_COMPARE.search(text) or re.search(r"[和与跟及、]", text)):
        mode = "compare"
    else:
        mode = "fact"
    topic = _BOILERPLATE.sub(" ", text)
    for name in sorted(set(PROVINCES) | set(PROVINCES.values()), key=len, reverse=True):
        topic = topic.replace(name, " ")
    topic = re.sub(r"[\s？?。，,！!：:、]+", " ", topic).strip()
    search_text = _ASKING_LEAD.sub("", text).rstrip("？?")
    return Question(
        text=text,
        search_text=search_text if len(search_text) >= 4 else text,
        provinces=provinces,
        mode=mode,
        topic=topic or text,
        terms=tuple(dict.fromkeys(tokenize(topic or text))),
        wants_number=bool(_NUMBER.search(text)),
        wants_person=bool(_PERSON.search(text)),
        about_meeting=bool(_ABOUT_MEETING.search(text)),
    )
