#!/usr/bin/env bash
# Deploys one image tag of Smart Maintenance with Docker Compose on this host:
# pre-flight -> image (build or pull) -> infrastructure healthy -> migrations -> search attributes
# -> workers, then API -> health loop -> smoke test -> state file. On any failure after the
# pre-flight, the logs of every service go to deploy/logs/<UTC timestamp>/ (secrets redacted).
#
# Usage: deploy/deploy.sh [--check] [--pull] [TAG]
#   TAG      image tag (default: the current git commit, else a timestamp)
#   --pull   pull ${SM_IMAGE}:TAG from its registry instead of building it here
#   --check  run the pre-flight checks only
# Environment (or .env): POSTGRES_PASSWORD, API_KEYS (or ALLOW_GENERATED_ADMIN_KEY=true),
#   SM_IMAGE, DEPLOY_URL, HEALTH_TIMEOUT, WORKERS, SMOKE_API_KEY. See deploy/README.md.
set -Eeuo pipefail

# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check_only=false
pull=false
tag=""
for arg in "$@"; do
  case "$arg" in
    --check) check_only=true ;;
    --pull) pull=true ;;
    -h | --help)
      sed -n '2,13p' "${BASH_SOURCE[0]}"
      exit 0
      ;;
    -*) die "unknown option $arg" 2 ;;
    *) tag="$arg" ;;
  esac
done
if [[ -z $tag ]]; then
  tag="$(git -C "$REPO_ROOT" rev-parse --short=12 HEAD 2>/dev/null || date -u +%Y%m%d%H%M%S)"
fi
[[ $tag =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die "not a valid image tag: $tag" 2

preflight
if $check_only; then
  log "pre-flight only (--check): nothing deployed"
  exit 0
fi

export SM_TAG="$tag"
started=false
on_exit() {
  local rc=$?
  if ((rc != 0)) && $started; then
    log "deploy of $SM_TAG failed (exit $rc)"
    capture_logs "$SM_TAG"
    log "the previous release is recorded in $STATE_FILE; deploy/rollback.sh restores it"
  fi
}
trap on_exit EXIT
started=true

if $pull; then
  log "pulling ${SM_IMAGE:-smart-maintenance}:$SM_TAG"
  compose pull migrate api worker connectors
else
  log "building ${SM_IMAGE:-smart-maintenance}:$SM_TAG"
  # One build: api and worker share migrate's image, so the other two come from the cache.
  compose build migrate
fi

log "starting PostgreSQL, Redis and Temporal"
compose up -d postgres redis temporal
for service in postgres redis temporal; do
  wait_healthy "$service" "$HEALTH_TIMEOUT"
done

log "running migrations"
compose run --rm --no-deps -T migrate
log "registering Temporal search attributes"
compose run --rm --no-deps -T temporal-setup

# Workers first: the new workflow code is polling before the new API starts workflows on it.
log "rolling $WORKERS worker(s)"
compose up -d --no-deps --scale "worker=$WORKERS" worker
wait_healthy worker "$HEALTH_TIMEOUT"
log "rolling the API and Temporal UI"
compose up -d --no-deps api temporal-ui
wait_healthy api "$HEALTH_TIMEOUT"
# Not waited for: its health is the plants' and the back-pressure's (503 while a broker or OPC UA
# server is unreachable), not whether this release works; the broker keeps what it did not ack.
log "replacing the connector process"
compose up -d --no-deps connectors

health_loop
mkdir -p "$LOG_ROOT"
run_smoke "$LOG_ROOT/smoke-$SM_TAG.json"

record_state "$SM_TAG" deploy
log "deployed $SM_TAG (recorded in $STATE_FILE)"
