"""`huizong merge` writes the same bytes as before the batch-performance rework (issue 15).

The digests were recorded from the code before the rework: every XML part of the 汇总表 (the created date in
docProps/core.xml masked — xlsxwriter stamps the time of writing there) and the JSON, for three merges that
between them take every path of the parse → merge → write pipeline: the sample campaign (matrix and listing forms,
Word, PDF, xls, superseded returns, units and deadline), every kind of sample return in one folder with the form
recognised per file (worker processes, records with extra columns, case and inspection forms), and generated
liaison returns whose cells repeat, need escaping, look like formulas, are numbers in text fields or are invalid.
A change that alters a byte of output fails here with the part that changed.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
import xlsxwriter
from cli_run import ROOT, run

CAMPAIGN = ROOT / "samples" / "campaign"

# merge -> part -> sha256, recorded from the code before the rework
GOLDEN: dict[str, dict[str, str]] = {
    "campaign": {
        "[Content_Types].xml": "886deb72e3a017a2720769b37549d6fd8f5f9fa12dc54fe5715c84245a6d4b7b",
        "_rels/.rels": "1285b20099c64699001f9d90ea040ca1c177fa99bc3ae8a841128874820f01a4",
        "docProps/app.xml": "1f3c6add806bfac011bbebabb72f3084b48be8f59e0594fb99d3aab79201204b",
        "docProps/core.xml": "9504d24cda57bcf7e4bb77e8ca27b1dbe484350aaea1e20c7c00cd71c21a021a",
        "xl/_rels/workbook.xml.rels": "5f042996b6a55ec66c174e188497397ed50918c72cfbbcd36edeba1bb64ad33d",
        "xl/styles.xml": "a9f39b474be7ee8d5d76eae873df8acc4bc23de0a65bd404be51b7652886c248",
        "xl/theme/theme1.xml": "75104b2164c20dab2578383d827deac3a7eec077c3f7c99a4099a551fdebb134",
        "xl/workbook.xml": "88601d7364b4a4ace7db3cd45eb8186a80c0481888e6a9cf0f6f4962b352b0dd",
        "xl/worksheets/sheet1.xml": "d65d8ed9cfaf733d854b8ec49890c63f54f50b76b12e1e7bcbe0cf7727879d06",
        "xl/worksheets/sheet2.xml": "825e07ffaf348c1f1cce597514b7e3a2a8ce359497e2343336d0d858c664d090",
        "xl/worksheets/sheet3.xml": "d5687b344847c60b74365d2f65eeca351550c4c80a4998332b9186b0ca12efe8",
        "xl/worksheets/sheet4.xml": "15478b19476108f8455e6ef4f594f589d3b7af53562e1af44db04affb4567bd4",
        "json": "bec83c8542c01e0f2f839a5b906c72b3907d4e48db4a170f2464f29cb4d16145",
    },
    "samples": {
        "[Content_Types].xml": "122d2134cf78c0dfd4716897d839626d23209ec419a4487d0c64ae8a134aa603",
        "_rels/.rels": "1285b20099c64699001f9d90ea040ca1c177fa99bc3ae8a841128874820f01a4",
        "docProps/app.xml": "ded7695c421ca1bad48be454ea97cd78878b466abf2e02c2a2fa4d8b9fc36dec",
        "docProps/core.xml": "9504d24cda57bcf7e4bb77e8ca27b1dbe484350aaea1e20c7c00cd71c21a021a",
        "xl/_rels/workbook.xml.rels": "1a6f69cdfa333e261e5bf812087e04441f7b923469d4feda2fb574eaa1da6d7e",
        "xl/styles.xml": "e2eb6df5b471344e881f3240b63ceb5e88efc03404bbf1d5776b682fb436ac87",
        "xl/theme/theme1.xml": "75104b2164c20dab2578383d827deac3a7eec077c3f7c99a4099a551fdebb134",
        "xl/workbook.xml": "6e31f60947cf6523a388f432a549518ed003f728848b438b75eaa9ffe214fd5e",
        "xl/worksheets/sheet1.xml": "2376de4e2f302f9c833441a2cfeb68d6bd0595eb664787520a192c825c2ca21a",
        "xl/worksheets/sheet2.xml": "189a0366dcf346922f5c1967e6da193436fd089c11d587deb6ed7eaf31a0e193",
        "xl/worksheets/sheet3.xml": "df4b274e16f2a5051dc8528a3849ec958eee2dcf5ee62f146dcf7dab7fe97c6e",
        "xl/worksheets/sheet4.xml": "a8f98ee5d633bc6025f0c72628054befa167ccb9ff8304bf8677b97b413d7f8f",
        "xl/worksheets/sheet5.xml": "a0f58b69e934a0b86d21b13f81609849cd89f8f39bee1fb303dda5fe7a0790ba",
        "xl/worksheets/sheet6.xml": "0de967b7c4aa811eecfe3aa4c036a64fd7375c6b586147621c0aa245802d938c",
        "xl/worksheets/sheet7.xml": "ff9fd5bf78b3041239c4356b8da234bbdb0578f22ae3df0af833192fa1623ec3",
        "json": "0d60759182effe96f7478afffe48106ea0fa3cd5dff27a3d812d641995be0d93",
    },
    "liaison": {
        "[Content_Types].xml": "d8f8bc774c58d9029076264db0d84815c323d16cbd37b176e5bf3126caec33ce",
        "_rels/.rels": "1285b20099c64699001f9d90ea040ca1c177fa99bc3ae8a841128874820f01a4",
        "docProps/app.xml": "4b281cab59bc80951a48daa531c0b95e5cd0a8ae369604e10e977eccd01d7d61",
        "docProps/core.xml": "9504d24cda57bcf7e4bb77e8ca27b1dbe484350aaea1e20c7c00cd71c21a021a",
        "xl/_rels/workbook.xml.rels": "e469c7aa5f2429b716964040dfef73d4830e34cb3d9358c7f2dd652f37317675",
        "xl/styles.xml": "dd130ee79e4b7601807ce737800b5d4ab45a65d5f76e6ba1ea82304bb8ba66ba",
        "xl/theme/theme1.xml": "75104b2164c20dab2578383d827deac3a7eec077c3f7c99a4099a551fdebb134",
        "xl/workbook.xml": "b6d452da149d64c588b51b4c30f3cda6d5346f9a5ddcd54ab52352adde5806c8",
        "xl/worksheets/sheet1.xml": "11f38b024927ccd60e31554eabd3584a84eaa8ba67afdc4fc4801cd08716400c",
        "xl/worksheets/sheet2.xml": "4f950b33f33f2911bcc002bf32fa9424042e316f07110983cae2373b2d123651",
        "xl/worksheets/sheet3.xml": "941760e310c559a25f988df928dca0cdee0b6c2acb2fc9eafd8f64ccd3ec838d",
        "json": "79c0eca849420f251c611a98c0f5d37d7b910247fa35a3a752ad4c6af9fadc0c",
    },
}


def _digests(out: Path) -> dict[str, str]:
    parts: dict[str, str] = {}
    with zipfile.ZipFile(out / "汇总表.xlsx") as book:
        for name in sorted(book.namelist()):
            data = book.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*<", rb"<dcterms:\1><", data)
            parts[name] = hashlib.sha256(data).hexdigest()
    parts["json"] = hashlib.sha256((out / "汇总.json").read_bytes()).hexdigest()
    return parts


def _merge(out: Path, *args: object) -> dict[str, str]:
    out.mkdir()
    done = run("merge", *args, "-o", out / "汇总表.xlsx", "--json", out / "汇总.json")
    assert done.returncode == 0, done.stderr
    return _digests(out)


LIAISON_VALUES = [
    "东胜区市场监督管理局",
    "A&B <公司>",
    "  前导空格",
    "尾随空格 ",
    "=SUM(A1:A3)",
    "@提及",
    "_x0041_",
    "换\n行",
    "控制\x01字符",
    "",
    "科员",
    "x" * 300,
]


def _liaison_returns(folder: Path) -> None:
    """Twelve liaison returns of 40 rows: repeated units and posts, odd texts, numbers, bad and blank values."""
    for n in range(12):
        unit = ["东胜区", "康巴什区", "达拉特旗", "准格尔旗"][n % 4] + ("" if n < 4 else str(n))
        book = xlsxwriter.Workbook(str(folder / f"{n:02d}-{unit}联络员统计表.xlsx"), {"strings_to_formulas": False})
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, [f"联络员统计表（填报单位：{unit}）"])
        sheet.write_row(1, 0, ["单位", "姓名", "职务", "办公电话", "手机号码", "电子邮箱"])
        for r in range(40):
            odd = LIAISON_VALUES[(n + r) % len(LIAISON_VALUES)]
            row: list[object] = [
                f"{unit}市场监督管理局" if r % 5 else odd,
                f"联络员{r % 37:03d}" if r % 11 else "",
                "科员" if r % 3 else odd,
                f"0477-83{r:02d}{n:03d}" if r % 7 else 4778313683 + r,
                f"139{n:04d}{r:04d}" if r % 9 else "1391234",
                f"l{n}x{r}@example.cn" if r % 13 else date(2022, 5, 1 + r % 28),
            ]
            sheet.write_row(r + 2, 0, row)
        book.close()


@pytest.fixture(scope="module")
def digests(tmp_path_factory) -> dict[str, dict[str, str]]:
    base = tmp_path_factory.mktemp("golden")
    found: dict[str, dict[str, str]] = {}
    found["campaign"] = _merge(
        base / "campaign",
        CAMPAIGN / "returns",
        "--units",
        CAMPAIGN / "units.txt",
        "--deadline",
        "2022-05-20",
    )
    samples = base / "samples"
    for kind in ("roster", "liaison", "statistics", "inspection", "cases"):
        shutil.copytree(ROOT / "samples" / kind, samples / kind, ignore=shutil.ignore_patterns("*.json"))
    found["samples"] = _merge(base / "samples-out", samples, "--jobs", "2")
    liaison = base / "liaison"
    liaison.mkdir()
    _liaison_returns(liaison)
    found["liaison"] = _merge(base / "liaison-out", liaison, "--form", "liaison-roster", "--jobs", "2")
    return found


@pytest.mark.parametrize("merge", ["campaign", "samples", "liaison"])
def test_merge_output_is_byte_identical_to_before(digests, merge):
    changed = {
        part
        for part in GOLDEN[merge].keys() | digests[merge].keys()
        if GOLDEN[merge].get(part) != digests[merge].get(part)
    }
    assert not changed, f"{merge}: these parts differ from the recorded output: {sorted(changed)}"
