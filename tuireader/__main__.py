"""``python -m tuireader``; guarded, as indexing processes re-import the main module."""

import sys

from tuireader.cli import main

if __name__ == "__main__":
    sys.exit(main())
