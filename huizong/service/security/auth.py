"""Accounts and proofs of identity: argon2 hashes, bearer tokens, signed session cookies, CSRF, login limits."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import math
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from huizong.service.settings import Settings
from huizong.service.store import users
from huizong.service.store.db import Database
from huizong.service.store.keys import shared_key
from huizong.service.store.models import DEFAULT_OFFICE, Office, User, utcnow

_hasher = PasswordHasher()
# Verified against when the user does not exist, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
CLIENT_FAILURE_FACTOR = 4  # one office behind one address may hold several clerks
FIRST_DELAY = 0.5  # seconds, doubled with every further failure on an account under attack


class LoginRefused(Exception):
    def __init__(self, message: str, status: int, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message, self.status, self.retry_after = message, status, retry_after


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Signer:
    """HMAC-SHA256 over a value, for cookies: a tampered cookie is rejected before the database is asked."""

    def __init__(self, key: str) -> None:
        self._key = key.encode()

    def sign(self, value: str) -> str:
        return f"{value}.{self._mac(value)}"

    def unsign(self, signed: str | None) -> str | None:
        if not signed or "." not in signed:
            return None
        value, _, mac = signed.rpartition(".")
        return value if hmac.compare_digest(mac, self._mac(value)) else None

    def _mac(self, value: str) -> str:
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()


def signing_key(settings: Settings, db: Database) -> str:
    """The key that signs cookies: given, or one shared by every instance through the database."""
    given = settings.given_secret()
    if given:
        return given
    return shared_key(db, "cookie-signing", lambda: settings.legacy_secret() or secrets.token_urlsafe(48))


def check_csrf(signer: Signer, cookie: str | None, submitted: str | None) -> bool:
    """Double submit: the form field must equal the signed cookie the page was served with."""
    if not cookie or not submitted or signer.unsign(cookie) is None:
        return False
    return hmac.compare_digest(cookie, submitted)


def new_csrf(signer: Signer) -> str:
    return signer.sign(secrets.token_urlsafe(18))


def login(db: Database, settings: Settings, username: str, password: str, client: str) -> User:
    """The user, or LoginRefused (401 wrong name/password, 429 too many recent failures from this address).

    Failures count per address and account together, and per address over all accounts: an address that
    guessed wrong is stopped, while the clerk, from her own address, still gets in with her password.
    An account attacked from many addresses slows down instead (`account_delay`): no one is locked out.
    """
    now = utcnow()
    since = now - timedelta(minutes=settings.login_window_minutes)
    with db.session() as s:
        by_pair, by_client = users.failures_since(s, username, client, since)
        pair_blocked = by_pair >= settings.login_max_failures
        if pair_blocked or by_client >= settings.login_max_failures * CLIENT_FAILURE_FACTOR:
            oldest = users.oldest_failure_since(s, username, client, since, by_client_only=not pair_blocked) or now
            wait = max(1, math.ceil((oldest - since).total_seconds()))
            minutes = math.ceil(wait / 60)
            raise LoginRefused(f"登录失败次数过多，请 {minutes} 分钟后再试。", 429, wait)
        user = users.user_by_name(s, username)
        ok = verify_password(user.password_hash if user else _DUMMY_HASH, password) and user is not None
        users.record_attempt(s, username, client, ok)
    if not ok or user is None:
        raise LoginRefused("用户名或密码不正确。", 401)
    return user


def account_delay(db: Database, settings: Settings, username: str) -> float:
    """Seconds an attempt on `username` waits first: none until the account has had its share of failures
    (from any address), then doubling up to `login_max_delay` — a brute force crawls, the clerk waits a moment."""
    since = utcnow() - timedelta(minutes=settings.login_window_minutes)
    with db.session() as s:
        failures = users.account_failures_since(s, username, since)
    over = failures - settings.login_max_failures
    if over < 0:
        return 0.0
    return min(settings.login_max_delay, FIRST_DELAY * 2 ** min(over, 30))


async def pause_before_login(db: Database, settings: Settings, username: str) -> None:
    """The account's delay, awaited without holding a thread: many waiting attempts cost nothing."""
    delay = await asyncio.to_thread(account_delay, db, settings, username[:64])
    if delay:
        await asyncio.sleep(delay)


def issue_token(db: Database, settings: Settings, user: User, kind: str) -> str:
    """A new random secret for `user`; only its SHA-256 is stored."""
    token = secrets.token_urlsafe(32)
    hours = settings.token_ttl_hours if kind == "api" else settings.session_ttl_hours
    with db.session() as s:
        users.purge_expired(s, utcnow())
        users.add_token(s, user.id, kind, digest(token), utcnow() + timedelta(hours=hours))
    return token


def resolve_token(db: Database, token: str | None, kind: str, now: datetime | None = None) -> User | None:
    if not token:
        return None
    with db.session() as s:
        return users.user_for_token(s, digest(token), kind, now or utcnow())


def revoke_token(db: Database, token: str) -> None:
    with db.session() as s:
        users.delete_token(s, digest(token))


def add_user(
    db: Database, username: str, password: str, *, role: str | None = None, office: str | None = None
) -> tuple[User, bool]:
    """Create the account, or set a new password (and the role or office, when given) if it exists.

    True when created. A new account joins `office` (the default office when not given, created when new);
    without a role it is its office's admin if the office has none yet (the first account), else a clerk.
    """
    with db.session() as s:
        existing = users.user_by_name(s, username)
        place = users.office_named(s, office or DEFAULT_OFFICE, create=True) if office or not existing else None
        if existing is not None:
            users.set_password(s, existing, hash_password(password))
            existing.role = role or existing.role
            existing.office_id = place.id if place is not None else existing.office_id
            return existing, False
        assert place is not None
        role = role or ("clerk" if users.has_admin(s, place.id) else "admin")
        return users.create_user(s, username, hash_password(password), office_id=place.id, role=role), True


def office_name(db: Database, office_id: int) -> str:
    with db.session() as s:
        office = s.get(Office, office_id)
        return office.name if office else ""
