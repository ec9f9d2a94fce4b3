"""An Input that never holds a control character: a pasted escape sequence or bidi override
would act on the terminal where the text is shown (the field, the palette, a message)."""

from __future__ import annotations

from textual.widgets import Input

from tuireader.core.base.text import clean_typed


class CleanInput(Input):
    def validate_value(self, value: str) -> str:
        return clean_typed(value)
