"""Offline event mode in the window: office and laptop on two database files, fake views."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dst_desktop.domain.errors import StorageError
from dst_desktop.persistence.store import PeeweeStore
from dst_desktop.presenters.booking_details import BookingDetailsPresenter, DetailAction
from dst_desktop.presenters.dialogs import FirstStartChoice, NewClient, SnapshotOptions
from dst_desktop.presenters.event_mode import ExchangeCommand, file_slug, with_json_suffix
from dst_desktop.presenters.event_report import ReportSectionKind
from dst_desktop.presenters.messages import Tone
from dst_desktop.services.clock import BusinessDateClock
from dst_desktop.services.workflows import Workflows
from tests.bundles import signed_bookings
from tests.conftest import TODAY, database_dump, sample_reference
from tests.unit.presenters.conftest import create, create_confirmed
from tests.unit.presenters.fakes import FakeDetailsView, FakeDialogs
from tests.unit.presenters.test_main_presenter import Window

EVENT_DAY = dt.date(2025, 3, 21)


def open_database(path: Path, device: str, day: dt.date = TODAY) -> Workflows:
    store = PeeweeStore.open(f"sqlite:///{path}")
    return Workflows.create(store, BusinessDateClock(day), f"{device}-user", device)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workflows]:
    workflows = open_database(tmp_path / "office.db", "office-pc")
    assert workflows.reference.import_reference(sample_reference()).success
    yield workflows
    workflows.store.close()


@pytest.fixture
def laptop_database(tmp_path: Path) -> Iterator[Workflows]:
    workflows = open_database(tmp_path / "laptop.db", "Laptop 7")
    yield workflows
    workflows.store.close()


def export_snapshot(office: Workflows, tmp_path: Path, dialogs: FakeDialogs | None = None) -> Path:
    """File ▸ Export snapshot… in an office window; the snapshot's path."""
    dialogs = dialogs or FakeDialogs()
    dialogs.save_file = str(tmp_path / "salon")
    window = Window(office, dialogs)
    window.presenter.start()
    window.presenter.event_mode.export_snapshot()
    return tmp_path / "salon.json"


@pytest.fixture
def snapshot(office: Workflows, tmp_path: Path) -> Path:
    return export_snapshot(office, tmp_path)


@pytest.fixture
def laptop(laptop_database: Workflows, snapshot: Path) -> Window:
    """A laptop window that imported the office's snapshot."""
    dialogs = FakeDialogs(open_file=str(snapshot))
    window = Window(laptop_database, dialogs)
    window.presenter.start()
    window.presenter.event_mode.import_snapshot()
    return window


def take_booking(window: Window, client_id: str = "client_123", day: dt.date = EVENT_DAY) -> str:
    p = window.presenter
    p.calendar.region_chosen("bretagne")
    p.calendar.go_to(day)
    p.modules.set_checked("module_tir", True)
    p.form.client_chosen(client_id)
    p.form.create()
    assert window.queue.selected is not None, window.form.panel
    return window.queue.selected


def export_bookings(laptop: Window, path: Path) -> None:
    assert isinstance(laptop.presenter.event_mode, object)
    dialogs = laptop.dialogs
    dialogs.save_file = str(path)
    laptop.presenter.event_mode.export_bookings()


# -- the office ----------------------------------------------------------------------------


def test_an_office_database_has_no_banner_and_says_why_it_exports_no_event_bookings(
    office: Workflows,
) -> None:
    window = Window(office, FakeDialogs())
    window.presenter.start()
    assert window.main.banner is None
    unavailable = window.main.unavailable
    assert unavailable[ExchangeCommand.EXPORT_SNAPSHOT] == ""
    assert unavailable[ExchangeCommand.IMPORT_BOOKINGS] == ""
    assert unavailable[ExchangeCommand.IMPORT_SNAPSHOT] == ""  # no booking yet
    assert "exported from the event laptop" in unavailable[ExchangeCommand.EXPORT_BOOKINGS]
    assert window.queue.confirm_unavailable == ""


def test_an_office_database_with_bookings_refuses_a_snapshot_before_trying(
    office: Workflows,
) -> None:
    dialogs = FakeDialogs(open_file="unused.json")
    window = Window(office, dialogs)
    window.presenter.start()
    window.presenter.calendar.region_chosen("occitanie")
    window.presenter.calendar.go_to(dt.date(2025, 3, 10))
    window.presenter.modules.set_checked("module_tir", True)
    window.presenter.form.client_chosen("client_123")
    window.presenter.form.create()
    reason = window.main.unavailable[ExchangeCommand.IMPORT_SNAPSHOT]
    assert "holds office bookings" in reason and "sqlite:///event.db" in reason

    window.presenter.event_mode.import_snapshot()

    assert dialogs.warnings == [("Import snapshot", reason)]
    assert dialogs.file_dialogs == [] and window.runner.titles == []


def test_export_snapshot_asks_the_event_and_suggests_a_file_name(
    office: Workflows, tmp_path: Path
) -> None:
    create_confirmed(office, regionId="bretagne", date=EVENT_DAY.isoformat())
    dialogs = FakeDialogs(snapshot_options=SnapshotOptions("Salon de l'Élevage", 3))
    path = export_snapshot(office, tmp_path, dialogs)
    assert dialogs.file_dialogs == [
        ("Export snapshot", "Event snapshot", "snapshot-salon-de-l-elevage-2025-02-20.json")
    ]
    bundle = json.loads(path.read_text(encoding="utf-8"))
    assert bundle["kind"] == "snapshot"
    assert bundle["content"]["eventName"] == "Salon de l'Élevage"
    assert bundle["content"]["lastDate"] == "2025-05-22"  # three months ahead
    title, text = dialogs.infos[0]
    assert title == "Export snapshot"
    assert f"written to {path}" in text
    assert "1 office allocation from 2025-02-20 to 2025-05-22" in text
    assert "File ▸ Import snapshot…" in text


def test_export_snapshot_given_up_writes_nothing(office: Workflows, tmp_path: Path) -> None:
    dialogs = FakeDialogs(snapshot_options=None)
    window = Window(office, dialogs)
    window.presenter.event_mode.export_snapshot()
    assert dialogs.file_dialogs == [] and window.runner.titles == []
    dialogs = FakeDialogs(save_file=None)
    window = Window(office, dialogs)
    window.presenter.event_mode.export_snapshot()
    assert window.runner.titles == []
    assert list(tmp_path.glob("*.json")) == []


def test_a_snapshot_that_cannot_be_written_is_explained(office: Workflows, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    for target, expected in (
        (folder, f"Nothing was written: cannot write {folder}: it is a folder."),
        (tmp_path / "gone" / "s.json", f"the folder {tmp_path / 'gone'} does not exist."),
    ):
        dialogs = FakeDialogs(save_file=str(target))
        Window(office, dialogs).presenter.event_mode.export_snapshot()
        assert dialogs.infos == []
        assert dialogs.warnings[0][0] == "Export snapshot"
        assert expected in dialogs.warnings[0][1]


# -- the laptop ----------------------------------------------------------------------------


def test_import_snapshot_turns_the_window_into_an_event_database(laptop: Window) -> None:
    dialogs = laptop.dialogs
    question_title, question = dialogs.questions[0]
    assert question_title == "Import snapshot"
    assert question.startswith("Make this database an event database?")
    assert laptop.runner.titles == ["Importing the snapshot…"]
    banner = laptop.main.banner
    assert banner is not None
    assert banner.title == "Event database for “Salon de Lyon”"
    assert banner.lines[0] == (
        "Snapshot of the office taken on Thursday 2025-02-20 from office-pc, taken today. "
        "Its availability runs from 2025-02-20 to 2025-04-22."
    )
    assert "File ▸ Export event bookings" in banner.lines[1]
    assert not banner.stale
    # The window refreshed itself: the office's regions and clients are there.
    assert [r.text for r in laptop.calendar.regions] == ["Bretagne", "Occitanie"]
    assert {c.id for c in laptop.form.clients} == {"client_123", "client_acme"}
    assert "confirmed at the office" in laptop.queue.confirm_unavailable
    assert laptop.main.unavailable[ExchangeCommand.EXPORT_BOOKINGS] == ""
    assert "imported at the office" in laptop.main.unavailable[ExchangeCommand.IMPORT_BOOKINGS]
    assert "exported from the office" in laptop.main.unavailable[ExchangeCommand.EXPORT_SNAPSHOT]
    assert dialogs.infos[-1][1].startswith(
        "This is now an event database for “Salon de Lyon”, with 0 office allocations"
    )


def test_an_old_snapshot_is_shown_as_stale(snapshot: Path, tmp_path: Path) -> None:
    later = open_database(tmp_path / "late.db", "laptop-7", TODAY + dt.timedelta(days=20))
    window = Window(later, FakeDialogs(open_file=str(snapshot)))
    window.presenter.start()
    window.presenter.event_mode.import_snapshot()
    banner = window.main.banner
    assert banner is not None and banner.stale
    assert "20 days old" in banner.lines[0]
    assert banner.warning.startswith("This snapshot is more than 14 days old")
    later.store.close()


def test_a_booking_taken_at_the_event_cannot_be_confirmed_there(laptop: Window) -> None:
    session_id = take_booking(laptop)
    assert "the office confirms it after File ▸ Export event bookings" in laptop.form.created
    assert laptop.queue.column("Source") == ["Event (Laptop 7)"]
    laptop.presenter.queue.selection_changed([session_id])
    assert laptop.queue.actions["confirm"] is False
    assert laptop.queue.actions["cancel"] is True

    laptop.presenter.queue.confirm_selected()  # triggered anyway (a stray shortcut)

    dialogs = laptop.dialogs
    title, text = dialogs.warnings[-1]
    assert title == "Booking not confirmed"
    assert "This is an event database: bookings taken here are confirmed at the office" in text
    assert laptop.queue.session_ids == [session_id]


def test_details_in_an_event_database_say_why_confirm_and_missions_are_unavailable(
    office: Workflows, tmp_path: Path, laptop_database: Workflows
) -> None:
    held = create_confirmed(office, regionId="bretagne", date=EVENT_DAY.isoformat())
    laptop = Window(laptop_database, FakeDialogs(open_file=str(export_snapshot(office, tmp_path))))
    laptop.presenter.start()
    laptop.presenter.event_mode.import_snapshot()
    pending = take_booking(laptop, day=dt.date(2025, 3, 24))
    view = FakeDetailsView()
    details: BookingDetailsPresenter = laptop.presenter.details_presenter(view)

    details.load(pending)
    actions = {a.action: a for a in view.actions}
    assert "confirmed at the office" in actions[DetailAction.CONFIRM].unavailable
    assert actions[DetailAction.CANCEL_BOOKING].unavailable == ""
    assert view.fields["Source"] == "Event (Laptop 7)"

    details.load(held.id)  # an office allocation the snapshot carried
    assert view.actions and all(
        "missions are followed at the office" in a.unavailable for a in view.actions
    )


def test_export_event_bookings_suggests_a_name_with_the_device(
    laptop: Window, tmp_path: Path
) -> None:
    take_booking(laptop)
    export_bookings(laptop, tmp_path / "back.json")
    dialogs = laptop.dialogs
    assert dialogs.file_dialogs[-1] == (
        "Export event bookings",
        "Event bookings",
        "event-bookings-laptop-7-2025-02-20.json",
    )
    assert dialogs.infos[-1][1].startswith(
        f"1 event booking and its client were written to {tmp_path / 'back.json'}."
    )
    assert json.loads((tmp_path / "back.json").read_text("utf-8"))["kind"] == "bookings"


# -- back at the office --------------------------------------------------------------------


def test_event_bookings_land_in_the_pending_queue_with_a_report(
    office: Workflows, laptop: Window, tmp_path: Path
) -> None:
    laptop.dialogs.new_client = NewClient("Forum Sécurité", "", "")
    laptop.presenter.new_client("Forum Sécurité")
    first = take_booking(laptop, client_id=str(laptop.presenter.form.client_id))
    second = take_booking(laptop, client_id="client_123", day=dt.date(2025, 3, 24))
    export_bookings(laptop, tmp_path / "back.json")
    # Meanwhile the office fills Bretagne on the 24th (two setups).
    for _ in range(2):
        create_confirmed(office, regionId="bretagne", date="2025-03-24")
    dialogs = FakeDialogs(open_file=str(tmp_path / "back.json"))
    window = Window(office, dialogs)
    window.presenter.start()

    window.presenter.event_mode.import_bookings()

    assert window.runner.titles[-1] == "Importing the event bookings…"
    [report] = dialogs.event_reports
    assert report.summary == (
        "2 event bookings taken on Laptop 7 were imported: they wait in the pending queue. "
        "1 has no availability at the office any more: offer the client another date."
    )
    assert report.tone is Tone.ATTENTION
    assert dict(report.counts) == {
        "Imported": 2,
        "Already present": 0,
        "Rejected": 0,
        "No availability any more": 1,
        "New clients": 1,
        "Client differences": 0,
    }
    kinds = [section.kind for section in report.sections]
    assert kinds == [
        ReportSectionKind.NO_AVAILABILITY,
        ReportSectionKind.CLIENTS_ADDED,
        ReportSectionKind.IMPORTED,
    ]
    no_availability = report.sections[0]
    assert no_availability.headers[-1] == "Other dates"
    assert no_availability.rows == (
        (
            "2025-03-24",
            "ACME",
            "Bretagne",
            second,
            "2025-03-25, 2025-03-26, 2025-03-27, 2025-03-28, 2025-03-29",
        ),
    )
    assert "offer these clients another date" in no_availability.note
    assert report.sections[1].rows == (("Forum Sécurité", "", "", "client_forum_securite"),)
    imported = report.section(ReportSectionKind.IMPORTED)
    assert imported is not None
    assert [row[3] for row in imported.rows] == [first, second]
    assert "Forum Sécurité" in report.text()
    # The window follows: the new client, and both bookings pending, marked Event.
    assert "Forum Sécurité" in [c.text for c in window.form.clients]
    assert sorted(window.queue.session_ids) == sorted([first, second])
    assert window.queue.column("Source") == ["Event (Laptop 7)"] * 2
    assert window.main.status_messages[-1] == report.summary

    window.presenter.event_mode.import_bookings()  # the same file again

    again = dialogs.event_reports[-1]
    assert again.summary == "Nothing new: every booking of this file was imported before."
    assert dict(again.counts)["Already present"] == 2
    already = again.section(ReportSectionKind.ALREADY_PRESENT)
    assert already is not None and len(already.rows) == 2


def test_rejected_bookings_and_client_differences_are_reported(
    office: Workflows, tmp_path: Path
) -> None:
    good = create(office, regionId="bretagne", date="2025-03-24")
    pending = {**_session_dict(office, good.id), "id": "sess_event_1", "bookingSource": "event"}
    del pending["setups"], pending["operators"]  # what getBookingStatus adds to a session
    content = {
        "bookings": [
            {**pending, "regionId": "atlantis"},
            {**pending, "id": "sess_event_2"},
        ],
        "clients": [{"id": "client_123", "name": "ACME", "email": "new@acme.example", "phone": ""}],
    }
    path = signed_bookings(office, tmp_path / "crafted.json", content)
    dialogs = FakeDialogs(open_file=str(path))
    window = Window(office, dialogs)
    window.presenter.event_mode.import_bookings()
    [report] = dialogs.event_reports
    assert report.tone is Tone.BAD
    rejected = report.section(ReportSectionKind.REJECTED)
    assert rejected is not None
    assert rejected.rows == (("sess_event_1", 'regionId "atlantis" is not a known region'),)
    differences = report.section(ReportSectionKind.CLIENT_DIFFERENCES)
    assert differences is not None
    assert differences.rows == (("ACME", "e-mail", "contact@acme.example", "new@acme.example"),)
    assert "office's data was kept" in differences.note
    assert report.summary.endswith("1 booking was rejected.")


def _session_dict(workflows: Workflows, session_id: str) -> dict[str, object]:
    status = workflows.booking.get_booking_status(session_id).to_dict()
    session = status["session"]
    assert isinstance(session, dict)
    return session


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "dst-desktop-bundle", "ver', "is truncated or is not a DST Desktop bundle"),
        (b"[1, 2]", "is not a DST Desktop bundle"),
        (None, "does not exist"),
    ],
)
def test_a_broken_bookings_file_imports_nothing_and_says_why(
    office: Workflows, tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "broken.json"
    if content is not None:
        path.write_bytes(content)
    before = database_dump(tmp_path / "office.db")
    dialogs = FakeDialogs(open_file=str(path))
    Window(office, dialogs).presenter.event_mode.import_bookings()
    assert dialogs.event_reports == []
    title, text = dialogs.warnings[0]
    assert title == "Import event bookings"
    assert text.startswith("Nothing was imported: ") and expected in text
    assert database_dump(tmp_path / "office.db") == before


def test_an_altered_or_wrong_kind_file_is_named_as_such(
    office: Workflows, snapshot: Path, tmp_path: Path
) -> None:
    dialogs = FakeDialogs(open_file=str(snapshot))
    Window(office, dialogs).presenter.event_mode.import_bookings()
    assert 'is a "snapshot" bundle, expected a bookings bundle' in dialogs.warnings[0][1]
    bundle = json.loads(snapshot.read_text("utf-8"))
    bundle["content"]["eventName"] = "Tampered"
    snapshot.write_text(json.dumps(bundle), encoding="utf-8")
    laptop = open_database(tmp_path / "l.db", "laptop")
    dialogs = FakeDialogs(open_file=str(snapshot))
    window = Window(laptop, dialogs)
    window.presenter.start()
    window.presenter.event_mode.import_snapshot()
    assert "checksum does not match" in dialogs.warnings[0][1]
    assert window.main.banner is None
    laptop.store.close()


def test_a_busy_database_is_explained(
    office: Workflows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(path: Path) -> None:
        raise StorageError("the database is busy: another program holds it")

    monkeypatch.setattr(office.exchange, "import_bookings", locked)
    dialogs = FakeDialogs(open_file=str(tmp_path / "x.json"))
    Window(office, dialogs).presenter.event_mode.import_bookings()
    assert dialogs.warnings[0][1] == (
        "The database cannot be used right now, so nothing was changed. "
        "(the database is busy: another program holds it)"
    )


def test_commands_that_make_no_sense_here_say_why_when_triggered(laptop: Window) -> None:
    dialogs = laptop.dialogs
    laptop.presenter.event_mode.import_bookings()
    laptop.presenter.event_mode.export_snapshot()
    assert [title for title, _ in dialogs.warnings] == ["Import event bookings", "Export snapshot"]
    assert laptop.runner.titles == ["Importing the snapshot…"]


def test_a_newer_snapshot_replaces_the_old_one_and_keeps_the_event_bookings(
    laptop: Window, snapshot: Path
) -> None:
    take_booking(laptop)
    laptop.presenter.event_mode.import_snapshot(str(snapshot))
    dialogs = laptop.dialogs
    assert dialogs.questions[-1][1].startswith("Replace the snapshot of “Salon de Lyon”")
    assert "The 1 booking taken here before is kept." in dialogs.infos[-1][1]
    assert len(laptop.queue.session_ids) == 1


def test_refresh_notices_a_snapshot_imported_from_the_command_line(
    laptop_database: Workflows, snapshot: Path
) -> None:
    window = Window(laptop_database, FakeDialogs())
    window.presenter.start()
    assert window.main.banner is None
    laptop_database.exchange.import_snapshot(snapshot)  # dst-desktop import-snapshot
    window.presenter.reference_changed()  # Bookings ▸ Refresh
    assert window.main.banner is not None
    assert window.queue.confirm_unavailable
    assert [r.text for r in window.calendar.regions] == ["Bretagne", "Occitanie"]


def test_first_start_can_import_a_snapshot(laptop_database: Workflows, snapshot: Path) -> None:
    dialogs = FakeDialogs(first_start=FirstStartChoice.SNAPSHOT, open_file=str(snapshot))
    window = Window(laptop_database, dialogs)
    window.presenter.start()
    assert window.calendar.regions == []  # an empty database: nothing to book yet

    window.presenter.first_start()

    assert [title for title, _, _ in dialogs.file_dialogs] == ["Import snapshot"]
    banner = window.main.banner
    assert banner is not None and banner.title == "Event database for “Salon de Lyon”"
    assert banner.lines[0].startswith("Snapshot of the office taken on Thursday 2025-02-20")
    assert [r.text for r in window.calendar.regions] == ["Bretagne", "Occitanie"]
    assert {c.id for c in window.form.clients} == {"client_123", "client_acme"}
    assert "confirmed at the office" in window.queue.confirm_unavailable
    snapshot_info = laptop_database.exchange.event_snapshot()
    assert snapshot_info is not None and snapshot_info.event_name == "Salon de Lyon"


# -- a new client from the booking form ----------------------------------------------------


def test_new_client_is_added_with_an_id_from_its_name_and_chosen_in_the_form(
    workflows: Workflows,
) -> None:
    dialogs = FakeDialogs(new_client=NewClient(" Gendarmerie de Lyon ", "gl@example.fr", ""))
    window = Window(workflows, dialogs)
    window.presenter.start()
    window.presenter.new_client("Gendarmerie")
    assert dialogs.new_client_names == ["Gendarmerie"]
    assert window.presenter.form.client_id == "client_gendarmerie_de_lyon"
    assert window.form.client == "client_gendarmerie_de_lyon"
    assert "Gendarmerie de Lyon" in [c.text for c in window.browser.clients]
    assert window.main.status_messages[-1] == "Client Gendarmerie de Lyon added."
    client = next(
        c for c in workflows.queries.reference().clients if c.id == "client_gendarmerie_de_lyon"
    )
    assert (client.name, client.email) == ("Gendarmerie de Lyon", "gl@example.fr")


def test_a_second_client_of_the_same_name_is_asked_about_and_gets_its_own_id(
    workflows: Workflows,
) -> None:
    dialogs = FakeDialogs(new_client=NewClient("acme"), confirm_answer=False)
    window = Window(workflows, dialogs)
    window.presenter.start()
    window.presenter.new_client()
    assert "There is already a client named acme" in dialogs.questions[0][1]
    assert len(workflows.queries.reference().clients) == 2
    dialogs.confirm_answer = True
    window.presenter.new_client()
    assert window.presenter.form.client_id == "client_acme_2"


def test_a_new_client_needs_a_name(workflows: Workflows) -> None:
    dialogs = FakeDialogs(new_client=NewClient("  "))
    window = Window(workflows, dialogs)
    window.presenter.new_client()
    assert dialogs.warnings == [("New client", "A new client needs a name.")]
    window.presenter.new_client()
    dialogs.new_client = None
    window.presenter.new_client()
    assert len(workflows.queries.reference().clients) == 2


# -- small helpers -------------------------------------------------------------------------


def test_file_names_are_made_from_names_and_get_a_json_extension() -> None:
    assert file_slug("Salon Milipol — Paris 2025") == "salon-milipol-paris-2025"
    assert file_slug("PC-Accueil.local") == "pc-accueil-local"
    assert file_slug("★") == ""
    assert with_json_suffix("/tmp/salon") == Path("/tmp/salon.json")
    assert with_json_suffix("/tmp/salon.bundle") == Path("/tmp/salon.bundle")
