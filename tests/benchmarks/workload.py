"""The unit of work both backends' create + confirm benchmarks time."""

from __future__ import annotations

from dst_desktop.services.workflows import Workflows


def create_and_confirm(workflows: Workflows) -> None:
    """One request for a far day, confirmed, then its mission cancelled so that the day
    stays free for the next round."""
    created = workflows.booking.create_session_booking(
        {
            "clientId": "client_acme_securite",
            "regionId": "bretagne",
            "date": "2027-05-20",
            "moduleIds": ["module_tir"],
            "requestedParticipants": 5,
        }
    )
    assert created.success, created
    confirmed = workflows.booking.confirm_session_booking(created.session.id)
    if confirmed.success:
        workflows.mission.cancel_mission(created.session.id, "benchmark")  # type: ignore[union-attr]
