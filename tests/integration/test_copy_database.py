"""``dst-desktop copy-database``: a workstation's file onto the team's server and back,
unchanged; all or nothing; never over existing data."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dst_desktop.cli import main
from dst_desktop.domain.errors import StorageError
from dst_desktop.persistence.copy import copy_database
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.results import BookingCreated
from dst_desktop.services.workflows import Workflows
from tests.conftest import TODAY, booking_request, database_dump, sample_reference
from tests.postgres_server import PostgresServer


def other_kind(database_url: str, tmp_path: Path, server: PostgresServer, name: str) -> str:
    """An empty database of the other backend."""
    if database_url.startswith("sqlite"):
        return server.url(server.new_database(name))
    return f"sqlite:///{tmp_path / (name + '.db')}"


def fill(workflows: Workflows) -> None:
    """Bookings in several statuses, with notes to search, leave days and an audit trail."""
    booking, mission = workflows.booking, workflows.mission
    ids = []
    for region, notes in (("occitanie", "Accès par l'ÉCOLE"), ("bretagne", ""), ("occitanie", "")):
        created = booking.create_session_booking(booking_request(regionId=region, notes=notes))
        assert isinstance(created, BookingCreated)
        ids.append(created.session.id)
    assert booking.confirm_session_booking(ids[0]).success
    assert mission.start_mission(ids[0]).success
    assert booking.confirm_session_booking(ids[1]).success
    assert mission.cancel_mission(ids[1], "weather").success
    assert booking.cancel_pending_booking(ids[2]).success
    assert booking.create_session_booking(booking_request(date="2025-03-11")).success


@pytest.fixture
def filled(workflows: Workflows) -> Workflows:
    fill(workflows)
    return workflows


def test_a_round_trip_through_the_other_backend_changes_nothing(
    filled: Workflows, database_url: str, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    middle = other_kind(database_url, tmp_path, postgres_server, "middle")
    back = (
        f"sqlite:///{tmp_path / 'back.db'}"
        if database_url.startswith("sqlite")
        else postgres_server.url(postgres_server.new_database("back"))
    )

    there = copy_database(database_url, middle)
    again = copy_database(middle, back)

    assert there.rows == again.rows
    assert dict(there.rows)["session"] == 3 and dict(there.rows)["audit_entry"] > 8
    source, returned = database_dump(database_url), database_dump(back)
    assert returned == source


def test_the_copy_works_on_as_the_original(
    filled: Workflows, database_url: str, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    """New audit rows continue after the copied ones; searches and availability agree."""
    target = other_kind(database_url, tmp_path, postgres_server, "copy")
    copy_database(database_url, target)
    store = PeeweeStore.open(target)
    try:
        copied = Workflows.create(store, BusinessDateClock(TODAY), "after-copy")
        created = copied.booking.create_session_booking(booking_request(date="2025-03-12"))
        assert isinstance(created, BookingCreated), created
        assert copied.booking.confirm_session_booking(created.session.id).success
        from dst_desktop.domain.model import SessionFilter

        found = copied.queries.sessions(SessionFilter(text="ecole"))
        assert [s.notes for s in found] == ["Accès par l'ÉCOLE"]
        assert copied.booking.get_suggested_dates("bretagne", 3) == (
            filled.booking.get_suggested_dates("bretagne", 3)
        )
    finally:
        store.close()


def test_a_target_holding_data_is_refused_and_left_alone(
    filled: Workflows, database_url: str, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    target = other_kind(database_url, tmp_path, postgres_server, "busy")
    store = PeeweeStore.open(target)
    Workflows.create(store, BusinessDateClock(TODAY), "t").reference.import_reference(
        {"regions": [{"id": "corse", "name": "Corse"}]}
    )
    store.close()
    before = database_dump(target)

    with pytest.raises(StorageError, match="already holds DST Desktop data"):
        copy_database(database_url, target)
    assert database_dump(target) == before


def test_copying_a_database_onto_itself_is_refused(filled: Workflows, database_url: str) -> None:
    with pytest.raises(StorageError, match="is the source itself"):
        copy_database(database_url, database_url)


def test_an_interrupted_copy_leaves_no_data_behind(
    filled: Workflows, database_url: str, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    target = other_kind(database_url, tmp_path, postgres_server, "interrupted")

    def interrupt(table: str, rows: int) -> None:
        if table == "audit_entry":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        copy_database(database_url, target, interrupt)

    if target.startswith("sqlite"):
        assert not Path(target.removeprefix("sqlite:///")).exists()
    else:
        left = database_dump(target)
        left.pop("schema_version")
        assert left and all(rows == [] for rows in left.values()), left
        copy_database(database_url, target)  # an empty schema is still an empty target


def test_the_command_prints_what_it_copied(
    filled: Workflows, database_url: str, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    target = other_kind(database_url, tmp_path, postgres_server, "cmd")
    out, err = io.StringIO(), io.StringIO()

    assert main(["--database", database_url, "copy-database", target], out, err) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Copied ") and lines[0].endswith(" rows, counts checked.")
    assert "  session: 3" in lines

    out, err = io.StringIO(), io.StringIO()
    assert main(["--database", database_url, "copy-database", target], out, err) == 1
    assert "already holds DST Desktop data" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_bad_target_url_is_a_plain_error(filled: Workflows, database_url: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--database", database_url, "copy-database", "postgresql://anne:pw@127.0.0.1:1/x"],
        out,
        err,
    )
    assert code == 1
    assert err.getvalue() == (
        "dst-desktop: error: Cannot use the database x on the server 127.0.0.1:1: "
        "nothing answers on port 1 (is PostgreSQL running there?).\n"
    )


def test_a_value_the_server_refuses_is_named_with_its_table_and_nothing_is_copied(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    """A database file edited by hand (or by an old version) may hold an id longer than
    the server's columns allow: the copy says which table, and leaves no data behind."""
    import sqlite3

    source = f"sqlite:///{tmp_path / 'edited.db'}"
    store = PeeweeStore.open(source)
    try:
        workflows = Workflows.create(store, BusinessDateClock(TODAY), "tester")
        assert workflows.reference.import_reference(sample_reference()).success
        fill(workflows)
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "edited.db") as raw:
        raw.execute("UPDATE client SET id = ? WHERE id = 'client_acme'", ("c" * 80,))
    target = postgres_server.url(postgres_server.new_database("refused"))
    out, err = io.StringIO(), io.StringIO()

    assert main(["--database", source, "copy-database", target], out, err) == 1

    assert "value too long" in err.getvalue()
    assert "(in the table client of " in err.getvalue()
    assert err.getvalue().rstrip().endswith("nothing was copied")
    assert "Traceback" not in err.getvalue()
    left = database_dump(target)
    left.pop("schema_version")
    assert all(rows == [] for rows in left.values()), left


def test_a_source_file_that_does_not_exist_is_refused_and_not_created(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    """A new workstation's default file: the team's database is not left looking filled."""
    missing = tmp_path / "bookings.db"
    target = postgres_server.url(postgres_server.new_database("never_filled"))
    out, err = io.StringIO(), io.StringIO()

    code = main(["--database", f"sqlite:///{missing}", "copy-database", target], out, err)

    assert (code, out.getvalue()) == (1, "")
    assert err.getvalue().startswith(
        f"dst-desktop: error: the source {missing} does not exist, so there is nothing to "
        "copy; nothing was written. To fill a new database, copy the demo"
    )
    assert not missing.exists()
    assert database_dump(target) == {}  # not even a schema was written


def test_a_source_without_a_single_row_is_refused(
    empty_store: PeeweeStore, database_url: str, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    target = other_kind(database_url, tmp_path, postgres_server, "from_empty")

    with pytest.raises(StorageError, match=r"holds no data; nothing was written\. To fill"):
        copy_database(database_url, target)
