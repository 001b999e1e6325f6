"""Who may do what on a team's PostgreSQL database (SPEC 10), enforced by the server.

* **Roles.** Three group roles — ``dst_booking``, ``dst_planner`` (a member of
  ``dst_booking``) and ``dst_admin`` (a member of ``dst_planner``) — and one login per
  person, a member of one group. ``init``, run by the database owner (who needs
  CREATEROLE), creates them and the grants below; running it again changes nothing.
* **Privileges.** Every group reads every table. ``dst_booking`` may write sessions and
  their modules (row-level security narrows that to pending, unallocated sessions), add
  clients, bump the reference revision and append audit rows; ``dst_planner`` may change
  any session; ``dst_admin`` the reference data and the settings.
* **Audit log.** Schema version 5 (any login, owner included): the database writes the
  actor itself (``session_user``), and refuses to update, delete or truncate audit rows.
* **Users.** ``dst_admin`` members manage logins through ``SECURITY DEFINER`` functions
  owned by the database owner, which touch only DST Desktop logins; an admin login
  needs no CREATEROLE of its own.

Statements here are sent without parameters (``%`` is PL/pgSQL's own), except the user
functions' calls, which pass the login, the role and the password as parameters.
"""

from __future__ import annotations

from typing import Any

from peewee import Database

from dst_desktop.domain.model import UserAccount
from dst_desktop.domain.permissions import Access, Role

GROUPS = tuple(role.group for role in Role)
_GROUP_LIST = ", ".join(f"'{group}'" for group in GROUPS)
#: A session a ``booking`` login may write: a request that holds nothing.
_PENDING = "status = 'pending_confirmation' AND setup_id IS NULL AND operator_id IS NULL"
REFERENCE_TABLES = (
    "region",
    "setup",
    "setup_unavailable_date",
    "operator",
    "operator_unavailable_date",
    "module",
    "offer",
)
_ALL_TABLES = (
    *REFERENCE_TABLES,
    "client",
    "session",
    "session_module",
    "audit_entry",
    "setting",
    "snapshot_key",
    "schema_version",
)

#: Schema version 5: the audit log records its actor itself and keeps every row.
AUDIT_LOG_SQL = """
CREATE OR REPLACE FUNCTION dst_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor := session_user;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION dst_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: its rows cannot be changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER IF EXISTS audit_entry_actor ON audit_entry;
CREATE TRIGGER audit_entry_actor BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION dst_audit_actor();
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION dst_audit_append_only();
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry;
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION dst_audit_append_only();
"""

_GROUPS_SQL = f"""
DO $$
DECLARE g text;
BEGIN
    FOREACH g IN ARRAY ARRAY[{_GROUP_LIST}] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', g);
        END IF;
    END LOOP;
    IF NOT pg_has_role('dst_planner', 'dst_booking', 'MEMBER') THEN
        GRANT dst_booking TO dst_planner;
    END IF;
    IF NOT pg_has_role('dst_admin', 'dst_planner', 'MEMBER') THEN
        GRANT dst_planner TO dst_admin;
    END IF;
END $$;
"""


def _policy(table: str, name: str, rule: str) -> str:
    return f"DROP POLICY IF EXISTS {name} ON {table};\nCREATE POLICY {name} ON {table} {rule};\n"


_GRANTS_SQL = (
    f"GRANT SELECT ON {', '.join(_ALL_TABLES)} TO dst_booking;\n"
    "GRANT INSERT, UPDATE, DELETE ON session, session_module TO dst_booking;\n"
    "GRANT INSERT ON client, audit_entry TO dst_booking;\n"
    "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SEQUENCE %s TO dst_booking',"
    " pg_get_serial_sequence('audit_entry', 'id')); END $$;\n"
    "GRANT INSERT, UPDATE ON setting TO dst_booking;\n"
    f"GRANT INSERT, UPDATE, DELETE ON {', '.join(REFERENCE_TABLES)} TO dst_admin;\n"
    "GRANT UPDATE, DELETE ON client TO dst_admin;\n"
    "GRANT DELETE ON setting TO dst_admin;\n"
    # The signing keys of event snapshots: an admin exports a snapshot and keeps its key;
    # everyone reads them, as every table (a copy of the database holds them too).
    "GRANT INSERT ON snapshot_key TO dst_admin;\n"
    "ALTER TABLE session ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE session_module ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE setting ENABLE ROW LEVEL SECURITY;\n"
    + _policy("session", "dst_read", "FOR SELECT TO dst_booking USING (true)")
    + _policy("session", "dst_booking_insert", f"FOR INSERT TO dst_booking WITH CHECK ({_PENDING})")
    # Which rows a booking login may update is the trigger's business (below): a USING
    # clause here would also hide other sessions from SELECT … FOR UPDATE.
    + _policy(
        "session",
        "dst_booking_update",
        f"FOR UPDATE TO dst_booking USING (true) WITH CHECK ({_PENDING})",
    )
    + _policy("session", "dst_booking_delete", f"FOR DELETE TO dst_booking USING ({_PENDING})")
    + _policy("session", "dst_planner_all", "FOR ALL TO dst_planner USING (true) WITH CHECK (true)")
    + _policy("session_module", "dst_read", "FOR SELECT TO dst_booking USING (true)")
    + _policy(
        "session_module",
        "dst_booking_write",
        "FOR ALL TO dst_booking USING (dst_pending_session(session_id))"
        " WITH CHECK (dst_pending_session(session_id))",
    )
    + _policy(
        "session_module", "dst_planner_all", "FOR ALL TO dst_planner USING (true) WITH CHECK (true)"
    )
    + _policy("setting", "dst_read", "FOR SELECT TO dst_booking USING (true)")
    + _policy(
        "setting",
        "dst_booking_revision",
        "FOR INSERT TO dst_booking WITH CHECK (key = 'reference_revision')",
    )
    + _policy(
        "setting",
        "dst_booking_revision_update",
        "FOR UPDATE TO dst_booking USING (key = 'reference_revision')"
        " WITH CHECK (key = 'reference_revision')",
    )
    + _policy("setting", "dst_admin_all", "FOR ALL TO dst_admin USING (true) WITH CHECK (true)")
)

_FUNCTIONS_SQL = f"""
-- Names are qualified and the search path fixed: a login's temporary table named
-- "session" or "pg_class" must not stand in for the real one.
CREATE OR REPLACE FUNCTION dst_pending_session(wanted varchar) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT FROM {{schema}}.session s WHERE s.id = wanted
                   AND s.status = 'pending_confirmation'
                   AND s.setup_id IS NULL AND s.operator_id IS NULL)
$$;

-- A booking login may change a session only while it is a pending request.
CREATE OR REPLACE FUNCTION dst_session_guard() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(current_user, 'dst_planner', 'MEMBER')
       AND NOT pg_has_role(current_user,
                           (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER')
       AND NOT (OLD.status = 'pending_confirmation'
                AND OLD.setup_id IS NULL AND OLD.operator_id IS NULL) THEN
        RAISE EXCEPTION 'only a planner may change session % (status %)', OLD.id, OLD.status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS session_guard ON session;
CREATE TRIGGER session_guard BEFORE UPDATE ON session
    FOR EACH ROW EXECUTE FUNCTION dst_session_guard();

-- Whether a role is a login DST Desktop manages: a member of one of its groups, and
-- neither a superuser, nor able to create roles, nor the database's owner.
CREATE OR REPLACE FUNCTION dst_is_user(login text) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (
        SELECT FROM pg_auth_members m
        JOIN pg_roles g ON g.oid = m.roleid
        JOIN pg_roles u ON u.oid = m.member
        WHERE u.rolname = login AND g.rolname IN ({_GROUP_LIST})
          AND u.rolname NOT IN ({_GROUP_LIST})
          AND NOT u.rolsuper AND NOT u.rolcreaterole
          AND u.oid <> (SELECT datdba FROM pg_database WHERE datname = current_database()))
$$;

CREATE OR REPLACE FUNCTION dst_add_user(login text, dst_role text, password text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF dst_role IS NULL OR dst_role NOT IN ('booking', 'planner', 'admin') THEN
        RAISE EXCEPTION 'unknown DST Desktop role %', dst_role
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF login IS NULL OR login !~ '^[a-z][a-z0-9_.-]{{0,62}}$' OR login LIKE 'pg\\_%'
       OR login IN ({_GROUP_LIST}) THEN
        RAISE EXCEPTION 'invalid login name %', login USING ERRCODE = 'invalid_name';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'a login named % already exists on this server', login
            USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT IN ROLE %I',
                   login, 'dst_' || dst_role);
    IF password IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password);
    END IF;
END $$;

CREATE OR REPLACE FUNCTION dst_set_user_role(login text, dst_role text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE g text;
BEGIN
    IF dst_role IS NULL OR dst_role NOT IN ('booking', 'planner', 'admin') THEN
        RAISE EXCEPTION 'unknown DST Desktop role %', dst_role
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT {{schema}}.dst_is_user(login) THEN
        RAISE EXCEPTION '% is not a DST Desktop login', login USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('GRANT %I TO %I', 'dst_' || dst_role, login);
    FOREACH g IN ARRAY ARRAY[{_GROUP_LIST}] LOOP
        IF g <> 'dst_' || dst_role AND EXISTS (
            SELECT FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
            WHERE r.rolname = g AND m.member = (SELECT oid FROM pg_roles WHERE rolname = login))
        THEN
            EXECUTE format('REVOKE %I FROM %I', g, login);
        END IF;
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION dst_remove_user(login text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT {{schema}}.dst_is_user(login) THEN
        RAISE EXCEPTION '% is not a DST Desktop login', login USING ERRCODE = 'undefined_object';
    END IF;
    IF login = session_user THEN
        RAISE EXCEPTION 'a login cannot remove itself' USING ERRCODE = 'object_in_use';
    END IF;
    EXECUTE format('DROP ROLE %I', login);
END $$;

REVOKE ALL ON FUNCTION dst_add_user(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION dst_set_user_role(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION dst_remove_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dst_add_user(text, text, text) TO dst_admin;
GRANT EXECUTE ON FUNCTION dst_set_user_role(text, text) TO dst_admin;
GRANT EXECUTE ON FUNCTION dst_remove_user(text) TO dst_admin;
"""

#: Who this connection is: login, owner (or superuser), and the DST groups it is in.
ACCESS_SQL = f"""
SELECT session_user::text,
       r.rolsuper OR pg_has_role(session_user, d.datdba, 'MEMBER'),
       ARRAY(SELECT g.rolname::text FROM pg_roles g
             WHERE g.rolname IN ({_GROUP_LIST}) AND pg_has_role(session_user, g.oid, 'MEMBER'))
FROM pg_roles r, pg_database d
WHERE r.rolname = session_user AND d.datname = current_database()
"""

USERS_SQL = f"""
SELECT u.rolname::text, array_agg(g.rolname::text)
FROM pg_auth_members m
JOIN pg_roles g ON g.oid = m.roleid
JOIN pg_roles u ON u.oid = m.member
WHERE g.rolname IN ({_GROUP_LIST}) AND u.rolname NOT IN ({_GROUP_LIST})
  AND NOT u.rolsuper AND NOT u.rolcreaterole
  AND u.oid <> (SELECT datdba FROM pg_database WHERE datname = current_database())
GROUP BY u.rolname
ORDER BY u.rolname
"""

#: Whether this login may set up roles: the owner with CREATEROLE, or a superuser.
SETUP_RIGHTS_SQL = """
SELECT r.rolsuper, r.rolcreaterole, pg_has_role(session_user, d.datdba, 'MEMBER'),
       pg_get_userbyid(d.datdba)::text
FROM pg_roles r, pg_database d
WHERE r.rolname = session_user AND d.datname = current_database()
"""


def run_script(db: Database, script: str) -> None:
    """Send DDL as it is: no parameters, so ``%`` keeps its PL/pgSQL meaning."""
    cursor: Any = db.cursor()  # type: ignore[no-untyped-call]
    cursor.execute(script)


def highest_role(groups: list[str]) -> Role | None:
    roles = [role for role in Role if role.group in groups]
    return max(roles, key=lambda role: role.rank) if roles else None


def read_access(db: Database) -> Access:
    cursor: Any = db.cursor()  # type: ignore[no-untyped-call]
    cursor.execute(ACCESS_SQL)
    login, owner, groups = cursor.fetchone()
    return Access(login=login, role=highest_role(list(groups or ())), owner=bool(owner))


def list_users(db: Database) -> list[UserAccount]:
    cursor: Any = db.cursor()  # type: ignore[no-untyped-call]
    cursor.execute(USERS_SQL)
    found = []
    for login, groups in cursor.fetchall():
        role = highest_role(list(groups))
        if role is not None:
            found.append(UserAccount(login, role))
    return found


def grant_script(db: Database) -> str:
    """Everything ``init`` sets up beyond the schema, in this connection's schema."""
    from psycopg import sql

    connection: Any = db.connection()  # type: ignore[no-untyped-call]
    cursor: Any = db.cursor()  # type: ignore[no-untyped-call]
    cursor.execute("SELECT current_schema(), current_database()")
    schema, database = cursor.fetchone()
    connect = sql.SQL("GRANT CONNECT ON DATABASE {} TO dst_booking;\n").format(
        sql.Identifier(database)
    )
    functions = _FUNCTIONS_SQL.replace("{schema}", sql.Identifier(schema).as_string(connection))
    return _GROUPS_SQL + functions + _GRANTS_SQL + connect.as_string(connection)
