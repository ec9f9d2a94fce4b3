"""Invisible format characters (zero-width spaces, soft hyphens, word joiners, tag
characters) are removed like control characters: drawn as nothing, or as a cell or a box by
some terminals, they left the list's columns and the terminal disagreeing on a line's width."""

from __future__ import annotations

from tuireader.core.base.text import clean_line, clean_text


def test_clean_text_removes_invisible_format_characters():
    text = "Zero\u200bwidth soft\u00adhyphen word\u2060joiner x\u2062y tag\U000e0041\U000e007f end"
    assert clean_text(text) == "Zerowidth softhyphen wordjoiner xy tag end"


def test_article_text_keeps_the_joiners_scripts_and_emoji_need():
    assert clean_text("a\u200cb \u200d") == "a\u200cb \u200d"


def test_one_line_fields_lose_the_joiners_too():
    assert clean_line("  Harbour\u200b \u200dnews\u200c  today\u00ad ") == "Harbour news today"
    assert clean_line("Plain title") == "Plain title"
