"""Score speaker attribution by canonical name: is each gold quotation given the right speaker?

Usage: python benchmarks/eval_speakers.py PATH.jsonl [PATH.jsonl ...] [--articles CORPUS] [--errors]
       python benchmarks/eval_speakers.py PLAIN.jsonl --seal SEALED.jsonl

Each line of PATH is ``{"id", "text", "quotes": [{"start", "end", "speaker"}]}``: a gold
quotation (offsets of the quoted stretch, quotation marks included) and its speaker, a list of
accepted names (the canonical name first: "Jane Doe", and forms such as "Doe" when the article
never gives more) or null when the text names no speaker (a "source", "the governors").

A *sealed* set carries neither text nor names, so it can live in the project
(``benchmarks/gold/``) without copying a word of the research data: each line is ``{"id",
"quotes": [{"start", "end", "speaker_sha"}]}``, the text is read by id from ``--articles`` (the
corpus the set was typed on, e.g. ``polnear_train.jsonl.gz``) and each accepted name is kept
as the SHA-256 of its normalised form. ``--seal`` turns a plain set into a sealed one.
The full pipeline (``annotate``: entities, canonical names, quotations) runs on each text; a
predicted direct quotation matches a gold one when their spans, trimmed of quotation marks and
edge punctuation, overlap by at least half of the gold span. A named gold quotation is right
when the matched prediction's ``speaker_name`` equals one of the accepted names (case and
spacing ignored); an unnamed one is right when ``speaker_name`` is null. A gold quotation with
no matching prediction counts as wrong. The sets live outside the project (see
benchmarks/README.md); no text from them is ever copied into it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tuireader.core.annotate.pipeline import annotate  # noqa: E402
from tuireader.core.annotate.spans import Quote  # noqa: E402

_TRIM = " \t\n\u00a0\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb.,;:!?-\u2014\u2013\u2026()[]"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _norm(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def _sha(name: str) -> str:
    return hashlib.sha256(_norm(name).encode("utf-8")).hexdigest()


def _accepted(gold: dict) -> set[str] | None:
    """Hashes of the accepted names, or None for a quotation with no named speaker."""
    if "speaker_sha" in gold:
        return set(gold["speaker_sha"]) if gold["speaker_sha"] else None
    return {_sha(n) for n in gold["speaker"]} if gold["speaker"] else None


def _read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def seal(plain: Path, sealed: Path) -> None:
    """Write ``plain`` without its text and with each accepted name replaced by its hash."""
    lines = []
    for doc in _read_jsonl(plain):
        quotes = [
            {
                "start": q["start"],
                "end": q["end"],
                "speaker_sha": [_sha(n) for n in q["speaker"]] if q["speaker"] else None,
            }
            for q in doc["quotes"]
        ]
        lines.append(json.dumps({"id": doc["id"], "quotes": quotes}))
    sealed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"sealed {len(lines)} articles into {sealed}")


def _match(text: str, gold: dict, predicted: list[Quote]) -> Quote | None:
    gs, ge = _trimmed(text, gold["start"], gold["end"])
    best, best_overlap = None, 0
    for q in predicted:
        ps, pe = _trimmed(text, q.start, q.end)
        overlap = min(ge, pe) - max(gs, ps)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best if best is not None and best_overlap * 2 >= ge - gs else None


def score(
    path: Path, errors: bool, articles: dict[str, str] | None = None
) -> tuple[Counter, Counter]:
    """Counts of named/unnamed gold quotations and of right ones; prints errors if asked."""
    total, right = Counter(), Counter()
    misses: Counter = Counter()  # why named quotations were wrong, by kind only
    names: Counter = Counter()
    docs = _read_jsonl(path)
    for doc in docs:
        if "text" in doc:
            text = doc["text"]
        elif articles is not None and doc["id"] in articles:
            text = articles[doc["id"]]
        else:
            raise SystemExit(f"{path}: article {doc['id']!r} has no text; pass --articles")
        predicted = [q for q in annotate(text).quotes if q.direct]
        names.update(q.speaker_name for q in predicted if q.speaker_name)
        for gold in doc["quotes"]:
            accepted = _accepted(gold)
            kind = "named" if accepted else "unnamed"
            total[kind] += 1
            q = _match(text, gold, predicted)
            got = q.speaker_name if q is not None else None
            ok = q is not None and (
                got is not None and _sha(got) in accepted if accepted else got is None
            )
            right[kind] += ok
            if accepted and not ok:
                misses[
                    "quotation not found"
                    if q is None
                    else "no name"
                    if got is None
                    else "another name"
                ] += 1
            if errors and not ok:
                if gold.get("speaker"):
                    wanted = gold["speaker"][0]
                elif accepted:
                    wanted = "a named speaker: " + text[gold["start"] : gold["end"]][:60]
                else:
                    wanted = None
                found = "no quotation found" if q is None else f"got {got!r}"
                mention = q.speaker.text if q is not None and q.speaker else None
                print(
                    f"  {doc['id'][:40]} @{gold['start']}: want {wanted!r}, {found}"
                    f" (mention {mention!r})"
                )
    print(f"{path.name}: {len(docs)} articles, {sum(total.values())} gold quotations")
    for kind in ("named", "unnamed"):
        if total[kind]:
            print(
                f"  {kind:8} speaker right: {right[kind] / total[kind]:.3f}"
                f" ({right[kind]}/{total[kind]})"
            )
    if misses:
        print("  named wrong: " + ", ".join(f"{n} {why}" for why, n in misses.most_common()))
    print(f"  distinct predicted speaker names: {len(names)}")
    return total, right


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--errors", action="store_true", help="print each wrong attribution")
    ap.add_argument("--articles", type=Path, help="corpus (.jsonl or .jsonl.gz) a sealed set reads")
    ap.add_argument("--seal", type=Path, metavar="OUT", help="write PATH as a sealed set to OUT")
    args = ap.parse_args(argv)
    if args.seal:
        seal(args.paths[0], args.seal)
        return 0
    articles = None
    if args.articles:
        articles = {d["id"]: d["text"] for d in _read_jsonl(args.articles)}
    for path in args.paths:
        score(path, args.errors, articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
