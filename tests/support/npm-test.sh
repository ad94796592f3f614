#!/bin/bash
# `npm test`: the type check, Biome and the test run (with coverage) at the same time; exits
# non-zero when any of them fails. Arguments go to vitest (`npm test -- tests/unit`).
#
# Why at the same time: `tsc --noEmit` (TypeScript 7, the native compiler: about 10 CPU-s, was
# 27 with TypeScript 5.9) and Biome (about 2 s) run before vitest, as they once did, left the
# second core idle meanwhile (docs/testing.md). The checks' output is held back and printed
# after the tests, so it does not break up vitest's dots: nothing when a check passes, all of
# it when it fails.
set -u
held=$(mktemp -d)
trap 'rm -rf "$held"' EXIT
tsc --noEmit >"$held/typecheck" 2>&1 &
typecheck=$!
biome check . >"$held/lint" 2>&1 &
lint=$!
vitest run --coverage --reporter=dot "$@"
tests=$?
status=$tests
for check in typecheck lint; do
  if wait "${!check}"; then
    echo "$check: passed"
  else
    status=1
    echo "$check: FAILED"
    cat "$held/$check"
  fi
done
exit $status
