"""Backups in the window: one automatic backup a day, and File ▸ Restore a backup….

The window keeps a backup of a SQLite database each day it is opened (the last seven,
in the data folder). A backup that cannot be made — most often because the database is
damaged — is said at once, since that is the moment to restore one. Restoring lists the
daily backups (or takes any backup file), asks first, keeps what the database held, and
reloads the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from dst_desktop.domain.backups import BackupFile, BackupMade, DatabaseRestored
from dst_desktop.domain.errors import StorageError
from dst_desktop.presenters.dialogs import Dialogs
from dst_desktop.presenters.l10n import Localizer, count_text, fill
from dst_desktop.presenters.tasks import TaskRunner
from dst_desktop.services.workflows import Workflows


class DatabaseBackups(Protocol):
    """The backups of the window's database (``dst_desktop.persistence.backup``)."""

    @property
    def applies(self) -> bool:
        """Whether the window keeps backups of this database (SQLite files only)."""

    def make_if_due(self, today: dt.date) -> BackupMade | None:
        """Today's backup, unless there is one; None when none was due."""

    def available(self) -> list[BackupFile]:
        """The daily backups, newest first."""

    def restore(self, source: Path, actor: str, now: dt.datetime) -> DatabaseRestored: ...


class StatusView(Protocol):
    def show_status_message(self, text: str) -> None: ...


@dataclass(frozen=True, slots=True)
class BackupProblem:
    """A backup or restore that did not happen; nothing was changed."""

    error: StorageError


class BackupsPresenter:
    def __init__(
        self,
        backups: DatabaseBackups | None,
        workflows: Workflows,
        dialogs: Dialogs,
        runner: TaskRunner,
        l10n: Localizer,
        view: StatusView,
        *,
        on_restored: Callable[[], None],
    ) -> None:
        self._backups = backups
        self._workflows = workflows
        self._dialogs = dialogs
        self._runner = runner
        self._l10n = l10n
        self._view = view
        self._on_restored = on_restored

    @property
    def available(self) -> bool:
        """Whether File ▸ Restore a backup… makes sense here."""
        return self._backups is not None and self._backups.applies

    def restore_unavailable(self) -> str:
        """Why restoring is not offered ("" when it is)."""
        if self.available:
            return ""
        return self._l10n.translate(
            "Backups",
            "This database is on a server: its administrator keeps and restores its backups "
            "(pg_dump and pg_restore).",
        )

    # -- the daily backup ------------------------------------------------------------------

    def make_daily_backup(self) -> None:
        """Keep today's backup, in a worker thread, if it is not made yet."""
        backups = self._backups
        if backups is None or not backups.applies:
            return
        today = self._workflows.queries.today()

        def work() -> BackupMade | BackupProblem | None:
            try:
                return backups.make_if_due(today)
            except StorageError as error:
                return BackupProblem(error)

        self._runner.run(
            self._l10n.translate("Backups", "Keeping today's backup of the database…"),
            work,
            self._daily_backup_done,
        )

    def _daily_backup_done(self, outcome: BackupMade | BackupProblem | None) -> None:
        translate = self._l10n.translate
        if isinstance(outcome, BackupProblem):
            self._dialogs.warn(
                translate("Backups", "Automatic backup"),
                fill(
                    translate(
                        "Backups",
                        "Today's automatic backup could not be made, and the earlier backups "
                        "were kept as they are.\n\n%1",
                    ),
                    outcome.error,
                ),
            )
        elif outcome is not None:
            self._view.show_status_message(
                fill(translate("Backups", "Today's backup was kept in %1."), outcome.path.parent)
            )

    # -- restoring -------------------------------------------------------------------------

    def restore(self) -> None:
        """Choose a backup, confirm, and restore it in a worker thread."""
        translate = self._l10n.translate
        title = translate("Backups", "Restore a backup")
        backups = self._backups
        if backups is None or not backups.applies:
            self._dialogs.inform(title, self.restore_unavailable())
            return
        daily = backups.available()
        labels = [self._label(backup) for backup in daily]
        labels.append(translate("Backups", "Another backup file…"))
        chosen = self._dialogs.choose_item(
            title, translate("Backups", "Which backup should the database go back to?"), labels
        )
        if chosen is None:
            return
        if chosen < len(daily):
            source = daily[chosen].path
            shown = labels[chosen]
        else:
            picked = self._dialogs.choose_file_to_open(
                title, translate("Backups", "Database backup")
            )
            if not picked:
                return
            source = Path(picked)
            shown = str(source)
        question = fill(
            translate(
                "Backups",
                "Replace everything this database holds by the backup %1?\n\nBookings made "
                "since that backup disappear from the database. What it holds now is kept as "
                "a backup of its own, so nothing is lost.",
            ),
            shown,
        )
        if not self._dialogs.confirm(title, question, translate("Backups", "Restore")):
            return
        actor = self._workflows.actor
        now = self._workflows.clock.now()

        def work() -> DatabaseRestored | BackupProblem:
            try:
                return backups.restore(source, actor, now)
            except StorageError as error:
                return BackupProblem(error)

        self._runner.run(
            translate("Backups", "Restoring the backup…"),
            work,
            lambda outcome: self._restored(outcome, shown),
        )

    def _restored(self, outcome: DatabaseRestored | BackupProblem, shown: str) -> None:
        translate = self._l10n.translate
        title = translate("Backups", "Restore a backup")
        if isinstance(outcome, BackupProblem):
            self._dialogs.warn(title, str(outcome.error))
            return
        self._on_restored()
        text = fill(
            count_text(
                self._l10n,
                outcome.sessions,
                translate("Backups", "The database now holds the backup %2, with %1 booking."),
                translate("Backups", "The database now holds the backup %2, with %1 bookings."),
            ),
            outcome.sessions,
            shown,
        )
        if outcome.kept_as is not None:
            text += "\n\n" + fill(
                translate("Backups", "What it held before is kept in %1."), outcome.kept_as
            )
        self._view.show_status_message(translate("Backups", "The backup was restored."))
        self._dialogs.inform(title, text)

    def _label(self, backup: BackupFile) -> str:
        size = f"{backup.size / 1_000_000:.1f}"
        if backup.day is None:
            return fill(self._l10n.translate("Backups", "%1 (%2 MB)"), backup.path.name, size)
        return fill(
            self._l10n.translate("Backups", "%1 (%2 MB)"),
            self._l10n.long_date_text(backup.day),
            size,
        )


def restore_after_damage(
    backups: DatabaseBackups,
    error: StorageError,
    dialogs: Dialogs,
    l10n: Localizer,
    actor: str,
    now: dt.datetime,
) -> bool:
    """The window cannot open a damaged database: offer its newest daily backup.

    True when the backup was restored (the window can be opened again).
    """
    if not backups.applies:
        return False
    daily = backups.available()
    if not daily:
        return False
    newest = daily[0]
    translate = l10n.translate
    title = translate("Backups", "Restore a backup")
    shown = l10n.long_date_text(newest.day) if newest.day else str(newest.path)
    question = fill(
        translate(
            "Backups",
            "%1\n\nGo back to the backup of %2? Bookings made since then disappear from the "
            "database; what it holds now is kept as a backup of its own.",
        ),
        error,
        shown,
    )
    if not dialogs.confirm(title, question, translate("Backups", "Restore")):
        return False
    try:
        restored = backups.restore(newest.path, actor, now)
    except StorageError as failure:
        dialogs.warn(title, str(failure))
        return False
    dialogs.inform(
        title,
        fill(
            count_text(
                l10n,
                restored.sessions,
                translate("Backups", "The database now holds the backup %2, with %1 booking."),
                translate("Backups", "The database now holds the backup %2, with %1 bookings."),
            ),
            restored.sessions,
            shown,
        ),
    )
    return True
