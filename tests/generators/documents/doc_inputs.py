"""Shared inputs (specs, a merge Result built in code) and readers that measure what was generated."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from lxml import etree

from forms.issues import issue
from parsers.results import FileReport, FormResult, Record, Result, Source

MM = 72 / 25.4
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "documents"
UNITS = ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "伊金霍洛旗", "乌审旗", "杭锦旗", "鄂托克旗", "鄂托克前旗"]
PARAGRAPH = (
    "各旗区要对辖区内检验检测机构进行全面排查，建立底数清晰、资质明确、信息详实的监管档案，确保专项行动取得实效。"
)

FULL_SPEC = """\
format: file
copy_no: "18"
secrecy: 秘密★1年
urgency: 特急
issuer_mark: 鄂尔多斯市市场监督管理局文件
number: 鄂市监发〔2022〕74号
title: 鄂尔多斯市市场监督管理局关于开展检验检测市场专项整治行动的通知
to: 各旗区市场监督管理局
body: |
  为进一步规范检验检测市场秩序,现将有关事项通知如下。
  一、工作目标
  全面摸清辖区内检验检测机构底数。
  （一）全面摸底。各旗区要对辖区内检验检测机构进行全面排查。
  1.强化内部管理。组织机构开展自查自纠。
  (1)未经检验检测出具报告的,依法查处。
attachments: [检验检测机构基本情况汇总表, 工作情况统计表]
signature: 鄂尔多斯市市场监督管理局
date: 2022-05-05
seal: true
note: 此件公开发布
cc: [内蒙古自治区市场监督管理局, 鄂尔多斯市人民政府办公室]
printed_by: 鄂尔多斯市市场监督管理局办公室
printed_on: 2022-05-06
"""


def long_spec(paragraphs: int, last: tuple[str, ...] = (), **extra: str) -> str:
    """A plain document whose body is `paragraphs` copies of one 2-line paragraph, then the `last` ones.

    Title (2 lines), a blank line and the 主送机关 take 4 lines: 9 paragraphs fill page 1, 11 each later page.
    """
    lines = [
        "title: 鄂尔多斯市市场监督管理局关于加强检验检测监管工作的通知",
        "to: 各旗区市场监督管理局",
        "body: |",
        *(f"  {PARAGRAPH}" for _ in range(paragraphs)),
        *(f"  {text}" for text in last),
        "signature: 鄂尔多斯市市场监督管理局",
        "date: 2022-05-10",
    ]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


# -- PDF -------------------------------------------------------------------------------------------------
@dataclass
class Line:
    top: float  # mm from the top of the paper
    bottom: float
    x0: float
    x1: float
    text: str
    size: float
    font: str
    chars: list[tuple[str, float, str]]  # (character, x0 in mm, font) of every character
    baseline: float = 0.0  # mm from the top of the paper: the same in any renderer, whatever a font's ascent

    def x_of(self, text: str) -> float:
        """x0 of the first character of `text` in this line."""
        start = self.text.index(text)
        return self.chars[start][1]

    def font_of(self, text: str) -> str:
        return self.chars[self.text.index(text)][2].split("+")[-1]


def pdf_pages(data: bytes) -> list[list[Line]]:
    """Text lines of every page, top to bottom, in mm."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows: dict[int, list[dict]] = {}
            for c in page.chars:
                # group by baseline: a fallback glyph (other font metrics) has another `top` on the same line
                rows.setdefault(round((page.height - c["matrix"][5]) * 2), []).append(c)
            lines = []
            for key in sorted(rows):
                cs = sorted(rows[key], key=lambda c: c["x0"])
                lines.append(
                    Line(
                        min(c["top"] for c in cs) / MM,
                        cs[0]["bottom"] / MM,
                        cs[0]["x0"] / MM,
                        cs[-1]["x1"] / MM,
                        "".join(c["text"] for c in cs),
                        round(cs[0]["size"], 1),
                        cs[0]["fontname"],
                        [(c["text"], c["x0"] / MM, c["fontname"]) for c in cs],
                        (page.height - cs[0]["matrix"][5]) / MM,
                    )
                )
            pages.append(lines)
    return pages


def pdf_rects(data: bytes, page: int) -> list[dict]:
    """Filled rectangles and lines of a page (rules), in mm, with their colours."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        p = pdf.pages[page]
        return [
            {
                "x0": r["x0"] / MM,
                "x1": r["x1"] / MM,
                "top": r["top"] / MM,
                "bottom": r["bottom"] / MM,
                "color": r.get("non_stroking_color") or r.get("stroking_color"),
            }
            for r in (*p.rects, *p.lines)
        ]


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(round(p.width / MM), round(p.height / MM)) for p in pdf.pages]


def body_lines(page: list[Line]) -> list[Line]:
    """Lines of the 版心 (not the page number under it)."""
    return [ln for ln in page if ln.top < 262]


def page_number(page: list[Line]) -> Line | None:
    return next((ln for ln in page if ln.top > 262 and re.fullmatch(r"— \d+ —", ln.text)), None)


# -- DOCX ------------------------------------------------------------------------------------------------
class Docx:
    """The parts of a DOCX as lxml trees, with the few queries the tests make."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self._parts: dict[str, etree._Element] = {}

    def xml(self, name: str) -> etree._Element:
        if name not in self._parts:
            self._parts[name] = etree.fromstring(self.zip.read(name))
        return self._parts[name]

    def part(self, sect: etree._Element, kind: str, ref_type: str) -> etree._Element:
        """The header or footer part a section references (kind: header/footer, ref_type: default/even/first)."""
        ref = sect.find(f"{W}{kind}Reference[@{W}type='{ref_type}']")
        rels = {r.get("Id"): r.get("Target") for r in self.xml("word/_rels/document.xml.rels")}
        return self.xml(f"word/{rels[ref.get(R + 'id')]}")

    @property
    def document(self) -> etree._Element:
        return self.xml("word/document.xml")

    @property
    def styles(self) -> etree._Element:
        return self.xml("word/styles.xml")

    def style(self, style_id: str) -> etree._Element:
        return self.styles.find(f"{W}style[@{W}styleId='{style_id}']")

    def paragraphs(self) -> list[etree._Element]:
        return list(self.document.iter(f"{W}p"))

    def text(self, p: etree._Element) -> str:
        return "".join(t.text or "" for t in p.iter(f"{W}t"))

    def find_paragraph(self, text: str) -> etree._Element:
        return next(p for p in self.paragraphs() if text in self.text(p))

    def sections(self) -> list[etree._Element]:
        return list(self.document.iter(f"{W}sectPr"))


def attr(el: etree._Element | None, name: str) -> str | None:
    return None if el is None else el.get(f"{W}{name}")


# -- merged returns ----------------------------------------------------------------------------------------
MATRIX_ROWS = ("产品质量", "食品", "药品", "化妆品", "医疗器械", "特种设备")


def _stats(unit: str, i: int) -> Record:
    values = {
        "domain": MATRIX_ROWS[i],
        "inspected": 10 + i,
        "problems": i % 3,
        "cases_filed": i % 2,
        "cases_closed": i % 2,
        "fines": 1.25 * (i % 3),
        "transferred": 0,
        "blacklisted": 0,
    }
    return Record(unit=unit, values=values, source=Source(file=f"{unit}统计表.xlsx", sheet="Sheet1", cell=f"A{5 + i}"))


def sample_result() -> Result:
    """A campaign of 9 units: 4 on time, 1 late (5月23日), 1 without a date, 1 with one form only (鄂托克前旗),
    1 whose only file could not be read (乌审旗), 1 with nothing (伊金霍洛旗); one stray unrecognised file."""
    stats_units = ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "杭锦旗", "鄂托克旗"]
    roster_units = ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "杭锦旗", "鄂托克旗", "鄂托克前旗"]
    stats = FormResult(
        title="工作情况统计表",
        units_expected=UNITS,
        units_reported=stats_units,
        missing_units=[u for u in UNITS if u not in stats_units],
        records=[_stats(u, i) for u in stats_units for i in range(len(MATRIX_ROWS))],
        totals={"inspected": 6 * 75, "fines": 6 * 7.5},
    )
    roster = FormResult(
        title="检验检测机构基本情况汇总表",
        units_expected=UNITS,
        units_reported=roster_units,
        missing_units=[u for u in UNITS if u not in roster_units],
        records=[
            Record(
                unit=u,
                section=s,
                values={"seq": 1, "name": f"{u}{s}检测有限公司", "domain": "食品"},
                source=Source(file=f"{u}.docx", sheet="表1", cell="行3列2"),
            )
            for u in roster_units
            for s in ("public", "third_party", "third_party")
        ],
    )
    dates = {
        "东胜区": "2022-05-12",
        "康巴什区": "2022-05-18",
        "达拉特旗": "2022-05-20",
        "准格尔旗": None,
        "杭锦旗": "2022-05-19",
        "鄂托克旗": "2022-05-23",
    }
    files = [
        FileReport(path=f"{u}统计表.xlsx", status="merged", form="work-statistics", unit=u, reported_on=d)
        for u, d in dates.items()
    ]
    files += [
        FileReport(
            path=f"{u}.docx",
            status="merged",
            form="institution-roster",
            unit=u,
            reported_on=dates.get(u, "2022-05-15") or "2022-05-15",
        )
        for u in roster_units
    ]
    files.append(
        FileReport(
            path="收到/乌审旗工作情况统计表.xlsx", status="failed", unit="乌审旗", message="文件已损坏，无法读取"
        )
    )
    files.append(FileReport(path="收到/会议通知.docx", status="unrecognized", message="无法识别该文件属于哪张报表"))
    issues = [
        issue(
            "invalid-phone",
            form="institution-roster",
            unit="杭锦旗",
            file="杭锦旗.docx",
            location="表1行3列6",
            field="phone",
            value="0477-83",
            row=3,
        ),
        issue(
            "total-mismatch",
            form="work-statistics",
            unit="达拉特旗",
            file="达拉特旗统计表.xlsx",
            value="12",
            message="合计行“检查机构数”不等于各行之和",
            hint="13",
        ),
        issue("file-unreadable", unit="乌审旗", file="收到/乌审旗工作情况统计表.xlsx", reason="文件已损坏，无法读取"),
    ]
    return Result(forms={"work-statistics": stats, "institution-roster": roster}, files=files, issues=issues)


NOTO = {
    "Noto-Serif-CJK-SC": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    "Noto-Sans-CJK-SC": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
}


def font_cmap(pdf_font_name: str) -> frozenset[int]:
    """The code points of the font a PDF names (subset prefix ignored): a Fandol face or a Noto fallback."""
    from fontTools.ttLib import TTCollection

    from generators.documents.layout.fonts import FACES, coverage

    name = pdf_font_name.split("+", 1)[-1]
    fandol = {face.family + ("-Bold" if face.weight >= 700 else ""): key for key, face in FACES.items()}
    if name in fandol:
        return coverage(fandol[name])
    path, family = next(v for k, v in NOTO.items() if name.startswith(k))
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(1) == family:
            return frozenset(font.getBestCmap())
    raise LookupError(pdf_font_name)


# -- LibreOffice: an independent renderer of the DOCX ------------------------------------------------------
FANDOL = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
FONT_ALIASES = {
    "仿宋_GB2312": "FandolFang",
    "楷体_GB2312": "FandolKai",
    "黑体": "FandolHei",
    "宋体": "FandolSong",
    "Times New Roman": "FandolFang",
}


def _fontconfig(folder: Path) -> Path:
    """A fontconfig for LibreOffice that maps the fonts officials have to Fandol faces, and 方正小标宋简体 to a
    renamed copy of FandolSong Bold (an alias would not carry the weight)."""
    from fontTools.ttLib import TTFont

    font = TTFont(FANDOL / "FandolSong-Bold.otf")
    name = font["name"]
    name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17)]
    for nid, value in {1: "方正小标宋简体", 2: "Regular", 3: "HzXBS", 4: "方正小标宋简体", 6: "HzXBS"}.items():
        name.setName(value, nid, 3, 1, 0x409)
    font["OS/2"].usWeightClass = 400
    font.save(folder / "HzXBS.otf")
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{k}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{v}</string></edit></match>'
        for k, v in FONT_ALIASES.items()
    )
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{FANDOL}</dir><dir>{folder}</dir>'
        f"{rules}</fontconfig>",
        encoding="utf-8",
    )
    return conf


def libreoffice_pdfs(docs: dict[str, bytes], folder: Path, profile: str | None = None) -> dict[str, bytes]:
    """Each DOCX converted to PDF by LibreOffice in one call, keeping the blank pages it inserts.

    `profile`: LibreOffice's user profile (a URL); two conversions running at once need different ones, so
    the default is one per process and folder.
    """
    import os
    import subprocess

    profile = profile or f"file:///tmp/lo-docs-{os.getpid()}-{abs(hash(str(folder)))}"

    for stem, data in docs.items():
        (folder / f"{stem}.docx").write_bytes(data)
    env = dict(os.environ, FONTCONFIG_FILE=str(_fontconfig(folder)))
    keep_blank = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            keep_blank,
            "--outdir",
            str(folder),
            *(str(folder / f"{s}.docx") for s in docs),
        ],
        env=env,
        capture_output=True,
        timeout=180,
        check=True,
    )
    return {stem: (folder / f"{stem}.pdf").read_bytes() for stem in docs}
