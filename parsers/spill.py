"""A merge's records on disk, one file per return, until its outputs are written.

The merge must see every return before it picks winners (the later return of a unit wins), but it needs only a
return's unit, form, meta, issues and counts for that: the records are written once, to the 汇总表 and the JSON.
Held in the parent they cost ~1 KB each (321 MB at 1,000 returns × 200 rows); here the worker that parsed a
return pickles its records into the merge's spill folder instead of sending them over the pipe (the same
pickling, so no more CPU), and the parent keeps a `SpilledRecords` handle with an `Outline` of them. The outputs
read each winner's records back one return at a time, in order: memory stays that of one return.

`Records` chains the winners' records of one form, on disk or in memory alike (the service merges returns it
loaded from its database): everything that writes a merge iterates it, and asks its outline for what must be
known before the first row is written (extra columns, 来源单位, records per section, units in order).
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from parsers.results import Record


@dataclass(frozen=True)
class Outline:
    """What the writers must know of a run of records before writing any of them."""

    count: int = 0
    sections: dict[str | None, int] = field(default_factory=dict)  # records per section, in order of appearance
    extras: tuple[str, ...] = ()  # labels of columns no field names, in order of appearance
    origin: bool = False  # some record came up in a roll-up (Record.origin_unit)
    runs: tuple[str | None, ...] = ()  # the records' units, consecutive repeats collapsed

    @classmethod
    def of(cls, records: Iterable[Record]) -> Outline:
        sections: dict[str | None, int] = {}
        extras: dict[str, None] = {}
        runs: list[str | None] = []
        count, origin = 0, False
        for rec in records:
            count += 1
            sections[rec.section] = sections.get(rec.section, 0) + 1
            if rec.extra:
                extras.update(dict.fromkeys(rec.extra))
            origin = origin or bool(rec.origin_unit)
            if not runs or runs[-1] != rec.unit:
                runs.append(rec.unit)
        return cls(count, sections, tuple(extras), origin, tuple(runs))

    @classmethod
    def joined(cls, outlines: Iterable[Outline]) -> Outline:
        """The outline of runs of records one after another (in one go: a merge joins a thousand)."""
        sections: dict[str | None, int] = {}
        extras: dict[str, None] = {}
        runs: list[str | None] = []
        count, origin = 0, False
        for part in outlines:
            count += part.count
            for key, n in part.sections.items():
                sections[key] = sections.get(key, 0) + n
            extras.update(dict.fromkeys(part.extras))
            origin = origin or part.origin
            runs.extend(part.runs[1:] if runs and part.runs and runs[-1] == part.runs[0] else part.runs)
        return cls(count, sections, tuple(extras), origin, tuple(runs))

    @property
    def units_contiguous(self) -> bool:
        """Every unit's records come in one run: grouping by unit keeps the records' order."""
        return len(set(self.runs)) == len(self.runs)


def outline(records: Sequence[Record]) -> Outline:
    """The outline of records held in memory or read back from a spill."""
    known = getattr(records, "outline", None)
    return known if isinstance(known, Outline) else Outline.of(records)


class SpilledRecords(Sequence[Record]):
    """One return's records in a spill file: its count and outline in memory, the records read back on demand."""

    __slots__ = ("outline", "path")

    def __init__(self, path: str, outline: Outline) -> None:
        self.path, self.outline = path, outline

    def load(self) -> list[Record]:
        with open(self.path, "rb") as fh:
            return pickle.load(fh)  # our own worker wrote it, into our own folder

    def __iter__(self) -> Iterator[Record]:
        return iter(self.load()) if self.outline.count else iter(())

    def __len__(self) -> int:
        return self.outline.count

    def __getitem__(self, index):  # type: ignore[no-untyped-def] — Sequence's int | slice
        return self.load()[index]

    def __reduce__(self) -> tuple[type[SpilledRecords], tuple[str, Outline]]:
        return SpilledRecords, (self.path, self.outline)

    def __repr__(self) -> str:
        return f"SpilledRecords({self.path!r}, {self.outline.count} records)"


class Records(Sequence[Record]):
    """The records of several returns one after another, each part in memory or spilled, read part by part."""

    __slots__ = ("_parts", "outline")

    def __init__(self, parts: Iterable[Sequence[Record]]) -> None:
        self._parts = [p for p in parts if len(p)]
        self.outline = Outline.joined(outline(p) for p in self._parts)

    def __iter__(self) -> Iterator[Record]:
        for part in self._parts:
            yield from part

    def __len__(self) -> int:
        return self.outline.count

    def __getitem__(self, index):  # type: ignore[no-untyped-def] — Sequence's int | slice
        return list(self)[index]

    def in_section(self, key: str | None) -> Iterator[Record]:
        """The records of one section, in order, reading only the parts that have some."""
        for part in self._parts:
            if outline(part).sections.get(key):
                yield from (rec for rec in part if rec.section == key)


def in_section(records: Sequence[Record], key: str | None) -> Iterator[Record]:
    if isinstance(records, Records):
        return records.in_section(key)
    return (rec for rec in records if rec.section == key)


class Spill:
    """The spill folder of one merge: `with Spill() as spill:`; removed on leaving, whether the merge succeeded or
    not. Worker processes forked inside the block write into it; only the process that made it removes it."""

    def __init__(self, parent: str | Path | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="huizong-merge-", dir=parent))
        self._owner = os.getpid()

    def put(self, records: list[Record]) -> SpilledRecords:
        fd, path = tempfile.mkstemp(suffix=".records", dir=self.folder)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(records, fh, protocol=pickle.HIGHEST_PROTOCOL)
        return SpilledRecords(path, Outline.of(records))

    def close(self) -> None:
        if os.getpid() == self._owner:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
