#!/bin/sh
# Print the path of a uv executable, installing uv into .tools/ when none is on the PATH.
set -eu
if command -v uv >/dev/null 2>&1; then command -v uv; exit 0; fi
if [ -x .tools/bin/uv ]; then echo .tools/bin/uv; exit 0; fi
if python3 -m venv .tools >/dev/null 2>&1; then
  .tools/bin/python -m pip install --quiet --disable-pip-version-check uv >&2
  echo .tools/bin/uv
else
  # No venv module (Debian without python3-venv): a user install of uv instead.
  python3 -m pip install --quiet --user uv >&2 2>/dev/null || python3 -m pip install --quiet --user --break-system-packages uv >&2
  echo "$(python3 -m site --user-base)/bin/uv"
fi
