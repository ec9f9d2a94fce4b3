"""Searches that stop: after a time budget, or as soon as a newer search supersedes them.

whoosh runs a query to its end; a slow one (a common fuzzy word, a long OR) held the engine
for seconds, and the app's next search waited behind it. A ``Budget`` is checked while
whoosh collects matches (``BoundedCollector``, a public whoosh collector wrapper checked
every few hundred matches and at each segment) and between the steps of a search; when it
runs out, or the caller's ``cancelled()`` says so, the search raises QueryError.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from whoosh.collectors import WrappingCollector

from tuireader.core.search.engine import QueryError

# Seconds a search may take (Reuters scale: every query answers or is refused within it).
SEARCH_SECONDS = 1.0
# Matches collected between two checks of the budget (a check costs about 0.1 us a match).
CHECK_EVERY = 256


class SearchStopped(QueryError):
    """The search ran out of time or was superseded; the message is meant for the user."""


class Budget:
    """A deadline (None: none) and a cancel check (None: never cancelled)."""

    def __init__(
        self, seconds: float | None = SEARCH_SECONDS, cancelled: Callable[[], bool] | None = None
    ) -> None:
        self.seconds = seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.cancelled = cancelled

    def check(self) -> None:
        """Raise SearchStopped when the search should stop."""
        if self.cancelled is not None and self.cancelled():
            raise SearchStopped("The search was replaced by a newer one.")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise SearchStopped(
                f"The search took over {self.seconds:g} s and was stopped: make it narrower "
                "(more words, longer prefixes before *, fewer ~ edits)."
            )


class BoundedCollector(WrappingCollector):
    """Wraps a whoosh collector; checks the budget at each segment and every CHECK_EVERY
    matches."""

    def __init__(self, child, budget: Budget) -> None:
        super().__init__(child)
        self.budget = budget

    def set_subsearcher(self, subsearcher, offset) -> None:
        self.budget.check()
        super().set_subsearcher(subsearcher, offset)

    def matches(self) -> Iterator[int]:
        check, every = self.budget.check, CHECK_EVERY
        for count, docnum in enumerate(self.child.matches(), start=1):
            yield docnum
            if not count % every:
                check()
