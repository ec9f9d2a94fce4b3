"""The reader needs a terminal: with its output in a file or a pipe it says so and exits 2."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from tuireader.cli import main


def read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def test_output_to_a_file_is_refused_with_a_pointer_to_search_and_export(tmp_path, sample_corpus):
    """`tuireader > file` from a terminal: keys and screen are a terminal, stdout is not."""
    master, slave = pty.openpty()
    out = tmp_path / "out.txt"
    try:
        with open(out, "wb") as handle:
            process = subprocess.Popen(
                [sys.executable, "-m", "tuireader", str(sample_corpus)],
                stdin=slave,
                stdout=handle,
                stderr=slave,
            )
            try:
                code = process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                pytest.fail("the reader ran with its output in a file")
        os.close(slave)
        slave = -1
        said = read_all(master)
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)
    assert code == 2
    assert "needs a terminal" in said and "standard output" in said
    assert "tuireader search" in said and "tuireader export" in said
    assert "\x1b" not in said  # no screen was drawn
    assert out.read_bytes() == b""


def test_no_terminal_at_all_exits_2_at_once(sample_corpus):
    result = subprocess.run(
        [sys.executable, "-m", "tuireader", str(sample_corpus)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("tuireader: the reader needs a terminal")


def test_a_bad_path_is_still_reported_first(tmp_path, capsys):
    assert main([str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
