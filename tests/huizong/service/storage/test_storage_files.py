import hashlib

import pytest

from huizong.service.storage import FileStore, safe_name, suffix_of


def test_put_stores_bytes_exactly_once_under_their_hash(tmp_path):
    store = FileStore(tmp_path)
    data = bytes(range(256)) * 10
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.read(digest) == data
    assert store.put(data) == digest
    assert [p for p in (tmp_path / "originals").rglob("*") if p.is_file()] == [store.path(digest)]
    assert not list((tmp_path / "tmp").iterdir())  # no half-written leftovers


def test_paths_only_from_digests_and_our_own_keys(tmp_path):
    store = FileStore(tmp_path)
    for bad in ("../../etc/passwd", "ab" * 40, "A" * 64):
        with pytest.raises(ValueError):
            store.path(bad)
    for bad in ("../x", "a/b", "", ".."):
        with pytest.raises(ValueError):
            store.cache_path(bad)
    assert store.cache_path("campaign-1-consolidated-abc.xlsx").parent == store.cache


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("东胜区.xlsx", "东胜区.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("C:\\Users\\clerk\\桌面\\达拉特旗.xls", "达拉特旗.xls"),
        ("/abs/path/名单.docx", "名单.docx"),
        (".hidden.xlsx", "hidden.xlsx"),
        ("a\x00b\r\nc.xlsx", "abc.xlsx"),
        ("..", "未命名文件"),
        ("", "未命名文件"),
        (None, "未命名文件"),
        ("\u202eslx.exe", "slx.exe"),  # a right-to-left override would disguise the real suffix
    ],
)
def test_safe_name(raw, expected):
    assert safe_name(raw) == expected


def test_safe_name_keeps_the_suffix_of_a_long_name():
    name = safe_name("很" * 300 + ".xlsx")
    assert len(name) == 120 and name.endswith(".xlsx")


def test_suffix_of():
    assert suffix_of("表.XLSX") == ".xlsx"
    assert suffix_of("noext") == ""
