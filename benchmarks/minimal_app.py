"""The baseline for bench_launch.py: a minimal Textual app (Header, Static, Footer).

It is launched the same way as the reader, so the launch ratio shows what the reader adds on
top of Textual's own start-up.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "Minimal Textual app: ready"


class MinimalApp(App[None]):
    TITLE = "minimal"
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT)
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
