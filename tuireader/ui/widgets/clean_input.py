"""An Input that never holds a control character: a pasted escape sequence or bidi override
would act on the terminal where the text is shown (the field, the palette, a message)."""

from __future__ import annotations

from textual.widgets import Input

from tuireader.core.base.text import clean_typed


class CleanInput(Input):
    # The placeholders here say what to type ("/ search: words, "a phrase", OR…", "type to
    # narrow the list"): muted text, not Textual's disabled colour (2.5:1 on textual-light,
    # under 3.5:1 on every theme it ships)
    DEFAULT_CSS = """
    CleanInput > .input--placeholder {
        color: $text-muted;
    }
    """

    def validate_value(self, value: str) -> str:
        return clean_typed(value)
