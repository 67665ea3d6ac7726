"""Django's PostgreSQL backend, running the work a transaction keeps for last before it commits.

The audit chain is appended to last (`werkvrede.audit.precommit`, ADR 0212); everything else is
Django's own backend.
"""

from __future__ import annotations

from django.db.backends.postgresql import base

from werkvrede.audit.precommit import BeforeCommit


class DatabaseWrapper(BeforeCommit, base.DatabaseWrapper):
    pass
