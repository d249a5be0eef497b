"""The recogniser: RapidOCR's PP-OCRv4 Chinese models (inside its wheel) on onnxruntime, one instance a process.

Only recognition and the direction classifier are used: the cells come from the ruled lines and the text lines
from ink profiles (`text.py`), which is faster than the detection model on a whole page and keeps every text
inside the cell it was written in. A text's confidence is its least sure character, not the mean: one misread
figure in a long number must make the cell uncertain.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from forms.errors import UnreadableFile
from parsers.readers import _messages as msg
from parsers.readers.ocr.spacing import STRIDE, Layout, layout

if TYPE_CHECKING:
    import numpy as np

# Two cores are shared by every worker: one job must not take them all (onnxruntime defaults to every core).
THREADS = int(os.environ.get("HUIZONG_OCR_THREADS", "2"))
_MIN_RATIO = 1.5
_BATCH = 16  # lines recognised together, grouped by width so little padding is computed
# Width of a batch, in line heights: the model's activations grow with it, and a job runs under an
# address-space cap (the service's heavy lane: 1280 MB). 16 lone figures, or 3 lines of 30 characters.
_BATCH_WIDTH = 96


@dataclass(frozen=True, slots=True)
class Reading:
    text: str
    confidence: float  # 0..1, the least sure character; 1.0 for an empty reading (nothing to misread)
    # Where the recogniser placed each character and which columns of the line hold ink (spacing.py).
    layout: Layout | None = None


class Engine:
    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise UnreadableFile(msg.NO_OCR) from exc
        threads = {"intra_op_num_threads": THREADS, "inter_op_num_threads": 1}
        ocr = RapidOCR(**threads)
        self._rec = ocr.text_rec
        self._cls = ocr.text_cls
        self._chars: list[str] = self._rec.postprocess_op.character

    def read(self, lines: list[np.ndarray]) -> list[Reading]:
        """Text of each line image (BGR, one line of text each)."""
        import numpy as np

        out: list[Reading] = [Reading("", 1.0)] * len(lines)
        for batch in _batches(lines):
            # Padded only to the widest line of the batch: RapidOCR pads every line to 320×48 at least, which
            # makes a lone figure (most cells of a statistics table) cost as much as a line of seven characters.
            ratio = max(_MIN_RATIO, *(_ratio(lines[i]) for i in batch))
            tensor = np.stack([self._rec.resize_norm_img(lines[i], ratio) for i in batch]).astype(np.float32)
            preds = self._rec.session(tensor)[0]
            for k, (i, pred) in enumerate(zip(batch, preds, strict=True)):
                # The line's own part of the padded input: darker than mid-grey is ink.
                shown = min(tensor.shape[3], math.ceil(tensor.shape[2] * _ratio(lines[i])))
                out[i] = self._decode(pred, tensor[k, 0, :, :shown] < 0)
        return out

    def _decode(self, pred: Any, ink: np.ndarray) -> Reading:
        """CTC: keep a step's best character when it is not blank (0) and not the previous step's; its place
        is the middle of the steps it holds."""
        best, prob = pred.argmax(axis=1), pred.max(axis=1)
        chars: list[str] = []
        probs: list[float] = []
        steps: list[list[int]] = []
        previous = -1
        for step, (index, p) in enumerate(zip(best.tolist(), prob.tolist(), strict=True)):
            if index != previous and index != 0:
                chars.append(self._chars[index])
                probs.append(p)
                steps.append([step])
            elif index == previous and index != 0:
                steps[-1].append(step)
            previous = index
        raw = "".join(chars)
        text = digits(raw.strip())
        if not text:
            return Reading("", 1.0)
        kept = range(len(raw) - len(raw.lstrip()), len(raw.rstrip()))
        centres = tuple((sum(steps[k]) / len(steps[k]) + 0.5) * STRIDE for k in kept)
        return Reading(text, min(probs), layout(centres, ink))

    def upside_down(self, lines: list[np.ndarray]) -> bool:
        """Most of these lines read as turned 180°: the page was scanned upside down."""
        if not lines:
            return False
        _, results, _ = self._cls(list(lines))
        turned = sum(1 for label, score in results if label == "180" and score > 0.9)
        return turned * 2 > len(lines)


_LOOKALIKES = str.maketrans("oOD〇", "0000")
_LONE_ZERO = {"。", ".", "o", "O", "D", "〇"}


def digits(text: str) -> str:
    """A lone figure 0 reads as the letter o (or a full stop) in some fonts; a reading of only digits and
    o/O/D/〇 is a number. The cell keeps its low confidence, so it is still flagged for the clerk to check."""
    if text in _LONE_ZERO:
        return "0"
    if text and re.fullmatch(r"[0-9oOD〇.,\-]+", text) and re.search(r"[0-9oO〇]", text):
        return text.translate(_LOOKALIKES)
    return text


def _ratio(line: np.ndarray) -> float:
    return line.shape[1] / max(line.shape[0], 1)


def _batches(lines: list[np.ndarray]) -> list[list[int]]:
    """Line indices grouped by width (narrowest first), each group within _BATCH lines and _BATCH_WIDTH."""
    batches: list[list[int]] = []
    for i in sorted(range(len(lines)), key=lambda i: _ratio(lines[i])):
        wide = max(_MIN_RATIO, _ratio(lines[i]))  # the widest so far: lines come sorted
        if batches and len(batches[-1]) < _BATCH and (len(batches[-1]) + 1) * wide <= _BATCH_WIDTH:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


@cache
def engine() -> Engine:
    """One engine per process: loading the models takes a second and ~100 MB."""
    return Engine()
