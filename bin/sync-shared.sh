#!/usr/bin/env bash
# Copies a newer set of the project's shared reference files into the repository, by hand:
#   bin/sync-shared.sh DIR      (DIR holds DOMAIN.md, policy/ and eval-dev/)
# Nothing in the repository reads DIR at run or test time; this only refreshes the copies, which you
# then review (git diff) — docs/domain.md is the project's own wording, so only a diff is shown for it.
set -euo pipefail
src=${1:?usage: bin/sync-shared.sh DIR (the folder with DOMAIN.md, policy/, eval-dev/)}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$src/DOMAIN.md" ] || { echo "no DOMAIN.md in $src: give the shared reference folder" >&2; exit 2; }
cp "$src"/eval-dev/*.jsonl "$root/test/fixtures/eval-dev/"
cp "$src/policy/000_fdd19989016d515e.txt" "$root/docs/policy/tongcheng-credit-plan-2023.txt"
echo "copied eval-dev/*.jsonl and the policy text; differences of DOMAIN.md against docs/domain.md:"
diff -u "$root/docs/domain.md" "$src/DOMAIN.md" || true
