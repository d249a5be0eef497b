"""Server-rendered pages for clerks (and one page per unit upload link), in Chinese."""

from pathlib import Path

from fastapi import APIRouter

from huizong.service.web import board, campaigns, fixes, forms, link, returns, session, users

STATIC = Path(__file__).with_name("static")

router = APIRouter(include_in_schema=False)
for module in (session, campaigns, board, returns, fixes, link, users, forms):
    router.include_router(module.router)
