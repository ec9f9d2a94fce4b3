"""The domain package must work without textual or rich."""

import subprocess
import sys


def test_core_imports_neither_textual_nor_rich():
    code = (
        "import pkgutil, importlib, sys, tuireader.core as core\n"
        "for mod in pkgutil.walk_packages(core.__path__, 'tuireader.core.'):\n"
        "    importlib.import_module(mod.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(len(list(pkgutil.walk_packages(core.__path__, 'tuireader.core.'))))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 40  # the walk really imported the modules
