#!/usr/bin/env bash
# An archive scan over a few machines with GNU parallel and ssh: each host scans its slice
# (`--shard K/N`, by path hash) of the same tree, which every host sees at the same path
# (NFS or a copy), and the JSON Lines come back here to be merged.
#
#   Tools/batch/parallel-ssh.sh /srv/www host1 host2 host3
#
# Needs sumi on every host's PATH and GNU parallel here. Rerun the same command after an
# interruption: each host's --cache (in its home directory) makes its shard resume.
set -euo pipefail
site=$1; shift
hosts=("$@")
n=${#hosts[@]}
mkdir -p results
for k in $(seq "$n"); do echo "$k ${hosts[$((k - 1))]}"; done |
  parallel --colsep ' ' --jobs "$n" --line-buffer \
    "ssh {2} 'sumi scan $site --shard {1}/$n --cache sumi-shard-{1}.sqlite --format jsonl --quiet; test \$? -le 1 -o \$? -eq 3' > results/shard-{1}.jsonl"
sumi report merge results/shard-*.jsonl --format text || true
