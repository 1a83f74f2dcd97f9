#!/usr/bin/env bash
# Rolls back to the previous successfully deployed tag recorded by deploy.sh (or to TAG):
# pre-flight -> image present -> workers, then API -> health loop -> smoke test -> state file.
# Migrations are not reverted: they are forward-only, so every release must run on the schema of
# the release after it (see deploy/README.md). Logs go to deploy/logs/<UTC timestamp>/ on failure.
#
# Usage: deploy/rollback.sh [TAG]
set -Eeuo pipefail

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
  -h | --help)
    sed -n '2,7p' "${BASH_SOURCE[0]}"
    exit 0
    ;;
esac

current="$(current_tag || true)"
target="${1:-$(previous_tag)}"
[[ -n $target ]] || die "no previous deployment in $STATE_FILE to roll back to" 2
[[ $target =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die "not a valid image tag: $target" 2
[[ $target != "$current" ]] || die "$target is already the current deployment" 2

preflight
export SM_TAG="$target"
log "rolling back from ${current:-unknown} to $SM_TAG"

started=false
on_exit() {
  local rc=$?
  if ((rc != 0)) && $started; then
    log "rollback to $SM_TAG failed (exit $rc)"
    capture_logs "$SM_TAG"
  fi
}
trap on_exit EXIT
started=true

image="${SM_IMAGE:-smart-maintenance}:$SM_TAG"
if ! docker image inspect "$image" >/dev/null 2>&1; then
  log "$image is not on this host; pulling it"
  compose pull api worker connectors
fi

log "rolling $WORKERS worker(s) back"
compose up -d --no-deps --scale "worker=$WORKERS" worker
wait_healthy worker "$HEALTH_TIMEOUT"
log "rolling the API back"
compose up -d --no-deps api
wait_healthy api "$HEALTH_TIMEOUT"
log "rolling the connector process back"
compose up -d --no-deps connectors

health_loop
mkdir -p "$LOG_ROOT"
run_smoke "$LOG_ROOT/smoke-$SM_TAG.json"

record_state "$SM_TAG" rollback
log "rolled back to $SM_TAG (recorded in $STATE_FILE)"
