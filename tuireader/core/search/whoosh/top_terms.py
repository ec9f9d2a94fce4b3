"""The best few matches of a union of words without scoring every match (a first page).

A common word matches most of the corpus: scoring each of its 100,000 postings costs a quarter
of a second, while the first page needs twenty. This is MaxScore with block bounds, run on
whoosh's public matcher API over the postings of each word (``Term.matcher``: ``max_quality``,
``block_quality``, ``skip_to_quality``, ``skip_to``, ``id``, ``score``, ``next``):

* words are taken in order of their best possible score; those whose best scores together
  cannot reach the page's bar are "non-essential": a document must hold an essential word to
  be looked at, and the others are looked up for it only while they may still lift it over;
* a document whose essential words' block bounds (with every non-essential word) cannot reach
  the bar is passed over, and a word's blocks whose bound, with every other word's best,
  cannot reach it are skipped unread.

Not whoosh's own top-N collector: its unions and intersections skip a block when it is below
the bar by itself, or with the other side's current block, so a document holding several
words (each weak, together strong) was lost (see ``searching.collect``).

The bar is the page's last score less twice the tie margin ``rank`` uses: every document that
may tie with the last one (equal scores are ordered by article id) is kept, and ``rank`` makes
the page from the kept candidates exactly as from every match. The total is a lower bound
(the documents looked at, plus one when a block was skipped unread): the app shows it with a
"+" and counts exactly when the rest of the list is asked for.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from whoosh.query import Or, Term

# Candidates kept beyond the page before those under the bar are dropped.
PRUNE_AT = 4
# Documents looked at between two checks of the search's budget.
CHECK_EVERY = 1024


def union_terms(query) -> list[Term] | None:
    """The words of a query that is a union of plain words (a word, ``a OR b``, a word in
    both title and body, a fuzzy word's variants), else None."""
    if type(query) is Term:
        return [query] if query.boost == 1.0 else None
    if type(query) is Or and query.boost == 1.0 and not query.minmatch and not query.scale:
        terms: list[Term] = []
        for child in query.subqueries:
            found = union_terms(child)
            if found is None:
                return None
            terms.extend(found)
        return terms
    return None


class TopOfUnion:
    """The candidates for the best ``limit`` documents of a sum of word scores."""

    def __init__(self, limit: int, margin: float, check: Callable[[], None]) -> None:
        self.limit = limit
        self.margin = 2 * margin
        self.check = check
        self.best: list[float] = []  # the ``limit`` best scores (a heap)
        self.kept: list[tuple[float, int]] = []
        self.bar: float | None = None  # a document must score at least this to be kept
        self.seen = 0
        self.skipped = False

    def _keep(self, docnum: int, score: float) -> None:
        best, limit = self.best, self.limit
        if len(best) < limit:
            heapq.heappush(best, score)
        elif score > best[0]:
            heapq.heapreplace(best, score)
        if len(best) == limit:
            self.bar = best[0] - self.margin
        if self.bar is None or score >= self.bar:
            self.kept.append((score, docnum))
            if len(self.kept) > PRUNE_AT * limit:
                bar = self.bar
                self.kept = [pair for pair in self.kept if pair[0] >= bar]

    def run(self, searcher, terms: list[Term]) -> None:
        """Look through every segment of ``searcher`` (the bar carries from one to the next)."""
        context = searcher.context(needs_current=True)
        for subsearcher, offset in searcher.leaf_searchers():
            self.check()
            matchers = [term.matcher(subsearcher, context) for term in terms]
            self._segment([m for m in matchers if m.is_active()], offset)

    def _segment(self, matchers: list, offset: int) -> None:
        if not matchers:
            return
        matchers.sort(key=lambda m: m.max_quality())
        tops = [m.max_quality() for m in matchers]
        total_top = sum(tops)
        below = []  # below[i]: the best score of the words before i together
        running = 0.0
        for top in tops:
            below.append(running)
            running += top
        first = 0  # the first essential word
        countdown = CHECK_EVERY
        while True:
            bar = self.bar
            if bar is not None:
                while first < len(matchers) and below[first] + tops[first] <= bar:
                    first += 1
            essential = [m for m in matchers[first:] if m.is_active()]
            if not essential:
                return
            docnum = min(m.id() for m in essential)
            here = [m for m in essential if m.id() == docnum]
            rest_top = below[first]  # every non-essential word at its best
            if bar is not None:
                bound = rest_top + sum(m.block_quality() for m in here)
                if bound <= bar:  # this document cannot make the page
                    self.seen += 1
                    for m in here:
                        # skip this word's blocks that cannot, even with every other word
                        floor = bar - (total_top - m.max_quality())
                        if m.block_quality() <= floor:
                            if m.skip_to_quality(floor):
                                self.skipped = True
                            if m.is_active() and m.id() == docnum:
                                m.next()
                        else:
                            m.next()
                    continue
            score = sum(m.score() for m in here)
            for j in range(first - 1, -1, -1):
                if bar is not None and score + below[j] + tops[j] <= bar:
                    break  # the remaining words cannot lift it over
                m = matchers[j]
                if m.is_active() and m.id() < docnum:
                    m.skip_to(docnum)
                if m.is_active() and m.id() == docnum:
                    score += m.score()
            self.seen += 1
            self._keep(docnum + offset, score)
            for m in here:
                m.next()
            countdown -= 1
            if not countdown:
                countdown = CHECK_EVERY
                self.check()

    def candidates(self) -> list[tuple[float, int]]:
        """(score, document number) of every match that may be on the page."""
        if self.bar is None:
            return list(self.kept)
        return [pair for pair in self.kept if pair[0] >= self.bar]

    def lower_bound(self) -> int:
        """How many documents match, at least."""
        return self.seen + (1 if self.skipped else 0)
