"""`manage.py rotate_data_key`: re-encrypt all sealed content under the newest data key."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkvrede.vault.crypto import SealedContentError
from werkvrede.vault.keys import new_data_key
from werkvrede.vault.services import rotate_data_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every sealed value under the first key of WERKVREDE_DATA_KEYS. To rotate: put a new "
        "key first (keep the old ones after it), run this command, then remove the old keys. "
        "With --generate (development only) a new key is added to the local data directory first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--generate", action="store_true", help="development: create a new local key first"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["generate"]:
            self._generate_local_key()

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  re-encrypted {done} of {total}")

        try:
            count = rotate_data_keys(progress=progress)
        except SealedContentError as exc:
            raise CommandError(f"rotation stopped: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"OK: {count} sealed values now under the current key"))

    def _generate_local_key(self) -> None:
        path = settings.DATA_DIR / "keys" / "data_keys"
        if not path.exists():
            raise CommandError("--generate only works with the local development keys (make run)")
        existing = path.read_text().strip()
        number = len(existing.split(",")) + 1
        new = new_data_key(f"dev{number}")
        path.write_text(f"{new},{existing}")
        settings.WERKVREDE_DATA_KEYS = f"{new},{existing}"
        self.stdout.write(f"added key dev{number} to {path.name}")
