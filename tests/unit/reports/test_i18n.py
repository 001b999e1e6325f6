"""Words and dates of printed documents, in English and French."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

import pytest

from dst_desktop.domain.model import Client
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.reports import (
    FRENCH,
    ReportContext,
    Wording,
    booking_summary_document,
    build_day_sheet,
    day_sheet_document,
    parse_language,
)
from dst_desktop.reports.i18n import language_from_locale
from tests.unit.reports.samples import (
    BRETAGNE,
    OCCITANIE,
    PRINTED_AT,
    pending_summary,
    session,
    summary,
)
from tests.unit.reports.test_day_sheet import DAY, Reference


@pytest.mark.parametrize(
    ("day", "english", "french"),
    [
        (dt.date(2025, 3, 10), "Monday 10 March 2025", "lundi 10 mars 2025"),
        (dt.date(2025, 3, 11), "Tuesday 11 March 2025", "mardi 11 mars 2025"),
        (dt.date(2025, 3, 1), "Saturday 1 March 2025", "samedi 1er mars 2025"),
        (dt.date(2025, 8, 17), "Sunday 17 August 2025", "dimanche 17 août 2025"),
        (dt.date(2025, 12, 31), "Wednesday 31 December 2025", "mercredi 31 décembre 2025"),
    ],
)
def test_long_dates_read_as_each_language_writes_them(
    day: dt.date, english: str, french: str
) -> None:
    assert Wording("en").long_date(day) == english
    assert Wording("fr").long_date(day) == french


def test_stored_utc_timestamps_are_shown_in_the_readers_zone() -> None:
    paris_winter = dt.timezone(dt.timedelta(hours=1), "CET")
    stored = dt.datetime(2025, 2, 20, 15, 30)  # naive: UTC, as the store keeps it

    assert Wording("en").moment(stored, paris_winter) == "20 Feb 2025, 16:30"
    assert Wording("fr").moment(stored, paris_winter) == "20 févr. 2025 à 16:30"
    assert Wording("en").moment(stored, dt.UTC) == "20 Feb 2025, 15:30"


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is Unix only")
def test_timestamps_default_to_the_computers_zone_with_its_summer_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")  # Paris, without tzdata
    time.tzset()
    try:
        winter = dt.datetime(2025, 2, 20, 15, 30)
        summer = dt.datetime(2025, 7, 14, 15, 30)
        assert Wording("en").moment(winter) == "20 Feb 2025, 16:30"
        assert Wording("en").moment(summer) == "14 Jul 2025, 17:30"
        printed = ReportContext.create("en", dt.datetime(2025, 7, 14, 8, 5, tzinfo=dt.UTC))
        document = booking_summary_document(summary(), printed)
        assert document.printed_text == "Printed 14 Jul 2025, 10:05"
        assert "20 Feb 2025, 16:30" in document.html  # created in winter: an hour ahead
    finally:
        monkeypatch.undo()
        time.tzset()


def test_counts_agree_with_their_number_in_each_language() -> None:
    english, french = Wording("en"), Wording("fr")

    assert english.count(1, "{count} session", "{count} sessions") == "1 session"
    assert english.count(0, "{count} session", "{count} sessions") == "0 sessions"
    assert french.count(0, "{count} session", "{count} sessions") == "0 session"
    assert french.count(2, "{count} région", "{count} régions") == "2 régions"


@pytest.mark.parametrize(
    ("text", "language"),
    [("fr", "fr"), ("FR", "fr"), ("fr_FR.UTF-8", "fr"), ("French_France", "fr"), ("en_GB", "en")],
)
def test_language_names_are_recognised(text: str, language: str) -> None:
    assert parse_language(text) == language


def test_unknown_language_is_none() -> None:
    assert parse_language("de_DE") is None


def test_locale_settings_choose_the_first_known_language_else_english() -> None:
    assert language_from_locale((None, "C.UTF-8", "fr_FR.UTF-8")) == "fr"
    assert language_from_locale(("en_US.UTF-8", "fr_FR")) == "en"
    assert language_from_locale(("C", "POSIX", None, "de_DE")) == "en"


def test_a_translate_function_replaces_the_built_in_french() -> None:
    catalogue = {"Day sheet": "Tagesblatt", "Page {page} of {pages}": "Seite {page} von {pages}"}
    german = Wording("en", translate=catalogue.__getitem__)

    assert german("Day sheet") == "Tagesblatt"
    assert german("Page {page} of {pages}", page=1, pages=2) == "Seite 1 von 2"


def _strict_french(text: str) -> str:
    return FRENCH[text]  # a KeyError names a source text with no French translation


def test_every_text_printed_has_a_french_translation() -> None:
    """Render every variant of both documents with a lookup that fails on a missing text."""
    contexts = ReportContext.create("fr", PRINTED_AT, translate=_strict_french)
    summaries = [
        summary(),
        pending_summary(),
        summary(status=SessionStatus.SCHEDULED),
        summary(status=SessionStatus.IN_PROGRESS),
        summary(status=SessionStatus.COMPLETED, booking_source="event"),
        summary(
            status=SessionStatus.COMPLETED,
            attended_participants=9,
            completion_notes="Two no-shows",
        ),
        summary(status=SessionStatus.CONFIRMED, booking_source="back_office", offer_id=None),
        dataclasses.replace(
            summary(
                status=SessionStatus.CANCELLED,
                cancelled_at=dt.datetime(2025, 2, 21),
                cancellation_reason="weather",
                setup_id=None,
                operator_id=None,
            ),
            setup=None,
            operator=None,
            client=Client("c", "No contact"),
        ),
        dataclasses.replace(summary(), client=None, offer=None),
    ]
    for item in summaries:
        booking_summary_document(item, contexts)
    reference = Reference()
    sessions = [session(), session(id="s2", region_id=BRETAGNE.id, setup_id="setup_b")]
    for day, region in ((DAY, None), (DAY, OCCITANIE), (DAY + dt.timedelta(days=1), None)):
        day_sheet_document(build_day_sheet(day, region, sessions, reference), contexts)
    assert _strict_french("Day sheet") == "Feuille de journée"
