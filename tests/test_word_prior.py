"""Word rarity in an index of one report.

The answer checks weigh a question's words by IDF: a sentence must hold the words few
passages hold (专精特新), and a word every passage holds (工作) tells nothing. An index of one
report has 1 to 15 passages, where the report's topic is in all of them and no word can
be rarer than one passage in a few: every check was waived, and a figure of another thing
answered (培育多少家专精特新企业 → 新增上云企业3000家). The built-in bulletin's passages,
less those the index holds itself, are counted with the index's own (keyword_index.WordPrior).
"""
import json

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.config import BUILTIN_CORPUS, BuildSettings
from qa.documents import read_document
from qa.evaluation.alone import report_texts
from qa.index_store import load_index
from qa.indexing import genre_prior
from qa.keyword_index import PRIOR_FILE, TermIndex, WordPrior
from qa.schema import Document

from .test_strategies import assistant_over_report, first_quote, refused

# a single report as a government site's page gives it: a Markdown title, a dateline, subheads
GUIZHOU = """# 贵州省召开全省数字经济发展大会

2月19日上午，贵州省委、省政府在贵阳召开全省数字经济发展大会。省委书记徐麟出席会议并讲话，省长李炳军主持。

## 成绩回顾

去年全省数字经济增加值突破7000亿元，数字经济增速连续8年位居全国前列。全省建成5G基站10.5万个，新增上云企业3000家。

## 今年部署

会议提出，今年要集中开工数字经济重大项目326个，总投资1280亿元。要加快建设国家级人工智能创新应用先导区，培育一批专精特新企业。

会议要求，各市州要抓好项目落地，省直部门要强化要素保障。
"""


@pytest.fixture(scope="module")
def guizhou(tmp_path_factory):
    return assistant_over_report(tmp_path_factory.mktemp("guizhou"), "guizhou.md", GUIZHOU)


@pytest.fixture(scope="module")
def jiangxi_text(builtin_index):
    """江西's report of the built-in bulletin, as `qa eval --alone` writes it to a file of its own."""
    return report_texts(load_index(builtin_index))["江西"]


@pytest.fixture(scope="module")
def jiangxi(tmp_path_factory, jiangxi_text):
    return assistant_over_report(tmp_path_factory.mktemp("jiangxi"), "jiangxi.txt", jiangxi_text)


def test_a_word_the_genre_uses_everywhere_weighs_less_than_a_rare_one_in_one_report(guizhou):
    terms = guizhou.index.terms
    assert terms.prior is not None and terms.prior.passages > 50
    weights = terms.idf_of(["工作", "项目", "专精特新", "上云"])
    assert weights["工作"] < 1.0 and weights["项目"] < 2.0  # the genre's words
    assert weights["专精特新"] > 2.0 and weights["上云"] > 2.0
    assert terms.idf_of(["无人机"])["无人机"] > weights["项目"]  # a word no passage holds


def test_a_figure_of_another_thing_does_not_answer_in_one_report(guizhou):
    assert "资料未写明贵州的这一数字" in refused(guizhou, "贵州今年要培育多少家专精特新企业？")


def test_one_report_still_answers_what_it_states(guizhou):
    assert "326个" in first_quote(guizhou, "贵州今年同时动工的数字经济大项目有多少个？")
    assert "10.5万个" in first_quote(guizhou, "贵州建成了多少个5G基站？")


@pytest.mark.parametrize("question", [
    "江西一季度集中开工的1139个重大项目中，南昌市有多少个？",
    "南昌瑶湖科学岛一期项目的总投资是多少？",
    "江西各设区市和部分县同步办的本级开工活动，合计开工了多少个项目？",
])
def test_a_bulletin_report_indexed_alone_refuses_what_it_does_not_say(jiangxi, question):
    assert "资料未写明江西的这一数字" in refused(jiangxi, question)


def test_a_bulletin_report_indexed_alone_answers_what_it_says(jiangxi):
    a = jiangxi.answer("尹弘宣布开工的江西首季那批项目，一共有多少个？")
    assert not a.abstained and a.direct_answer.text == "1139个", a.text


def test_no_passage_is_counted_twice(jiangxi_text):
    whole = read_document(BUILTIN_CORPUS)
    assert genre_prior([whole], BuildSettings()) is None  # an index of the bulletin is its own prior
    everything = genre_prior([], BuildSettings())
    jiangxi = Document(name="jiangxi.txt", path="jiangxi.txt", text=jiangxi_text, sha256="", title="江西")
    without = genre_prior([jiangxi], BuildSettings())
    assert 0 < without.passages < everything.passages  # its own passages are left out...
    assert everything.df["瑶湖"] > 0 and "瑶湖" not in without.df  # ...and only they: 瑶湖 is only in 江西's


def test_the_prior_is_a_build_setting_recorded_in_the_manifest(tmp_path, mini_corpus):
    runner = CliRunner()
    for flag, out in (("--idf-prior", "with"), ("--no-idf-prior", "without")):
        result = runner.invoke(app, ["index", str(mini_corpus), "--out", str(tmp_path / out), flag])
        assert result.exit_code == 0, result.output
    with_, without = load_index(tmp_path / "with"), load_index(tmp_path / "without")
    assert with_.build.idf_prior and with_.manifest["counts"]["prior_passages"] == with_.terms.prior.passages > 0
    assert not without.build.idf_prior and without.terms.prior is None and without.manifest["counts"]["prior_passages"] == 0
    # --add builds anew with the index's own settings
    (tmp_path / "guizhou.md").write_text(GUIZHOU, encoding="utf-8")
    for out in ("with", "without"):
        result = runner.invoke(app, ["index", str(tmp_path / "guizhou.md"), "--out", str(tmp_path / out), "--add"])
        assert result.exit_code == 0, result.output
    with_, without = load_index(tmp_path / "with"), load_index(tmp_path / "without")
    assert len(with_.documents) == len(without.documents) == 2
    assert with_.terms.prior.passages > 0 and without.terms.prior is None


def test_an_index_built_before_the_prior_is_read_without_one_and_gains_it_when_added_to(tmp_path, mini_corpus):
    runner = CliRunner()
    assert runner.invoke(app, ["index", str(mini_corpus), "--out", str(tmp_path / "old")]).exit_code == 0
    build = next(p for p in (tmp_path / "old").iterdir() if p.name.startswith("build-"))
    (build / "terms" / PRIOR_FILE).unlink()  # as an earlier version wrote it
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    del manifest["idf_prior"], manifest["checksums"][f"terms/{PRIOR_FILE}"]
    (build / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert load_index(tmp_path / "old").terms.prior is None
    # a new build of it (--add, an upload in the chat) is made with the prior
    (tmp_path / "guizhou.md").write_text(GUIZHOU, encoding="utf-8")
    assert runner.invoke(app, ["index", str(tmp_path / "guizhou.md"), "--out", str(tmp_path / "old"), "--add"]).exit_code == 0
    assert load_index(tmp_path / "old").terms.prior.passages > 0


def test_the_prior_is_saved_and_read_back(tmp_path):
    primed = TermIndex.build([["项目", "工作"], ["项目"]], [["项目"]], WordPrior(10, {"项目": 3, "会议": 8}))
    primed.save(tmp_path)
    loaded = TermIndex.load(tmp_path)
    assert loaded.prior == primed.prior and json.loads((tmp_path / PRIOR_FILE).read_text())["passages"] == 10
    assert list(loaded.idf) == list(primed.idf) and loaded.idf_of(["工作"])["工作"] > loaded.idf_of(["项目"])["项目"]
    # a word of no passage of the index weighs what the genre's passages say, or the most
    weights = loaded.idf_of(["会议", "工作", "无人机"])
    assert weights["会议"] < weights["工作"] < weights["无人机"]


def test_qa_eval_alone_asks_each_report_of_its_own_questions(builtin_index, tmp_path):
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "a1", "question": "江西一季度集中开工了多少个重大项目？", "type": "figure", "provinces": ["江西"], "evidence": ["集中开工重大项目1139个"], "direct": "1139个"},
        {"id": "a2", "question": "南昌瑶湖科学岛一期项目的总投资是多少？", "type": "unanswerable", "provinces": ["江西"], "evidence": []},
        # the overview's sentence is no part of 吉林's report: not asked of it alone
        {"id": "a3", "question": "吉林连续几年召开优化营商环境加快项目建设大会？", "type": "figure", "provinces": ["吉林"], "evidence": ["吉林连续4年召开全省优化营商环境加快项目建设大会"]},
        {"id": "a4", "question": "哪些省份提到惠企政策“免申即享”？", "type": "which", "provinces": ["河南", "上海", "安徽"], "evidence": ["免申即享"]},
    ]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--alone", "--questions", str(questions), "--index", str(builtin_index), "--json"])
    assert result.exit_code == 0, result.output
    run = json.loads(result.stdout)
    assert set(run["passages"]) == {"江西", "吉林"} and 0 < run["passages"]["江西"] < 10
    asked = {q["id"]: q for q in run["questions"]}
    assert set(asked) == {"a1", "a2"}
    assert asked["a1"]["alone_direct_exact"] and asked["a1"]["whole_direct_exact"]
    assert asked["a2"]["alone_abstained"] and asked["a2"]["whole_abstained"]
    table = CliRunner().invoke(app, ["eval", "--alone", "--questions", str(questions), "--index", str(builtin_index)])
    assert table.exit_code == 0 and "Each report indexed alone" in table.output, table.output
