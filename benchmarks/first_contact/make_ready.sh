#!/bin/bash
# usage: make_ready.sh EVAL [after]   -- installs main's HEAD into /work/EVAL/venv and writes READY
set -e
EVAL=$1; FLAG=${2:-READY}; [ "$2" = after ] && FLAG=AFTER_READY
cd "$(dirname "$0")/../.."  # the repository
REV=$(git rev-parse --short HEAD)
rm -rf /tmp/tool-$EVAL && mkdir -p /tmp/tool-$EVAL && git archive HEAD | tar -x -C /tmp/tool-$EVAL
[ -d /work/$EVAL/venv ] || python3 -m venv /work/$EVAL/venv
/work/$EVAL/venv/bin/pip install -q --force-reinstall --no-deps /tmp/tool-$EVAL
/work/$EVAL/venv/bin/pip install -q /tmp/tool-$EVAL -c .ci/constraints.txt 2>/dev/null
cat > /work/$EVAL/$FLAG.pending <<EOT
Tool ready (build $REV). Run it as:  /work/$EVAL/venv/bin/planner ...
(or: export PATH=/work/$EVAL/venv/bin:\$PATH). Run commands from inside your ws/ folder.
EOT
echo "$FLAG.pending at $REV (mv to $FLAG when plans exist)"
