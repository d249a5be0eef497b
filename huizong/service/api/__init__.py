"""The JSON API under /api; OpenAPI at /docs."""

from fastapi import APIRouter

from huizong.service.api import campaigns, downloads, links, returns, session, users

router = APIRouter(prefix="/api")
for module in (session, users, campaigns, returns, downloads, links):
    router.include_router(module.router)
