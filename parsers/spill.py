"""A merge's records on disk, appended to one file per worker process, until its outputs are written.

The merge must see every return before it picks winners (the later return of a unit wins), but it needs only a
return's unit, form, meta, issues and counts for that: the records are written once, to the 汇总表 and the JSON.
Held in the parent they cost ~1 KB each (321 MB at 1,000 returns × 200 rows); here the worker that parsed a
return appends its records to its own file in the merge's spill folder instead of sending them over the pipe,
and the parent keeps a `SpilledRecords` handle (file, byte range, and an `Outline` of them). The outputs read
each winner's records back one return at a time, in order: memory stays that of one return. They are stored as
results.flatten's plain tuples: read back without calling Python code per record, and the 汇总表 writes its rows
from them (`flats`) without building a Record at all.

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

from parsers.results import FLAT_SECTION, Flat, Record, flatten, unflatten


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


class _All:
    """The `section` that stands for every section (None is the records without one)."""


ALL = _All()


class SpilledRecords(Sequence[Record]):
    """One return's records in a spill file: its count and outline in memory, the records read back on demand."""

    __slots__ = ("end", "outline", "path", "start")

    def __init__(self, path: str, start: int, end: int, outline: Outline) -> None:
        self.path, self.start, self.end, self.outline = path, start, end, outline

    def flats(self) -> list[Flat]:
        """The records as results.flatten made them, without building a Record (what the 汇总表 reads)."""
        if not self.outline.count:
            return []
        with open(self.path, "rb") as fh:
            fh.seek(self.start)
            return pickle.loads(fh.read(self.end - self.start))  # our own worker wrote it, into our own folder

    def load(self) -> list[Record]:
        return [unflatten(flat) for flat in self.flats()]

    def __iter__(self) -> Iterator[Record]:
        return iter(self.load())

    def __len__(self) -> int:
        return self.outline.count

    def __getitem__(self, index):  # type: ignore[no-untyped-def] — Sequence's int | slice
        return self.load()[index]

    def __reduce__(self) -> tuple[type[SpilledRecords], tuple[str, int, int, Outline]]:
        return SpilledRecords, (self.path, self.start, self.end, self.outline)

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

    def flats(self, section: str | _All | None = ALL) -> Iterator[Flat]:
        """The records (of one section), in order, as flat tuples, reading only the parts that have some."""
        for part in self._parts:
            if section is ALL or outline(part).sections.get(section):  # type: ignore[arg-type]
                yield from _flats(part, section)


def flats(records: Sequence[Record], section: str | _All | None = ALL) -> Iterator[Flat]:
    """The records (of one section, when given) as results.flatten makes them: spilled records are read back
    without building a Record for each."""
    if isinstance(records, Records):
        return records.flats(section)
    return _flats(records, section)


def _flats(part: Sequence[Record], section: str | _All | None) -> Iterator[Flat]:
    got = part.flats() if isinstance(part, SpilledRecords) else map(flatten, part)
    if section is ALL:
        return iter(got)
    return (flat for flat in got if flat[FLAT_SECTION] == section)


class Spill:
    """The spill folder of one merge: `with Spill() as spill:`; removed on leaving, whether the merge succeeded or
    not. Worker processes forked inside the block write into it; only the process that made it removes it."""

    def __init__(self, parent: str | Path | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="huizong-merge-", dir=parent))
        self._owner = os.getpid()

    def put(self, records: list[Record]) -> SpilledRecords:
        """Append a return's records to this process's spill file (one file per worker, not one per return)."""
        data = pickle.dumps([flatten(rec) for rec in records], protocol=pickle.HIGHEST_PROTOCOL)
        path = str(self.folder / f"{os.getpid()}.records")
        with open(path, "ab") as fh:
            start = fh.tell()
            fh.write(data)
        return SpilledRecords(path, start, start + len(data), Outline.of(records))

    def close(self) -> None:
        if os.getpid() == self._owner:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
