"""Storage on both backends: migrations match the models; accounts, tokens and the login limit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from service_live import BACKENDS, PASSWORD, backend_settings

from huizong.service.security import auth
from huizong.service.store.db import Database, migrate
from huizong.service.store.models import Base, utcnow


@pytest.fixture(params=BACKENDS)
def settings(request, tmp_path) -> Iterator:
    with ExitStack() as stack:
        yield backend_settings(request.param, tmp_path, stack)


@pytest.fixture
def db(settings) -> Iterator[Database]:
    database = Database(settings.resolved_database_url())
    migrate(database.engine)
    yield database
    database.close()


def test_migrations_build_exactly_the_models(db):
    migrate(db.engine)  # a second start changes nothing
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_passwords_are_hashed_and_checked(db, settings):
    user, created = auth.add_user(db, "王明", PASSWORD)
    assert created and user.password_hash.startswith("$argon2") and PASSWORD not in user.password_hash
    assert auth.login(db, settings, "王明", PASSWORD, "10.0.0.1").id == user.id
    with pytest.raises(auth.LoginRefused) as refused:
        auth.login(db, settings, "王明", "wrong", "10.0.0.1")
    assert (refused.value.status, refused.value.message) == (401, "用户名或密码不正确。")
    with pytest.raises(auth.LoginRefused):
        auth.login(db, settings, "nobody", PASSWORD, "10.0.0.1")


def test_login_is_limited_per_address_not_against_the_clerk(db, settings):
    auth.add_user(db, "clerk", PASSWORD)
    for _ in range(settings.login_max_failures):
        with pytest.raises(auth.LoginRefused):
            auth.login(db, settings, "clerk", "wrong", "10.0.0.2")
    with pytest.raises(auth.LoginRefused) as refused:
        auth.login(db, settings, "clerk", PASSWORD, "10.0.0.2")  # the guessing address is stopped
    assert refused.value.status == 429 and refused.value.message.startswith("登录失败次数过多")
    assert 0 < refused.value.retry_after <= settings.login_window_minutes * 60
    # The clerk, from her own address, still gets in with her password (after the account's short delay).
    assert auth.account_delay(db, settings, "clerk") > 0
    assert auth.login(db, settings, "clerk", PASSWORD, "10.0.0.3").username == "clerk"
    auth.add_user(db, "other", PASSWORD)
    assert auth.account_delay(db, settings, "other") == 0
    assert auth.login(db, settings, "other", PASSWORD, "10.0.0.3").username == "other"


def test_tokens_resolve_until_they_expire_or_are_revoked(db, settings):
    user, _ = auth.add_user(db, "clerk", PASSWORD)
    token = auth.issue_token(db, settings, user, "api")
    assert auth.resolve_token(db, token, "api").id == user.id
    assert auth.resolve_token(db, token, "session") is None
    later = utcnow() + timedelta(hours=settings.token_ttl_hours + 1)
    assert auth.resolve_token(db, token, "api", now=later) is None
    auth.revoke_token(db, token)
    assert auth.resolve_token(db, token, "api") is None


def test_a_new_password_ends_old_tokens(db, settings):
    user, _ = auth.add_user(db, "clerk", PASSWORD)
    token = auth.issue_token(db, settings, user, "session")
    _, created = auth.add_user(db, "clerk", "another password")
    assert not created
    assert auth.resolve_token(db, token, "session") is None


def test_signed_values_reject_tampering():
    signer = auth.Signer("k" * 40)
    signed = signer.sign("abc")
    assert signer.unsign(signed) == "abc"
    assert signer.unsign(signed[:-1] + ("0" if signed[-1] != "0" else "1")) is None
    assert signer.unsign("abc") is None and auth.Signer("other").unsign(signed) is None
    token = auth.new_csrf(signer)
    assert auth.check_csrf(signer, token, token)
    assert not auth.check_csrf(signer, token, auth.new_csrf(signer))
    assert not auth.check_csrf(signer, None, token) and not auth.check_csrf(signer, "x.y", "x.y")
