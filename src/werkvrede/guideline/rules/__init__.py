"""Rule modules, one per group of rules in docs/rules.md. Each exposes ``check(ctx)``."""
