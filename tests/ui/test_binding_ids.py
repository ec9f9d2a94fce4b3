"""Every binding id the reader has can be named in a config's [keys], and the help screen
lists every one outside the dialogs (whose footers show their own keys)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding

import tuireader.ui.screens
import tuireader.ui.widgets
from tests.ui.test_app import run_app
from tuireader.ui.app import ReaderApp
from tuireader.ui.bindings import known_binding_ids


def _defined_ids() -> dict[str, set[str]]:
    """The binding ids each module of the app's screens and widgets defines."""
    found: dict[str, set[str]] = {}
    for package in (tuireader.ui.screens, tuireader.ui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                for binding in vars(cls).get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.id:
                        found.setdefault(module.__name__, set()).add(binding.id)
    return found


def test_every_binding_id_of_a_dialog_or_pane_may_be_rebound() -> None:
    defined = set().union(*_defined_ids().values())
    assert "skipped.close" in defined
    assert defined - known_binding_ids(ReaderApp) == set()


def test_the_help_lists_the_side_panels_and_the_search_bars_keys(sample_corpus):
    dialogs = set().union(
        *(ids for module, ids in _defined_ids().items() if module.startswith("tuireader.ui.scr"))
    )

    async def scenario(app, pilot):
        sections = dict(app.help_sections())
        helped = {b.id for bindings in sections.values() for b in bindings}
        assert known_binding_ids(ReaderApp) - dialogs - helped == set()
        panel = {b.id: b.key for b in sections["Side panel (p)"]}
        assert panel["panel.down"] == "j" and panel["panel.up"] == "k"
        assert {b.id for b in sections["Search bar (/)"]} == {
            "search.history_back",
            "search.history_forward",
        }

    run_app([sample_corpus], scenario)
