"""The Textual app: list pane, reading pane and command bar over a core Corpus."""
