"""qa: answer questions about Chinese government meeting reports by quoting them."""
from .schema import Answer, Chunk, Citation, Document, Section

__all__ = ["Answer", "Chunk", "Citation", "Document", "Section", "answer"]


def answer(question: str, provinces=None, k: int = 5, index_dir=None, history=None) -> Answer:
    """Answer `question` from the default index (see qa.assistant.Assistant.answer)."""
    from .assistant import answer as _answer

    return _answer(question, provinces=provinces, k=k, index_dir=index_dir, history=history)
