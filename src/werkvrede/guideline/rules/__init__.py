"""Rule modules, one per chapter of domain.md §5. Each exposes ``check(ctx)``."""
