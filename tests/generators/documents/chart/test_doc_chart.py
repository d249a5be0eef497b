"""The charts of the 情况通报: drawn in greys only (black-and-white print loses nothing), at print
resolution, embedded in the DOCX and the PDF alike; a chart written wrongly is said in Chinese."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pdfplumber
import pytest
from doc_inputs import UNITS
from PIL import Image

from generators.documents import DocumentSpecError, load_spec, render_docx, render_pdf
from generators.documents.campaign import CampaignInfo, Stamp, bulletin_spec
from generators.documents.chart import draw
from generators.documents.model import Chart

MM = 72 / 25.4


@pytest.fixture(scope="module")
def bulletin():
    from doc_inputs import sample_result

    info = CampaignInfo(issuer="鄂尔多斯市市场监督管理局", deadline="2022-05-20", units=UNITS,
                        forms=["institution-roster", "work-statistics"])  # fmt: skip
    return bulletin_spec(sample_result(), info, stamp=Stamp(dt.date(2022, 5, 26)))


def charts(spec) -> list[Chart]:
    return [p for p in spec.body if isinstance(p, Chart)]


def test_the_bulletin_has_a_status_chart_and_a_bars_chart(bulletin) -> None:
    status, bars = charts(bulletin)
    assert status.chart == "status" and status.caption.startswith("图1　各单位报表报送情况")
    assert bars.chart == "bars" and bars.labels[:2] == ("产品质量", "食品")
    assert [s.name for s in bars.series] == ["检查机构数（家次）", "发现问题机构数（家）"]
    assert bars.series[0].values[0] == 60  # 6 units × 10


@pytest.mark.parametrize("which", [0, 1])
def test_charts_are_grey_only_at_300_dpi(bulletin, which: int) -> None:
    picture = draw(charts(bulletin)[which])
    image = Image.open(io.BytesIO(picture.png)).convert("RGB")
    assert image.info.get("dpi", (0,))[0] == pytest.approx(300, abs=1)
    assert image.width == round(picture.width_mm / 25.4 * 300)
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20)}
    assert all(r == g == b for r, g, b in colours)  # no colour carries meaning
    assert len(colours) > 2  # text anti-aliased, hatching, grey fills


def test_charts_are_in_the_docx_and_the_pdf(bulletin) -> None:
    package = zipfile.ZipFile(io.BytesIO(render_docx(bulletin)))
    media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert len(media) == 2 and all(n.endswith(".png") for n in media)
    document = package.read("word/document.xml").decode("utf-8")
    assert document.count("<wp:inline") == 2 and "图1　各单位报表报送情况" in document
    with pdfplumber.open(io.BytesIO(render_pdf(bulletin))) as pdf:
        images = [im for page in pdf.pages for im in page.images]
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert len(images) == 2 and "各领域检查机构数和发现问题机构数" in text
    for im in images:
        assert (im["x1"] - im["x0"]) / MM == pytest.approx(150, abs=0.5)


def test_a_chart_written_wrongly_is_said_with_its_line() -> None:
    text = """title: 通报
body:
  - chart: bars
    caption: 图1
    labels: [食品, 药品]
    series:
      - {name: 检查机构数, values: [1, 2, 3]}
"""
    with pytest.raises(DocumentSpecError) as exc:
        load_spec(text)
    assert "第3行" in str(exc.value) and "“检查机构数”有 3 个数值，但有 2 个标签" in str(exc.value)
    with pytest.raises(DocumentSpecError, match="报送情况图（status）需要 units"):
        load_spec("title: 通报\nbody:\n  - {chart: status, caption: 图1}\n")


def test_the_bulletin_with_its_charts_round_trips_through_yaml(bulletin) -> None:
    from generators.documents.spec import spec_yaml

    again = load_spec(spec_yaml(bulletin))
    assert charts(again) == charts(bulletin) and again.title == bulletin.title
