"""Keyed audit chain (ADR 0050): the id of the chain key that hashed an event, and DELETE refused on SQLite.

Existing events keep key id "" and their plain SHA-256: without the key no migration could re-hash
them, and re-hashing would erase the evidence they are. The first keyed event of a chain links to
the last unkeyed one.

On SQLite, adding the column rebuilds the table, which drops its triggers; they are created again
after it, now refusing DELETE as well as UPDATE. Django's test flush empties tables with DELETE on
SQLite, so the test settings use a backend whose flush sets the triggers aside as PostgreSQL's
TRUNCATE does (ADR 0051). On PostgreSQL migration 0002's trigger refuses both already.
"""

from django.db import migrations, models

SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS audit_event_append_only",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    """
CREATE TRIGGER audit_event_append_only BEFORE UPDATE ON audit_auditevent
BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only (UPDATE refused)'); END
""",
    """
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only (DELETE refused)'); END
""",
]
SQLITE_UPDATE_TRIGGER_ONLY = [*SQLITE_TRIGGERS[:2], SQLITE_TRIGGERS[2]]


def _on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only")]

    operations = [
        # Backwards, after the column is gone: migration 0002's state (UPDATE refused only).
        migrations.RunPython(migrations.RunPython.noop, _on_sqlite(SQLITE_UPDATE_TRIGGER_ONLY)),
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(blank=True, default="", max_length=40),
        ),
        migrations.RunPython(_on_sqlite(SQLITE_TRIGGERS), _on_sqlite(SQLITE_UPDATE_TRIGGER_ONLY)),
    ]
