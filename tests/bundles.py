"""Bookings bundles written as an event laptop would: signed with the key of a snapshot
the office database exported (so that tests can carry any content to the office)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dst_desktop.services.exchange import make_bundle, write_bundle
from dst_desktop.services.results import JsonDict
from dst_desktop.services.workflows import Workflows


def snapshot_key(snapshot: Path) -> tuple[str, bytes]:
    """The id and signing key a snapshot file carries to the event laptop."""
    bundle = json.loads(snapshot.read_text("utf-8"))
    return str(bundle["snapshotId"]), bytes.fromhex(bundle["content"]["signingKey"])


def signed_bookings(
    office: Workflows,
    path: Path,
    content: JsonDict,
    device: str = "laptop-9",
    created_at: dt.datetime = dt.datetime(2025, 2, 19, 18, 0),
) -> Path:
    """Write ``content`` to ``path`` as a bookings bundle signed with the key of a new
    snapshot of ``office``."""
    snapshot = path.with_name(path.stem + "-snapshot.json")
    office.exchange.export_snapshot(snapshot, replace=True)
    snapshot_id, key = snapshot_key(snapshot)
    bundle = make_bundle("bookings", content, device, created_at, snapshot_id, key)
    write_bundle(bundle, path, replace=True)
    return path
