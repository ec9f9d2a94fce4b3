"""``tuireader completion SHELL``: scripts generated from the parser, so they stay in step."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tuireader.cli import SUBCOMMANDS, build_parser, main


def completion(capsys, shell: str) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def bash_complete(script: str, line: str, tmp_path) -> list[str]:
    """What bash offers after typing ``line`` (the last word is being completed)."""
    words = line.split(" ")
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"{script}\ncd '{tmp_path}'\nCOMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}\n"
        "_tuireader\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return sorted(x for x in result.stdout.splitlines() if x)


@pytest.fixture
def bash_script(capsys) -> str:
    if not shutil.which("bash"):
        pytest.skip("bash is not installed")
    return completion(capsys, "bash")


def test_bash_completes_subcommands_options_choices_and_paths(bash_script, tmp_path):
    (tmp_path / "news.jsonl").write_text("", encoding="utf-8")
    assert bash_complete(bash_script, "tuireader se", tmp_path) == ["search"]
    assert bash_complete(bash_script, "tuireader co", tmp_path) == [
        "completion",
        "config",
        "corpora",
    ]
    assert bash_complete(bash_script, "tuireader export x --format ", tmp_path) == [
        "csv",
        "jsonl",
        "md",
    ]
    assert "--skipped" in bash_complete(bash_script, "tuireader search x --", tmp_path)
    assert bash_complete(bash_script, "tuireader search x --corpus ne", tmp_path) == ["news.jsonl"]
    assert bash_complete(bash_script, "tuireader index ne", tmp_path) == ["news.jsonl"]
    assert bash_complete(bash_script, "tuireader ne", tmp_path) == ["news.jsonl"]
    assert bash_complete(bash_script, "tuireader completion ", tmp_path) == ["bash", "fish", "zsh"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_every_subcommand_and_option_is_in_each_script(shell, capsys):
    script = completion(capsys, shell)
    for name in SUBCOMMANDS:
        assert name in script
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        for action in sub._actions:
            for flag in action.option_strings:
                spelt = flag if shell != "fish" else flag.lstrip("-")
                assert spelt in script, (name, flag)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_script_is_valid_for_its_shell(shell, capsys, tmp_path):
    if not shutil.which(shell):
        pytest.skip(f"{shell} is not installed")
    path = tmp_path / f"completion.{shell}"
    path.write_text(completion(capsys, shell), encoding="utf-8")
    check = [shell, "--no-execute", str(path)] if shell == "fish" else [shell, "-n", str(path)]
    result = subprocess.run(check, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_an_unknown_shell_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["completion", "tcsh"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_fish_completes_subcommands_and_choices(capsys, tmp_path):
    if not shutil.which("fish"):
        pytest.skip("fish is not installed")
    path = tmp_path / "tuireader.fish"
    path.write_text(completion(capsys, "fish"), encoding="utf-8")

    def offered(line: str) -> list[str]:
        result = subprocess.run(
            ["fish", "--no-config", "-c", f"source '{path}'; complete -C '{line}'"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        return sorted(x.split("\t")[0] for x in result.stdout.splitlines() if x)

    assert offered("tuireader se") == ["search"]
    assert offered("tuireader export x --format ") == ["csv", "jsonl", "md"]
    assert offered("tuireader completion ") == ["bash", "fish", "zsh"]
