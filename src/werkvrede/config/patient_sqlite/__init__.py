"""SQLite that waits for the write lock outside SQLite's own busy handler (ADR 0140)."""
