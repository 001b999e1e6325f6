"""Who may call what (SPEC 10), checked before a workflow touches the database.

The table is the domain's (:data:`~dst_desktop.domain.permissions.NEEDED_ROLE`); the role
comes from the store, which asks the database once per connection. The database enforces
the same table by itself (privileges, row-level security), so a refusal here is the
polite answer, not the only guard: when the database refuses anyway (the login's role
changed meanwhile), the answer is the same ``PERMISSION_DENIED``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from dst_desktop.domain.errors import ErrorCode, PermissionDeniedError
from dst_desktop.domain.permissions import Access, Action, refusal_message
from dst_desktop.services.results import Failure
from dst_desktop.services.store import Store


class Permissions:
    """The login's rights on one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def access(self) -> Access:
        return self._store.access()

    def may(self, action: Action) -> bool:
        return self.access().may(action)

    def refusal_text(self, action: Action) -> str:
        """Why the login may not do ``action`` ("" when it may)."""
        access = self.access()
        return "" if access.may(action) else refusal_message(action, access)

    def refusal(self, action: Action, **details: object) -> Failure | None:
        """``PERMISSION_DENIED`` when the login may not do ``action``; None when it may."""
        text = self.refusal_text(action)
        return permission_failure(text, **details) if text else None

    def require(self, action: Action) -> None:
        """Raise :class:`PermissionDeniedError` (a plain message) unless the login may."""
        text = self.refusal_text(action)
        if text:
            raise PermissionDeniedError(text)


def permission_failure(message: str, **details: object) -> Failure:
    return Failure(ErrorCode.PERMISSION_DENIED, message, dict(details))


class _Guarded(Protocol):
    @property
    def permissions(self) -> Permissions: ...


S = TypeVar("S", bound=_Guarded)
P = ParamSpec("P")
R = TypeVar("R")


def guarded(
    action: Action,
) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R | Failure]]:
    """A workflow method that answers ``PERMISSION_DENIED`` instead of running when the
    login may not do ``action`` — and when the database itself refuses the change."""

    def decorate(
        method: Callable[Concatenate[S, P], R],
    ) -> Callable[Concatenate[S, P], R | Failure]:
        @functools.wraps(method)
        def run(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R | Failure:
            refused = self.permissions.refusal(action)
            if refused is not None:
                return refused
            try:
                return method(self, *args, **kwargs)
            except PermissionDeniedError as error:
                return permission_failure(f"{action.value} was refused by the database: {error}")

        return run

    return decorate
