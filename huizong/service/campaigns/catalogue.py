"""The forms a campaign may ask for: the built-in ones (and the server's --forms folders), plus the forms its
office defined from a blank annex (issue 10), which no other office sees.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from forms import FormRegistry, HuizongError
from forms.check import check_text
from forms.model import FormDef
from huizong.service.api.schemas import FieldInfo, FormInfo, FormNote, InferredOut, SectionInfo
from huizong.service.context import Services
from huizong.service.security import audit
from huizong.service.store.models import OfficeForm


def office_forms(s: Session, office_id: int) -> list[OfficeForm]:
    query = select(OfficeForm).where(OfficeForm.office_id == office_id).order_by(OfficeForm.id)
    return list(s.scalars(query))


@lru_cache(maxsize=256)
def _form(row_id: int, text: str) -> FormDef | None:
    # Keyed on the row and its text: a form file is checked once per process, not once per upload.
    return check_text(text, f"form-{row_id}.yaml").form


def registry_for(ctx: Services, s: Session, office_id: int) -> FormRegistry:
    """The registry an office's campaigns are read with."""
    own = [f for row in office_forms(s, office_id) if (f := _form(row.id, row.yaml)) is not None]
    if not own:
        return ctx.registry
    return FormRegistry([*ctx.registry, *own], ctx.registry.warnings)


def registry_of(ctx: Services, office_id: int) -> FormRegistry:
    with ctx.db.session() as s:
        return registry_for(ctx, s, office_id)


def check_forms(ctx: Services, s: Session, office_id: int, wanted: list[str]) -> None:
    """422 naming the forms that neither the server nor the office knows."""
    registry = registry_for(ctx, s, office_id)
    unknown = [f for f in wanted if f not in registry]
    if unknown:
        known = "、".join(f.id for f in registry)
        raise HTTPException(422, f"未知的报表：{'、'.join(unknown)}（可选：{known}）。")


def info(form: FormDef, own: bool) -> FormInfo:
    return FormInfo(
        id=form.id,
        title=form.title,
        layout=form.layout,
        own=own,
        fields=[FieldInfo(id=f.id, label=f.label, type=f.type, required=f.required) for f in form.fields],
        sections=[SectionInfo(key=x.key, heading=x.heading) for x in form.sections],
    )


def list_forms(ctx: Services, office_id: int) -> list[FormInfo]:
    with ctx.db.session() as s:
        rows = office_forms(s, office_id)
    own = [f for row in rows if (f := _form(row.id, row.yaml)) is not None]
    return [*(info(f, False) for f in ctx.registry), *(info(f, True) for f in own)]


def infer(ctx: Services, office_id: int, data: bytes, name: str) -> InferredOut:
    """The form a blank annex (or a filled return) describes, for the clerk to check before saving it."""
    from parsers.infer import infer_bytes

    with ctx.db.session() as s:
        known = list(registry_for(ctx, s, office_id))
    try:
        found = infer_bytes(data, name, known=known)
    except HuizongError as exc:
        raise HTTPException(422, str(exc)) from None
    notes = [FormNote(path=path, note=note) for path, note in found.notes]
    return InferredOut(form=info(found.form, True), yaml=found.yaml, notes=notes)


def save(ctx: Services, user_id: int, office_id: int, text: str, actor: audit.Actor) -> FormInfo:
    """Keep the office's form (checked as `huizong forms check` would); 422 listing every error with its line."""
    checked = check_text(text, "报表定义")
    if checked.form is None:
        raise HTTPException(422, "报表定义有误：" + "；".join(str(f) for f in checked.errors))
    form = checked.form
    if form.id in ctx.registry:
        raise HTTPException(409, f"报表 id“{form.id}”与系统内置的报表相同，请换一个 id。")
    with ctx.db.session() as s:
        if any(row.form_id == form.id for row in office_forms(s, office_id)):
            raise HTTPException(409, f"本单位已有 id 为“{form.id}”的报表，请换一个 id。")
        s.add(OfficeForm(office_id=office_id, form_id=form.id, title=form.title, yaml=text, created_by=user_id))
        audit.record(s, actor, "form-add", detail=f"{form.title}（{form.id}，{len(form.fields)} 栏）")
    return info(form, True)
