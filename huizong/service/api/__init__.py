"""The JSON API under /api; OpenAPI at /docs."""

from fastapi import APIRouter

from huizong.service.api import campaigns, downloads, forms, links, returns, session, users

router = APIRouter(prefix="/api")
for module in (session, users, forms, campaigns, returns, downloads, links):
    router.include_router(module.router)
