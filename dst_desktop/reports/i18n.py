"""The words and dates of printed documents, in English or French, without Qt.

The English text is the source text, as in Qt's ``.ts`` files: :data:`FRENCH` maps each
source text used by the reports to its French translation. A window that prefers its own
translation catalogue passes a ``translate`` function to :class:`Wording` instead (for
example ``lambda text: QCoreApplication.translate("reports", text)``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Final, Literal

from dst_desktop.domain.statuses import SessionStatus

Language = Literal["en", "fr"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "fr")

#: Translates one source (English) text; templates keep their ``{name}`` placeholders.
Translate = Callable[[str], str]

#: How each status reads on paper (source texts, translated through :data:`FRENCH`).
STATUS_TEXT: Final[dict[SessionStatus, str]] = {
    SessionStatus.PENDING_CONFIRMATION: "Pending confirmation",
    SessionStatus.CONFIRMED: "Confirmed",
    SessionStatus.SCHEDULED: "Scheduled",
    SessionStatus.IN_PROGRESS: "In progress",
    SessionStatus.COMPLETED: "Completed",
    SessionStatus.CANCELLED: "Cancelled",
}

#: Where a booking came from (``bookingSource``), as printed.
SOURCE_TEXT: Final[dict[str, str]] = {
    "client_portal": "Client portal",
    "back_office": "Back office",
    "event": "Event (trade fair, open day)",
}

#: French translations of every source text the reports print.
FRENCH: Final[dict[str, str]] = {
    # Company header
    "On-site training sessions": "Formations sur site",
    # Booking summary
    "Booking summary": "Récapitulatif de réservation",
    "Booking {id}": "Réservation {id}",
    "Booking": "Réservation",
    "Status: {status}": "Statut : {status}",
    "NOT CONFIRMED YET": "PAS ENCORE CONFIRMÉE",
    "This booking is a request awaiting confirmation. No setup or operator is allocated "
    "yet, and the date is not guaranteed until the booking is confirmed.": (
        "Cette réservation est une demande en attente de confirmation. Aucun setup ni "
        "opérateur n'est encore attribué, et la date n'est garantie qu'une fois la "
        "réservation confirmée."
    ),
    "CANCELLED": "ANNULÉE",
    "This session was cancelled; its setup and operator were released.": (
        "Cette session a été annulée ; son setup et son opérateur ont été libérés."
    ),
    "Reason: {reason}": "Motif : {reason}",
    "Confirmed: the date, the setup and the operator below are reserved.": (
        "Confirmée : la date, le setup et l'opérateur ci-dessous sont réservés."
    ),
    "Scheduled: the date, the setup and the operator below are reserved.": (
        "Planifiée : la date, le setup et l'opérateur ci-dessous sont réservés."
    ),
    "The session is under way with the setup and the operator below.": (
        "La session est en cours avec le setup et l'opérateur ci-dessous."
    ),
    "The session took place with the setup and the operator below.": (
        "La session a eu lieu avec le setup et l'opérateur ci-dessous."
    ),
    "Client": "Client",
    "Contact": "Contact",
    "Email": "E-mail",
    "Phone": "Téléphone",
    "Unknown client {id}": "Client inconnu {id}",
    "No contact details recorded": "Aucune coordonnée enregistrée",
    "Session": "Session",
    "Date": "Date",
    "Region": "Région",
    "Participants": "Participants",
    "{participants} / {capacity} max.": "{participants} / {capacity} max.",
    "Offer": "Offre",
    "None": "Aucune",
    "Source": "Origine",
    "Modules": "Modules",
    "Module": "Module",
    "Capacity": "Capacité",
    "{count} participants": "{count} participants",
    "limits the capacity": "limite la capacité",
    "Allocation": "Attribution",
    "Setup": "Setup",
    "Operator": "Opérateur",
    "Not allocated yet": "Pas encore attribué",
    "Released": "Libéré",
    "released": "libéré",
    "History": "Historique",
    "Created": "Créée",
    "Confirmed": "Confirmée",
    "Scheduled": "Planifiée",
    "Started": "Commencée",
    "Completed": "Terminée",
    "Cancelled": "Annulée",
    "Not yet": "Pas encore",
    "Booking notes": "Notes de la réservation",
    "Outcome of the session": "Déroulement de la session",
    "Attended": "Présents",
    "{attended} of {requested} participants": "{attended} participants sur {requested}",
    "Operator's notes": "Compte rendu de l'opérateur",
    "Remarks": "Observations",
    "Client signature": "Signature du client",
    "For DST": "Pour DST",
    "Name and date:": "Nom et date :",
    # Day sheet
    "Day sheet": "Feuille de journée",
    "All regions": "Toutes les régions",
    "{count} session": "{count} session",
    "{count} sessions": "{count} sessions",
    "{count} region": "{count} région",
    "{count} regions": "{count} régions",
    "No session holds a setup on this date.": "Aucune session ne mobilise de setup à cette date.",
    "Note: {notes}": "Note : {notes}",
    # Statuses and sources
    "Pending confirmation": "En attente de confirmation",
    "In progress": "En cours",
    "Client portal": "Portail client",
    "Back office": "Back-office",
    "Event (trade fair, open day)": "Événement (salon, portes ouvertes)",
    # Messages
    "No booking {id}.": "Aucune réservation {id}.",
    "No region {id}. Known regions: {known}.": "Aucune région {id}. Régions connues : {known}.",
    # Utilisation report
    "Utilisation report": "Rapport d'utilisation",
    "Utilisation": "Utilisation",
    "by region": "par région",
    "by setup": "par setup",
    "by operator": "par opérateur",
    "{first} to {last}": "du {first} au {last}",
    "Week by week": "Semaine par semaine",
    "over capacity": "au-delà de la capacité",
    "no capacity": "aucune capacité",
    "Columns are calendar weeks (ISO week numbers).": (
        "Les colonnes sont les semaines civiles (numéros de semaine ISO)."
    ),
    "Each column is {count} calendar weeks (the first one's ISO week number).": (
        "Chaque colonne regroupe {count} semaines civiles (numéro ISO de la première)."
    ),
    "Capacity days": "Jours de capacité",
    "Days in service": "Jours en service",
    "Sessions": "Sessions",
    "Pending": "En attente",
    "Total": "Total",
    "Figures": "Chiffres",
    "Nothing to report.": "Rien à signaler.",
    "Capacity days: the sum over the days of the period of MIN(setups in service, "
    "operators on duty). Sessions: confirmed, scheduled, in progress or completed. "
    "Utilisation = sessions / capacity days.": (
        "Jours de capacité : somme sur les jours de la période de MIN(setups en service, "
        "opérateurs disponibles). Sessions : confirmées, planifiées, en cours ou terminées. "
        "Utilisation = sessions / jours de capacité."
    ),
    "Days in service: days active and not in maintenance or on leave. Sessions: days "
    "booked (confirmed, scheduled, in progress or completed). Utilisation = sessions / "
    "days in service.": (
        "Jours en service : jours actifs, hors maintenance ou congé. Sessions : jours "
        "réservés (confirmées, planifiées, en cours ou terminées). Utilisation = sessions / "
        "jours en service."
    ),
    # Calendar feeds
    "Reference": "Référence",
    "not allocated yet": "pas encore attribué",
    "Notes": "Notes",
    "Request awaiting confirmation": "Demande en attente de confirmation",
    # Footer
    "Page {page} of {pages}": "Page {page} sur {pages}",
    "Printed {when}": "Imprimé le {when}",
}

_ENGLISH_DAYS: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_FRENCH_DAYS: Final = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_ENGLISH_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_FRENCH_MONTHS: Final = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


_ENGLISH_SHORT_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_FRENCH_SHORT_MONTHS: Final = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def parse_language(text: str) -> Language | None:
    """``"fr"``, ``"FR"``, ``"fr_FR.UTF-8"``, ``"French_France"`` → ``"fr"``; None if unknown."""
    lowered = text.strip().lower()
    if lowered.startswith(("fr", "french")):
        return "fr"
    if lowered.startswith(("en", "english")):
        return "en"
    return None


def language_from_locale(names: tuple[str | None, ...]) -> Language:
    """The first locale name (``LC_ALL``, ``LANG``...) that names a known language; else English."""
    for name in names:
        if name and name not in {"C", "POSIX"}:
            found = parse_language(name)
            if found is not None:
                return found
    return "en"


def _french_lookup(text: str) -> str:
    return FRENCH.get(text, text)


def _english_lookup(text: str) -> str:
    return text


class Wording:
    """Translated text and locale-formatted dates for one language."""

    def __init__(self, language: Language, translate: Translate | None = None) -> None:
        self.language: Language = language
        if translate is not None:
            self._translate = translate
        else:
            self._translate = _french_lookup if language == "fr" else _english_lookup

    def __call__(self, text: str, /, **values: object) -> str:
        """``text`` translated, with its ``{placeholders}`` filled from ``values``."""
        template = self._translate(text)
        return template.format(**values) if values else template

    def count(self, count: int, singular: str, plural: str) -> str:
        """``"1 session"``, ``"3 sessions"``; French treats 0 and 1 as singular."""
        one = count <= 1 if self.language == "fr" else count == 1
        return self(singular if one else plural, count=count)

    def status(self, status: SessionStatus) -> str:
        return self(STATUS_TEXT[status])

    def source(self, booking_source: str) -> str:
        known = SOURCE_TEXT.get(booking_source)
        return self(known) if known is not None else booking_source

    def long_date(self, day: dt.date) -> str:
        """``mardi 10 mars 2025`` / ``Tuesday 10 March 2025`` (``samedi 1er mars 2025``)."""
        weekday = day.weekday()
        if self.language == "fr":
            number = "1er" if day.day == 1 else str(day.day)
            return f"{_FRENCH_DAYS[weekday]} {number} {_FRENCH_MONTHS[day.month - 1]} {day.year}"
        return f"{_ENGLISH_DAYS[weekday]} {day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"

    def moment(self, moment: dt.datetime, zone: dt.tzinfo | None = None) -> str:
        """``20 Feb 2025, 16:30`` / ``20 févr. 2025 à 16:30``, the reader's clock time.

        A naive ``moment`` is UTC (how the store keeps timestamps). It is shown in
        ``zone``, by default the computer's own time zone (with its summer time on the
        day of ``moment``), without naming the zone: the reader lives in it.
        """
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
        local = aware.astimezone(zone)
        clock = f"{local:%H:%M}"
        if self.language == "fr":
            number = "1er" if local.day == 1 else str(local.day)
            return f"{number} {_FRENCH_SHORT_MONTHS[local.month - 1]} {local.year} à {clock}"
        return f"{local.day} {_ENGLISH_SHORT_MONTHS[local.month - 1]} {local.year}, {clock}"
