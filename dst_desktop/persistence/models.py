"""Peewee models: the tables of a DST Desktop database.

The models are not bound to a database: the store binds every query to its own
database, so that one process can hold several databases (office and event laptop in
tests, a worker thread's connection) without rebinding classes.
"""

from __future__ import annotations

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    Check,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from dst_desktop.domain.statuses import RESOURCE_HOLDING, SessionStatus

#: The resource-holding statuses as an SQL list, for the partial indexes and the store.
HOLDING_SQL = ", ".join(f"'{status.value}'" for status in sorted(RESOURCE_HOLDING))
_STATUS_SQL = ", ".join(f"'{status.value}'" for status in SessionStatus)


class BaseModel(Model):
    class Meta:
        legacy_table_names = False


class RegionRow(BaseModel):
    id = CharField(primary_key=True, max_length=64)
    name = CharField(max_length=200)

    class Meta:
        table_name = "region"


class RegionalResourceRow(BaseModel):
    """What a setup and an operator row both hold: a home region, and whether in use.
    Each kind has a table of its own (no table for this one)."""

    id = CharField(primary_key=True, max_length=64)
    name = CharField(max_length=200)
    #: ``RegionRow.setups`` / ``RegionRow.operators``, after the table of the kind.
    region = ForeignKeyField(
        RegionRow, column_name="region_id", backref=lambda field: f"{field.model._meta.table_name}s"
    )
    active = BooleanField(default=True)


class SetupRow(RegionalResourceRow):
    class Meta:
        table_name = "setup"


class SetupUnavailableDateRow(BaseModel):
    """A maintenance day of a setup."""

    setup = ForeignKeyField(SetupRow, column_name="setup_id", on_delete="CASCADE")
    date = DateField()

    class Meta:
        table_name = "setup_unavailable_date"
        primary_key = CompositeKey("setup", "date")


class OperatorRow(RegionalResourceRow):
    class Meta:
        table_name = "operator"


class OperatorUnavailableDateRow(BaseModel):
    """A leave day of an operator."""

    operator = ForeignKeyField(OperatorRow, column_name="operator_id", on_delete="CASCADE")
    date = DateField()

    class Meta:
        table_name = "operator_unavailable_date"
        primary_key = CompositeKey("operator", "date")


class ModuleRow(BaseModel):
    id = CharField(primary_key=True, max_length=64)
    name = CharField(max_length=200)
    capacity_max = IntegerField(constraints=[Check("capacity_max >= 1")])

    class Meta:
        table_name = "module"


class ClientRow(BaseModel):
    id = CharField(primary_key=True, max_length=64)
    name = CharField(max_length=200)
    email = CharField(max_length=200, default="")
    phone = CharField(max_length=200, default="")
    #: The name folded for searching (see ``dst_desktop.domain.names.name_key``).
    name_key = TextField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        table_name = "client"


class OfferRow(BaseModel):
    id = CharField(primary_key=True, max_length=64)
    name = CharField(max_length=200)

    class Meta:
        table_name = "offer"


class SessionRow(BaseModel):
    """A booking. Its setup and operator are held while its status is resource-holding.

    Two partial unique indexes make a double allocation impossible at the database level,
    whatever the number of workstations confirming at once.
    """

    id = CharField(primary_key=True, max_length=64)
    # (client_id, date) and (region_id, date) below serve these foreign keys.
    client = ForeignKeyField(ClientRow, column_name="client_id", index=False)
    region = ForeignKeyField(RegionRow, column_name="region_id", index=False)
    date = DateField()
    requested_participants = IntegerField(constraints=[Check("requested_participants >= 1")])
    capacity_max = IntegerField()
    status = CharField(max_length=32, constraints=[Check(f"status IN ({_STATUS_SQL})")])
    booking_source = CharField(max_length=32)
    offer = ForeignKeyField(OfferRow, column_name="offer_id", null=True, index=False)
    notes = TextField(default="")
    # The partial unique indexes below also serve lookups by setup and operator.
    setup = ForeignKeyField(SetupRow, column_name="setup_id", null=True, index=False)
    operator = ForeignKeyField(OperatorRow, column_name="operator_id", null=True, index=False)
    created_at = DateTimeField()
    confirmed_at = DateTimeField(null=True)
    scheduled_at = DateTimeField(null=True)
    started_at = DateTimeField(null=True)
    completed_at = DateTimeField(null=True)
    cancelled_at = DateTimeField(null=True)
    outcome = CharField(max_length=32, null=True)
    cancellation_reason = TextField(null=True)
    source_device = CharField(max_length=200, null=True)
    #: The notes folded for searching (see ``dst_desktop.domain.names.name_key``).
    notes_key = TextField(default="", constraints=[SQL("DEFAULT ''")])
    #: The session this one replaced when it was rescheduled (not a foreign key: the
    #: cancelled original stays, but a copied database need not be loaded in order).
    previous_session_id = CharField(max_length=64, null=True)
    #: Recorded when the mission is completed.
    attended_participants = IntegerField(null=True)
    completion_notes = TextField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        table_name = "session"
        constraints = (
            SQL(
                f"CHECK (status NOT IN ({HOLDING_SQL}) "
                "OR (setup_id IS NOT NULL AND operator_id IS NOT NULL))"
            ),
        )
        indexes = (
            (("date", "status"), False),
            # Covers the availability query (status, date -> setup, operator) and orders
            # the pending queue.
            (("status", "date", "setup_id", "operator_id"), False),
            (("client_id", "date"), False),
            (("region_id", "date"), False),
        )


SessionRow.add_index(
    SessionRow.index(
        SessionRow.setup,
        SessionRow.date,
        unique=True,
        name="session_setup_held_once_per_day",
    ).where(SQL(f"status IN ({HOLDING_SQL})"))
)
SessionRow.add_index(
    SessionRow.index(
        SessionRow.operator,
        SessionRow.date,
        unique=True,
        name="session_operator_held_once_per_day",
    ).where(SQL(f"status IN ({HOLDING_SQL})"))
)


class SessionModuleRow(BaseModel):
    # The primary key (session_id, position) serves the session lookups.
    session = ForeignKeyField(
        SessionRow, column_name="session_id", on_delete="CASCADE", index=False
    )
    module = ForeignKeyField(ModuleRow, column_name="module_id", index=False)
    position = IntegerField()

    class Meta:
        table_name = "session_module"
        primary_key = CompositeKey("session", "position")


class AuditRow(BaseModel):
    """One audit line. ``session_id`` is not a foreign key: cancelled requests are deleted."""

    id = AutoField()
    at = DateTimeField()
    actor = CharField(max_length=200)
    action = CharField(max_length=64)
    session_id = CharField(max_length=64, null=True, index=True)
    details = TextField()

    class Meta:
        table_name = "audit_entry"


class SettingRow(BaseModel):
    """Facts about the database itself, such as whether it is an event database."""

    key = CharField(primary_key=True, max_length=64)
    value = TextField()

    class Meta:
        table_name = "setting"


class SnapshotKeyRow(BaseModel):
    """The signing key of an event snapshot (schema version 7).

    The office keeps one random key per snapshot it exports; the event laptop signs its
    bookings bundle with the key its snapshot carried, and the office imports only
    bundles whose signature one of its keys verifies. An event database keeps the key of
    the snapshot it holds.
    """

    id = CharField(primary_key=True, max_length=64)
    signing_key = CharField(max_length=128)
    event_name = CharField(max_length=200)
    created_at = DateTimeField()

    class Meta:
        table_name = "snapshot_key"


#: Every table, in an order where a table comes after those it refers to.
MODELS: tuple[type[BaseModel], ...] = (
    RegionRow,
    SetupRow,
    SetupUnavailableDateRow,
    OperatorRow,
    OperatorUnavailableDateRow,
    ModuleRow,
    ClientRow,
    OfferRow,
    SessionRow,
    SessionModuleRow,
    AuditRow,
    SettingRow,
    SnapshotKeyRow,
)
