"""``tuireader completion SHELL``: the shell asks the parser itself (argcomplete), so every
subcommand and option is completed as soon as the parser has it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tuireader.cli import SUBCOMMANDS, main


def completion(capsys, shell: str) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


@pytest.fixture
def shim(tmp_path) -> str:
    """A folder holding a ``tuireader`` that runs this checkout, for the shell to call."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "tuireader"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tuireader "$@"\n')
    program.chmod(0o755)
    return str(folder)


def bash_offers(script: str, line: str, cwd, shim: str) -> list[str]:
    """What bash offers after typing ``line`` (the last word is being completed), through the
    installed script exactly as a user's shell runs it."""
    words = line.split(" ")
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"{script}\ncd '{cwd}'\nCOMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}\n"
        f"COMP_LINE='{line}'; COMP_POINT={len(line)}\n"
        "_python_argcomplete tuireader\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    env = {**os.environ, "PATH": shim + os.pathsep + os.environ["PATH"]}
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return sorted(x.strip() for x in result.stdout.splitlines() if x.strip())


@pytest.fixture
def bash_script(capsys) -> str:
    if not shutil.which("bash"):
        pytest.skip("bash is not installed")
    return completion(capsys, "bash")


def test_bash_completes_subcommands_options_choices_and_paths(bash_script, shim, tmp_path):
    (tmp_path / "news.jsonl").write_text("", encoding="utf-8")

    def offers(line: str) -> list[str]:
        return bash_offers(bash_script, line, tmp_path, shim)

    assert offers("tuireader se") == ["search"]
    assert offers("tuireader co") == ["completion", "config", "cooccur", "corpora"]
    assert offers("tuireader export x --format ") == ["csv", "jsonl", "md"]
    assert "--skipped" in offers("tuireader search x --")
    assert offers("tuireader search x --corpus ne") == ["news.jsonl"]
    assert offers("tuireader index ne") == ["news.jsonl"]
    assert offers("tuireader ne") == ["news.jsonl"]
    assert offers("tuireader completion ") == ["bash", "fish", "zsh"]
    # a query or a source name is not a file name
    assert offers("tuireader search ne") == []
    assert offers("tuireader search x --source ne") == []


def test_every_subcommand_and_its_options_are_offered(bash_script, shim, tmp_path):
    offered = bash_offers(bash_script, "tuireader ", tmp_path, shim)
    assert set(SUBCOMMANDS) <= set(offered)
    options = bash_offers(bash_script, "tuireader export x --", tmp_path, shim)
    assert {"--format", "--corpus", "--output", "--annotations", "--skipped"} <= set(options)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_script_is_valid_for_its_shell(shell, capsys, tmp_path):
    script = completion(capsys, shell)
    assert "tuireader" in script
    if not shutil.which(shell):
        pytest.skip(f"{shell} is not installed")
    path = tmp_path / f"completion.{shell}"
    path.write_text(script, encoding="utf-8")
    check = [shell, "--no-execute", str(path)] if shell == "fish" else [shell, "-n", str(path)]
    result = subprocess.run(check, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_an_unknown_shell_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["completion", "tcsh"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_fish_completes_subcommands_choices_and_paths(capsys, shim, tmp_path):
    if not shutil.which("fish"):
        pytest.skip("fish is not installed")
    (tmp_path / "news.jsonl").write_text("", encoding="utf-8")
    path = tmp_path / "tuireader.fish"
    path.write_text(completion(capsys, "fish"), encoding="utf-8")
    env = {**os.environ, "PATH": shim + os.pathsep + os.environ["PATH"]}

    def offered(line: str) -> list[str]:
        result = subprocess.run(
            [
                "fish",
                "--no-config",
                "-c",
                f"cd '{tmp_path}'; source '{path}'; complete -C '{line}'",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        return sorted(x.split("\t")[0] for x in result.stdout.splitlines() if x)

    assert offered("tuireader se") == ["search"]
    assert offered("tuireader export x --format ") == ["csv", "jsonl", "md"]
    assert offered("tuireader completion ") == ["bash", "fish", "zsh"]
    assert offered("tuireader index ne") == ["news.jsonl"]
