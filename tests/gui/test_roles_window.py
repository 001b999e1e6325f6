"""The window as each role sees it (SPEC 10), and the Audit log window.

On a team's PostgreSQL database a ``booking`` login sees Confirm, the mission steps,
reference data and snapshots disabled, each with a tooltip naming the role it needs;
the status bar says who is signed in. The Audit log window lists, filters and exports
the log on both backends.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dst_desktop.api import default_actor, open_workflows
from dst_desktop.app import create_main_window
from dst_desktop.domain.errors import PermissionDeniedError
from dst_desktop.presenters.booking_details import DetailAction
from dst_desktop.services.workflows import Workflows
from dst_desktop.ui.audit_window import AuditLogWindow
from dst_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, booking_request
from tests.gui.helpers import child, table_rows
from tests.postgres_server import PostgresServer
from tests.team_database import Team, team_database
from tests.unit.presenters.conftest import create, create_confirmed
from tests.unit.presenters.fakes import FakeDialogs


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert isinstance(found, QAction), name
    return found


@pytest.fixture(scope="module")
def team(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Team]:
    with team_database(postgres_server, tmp_path_factory.mktemp("team")) as made:
        yield made


def team_window(qtbot: QtBot, team: Team, who: str) -> MainWindow:
    window = create_main_window(team.url(who), TODAY, dialogs=FakeDialogs(), printing_factory=None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_booking_login_sees_confirm_disabled_with_the_role_it_needs(
    qtbot: QtBot, team: Team
) -> None:
    pending = team.pending("2025-04-07")
    window = team_window(qtbot, team, "booking")
    alice = team.logins["booking"]

    assert window.access_label.text() == f"Signed in as {alice} (booking)"
    assert "confirming and missions need the planner role" in window.access_label.toolTip()
    window.queue_panel.table.select_session(pending)
    confirm = child(window, QPushButton, "confirmButton")
    assert not confirm.isEnabled()
    expected = f"Confirming a booking needs the planner role; you are {alice} (booking)."
    assert confirm.toolTip() == expected
    assert not action(window, "confirmAction").isEnabled()
    assert action(window, "confirmAction").statusTip() == expected
    # What a booking login may do stays available.
    assert child(window, QPushButton, "cancelButton").isEnabled()
    for name, needed in (
        ("referenceDataAction", "Changing reference data needs the admin role"),
        ("importReferenceAction", "Importing reference data needs the admin role"),
        ("demoDataAction", "Importing reference data needs the admin role"),
        ("exportSnapshotAction", "Exporting a snapshot needs the admin role"),
        ("importEventBookingsAction", "Importing event bookings needs the planner role"),
    ):
        assert not action(window, name).isEnabled(), name
        assert action(window, name).toolTip().startswith(needed), name
    assert action(window, "auditLogAction").isEnabled()


def test_a_booking_login_sees_the_mission_steps_disabled(qtbot: QtBot, team: Team) -> None:
    confirmed = team.confirmed()
    window = team_window(qtbot, team, "booking")
    window.open_details(confirmed)
    dialog = window.details_dialog
    assert dialog is not None
    buttons = dialog.action_buttons
    assert set(buttons) == {
        DetailAction.SCHEDULE,
        DetailAction.START,
        DetailAction.COMPLETE,
        DetailAction.RESCHEDULE,
        DetailAction.CANCEL_MISSION,
    }
    alice = team.logins["booking"]
    for button in buttons.values():
        assert not button.isEnabled()
        assert button.toolTip() == (
            f"The mission steps need the planner role; you are {alice} (booking)."
        )
    dialog.close()


def test_a_planner_confirms_but_leaves_reference_data_to_an_admin(qtbot: QtBot, team: Team) -> None:
    pending = team.pending("2025-04-08")
    window = team_window(qtbot, team, "planner")
    paul = team.logins["planner"]
    assert window.access_label.text() == f"Signed in as {paul} (planner)"
    window.queue_panel.table.select_session(pending)
    confirm = child(window, QPushButton, "confirmButton")
    assert confirm.isEnabled()
    confirm.click()
    with team.connect("owner") as connection:
        stored = connection.execute(f"SELECT status FROM session WHERE id = '{pending}'")
        assert stored.fetchone() == ("confirmed",)
    assert action(window, "importEventBookingsAction").isEnabled()
    assert not action(window, "referenceDataAction").isEnabled()
    assert action(window, "referenceDataAction").statusTip() == (
        f"Changing reference data needs the admin role; you are {paul} (planner)."
    )


def test_an_admin_and_the_owner_may_use_every_command(qtbot: QtBot, team: Team) -> None:
    for who, shown in (
        ("admin", f"{team.logins['admin']} (admin)"),
        ("owner", f"{team.owner} (database owner)"),
    ):
        window = team_window(qtbot, team, who)
        assert window.access_label.text() == f"Signed in as {shown}"
        for name in ("referenceDataAction", "importReferenceAction", "exportSnapshotAction"):
            assert action(window, name).isEnabled(), (who, name)
        window.close()


def test_a_login_without_a_role_is_told_before_the_window_opens(qtbot: QtBot, team: Team) -> None:
    login = f"norole_{team.logins['booking']}"
    team.server.psql(f"CREATE ROLE {login} LOGIN PASSWORD 'pw'")
    try:
        url = team.server.url(team.database, user=login, password="pw")
        with pytest.raises(PermissionDeniedError) as refused:
            create_main_window(url, TODAY, dialogs=FakeDialogs(), printing_factory=None)
        assert "does not let your login read it: the login has no DST Desktop role" in str(
            refused.value
        )
    finally:
        team.server.psql(f"DROP ROLE {login}")


# -- on either backend -------------------------------------------------------------------------


def test_the_status_bar_names_the_user(window: MainWindow, database_url: str) -> None:
    if database_url.startswith("postgresql"):
        assert window.access_label.text() == "Signed in as postgres (database owner)"
    else:
        assert window.access_label.text() == (
            f"Signed in as {default_actor()} (owner of this database file)"
        )


def open_audit_log(qtbot: QtBot, window: MainWindow) -> AuditLogWindow:
    action(window, "auditLogAction").trigger()
    audit = window.audit_window
    assert audit is not None
    qtbot.waitExposed(audit)
    return audit


def test_the_audit_log_window_lists_and_filters(
    qtbot: QtBot, qtmodeltester: ModelTester, workflows: Workflows, window: MainWindow
) -> None:
    confirmed = create_confirmed(workflows)
    pending = create(workflows, date="2025-03-12")
    audit = open_audit_log(qtbot, window)

    rows = table_rows(audit, "auditTable")
    assert [row[2] for row in rows] == [
        "Booking requested",
        "Confirmed",
        "Booking requested",
        "Reference data imported",
    ]
    assert {row[1] for row in rows} == {workflows.actor}
    assert rows[1][3] == confirmed.id
    assert rows[1][4] == "Setup Occitanie #1, Opérateur Occitanie 1"
    assert rows[0][4] == "ACME, Occitanie, 12/03/2025"
    assert audit.summary_label.text() == "4 entries."
    qtmodeltester.check(audit.model)

    audit.session_edit.setText(pending.id)
    audit.apply_filters()
    assert [row[3] for row in table_rows(audit, "auditTable")] == [pending.id]

    audit.session_edit.clear()
    audit.action_combo.setCurrentIndex(audit.action_combo.findData("confirm"))
    assert [row[2] for row in table_rows(audit, "auditTable")] == ["Confirmed"]

    audit.actor_edit.setText("nobody")
    audit.apply_filters()
    assert table_rows(audit, "auditTable") == []
    assert audit.summary_label.text() == "No entry matches these filters."

    audit.actor_edit.setText("bad\tname")
    audit.apply_filters()
    assert audit.summary_label.text().startswith("Please check the filters: ")

    # The period is typed as the user writes dates: the day before today lists nothing.
    audit.actor_edit.clear()
    audit.action_combo.setCurrentIndex(0)
    audit.to_edit.setFocus()
    audit.to_edit.edit.selectAll()
    qtbot.keyClicks(audit.to_edit.edit, "19/02/2025")
    qtbot.keyClick(audit.to_edit.edit, Qt.Key.Key_Return)
    assert audit.to_edit.date() == dt.date(2025, 2, 19)
    assert table_rows(audit, "auditTable") == []
    audit.close()


def test_the_audit_log_exports_and_copies_what_it_shows(
    qtbot: QtBot, workflows: Workflows, window: MainWindow, tmp_path: Path
) -> None:
    create_confirmed(workflows)
    audit = open_audit_log(qtbot, window)
    target = tmp_path / "audit.csv"
    assert audit.table_export.export(str(target))
    with target.open(encoding="utf-8-sig", newline="") as stream:
        read = list(csv.reader(stream))
    assert read[0] == ["When", "Who", "What", "Session", "Details"]
    assert [row[2] for row in read[1:]] == [
        "Confirmed",
        "Booking requested",
        "Reference data imported",
    ]
    audit.table.selectRow(0)
    copied = audit.table_export.copy_selection()
    assert copied.split("\t")[1:3] == [workflows.actor, "Confirmed"]
    audit.close()


def test_the_audit_log_window_in_french(
    qtbot: QtBot, workflows: Workflows, database_url: str
) -> None:
    from dst_desktop.ui.l10n import LanguageInstaller

    create(workflows)
    french = LanguageInstaller()  # its translators live as long as it does
    french.install("fr")
    try:
        window = create_main_window(
            database_url, TODAY, dialogs=FakeDialogs(), printing_factory=None
        )
        qtbot.addWidget(window)
        assert window.access_label.text().startswith("Connecté en tant que ")
        audit = open_audit_log(qtbot, window)
        assert audit.windowTitle() == "Journal d’audit"
        assert audit.model.headerData(0, Qt.Orientation.Horizontal) == "Quand"
        assert table_rows(audit, "auditTable")[0][2] == "Réservation demandée"
        assert audit.summary_label.text() == "2 entrées."
        audit.close()
    finally:
        french.install("en")


def test_a_refused_workflow_call_is_worded_for_people(team: Team) -> None:
    from dst_desktop.presenters.l10n import PlainLocalizer
    from dst_desktop.presenters.messages import failure_text
    from dst_desktop.services.results import Failure

    session_id = team.pending()
    with open_workflows(team.url("booking"), TODAY) as api:
        refused = api.workflows.booking.confirm_session_booking(session_id)
        created = api.workflows.booking.create_session_booking(booking_request(date="2025-05-05"))
    assert isinstance(refused, Failure) and created.success
    assert failure_text(refused, PlainLocalizer()) == (
        f"Your role does not allow this. ({refused.message})"
    )
