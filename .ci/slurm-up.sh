#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine for the Slurm sweep test (SlurmSweepIT):
# munged, slurmctld and slurmd started directly (no systemd), no accounting database.
# Idempotent: packages already installed are not fetched again, running daemons are kept.
# Needs root. Undo with .ci/slurm-down.sh.
set -euo pipefail

if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq slurm-wlm munge >/dev/null
fi

CONF_DIR=/etc/slurm
STATE=/var/spool/slurmctld
SPOOL=/var/spool/slurmd
LOGS=/var/log/slurm
mkdir -p "$CONF_DIR" "$STATE" "$SPOOL" "$LOGS" /run/munge /var/lib/munge /var/log/munge /etc/munge

# munge: one key shared by controller and node (the same machine)
if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
chmod 0700 /etc/munge
chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then
    if id munge >/dev/null 2>&1; then
        su -s /bin/sh munge -c 'munged' || munged --force
    else
        munged --force
    fi
fi

HOST=$(hostname -s)
# the node may not promise more than the machine has: take CPUs and memory from slurmd -C
NODE_LINE=$(slurmd -C | head -1)
CPUS=$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<<"$NODE_LINE")
MEM=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$NODE_LINE")
MEM=$(( MEM * 9 / 10 ))
# the node as slurmd sees it (sockets, cores, threads), with a tenth of the memory kept back
NODE_DEF=$(sed "s/RealMemory=[0-9]*/RealMemory=$MEM/" <<<"$NODE_LINE")

cat > "$CONF_DIR/slurm.conf.new" <<CONF
# one-node test cluster written by .ci/slurm-up.sh
ClusterName=pdw-test
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$STATE
SlurmdSpoolDir=$SPOOL
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobRequeue=1
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=30
MinJobAge=600
# a requeued job may start again cred_expire+1 s after it ended (default 120 s): the test requeues
# cells, so keep that short; the scheduler then looks at pending jobs every few seconds
AuthInfo=cred_expire=15
SchedulerParameters=sched_interval=5,bf_interval=5
$NODE_DEF State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
# slurmd loads a cgroup plugin even with proctrack/linuxproc (autodetected, v1 or v2); without
# systemd it must not ask systemd for its scope (Slurm 22.05 has no CgroupPlugin=disabled)
printf 'CgroupPlugin=autodetect\nIgnoreSystemd=yes\n' > "$CONF_DIR/cgroup.conf"

RESTART=0
if ! cmp -s "$CONF_DIR/slurm.conf.new" "$CONF_DIR/slurm.conf"; then
    mv "$CONF_DIR/slurm.conf.new" "$CONF_DIR/slurm.conf"
    RESTART=1
else
    rm -f "$CONF_DIR/slurm.conf.new"
fi
if [ "$RESTART" = 1 ]; then
    # a daemon reads its config at start: stop both and wait until they are gone
    for daemon in slurmctld slurmd; do
        pid=$(cat "/run/$daemon.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
            for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        fi
    done
fi
if ! pgrep -x slurmctld >/dev/null; then
    slurmctld
fi
if ! pgrep -x slurmd >/dev/null; then
    slurmd
fi

# wait until the node takes jobs
for _ in $(seq 1 60); do
    STATE_NOW=$(timeout 5 sinfo -h -N -o '%t' 2>/dev/null | head -1 || true)
    case "$STATE_NOW" in
        idle*|mix*|alloc*) echo "slurm up: node $HOST ($CPUS CPUs, $MEM MB), state $STATE_NOW"; exit 0 ;;
        down*|drain*|unk*) scontrol update NodeName="$HOST" State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 1
done
echo "slurm did not come up; see $LOGS/slurmctld.log and $LOGS/slurmd.log" >&2
sinfo -N -l >&2 || true
exit 1
