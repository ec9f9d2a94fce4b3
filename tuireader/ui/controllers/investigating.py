"""The investigating views over the current list (every article, or the results, under the
filters): entities (E), who said what (W), co-occurrence (C), timeline (T), batch search.

Each is computed in a worker through ``Library.investigation`` and shown in a ``PickScreen``;
choosing in one adds an entity filter, opens an article at a quotation, moves to another
entity's co-occurrences, narrows the dates, or runs a query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from rich.text import Text

from tuireader.core.base.text import clean_line
from tuireader.core.base.wording import counted
from tuireader.core.search.meta_filter import DateRange
from tuireader.ui.controllers.duplicates import Duplicates
from tuireader.ui.controllers.filters import Filters
from tuireader.ui.controllers.handoff import HandOff
from tuireader.ui.controllers.reading import Reading
from tuireader.ui.controllers.search import Search
from tuireader.ui.host import Host
from tuireader.ui.screens.pick import PickScreen, Row
from tuireader.ui.screens.prompt import PromptScreen

FACETS_MOST = 5000
QUOTE_TEXTS_FIRST = 200  # a speaker's quotations whose texts are read before the list opens
BATCH_HITS = 0  # batch search in the app counts; Enter runs the query for its results


class Investigating:
    def __init__(self, host: Host, filters: Filters, reading: Reading, search: Search) -> None:
        reading.on_shown = self.scroll_to_pending  # a quotation chosen: scrolled to
        self.host = host
        self.view = view = filters.view
        self.library = library = filters.library
        self.filters = filters
        self.duplicates = Duplicates(host, view, library, search)
        self.hand_off = HandOff(host, view, library)
        self.timeline_by = "month"
        self.pending_quote: tuple[int, str] | None = None  # (article, text) to scroll to
        self._quotes_shown: list = []  # the speaker's quotations listed last
        self._asked: dict[str, int] = {}  # the newest request of each worker group
        # entity filters asked for and not yet in force (the next one adds to them), and
        # how many times the filters had been cleared when the first of them was asked for
        self._entities_asked: tuple[str, ...] | None = None
        self._entities_since = 0

    # -- the current list ------------------------------------------------------------------

    def _list_ids(self) -> list[int] | None:
        """The ids of the list shown (None: the whole corpus, unfiltered)."""
        view, investigation = self.view, self.library.investigation
        if view.results is not None and view.similar_to is not None:
            return view.results.ids
        query = view.results.query if view.results is not None else ""
        return investigation.list_ids(query, view.meta_filter)

    def _in_worker(
        self,
        work: Callable[[], object],
        then: Callable[[object], None],
        group: str = "investigate",
        failed: Callable[[], None] | None = None,
    ) -> None:
        """Run ``work`` in a thread (keys stay live), then ``then`` with its result. Only the
        newest request of a group lands: a thread cannot be stopped, and an older view that
        took longer covered the one asked for after it."""
        seq = self._ask(group)
        newest = lambda: self._asked.get(group) == seq  # noqa: E731

        def landed(result: object) -> None:
            if newest():
                then(result)

        def said(text: str) -> None:
            if newest():
                self.host.show_message(text, True)
                if failed is not None:
                    failed()

        def run() -> None:
            try:
                result = work()
            except Exception as exc:  # a query or store that fails: said, the app goes on
                self.host.call_from_thread(said, f"{exc}")
                return
            self.host.call_from_thread(landed, result)

        self.host.run_worker(run, thread=True, group=group, exclusive=True)

    def _ask(self, group: str) -> int:
        """A new request of ``group``: the number only its result may land with."""
        self._asked[group] = seq = self._asked.get(group, 0) + 1
        return seq

    def _scope(self) -> str:
        view = self.view
        if view.results is None:
            label = "all articles"
        else:
            label = f"results of {view.results.query!r}" if view.results.query else "results"
        filters = view.meta_filter.label()
        return f"{label} · {filters}" if filters else label

    # -- the keys' actions (app.action_investigate) ---------------------------------------

    def browser(self) -> None:
        self.hand_off.browser()

    def editor(self) -> None:
        self.hand_off.program("EDITOR")

    def pager(self) -> None:
        self.hand_off.program("PAGER")

    def copy_url(self) -> None:
        self.hand_off.copy_url()

    def copy_quote(self) -> None:
        self.hand_off.copy_quote()

    def toggle_duplicates(self) -> None:
        self.duplicates.toggle_all()

    def expand_duplicates(self) -> None:
        self.duplicates.expand()

    # -- entities (facets) -----------------------------------------------------------------

    def facets(self) -> None:
        investigation = self.library.investigation
        self._in_worker(
            lambda: investigation.entities(self._list_ids(), None, FACETS_MOST, mentions=False),
            self._show_facets,
        )

    def _show_facets(self, entities) -> None:
        rows = []
        for entity in entities:
            shown = Text(f"{entity.articles:>7,}  ")
            shown.append(clean_line(entity.name), style="bold")
            shown.append(f"  {entity.type}", style="dim")
            if entity.aliases:
                shown.append(f"  also {', '.join(map(clean_line, entity.aliases))}", style="dim")
            match = f"{entity.name} {entity.type} {' '.join(entity.aliases)}"
            rows.append(Row(shown, match, entity.name))
        # capped: "(5,000)" read as every name of the list
        counted = (
            f"the {len(rows):,} in most articles" if len(rows) >= FACETS_MOST else f"{len(rows):,}"
        )
        title = f"Names of {self._scope()} ({counted}) — articles, name"
        hint = "Enter: filter the list by it · c: who appears with it · t: its timeline"
        keys = {"c": "cooccur", "t": "timeline"}
        labels = {"c": "Who appears with it", "t": "Its timeline"}
        empty = "No names were found in the articles of this list."
        screen = PickScreen(title, rows, hint, keys, empty, labels, type_first=True)
        self.host.push_screen(screen, self._facet_chosen)

    def _facet_chosen(self, chosen: tuple[str, str] | None) -> None:
        if chosen is None:
            return
        action, name = chosen
        if action == "cooccur":
            self.cooccur(name)
        elif action == "timeline":
            self.timeline(entity=name)
        else:
            self.add_entity_filter(name)

    def add_entity_filter(self, *names: str) -> None:
        """Narrow the list to the articles naming each of ``names`` too (AND with the others).
        The filter finds its articles whenever it is applied (a later sync's are in it); they
        are found once here, in a worker, so that the entity table is in memory. A name added
        while an earlier one is still being found adds to it (it read the filters in force,
        without the earlier one, and the last worker to end replaced the rest)."""
        current = self._entity_names()
        added = tuple(dict.fromkeys(n for n in names if n not in current))
        if added:
            self._set_entities((*current, *added))

    def remove_entity_filter(self, name: str) -> None:
        names = tuple(n for n in self._entity_names() if n != name)
        if not names:
            self._ask("entity-filter")  # a filter still being found lands no more
            self._entities_asked = None
            self.filters.set(replace(self.view.meta_filter, entities=(), within=None))
            return
        self._set_entities(names)

    def _entity_names(self) -> tuple[str, ...]:
        """The entity filters in force, or those asked for (still being found) after them;
        clearing the filters meanwhile drops the ones asked for."""
        asked = self._entities_asked
        if asked is not None and self.filters.cleared == self._entities_since:
            return asked
        return self.view.meta_filter.entities

    def _set_entities(self, names: tuple[str, ...]) -> None:
        if self._entities_asked is None or self.filters.cleared != self._entities_since:
            self._entities_since = self.filters.cleared
        self._entities_asked = names
        scope = self.library.investigation.scope(names)

        def found(_ids: object) -> None:
            self._entities_asked = None
            if self.filters.cleared == self._entities_since:  # not cleared meanwhile
                self.filters.set(replace(self.view.meta_filter, entities=names, within=scope))

        def failed() -> None:
            self._entities_asked = None

        self._in_worker(scope.ids, found, "entity-filter", failed)

    # -- who said what ---------------------------------------------------------------------

    def speakers(self) -> None:
        investigation = self.library.investigation
        self._in_worker(lambda: investigation.speakers(self._list_ids()), self._show_speakers)

    def _show_speakers(self, speakers) -> None:
        rows = []
        for name, quotes in speakers:
            shown = Text(f"{quotes:>6,}  ")
            shown.append(clean_line(name), style="bold")
            rows.append(Row(shown, name, name))
        title = (
            f"Who said what in {self._scope()} ({counted(len(rows), 'speaker')}) — "
            "quotations, each article's counted"
        )
        empty = "No quotation in this list has a named speaker."
        self.host.push_screen(PickScreen(title, rows, empty=empty), self._speaker_chosen)

    def _speaker_chosen(self, chosen: tuple[str, str] | None) -> None:
        if chosen is not None:
            self.quotes_of(chosen[1])

    def quotes_of(self, speaker: str) -> None:
        """The speaker's quotations: listed without their texts, those of the first rows
        read before the list opens and the others in a worker after (typing narrows on
        them once read: the rows are made again then)."""
        investigation = self.library.investigation

        def listed():
            quotes = investigation.quotes(self._list_ids(), speaker, texts=False)
            investigation.quote_texts(quotes[:QUOTE_TEXTS_FIRST])
            return quotes, _quote_rows(quotes)

        self._in_worker(listed, lambda found: self._show_quotes(speaker, *found))

    def _show_quotes(self, speaker: str, quotes, rows: list[Row]) -> None:
        self._quotes_shown = quotes
        count = counted(len(rows), "quotation")
        carried = sum(len(quote.sites) for quote in quotes)
        if carried != len(quotes):  # the speakers' list counts each article's: said so
            count += f", {carried:,} counting repeats"
        title = f"{clean_line(speaker)}: {count} (Enter opens the article there)"
        screen = PickScreen(title, rows)
        self.host.push_screen(screen, self._quote_chosen)
        rest = quotes[QUOTE_TEXTS_FIRST:]
        if any(quote.text is None for quote in rest):

            def read() -> None:
                try:
                    self.library.investigation.quote_texts(rest)
                except Exception as exc:  # a store that fails: said, the list stays
                    self.host.call_from_thread(self.host.show_message, f"{exc}", True)
                    return
                self.host.call_from_thread(screen.replace_rows, _quote_rows(quotes))

            self.host.run_worker(read, thread=True, group="quote-texts", exclusive=True)

    def _quote_chosen(self, chosen: tuple[str, str] | None) -> None:
        if chosen is None:
            return
        quote = self._quotes_shown[int(chosen[1])]
        self.pending_quote = (quote.first.article_id, quote.text or "")
        self.host.open_article(quote.first.article_id)

    def scroll_to_pending(self, article_id: int) -> None:
        """Called when an article is shown: scroll to the quotation chosen for it."""
        pending, self.pending_quote = self.pending_quote, None
        if pending is None or pending[0] != article_id:
            return
        reader = self.host.reader
        shown = reader.shown
        if shown is None:
            return
        said = pending[1].strip('"“” ')[:60]
        offset = shown.article.body.find(said) if said else -1
        if offset >= 0:
            reader.scroll_to(y=max(0, reader.line_of(offset) - 2), animate=False)

    # -- co-occurrence ---------------------------------------------------------------------

    def cooccur(self, name: str | None = None) -> None:
        """Who appears with ``name`` (None: choose one from the list's entities first)."""
        if name is None:
            investigation = self.library.investigation

            def show(entities) -> None:
                rows = [
                    Row(Text(f"{e.articles:>7,}  {clean_line(e.name)}  ({e.type})"), e.name, e.name)
                    for e in entities
                ]
                screen = PickScreen(f"Co-occurrence: choose an entity of {self._scope()}", rows)
                self.host.push_screen(screen, lambda c: c and self.cooccur(c[1]))

            self._in_worker(
                lambda: investigation.entities(self._list_ids(), None, 2000, mentions=False), show
            )
            return
        investigation = self.library.investigation
        self._in_worker(
            lambda: (
                investigation.cooccurring(name, self._list_ids(), min_count=2, limit=200)
                or investigation.cooccurring(name, self._list_ids(), min_count=1, limit=200)
            ),
            lambda found: self._show_cooccur(name, found),
        )

    def _show_cooccur(self, name: str, found) -> None:
        rows = []
        for item in found:
            entity = item.entity
            shown = Text(f"{item.shared:>6,} {entity.articles:>7,} {item.g2:>8.1f}  ")
            shown.append(clean_line(entity.name), style="bold")
            shown.append(f"  {entity.type}", style="dim")
            rows.append(Row(shown, entity.name, entity.name))
        title = f"Appearing with {clean_line(name)} — shared, articles, G² (log-likelihood)"
        hint = "Enter: who appears with that one · f: filter the list by both"
        labels = {"f": "Filter by both"}
        screen = PickScreen(title, rows, hint, {"f": "filter"}, labels=labels, type_first=True)
        self.host.push_screen(screen, lambda chosen: self._cooccur_chosen(name, chosen))

    def _cooccur_chosen(self, name: str, chosen: tuple[str, str] | None) -> None:
        if chosen is None:
            return
        if chosen[0] == "filter":
            self.add_entity_filter(name, chosen[1])
        else:
            self.cooccur(chosen[1])

    # -- timeline --------------------------------------------------------------------------

    def timeline(self, entity: str | None = None, by: str | None = None) -> None:
        by = by or self.timeline_by
        investigation = self.library.investigation

        def periods():
            ids = self._list_ids()
            if entity is not None:
                base = self.library.ordered_ids() if ids is None else ids
                ids = investigation.with_entities(base, (entity,))
            found = investigation.timeline(ids, by)
            return found, not found and not self.library.has_dates()

        self._in_worker(periods, lambda found: self._show_timeline(*found, by, entity))

    def _show_timeline(self, periods, undated: bool, by: str, entity: str | None) -> None:
        """Horizontal bars, one period a row, in the pick list: each row can be chosen
        (Enter narrows the dates to it) and read with its label and count, which neither a
        Sparkline (one row, nothing to choose) nor a plotting extra would give."""
        most = max((p.count for p in periods), default=0)
        width = timeline_bar_width(self.host.size.width)
        rows = []
        for period in periods:
            bar = "█" * (round(width * period.count / most) if most else 0)
            # (one line each: a bar wrapped onto the next row read as another period's)
            shown = Text(f"{period.label(by):<10} {period.count:>6,} ", no_wrap=True)
            shown.append(bar or "·", style="bold" if period.count else "dim")
            rows.append(Row(shown, period.label(by), f"{period.start}|{period.end}"))
        about = f"{clean_line(entity)} in " if entity else ""
        title = f"Timeline of {about}{self._scope()}: articles per {by}"
        hint = "Enter: show only that period · d/w/m: per day, week, month"
        keys = {"d": "day", "w": "week", "m": "month"}
        labels = {"d": "Per day", "w": "Per week", "m": "Per month"}
        empty = "No article in this list has a date: there is no timeline to draw."
        if undated:  # not the list: the corpus (said how to give it dates)
            from tuireader.core.investigate.timeline import HOW_TO_DATE  # (not at launch)

            empty = "No article in this corpus has a date: there is no timeline to draw. "
            empty += HOW_TO_DATE
        screen = PickScreen(title, rows, hint, keys, empty, labels)
        self.host.push_screen(screen, lambda chosen: self._period_chosen(chosen, entity))

    def _period_chosen(self, chosen: tuple[str, str] | None, entity: str | None) -> None:
        if chosen is None:
            return
        action, value = chosen
        from tuireader.core.investigate.timeline import PERIODS  # (not at launch)

        if action in PERIODS:
            self.timeline_by = action
            self.timeline(entity, action)
            return
        start, end = (date.fromisoformat(part) for part in value.split("|"))
        self.filters.set(replace(self.view.meta_filter, dates=DateRange(start, end)))

    # -- batch search ----------------------------------------------------------------------

    def batch_prompt(self) -> None:
        self.host.push_screen(
            PromptScreen("Batch search: a file with one query a line (# comments):"),
            self.batch,
        )

    def batch(self, path: str | None) -> None:
        if not path:
            return
        from tuireader.core.investigate.batch import read_batch

        def counts():
            text = Path(path).expanduser().read_text(encoding="utf-8", errors="replace")
            found = []
            for line in read_batch(text):
                try:
                    total = self.library.search(
                        line.query, narrow=self.view.meta_filter, limit=1
                    ).total
                    found.append((line.number, line.query, total, ""))
                except Exception as exc:  # a bad line: said on its row, the rest run
                    found.append((line.number, line.query, -1, str(exc)))
            return found

        self._in_worker(counts, lambda found: self._show_batch(path, found))

    def _show_batch(self, path: str, found) -> None:
        rows = []
        for number, query, total, error in found:
            shown = Text(f"{number:>4}  ")
            if error:
                shown.append(f"{'error':>7}  ", style="red")
                shown.append(clean_line(query))
                shown.append(f"  {clean_line(error)}", style="dim")
                rows.append(Row(shown, query, ""))
            else:
                shown.append(f"{total:>7,}  ")
                shown.append(clean_line(query), style="bold")
                rows.append(Row(shown, query, query))
        title = f"Batch search: {clean_line(path)} — line, hits, query (Enter shows its results)"
        self.host.push_screen(PickScreen(title, rows), self._batch_chosen)

    def _batch_chosen(self, chosen: tuple[str, str] | None) -> None:
        if chosen is not None and chosen[1]:
            self.host.run_search_from_palette(chosen[1])


def timeline_bar_width(screen_width: int) -> int:
    """The longest bar of the timeline: 50 cells, less on a narrow screen, where a row of
    label, count and bar must still fit the view (92% of the screen, up to 130 cells, less its
    border, padding, the rows' frame and scroll bar: 12 cells) on one line."""
    room = min(130, screen_width * 92 // 100) - 12 - len("1987-W01      2,789 ")
    return max(5, min(50, room))


def _quote_rows(quotes) -> list[Row]:
    """A speaker's quotations as rows: the quotation (… until its text is read), then each
    article carrying it; typing matches the text and the first article's title."""
    rows = []
    for index, quote in enumerate(quotes):
        if quote.text is None:
            shown = Text("…", style="dim")
        else:
            shown = Text("“", style="italic")
            shown.append(clean_line(quote.text.strip('"“” ')), style="italic")
            shown.append("”", style="italic")
        for number, site in enumerate(quote.sites):
            meta = " · ".join(clean_line(x) for x in (site.source, site.date_text) if x)
            first = "  (first)" if number == 0 and len(quote.sites) > 1 else ""
            shown.append(f"\n    {clean_line(site.title)}", style="bold" if number == 0 else "")
            shown.append(f"{'  · ' + meta if meta else ''}{first}", style="dim")
        rows.append(Row(shown, f"{quote.text or ''} {quote.first.title}", str(index)))
    return rows
