"""Sentences that mention what was asked without saying it.

Official reports record that something happened more often than what it was: 牡丹江市作
交流发言 names a speaker, not the speech; 签署合作协议 names no term of the agreement;
参观考察了部分制造业企业 names no firm. Asked
for the speech or the firms, such a sentence is the closest passage and no answer. Each
check returns the reason to give, or "".
"""
from __future__ import annotations

import re

from .context import AnswerContext
from .quotes import Pick

# 介绍了哪些经验, 讲了什么, 协议约定了哪些: the content of what was said or agreed
_ASKS_CONTENT = re.compile(r"(?:介绍|讲|谈|说|提|汇报|分享|交流|建议|约定|规定)(?:了|的|过|到)?(?:是|些|了些|一些)?(?:哪些|什么|啥)")
# 作交流发言, 汇报工作, 出席会议并讲话, 签署合作协议: a record that it happened
_RECORDED = re.compile(r"(?:作|做)了?[\u4e00-\u9fff]{0,4}发言|汇报(?:了)?工作|出席(?:会议)?并?讲话|先后发言|分别发言|主持(?:会议)?[。；;]"
                       r"|签(?:署|订)(?:了)?[^，。；]{0,12}(?:协议|合同|备忘录|协定)")
# a sentence that reports content: a colon, a quotation (not a name in quotes), a verb that introduces what was said
_CONTENT = re.compile(r"[：:]|[“\"][^”\"]{10,}[”\"]|强调|指出|表示|提出|介绍|认为|要求|希望|围绕|结合|就")

# 哪几家企业, 哪家单位, 哪些高校: named organisations or places are asked for
_NAMED_KINDS = r"(企业|公司|单位|机构|高校|院校|医院|银行|平台|园区|部门|项目|县|乡镇)"
_ASKS_NAMES = re.compile(r"哪(?:几|些|一)?[家个所座位类]?" + _NAMED_KINDS + r"|" + _NAMED_KINDS + r"(?:都|分别|具体)?是哪(?:几|些)")
# 部分制造业企业, 一批创新平台, 有关单位, 10个重点产业项目: a kind named or counted without its members
_VAGUE = r"(?:部分|一批|若干|一些|多家|有关|相关|各类|一系列|重点|等|\d+(?:\.\d+)?[万亿]?(?:个|家|项|所|批))"


# 任珠峰是什么职务: a post written right before the name
_ASKS_POST = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:现在|目前|当时)?(?:是|任|担任)?(?:什么|何|哪个)(?:职务|职位|官职)")
_POST_BEFORE = re.compile(r"(?:书记|省长|市长|主任|主席|厅长|局长|院长|部长|董事长|总经理|会长|院士|委员|秘书长|检察长|常委)$")


def names_the_post(text: str, name: str) -> bool:
    return any(_POST_BEFORE.search(text[:m.start()]) for m in re.finditer(re.escape(name), text))


def only_records_it(text: str) -> bool:
    return bool(_RECORDED.search(text)) and not _CONTENT.search(text)


def names_only_the_kind(text: str, noun: str) -> bool:
    """Every mention of `noun` is vague (部分…企业, 有关部门) or only counted (10个…项目),
    not the end of a list that names its members (省发展改革委、省商务厅等单位)."""
    def vague(at: int) -> bool:
        m = re.search(_VAGUE + r"[\u4e00-\u9fff]{0,6}$", text[:at])
        return bool(m) and not (m.group().startswith("等") and "、" in text[max(0, at - 12) : at])

    found = [m.start() for m in re.finditer(re.escape(noun), text)]
    return bool(found) and all(vague(at) for at in found)


def unsaid(ctx: AnswerContext, ranked: list[Pick], best: Pick) -> tuple[Pick, str]:
    """For a question asking for content or for names: the sentence that says it (best or
    a later one of the same passages that names the question's rare words), or best with
    the reason it does not."""
    q = ctx.question
    if q.kind is not None:
        return best, ""
    weights = ctx.retrieved.weights
    # the one who spoke, the visit: the question's rarest word says whose words or which list
    subject = max(ctx.rare_words, key=lambda w: weights.get(w, 0.0), default="")
    later = [p for p in ranked[: 2 * ctx.settings.quote_pool] if subject and subject in p.text]
    if _ASKS_CONTENT.search(q.text) and only_records_it(best.text):
        said = next((p for p in later if not only_records_it(p.text) and _CONTENT.search(p.text)), None)
        return (said, "") if said is not None else (best, "资料只记载了有此事（发言、主持或签约），未写明具体内容。")
    if (m := _ASKS_POST.search(q.text)) and m.group(1) in best.text and not names_the_post(best.text, m.group(1)):
        titled = next((p for p in ranked[: 2 * ctx.settings.quote_pool] if names_the_post(p.text, m.group(1))), None)
        return (titled, "") if titled is not None else (best, f"资料未写明{m.group(1)}的职务。")
    if (m := _ASKS_NAMES.search(q.text)) and names_only_the_kind(best.text, noun := m.group(1) or m.group(2)):
        named = next((p for p in later if noun in p.text and not names_only_the_kind(p.text, noun)), None)
        return (named, "") if named is not None else (best, f"资料未列出具体是哪些{noun}。")
    return best, ""
