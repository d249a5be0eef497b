"""Rebuild the generated samples of samples/documents and check every spec here still renders.

Run: .venv/bin/python -m samples.documents.build
- notice.docx / notice.pdf: `huizong doc notice --campaign campaign.yaml` (the sample campaign's 通知)
- every other *.yaml is a document spec (huizong doc render); each is rendered to DOCX and PDF in a
  temporary folder, so a spec that no longer renders fails the build.
- drafts/抽查通知草稿.docx: a draft typed in Word's defaults, for 一键排版 (typed.py).
- faulty/: a notice typed in Word (clean, and spoilt one way at a time) and its PDF spoilt alike, with
  expected.json: what `huizong doc check` must find in each (faulty.py).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml

from forms import FormRegistry
from generators.documents import load_spec, render_docx, render_pdf
from generators.documents.campaign import CampaignInfo, notice_spec

HERE = Path(__file__).resolve().parent


def campaign() -> tuple[CampaignInfo, list[str]]:
    data = yaml.safe_load((HERE / "campaign.yaml").read_text(encoding="utf-8"))
    forms = data.pop("forms")
    units = HERE / data["units"]
    data["units"] = [u.strip() for u in units.read_text(encoding="utf-8").splitlines() if u.strip()]
    return CampaignInfo.model_validate(data), forms


def build_faulty() -> None:
    from samples.documents.faulty import ALSO, EXPECTED, FAULTS, faulty_docx, faulty_pdf
    from samples.documents.typed import standard_docx

    folder = HERE / "faulty"
    folder.mkdir(exist_ok=True)
    (folder / "typed-clean.docx").write_bytes(standard_docx())
    truth: dict[str, dict] = {"typed-clean.docx": {"findings": [], "also": []}}
    for fault in FAULTS:
        for kind, make in (("docx", faulty_docx), ("pdf", faulty_pdf)):
            name = f"{fault}.{kind}"
            (folder / name).write_bytes(make(fault))
            truth[name] = {"findings": [EXPECTED[fault]], "also": sorted(ALSO.get(fault, ()))}
    text = json.dumps(truth, ensure_ascii=False, indent=2)
    (folder / "expected.json").write_text(text + "\n", encoding="utf-8")
    print(f"已生成：faulty/ 中 {len(truth)} 个文件及 expected.json")


def build_drafts() -> None:
    """The Word draft of drafts/ (the plain-text and Markdown ones are written by hand)."""
    from samples.documents.typed import messy_docx

    (HERE / "drafts" / "抽查通知草稿.docx").write_bytes(messy_docx())
    print("已生成：drafts/抽查通知草稿.docx")


def main() -> None:
    info, form_ids = campaign()
    registry = FormRegistry.load()
    notice = notice_spec(info, [registry.get(i) for i in form_ids])
    (HERE / "notice.docx").write_bytes(render_docx(notice))
    (HERE / "notice.pdf").write_bytes(render_pdf(notice))
    print("已生成：notice.docx、notice.pdf")
    with tempfile.TemporaryDirectory() as folder:
        for path in sorted(HERE.glob("*.yaml")):
            if path.name == "campaign.yaml":
                continue
            spec = load_spec(path)
            (Path(folder) / f"{path.stem}.docx").write_bytes(render_docx(spec))
            (Path(folder) / f"{path.stem}.pdf").write_bytes(render_pdf(spec))
            print(f"可生成：{path.name}")
    build_faulty()
    build_drafts()


if __name__ == "__main__":
    main()
