"""[colours] names: Textual's and Rich's are known, others are refused; the examples work."""

from __future__ import annotations

from pathlib import Path

from tuireader.core.user.config import DEFAULT_CONFIG, load_config
from tuireader.ui.colours import colours_css, resolve_colour

README = Path(__file__).resolve().parents[2] / "README.md"


def test_names_from_textual_and_rich_and_hex():
    assert resolve_colour("teal").hex == "#008080"  # a CSS name
    assert resolve_colour("grey50").hex == "#808080"  # Rich only
    assert resolve_colour("dark_orange").hex == "#FF8700"  # Rich only
    assert resolve_colour("#d33682").hex == "#D33682"
    for unknown in ("bleu", "default", "light blue", ""):
        assert resolve_colour(unknown) is None


def test_css_colours_text_or_background_and_lists_unknown_names():
    css, unknown = colours_css({"person": "red", "hit": "#000080", "org": "nope"})
    assert "ReadingPane > .reading-pane--person { color: #FF0000; }" in css
    assert "ReadingPane > .reading-pane--hit { background: #000080; color: #FFFFFF; }" in css
    assert "reading-pane--org" not in css and unknown == ["org"]


def test_the_documented_examples_are_known_colours(tmp_path):
    readme_toml = README.read_text(encoding="utf-8").split("```toml\n")[1].split("```")[0]
    template = "\n".join(
        line[2:] if line.startswith("# ") and "=" in line else line
        for line in DEFAULT_CONFIG.splitlines()
    )
    for name, text in (("readme", readme_toml), ("template", template)):
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        colours = load_config(path).colours
        assert len(colours) == 7, name
        assert colours_css(colours)[1] == [], name


def test_readable_moves_a_faint_colour_just_enough_and_keeps_a_readable_one():
    from textual.color import Color

    from tuireader.ui.colours import contrast_ratio, readable

    light, dark = Color.parse("#d8d8d8"), Color.parse("#1e1e1e")
    orange = Color.parse("#fea62b")  # textual-light's accent: 1.4:1 on its surface
    fixed = readable(orange, [light])
    assert 4.5 <= contrast_ratio(fixed, light) < 5.0  # just enough: as light as it can be
    assert fixed.rgb[0] > fixed.rgb[2]  # still an orange
    assert readable(orange, [dark]) == orange  # 8.5:1 already
