"""Generate a synthetic, news-like corpus for benchmarks.

    python benchmarks/make_corpus.py N OUT [--format jsonl|folder] [--words 500] [--seed S]

Articles have a headline, a source, a date, and a body of paragraphs whose length follows a
log-normal distribution around ``--words`` (median). Words follow a Zipf distribution over a
built-in vocabulary: about 230 common English words at the top ranks, then pseudo-words made
of syllables. Capitalised person, place and organisation names recur within an article, and
some sentences are quotations ("…," said Name.). The same N, seed and options give the same
bytes.

``--format jsonl`` (default) writes one dump; OUT ending in ``.gz`` is gzip-compressed. The
records are ``{"id", "title", "text", "date", "source", "url"}`` like the dumps tuireader
reads. ``--format folder`` writes OUT/0000/000000.txt … (1,000 files a folder), each a
headline, a blank line and the body.

Only the standard library is used; no text is taken from any real corpus.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


# Common English words, roughly by frequency (function words first, then news vocabulary).
COMMON_WORDS = _words(
    """
the of and to a in that is for it on was with he as by at said his be from are have this
not but had they has an were which their its or been will who would one more after new we
also up there about two than year last when over out all she first other into her people
government some can years could told no time them if i just what only so three percent
state like may before because against now while since week back per where between most
million under both many city police minister president company official country officials
during through world day former group national public months end party still report during
market leader police says four political made another several including plans deal told
economy support security foreign health service children family month bank local general
court team election law news help five second high power money policy house prices growth
early billion top trade spokesman military university workers home water chief rights
agreement since meeting decision members region campaign investigation council industry
series director attack season energy forces interview statement budget analysts report
evidence vote talks crisis plan process hospital schools program record leaders capital
"""
)

FIRST_NAMES = _words(
    """
James Maria John Anna Robert Elena Michael Sofia David Laura William Sarah Richard Olga
Thomas Ines Daniel Chen Ahmed Fatima Pierre Yuki Carlos Amara Lukas Priya Ivan Grace Omar
Helen Mateo Nadia Peter Ruth Samuel Leila Victor Clara Hassan Irene Paolo Mei Jonas Alice
Kwame Nora Diego Hana Felix Marta
"""
)

SOURCES = [
    "The Daily Courier",
    "Northern Herald",
    "Evening Standard Post",
    "Metro Wire",
    "Coastal Tribune",
    "Capital Ledger",
    "The Observer Review",
    "Valley Gazette",
    "World Desk",
    "Harbour Times",
    "The Morning Signal",
    "Union Press Agency",
    "Frontier Journal",
    "City Bulletin",
    "Global Newsroom",
]

ORG_SUFFIXES = ["Holdings", "Group", "Bank", "Institute", "Party", "Council", "Motors", "Energy"]
ORG_PREFIXES = ["Ministry of", "Bank of", "University of", "Port of"]
PLACE_SUFFIXES = ["", "", "", " City", "ville", "burg", " Springs", " Bay"]
SAY_VERBS = ["said", "said", "said", "told reporters", "added", "warned", "said on Tuesday"]

_ONSETS = [
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
    "br", "cr", "dr", "fr", "gr", "pr", "tr", "bl", "cl", "fl", "gl", "pl", "sl", "st",
    "sp", "sc", "sh", "ch", "th", "wh", "qu", "",
]  # fmt: skip
_NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "io", "ou", "oa", "y", "ie"]
_CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "rt", "ng", "ck", "x"]
_SUFFIXES = ["", "", "", "", "s", "ed", "ing", "er", "ion", "al", "ly", "ment", "ity", "ous"]

VOCAB_SIZE = 60_000
ZIPF_S = 1.05
POOL_SIZE = 1 << 22  # pre-drawn Zipf tokens; sentences are slices at random offsets
FILES_PER_FOLDER = 1000


def _pseudo_word(rng: random.Random, syllables: int) -> str:
    parts = []
    for _ in range(syllables):
        parts.append(rng.choice(_ONSETS) + rng.choice(_NUCLEI) + rng.choice(_CODAS))
    return "".join(parts) + rng.choice(_SUFFIXES)


def build_vocabulary(rng: random.Random, size: int = VOCAB_SIZE) -> list[str]:
    """Common words first, then distinct pseudo-words that grow longer with rank."""
    words = list(dict.fromkeys(COMMON_WORDS))
    seen = set(words)
    while len(words) < size:
        rank = len(words)
        syllables = 1 + (rank > 1_000) + (rank > 12_000 and rng.random() < 0.5)
        word = _pseudo_word(rng, syllables)
        if len(word) >= 3 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Generator:
    """Draws articles; all randomness comes from one seeded ``random.Random``."""

    def __init__(self, seed: int, median_words: int) -> None:
        self.rng = rng = random.Random(seed)
        self.median_words = median_words
        vocab = build_vocabulary(rng)
        weights = list(itertools.accumulate(1.0 / (r**ZIPF_S) for r in range(1, len(vocab) + 1)))
        self.pool = rng.choices(vocab, cum_weights=weights, k=POOL_SIZE)
        name_words = vocab[3_000:20_000]  # mid-frequency pseudo-words make plausible names
        surnames = [w.capitalize() for w in rng.sample(name_words, 3_000)]
        self.people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(surnames)}" for _ in range(4_000)]
        self.places = [
            rng.choice(name_words).capitalize() + rng.choice(PLACE_SUFFIXES) for _ in range(800)
        ]
        self.orgs = [
            (
                f"{rng.choice(ORG_PREFIXES)} {rng.choice(self.places)}"
                if rng.random() < 0.3
                else f"{rng.choice(surnames)} {rng.choice(ORG_SUFFIXES)}"
            )
            for _ in range(1_500)
        ]
        self.start = datetime(2010, 1, 1, tzinfo=UTC)
        end = datetime(2025, 1, 1, tzinfo=UTC)
        self.span_seconds = int((end - self.start).total_seconds())

    def _pick(self, items: list[str]) -> str:
        # Skewed towards the start of the list: a few names are in the news much more often.
        return items[int(len(items) * self.rng.random() ** 2.5)]

    def _slice(self, n: int) -> list[str]:
        start = int(self.rng.random() * (POOL_SIZE - n))
        return self.pool[start : start + n]

    def article_length(self) -> int:
        n = int(self.median_words * math.exp(self.rng.gauss(0.0, 0.45)))
        return max(60, min(n, self.median_words * 8))

    def sentence(self, cast: list[str]) -> tuple[str, int]:
        """One sentence (a slice of the Zipf pool, maybe with a name) and its word count."""
        random = self.rng.random
        n = 8 + int(random() * 22)
        start = int(random() * (POOL_SIZE - n))
        words = self.pool[start : start + n]
        if random() < 0.45:  # a name somewhere in the sentence
            words.insert(int(random() * n), cast[int(random() * len(cast))])
            n += 2
        text = " ".join(words)
        if n > 12 and random() < 0.1:  # a clause
            cut = text.find(" ", len(text) // 2)
            if cut > 0:
                text = f"{text[:cut]},{text[cut:]}"
        text = text[0].upper() + text[1:]
        roll = random()
        if roll < 0.12:
            verb = SAY_VERBS[int(random() * len(SAY_VERBS))]
            return f'"{text}," {verb} {cast[int(random() * 3)]}.', n + 4
        if roll < 0.14:
            return text + "?", n
        return text + ".", n

    def article(self, number: int) -> dict:
        rng = self.rng
        cast = [self._pick(self.people) for _ in range(3)]
        cast += [self._pick(self.orgs), self._pick(self.places), self._pick(self.places)]
        target = self.article_length()
        paragraphs = []
        count = 0
        while count < target:
            sentences = []
            for _ in range(1 + int(rng.random() * 4)):
                text, n = self.sentence(cast)
                sentences.append(text)
                count += n
                if count >= target:
                    break
            paragraphs.append(" ".join(sentences))
        head = " ".join(self._slice(4 + int(rng.random() * 7)))
        if rng.random() < 0.6:
            head = f"{rng.choice(cast[:5])} {head}"
        title = head[0].upper() + head[1:]
        when = self.start + timedelta(seconds=int(rng.random() * self.span_seconds))
        source = self._pick(SOURCES)
        slug = "-".join(title.lower().split()[:6])
        return {
            "id": f"syn-{number:07d}",
            "title": title,
            "text": "\n\n".join(paragraphs),
            "date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "source": source,
            "url": f"https://news.example/{when:%Y/%m}/{slug}-{number}",
        }

    def articles(self, n: int) -> Iterator[dict]:
        for number in range(n):
            yield self.article(number)


def _maybe_gzip(out: Path, raw):
    if out.name.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=3)
    return raw


def write_jsonl(articles: Iterator[dict], out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    total = 0
    with open(out, "wb") as raw, _maybe_gzip(out, raw) as handle:
        for record in articles:
            line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
            total += len(line)
            handle.write(line)
    return total


def write_folder(articles: Iterator[dict], out: Path) -> int:
    total = 0
    for number, record in enumerate(articles):
        folder = out / f"{number // FILES_PER_FOLDER:04d}"
        if number % FILES_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        data = f"{record['title']}\n\n{record['text']}\n".encode()
        (folder / f"{number:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def make_corpus(n: int, out: Path, fmt: str = "jsonl", words: int = 500, seed: int = 1) -> int:
    """Write the corpus; returns the uncompressed bytes written."""
    articles = Generator(seed, words).articles(n)
    return write_folder(articles, out) if fmt == "folder" else write_jsonl(articles, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="output .jsonl[.gz] file or folder")
    parser.add_argument("--format", choices=("jsonl", "folder"), default="jsonl")
    parser.add_argument("--words", type=int, default=500, help="median words per article")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.n < 0 or args.words < 1:
        parser.error("N must be >= 0 and --words >= 1")
    if args.format == "jsonl" and not args.out.name.endswith((".jsonl", ".jsonl.gz")):
        parser.error("for --format jsonl, OUT must end in .jsonl or .jsonl.gz")
    if args.format == "folder" and args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    started = time.perf_counter()
    size = make_corpus(args.n, args.out, args.format, args.words, args.seed)
    seconds = time.perf_counter() - started
    print(
        f"{args.n:,} articles, {size / 1e6:,.1f} MB of text -> {args.out} in {seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
