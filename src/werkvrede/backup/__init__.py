"""Backups that restore: `manage.py backup` and `manage.py restore` (ADR 0152)."""
