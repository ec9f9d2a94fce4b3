"""The side panel: the open article's entities by type with counts, and its quotes by speaker.

Choosing a line searches the corpus for that entity or speaker.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..core.annotate import Annotations

GROUPS = (
    ("PERSON", "People", "person"),
    ("ORG", "Organisations", "org"),
    ("LOC", "Places", "place"),
    ("MISC", "Other names", "entity"),
)


def _quoted(value: str) -> str:
    """A query phrase for a field: whoosh phrases cannot contain a double quote."""
    return '"' + value.replace('"', " ").strip() + '"'


def panel_options(annotations: Annotations) -> list[Option]:
    """Heading and entry options; an entry's id is the query that finds it."""
    options: list[Option] = []
    for label, heading, field in GROUPS:
        counts = _grouped(e.text for e in annotations.entities if e.label == label)
        if not counts:
            continue
        options.append(Option(Text(heading, style="bold underline"), disabled=True))
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].lower())):
            options.append(Option(_entry(name, count), id=f"{field}:{_quoted(name)}"))
    speakers = Counter(
        q.speaker_name or (q.speaker.text if q.speaker else "(unattributed)")
        for q in annotations.quotes
    )
    if speakers:
        options.append(Option(Text("Quotes by speaker", style="bold underline"), disabled=True))
        for name, count in sorted(speakers.items(), key=lambda item: (-item[1], item[0].lower())):
            query = None if name == "(unattributed)" else f"speaker:{_quoted(name)}"
            options.append(Option(_entry(name, count), id=query, disabled=query is None))
    return options


def _grouped(names) -> Counter:
    """Counts per name, ignoring case ("EXXON" in a headline is "Exxon"); the commonest
    spelling, preferring mixed case, names the group."""
    forms: dict[str, Counter] = {}
    for name in names:
        flat = " ".join(name.split())
        forms.setdefault(flat.casefold(), Counter())[flat] += 1
    grouped: Counter = Counter()
    for spellings in forms.values():
        best = max(spellings, key=lambda s: (spellings[s], not s.isupper(), s))
        grouped[best] = sum(spellings.values())
    return grouped


def _entry(name: str, count: int) -> Text:
    text = Text(f"{count:>3} ", style="dim", no_wrap=True, overflow="ellipsis")
    text.append(Text(name, style="not dim"))
    return text


class EntityPanel(OptionList):
    """An OptionList of the article's entities and speakers (a handful of rows)."""

    DEFAULT_CSS = """
    EntityPanel {
        width: 34;
        display: none;
        border: round $panel-lighten-2;
    }
    EntityPanel.visible {
        display: block;
    }
    EntityPanel:focus {
        border: round $accent;
    }
    """

    def show_annotations(self, annotations: Annotations) -> None:
        self.clear_options()
        options = panel_options(annotations)
        if options:
            self.add_options(options)
        else:
            self.add_option(
                Option(Text("No names or quotes found.", style="italic"), disabled=True)
            )
        self.border_title = "Names & quotes"
