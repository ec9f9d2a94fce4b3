"""No escape byte from an article reaches the terminal: the installed ``tuireader`` runs on a
pseudo-terminal, and every byte it writes (the reader's screen, ``search``, ``annotate``) is
checked for the articles' payloads (OSC 52 clipboard writes, title changes, hyperlinks, device
queries, C1 controls, BEL, bidirectional overrides)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.test_e2e_tmux import console_script

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux ptys")

# Sequences a terminal acts on: set the title, write the clipboard (OSC 52), a hyperlink, a
# device control string, report the cursor / the title (answers arrive as typed input), resize
# the window, clear the screen by the 8-bit CSI; BEL, backspace, DEL; bidi overrides/isolates.
PAYLOAD = (
    "\x1b]0;pwned title\x07 \x1b]2;pwned too\x1b\\ \x1b]52;c;ZXZpbA==\x07 "
    "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x1bPevil dcs\x1b\\ \x1b[6n \x1b[21t "
    "\x1b[8;1;1t \x1b[31mred\x1b[0m \x9b2J \x9d0;c1 title\x9c \x9b6n \x07\x08\x7f "
    "\u202egnp.exe\u202c \u2066isolated\u2069 \u200fmark"
)
# What must not be in the output: the payloads' sequences...
FORBIDDEN_SEQUENCES = [
    "\x1b]0;",
    "\x1b]1;",
    "\x1b]2;",
    "\x1b]52;",
    "\x1b]8;",
    "\x1bP",
    "\x1b[6n",
    "\x1b[21t",
    "\x1b[8;1;1t",
]
# ... and their insides, which go with them (but JSON values keep them, escaped).
PAYLOAD_INSIDES = ["pwned", "ZXZpbA==", "evil.example", "evil dcs", "c1 title"]
EVIL_NAME = "name\x1b]0;shownname\x07\u202e.txt"
FORBIDDEN_CHARS = re.compile(
    "[\x00\x08\x7f\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]"
)
# The only OSC sequences Textual writes (pointer shape, colour queries), each ended by BEL/ST.
_OWN_OSC = re.compile(r"\x1b\](?:22|10|11|12);[^\x07\x1b]{0,64}(?:\x07|\x1b\\)")


def check_terminal_bytes(raw: bytes, json_values: bool = False) -> str:
    """Fail on any payload in what was written to the terminal; returns the decoded text.

    ``json_values``: the output is JSON whose values are the articles' exact text, escapes
    written as ``\\u001b`` (inert): the payloads' insides may be there, their bytes may not.
    """
    text = raw.decode("utf-8", errors="surrogateescape")  # a raw 0x9b byte stays visible
    forbidden = FORBIDDEN_SEQUENCES + ([] if json_values else PAYLOAD_INSIDES)
    found = [s for s in forbidden if s in text]
    assert not found, found
    chars = sorted({f"U+{ord(c):04X}" for c in FORBIDDEN_CHARS.findall(text)})
    assert not chars, chars
    rest = _OWN_OSC.sub("", text)
    assert "\x1b]" not in rest, rest[rest.index("\x1b]") :][:40]
    assert "\x07" not in rest  # BEL only ends Textual's own OSC sequences
    return text


def make_corpus(root: Path) -> list[str]:
    """A dump and text files whose titles, sources, bodies and file names carry the payload;
    returns the body markers, newest article first."""
    root.mkdir()
    records = [
        {
            "id": f"r{n}",
            "title": f"Anchor{n} {PAYLOAD}",
            "source": f"Wire{n} {PAYLOAD}",
            "date": f"2020-01-0{n}",
            "url": f"http://x/{PAYLOAD}",
            "text": f"qqmarker{n} said {PAYLOAD}\n\n\u201c{PAYLOAD}\u201d, said Ann Smith.\n\n"
            + PAYLOAD * 20
            # words of its own: not near-duplicates of one another (folded into one row)
            + " ".join(f"w{n}x{i}" for i in range(120)),
        }
        for n in (3, 2, 1)
    ]
    (root / "dump.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    (root / EVIL_NAME).write_text(
        f"qqmarkerfile {PAYLOAD}\nmore {PAYLOAD} text without a headline\n", encoding="utf-8"
    )
    return ["qqmarker3", "qqmarker2", "qqmarker1", "qqmarkerfile"]


class PtyProcess:
    """A command on a new pseudo-terminal of a given size; collects every byte it writes."""

    def __init__(self, args: list[str], env: dict[str, str], size=(110, 30)) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.master = master
        self.output = b""
        self.process = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)

    def _read(self, timeout: float) -> bool:
        """Read what is there within ``timeout``; False at the end of the output."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the other side is closed
            return False
        self.output += data
        return bool(data)

    def text(self) -> str:
        return self.output.decode("utf-8", errors="replace")

    def expect(self, needle: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            if time.monotonic() > deadline or not self._read(0.1) and needle not in self.text():
                raise AssertionError(f"{needle!r} not written; last: {self.text()[-400:]!r}")

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until nothing more is written for ``quiet`` seconds (a key's work is done)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = len(self.output)
            if not self._read(quiet) or len(self.output) == before:
                return

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def finish(self, timeout: float = 30.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self._read(0.1):
            pass
        try:
            return self.process.wait(max(0.1, deadline - time.monotonic()))
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            os.close(self.master)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "COLUMNS"))}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return env  # the XDG dirs are the test's own (tests/conftest.py)


def test_no_payload_reaches_the_terminal_from_the_reader(tmp_path):
    root = tmp_path / "news"
    markers = make_corpus(root)
    app = PtyProcess([console_script(), str(root)], _env())
    try:
        app.expect("Anchor3")
        app.expect(markers[0])  # the newest article opens by itself
        for marker in markers[1:]:
            app.send(b"j")
            app.send(b"\r")
            app.expect(marker)
        app.send(b"p")  # the side panel: names and speakers from the articles
        app.expect("Ann Smith")
        app.send(b"p")
        app.settle()  # the focus goes back from the panel
        app.send(b"/qqmarker2\r")  # typed at once, as over SSH: all of it reaches the bar
        app.expect("1 of 4 match")
    finally:
        app.send(b"q")
        code = app.finish()
    assert code == 0, app.text()[-800:]
    text = check_terminal_bytes(app.output)
    assert "\x1b[?1049h" in text and "\x1b[" in text  # Textual's own escapes are there
    assert "gnp.exe" in text and "Anchor1" in text  # the articles' text is shown, inert
    assert "name\\x1b]0;shownname\\x07\\u202e.txt" in text  # the file name, made visible


@pytest.mark.parametrize(
    "command",
    [
        ["search", "said", "--corpus", "{root}"],
        ["search", "said", "--corpus", "{root}", "--json"],
        ["annotate", "{root}"],
        ["annotate", "--json", "{root}"],
        ["index", "{root}", "--skipped"],
    ],
    ids=["search", "search-json", "annotate", "annotate-json", "index"],
)
def test_no_payload_reaches_the_terminal_from_the_commands(tmp_path, command):
    root = tmp_path / "news"
    make_corpus(root)
    args = [console_script(), *(part.format(root=root) for part in command)]
    process = PtyProcess(args, _env())
    code = process.finish()
    assert code == 0, process.text()[-800:]
    json_values = "--json" in command
    text = check_terminal_bytes(process.output, json_values)
    if command[0] != "index":
        assert "Anchor3" in text or "qqmarkerfile" in text
    if json_values and command[0] == "annotate":
        assert "\\u001b]52;c;ZXZpbA==\\u0007" in text  # the exact text, escaped
        assert "\\u009b2J" in text and "\\u202egnp.exe" in text
