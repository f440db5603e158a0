"""Sentences that mention what was asked without saying it.

Official reports record that something happened more often than what it was: 牡丹江市作
交流发言 names a speaker, not the speech; 签署合作协议 names no term of the agreement;
参观考察了部分制造业企业 names no firm. Asked
for the speech or the firms, such a sentence is the closest passage and no answer. Each
check returns the reason to give, or "".
"""
from __future__ import annotations

import re

import rjieba

from ..meetings import looks_like_name
from ..predicate import SAYS
from ..schema import FRONT_PROVINCE
from . import spans
from .agreement import picked_by, ranks_what_is_picked
from .context import ABOUT_THE_BULLETIN, AnswerContext
from .quotes import Pick, sentence_pick

# 介绍了哪些经验, 讲了什么, 协议约定了哪些, 表态发言承诺了哪些事: the content of what was said or agreed
_ASKS_CONTENT = re.compile(r"(?:介绍|讲|谈|说|提|提出|强调|指出|要求|汇报|分享|交流|建议|约定|规定|部署|安排|布置|承诺|表态|保证)(?:了|的|过|到)?(?:是|些|了些|一些)?(?:哪些|什么|啥)")
# 作交流发言, 汇报工作, 出席会议并讲话, 签署合作协议: a record that it happened
# (…洛阳市、南阳市发言。 …等部门分别汇报有关工作情况。 …刘捷等副省以上领导干部出席。: a roll of who spoke or attended)
_RECORDED = re.compile(r"(?:作|做)了?[\u4e00-\u9fff]{0,4}(?:发言|安排|部署)(?=[，。；;、]|$)|汇报(?:了)?(?:有关|相关)?工作|出席(?:会议)?并?讲话|先后发言|分别发言|主持(?:会议)?[。；;]"
                       r"|发言[。；;]?$|出席(?:会议)?[。；;]?$"
                       r"|签(?:署|订)(?:了)?[^，。；]{0,12}(?:协议|合同|备忘录|协定)"
                       r"|部署[^，。；]{0,30}(?:有关|相关)?工作[。；;]?$"  # 殷勇部署2024年…有关工作。
                       r"|提出(?:了)?(?:工作|具体)?要求(?=[，。；;]|$)"  # 省长王予波提出工作要求。
                       r"|以[^，。；]{0,12}形式(?:召开|举行|进行)|设(?:主|分)会场")  # how it was held, where
# what a body that spoke is written with: the verb after its name
_SPOKE = re.compile(r"^[^。；]{0,30}?(?:发言|讲话|介绍|汇报|表示|指出|说|交流|表态|致辞)")


def _speaks(body: str, text: str) -> bool:
    return bool(_SPOKE.search(text.partition(body)[2]))
# a sentence that reports content: a colon, a quotation (not a name in quotes), a verb that introduces what was said
# 浙江的会议提出了哪些要求, 河南的会上强调了什么: the meeting itself is the one that said it
_MEETING_SAID = re.compile(r"[^，,。；;？?]{0,12}?(?:会议|大会|会)上?(?:都|还|又|主要)?(?:提出|强调|指出|要求|讲|说|谈|部署|明确)")
_CONTENT = re.compile(r"[：:]|[“\"][^”\"]{10,}[”\"]|强调|指出|表示|提出|介绍|认为|要求|希望|围绕|结合|就")

# 哪几家企业, 哪家单位, 哪些高校: named organisations or places are asked for
_NAMED_KINDS = r"(企业|公司|单位|机构|高校|院校|医院|银行|平台|园区|部门|项目|州|县|乡镇)"
# (哪些招商引资先进单位: the kind may come after words that say which of it)
# (not 哪个省要为中小企业…: which province is asked, the firms are its topic)
_ASKS_NAMES = re.compile(r"哪(?!(?:几|些|一)?个?(?:省|市|地方|地区|直辖市))(?:几|些|一)?[家个所座位类]?(?:(?![的是在了有])[\u4e00-\u9fff]){0,6}?" + _NAMED_KINDS + r"|" + _NAMED_KINDS + r"(?:都|分别|具体)?是哪(?:几|些)")
# 是在哪次会议上定的: a sentence that names no meeting does not say which
_ASKS_MEETING = re.compile(r"哪(?:次|个|一次|场)(?:会议?|大会|全会)|什么会(?:议)?上")
# (出席会议并讲话, 在大会上: the report's own meeting, referred to, not named)
_NAMES_A_MEETING = re.compile(r"[\u4e00-\u9fff“”]{2,}(?<!出席)(?<!主持)(?<!参加)(?<!本次)(?<!此次)(?<!这次)(?<![在本此这该])(?:会议|大会|全会|座谈会|推进会|发布会|论坛)")
# how a report names a member of the kind asked: a department by its organ (省发展改革委,
# 省商务厅), a firm by its form (赛力斯集团), a school, a hospital, a bank
_ORGAN = (r"(?:省|市|区|县|州|国家|中央|国务院)(?:[\u4e00-\u9fff]{0,10}?(?:委员会|厅|局|办公室|办(?![公理好])|(?<![干全内外东西南北中局])部(?![署分门])|总署)"
          r"|[\u4e00-\u9fff]{1,10}?(?<!常)委)(?![\u4e00-\u9fff]{0,3}(?:书记|主任|厅长|局长|部长|常委|主席|市长|省长|委员))")  # (not 省委 itself)
_INSTITUTE = r"[\u4e00-\u9fff]{2,14}?(?:研究院|研究所|实验室|中心|协会|商会|大学|学院|医院|银行)"
# (民营企业, 重点企业: a firm is named by its form, not by the word for firms)
_FIRM = r"[\u4e00-\u9fff]{2,12}?(?:集团|公司|控股|股份)"
_MEMBERS = {
    "部门": _ORGAN, "单位": f"{_ORGAN}|{_FIRM}|{_INSTITUTE}", "机构": f"{_ORGAN}|{_FIRM}|{_INSTITUTE}",
    "企业": _FIRM, "公司": _FIRM, "高校": r"大学|学院", "院校": r"大学|学院", "医院": r"医院", "银行": r"银行",
    # the other kinds asked by name: a member ends with the kind or a form of it
    "平台": r"平台|[\u4e00-\u9fff]{2,8}(?:网|频道|客户端)(?=[、，。；等和及]|$)", "园区": r"园区|开发区|高新区|新区|产业园",
    "州": r"[\u4e00-\u9fff]{1,6}?州(?=[、，。；和与及（(等]|$)",
    "县": r"县|旗", "乡镇": r"[乡镇]",
    # (counted, 几个市作了发言: a city or district by the level it is written with)
    "市": r"市", "区": r"区",
}


def is_member(name: str, kind: str) -> bool:
    """Is a listed name (金川集团, 省交通运输厅, 定西市) one of the kind asked for?"""
    return kind in _MEMBERS and bool(re.search(f"(?:{_MEMBERS[kind]})$", name)) and _a_body(name)


def names_a_member(text: str, noun: str) -> bool:
    """The text names a member of the kind (省商务厅 for 部门, 通威集团 for 单位)."""
    return noun in _MEMBERS and any(_a_body(m.group()) for m in re.finditer(_MEMBERS[noun], text))


# 省发展改革委党组书记, 省商务厅副厅长: the body before the title
_POST_OF_BODY = re.compile(r"(?:党组|党委)?(?:常务)?副?(?:书记|主任|厅长|局长|部长|院长|主席|董事长|总经理|会长|秘书长|委员|负责人)$")


def _body_of_post(post: str) -> str:
    first = post.split("、")[0]
    return first[: m.start()] if (m := _POST_OF_BODY.search(first)) else ""


def _a_body(name: str) -> bool:
    # (市长华源部署…: a member's name holds no one's title)
    # (贵州省委 hosts the meeting; it is no department)
    return not _TITLE_INSIDE.search(name) and not _PARTY_COMMITTEE.fullmatch(name)


_TITLE_INSIDE = re.compile(r"书记|[省市县区]长|主任|主席|常委")
_PARTY_COMMITTEE = re.compile(r"[\u4e00-\u9fff]{0,3}[省市区县州]委")


# 部分制造业企业, 一批创新平台, 有关单位, 10个重点产业项目: a kind named or counted without its members
_VAGUE = r"(?:部分|一批|若干|一些|多家|有关|相关|各类|一系列|重点|等|\d+(?:\.\d+)?[万亿]?(?:个|家|项|所|批))"


# 任珠峰是什么职务: a post written right before the name
# (名单里的贾宇，是以什么身份出席的: what the name stands under)
# (蓝绍敏，现任什么职务; 孙守刚，报道里写的是什么职务: what the question says of the report may come between)
_ASKS_POST = re.compile(r"([\u4e00-\u9fff]{2,3}?)[，,]?(?:现在|目前|当时|现任|时任|报道里写的|报道里|资料里)?(?:是|任|担任)?以?(?:什么|何|哪个)(?:职务|职位|官职|身份)"
                        r"|([\u4e00-\u9fff]{2,3}?)的(?:职务|职位|官职|身份)是(?:什么|啥)")  # 艾学峰的职务是什么


def _post_asked_of(text: str) -> str:
    """The person whose post is asked (黄坤明是什么职务 → 黄坤明), or ""."""
    m = _ASKS_POST.search(text)
    if not m:
        return ""
    name = re.sub(r"^[的了在是和与及那这]", "", m.group(1) or m.group(2))
    if looks_like_name(name):
        return name
    # (企业家方华玉，来自哪家企业、担任什么职务: the name stands before another ask)
    named = [w.group(1) for w in re.finditer(r"([\u4e00-\u9fff]{2,3})[，,]", text[: m.start()]) if looks_like_name(w.group(1))]
    return named[-1] if named else name


_POST_BEFORE = re.compile(r"(?:书记|省长|市长|主任|主席|厅长|局长|院长|部长|董事长|总经理|会长|院士|委员|秘书长|检察长|常委)$")


def post_span(q, pick: Pick) -> tuple[Pick, int, int] | None:
    """黄坤明是什么职务: the post the quote writes before the name (省委书记黄坤明 → 省委书记;
    省委副书记、省长王伟中 → 省委副书记、省长), as the direct answer."""
    name = _post_asked_of(q.text)
    at = pick.text.find(name) if name else -1
    post = spans.posts_before(pick.text, at) if at > 0 else ""
    return (pick, at - len(post), at) if post and _POST_BEFORE.search(post) else None


def names_the_post(text: str, name: str) -> bool:
    return any(_POST_BEFORE.search(text[:m.start()]) for m in re.finditer(re.escape(name), text))


ONLY_RECORDED = "资料只记载了有此事（出席、发言、主持、部署、提要求或签约），未写明具体内容。"


# 责任编辑和本期编辑分别是哪两位: people asked, whom a masthead line (责任编辑：史筱飞) names
_ASKS_WHO = re.compile(r"谁|哪[一两几二三]?位")


def asks_content(q) -> bool:
    """浙江会议提出了哪些要求, 部署了哪些工作: what was said is asked."""
    return bool(_ASKS_CONTENT.search(q.text))


def only_records_it(text: str) -> bool:
    # (…王予波提出工作要求: the words that record it are no content of their own)
    return bool(_RECORDED.search(text)) and not _CONTENT.search(_RECORDED.sub("", text))


_A_KIND_OF = re.compile(r"(?:民营|国有|中小|外资|广大|各类|科技型|和|及)$")


def names_only_the_kind(text: str, noun: str) -> bool:
    """Every mention of `noun` is vague (部分…企业, 有关部门) or only counted (10个…项目),
    not the end of a list that names its members (省发展改革委、省商务厅等单位)."""
    def vague(at: int) -> bool:
        # (…、全国重点实验室等重大平台: 等 ends a list that names them)
        # (民营企业企业家各抒己见, 企业发展情况: a kind of firm, or firms in general, name none)
        if _A_KIND_OF.search(text[:at]) or text.startswith(("家", "发展"), at + len(noun)):
            return True
        m = re.search(_VAGUE + r"[\u4e00-\u9fff]{0,6}$", text[:at])
        return bool(m) and not ("等" in m.group() and "、" in text[max(0, at - 20) : at])

    found = [m.start() for m in re.finditer(re.escape(noun), text)]
    return bool(found) and all(vague(at) for at in found)


_SENTENCE_END = re.compile(r"[。；;！!？?]\s*$")


def is_heading(p: Pick) -> bool:
    """A line of its own that ends no sentence: a heading, a table of contents' entry, a
    masthead's line (科技要闻, 2024年第6期总第1665期, 责任编辑：史筱飞)."""
    text = p.candidate.chunk.text
    alone = (p.start == 0 or text[p.start - 1] == "\n") and (p.end == len(text) or text[p.end : p.end + 1] == "\n")
    return alone and not _SENTENCE_END.search(p.text)


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
    near = ranked[: 2 * ctx.settings.quote_pool]
    later = [p for p in near if subject and subject in p.text]
    if q.represents and asks_content(q) and not _speaks(q.represents, best.text):
        # 北京经济技术开发区在大会上发言讲了什么: a sentence where the body speaks, or none
        spoke = next((p for p in near if _speaks(q.represents, p.text)), None)
        if spoke is None:
            return best, f"资料未写明{q.represents}发言的内容。"
        best = spoke
    if (asks_content(q) or q.qtype == "summary" and not _ASKS_WHO.search(q.text)) and is_heading(best):
        # 总述里说了什么: a heading or a masthead line (目录, 副主编：田小元) says nothing
        prose = next((p for p in near if not is_heading(p) and not only_records_it(p.text)), None)
        if prose is not None:
            best = prose
    if asks_content(q) and only_records_it(best.text):
        # (浙江的会议提出了什么 asks what the meeting said: any sentence of what was said answers)
        said = next((p for p in (near if _MEETING_SAID.match(q.text) else later) if not only_records_it(p.text) and _CONTENT.search(p.text)), None)
        return (said, "") if said is not None else (best, ONLY_RECORDED)
    if not ranks_what_is_picked(q, best.text):
        ranking = next((p for p in later if ranks_what_is_picked(q, p.text, listed=False)), None)
        return (ranking, "") if ranking is not None else (best, f"资料未写明哪一个{picked_by(q)}。")
    if (m := _ASKS_MEETING.search(q.text)) and not _names_the_meeting_that_did_it(q.text[m.end() :], best.text):
        # (在哪次会议上审议通过的: the meeting named must be the one that did it)
        named = next((p for p in later if _names_the_meeting_that_did_it(q.text[m.end() :], p.text)), None)
        if named is None and its_meeting(ctx, best) is not None:
            return best, ""
        return (named, "") if named is not None else (best, "资料未写明是在哪次会议上。")
    if (name := _post_asked_of(q.text)) and name in best.text and not names_the_post(best.text, name):
        titled = next((p for p in near if names_the_post(p.text, name)), None)
        return (titled, "") if titled is not None else (best, f"资料未写明{name}的职务。")
    # (王成元是哪个单位的: the body whose post is written before the person's name, 省发展改革委党组书记、主任王成元)
    if subject and (m := _ASKS_NAMES.search(q.text)) and (posted := next((
            p for p in later if names_a_member(_body_of_post(spans.posts_before(p.text, p.text.find(subject))), m.group(1) or m.group(2))), None)):
        return posted, ""
    if (m := _ASKS_NAMES.search(q.text)) and not says_which(best.text, noun := m.group(1) or m.group(2)):
        # a sentence of the subject's that writes the kind, or any that names members and
        # what was done (中能建氢能源公司…负责同志发言 for 发言的企业是哪几家)
        verb = _governing(q.text[: m.start()])
        named = next((p for p in later if noun in p.text and says_which(p.text, noun)), None) or next(
            (p for p in near if verb and verb in p.text and says_which(p.text, noun)), None)
        if named is None and best.candidate.chunk.province == FRONT_PROVINCE and ABOUT_THE_BULLETIN.search(q.text):
            # 这期快讯由哪个单位编发: a bulletin prints its publisher in its masthead, beside its title
            # (the masthead may be another part of the front matter than the sentence found first)
            front = sorted((c.chunk.start + t.start, c, t) for c in ctx.retrieved.by_province(FRONT_PROVINCE)
                           if c.chunk.doc == best.candidate.chunk.doc for t in c.sentences)
            named = next((sentence_pick(c, t) for _, c, t in front if says_which(c.text(t), noun)), None)
        if named is not None:
            return named, ""
        plural = noun in best.text or re.search(r"哪(?:些|几)", m.group())
        return best, (f"资料未列出具体是哪些{noun}。" if plural else f"资料未写明是哪个{noun}。")
    if (noun := _set_asked(q.text, best.text)) and not lists_members(best.text):
        # 选了哪些标志性产品, 年度标志性成果具体是哪几项: a sentence that names the set only as a
        # whole (用好标志性产品这个抓手, 打造一批年度标志性成果) lists none of it
        listed = next((p for p in near if noun in p.text and lists_members(p.text)), None)
        return (listed, "") if listed is not None else (best, f"资料未列出具体是哪些{noun}。")
    return best, ""


# 选了哪些标志性产品, 要打造的年度标志性成果具体是哪几项: the members of a set named by its noun
_SET_ASKED = re.compile(r"哪(?:几|些)[个项类条种家所批]?([\u4e00-\u9fff]{2,}?)(?=[？?，,。]|$|呢)"
                        r"|([\u4e00-\u9fff]{2,}?)(?:都|分别|具体|主要)*(?:是|有|包括)哪(?:几|些)[个项类条种家所批]?(?=[？?，,。]|$|呢)")
# what is asked in many sentences, or by the named kinds above: not a set one sentence lists
_NOT_A_SET = re.compile(r"方面|内容|要求|工作|措施|举措|做法|经验|事情?|话|句|点|条|问题|意见|建议|表述|说法|提法")


def _set_asked(question: str, text: str) -> str:
    """The noun of the set asked, as the text writes it: the question's words after its last
    的, or the longest end of them the text holds (湖北营商环境标志性成果 → 营商环境标志性成果)."""
    m = _SET_ASKED.search(question)
    asked = m.group(1) or m.group(2) if m else ""
    if not asked or _NOT_A_SET.search(asked):
        return ""
    words = asked.split("的")[-1]
    noun = next((words[i:] for i in range(len(words) - min(len(words), 4) + 1) if words[i:] in text), "")
    return "" if len(noun) < 2 or noun in _MEMBERS or re.search(_NAMED_KINDS + "$", noun) else noun


# what a list of members is written with: 东数西算、低空经济等, 标志性产品：…, 包括…, 一是…,
# names quoted one after another (“人才安徽行”“招才引智高校行”等), 高端化智能化绿色化, 水电气热讯等
_A_LIST = re.compile(r"[、：:]|包括|[一二三四五六七八九十]是|”“|(?:[\u4e00-\u9fff]{1,3}化){2,}|(?<![平均对相])等(?![待到候同级])")


def lists_members(text: str) -> bool:
    """The sentence writes a list, which may be the set's members: one with no list at all
    (打造一批年度标志性成果, 用好标志性产品这个抓手) names the set only as a whole."""
    return bool(_A_LIST.search(text))


def its_meeting(ctx: AnswerContext, p: Pick) -> Pick | None:
    """在哪场会上通报…: a report's sentence that names no meeting was said at the meeting
    its report is about; the heading of the report names it."""
    m = _ASKS_MEETING.search(ctx.question.text)
    # (是在哪次会议上定的: an act done at a meeting before, which the report only mentions; 在什么会上讲话
    # asks where someone spoke, and a report's speeches are given at its meeting)
    spoke = m and _WHERE_SPOKE.match(ctx.question.text[m.end() :])
    done_before = m and _DONE_AT.match(ctx.question.text[m.end() :]) and not spoke
    # (尹力强调，要深入贯彻…中央经济工作会议精神: a meeting his words name is not where he spoke)
    said_at = re.split(r"[，,：:]", p.text, maxsplit=1)[0] if spoke else p.text
    if not m or done_before or _NAMES_A_MEETING.search(said_at):
        return None
    c = ctx.retrieved.openings.get(p.candidate.chunk.province)
    # (an appendix reports an event of its own: only the report's own section is its meeting)
    if c is None or (c.chunk.doc, c.chunk.section) != (p.candidate.chunk.doc, p.candidate.chunk.section) or not c.sentences:
        return None
    return sentence_pick(c, c.sentences[0])


# 上审议通过的, 上定下来的: what the meeting asked for did (a verb's direction is no part of it)
_DONE_AT = re.compile(r"^上?([\u4e00-\u9fff]{1,4}?)(?:下来|出来|起来)?(?:了|的)?[？?]?$")
# 上讲话, 上作的报告, 上说的: where someone spoke is asked
_SPEECH = re.compile(r"讲话|发言|致辞|报告")
_WHERE_SPOKE = re.compile(r"^上?(?:作了?|做了?|发表了?)?(?:的)?(?:" + _SPEECH.pattern + r"|讲的话|讲|说|强调|指出|表示)")


def _names_the_meeting_that_did_it(asked_after: str, text: str) -> bool:
    """The text names a meeting, and says it did what the question asks after 哪次会议上."""
    m = _DONE_AT.match(asked_after)
    # (在哪个会上讲话 — 林武在…召开的全省高质量发展大会上指出: a speech is said by any verb of saying)
    did = not m or m.group(1) in text or bool(_WHERE_SPOKE.match(asked_after) and (SAYS.search(text) or _SPEECH.search(text)))
    return bool(_NAMES_A_MEETING.search(text)) and did


def _governing(before: str) -> str:
    """参观了哪几家企业, 发言的企业是哪几家, 调度的10个重点产业项目都是哪些: the verb the
    asked noun belongs to (before 了, or before the 的 that opens its noun phrase)."""
    if (de := before.rfind("的")) >= max(0, len(before) - 14):
        before = before[:de]
    words = [w for w in rjieba.cut(re.sub(r"(?:了|过)+$", "", before)) if w.strip()]
    return words[-1] if words and len(words[-1]) > 1 and re.fullmatch(r"[\u4e00-\u9fff]+", words[-1]) else ""


def says_which(text: str, noun: str) -> bool:
    """The text names a member of the kind asked (省商务厅 for 部门), not only the kind."""
    # (…宜宾市和长虹控股集团、通威集团先后发言，其他…部分中央驻川单位作书面发言: the kind
    # written vaguely beside a list does not unsay the members the list names)
    return names_a_member(text, noun) or ((noun in text or noun not in _MEMBERS) and not names_only_the_kind(text, noun))
