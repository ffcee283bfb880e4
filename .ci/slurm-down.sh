#!/usr/bin/env bash
# Stops what .ci/slurm-up.sh started (slurmd, slurmctld, munged); packages and config stay.
# Idempotent: a daemon that is not running is skipped.
set -uo pipefail
for pidfile in /run/slurmd.pid /run/slurmctld.pid; do
    if [ -f "$pidfile" ]; then
        kill "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile"
    fi
done
if [ -f /run/munge/munged.pid ]; then
    kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true
fi
exit 0
