#!/usr/bin/env bash
# An archive scan as a Slurm job array: task K of N scans its slice (`--shard K/N`, by path
# hash) of the same list. Submit with:   sbatch --array=1-16 Tools/batch/slurm-array.sh
# then merge:   sumi report merge results/shard-*.jsonl --format csv --output archive.csv
# A task that is preempted or killed resumes from its cache when resubmitted
# (sbatch --array=K Tools/batch/slurm-array.sh).
#SBATCH --job-name=sumi-archive
#SBATCH --cpus-per-task=2
#SBATCH --mem=16G
#SBATCH --time=12:00:00
#SBATCH --output=results/slurm-%A_%a.log
set -u
SITE=${SITE:-/srv/www}
N=${SLURM_ARRAY_TASK_COUNT:?run as a job array}
K=${SLURM_ARRAY_TASK_ID:?run as a job array}
mkdir -p results
sumi scan "$SITE" --shard "$K/$N" --jobs "${SLURM_CPUS_PER_TASK:-2}" \
  --cache "results/shard-$K.sqlite" --format jsonl --output "results/shard-$K.jsonl" \
  --summary "results/shard-$K-summary.json"
rc=$?
# 1 (findings) and 3 (something unread) are results; 2 or a crash is a failed task.
[ $rc -le 1 ] || [ $rc -eq 3 ]
