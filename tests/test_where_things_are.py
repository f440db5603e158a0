"""Where a thing is, asked in a clause that names only a verb of where.

`…营商环境改革创新示范区，落在哪个城市` asks where the thing of the clause before is: 落在,
选在, 驻在, 放在 name no thing, so the answer must speak of the thing (示范区), not be any
sentence that names a city (the roll of who attended). And a place's level is no place:
省辖市 (安徽省辖市委书记) and 各市 write which cities, not one city's name.
"""
import pytest

from qa.answering.spans import places
from qa.question import read_question


@pytest.mark.parametrize("question", [
    "安徽提出要高水平建设的营商环境改革创新示范区，选在哪座城市？",
    "韩俊说的营商环境改革创新示范区，落在安徽哪个城市？",
])
def test_where_a_thing_is_that_the_report_does_not_place_is_refused(assistant, question):
    a = assistant.answer(question)
    assert a.abstained, a.text
    assert "示范区" in a.text  # (the sentence that names the thing is shown)


def test_where_a_thing_is_placed_is_answered(assistant):
    a = assistant.answer("粤港澳大湾区国创中心国际总部，广东打算放在哪里建？")
    assert not a.abstained and a.direct_answer is not None and "河套" in a.direct_answer.text, a.text


@pytest.mark.parametrize("text, level", [
    ("会议以视频形式召开，安徽省辖市委书记，省直各单位主要负责同志在主会场参会。", "安徽省辖市"),
    ("安徽各市、县（市、区）设分会场。", "安徽各市"),
])
def test_a_level_of_places_is_no_place(text, level):
    assert level not in [text[a:b] for a, b in places(text)]


def test_a_verb_of_where_takes_the_thing_from_the_clause_before():
    assert "示范区" in read_question("王清宪说要高水平建设的营商环境改革创新示范区，落在安徽哪个城市？").predicate
    assert "总部" in read_question("粤港澳大湾区国创中心国际总部，打算放在哪里建？").predicate
    assert read_question("他讲这番话的动员会开在哪座城市？").predicate == ("召开",)  # (where a meeting was held: guard)
