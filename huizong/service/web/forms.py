"""Page: 报表定义 — the forms an office may use, and a new one made from the blank annex of a 通知: the clerk
uploads the annex, checks the inferred form (its YAML, commented where guessed), then saves it for the office."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import Response

from huizong.service.campaigns import catalogue, uploads
from huizong.service.http.deps import Csrf, PageChanger, PageUser, read_form, services
from huizong.service.web.render import page

router = APIRouter()


def _forms_page(request: Request, user: object, extra: dict | None = None, status: int = 200) -> Response:
    listed = catalogue.list_forms(services(request), user.office_id)  # type: ignore[attr-defined]
    context = {"user": user, "forms": listed, "inferred": None, "yaml": "", "error": None, "message": None}
    return page(request, "forms.html", {**context, **(extra or {})}, status)


@router.get("/forms")
def forms_page(request: Request, user: PageUser) -> Response:
    return _forms_page(request, user)


@router.post("/forms/infer", dependencies=[Csrf])
async def infer_form(request: Request, user: PageChanger) -> Response:
    form = await read_form(request)
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _forms_page(request, user, {"error": "请选择通知所附的空白报表文件。"}, 422)
    ctx = services(request)
    try:
        incoming = await uploads.read_upload(upload, ctx)
        inferred = await run_in_threadpool(catalogue.infer, ctx, user.office_id, incoming.data, incoming.name)
    except HTTPException as exc:
        return _forms_page(request, user, {"error": str(exc.detail)}, 422)
    return _forms_page(request, user, {"inferred": inferred, "yaml": inferred.yaml})


@router.post("/forms", dependencies=[Csrf])
async def save_form(request: Request, user: PageChanger) -> Response:
    text = str((await read_form(request)).get("yaml") or "")
    ctx = services(request)
    try:
        saved = await run_in_threadpool(catalogue.save, ctx, user.id, user.office_id, text, request.state.actor)
    except HTTPException as exc:
        return _forms_page(request, user, {"error": str(exc.detail), "yaml": text}, 422)
    message = f"已保存报表“{saved.title}”（{len(saved.fields)} 栏），新建或修改任务时可以选用。"
    return _forms_page(request, user, {"message": message})
