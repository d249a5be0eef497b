"""Hostile and broken input: each ends in exactly one clear UnreadableFile, quickly, in bounded memory."""

from __future__ import annotations

import io
import json
import os
import random
import re
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reader_inputs import W_NS, docx_bytes, replace_member, roster_docx, workbook_bytes, zip_bytes

from forms.errors import UnreadableFile
from parsers.readers import dispatch, office, read
from samples.build import hostile

SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "hostile"
EXPECTED = {
    "xml-entity-bomb.xlsx": r"^文件结构异常（XML中含有实体或文档类型声明）",
    "zip-bomb.xlsx": r"^文件结构异常（压缩比异常，疑似压缩炸弹）",
    "sheet-extent-bomb.xlsx": r"^表格过大（工作表约",
    "path-traversal.docx": r"^文件结构异常（压缩包内含有越出目录的路径）",
    "encrypted.xlsx": r"^文件已加密（设置了打开密码），请取消密码后重新报送$",
    "truncated.xlsx": r"^文件已损坏，无法读取$",
    "not-a-form.xlsx": r"^图片过小（96×64像素）",  # a photo, read by OCR when legible (docs/ocr.md)
    "empty.docx": r"^文件为空",
    "pixel-bomb.png": r"^文件结构异常（图片尺寸过大",
}
# Not a benchmark: a bound that only a hang, a bomb going off or a retry loop would break.
QUICK = 15.0


def _refused(source: object, name: str, pattern: str, **options: int) -> None:
    started = time.perf_counter()
    with pytest.raises(UnreadableFile, match=pattern):
        read(source, name, **options)  # type: ignore[arg-type]
    assert time.perf_counter() - started < QUICK


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_sample(name: str) -> None:
    _refused(SAMPLES / name, name, EXPECTED[name])


def test_samples_are_what_the_builder_makes(tmp_path: Path) -> None:
    written = hostile.build(tmp_path)
    assert sorted(p.name for p in written) == sorted(EXPECTED)
    for path in written:
        assert path.read_bytes() == (SAMPLES / path.name).read_bytes(), f"rebuild samples: {path.name}"
        assert path.stat().st_size < 2 * 1024 * 1024


def test_every_hostile_input_in_half_a_gigabyte(tmp_path: Path, legacy: dict[str, Path]) -> None:
    """Read all of them in a child whose address space is capped at 512 MB: a bomb that went off would
    end in MemoryError (reported as damaged) or an abort, not in the expected sentence."""
    files = {**{name: SAMPLES / name for name in EXPECTED}, "corner.xls": legacy["corner-xls"]}
    expected = {**EXPECTED, "corner.xls": r"^表格过大（工作表约1677万个单元格"}
    script = (
        "import json, resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 * 1024, resource.RLIM_INFINITY))\n"
        "from forms.errors import UnreadableFile\nfrom parsers.readers import read\nout = {}\n"
        "for name, path in json.loads(sys.argv[1]).items():\n"
        "    try:\n        read(path, name)\n        out[name] = 'read'\n"
        "    except UnreadableFile as exc:\n        out[name] = str(exc)\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps({k: str(v) for k, v in files.items()})],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=SAMPLES.parents[1],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    messages = json.loads(done.stdout)
    for name, pattern in expected.items():
        assert re.search(pattern, messages[name]), (name, messages[name])


# -- size -----------------------------------------------------------------------------------------------
def test_oversize_path_is_refused_before_reading(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.xlsx"
    with sparse.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # 60 MB on paper, nothing on disk
    _refused(sparse, "huge.xlsx", r"^文件过大（60 MB，上限50 MB），请删除无关内容或拆分后重新报送$")


def test_oversize_bytes_and_stream() -> None:
    data = workbook_bytes()
    _refused(data, "a.xlsx", r"^文件过大（\d\.\d MB，上限", max_bytes=len(data) - 1)
    _refused(io.BytesIO(data), "a.xlsx", r"^文件过大（超过上限", max_bytes=len(data) - 1)
    assert read(io.BytesIO(data), "a.xlsx", max_bytes=len(data)).tables


def test_endless_stream_is_cut_at_the_limit() -> None:
    class Zeros(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = bytes(len(buffer))
            return len(buffer)

    _refused(io.BufferedReader(Zeros()), "a.xlsx", r"^文件过大（超过上限")


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo", "device"])
def test_paths_that_are_not_regular_files(tmp_path: Path, kind: str) -> None:
    path = {
        "missing": tmp_path / "nope.xlsx",
        "directory": tmp_path,
        "device": Path("/dev/zero"),
        "fifo": tmp_path / "pipe.xlsx",
    }[kind]
    if kind == "fifo":
        os.mkfifo(path)  # opening it for reading would block for ever
    _refused(path, "a.xlsx", r"^文件不存在或不是普通文件")


# -- zip containers -------------------------------------------------------------------------------------
def test_too_many_entries() -> None:
    data = zip_bytes([(f"xl/x{i}.xml", b"") for i in range(10_001)])
    _refused(data, "a.xlsx", "文件数过多：10001个")


@pytest.mark.parametrize("member", ["/etc/cron.d/evil", "..\\..\\evil.xml", "C:/evil.xml", "word/../../evil"])
def test_escaping_member_names(member: str) -> None:
    _refused(zip_bytes([("word/document.xml", b"<x/>"), (member, b"x")]), "a.docx", "越出目录的路径")


def test_encrypted_member() -> None:
    data = bytearray(workbook_bytes())
    # Set the "encrypted" flag on every entry, in the local headers and the central directory.
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            flags = struct.unpack_from("<H", data, start + flag_offset)[0]
            struct.pack_into("<H", data, start + flag_offset, flags | 1)
            start += 4
    _refused(bytes(data), "a.xlsx", r"^文件已加密")


def test_member_lying_about_its_size() -> None:
    # Declared 1 KB, inflates to 50 MB: zipfile stops at the declared size and the CRC check fails.
    data = bytearray(zip_bytes([("xl/workbook.xml", bytes(50 * 1024 * 1024))], level=9))
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(signature)
        struct.pack_into("<I", data, start + size_offset, 1024)
    _refused(bytes(data), "a.xlsx", r"^文件已损坏")


def test_big_member_with_bomb_ratio() -> None:
    data = zip_bytes([("[Content_Types].xml", b"<Types/>"), ("xl/worksheets/sheet1.xml", bytes(20 * 1024 * 1024))], 9)
    _refused(data, "a.xlsx", "压缩比异常")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_doctype_in_any_xml_part(encoding: str) -> None:
    document = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?><!DOCTYPE d [<!ENTITY x SYSTEM '
        f'"file:///etc/passwd">]><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t>'
        "</w:r></w:p></w:body></w:document>"
    )
    data = replace_member(roster_docx(), "word/document.xml", document.encode(encoding))
    _refused(data, "a.docx", "实体或文档类型声明")


def test_zip_of_other_things() -> None:
    _refused(
        zip_bytes([("照片/1.jpg", b"\xff\xd8\xff"), ("说明.txt", b"x")]),
        "东胜区.xlsx",
        "^不支持的文件类型：压缩包（其中没有Excel或Word文件）",
    )
    _refused(zip_bytes([("[Content_Types].xml", b"presentationml")]), "a.docx", "PowerPoint")


def test_garbage_and_broken_containers() -> None:
    noise = random.Random(7).randbytes(2000)
    _refused(b"\x01\x02\x03" + bytes(100), "a.xlsx", r"^不支持的文件类型：无法识别的二进制文件")
    _refused(b"PK\x03\x04" + noise, "a.xlsx", r"^文件已损坏")
    _refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "a.xls", r"^文件已损坏")


# -- legacy Word ----------------------------------------------------------------------------------------
def test_doc_with_open_password(legacy: dict[str, Path]) -> None:
    data = bytearray(legacy["doc"].read_bytes())
    # The WordDocument stream starts with the FIB (wIdent 0xA5EC) at a sector boundary; set fEncrypted.
    fib = next(o for o in range(512, len(data), 512) if data[o : o + 2] == b"\xec\xa5")
    data[fib + 0x0B] |= 0x01
    _refused(bytes(data), "a.doc", r"^文件已加密")


def test_without_libreoffice(monkeypatch: pytest.MonkeyPatch, legacy: dict[str, Path]) -> None:
    monkeypatch.setattr(office, "soffice", lambda: None)
    _refused(
        legacy["doc"],
        "a.doc",
        r"^读取Word 97-2003文档（.doc/.wps）需要安装LibreOffice（apt-get install "
        "libreoffice-writer-nogui libreoffice-calc-nogui），或请将文件另存为.docx/.xlsx后重新报送$",
    )


def test_hung_conversion_is_killed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, legacy: dict[str, Path]) -> None:
    monkeypatch.setattr(office, "CONVERT_SECONDS", 0.1)  # LibreOffice cannot even start in that time
    monkeypatch.setattr(office.tempfile, "tempdir", str(tmp_path))
    _refused(legacy["doc"], "a.doc", r"^文件处理超时")
    survivors = []
    for proc in Path("/proc").iterdir():
        try:
            if str(tmp_path).encode() in (proc / "cmdline").read_bytes():
                survivors.append(proc.name)
        except OSError:
            continue
    assert survivors == []  # soffice.bin and oosplash went with the group
    assert list(tmp_path.iterdir()) == []  # and the work directory is gone


# -- the boundary ---------------------------------------------------------------------------------------
def test_hostile_name_is_only_a_label() -> None:
    doc = read(workbook_bytes(), "../../etc/passwd.xlsx")
    assert doc.name == "../../etc/passwd.xlsx" and doc.tables


def test_unexpected_library_error_becomes_damaged(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(data: bytes, name: str) -> None:
        raise IndexError("deep inside a parser")

    monkeypatch.setattr(dispatch, "read_docx", explode)
    with pytest.raises(UnreadableFile, match=r"^文件已损坏，无法读取$") as caught:
        read(docx_bytes(["x"]), "a.docx")
    assert isinstance(caught.value.__cause__, IndexError)
