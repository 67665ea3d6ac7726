"""SQLite for the test suite, whose flush empties tables as PostgreSQL's TRUNCATE does (ADR 0051)."""
