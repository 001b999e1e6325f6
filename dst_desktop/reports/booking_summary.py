"""The one-page booking summary for the client file (SPEC 6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from dst_desktop.domain.model import Client, Module, Offer, Operator, Region, Session, Setup
from dst_desktop.domain.statuses import SessionStatus
from dst_desktop.reports.document import (
    LOGO_RESOURCE,
    OK_INK,
    OK_SHADE,
    PENDING_INK,
    PENDING_SHADE,
    RULE,
    SHADE,
    WARNING_INK,
    WARNING_SHADE,
    PrintDocument,
    ReportContext,
    file_stem,
    letterhead,
    multiline,
    name_slug,
    page,
    page_template,
    printed_text,
    text,
)

#: What the status banner says of a session holding its setup and operator.
_HELD_DETAIL: Final[dict[SessionStatus, str]] = {
    SessionStatus.CONFIRMED: "Confirmed: the date, the setup and the operator below are reserved.",
    SessionStatus.SCHEDULED: "Scheduled: the date, the setup and the operator below are reserved.",
    SessionStatus.IN_PROGRESS: "The session is under way with the setup and the operator below.",
    SessionStatus.COMPLETED: "The session took place with the setup and the operator below.",
}


class BookingDetails(Protocol):
    """A session with its related things, as ``getBookingStatus`` answers it."""

    @property
    def session(self) -> Session: ...
    @property
    def region(self) -> Region | None: ...
    @property
    def client(self) -> Client | None: ...
    @property
    def modules(self) -> Sequence[Module]: ...
    @property
    def offer(self) -> Offer | None: ...
    @property
    def setups(self) -> Sequence[Setup]: ...
    @property
    def operators(self) -> Sequence[Operator]: ...


@dataclass(frozen=True, slots=True)
class BookingSummary:
    """What the booking summary prints about one session."""

    session: Session
    client: Client | None
    region: Region | None
    modules: tuple[Module, ...]
    offer: Offer | None = None
    setup: Setup | None = None
    operator: Operator | None = None

    @classmethod
    def from_details(cls, details: BookingDetails) -> BookingSummary:
        return cls(
            session=details.session,
            client=details.client,
            region=details.region,
            modules=tuple(details.modules),
            offer=details.offer,
            setup=details.setups[0] if details.setups else None,
            operator=details.operators[0] if details.operators else None,
        )


def _field(label: str, value_html: str, label_width: int = 24) -> str:
    return (
        f'<tr><td width="{label_width}%" class="label" style="padding: 3px 8px 3px 0;">'
        f"{text(label)}</td>"
        f'<td class="value" style="padding: 3px 0;">{value_html}</td></tr>'
    )


def _fields(rows: Sequence[str]) -> str:
    return f'<table width="100%" cellspacing="0" cellpadding="0">{"".join(rows)}</table>'


def _status_banner(summary: BookingSummary, context: ReportContext) -> str:
    words = context.wording
    session = summary.session
    if session.status is SessionStatus.PENDING_CONFIRMATION:
        ink, shade = PENDING_INK, PENDING_SHADE
        heading = words("NOT CONFIRMED YET")
        detail = words(
            "This booking is a request awaiting confirmation. No setup or operator is "
            "allocated yet, and the date is not guaranteed until the booking is confirmed."
        )
    elif session.status is SessionStatus.CANCELLED:
        ink, shade = WARNING_INK, WARNING_SHADE
        heading = words("CANCELLED")
        detail = words("This session was cancelled; its setup and operator were released.")
        if session.cancellation_reason:
            detail += " " + words("Reason: {reason}", reason=session.cancellation_reason)
    else:
        ink, shade = OK_INK, OK_SHADE
        heading = words.status(session.status).upper()
        detail = words(_HELD_DETAIL[session.status])
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" border="1" '
        f'style="border-collapse: collapse; border: 1px solid {ink}; margin-top: 10px;">'
        f'<tr><td style="color: {ink}; background-color: {shade};">'
        f'<p style="font-size: 13pt; font-weight: bold;">'
        f"{text(words('Status: {status}', status=heading))}</p>"
        f'<p style="font-size: 9.5pt;">{text(detail)}</p>'
        "</td></tr></table>"
    )


def _client_block(summary: BookingSummary, context: ReportContext) -> str:
    words = context.wording
    client = summary.client
    if client is None:
        name_html = text(words("Unknown client {id}", id=summary.session.client_id))
        return _fields([_field(words("Client"), name_html)])
    rows = [_field(words("Client"), f'<span class="strong">{text(client.name)}</span>')]
    if client.email:
        rows.append(_field(words("Email"), text(client.email)))
    if client.phone:
        rows.append(_field(words("Phone"), text(client.phone)))
    if not client.email and not client.phone:
        rows.append(
            _field(
                words("Contact"),
                f'<span class="muted">{text(words("No contact details recorded"))}</span>',
            )
        )
    return _fields(rows)


def _session_block(summary: BookingSummary, context: ReportContext) -> str:
    words = context.wording
    session = summary.session
    region = summary.region.name if summary.region else session.region_id
    offer = summary.offer.name if summary.offer else (session.offer_id or words("None"))
    participants = words(
        "{participants} / {capacity} max.",
        participants=session.requested_participants,
        capacity=session.capacity_max,
    )
    day = words.long_date(session.date)
    return _fields(
        [
            _field(words("Date"), f'<span class="strong">{text(day)}</span>', 32),
            _field(words("Region"), text(region), 32),
            _field(words("Participants"), text(participants), 32),
            _field(words("Offer"), text(offer), 32),
            _field(words("Source"), text(words.source(session.booking_source)), 32),
        ]
    )


def _modules_table(summary: BookingSummary, context: ReportContext) -> str:
    words = context.wording
    modules = summary.modules
    smallest = min((module.capacity_max for module in modules), default=None)
    rows = []
    for module in modules:
        limiting = (
            f' <span class="muted small">— {text(words("limits the capacity"))}</span>'
            if module.capacity_max == smallest and len(modules) > 1
            else ""
        )
        rows.append(
            f"<tr><td>{text(module.name)}{limiting}</td>"
            f"<td>{text(words('{count} participants', count=module.capacity_max))}</td></tr>"
        )
    known = {module.id for module in modules}
    rows.extend(
        f'<tr><td class="code">{text(module_id)}</td><td class="muted">—</td></tr>'
        for module_id in summary.session.module_ids
        if module_id not in known
    )
    return (
        f'<table width="100%" cellspacing="0" cellpadding="5" border="1" '
        f'style="border-collapse: collapse; border: 1px solid {RULE};">'
        f'<thead><tr><th width="66%">{text(words("Module"))}</th>'
        f"<th>{text(words('Capacity'))}</th></tr></thead>"
        f"{''.join(rows)}</table>"
    )


def _allocation_block(summary: BookingSummary, context: ReportContext) -> str:
    words = context.wording
    session = summary.session
    if session.status is SessionStatus.CANCELLED:
        missing = words("Released")
    else:
        missing = words("Not allocated yet")

    released = (
        f' <span class="muted small">— {text(words("released"))}</span>'
        if session.status is SessionStatus.CANCELLED
        else ""
    )

    def shown(name: str | None, fallback_id: str | None) -> str:
        if name:
            return f'<span class="strong">{text(name)}</span>{released}'
        if fallback_id:
            return f'<span class="code">{text(fallback_id)}</span>{released}'
        return f'<span class="muted">{text(missing)}</span>'

    return _fields(
        [
            _field(
                words("Setup"),
                shown(summary.setup.name if summary.setup else None, session.setup_id),
            ),
            _field(
                words("Operator"),
                shown(summary.operator.name if summary.operator else None, session.operator_id),
            ),
        ]
    )


def _history_block(summary: BookingSummary, context: ReportContext) -> str:
    words = context.wording
    session = summary.session

    def when(moment: dt.datetime | None) -> str:
        if moment is None:
            return f'<span class="muted">{text(words("Not yet"))}</span>'
        return text(words.moment(moment, context.zone))

    rows = [_field(words("Created"), when(session.created_at), 28)]
    rows.append(_field(words("Confirmed"), when(session.confirmed_at), 28))
    optional = (
        ("Scheduled", session.scheduled_at),
        ("Started", session.started_at),
        ("Completed", session.completed_at),
        ("Cancelled", session.cancelled_at),
    )
    rows.extend(_field(words(label), when(moment), 28) for label, moment in optional if moment)
    return _fields(rows)


def _outcome_block(summary: BookingSummary, context: ReportContext) -> str:
    """How the completed session went: who attended, and the operator's notes."""
    words = context.wording
    session = summary.session
    notes = session.completion_notes.strip()
    if session.attended_participants is None and not notes:
        return ""
    rows = []
    if session.attended_participants is not None:
        rows.append(
            _field(
                words("Attended"),
                text(
                    words(
                        "{attended} of {requested} participants",
                        attended=session.attended_participants,
                        requested=session.requested_participants,
                    )
                ),
            )
        )
    if notes:
        rows.append(_field(words("Operator's notes"), multiline(notes)))
    return f"<h2>{text(words('Outcome of the session'))}</h2>{_fields(rows)}"


def _spacer(points: float) -> str:
    """Vertical room between blocks (``QTextDocument`` drops margins between tables)."""
    return f'<p style="font-size: {points}pt;">&nbsp;</p>'


def _two_columns(left: str, right: str) -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="52%">{left}</td><td width="4%"></td><td width="44%">{right}</td>'
        "</tr></table>"
    )


def _notes_and_signatures(summary: BookingSummary, context: ReportContext) -> str:
    words = context.wording
    notes_lines = "".join("<p>&nbsp;</p>" for _ in range(8))
    signature_lines = "".join("<p>&nbsp;</p>" for _ in range(5))
    notes_box = (
        f'<table width="100%" cellspacing="0" cellpadding="8" border="1" '
        f'style="border-collapse: collapse; border: 1px solid {RULE}; margin-top: 4px;">'
        f"<tr><td>{notes_lines}</td></tr></table>"
    )

    def signature(label: str) -> str:
        return (
            f'<table width="100%" cellspacing="0" cellpadding="8" border="1" '
            f'style="border-collapse: collapse; border: 1px solid {RULE};">'
            f'<tr><td style="background-color: {SHADE};" class="label">{text(label)}</td></tr>'
            f'<tr><td><p class="label">{text(words("Name and date:"))}</p>'
            f"{signature_lines}</td></tr></table>"
        )

    signatures = _two_columns(signature(words("Client signature")), signature(words("For DST")))
    return f"<h2>{text(words('Remarks'))}</h2>{notes_box}{_spacer(6)}{signatures}"


def booking_summary_html(summary: BookingSummary, context: ReportContext) -> str:
    """The summary as HTML for ``QTextDocument``; everything users typed is escaped."""
    words = context.wording
    session = summary.session
    title = words("Booking summary")
    subtitle = f'{text(words("Booking"))} <span class="code">{text(session.id)}</span>'
    parts = [
        letterhead(context, title, subtitle),
        _status_banner(summary, context),
        _spacer(8),
        _two_columns(
            f"<h2>{text(words('Client'))}</h2>{_client_block(summary, context)}",
            f"<h2>{text(words('Session'))}</h2>{_session_block(summary, context)}",
        ),
        f"<h2>{text(words('Modules'))}</h2>{_modules_table(summary, context)}",
        _spacer(8),
        _two_columns(
            f"<h2>{text(words('Allocation'))}</h2>{_allocation_block(summary, context)}",
            f"<h2>{text(words('History'))}</h2>{_history_block(summary, context)}",
        ),
    ]
    if session.notes.strip():
        parts.append(
            f"<h2>{text(words('Booking notes'))}</h2>"
            f'<p class="value">{multiline(session.notes.strip())}</p>'
        )
    outcome = _outcome_block(summary, context)
    if outcome:
        parts.append(outcome)
    parts.append(_notes_and_signatures(summary, context))
    return page(f"{title} {session.id}", "".join(parts))


def summary_file_name(summary: BookingSummary) -> str:
    """``booking-summary-acme-securite-2025-03-10.pdf``: whose booking, and which day."""
    session = summary.session
    client = name_slug(summary.client.name) if summary.client else ""
    who = client or file_stem(session.client_id)
    return f"booking-summary-{who}-{session.date.isoformat()}.pdf"


def booking_summary_document(summary: BookingSummary, context: ReportContext) -> PrintDocument:
    """The summary with its footer texts, ready for :mod:`dst_desktop.ui.printing`."""
    words = context.wording
    session = summary.session
    title = words("Booking summary")
    return PrintDocument(
        title=f"{title} — {session.id}",
        html=booking_summary_html(summary, context),
        footer_title=f"{context.company.name} · {title} · {session.id}",
        printed_text=printed_text(context),
        page_template=page_template(context),
        images=(LOGO_RESOURCE,),
        file_name=summary_file_name(summary),
        language=context.language,
    )
