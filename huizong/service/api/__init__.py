"""The JSON API under /api; OpenAPI at /docs."""

from fastapi import APIRouter

from huizong.service.api import campaigns, downloads, returns, session

router = APIRouter(prefix="/api")
for module in (session, campaigns, returns, downloads):
    router.include_router(module.router)
