# Sourced by the benchmark scripts after SAMEN and TMP are set: every samen they start seals
# with one key file (docs/operations.md), named in the environment, unless the caller names
# keys already; SAMEN_BENCH_PLAINTEXT=1 runs without keys instead (the "encryption off" side
# of BENCHMARKS.md).
if [ "${SAMEN_BENCH_PLAINTEXT:-}" = 1 ]; then
  export SAMEN_ALLOW_PLAINTEXT=1
  unset SAMEN_FIELD_KEYS SAMEN_FIELD_KEYS_FILE
elif [ -z "${SAMEN_FIELD_KEYS:-}" ] && [ -z "${SAMEN_FIELD_KEYS_FILE:-}" ]; then
  "$SAMEN" keys init --file "$TMP/field.keys" >/dev/null
  export SAMEN_FIELD_KEYS_FILE="$TMP/field.keys"
fi
