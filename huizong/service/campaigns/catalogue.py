"""The forms a campaign may ask for: the built-in ones (and the server's --forms folders), plus the forms its
office defined from a blank annex (issue 10), which no other office sees.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from forms import FormRegistry
from forms.check import check_text
from forms.model import FormDef
from huizong.service.context import Services
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


def check_forms(ctx: Services, s: Session, office_id: int, wanted: list[str]) -> None:
    """422 naming the forms that neither the server nor the office knows."""
    registry = registry_for(ctx, s, office_id)
    unknown = [f for f in wanted if f not in registry]
    if unknown:
        known = "、".join(f.id for f in registry)
        raise HTTPException(422, f"未知的报表：{'、'.join(unknown)}（可选：{known}）。")
