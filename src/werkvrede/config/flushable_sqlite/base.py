"""SQLite whose flush sets the triggers aside while it empties the tables; for the test suite only.

Transactional tests are torn down with a flush: TRUNCATE on PostgreSQL, which fires no row
trigger, but DELETE on SQLite, which the audit table refuses. Here the triggers are dropped and
created again inside the flush's own transaction, so they are back, unchanged, when it commits
(ADR 0051). Production never uses this backend.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.backends.sqlite3 import base, operations

from werkvrede.audit.precommit import BeforeCommit


class DatabaseOperations(operations.DatabaseOperations):
    def execute_sql_flush(self, sql_list: Iterable[str]) -> None:
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            triggers = cursor.fetchall()
            for name, _ in triggers:
                cursor.execute(f"DROP TRIGGER {self.quote_name(name)}")
            for sql in sql_list:
                cursor.execute(sql)
            for _, sql in triggers:
                cursor.execute(sql)


class DatabaseWrapper(BeforeCommit, base.DatabaseWrapper):
    ops_class = DatabaseOperations
