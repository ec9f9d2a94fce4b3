"""The domain: loading articles, indexing, searching, annotating and user state.

Nothing in this package imports textual or rich, so it can be used and tested without a terminal.
"""
