"""The parser tests' tiny grids (tests/parsers/grids.py) serve the inference tests too."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
