"""What the answer to a question must speak of: the key words next to the question word
(主持 in 会议是由谁主持的), the word that governs it (持续 in 要持续到什么时候) and the words
of its clause. A sentence that holds the kind of answer asked for but none of these
answers another question.
"""
from __future__ import annotations

import re
from functools import lru_cache

import rjieba

from .asking import ASKING_NOUNS, ASKS_LABEL, BOILERPLATE, ORDINAL_ASKED, POSTS, SIZE_FILLERS, SIZE_LINK, SUPERLATIVE, UNIT_NOUNS, ask_match
from .gazetteer import PROVINCE_NAMES
from .keyword_index import FUNCTION_WORDS, REPORT_WORDS, REPORTING_VERBS, STOPWORDS

# 这期快讯是第几期: the document's own kind names what is asked about, and its masthead
# (2024年第6期) need not repeat it
_THE_DOCUMENT = re.compile(r"快讯|简报|专报|周报|月报|汇编|期刊|刊物")


def predicate(text: str, kind: str | None) -> tuple[str, ...]:
    """Key words next to the question word, in its clause: what the answer must speak of,
    the document's own kind aside (快讯, 简报)."""
    if kind is None:
        return _deed_asked(text)
    return tuple(w for w in _predicate(text, kind) if not _THE_DOCUMENT.fullmatch(w))


# 大会表彰了什么？ 会上签约了哪些？: an item of a meeting's order of business is asked by its
# verb alone; a sentence that does not do it (no 表彰 in the report) answers another question.
# Only these deeds of a meeting: other verbs (安排了什么, 做了什么) ask what was said, which a
# report words without the verb
_MEETING_DEEDS = "表彰|表扬|嘉奖|颁奖|颁发|授牌|授予|签约|签署|发布|公布|审议|播放|放映"
_DEED_ASKED = re.compile(rf"(?<![\u4e00-\u9fff]{{2}}[的之])({_MEETING_DEEDS})了(?:些|一些)?(?:什么|哪些)[？?]?$")


def _deed_asked(text: str) -> tuple[str, ...]:
    m = _DEED_ASKED.search(text)
    return (m.group(1),) if m else ()


# 华源介绍的…活动，截止日期是哪天, 目标年份是哪一年: one date of what was said is asked (its
# deadline, its target), not when it was said; the date's own clause must say which
QUALIFIED_DATE = re.compile(r"(?P<which>截止|截至|结束|开始|启动|完成|建成|竣工|投产|到期|目标)的?(?:日期|时间|年份|节点)")


def _predicate(text: str, kind: str | None) -> tuple[str, ...]:
    """Key words next to the question word, in its clause: what the answer must speak of.
    `会议是由谁主持的` → 主持; `一共有多少人参会` → 参会; `主会场设在哪里` → 主会场, 设在.
    The words after the question word name what is asked about; without them, the
    last few words before it do."""
    if kind is None:
        return ()
    m, clauses, at = _asked_in(text, kind)
    if at is None:
        return ()
    if kind == "date" and (qualified := QUALIFIED_DATE.search(clauses[at].group(0))):
        return (qualified.group("which"),)
    # 几个市作了发言: a one-character noun counted (市, 县) would glue to the verb (市作);
    # 多少位省领导出席: the measure word to the noun (位省), unless they make a word (项目)
    rest = text[m.end() : clauses[at].end()]
    if (lead := rjieba.cut(rest)[:1]) and len(lead[0]) == 2 and lead[0][0] in _MEASURES and not rjieba.has_word(lead[0]):
        rest = rest[1:]
    after = key_words(re.sub(r"^[个座]?[市县区省州镇村](?=作|在|有|是|的|召开|举行|开|$)", "", rest))
    before = key_words(text[clauses[at].start() : m.start()])
    if kind == "place":  # (选在, 落户: a verb of where names no thing the answer must speak of)
        before = [w for w in before if not _PLACED.fullmatch(w)]
    held_after = re.search(r"召开|举行|举办|开的|开会|开$", text[m.end() : clauses[at].end()])  # (在哪座城市开)
    # (设在哪 is itself a question word of place: 会场设在哪座城市; 主会场设在哪里 asks for the main venue)
    lead = text[clauses[at].start() : m.start()]
    tail = _TRAILING_LINKS.sub("", lead)  # (its links to the question word, 是, 一共有, set aside)
    held_before = (_HELD_BEFORE.search(lead) or m.group().startswith("设在")) and not re.search(r"[主分]会场(?:设在?)?$", lead)
    # 那次会是什么时候开的, 在哪个城市召开: the verb only says that the meeting took place
    if not after and kind == "date" and held_after:
        return ()
    # 座谈会一共开了多长时间: how long the meeting took; a span of time it speaks of (过去一年) is another
    if kind == "figure" and re.search(r"开了?(?:多长|多久|几个小时|几天)", text[clauses[at].start() : m.end() + 2]):
        return ("召开",)
    if not after and kind == "place" and held_after:
        return ("召开",)
    # 主会场设在哪个城市, 会场(会址)在哪座城市: a meeting is held where its (main) venue is (在长沙召开,
    # 在深圳设主会场); its 分会场 are elsewhere
    if not after and kind == "place" and re.search(r"(?<!分)(?:会场|会址)(?:设在?|是|在)?$", lead):
        return ("召开",)
    # 邓秀新表态支持江苏的那场会，是几号: the clause before names the meeting, and a
    # meeting's date or venue is where and when it was held, whatever it describes
    # (四川那个会比多数省份晚一天开，具体是几号: the clause before says the meeting was held)
    if not (after or before) and at > 0 and kind in ("date", "place") and (_THE_MEETING.search(clauses[at - 1].group(0))
                                                                           or _MEETING_HELD.search(clauses[at - 1].group(0))):
        return () if kind == "date" else ("召开",)
    # 有位副院长表态，要…，他是谁: a clause that only asks who points back at the speaker
    # described before it; what the speaker said is what the answer must speak of
    if kind == "person" and not (after or before) and at > 0 and _ONLY_ASKS_WHO.fullmatch(clauses[at].group(0)) \
            and (says := next((x for x in (SAYS.search(text, c.start(), c.end()) for c in clauses[:at]) if x), None)):
        said = key_words(text[says.end() : clauses[at].start()])
        if said:
            return tuple(dict.fromkeys(said))[:6]
    # `…再次到浙江考察，是什么时候`: a clause that only asks takes the one before it
    if not (after or before) and at > 0:
        # …连续8年排第一，是哪个指标，数值多少: the clause that asks the thing's name names
        # only its kind (指标); the clause before it says which thing
        # (…闯海外市场的行动，名字挺有意思，叫什么来着: a remark on the name says nothing of the thing)
        back = at - 2 if at > 1 and (ASKS_LABEL.match(clauses[at - 1].group(0)) or _ABOUT_THE_NAME.match(clauses[at - 1].group(0))) else at - 1
        before = key_words(clauses[back].group(0))
        # (…营商环境改革创新示范区，落在安徽哪个城市: a verb of where, 落在, names no thing either)
        if not tail or kind == "place" and _PLACED.fullmatch(PROVINCE_NAMES.sub("", tail)):
            return tuple(dict.fromkeys(before))[-2:]  # …专题片，片名是什么: what the clause before names
    # 哪位省委书记说，本省好了…: the post names the kind of answer (who holds it is checked
    # apart); what was said, in the clauses after, is what the answer must speak of
    if kind == "person" and after and all(_POST.search(w) for w in after) and at + 1 < len(clauses) \
            and SAYS.search(text[m.end() : clauses[at].end()]):
        said = key_words("".join(c.group(0) for c in clauses[at + 1 :]))
        if said:
            return tuple(dict.fromkeys(said))[:6]
    if after:
        head = predicate_head(text, kind, force=True) if kind == "figure" else ""
        # 覆盖了多少家企业: what is counted (企业) and what was done to it (覆盖)
        return tuple(dict.fromkeys(after + ([head] if head else [])))[:6]
    if kind == "place" and (held_after or held_before):
        return ("召开",)  # 在哪座城市召开的: a venue is where the meeting was held, not any place named
    if kind == "date" and held_before:
        return ()  # 座谈会安排在哪一天: when it was held, whatever verb the report uses
    head = predicate_head(text, kind)
    if head:
        return (head,)
    # 在主会场参会的"省领导"有哪几位: the noun only restates the kind; the words before it say who
    if rjieba.cut(tail) and ASKING_NOUNS.match(rjieba.cut(tail)[-1]):
        return tuple(dict.fromkeys(before))[-2:]
    # 深圳占了多少个: a share belongs to what stands before 占; the verb itself is too slight to be a key word
    if kind == "figure" and re.search(r"占(?:了|到|据)?$", text[clauses[at].start() : m.start()]):
        return tuple(dict.fromkeys(before))[-2:]
    # 要求做好一季度开门红开门好的是哪位领导: what was said is named before 的是, and a
    # sentence that says none of it is no answer (the speaker of the words is found apart)
    if kind == "person" and before and re.search(r"的(?:是|为)?$", text[clauses[at].start() : m.start()]) and SAYS.search(text):
        return tuple(dict.fromkeys(before))[-2:]
    # 考核排第一的是哪个市: what the place did is named before 的是
    if kind == "place" and before and re.search(r"的(?:是|为)$", text[clauses[at].start() : m.start()]):
        return tuple(dict.fromkeys(before))[-2:]
    # 布局建设一批中试验证平台，具体打算建多少个: the asking clause names nothing counted;
    # the clause before it does
    # (投资规模有多大: an amount's own noun is named; 6805亿元 need not say what was counted)
    amount = dict(UNIT_NOUNS)["元"].search(text[clauses[at].start() : m.start()])
    # (按总期号算是第多少期: a noun there names what is counted, 总期号; a verb, 建, does not)
    if kind == "figure" and not after and len(before) <= 1 and at > 0 and not ORDINAL_ASKED.search(text) and not amount and not _nouns(before):
        return tuple(dict.fromkeys(key_words(clauses[at - 1].group(0))))[-2:]
    return ()


_MEASURES = "个位名家座项所条年天次届期场轮批"


def _nouns(words: list[str]) -> list[str]:
    return [w for w in words if all(tag.startswith("n") for _, tag in rjieba.tag(w))]


def _clauses(text: str) -> list[re.Match]:
    """The question's clauses; a parenthesis stays in its clause (县（市、区）is one noun)."""
    masked = re.sub(r"（[^（）]*）|\([^()]*\)", lambda m: re.sub(r"[，,、]", "·", m.group()), text)
    return [m for m in re.finditer(r"[^，,、；;？?。]+", masked)]


def _clause_at(text: str, at: int) -> re.Match | None:
    return next((c for c in _clauses(text) if c.start() <= at < c.end()), None)


def _asked_in(text: str, kind: str) -> tuple[re.Match, list[re.Match], int | None]:
    """Where the question asks, its clauses, and the index of the clause that asks."""
    m = ask_match(text, kind)
    clauses = _clauses(text)
    return m, clauses, next((i for i, c in enumerate(clauses) if c.start() <= m.start() < c.end()), None)


@lru_cache(maxsize=256)
def asking_clause(text: str, kind: str | None, with_antecedent: bool = False) -> str:
    """The clause that holds the question word: 提拔多少干部, not 把招商引资当作…舞台. With
    `with_antecedent`, a clause that ends on its question word (一共归成了几大) names what it
    counts in the clause before (…推动提质倍增的优势产业), which is then included."""
    if kind is None:
        return ""
    m, clauses, at = _asked_in(text, kind)
    if at is None:
        return ""
    bare_ask = not re.search(r"[\u4e00-\u9fff]", text[m.end() : clauses[at].end()])
    if with_antecedent and bare_ask and at > 0:
        return clauses[at - 1].group(0) + "，" + clauses[at].group(0)
    return clauses[at].group(0)


def clause_words(text: str, kind: str | None) -> tuple[str, ...]:
    clause = asking_clause(text, kind)
    if not clause:
        return ()
    # 两年来, 近年以来: a span of time scopes the whole sentence and sits next to no answer
    # (一年大概要投多少钱: a period that measures the rate, 每年 or 一年, is no key word of it)
    # (中国工程院来的: a body that came is no span of time)
    words = [w for w in key_words(clause) if not (re.search(r"[年月日天期]|季度$", w) and re.search(re.escape(w) + r"(?:以)?来", clause))
             and not _RATE_PERIOD.fullmatch(w)]
    return tuple(dict.fromkeys(words))


_RATE_PERIOD = re.compile(r"[一每全](?:年|月|天|周|季度)")


def key_words(text: str) -> list[str]:
    """Content words by precise segmentation: search mode's overlapping parts (实验, 实验室)
    would count one word twice."""
    # 视察河北时说的: 时 ends the time clause (the segmenter would glue 时说)
    words = rjieba.cut(re.sub(r"时(?=说|讲|强调|指出|表示|提出)", "时 ", _EXCEPT.sub(" ", _without_le(text))))
    # 副 + 院长 is one post, a deputy's
    words = [("副" + w if i and words[i - 1] == "副" else w) for i, w in enumerate(words) if w != "副"]
    # 是连着第几年这么安排了: a verb after 这么 points back at what the question already named
    words = [w for i, w in enumerate(words) if not (i and words[i - 1] in _POINTING_MANNER)]
    keep = set(_content_words(text)) | {w for w in words if w.startswith("副") and len(w) > 2}
    # the segmenter glues a demonstrative or an adverb to the word after it (这是最近, 总共规划)
    words = [_unglued(w) for w in words if w in keep and w not in _GOING_ON]
    return [w for w in words if w]


# 继续深化的那个行动 — 深化“一微克”行动: that a thing goes on is the user's framing; the
# report writes the deed itself
_GOING_ON = {"继续", "进一步", "不断"}


_POINTING_MANNER = {"这么", "这样", "那么", "那样", "如此"}
_ABOUT_THE_NAME = re.compile(r"(?:它的|这个|那个)?(?:名字|名称|叫法|名堂)(?:还|也)?(?:挺|很|特别|比较|蛮|有点|非常)")  # (not 名称中带个数字, which says what the name holds)


# (and a pronoun or an adverb before a one-character verb: 它冠, 还点, 也提)
# (a demonstrative with its measure word: 这位书记, 那场会)
_GLUED_LEAD = re.compile(r"^(?:这是|那是|[这那][位个名场项家次]?|它|还|也|总共|一共|具体|已经?|比(?=[涨跌升降增减多少高低]))")
_CHANGE_VERBS = set("涨跌升降")


def _unglued(word: str) -> str:
    """这是最近 → 最近 → nothing (a deictic word), 总共规划 → 规划, 那类 → nothing."""
    rest = _GLUED_LEAD.sub("", word)
    if rest == word:
        return word
    if rest in _CHANGE_VERBS:
        return rest  # 比涨 → 涨: the change asked about, whatever its length
    return rest if len(rest) > 1 and rest not in STOPWORDS and rest not in _DEICTIC_TIME and not ASKING_NOUNS.match(rest) else ""


def predicate_head(text: str, kind: str | None, force: bool = False) -> str:
    """`要持续到什么时候` → 持续: the key word right before the question word, when no key
    word follows it. A sentence that lacks it answers another question."""
    if kind is None:
        return ""
    m = ask_match(text, kind)
    clause = _clause_at(text, m.start())
    if clause is None or (not force and _content_words(text[m.end() : clause.end()])):
        return ""
    before = _TRAILING_LINKS.sub("", text[clause.start() : m.start()])
    # 投资规模多大, 参会规模是多少: the noun of size only says that a figure is asked; what
    # it is the size of (投资, 参会) is what the sentence must hold
    before = _SIZE_OF.sub("", before)
    if glossed := _GLOSSED_LEVEL.search(before):
        return glossed.group(0)
    # a short noun phrase after the last function word is the head whole (产业项目)
    # (by words, not characters: the 中 of 中心 is no function word)
    words = rjieba.cut(before)
    # (要求深化哪个行动: a reporting verb ends what leads up to the head, like a function word)
    cut = max((i for i, w in enumerate(words) if _FUNCTION_WORD.fullmatch(w) or w in REPORTING_VERBS), default=-1)
    # (到湖南投资的: the segmenter glues a province to the verb; the report writes 在湘投资)
    phrase = PROVINCE_NAMES.sub("", "".join(words[cut + 1:]))
    if not force and 2 <= len(phrase) <= 4 and all(len(w) > 1 for w in words[cut + 1:]) and _content_words(phrase) and not ASKING_NOUNS.match(phrase):
        return _unglued(phrase)
    last = PROVINCE_NAMES.sub("", words[-1]) if words else ""
    if len(words) > 1 and words[-2] == "副":
        last = "副" + last  # 省委副书记 asks for the deputy, not the secretary
    return _unglued(last) if _content_words(last) else ""


_SIZE_OF = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:规模|体量)(?:{SIZE_FILLERS}|{SIZE_LINK})*$")
# 县（市、区）, 州（市）: an administrative level with its gloss in brackets is one noun
_GLOSSED_LEVEL = re.compile(r"[县市区州乡镇村旗盟][（(][县市区州乡镇村旗盟、，,]{1,8}[）)]$")
_FUNCTION_WORD = re.compile(r"[的是在了要将把被对与和及以为从由向中里》」”，、]")
# verbs by which a question asks who said something (谁要求…, 哪位领导主张…, 谁提的)
SAYS = re.compile("|".join(sorted(REPORTING_VERBS | {"主张", "号召", "呼吁", "倡导", "提倡", "鼓励", "让", "讲", "喊出", "喊响", "出自", "建议"},
                                  key=len, reverse=True)) + "|提(?=的|了|过)|表态(?!发言)")  # (作表态发言: a kind of speech)
_POST = re.compile(rf"(?:{POSTS}|县长|领导)$")
# 他是谁, 说这话的是谁, 这是哪位: the clause asks who and names nothing else
_ONLY_ASKS_WHO = re.compile(r"(?:[他她这那此]人?|说这[话番句]话?的人?|讲这[话番句]话?的人?|这位|那位)?(?:是|为)?(?:谁|哪位|哪一位)(?:领导)?(?:呢|啊)?")
# (那场吉林大会: a province may name whose meeting)
_THE_MEETING = re.compile(r"(?:的|那|这)[场次个]?[\u4e00-\u9fff]{0,3}?(?:会|会议|大会|座谈会|推进会)$")
_MEETING_HELD = re.compile(r"(?:会|会议)[^，,。？?]{0,12}?(?:开|召开|举行|举办)的?$")
# 会开在哪里, 安排在哪一天, 定在什么时候: the verb only says that the meeting took place
_HELD_BEFORE = re.compile(r"(?:召开|举行|举办|安排|开|办|定|放|设)(?:在|于)?$")
# deictic time words frame the question (目前有几家, 今年是第几回): the report dates its
# figures otherwise or not at all (agreement.periods_agree keeps this year apart from past ones)
_DEICTIC_TIME = {"目前", "现在", "当前", "如今", "眼下", "至今", "迄今", "现如今", "时下", "最近", "近来", "近期", "今年", "本年", "年内",
                 "当天", "当日", "那天"}  # (正式开会是当天上午还是下午: the day talked about)
# 落在, 选在, 是驻在, 打算放在, 这个园区选在: a verb that only says a thing is somewhere
_PLACED = re.compile(r"(?:[这那该此][个座家所]?[\u4e00-\u9fff]{0,4}?)?(?:是|都|就|将|要|会|打算|计划|准备|拟)*"
                     r"(?:落|选|放|驻|建|设|定|安|坐落|位于|落户|布局|安排)(?:在|于)?")
# words between a predicate and its question word: 持续"到"什么时候, 主编"是"谁, "一共有"多少
_TRAILING_LINKS = re.compile(r"(?:是|为|有|的|了|在|到|于|共|一共|总共|共计|合计|大约|大概|大致|约|达|达到|由|将|要|(?<![谈进员度作署大])会|具体|到底|究竟|分别|各|都|已经|已|还|又|才|连着|连续)+$")  # (是连着第几年: the run is the ordinal asked)


# 除孙守刚外, 从省直到市县: who is left out, or how far it reaches, is not what is asked
_EXCEPT = re.compile(r"除(?:了)?[^，。；？]{1,15}?(?:外|以外|之外)|从[\u4e00-\u9fff]{1,8}?到[\u4e00-\u9fff]{2}")
_ASKING_PART = re.compile(r"几|哪|谁|什么|多少|何")
# (…发言的企业家中，第二个是谁: a place in a list names no word the answer must hold)
_PLACE_IN_A_LIST = re.compile(r"第[一二两三四五六七八九十\d]+[个位名]")


def _without_le(text: str) -> str:
    """讲了话 is 讲话; but 开了场发布会 is 开 + 场 + 发布会, not 开场 (an opening)."""
    return re.sub(r"了(?=[场个次回项家位])", " ", text).replace("了", "")


def _content_words(text: str) -> list[str]:
    text = _without_le(text)
    text = _EXCEPT.sub(" ", text)
    text = _PLACE_IN_A_LIST.sub(" ", text)
    text = BOILERPLATE.sub(" ", text)
    text = _MEETING_KIND.sub(" ", text)
    text = _ON_STAGE.sub(" ", text)
    text = PROVINCE_NAMES.sub(" ", text)
    # reporting verbs tell passages apart poorly, but a question about who said it asks for
    # them; the user's words for what a report writes (点名, 写明) it does not
    return [t for t in _undebris(rjieba.cut_for_search(text))
            if len(t) > 1 and not _COUNT_WORD.fullmatch(t) and not SUPERLATIVE.fullmatch(t) and any(ch.isalnum() for ch in t) and not t.isdigit() and not ASKING_NOUNS.match(t) and not _ASKING_PART.search(t)
            and (t not in STOPWORDS or t in REPORTING_VERBS and t not in REPORT_WORDS) and t not in _DEICTIC_TIME and t not in FRAME_WORDS]


# 出席座谈会, 在推进会上: the kind of meeting names the report's own meeting, as 会议 and 大会
# do; its sentences seldom repeat it (省领导…出席。)
_MEETING_KIND = re.compile(r"(?:座谈|推进|动员|调度|工作|部署)会(?:议)?")
# 上台发言, 上台作了交流发言: the user's picture of speaking at a meeting; reports write 发言
_ON_STAGE = re.compile(r"上台(?=(?:作|做)?了?[\u4e00-\u9fff]{0,4}?(?:发言|汇报|讲话|介绍|表态|致辞))")


# the user's frame, not what the report writes: the side a change is measured against
# (相比2022年多出多少: 较上年提高1.4个百分点), and the grouping a count of kinds already says
# (归成了几大类: …新材料等4大类), and the second post a list of posts already says (由谁兼任:
# 省委书记、省人大常委会主任周祖翼); 地市那部分到底几个: the part and the insistence are the user's
# (号码是多少: the number itself, 12345热线); 对应的是哪一年: a copula links what was named to the answer
# (对外讲的: the user's word for saying it in public; the report writes 透露, 介绍)
# (按农历算是哪一天: 算是 is a copula, as 是 is; 两省给出的数字各是多少: what each report gives)
FRAME_WORDS = set("相比 相较 比起 较之 归成 归为 归纳成 归纳为 划成 划为 划分成 划分为 兼任 兼着 部分 到底 究竟 号码 对应 相当于 对外 算是 各是 各为 给出".split())
# 准备搞的那个行动, 打算建在哪里: the user's word for a plan; reports write plans with 将 and
# 要, or with no verb at all (深入实施“徽动全球”出海行动); and 使用的数字编号: the user's
# word for a name a plan goes by
FRAME_WORDS |= set("准备 打算 想要 预备 使用 采用".split())
# 这次考察发生在什么时候: an event's taking place (the event is what a report dates); 要是用农历说:
# a condition; 专门开了场发布会, 后来又开了: the user's stress on a deed, and the order of events
FRAME_WORDS |= set("发生 如果 要是 假如 假设 倘若 若是 专门 特意 特地 专程 后来 随后 然后 接着".split())
# 工作是针对哪个年度的: a copula that links what was named to the year, as 对应 does
FRAME_WORDS |= {"针对"}


# 另一项, 这两个: a count refers back to what the question names; it is not a key word,
# nor is a place in a list (名单里最后一位是谁, 头一个)
# (大约一千五百个，准确是多少: a number written out is the user's figure, no word the report must hold)
_COUNT_WORD = re.compile(r"[另每这那]?[一二两三四五六七八九十几]+[个项家条类种位名件批次场]|(?:最后|头|第一)一?[个位名]|最后"
                         r"|(?=[十百千万亿]*[一二两三四五六七八九])(?:[一二两三四五六七八九]?[十百千万亿]零?)+[一二两三四五六七八九]?")


_LOCALIZERS = set("里内中上下")


def _undebris(tokens: list[str]) -> list[str]:
    """省区里排第一 → 里 + 排, 前20名里 → 名 + 里: a pair the dictionary lacks, glued by the
    segmenter's guess, that opens with a function word (里, 在) or ends with a localizer
    (里, 中) is debris; 选在 keeps its verb."""
    out = []
    for t in tokens:
        pieces = rjieba.cut(t, False) if len(t) == 2 and not rjieba.has_word(t) else [t]
        out.extend(pieces if len(pieces) == 2 and (pieces[0] in FUNCTION_WORDS or pieces[1] in _LOCALIZERS) else [t])
    return out
