"""`qa eval`: how well the assistant finds, quotes and cites, on data/questions.jsonl.

questions  reading and checking the question set; its fixed tune/test split
metrics    the measures, as pure functions
scoring    one question's result, and summaries of many
baselines  dense only, BM25 only, the LangChain tutorial pipeline
run        the run: one answer loop, the baselines on the same questions
report     tables, reports/report.md, the chart
sweep      calibration on the tune part
"""
from .questions import SPLITS, TYPES, EvalQuestion, QuestionsError, in_split, load_questions, parse_question, question_split
from .run import CachingEncoder, EvalRun, answer_questions, run_evaluation
from .scoring import QuestionResult, score_answer, score_ranking, summarize, summarize_by_type

__all__ = [
    "SPLITS", "TYPES", "CachingEncoder", "EvalQuestion", "EvalRun", "QuestionResult", "QuestionsError", "answer_questions",
    "in_split", "load_questions", "parse_question", "question_split", "run_evaluation", "score_answer", "score_ranking",
    "summarize", "summarize_by_type",
]
