"""Score ``extract_quotes`` against gold direct quotations (PolNeAR-style JSONL).

Usage: python benchmarks/eval_quotes.py PATH.jsonl[.gz] [--limit N] [--no-entities] [--repeat N]

Gold quotations are all entries of all attributions' ``quotes`` lists (deduplicated by span;
a duplicated span keeps the sources of every attribution it belongs to). A prediction matches a
gold quotation when both spans, trimmed of quote marks, edge punctuation and whitespace, overlap
by at least 0.8 of their union; matching is one-to-one, best overlap first. Speaker accuracy is
taken over matched quotations whose gold attribution has a source: the predicted speaker span
must overlap one of the source's span pieces.

Only direct quotations are scored: predictions with ``direct=False`` (reported speech) are left
out of the scores and reported apart, as information: how many were found, and how many match a
gold attribution's content (overlap at least 0.5 of the union) with an overlapping source.

The throughput is that of ``extract_quotes`` alone (entities found beforehand), on one core,
best of ``--repeat`` passes over every article, as ``timeit`` reports: the least disturbed pass.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tuireader.core.annotate.quotes import extract_quotes  # noqa: E402
from tuireader.core.annotate.spans import Entity, Quote  # noqa: E402

MATCH_THRESHOLD = 0.8
# Gold quotes in typeset marks (''...'', ``...''), missing from PolNeAR's quotes lists.
_TYPESET_RE = re.compile(r"(?:''|``)(?=\S)[^\n]+?(?<=\S)''(?!')")
INDIRECT_THRESHOLD = 0.5
_TRIM = " \t\n\u00a0\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb.,;:!?-\u2014\u2013\u2026()[]"


@dataclass
class GoldQuote:
    """A gold quotation span and the source span pieces of its attribution(s)."""

    start: int
    end: int
    sources: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Tally:
    """Running counts for the whole file."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    with_source: int = 0
    speaker_ok: int = 0
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    entity_seconds: float = 0.0
    indirect: int = 0
    indirect_matched: int = 0
    indirect_speaker_ok: int = 0


def read_jsonl(path: str) -> Iterator[dict]:
    """Yield one record a line from a ``.jsonl`` or ``.jsonl.gz`` file."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def gold_quotes(article: dict) -> list[GoldQuote]:
    """Collect the article's gold quotations, merging duplicate spans."""
    by_span: dict[tuple[int, int], GoldQuote] = {}
    for attribution in article.get("attributions", []):
        sources = [(s["start"], s["end"]) for s in attribution.get("source", [])]
        quotes = [(q["start"], q["end"]) for q in attribution.get("quotes", [])]
        if not quotes:  # the converter saw only " and curly marks, not typeset ''...''
            for piece in attribution.get("content", []):
                for m in _TYPESET_RE.finditer(piece["text"]):
                    quotes.append((piece["start"] + m.start(), piece["start"] + m.end()))
        for key in quotes:
            by_span.setdefault(key, GoldQuote(*key)).sources.extend(sources)
    return sorted(by_span.values(), key=lambda g: (g.start, g.end))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past quote marks, edge punctuation and whitespace."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two spans (0 when either is empty)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if inter > 0 and union > 0 else 0.0


def match(text: str, gold: Sequence[GoldQuote], pred: Sequence[Quote]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedily by best overlap."""
    g_spans = [trim(text, g.start, g.end) for g in gold]
    p_spans = [trim(text, p.start, p.end) for p in pred]
    pairs = []
    for gi, gs in enumerate(g_spans):
        for pi, ps in enumerate(p_spans):
            if ps[0] < gs[1] and gs[0] < ps[1]:
                ratio = overlap_ratio(gs, ps)
                if ratio >= MATCH_THRESHOLD:
                    pairs.append((ratio, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    result = []
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            result.append((gi, pi))
    return result


def speaker_hit(quote: Quote, sources: Sequence[tuple[int, int]]) -> bool:
    """True when the predicted speaker span overlaps any gold source piece."""
    sp = quote.speaker
    return sp is not None and any(sp.start < e and s < sp.end for s, e in sources)


def load_entity_extractor(disabled: bool) -> Callable[[str], list[Entity]] | None:
    """Return ``extract_entities`` when the recognizer is importable (and not disabled)."""
    if disabled:
        return None
    try:
        from tuireader.core.annotate.entities import extract_entities
    except ImportError:
        return None
    except Exception as exc:  # a half-written recognizer must not stop the benchmark
        print(f"note: tuireader.core.annotate.entities failed to import ({exc!r})", file=sys.stderr)
        return None
    return extract_entities


def score_article(article: dict, tally: Tally, entities: Sequence[Entity] = ()) -> list[tuple]:
    """Run the extractor on one article, update the tally and return its errors."""
    text = article["text"]
    found = extract_quotes(text, entities)
    pred = [q for q in found if q.direct]
    score_indirect(article, [q for q in found if not q.direct], tally)
    gold = gold_quotes(article)
    pairs = match(text, gold, pred)
    tally.articles += 1
    tally.words += len(text.split())
    tally.gold += len(gold)
    tally.predicted += len(pred)
    tally.matched += len(pairs)
    errors = []
    for gi, pi in pairs:
        if gold[gi].sources:
            tally.with_source += 1
            if speaker_hit(pred[pi], gold[gi].sources):
                tally.speaker_ok += 1
            else:
                errors.append(("speaker", gold[gi], pred[pi]))
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    errors += [("missed", g, None) for i, g in enumerate(gold) if i not in matched_g]
    errors += [("spurious", None, p) for i, p in enumerate(pred) if i not in matched_p]
    return errors


def score_indirect(article: dict, found: Sequence[Quote], tally: Tally) -> None:
    """Count reported-speech predictions and those matching a gold attribution (information)."""
    text = article["text"]
    golds = []
    for a in article.get("attributions", []):
        if a.get("content"):
            span = (min(c["start"] for c in a["content"]), max(c["end"] for c in a["content"]))
            golds.append((trim(text, *span), [(s["start"], s["end"]) for s in a.get("source", [])]))
    for q in found:
        tally.indirect += 1
        span = trim(text, q.start, q.end)
        best = max(golds, key=lambda g: overlap_ratio(span, g[0]), default=None)
        if best is not None and overlap_ratio(span, best[0]) >= INDIRECT_THRESHOLD:
            tally.indirect_matched += 1
            tally.indirect_speaker_ok += speaker_hit(q, best[1])


def show_error(text: str, kind: str, gold: GoldQuote | None, pred: Quote | None) -> None:
    """Print one error with a little context (for --errors)."""
    span = gold or pred
    ctx = text[max(0, span.start - 80) : span.end + 80].replace("\n", " | ")
    print(f"--- {kind}: {ctx!r}")
    if gold is not None:
        print("    gold sources:", [text[s:e] for s, e in gold.sources])
    if pred is not None:
        who = pred.speaker.text if pred.speaker else None
        print(f"    predicted: {pred.text[:60]!r} speaker={who!r} name={pred.speaker_name!r}")


def report(tally: Tally, with_entities: bool) -> None:
    """Print the scores, counts and throughput."""
    p = tally.matched / tally.predicted if tally.predicted else 0.0
    r = tally.matched / tally.gold if tally.gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = tally.speaker_ok / tally.with_source if tally.with_source else 0.0
    secs = max(tally.seconds, 1e-9)
    entities = "tuireader.core.annotate.entities.extract_entities" if with_entities else "none"
    print(f"entities: {entities}")
    print(f"articles: {tally.articles}  words: {tally.words}")
    print(f"gold quotes: {tally.gold}  predicted: {tally.predicted}  matched: {tally.matched}")
    print(f"precision: {p:.4f}  recall: {r:.4f}  F1: {f1:.4f}")
    print(
        f"speaker accuracy: {acc:.4f}  ({tally.speaker_ok}/{tally.with_source} matched quotes"
        " with a gold source)"
    )
    print(
        f"extract_quotes throughput: {tally.articles / secs:.1f} articles/s,"
        f" {tally.words / secs:.0f} words/s ({tally.seconds:.2f} s, best pass, one core)"
    )
    print(
        f"indirect (reported speech, not scored above): {tally.indirect} found,"
        f" {tally.indirect_matched} match a gold attribution's content,"
        f" {tally.indirect_speaker_ok} of them with the gold source"
    )
    if with_entities:
        print(f"extract_entities time: {tally.entity_seconds:.2f} s (not in throughput)")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, score every article and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="PolNeAR-style .jsonl or .jsonl.gz")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--no-entities", action="store_true", help="do not pass entities")
    parser.add_argument("--errors", action="store_true", help="print every error")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes; the best one counts")
    args = parser.parse_args(argv)
    entities_of = load_entity_extractor(args.no_entities)
    tally = Tally()
    inputs: list[tuple[str, Sequence[Entity]]] = []
    for n, article in enumerate(read_jsonl(args.path)):
        if args.limit and n >= args.limit:
            break
        entities: Sequence[Entity] = ()
        if entities_of is not None:
            t0 = time.perf_counter()
            entities = entities_of(article["text"])
            tally.entity_seconds += time.perf_counter() - t0
        inputs.append((article["text"], entities))
        errors = score_article(article, tally, entities)
        if args.errors:
            for kind, gold, pred in errors:
                show_error(article["text"], kind, gold, pred)
    tally.seconds = best_pass(inputs, max(1, args.repeat))
    report(tally, entities_of is not None)
    return 0


def best_pass(inputs: Sequence[tuple[str, Sequence[Entity]]], repeat: int) -> float:
    """Seconds of the fastest of ``repeat`` passes of ``extract_quotes`` over ``inputs``."""
    best = float("inf")
    for _ in range(repeat):
        elapsed = 0.0
        for text, entities in inputs:
            t0 = time.perf_counter()
            extract_quotes(text, entities)
            elapsed += time.perf_counter() - t0
        best = min(best, elapsed)
    return best


if __name__ == "__main__":
    raise SystemExit(main())
