"""A reading unit of work sees one moment of the database, whatever other workstations
commit meanwhile (both backends), and on PostgreSQL it cannot write (SPEC 8: a read is
one read-only snapshot)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dst_desktop.domain.errors import StorageError
from dst_desktop.domain.model import AuditEntry
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import booking_request, query_rows
from tests.postgres_server import PostgresServer


def test_a_read_sees_one_moment_while_a_colleague_commits(
    workflows: Workflows, database_url: str
) -> None:
    created = workflows.booking.create_session_booking(booking_request())
    assert isinstance(created, BookingCreated)
    colleague = PeeweeStore.open(database_url)
    store = workflows.store
    assert isinstance(store, PeeweeStore)
    try:
        with store.reading() as tx:
            before = tx.session(created.session.id)
            with colleague.writing() as other:
                other.update_session(dataclasses.replace(created.session, notes="moved"))
            during = tx.session(created.session.id)
        with store.reading() as tx:
            after = tx.session(created.session.id)
    finally:
        colleague.close()

    assert before is not None and during is not None and after is not None
    assert during.notes == before.notes  # the same moment, inside one read
    assert after.notes == "moved"  # the next read sees the colleague's commit


def test_a_read_on_the_server_writes_nothing(postgres_server: PostgresServer) -> None:
    """On PostgreSQL a read is a read-only transaction: the server itself refuses a write."""
    url = postgres_server.url(postgres_server.new_database("reading"))
    store = PeeweeStore.open(url)
    entry = AuditEntry(dt.datetime(2025, 2, 20, 9), "tester", "note", None, {})
    count = "SELECT COUNT(*) FROM audit_entry"
    before = query_rows(url, count)
    try:
        with pytest.raises(StorageError, match="is read-only"), store.reading() as tx:
            tx.add_audit(entry)
    finally:
        store.close()

    assert query_rows(url, count) == before
