"""On SQLite a unit of work that writes takes the write lock before its first read
(``BEGIN IMMEDIATE``), so that a confirmation's re-check and its allocation see the same
data; a reading one never keeps a writer out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dst_desktop.persistence.store import PeeweeStore


def another_writer(path: Path) -> sqlite3.Connection:
    """A second program on the same file that gives up at once when it must wait."""
    return sqlite3.connect(path, timeout=0, isolation_level=None)


def test_a_writing_unit_of_work_holds_the_write_lock_from_its_first_read(tmp_path: Path) -> None:
    path = tmp_path / "bookings.db"
    store = PeeweeStore.open(f"sqlite:///{path}")
    other = another_writer(path)
    try:
        with store.writing() as tx:
            assert tx.regions() == []  # a read only, so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once it committed
        other.execute("ROLLBACK")
    finally:
        other.close()
        store.close()


def test_a_reading_unit_of_work_keeps_no_writer_out(tmp_path: Path) -> None:
    path = tmp_path / "bookings.db"
    store = PeeweeStore.open(f"sqlite:///{path}")
    other = another_writer(path)
    try:
        with store.reading() as tx:
            assert tx.regions() == []
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()
        store.close()
