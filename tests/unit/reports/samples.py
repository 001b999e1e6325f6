"""Domain objects for report tests: one booking as a user would see it, nothing stored."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dst_desktop.domain.model import Client, Module, Offer, Operator, Region, Session, Setup
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.reports import BookingSummary, ReportContext

PRINTED_AT = dt.datetime(2025, 2, 20, 17, 45, tzinfo=dt.UTC)
#: The reader's time zone in these tests: Paris in winter, an hour ahead of UTC.
READER_ZONE = dt.timezone(dt.timedelta(hours=1), "CET")
OCCITANIE = Region("occitanie", "Occitanie")
BRETAGNE = Region("bretagne", "Bretagne")
TIR = Module("module_tir", "Tir de précision", 12)
SCENARIO = Module("module_scenario", "Scénario tactique", 16)
ACME = Client("client_123", "ACME", email="contact@acme.example", phone="04 67 00 00 00")
PACK_PRO = Offer("offer_456", "Pack Pro")
SETUP_1 = Setup("setup_occitanie_1", "Setup Occitanie #1", "occitanie")
OPERATOR_1 = Operator("op_occitanie_1", "Camille Martin", "occitanie")


def session(**changes: object) -> Session:
    """The seed's booking of 2025-03-10, confirmed, with fields replaced as a test needs."""
    confirmed = Session(
        id="sess_1708418400000_a1b2c3d4e",
        client_id=ACME.id,
        region_id=OCCITANIE.id,
        date=dt.date(2025, 3, 10),
        module_ids=(TIR.id, SCENARIO.id),
        requested_participants=12,
        capacity_max=12,
        status=SessionStatus.CONFIRMED,
        booking_source="client_portal",
        created_at=dt.datetime(2025, 2, 20, 15, 30),
        offer_id=PACK_PRO.id,
        notes="Parking behind building B",
        setup_id=SETUP_1.id,
        operator_id=OPERATOR_1.id,
        confirmed_at=dt.datetime(2025, 2, 20, 16, 0),
    )
    return dataclasses.replace(confirmed, **changes)


def summary(**changes: object) -> BookingSummary:
    """The summary of :func:`session`; a pending one has no setup or operator."""
    booked = session(**changes)
    holds = booked.setup_id is not None
    return BookingSummary(
        session=booked,
        client=ACME,
        region=OCCITANIE,
        modules=(TIR, SCENARIO),
        offer=PACK_PRO,
        setup=SETUP_1 if holds else None,
        operator=OPERATOR_1 if holds else None,
    )


def pending_summary() -> BookingSummary:
    return summary(
        status=SessionStatus.PENDING_CONFIRMATION,
        setup_id=None,
        operator_id=None,
        confirmed_at=None,
    )


def context(language: str = "en") -> ReportContext:
    return ReportContext.create("fr" if language == "fr" else "en", PRINTED_AT, zone=READER_ZONE)
