"""`doc check` on documents with one deliberate fault each (samples/documents/faulty, DOCX typed in Word and
PDF spoilt before layout): each fault found and located, nothing else called an error; and on every
document huizong makes: no error."""

from __future__ import annotations

import json

import pytest
from doc_inputs import SAMPLES

from generators.documents import load_spec, render_docx, render_pdf
from generators.documents.check import check_document

FAULTY = SAMPLES / "faulty"
EXPECTED = json.loads((FAULTY / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_fault_is_found_where_it_is(name: str) -> None:
    report = check_document((FAULTY / name).read_bytes(), name)
    truth = EXPECTED[name]
    for want in truth["findings"]:
        hits = [f for f in report.errors if f.code == want["code"] and f.element == want["element"]]
        assert hits, f"{name}: {want} not found in {report.lines()}"
        if want["page"]:
            assert hits[0].page == want["page"], report.lines()
        assert hits[0].location and hits[0].message
    allowed = {w["code"] for w in truth["findings"]} | set(truth["also"])
    assert {f.code for f in report.errors} <= allowed, report.lines()
    assert report.ok == (not truth["findings"])


def test_the_fault_messages_say_what_and_where() -> None:
    def lines(name: str) -> str:
        return "\n".join(check_document((FAULTY / name).read_bytes(), name).lines())

    assert "第1页第3段（标题）：标题字号应为二号（22磅），此处为小二（18磅）" in lines("title-18pt.docx")
    assert "正文每页21行" in lines("lines-21.docx") and "正文每页21行" in lines("lines-21.pdf")
    assert "（二级标题）：“（二）”之前缺少“（一）”" in lines("heading-skip.pdf")
    assert "中文中用了半角标点“,”（共1处）" in lines("ascii-commas.docx")
    assert "第1页（估算）第10段（版记）：版记应在最后一页且为偶数页，此处在第1页（奇数页）" in lines("imprint-odd.docx")
    assert "第1页第8段（版记）：版记应在偶数页" in lines("imprint-odd.pdf")


SPECS = sorted(p for p in SAMPLES.glob("*.yaml") if p.name != "campaign.yaml")


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_every_sample_document_huizong_makes_is_clean(path) -> None:
    spec = load_spec(path)
    for kind, data in (("docx", render_docx(spec)), ("pdf", render_pdf(spec))):
        report = check_document(data, f"{path.stem}.{kind}")
        assert report.ok and not report.warnings, report.lines()


def test_the_campaign_documents_are_clean(result, tmp_path) -> None:
    import datetime as dt

    from doc_inputs import UNITS

    from forms import FormRegistry
    from generators.documents.campaign import (
        CampaignInfo,
        Stamp,
        bulletin_spec,
        notice_spec,
        reminder_spec,
        summary_spec,
    )

    reg = FormRegistry.load()
    info = CampaignInfo(
        issuer="鄂尔多斯市市场监督管理局",
        prefix="鄂市监发",
        number=74,
        date="2022-05-05",
        deadline="2022-05-20",
        units=UNITS,
        forms=["institution-roster", "work-statistics"],
        cc=["内蒙古自治区市场监督管理局"],
    )
    stamp = Stamp(dt.date(2022, 5, 26), "鄂市监发〔2022〕80号")
    specs = {
        "notice": notice_spec(info, [reg.get("institution-roster"), reg.get("work-statistics")]),
        "reminder": reminder_spec(result, info, stamp=stamp),
        "bulletin": bulletin_spec(result, info, stamp=stamp),
        "summary": summary_spec(result, info, stamp=stamp),
    }
    for name, spec in specs.items():
        for kind, data in (("docx", render_docx(spec)), ("pdf", render_pdf(spec))):
            report = check_document(data, f"{name}.{kind}")
            assert report.ok, (name, kind, report.lines())
