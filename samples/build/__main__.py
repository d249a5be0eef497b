"""`python -m samples.build`: rebuild every binary sample under samples/."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from samples.build.returns import build


def main() -> None:
    written = build(Path("samples"))
    print(f"samples: {len(written)} returns written")
    # The hostile-input samples are another module's; build them too when it is there.
    if importlib.util.find_spec("samples.build.hostile") is not None:
        from samples.build import hostile

        hostile.build(Path("samples/hostile"))
        print("samples/hostile: built")
    # Scans of the PDF samples just built (needs the ocr extra: numpy, OpenCV).
    if importlib.util.find_spec("cv2") is not None:
        from samples.build import scans

        print(f"samples/scans: {len(scans.build(Path('samples')))} scans written")


if __name__ == "__main__":
    main()
