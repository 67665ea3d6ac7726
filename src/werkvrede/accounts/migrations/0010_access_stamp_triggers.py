"""The database raises a person's access stamp (`User.access_version`) itself, so a change made by any
means — a service, the admin site, a queryset `update()`, a cascade or SQL — ends what a session cached
under the old stamp at its next request, and no save can write an older stamp back
(docs/adr/0199-the-database-raises-the-access-stamp.md)."""

from typing import Any

from django.db import migrations

_POSTGRES = """
CREATE OR REPLACE FUNCTION werkvrede_stamp_users(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE accounts_user SET access_version = access_version + 1 WHERE id = ANY(ids);
$$;

CREATE OR REPLACE FUNCTION werkvrede_stamp_by_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM werkvrede_stamp_users(ARRAY[OLD.user_id, NEW.user_id]::bigint[]);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION werkvrede_stamp_by_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM werkvrede_stamp_users(ARRAY(
        SELECT user_id FROM accounts_membership WHERE id IN (OLD.membership_id, NEW.membership_id)
    )::bigint[]);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION werkvrede_stamp_by_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM werkvrede_stamp_users(ARRAY(
        SELECT user_id FROM accounts_membership WHERE organisation_id = NEW.id
    )::bigint[]);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION werkvrede_stamp_never_back() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.access_version < OLD.access_version THEN
        NEW.access_version := OLD.access_version;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER werkvrede_stamp_rolegrant AFTER INSERT OR UPDATE OR DELETE ON accounts_rolegrant
    FOR EACH ROW EXECUTE FUNCTION werkvrede_stamp_by_membership();
CREATE TRIGGER werkvrede_stamp_membership AFTER INSERT OR UPDATE OR DELETE ON accounts_membership
    FOR EACH ROW EXECUTE FUNCTION werkvrede_stamp_by_user();
CREATE TRIGGER werkvrede_stamp_organisation AFTER UPDATE OF name ON accounts_organisation
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION werkvrede_stamp_by_organisation();
CREATE TRIGGER werkvrede_stamp_totpdevice AFTER INSERT OR UPDATE OF confirmed, user_id OR DELETE
    ON otp_totp_totpdevice FOR EACH ROW EXECUTE FUNCTION werkvrede_stamp_by_user();
CREATE TRIGGER werkvrede_stamp_staticdevice AFTER INSERT OR UPDATE OF confirmed, user_id OR DELETE
    ON otp_static_staticdevice FOR EACH ROW EXECUTE FUNCTION werkvrede_stamp_by_user();
CREATE TRIGGER werkvrede_stamp_never_back BEFORE UPDATE OF access_version ON accounts_user
    FOR EACH ROW EXECUTE FUNCTION werkvrede_stamp_never_back();
"""

_POSTGRES_DROP = """
DROP TRIGGER IF EXISTS werkvrede_stamp_rolegrant ON accounts_rolegrant;
DROP TRIGGER IF EXISTS werkvrede_stamp_membership ON accounts_membership;
DROP TRIGGER IF EXISTS werkvrede_stamp_organisation ON accounts_organisation;
DROP TRIGGER IF EXISTS werkvrede_stamp_totpdevice ON otp_totp_totpdevice;
DROP TRIGGER IF EXISTS werkvrede_stamp_staticdevice ON otp_static_staticdevice;
DROP TRIGGER IF EXISTS werkvrede_stamp_never_back ON accounts_user;
DROP FUNCTION IF EXISTS werkvrede_stamp_by_user();
DROP FUNCTION IF EXISTS werkvrede_stamp_by_membership();
DROP FUNCTION IF EXISTS werkvrede_stamp_by_organisation();
DROP FUNCTION IF EXISTS werkvrede_stamp_never_back();
DROP FUNCTION IF EXISTS werkvrede_stamp_users(bigint[]);
"""


# SQLite has no trigger functions: one trigger per table and operation, the same effect. No BEFORE
# trigger may change NEW there: the last one puts the higher stamp back right after (recursive
# triggers are off, so its own update does not fire it again).
_SQLITE = [
    """CREATE TRIGGER werkvrede_stamp_accounts_rolegrant_insert AFTER INSERT ON accounts_rolegrant
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (SELECT user_id FROM accounts_membership
        WHERE id IN (NEW.membership_id));
    END""",
    """CREATE TRIGGER werkvrede_stamp_accounts_rolegrant_update AFTER UPDATE ON accounts_rolegrant
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (SELECT user_id FROM accounts_membership
        WHERE id IN (OLD.membership_id, NEW.membership_id));
    END""",
    """CREATE TRIGGER werkvrede_stamp_accounts_rolegrant_delete AFTER DELETE ON accounts_rolegrant
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (SELECT user_id FROM accounts_membership
        WHERE id IN (OLD.membership_id));
    END""",
    """CREATE TRIGGER werkvrede_stamp_accounts_membership_insert AFTER INSERT ON accounts_membership
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (NEW.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_accounts_membership_update AFTER UPDATE ON accounts_membership
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (OLD.user_id, NEW.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_accounts_membership_delete AFTER DELETE ON accounts_membership
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (OLD.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_otp_totp_totpdevice_insert AFTER INSERT ON otp_totp_totpdevice
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (NEW.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_otp_totp_totpdevice_update AFTER UPDATE OF confirmed, user_id
    ON otp_totp_totpdevice
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (OLD.user_id, NEW.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_otp_totp_totpdevice_delete AFTER DELETE ON otp_totp_totpdevice
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (OLD.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_otp_static_staticdevice_insert AFTER INSERT ON otp_static_staticdevice
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (NEW.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_otp_static_staticdevice_update AFTER UPDATE OF confirmed, user_id
    ON otp_static_staticdevice
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (OLD.user_id, NEW.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_otp_static_staticdevice_delete AFTER DELETE ON otp_static_staticdevice
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (OLD.user_id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_accounts_organisation AFTER UPDATE OF name ON accounts_organisation
    WHEN OLD.name IS NOT NEW.name
    BEGIN
        UPDATE accounts_user SET access_version = access_version + 1
        WHERE id IN (SELECT user_id FROM accounts_membership WHERE organisation_id = NEW.id);
    END""",
    """CREATE TRIGGER werkvrede_stamp_never_back AFTER UPDATE OF access_version ON accounts_user
    WHEN NEW.access_version < OLD.access_version
    BEGIN
        UPDATE accounts_user SET access_version = OLD.access_version
        WHERE id = NEW.id;
    END""",
]


def create(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(_POSTGRES)
    elif vendor == "sqlite":
        for statement in _SQLITE:
            schema_editor.execute(statement)
    else:  # pragma: no cover - the two databases Werkvrede runs on
        raise NotImplementedError(f"no access-stamp triggers for {vendor}")


def drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_POSTGRES_DROP)
    else:
        for name in _SQLITE:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name.split()[2]}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_access_version"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(create, drop)]
