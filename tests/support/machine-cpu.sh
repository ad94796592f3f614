#!/bin/bash
# Usage: tests/support/machine-cpu.sh <command...>
# Runs the command and prints the CPU seconds the whole machine spent while it ran (user + nice,
# system + irq + softirq, idle, iowait, steal: deltas of the first line of /proc/stat).
# Why not /usr/bin/time: it counts the command and the children it waited for. Chromium's
# processes (renderers, zygotes, the GPU process) are not reaped by the test process that
# started them, or run under vitest's main process (the browser tier's shared Chromium), so
# their CPU never reaches the command's rusage. The machine's counters see everything; on a
# shared machine they also see other people's work, so compare runs taken at similar load.
read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ < /proc/stat
start=$(date +%s.%N)
"$@"
rc=$?
read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ < /proc/stat
end=$(date +%s.%N)
ticks=$(getconf CLK_TCK)
echo "machine: wall $(echo "$end - $start" | bc) s" \
  "user $(((u2 - u1 + n2 - n1) / ticks)) sys $(((s2 - s1 + q2 - q1 + sq2 - sq1) / ticks))" \
  "idle $(((i2 - i1) / ticks)) iowait $(((w2 - w1) / ticks)) steal $(((st2 - st1) / ticks))" >&2
exit $rc
