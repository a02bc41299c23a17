#!/usr/bin/env bash
# Executes the example notebooks in place with Deno's Jupyter kernel, so that they are committed
# with their outputs. Needs Debian's jupyter-nbconvert and python3-nbclient; builds first.
#   npm run notebooks
# Deno 2.9's kernel sometimes loses the last cell's output: a run missing one is repeated.
set -euo pipefail
cd "$(dirname "$0")"
DENO_NO_UPDATE_CHECK=1 NO_COLOR=1 ../../node_modules/.bin/deno jupyter --install --force >/dev/null 2>&1
for nb in market-basket customer-value churn; do
  for attempt in 1 2 3 4 5; do
    DENO_NO_UPDATE_CHECK=1 NO_COLOR=1 jupyter nbconvert --to notebook --execute --inplace "$nb.ipynb" --ExecutePreprocessor.timeout=300 2>/dev/null
    if python3 -c "import json,sys; n=json.load(open('$nb.ipynb')); sys.exit(0 if all(c['outputs'] for c in n['cells'] if c['cell_type']=='code') else 1)"; then break; fi
  done
  echo "executed $nb.ipynb"
done
