"""Repository functions for accounts, tokens and login attempts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from huizong.service.store.models import AuthToken, LoginAttempt, Office, User


def office_named(s: Session, name: str, *, create: bool = False) -> Office | None:
    office = s.scalar(select(Office).where(Office.name == name))
    if office is None and create:
        office = Office(name=name)
        s.add(office)
        s.flush()
    return office


def create_user(s: Session, username: str, password_hash: str, *, office_id: int, role: str) -> User:
    user = User(username=username, password_hash=password_hash, office_id=office_id, role=role)
    s.add(user)
    s.flush()
    return user


def users_of(s: Session, office_id: int) -> list[User]:
    return list(s.scalars(select(User).where(User.office_id == office_id).order_by(User.username)))


def admin_count(s: Session, office_id: int) -> int:
    query = select(func.count()).select_from(User).where(User.office_id == office_id, User.role == "admin")
    return s.scalar(query) or 0


def has_admin(s: Session, office_id: int) -> bool:
    return admin_count(s, office_id) > 0


def user_by_name(s: Session, username: str) -> User | None:
    return s.scalar(select(User).where(User.username == username))


def set_password(s: Session, user: User, password_hash: str) -> None:
    user.password_hash = password_hash
    # A new password ends every session and token issued under the old one.
    s.execute(delete(AuthToken).where(AuthToken.user_id == user.id))


def add_token(s: Session, user_id: int, kind: str, token_hash: str, expires_at: datetime) -> None:
    s.add(AuthToken(user_id=user_id, kind=kind, token_hash=token_hash, expires_at=expires_at))


def user_for_token(s: Session, token_hash: str, kind: str, now: datetime) -> User | None:
    query = (
        select(User)
        .join(AuthToken, AuthToken.user_id == User.id)
        .where(AuthToken.token_hash == token_hash, AuthToken.kind == kind, AuthToken.expires_at > now)
    )
    return s.scalar(query)


def delete_token(s: Session, token_hash: str) -> None:
    s.execute(delete(AuthToken).where(AuthToken.token_hash == token_hash))


def purge_expired(s: Session, now: datetime) -> None:
    s.execute(delete(AuthToken).where(AuthToken.expires_at <= now))


def record_attempt(s: Session, username: str, client: str, success: bool) -> None:
    s.add(LoginAttempt(username=username[:64], client=client[:64], success=success))


def failures_since(s: Session, username: str, client: str, since: datetime) -> tuple[int, int]:
    """Failed logins since `since`: (for this user name from this client, from this client over all names)."""
    base = (
        select(func.count()).select_from(LoginAttempt).where(LoginAttempt.at >= since, LoginAttempt.success.is_(False))
    )
    by_client = base.where(LoginAttempt.client == client[:64])
    by_pair = s.scalar(by_client.where(LoginAttempt.username == username[:64])) or 0
    return by_pair, s.scalar(by_client) or 0


def account_failures_since(s: Session, username: str, since: datetime) -> int:
    """Failed logins on this user name since `since`, from anywhere."""
    query = (
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.at >= since, LoginAttempt.success.is_(False), LoginAttempt.username == username[:64])
    )
    return s.scalar(query) or 0


def oldest_failure_since(
    s: Session, username: str, client: str, since: datetime, *, by_client_only: bool = False
) -> datetime | None:
    """The first failure of the window that holds this address back (this name from it, or all from it)."""
    query = select(func.min(LoginAttempt.at)).where(
        LoginAttempt.at >= since, LoginAttempt.success.is_(False), LoginAttempt.client == client[:64]
    )
    if not by_client_only:
        query = query.where(LoginAttempt.username == username[:64])
    return s.scalar(query)
