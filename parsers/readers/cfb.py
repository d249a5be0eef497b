"""Just enough of the Compound File Binary format (MS-CFB) to tell what an OLE2 file holds.

Legacy .xls/.doc/.et/.wps files and password-protected xlsx/docx (an "EncryptedPackage" stream) all share
this container; the stream names say which is which, and the Word FIB says whether a .doc is encrypted.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from parsers.readers.sniff import OLE_MAGIC

_FREE_OR_END = 0xFFFFFFFA  # sector ids at or above this are markers (end of chain, free, FAT, DIFAT)
_ENTRY = 128
_HEADER_DIFAT = 109


class CfbError(ValueError):
    """The container is malformed."""


@dataclass(frozen=True, slots=True)
class Stream:
    name: str
    start: int
    size: int


class Compound:
    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(OLE_MAGIC):
            raise CfbError("not a compound file")
        self._data = data
        shift, mini_cutoff = struct.unpack_from("<H", data, 0x1E)[0], struct.unpack_from("<I", data, 0x38)[0]
        if shift not in (9, 12):
            raise CfbError("bad sector size")
        self._size = 1 << shift
        self._mini_cutoff = mini_cutoff
        self._sectors = (len(data) - self._size) // self._size
        self._fat = self._read_fat()
        self._minifat_start = struct.unpack_from("<I", data, 0x3C)[0]
        self.streams = self._read_directory(struct.unpack_from("<I", data, 0x30)[0])

    def has(self, *names: str) -> bool:
        return any(name in self.streams for name in names)

    def head(self, name: str, length: int | None = None) -> bytes | None:
        """The first `length` bytes of a stream, all of it when length is None; None if there is no such
        stream. The sector chains bound what is read, whatever size the directory claims."""
        stream = self.streams.get(name)
        if stream is None:
            return None
        length = stream.size if length is None else min(length, stream.size)
        if stream.size >= self._mini_cutoff:
            sectors = self._chain(stream.start, limit=length // self._size + 1)
            return b"".join(self._sector(s) for s in sectors)[:length]
        return self._mini_head(stream, length)

    def _mini_head(self, stream: Stream, length: int) -> bytes:
        """Small streams live in 64-byte mini sectors inside the root entry's own stream."""
        root = self.streams.get("Root Entry")
        if root is None:
            raise CfbError("no root entry")
        container = self._chain(root.start)
        minifat = [entry for sector in self._chain(self._minifat_start) for entry in self._entries(sector)]
        parts = []
        for mini in _follow(minifat, stream.start, len(minifat), length // 64 + 1):
            offset = mini * 64
            if offset // self._size >= len(container):
                raise CfbError("mini sector out of range")
            parts.append(self._sector(container[offset // self._size])[offset % self._size :][:64])
        return b"".join(parts)[:length]

    def _entries(self, sector: int) -> tuple[int, ...]:
        return struct.unpack(f"<{self._size // 4}I", self._sector(sector))

    def _sector(self, sector: int) -> bytes:
        if sector >= self._sectors:
            raise CfbError("sector out of range")
        offset = (sector + 1) * self._size
        return self._data[offset : offset + self._size]

    def _read_fat(self) -> list[int]:
        difat = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", self._data, 0x4C))
        next_difat, count = struct.unpack_from("<II", self._data, 0x44)
        per_sector = self._size // 4 - 1
        for _ in range(min(count, self._sectors)):
            if next_difat >= _FREE_OR_END:
                break
            block = self._entries(next_difat)
            difat.extend(block[:per_sector])
            next_difat = block[per_sector]
        fat: list[int] = []
        for sector in difat:
            if sector < _FREE_OR_END:
                fat.extend(self._entries(sector))
        return fat

    def _chain(self, start: int, limit: int | None = None) -> list[int]:
        return _follow(self._fat, start, self._sectors, limit)

    def _read_directory(self, start: int) -> dict[str, Stream]:
        streams: dict[str, Stream] = {}
        for sector in self._chain(start):
            block = self._sector(sector)
            for offset in range(0, len(block) - _ENTRY + 1, _ENTRY):
                entry = _entry(block[offset : offset + _ENTRY])
                if entry is not None:
                    streams.setdefault(entry.name, entry)
        return streams


def _follow(table: list[int], start: int, most: int, limit: int | None) -> list[int]:
    chain: list[int] = []
    sector = start
    while sector < _FREE_OR_END and (limit is None or len(chain) < limit):
        # A cycle in the table would loop for ever: a chain can never be longer than the file.
        if sector >= len(table) or len(chain) > most:
            raise CfbError("broken sector chain")
        chain.append(sector)
        sector = table[sector]
    return chain


def _entry(raw: bytes) -> Stream | None:
    name_length, kind = struct.unpack_from("<HB", raw, 0x40)
    if kind not in (1, 2, 5) or not 2 <= name_length <= 64:
        return None
    name = raw[: name_length - 2].decode("utf-16-le", errors="replace")
    start, size = struct.unpack_from("<IQ", raw, 0x74)
    return Stream(name, start, size & 0xFFFFFFFF if size >> 32 else size)


def excel_encrypted(compound: Compound) -> bool:
    """True if the Workbook stream's BOF record is followed by FILEPASS (an .xls with an open password).
    calamine reports this only when reading from a path, so it is checked here."""
    head = compound.head("Workbook", 64) or compound.head("Book", 64)
    if head is None or len(head) < 8:
        return False
    bof_length = struct.unpack_from("<H", head, 2)[0]
    following = 4 + bof_length
    return len(head) >= following + 2 and struct.unpack_from("<H", head, following)[0] == 0x002F


def word_encrypted(compound: Compound) -> bool:
    """True if the WordDocument stream's FIB has fEncrypted set (a .doc saved with an open password)."""
    fib = compound.head("WordDocument", 16)
    if fib is None or len(fib) < 12 or fib[:2] != b"\xec\xa5":
        return False
    flags = struct.unpack_from("<H", fib, 0x0A)[0]
    return bool(flags & 0x0100)
