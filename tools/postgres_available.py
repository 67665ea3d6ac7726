"""Exit 0 when the PostgreSQL server of WERKVREDE_TEST_DATABASE_URL answers, else 1 (with the reason)."""

from __future__ import annotations

import os
import sys

import dj_database_url
import psycopg

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/werkvrede"


def main() -> int:
    url = os.environ.get("WERKVREDE_TEST_DATABASE_URL", DEFAULT_URL)
    config = dj_database_url.parse(url)
    try:
        # Connect to the maintenance database: the test database is created by the test run.
        with psycopg.connect(
            host=config.get("HOST") or "127.0.0.1",
            port=int(config.get("PORT") or 5432),
            user=config.get("USER") or "postgres",
            password=config.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=3,
        ) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as exc:
        print(
            f"PostgreSQL not reachable at {config.get('HOST')}:{config.get('PORT')}: {exc}", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
