"""Score speaker attribution by canonical name: is each gold quotation given the right speaker?

Usage: python benchmarks/eval_speakers.py PATH.jsonl [PATH.jsonl ...] [--errors]

Each line of PATH is ``{"id", "text", "quotes": [{"start", "end", "speaker"}]}``: a gold
quotation (offsets of the quoted stretch, quotation marks included) and its speaker, a list of
accepted names (the canonical name first: "Jane Doe", and forms such as "Doe" when the article
never gives more) or null when the text names no speaker (a "source", "the governors").
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


def _match(text: str, gold: dict, predicted: list[Quote]) -> Quote | None:
    gs, ge = _trimmed(text, gold["start"], gold["end"])
    best, best_overlap = None, 0
    for q in predicted:
        ps, pe = _trimmed(text, q.start, q.end)
        overlap = min(ge, pe) - max(gs, ps)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best if best is not None and best_overlap * 2 >= ge - gs else None


def score(path: Path, errors: bool) -> tuple[Counter, Counter]:
    """Counts of named/unnamed gold quotations and of right ones; prints errors if asked."""
    total, right = Counter(), Counter()
    names: Counter = Counter()
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for doc in docs:
        text = doc["text"]
        predicted = [q for q in annotate(text).quotes if q.direct]
        names.update(q.speaker_name for q in predicted if q.speaker_name)
        for gold in doc["quotes"]:
            kind = "named" if gold["speaker"] else "unnamed"
            total[kind] += 1
            q = _match(text, gold, predicted)
            got = q.speaker_name if q is not None else None
            ok = q is not None and (
                _norm(got) in {_norm(n) for n in gold["speaker"]}
                if gold["speaker"]
                else got is None
            )
            right[kind] += ok
            if errors and not ok:
                wanted = gold["speaker"][0] if gold["speaker"] else None
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
    print(f"  distinct predicted speaker names: {len(names)}")
    return total, right


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--errors", action="store_true", help="print each wrong attribution")
    args = ap.parse_args(argv)
    for path in args.paths:
        score(path, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
