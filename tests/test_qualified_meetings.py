"""Which meetings had a form, asked with a qualifier: 分会场设到了省直各单位的是哪几场会. 分会场
is how nearly every report states its form (the records read 视频；设分会场), so it tells no
meeting from another; 省直 and 单位 say where the branch venues were, and one sentence must
say both. `省直各单位…在主会场参会。各市、县设分会场。` puts 省直 at the main venue. Composed
as a digest in Markdown (## 河南：…) before any question was asked of it, and asked of the
built-in bulletin."""
import pytest

from qa.documents import read_document

from .test_strategies import assistant_over, written

DIGEST = """# 2025年各地新春第一会摘编

## 河南：全省优化营商环境大会

2月5日，河南省委、省政府在郑州召开全省优化营商环境大会。会议以视频形式召开，省直各单位、各省辖市、济源示范区设分会场。省委书记楼阳生出席并讲话。

## 湖北：全省科技创新大会

2月5日，湖北省委、省政府召开全省科技创新大会。会议以视频形式召开，省直各单位主要负责同志在主会场参会。各市、州、县设分会场。省委书记王忠林出席并讲话。

## 山东：全省高质量发展大会

2月5日，山东省委、省政府召开全省高质量发展大会。会议以视频形式召开，各市、县（市、区）设分会场，约2万人参加。省委书记林武出席并讲话。

## 福建：全省民营经济高质量发展推进会

2月5日，福建省委、省政府召开全省民营经济高质量发展推进会。会议以电视电话会议形式召开，各设区市、平潭综合实验区设分会场。省委书记周祖翼出席并讲话。

## 湖南：全省招商引资大会

2月5日，湖南省委、省政府召开全省招商引资大会。会议以视频形式召开，各市州、县市区和省直各单位设分会场。省委书记沈晓明出席并讲话。
"""


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    folder = written(tmp_path_factory.mktemp("digest"), {"digest.md": DIGEST.encode()})
    return assistant_over(tmp_path_factory.mktemp("digest-index"), [read_document(folder / "digest.md")])


def _listed(assistant, question: str) -> set[str]:
    a = assistant.answer(question)
    assert not a.abstained and a.mode == "meeting", a.text
    return set(a.provinces)


@pytest.mark.parametrize("question, provinces", [
    # 湖北's 省直各单位 sat in the main venue: the sentence that says 设分会场 does not name them
    ("分会场设到了省直各单位的是哪几场会？", {"河南", "湖南"}),
    ("哪几场会在示范区或实验区设了分会场？", {"河南", "福建"}),
    # no qualifier: every meeting that states it had branch venues
    ("哪些会议设了分会场？", {"河南", "湖北", "山东", "福建", "湖南"}),
    # alternatives of the form itself, not a form qualified
    ("哪些会议以视频或电视电话形式召开？", {"河南", "湖北", "山东", "福建", "湖南"}),
    ("哪些会议以电视电话会议形式召开？", {"福建"}),
])
def test_a_form_asked_with_a_qualifier_lists_the_meetings_whose_sentence_holds_both(digest, question, provinces):
    assert _listed(digest, question) == provinces


def test_the_bulletin_s_branch_venues_are_read_by_where_they_were(assistant):
    # 安徽 and 黑龙江 write 省直 in the sentence of the main venue; 河北 and 辽宁 set branch venues there
    assert _listed(assistant, "分会场设到了省直各单位的是哪几场会？") == {"河北", "辽宁"}
    assert _listed(assistant, "哪些会议在高等院校设了分会场？") == {"辽宁"}
    assert {"重庆", "河北", "辽宁"} <= _listed(assistant, "哪几场会明确写了在新区、开发区或示范区“设分会场”？")
    # (安徽 电视电话, 江苏 视频: either form is asked)
    assert {"安徽", "江苏", "浙江"} <= _listed(assistant, "哪些会议以视频或电视电话形式召开？")
