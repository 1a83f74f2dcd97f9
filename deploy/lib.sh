# shellcheck shell=bash
# Shared by deploy.sh and rollback.sh: pre-flight checks, compose helpers, the health loop, the
# smoke test, log capture and the deployment state file. Sourced, never run.

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$DEPLOY_DIR/.." && pwd)"
STATE_FILE="${SM_STATE_FILE:-$DEPLOY_DIR/.state/deployments.log}"
LOG_ROOT="${SM_LOG_DIR:-$DEPLOY_DIR/logs}"
ENV_FILE="${SM_ENV_FILE:-$REPO_ROOT/.env}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-180}"
WORKERS="${WORKERS:-2}"
COMPOSE=()

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# die MESSAGE [EXIT_CODE]: 2 means nothing was changed (pre-flight), 1 a failed rollout.
die() {
  log "ERROR: $1"
  exit "${2:-1}"
}

# A variable from the environment, else from .env (the file Compose reads), else empty.
env_value() {
  local name=$1 line value
  if [[ -n ${!name:-} ]]; then
    printf '%s' "${!name}"
    return
  fi
  [[ -f $ENV_FILE ]] || return 0
  line="$(grep -E "^[[:space:]]*(export[[:space:]]+)?${name}=" "$ENV_FILE" | tail -n 1 || true)"
  value="${line#*=}"
  value="${value%$'\r'}"
  value="${value#\"}"
  value="${value%\"}"
  value="${value#\'}"
  value="${value%\'}"
  printf '%s' "$value"
}

compose() { "${COMPOSE[@]}" --project-directory "$REPO_ROOT" -f "$REPO_ROOT/docker-compose.yml" "$@"; }

# --- pre-flight -------------------------------------------------------------------------------

require_tools() {
  local missing=()
  command -v docker >/dev/null 2>&1 || missing+=(docker)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  ((${#missing[@]} == 0)) || die "missing tools: ${missing[*]}" 2
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1; then
    COMPOSE=(docker-compose)
  else
    die "missing tools: docker compose (plugin) or docker-compose" 2
  fi
}

require_variables() {
  local password keys allow problems=()
  password="$(env_value POSTGRES_PASSWORD)"
  if [[ -z $password ]]; then
    problems+=("POSTGRES_PASSWORD is not set (environment or $ENV_FILE)")
  elif [[ ! $password =~ ^[A-Za-z0-9._~-]{12,}$ ]]; then
    # It is embedded in DATABASE_URL by docker-compose.yml, so it must be URL-safe.
    problems+=("POSTGRES_PASSWORD must be at least 12 URL-safe characters (A-Z a-z 0-9 . _ ~ -)")
  fi
  keys="$(env_value API_KEYS)"
  allow="$(env_value ALLOW_GENERATED_ADMIN_KEY)"
  if [[ -z $keys && $allow != true ]]; then
    problems+=("API_KEYS is not set; set it, or ALLOW_GENERATED_ADMIN_KEY=true to let the API generate an admin key into its data volume")
  fi
  local entry
  IFS=';' read -ra entries <<<"$keys"
  for entry in "${entries[@]}"; do
    entry="${entry#"${entry%%[![:space:]]*}"}"
    [[ -z $entry ]] && continue
    # The API also refuses low-variety keys (usecases/apiKeyBootstrap.ts); this catches the common mistakes early.
    [[ $entry =~ ^[A-Za-z0-9_\ .:-]+=[A-Za-z0-9+/=_-]{32,256}@[A-Za-z0-9_:,]+$ ]] ||
      problems+=("API_KEYS entry \"${entry%%=*}\" is not name=key@scope,scope (key at least 32 random characters of A-Z a-z 0-9 + / = _ -)")
  done
  if ((${#problems[@]} > 0)); then
    local p
    for p in "${problems[@]}"; do log "pre-flight: $p"; done
    die "pre-flight failed: required variables" 2
  fi
}

require_reachable() {
  docker info >/dev/null 2>&1 || die "the Docker engine does not answer (is dockerd running, may this user use it?)" 2
  compose config --quiet || die "docker-compose.yml does not resolve with this environment" 2
}

preflight() {
  require_tools
  require_variables
  require_reachable
  log "pre-flight ok: ${COMPOSE[*]}, curl, variables, Docker engine"
}

# --- rolling out ------------------------------------------------------------------------------

# Every container of a service healthy (or, without a health check, running) within the timeout.
wait_healthy() {
  local service=$1 timeout=$2 deadline=$((SECONDS + $2)) ids id status pending
  while :; do
    ids="$(compose ps -q "$service" 2>/dev/null || true)"
    pending=0
    if [[ -z $ids ]]; then
      pending=1
    else
      for id in $ids; do
        status="$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null || echo unknown)"
        [[ $status == healthy || $status == running ]] || pending=1
      done
    fi
    ((pending == 0)) && return 0
    if ((SECONDS >= deadline)); then
      log "$service not healthy after ${timeout} s (last status: ${status:-no container})"
      return 1
    fi
    sleep 3
  done
}

# Where the API answers on this host: DEPLOY_URL, else the port (or ip:port) Compose publishes.
deploy_url() {
  local published
  if [[ -n ${DEPLOY_URL:-} ]]; then
    printf '%s' "${DEPLOY_URL%/}"
    return
  fi
  published="$(env_value API_PUBLISH)"
  published="${published:-8000}"
  if [[ $published == *:* ]]; then
    printf 'http://%s' "$published"
  else
    printf 'http://localhost:%s' "$published"
  fi
}

# The API's /health (database, Redis and Temporal) answering 200 within HEALTH_TIMEOUT seconds.
health_loop() {
  local url deadline=$((SECONDS + HEALTH_TIMEOUT)) code
  url="$(deploy_url)/health"
  log "waiting for $url (up to ${HEALTH_TIMEOUT} s)"
  while :; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)"
    if [[ $code == 200 ]]; then
      log "healthy: $url"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      log "$url still answers ${code:-nothing} after ${HEALTH_TIMEOUT} s"
      return 1
    fi
    sleep 3
  done
}

# The key the smoke test uses: SMOKE_API_KEY, else the first admin key of API_KEYS, else the key
# the API generated into its data volume.
smoke_key() {
  local key keys entry rest
  key="$(env_value SMOKE_API_KEY)"
  if [[ -n $key ]]; then
    printf '%s' "$key"
    return
  fi
  keys="$(env_value API_KEYS)"
  IFS=';' read -ra entries <<<"$keys"
  for entry in "${entries[@]}"; do
    rest="${entry%@*}"
    if [[ ,${entry##*@}, == *,admin,* ]]; then
      printf '%s' "${rest#*=}"
      return
    fi
  done
  compose exec -T api cat /app/.data/admin-key | tr -d '[:space:]'
}

# The smoke test runs inside the image, on the compose network, so the host needs no Node.js.
run_smoke() {
  local out="$1" key
  key="$(smoke_key)" || return 1
  [[ -n $key ]] || {
    log "no API key for the smoke test (SMOKE_API_KEY, an admin key in API_KEYS, or the generated one)"
    return 1
  }
  log "smoke test against http://api:8000 from inside the compose network"
  local rc=0
  SMOKE_API_KEY="$key" compose run --rm --no-deps -T -e SMOKE_API_KEY api \
    node --import tsx scripts/smoke.ts --url http://api:8000 >"$out" || rc=$?
  cat "$out"
  return "$rc"
}

# --- state and logs ---------------------------------------------------------------------------

# One line per successful rollout: <UTC time> <tag> <deploy|rollback>.
record_state() {
  mkdir -p "$(dirname "$STATE_FILE")"
  printf '%s %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" >>"$STATE_FILE"
}

current_tag() { [[ -f $STATE_FILE ]] && tail -n 1 "$STATE_FILE" | awk '{print $2}'; }

# The most recent recorded tag that differs from the current one.
previous_tag() {
  local current
  current="$(current_tag)"
  [[ -f $STATE_FILE ]] || return 0
  awk -v cur="$current" '$2 != cur { tag = $2 } END { if (tag) print tag }' "$STATE_FILE"
}

# Replaces every occurrence of each secret with [redacted]; the API prints a generated admin key
# once to stdout, so container logs can hold it.
redact() {
  local secrets=() keys entry rest password
  password="$(env_value POSTGRES_PASSWORD)"
  [[ -n $password ]] && secrets+=("$password")
  keys="$(env_value API_KEYS)"
  IFS=';' read -ra entries <<<"$keys"
  for entry in "${entries[@]}"; do
    rest="${entry%@*}"
    [[ $rest == *=* ]] && secrets+=("${rest#*=}")
  done
  [[ -n ${SMOKE_API_KEY:-} ]] && secrets+=("$SMOKE_API_KEY")
  awk -v list="$(printf '%s\n' "${secrets[@]}")" '
    BEGIN { n = split(list, s, "\n") }
    /Generated an admin API key/ { print; getline; print "  [redacted]"; next }
    { for (i = 1; i <= n; i++) if (length(s[i]) > 0) while ((p = index($0, s[i])) > 0) $0 = substr($0, 1, p - 1) "[redacted]" substr($0, p + length(s[i])); print }'
}

capture_logs() {
  local tag=$1 dir service
  dir="$LOG_ROOT/$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$dir"
  printf '%s\n' "$tag" >"$dir/tag"
  compose ps -a >"$dir/ps.txt" 2>&1 || true
  for service in $(compose config --services 2>/dev/null); do
    compose logs --no-color --timestamps --tail 5000 "$service" 2>&1 | redact >"$dir/$service.log" || true
  done
  log "logs captured in $dir"
}
