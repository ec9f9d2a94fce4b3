"""The reader's key bindings (each with an id a config's [keys] may rebind; the help screen
lists them by id), apart from those of the widgets and dialogs."""

from __future__ import annotations

from textual.binding import Binding

from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.entity_panel import EntityPanel
from tuireader.ui.widgets.reading_pane import ReadingPane
from tuireader.ui.widgets.search_bar import SearchBar

APP_BINDINGS = [
    # priority: handled as the key arrives, so that what is typed right after it (fast,
    # pasted, or in one packet over SSH) goes to the search bar, not to s, a, q...
    Binding("slash", "focus_search", "Search", priority=True, id="app.search"),
    Binding(
        "escape",
        "clear_search",
        "Clear search (after a find: close the find)",
        show=False,
        id="app.clear_search",
    ),
    Binding("right_square_bracket", "next_article", "Next", key_display="]", id="app.next"),
    Binding(
        "left_square_bracket",
        "previous_article",
        "Previous",
        key_display="[",
        id="app.previous",
    ),
    Binding(
        "pagedown",
        "reader_page_down",
        "Page down",
        show=False,
        priority=True,
        id="app.page_down",
    ),
    Binding("pageup", "reader_page_up", "Page up", show=False, priority=True, id="app.page_up"),
    Binding("space", "reader_page_down", "Page down", show=False, id="app.space"),
    Binding("n", "next_match", "Next match", show=False, id="app.next_match"),
    Binding("N", "previous_match", "Previous match", show=False, id="app.previous_match"),
    Binding("f", "find", "Find", show=False, id="app.find"),
    Binding(
        "ctrl+y",
        "accept_suggestion",
        "Accept suggestion",
        show=False,
        id="app.accept_suggestion",
    ),
    Binding(
        "M",
        "more_like_this",
        "More like this (≈ marks near-duplicates)",
        show=False,
        id="app.more_like_this",
    ),
    Binding(
        "O",
        "cycle_sort",
        "Sort",
        show=False,
        tooltip="results: relevance, newest, oldest, title; every article: newest, oldest, title",
        id="app.sort",
    ),
    # "Colours", not "Entities": E is the Names view (a longer label does not fit at 80 columns)
    Binding(
        "e",
        "toggle_entities",
        "Colours",
        tooltip="the names' colours in the text, on or off (E lists the names)",
        id="app.toggle_entities",
    ),
    Binding(
        "quotation_mark",
        "toggle_quotes",
        "Quotes",
        key_display='"',
        tooltip="the quotations' marks and their speakers in the text, on or off",
        id="app.toggle_quotes",
    ),
    Binding("p", "toggle_panel", "Panel", id="app.toggle_panel"),
    Binding("o", "quote_sources", "Quoted elsewhere", show=False, id="app.quote_sources"),
    Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
    Binding("q", "quit", "Quit", id="app.quit"),
]
MARK_BINDINGS = [
    Binding("u", "next_unread", "Next unread", id="app.next_unread"),
    Binding("m", "toggle_read", "Read/unread", show=False, id="app.toggle_read"),
    Binding("s", "toggle_star", "Star", show=False, id="app.star"),
    Binding("t", "tag", "Tags", show=False, id="app.tag"),
    Binding("a", "note", "Note", show=False, id="app.note"),
]
LAYOUT_BINDINGS = [
    Binding(
        "greater_than_sign",
        "resize_list(1)",
        "Widen the list (taller when stacked)",
        key_display=">",
        show=False,
        id="app.widen_list",
    ),
    Binding(
        "less_than_sign",
        "resize_list(-1)",
        "Narrow the list (shorter when stacked)",
        key_display="<",
        show=False,
        id="app.narrow_list",
    ),
    Binding(
        "z",
        "toggle_focus_mode",
        "Focus mode: hide / show the list",
        show=False,
        id="app.focus_mode",
    ),
    Binding("v", "toggle_arrangement", "Side by side / stacked", show=False, id="app.arrangement"),
]
INVESTIGATE_BINDINGS = [
    Binding("E", "investigate('facets')", "Names", id="app.facets"),
    Binding("W", "investigate('speakers')", "Who said what", show=False, id="app.speakers"),
    Binding("C", "investigate('cooccur')", "Co-occurrence", show=False, id="app.cooccur"),
    Binding("T", "investigate('timeline')", "Timeline", show=False, id="app.timeline"),
    Binding(
        "D",
        "investigate('toggle_duplicates')",
        "Near-duplicates: fold / show all",
        show=False,
        id="app.duplicates",
    ),
    Binding(
        "equals_sign",
        "investigate('expand_duplicates')",
        "Expand / fold the near-duplicates of this article",
        key_display="=",
        show=False,
        id="app.expand_duplicates",
    ),
    Binding("b", "investigate('browser')", "Browser", show=False, id="app.browser"),
    Binding("X", "investigate('editor')", "Open the file in $EDITOR", show=False, id="app.editor"),
    Binding("P", "investigate('pager')", "Open the file in $PAGER", show=False, id="app.pager"),
    Binding(
        "y", "investigate('copy_url')", "Copy the article's URL", show=False, id="app.copy_url"
    ),
    Binding(
        "Y",
        "investigate('copy_quote')",
        "Copy the quotation in view with its citation",
        show=False,
        id="app.copy_quote",
    ),
]
LAYOUT_IDS = {binding.id for binding in LAYOUT_BINDINGS}
INVESTIGATE_IDS = {binding.id for binding in INVESTIGATE_BINDINGS}


def help_sections(
    anywhere: list[Binding],
    list_pane: list[Binding],
    reading_pane: list[Binding],
    panel: list[Binding],
    search_bar: list[Binding],
) -> list[tuple[str, list[Binding]]]:
    """The help screen's sections from the bindings as bound (the app's, the panes', the
    side panel's and the search bar's: every id a config's [keys] may name there)."""
    return [
        ("Anywhere", [b for b in anywhere if b.id not in LAYOUT_IDS | INVESTIGATE_IDS]),
        ("Layout", [b for b in anywhere if b.id in LAYOUT_IDS]),
        ("List pane", list_pane),
        ("Reading pane", reading_pane),
        ("Side panel (p)", [*panel, *PANEL_HELP]),
        ("Search bar (/)", search_bar),
        (
            "Investigating",
            [b for b in anywhere if b.id in INVESTIGATE_IDS],
        ),
        ("Focus", FOCUS_HELP),
    ]


ALL_BINDINGS = [*APP_BINDINGS, *MARK_BINDINGS, *INVESTIGATE_BINDINGS, *LAYOUT_BINDINGS]
# The side panel's keys that Textual's option list binds (no id: not rebound)
PANEL_HELP = [
    Binding("enter", "select", "Search the corpus for the name or speaker"),
    Binding("home,end", "first", "First / last row (the last shows the note on ↔)"),
]
# Keys of the help screen's "Focus" section (Textual's own)
FOCUS_HELP = [
    Binding("tab", "focus_next", "Next pane"),
    Binding("shift+tab", "focus_previous", "Previous pane"),
    Binding(
        "ctrl+p",
        "command_palette",
        "Command palette: open by title, search, filter by source, dates or entity, "
        "entities, who said what, timeline, batch search, switch corpus, reindex",
    ),
]


def known_binding_ids(app_class: type) -> set[str]:
    """Every binding id a keymap may name: the app's, its widgets' and its dialogs'."""
    from tuireader.ui.screens.help import HelpScreen  # (the dialogs: not at launch)
    from tuireader.ui.screens.pick import PickScreen
    from tuireader.ui.screens.prompt import PromptScreen
    from tuireader.ui.screens.quote_sources import QuoteSourcesScreen
    from tuireader.ui.screens.skipped import SkippedScreen

    classes = (
        app_class,
        ArticleList,
        ReadingPane,
        SearchBar,
        EntityPanel,
        HelpScreen,
        PromptScreen,
        QuoteSourcesScreen,
        PickScreen,
        SkippedScreen,
    )
    ids: set[str] = set()
    for cls in classes:
        for klass in cls.__mro__:
            for binding in vars(klass).get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return ids
