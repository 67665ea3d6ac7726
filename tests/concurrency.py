"""Run the same work in several threads at once, each with its own database connection.

For the tests that prove a step happens once when two workers or two machines race for it
(on PostgreSQL: row locks and `skip_locked`); every thread starts at the same barrier.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connection

T = TypeVar("T")


def at_once(work: Callable[[], T], times: int = 2) -> list[T]:
    """Call `work` in `times` threads released together; its results, or the first error raised."""
    results: list[T] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(times)

    def run() -> None:
        try:
            barrier.wait()
            results.append(work())
        except BaseException as exc:  # re-raised below, in the test's own thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results
