#!/bin/sh
# `make run`: a background-task worker beside the development web server; both stop together.
set -eu
PY=.venv/bin/python
$PY manage.py db_worker --interval 2 >data/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
echo "Task worker started (log: data/worker.log)."
echo "Werkvrede: http://127.0.0.1:8000  (stop with Ctrl+C)"
$PY manage.py runserver 127.0.0.1:8000
