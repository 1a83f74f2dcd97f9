#!/bin/sh
# Registers the custom search attributes every workflow of ours sets (workflows/searchAttributes.ts).
# A workflow that sets an unregistered attribute fails at start, so the api and worker services
# wait for this one-shot job. Idempotent: attributes already present are left alone, so it runs
# on every `docker compose up` and in the Kubernetes Job alike.
# Runs in the temporalio/admin-tools image (POSIX sh and the `temporal` CLI).
set -eu

address="${TEMPORAL_ADDRESS:-temporal:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
# Keep in step with ALL_SEARCH_ATTRIBUTES; test/deploy/compose.test.ts fails when they differ.
SEARCH_ATTRIBUTES="SensorId:Keyword Stage:Keyword BusinessStatus:Keyword CorrelationId:Keyword StartedByKeyId:Keyword AlarmSeverity:Keyword AssignedTo:Keyword"
wait_seconds="${WAIT_SECONDS:-180}"

# auto-setup creates the namespace in the background once the server answers.
waited=0
until temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1; do
  if [ "$waited" -ge "$wait_seconds" ]; then
    echo "namespace $namespace on $address not ready after ${wait_seconds} s" >&2
    exit 1
  fi
  waited=$((waited + 2))
  sleep 2
done

existing="$(temporal operator search-attribute list --address "$address" --namespace "$namespace")"
for entry in $SEARCH_ATTRIBUTES; do
  name="${entry%%:*}"
  type="${entry#*:}"
  if printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "search attribute $name: already registered"
  else
    temporal operator search-attribute create --address "$address" --namespace "$namespace" --name "$name" --type "$type"
    echo "search attribute $name: registered as $type"
  fi
done

# Verify rather than trust the create calls: a missing attribute must fail the job, not the first workflow.
existing="$(temporal operator search-attribute list --address "$address" --namespace "$namespace")"
for entry in $SEARCH_ATTRIBUTES; do
  name="${entry%%:*}"
  if ! printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "search attribute $name is still missing in namespace $namespace" >&2
    exit 1
  fi
done
echo "search attributes ready in namespace $namespace"
