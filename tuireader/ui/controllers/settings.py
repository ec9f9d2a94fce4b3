"""The user's settings: the config file, the user-data database, the keymap and the theme.

Read when the app is made (colours become app CSS, read with the stylesheet at start); the
keymap and the theme are applied on mount, and problems with any of them are told then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.theme import Theme

from tuireader.core.base.localtime import shown, zone_of
from tuireader.core.library import Library
from tuireader.core.user.config import (
    Config,
    ConfigError,
    ConfigReplaced,
    load_config,
    take_replaced_notices,
)
from tuireader.core.user.userdata import CorpusMarks, UserData, UserDataError
from tuireader.ui.colours import colours_css
from tuireader.ui.host import Host

DEFAULT_PANE_DATE = "%a %d %b %Y %H:%M"  # the reading pane's date without [reading] date_format


class Settings:
    def __init__(self, library: Library) -> None:
        self.problems: list[str] = []
        try:
            self.config = load_config()
        except ConfigReplaced:
            self.config = Config()  # its message comes with the notices below
        except ConfigError as exc:
            self.config = Config()
            self.problems.append(f"{exc} (using the defaults)")
        # a corrupted config replaced here, or by the command line before the screen took over
        self.problems.extend(take_replaced_notices())
        self.marks: CorpusMarks | None = None
        try:
            self.marks = library.user_marks()  # a warning about them: a library notice
        except UserDataError as exc:
            self.problems.append(f"Read marks, stars and tags are off: {exc}")
        self.userdata: UserData | None = library.userdata  # the settings below are kept there
        self.keymap: dict[str, str] = {}
        css, unknown = colours_css(self.config.colours)
        self.css = css
        for key in unknown:
            self.problems.append(
                f"{self.config.where('colours', key)}: key colours.{key}: unknown colour "
                f'{self.config.colours[key]!r} (a name such as "teal" or hex "#d33682"); '
                "the theme's colour is used"
            )

    def pane_date(self, date) -> str:
        """An article's date as the reading pane shows it."""
        shown_date = shown(date, zone_of(self.config.timezone))
        return shown_date.strftime(self.config.date_format or DEFAULT_PANE_DATE)

    def save(self, name: str, value: str) -> str | None:
        """Remember a setting in the user data; the error, if it could not be."""
        if self.userdata is None:
            return None
        try:
            self.userdata.set_setting(name, value)
        except Exception as exc:  # the change still applies; it is just not remembered
            return str(exc)
        return None

    def apply(self, app: App, host: Host, known_ids: Callable[[], set[str]]) -> None:
        """Apply the keymap and the theme, and tell every problem found (on mount);
        ``known_ids``: every binding id, asked for only when the config binds keys."""
        known = known_ids() if self.config.keys else set()
        for binding_id, keys in self.config.keys.items():
            if binding_id in known:
                self.keymap[binding_id] = keys
            else:
                self.problems.append(
                    f"{self.config.where('keys', binding_id)}: unknown binding id "
                    f'keys."{binding_id}" (the help screen, ?, lists the ids)'
                )
        if self.keymap:
            app.set_keymap(self.keymap)
        self._restore_theme(app, host)
        for problem in self.problems:
            host.notify(problem, severity="error", timeout=15)

    def _restore_theme(self, app: App, host: Host) -> None:
        """The theme chosen in the palette, unless the config's ``theme`` changed since."""
        wanted = self.config.theme
        if self.userdata is not None:
            saved = self.userdata.setting("theme")
            saved_with = self.userdata.setting("theme_config") or None
            if saved and saved_with == self.config.theme:
                wanted = saved
        if wanted:
            if wanted in app.available_themes:
                app.theme = wanted
            else:
                where = self.config.where("", "theme") if wanted == self.config.theme else ""
                self.problems.append(
                    f"{where + ': ' if where else ''}unknown theme {wanted!r} (Ctrl+P, "
                    "Change theme lists them)"
                )

        def changed(theme: Theme) -> None:
            # The reading pane keeps its lines styled: lay them out again in the new colours,
            # and the names panel's headings (the colours' legend) with them.
            def restyle() -> None:
                host.reader.relayout()
                host.panel.restyle(host.reader.label_styles())

            host.call_after_refresh(restyle)
            error = self.save("theme", theme.name) or self.save(
                "theme_config", self.config.theme or ""
            )
            if error:
                host.show_message(f"Cannot save the theme: {error}", error=True)

        app.theme_changed_signal.subscribe(app, changed)

    def bindings(self, classes: tuple[type, ...]) -> list[Binding]:
        """The bindings of these classes (and their bases) with an id, under the keymap: one
        entry per id, its keys joined."""
        found: list[Binding] = []
        for cls in classes:
            for klass in reversed(cls.__mro__):
                found.extend(b for b in vars(klass).get("BINDINGS", []) if isinstance(b, Binding))
        bindings = BindingsMap(found)
        if self.keymap:
            bindings.apply_keymap(self.keymap)
        seen: dict[str, Binding] = {}
        for _key, binding in bindings:
            if binding.system or not binding.id:
                continue
            if binding.id in seen:
                keys = seen[binding.id].key.split(",")
                if binding.key not in keys:
                    seen[binding.id] = replace(seen[binding.id], key=",".join([*keys, binding.key]))
            else:
                seen[binding.id] = binding
        return list(seen.values())
