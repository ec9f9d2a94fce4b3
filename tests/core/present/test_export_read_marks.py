"""Markdown exports carry every mark the JSONL and CSV exports carry: the read mark was
missing (stars, tags and notes were there), so an exported reading list lost what was read."""

from __future__ import annotations

import io

from tests.core.present.test_export import indexed  # noqa: F401 (a fixture)
from tuireader.core.present.export import build_items, export
from tuireader.core.user.userdata import UserData


def markdown_of(corpus, store, marks) -> dict[str, str]:
    """Each article's Markdown section, by title."""
    buffer = io.StringIO()
    export(build_items(corpus, store, store.ordered_ids(), marks), "md", buffer)
    sections = buffer.getvalue().split("## ")[1:]
    return {section.split("\n", 1)[0]: section for section in sections}


def test_markdown_says_which_articles_were_read(indexed):  # noqa: F811
    corpus, store, _engine = indexed
    marks = UserData().corpus(corpus.id)
    rows = {r.title: r for r in store.rows(store.ordered_ids()).values()}
    marks.set_read(rows["Russia denies hacking"].key)
    marks.set_starred(rows["Senate hearing"].key)
    marks.set_tags(rows["Senate hearing"].key, ["vote"])

    sections = markdown_of(corpus, store, marks)
    assert "- **Read:** yes\n" in sections["Russia denies hacking"]
    assert "- **Read:** no\n" in sections["Senate hearing"]
    assert "- **Starred:** yes\n" in sections["Senate hearing"]
    assert "- **Tags:** vote\n" in sections["Senate hearing"]
    assert "Starred" not in sections["Russia denies hacking"]
