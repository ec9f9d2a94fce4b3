"""clean_text's fast path removes exactly what the step-by-step cleaning removes."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.base import text as text_module


def _slow_clean(text: str) -> str:
    text = text_module._LINE_SEPARATORS_RE.sub("\n", text)
    text = text_module._ESCAPE_RE.sub("", text)
    text = text_module._SURROGATE_RE.sub("\ufffd", text)
    return text_module._CONTROL_RE.sub("", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_clean_text_fast_path_changes_nothing(text):
    assert text_module.clean_text(text) == _slow_clean(text)


def test_clean_text_still_removes_escapes_and_controls():
    dirty = "a\x1b]52;c;ZXZpbA==\x07b\x1b[31mc\r\nd\u202ee\x9b1mf"
    assert text_module.clean_text(dirty) == "ab" + "c\nd" + "e" + "f"
    assert not re.search("[\x1b\x9b\u202e\r]", text_module.clean_text(dirty))
