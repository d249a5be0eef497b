"""What a campaign produces: the merged result, the consolidated workbook, the 催报通知 and 情况通报, and a
return's annotated copy. Built in a job, kept in the cache under a key naming the campaign's state, so a
second click is a file read and any new return makes a new file.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

from forms import HuizongError
from forms.model import FormDef
from huizong.service.campaigns import board as boards
from huizong.service.campaigns import catalogue, intake, views
from huizong.service.context import Services
from huizong.service.jobs import task
from parsers.results import FileReport, FormResult, Result


@dataclass(frozen=True)
class Kind:
    stem: str  # consolidated | reminder | bulletin
    ext: str  # json | xlsx | docx | pdf
    label: str  # the Chinese part of the download name

    @property
    def name(self) -> str:
        return f"{self.stem}.{self.ext}"


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("consolidated", "json", "汇总数据"),
        Kind("consolidated", "xlsx", "汇总表"),
        Kind("reminder", "docx", "催报通知"),
        Kind("reminder", "pdf", "催报通知"),
        Kind("bulletin", "docx", "情况通报"),
        Kind("bulletin", "pdf", "情况通报"),
    )
}


def state_key(snap: views.Snapshot) -> str:
    """Changes whenever anything an output shows changes: the campaign, its units, any parsed return."""
    c = snap.board.campaign
    state = [c.id, c.title, c.forms, str(c.deadline), [u.name for u in snap.units]]
    state.append([(r.id, r.state, str(r.parsed_at)) for r in snap.returns])
    return hashlib.sha256(json.dumps(state, ensure_ascii=False).encode()).hexdigest()[:20]


def cache_key(snap: views.Snapshot, kind: Kind) -> str:
    return f"campaign-{snap.board.campaign.id}-{kind.stem}-{state_key(snap)}.{kind.ext}"


def download_name(snap: views.Snapshot, kind: Kind) -> str:
    return f"{snap.board.campaign.title}-{kind.label}.{kind.ext}"


def consolidated(ctx: Services, snap: views.Snapshot) -> Result:
    """The `merge --json` result of the returns that count, plus every other file the campaign received."""
    from parsers.merge import merge

    ids = [r.id for r in boards.current_returns(snap.board)]
    parsed = views.parsed_of(ctx, ids)
    current = [intake.load(parsed[i]) for i in ids if i in parsed]
    units = [u.name for u in snap.units]
    registry = catalogue.registry_of(ctx, snap.board.campaign.office_id)
    result = merge(current, registry, units=units)
    for form_id in snap.board.campaign.forms:
        if form_id not in result.forms and form_id in registry:
            title = registry.get(form_id).title
            result.forms[form_id] = FormResult(title=title, units_expected=units, missing_units=units)
    result.files.extend(_other_files(snap))
    return result


def _other_files(snap: views.Snapshot) -> list[FileReport]:
    reports = []
    for row in snap.returns:
        status, _, counted = snap.status_of(row)
        if counted or status == "pending":
            continue
        unit = snap.names.units.get(row.unit_id or row.declared_unit_id or -1) or row.unit_name
        if status not in ("superseded", "failed", "unrecognized"):
            status = "unrecognized"  # readable, but not counted for this campaign: another unit or form
        reports.append(FileReport(path=row.filename, status=status, form=row.form, unit=unit, message=row.message))
    return reports


def _json(ctx: Services, snap: views.Snapshot, result: Result) -> bytes:
    from generators.result_json import result_json

    # The same text as `huizong merge --json` writes (docs/json.md), from the same writer.
    return ("".join(result_json(result)) + "\n").encode()


def _xlsx(ctx: Services, snap: views.Snapshot, result: Result) -> bytes:
    from generators.workbook import write_consolidated

    buffer = io.BytesIO()
    registry = catalogue.registry_of(ctx, snap.board.campaign.office_id)
    write_consolidated(result, registry, buffer, deadline=snap.board.campaign.deadline)
    return buffer.getvalue()


def _document(ctx: Services, snap: views.Snapshot, result: Result, kind: Kind) -> bytes:
    from huizong.service.campaigns import documents

    return documents.render(ctx, snap, result, kind.stem, kind.ext)


Renderer = Callable[[Services, views.Snapshot, Result], bytes]


def _renderer(kind: Kind) -> Renderer:
    if kind.name == "consolidated.json":
        return _json
    if kind.name == "consolidated.xlsx":
        return _xlsx
    return lambda ctx, snap, result: _document(ctx, snap, result, kind)


@task()
def build_campaign_file(ctx: Services, campaign_id: int, kind_name: str) -> dict[str, str]:
    """Build (or find) one campaign output: {"key": cache key}, or {"refused": why there is none}."""
    kind = KINDS[kind_name]
    snap = views.load(ctx, campaign_id)
    key = cache_key(snap, kind)
    if not ctx.files.has_cache(key):
        try:
            data = _renderer(kind)(ctx, snap, consolidated(ctx, snap))
        except HuizongError as exc:  # e.g. a 催报通知 when every unit has reported
            return {"refused": str(exc)}
        ctx.files.put_cache(key, data)
        ctx.files.forget_cache(f"campaign-{campaign_id}-{kind.stem}-", f".{kind.ext}", key)
    return {"key": key}


@task()
def build_annotated(ctx: Services, return_id: int) -> dict[str, str]:
    """The return's own file with its issues marked: {"key": cache key} or {"refused": why not}."""
    from generators.annotate import annotate

    _, _, row = views.return_detail(ctx, return_id)
    stamp = hashlib.sha256(str(row.parsed_at).encode()).hexdigest()[:8]
    key = f"return-{row.id}-{row.sha256[:16]}-{stamp}-v2.xlsx"  # v2: 问题清单 in words and labels
    if not ctx.files.has_cache(key):
        parsed = views.parsed_of(ctx, [row.id])
        if row.id not in parsed:
            return {"refused": "该文件尚未识别完成。"}
        try:
            data, _ = annotate(
                ctx.files.read(row.sha256), row.filename, intake.load(parsed[row.id]), registry=ctx.registry
            )
        except HuizongError as exc:
            return {"refused": str(exc)}
        ctx.files.put_cache(key, data)
    return {"key": key}


def build_template(ctx: Services, form: FormDef) -> str:
    """The blank xlsx form, made once per form definition: its cache key."""
    import tempfile
    from pathlib import Path

    from generators.templates import write_template

    digest = hashlib.sha256(form.model_dump_json().encode()).hexdigest()[:12]
    key = f"template-{form.id}-{digest}.xlsx"
    if not ctx.files.has_cache(key):
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "template.xlsx"
            write_template(form, target)
            ctx.files.put_cache(key, target.read_bytes())
    return key


def annotated_name(filename: str) -> str:
    from generators.annotate import annotated_name as name

    return name(filename)
