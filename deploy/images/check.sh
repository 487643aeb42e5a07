#!/usr/bin/env bash
# The images' whole check, on a machine where the services are built (./mvnw -B -q install -DskipTests
# -pl local-stack,events-service,registration-service,notification-service,deploy -am) and no registry need
# be reachable: installs podman if missing, makes the local base image if missing, builds the three images
# on it, scans them for secrets (deploy's SecretScan), starts the local stack (Kafka, PostgreSQL, SMTP) and
# runs each image with podman as the Kubernetes manifests run it (user 185, read-only root, /tmp only
# writable, no capabilities, no new privileges, 512 MB).
# Each must become ready on /q/health/ready; then an organiser signs in, creates and publishes an event
# through events-service's container, registers someone through registration-service's, and the
# confirmation must reach the local SMTP server through notification-service's. Stops everything it started.
#
#   deploy/images/check.sh [--base IMAGE]   (default convene/java-base:21, made here when missing)
#
# Ports: beside a developer's ./run, the first free set of 31000 + the usual last digits (31080-31082
# services, 31025 emails, 31525 SMTP, 31432 PostgreSQL, 31092-31093 Kafka), 31100 + …, and so on;
# CONVENE_IMAGE_CHECK_PORT_BASE=N takes N + those instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
project=$PWD

local_base=convene/java-base:21
base=$local_base
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=${2:?--base needs an image name}; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

version=${CONVENE_IMAGE_VERSION:-0.1.0}
services=(events-service registration-service notification-service)
declare -A port
use_ports() { # base: the services on base+80..82, emails +25, SMTP +525, PostgreSQL +432, Kafka +92 and +93
  port=([registration-service]=$(($1 + 80)) [events-service]=$(($1 + 81)) [notification-service]=$(($1 + 82)))
  mail_page_port=$(($1 + 25)) smtp_port=$(($1 + 525)) postgres_port=$(($1 + 432))
  kafka_port=$(($1 + 92)) kafka_controller_port=$(($1 + 93))
}
ports_free() {
  local p
  for p in "${port[@]}" "$mail_page_port" "$smtp_port" "$postgres_port" "$kafka_port" "$kafka_controller_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then return 1; fi
  done
}
ready_timeout=${CONVENE_IMAGE_CHECK_READY_TIMEOUT:-180}
mail_timeout=120
work=$project/deploy/images/target
stack_dir=$work/local-stack
stack_pid=
started_all=$SECONDS
declare -A timing

step() { echo "== $*"; }
fail() { # message [container whose log to show]
  echo "FAILED: $1" >&2
  if [ -n "${2:-}" ]; then
    echo "---- podman logs $2 (last 80 lines) ----" >&2
    podman logs --tail 80 "$2" >&2 || true
  fi
  exit 1
}
container() { echo "convene-image-check-$1"; }

cleanup() {
  local status=$?
  set +e
  local names=()
  for service in "${services[@]}"; do names+=("$(container "$service")"); done
  # All at once: each service takes a few seconds to stop gracefully on SIGTERM.
  podman stop -i -t 15 "${names[@]}" >/dev/null 2>&1
  for service in "${services[@]}"; do
    # Kept for a look afterwards, as ./run keeps its services' logs.
    podman logs "$(container "$service")" > "$work/$service.log" 2>&1 || rm -f "$work/$service.log"
  done
  podman rm -f "${names[@]}" >/dev/null 2>&1
  if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2>/dev/null; then
    echo "Stopping the local stack…"
    kill -TERM "$stack_pid"
    for _ in $(seq 60); do kill -0 "$stack_pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$stack_pid" 2>/dev/null && kill -KILL "$stack_pid"
  fi
  [ "$status" -eq 0 ] || echo "The image check failed (exit $status); logs: $work/*.log, $stack_dir/run.log" >&2
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Prerequisites -------------------------------------------------------------------------------------
mkdir -p "$work"
rm -f "$work"/*-service.log
source bin/select-jdk.sh
[ -f local-stack/target/local-stack.jar ] || fail "local-stack is not built; build the services first:
  ./mvnw -B -q install -DskipTests -pl local-stack,events-service,registration-service,notification-service -am"
bash bin/install-podman.sh >/dev/null
export CONTAINERS_CONF=$project/.tools/containers/containers.conf

# --- Images --------------------------------------------------------------------------------------------
started=$SECONDS
if podman image exists "$base"; then
  timing[base]="present"
elif [ "$base" = "$local_base" ]; then
  step "Making the base image $base"
  bash deploy/images/make-local-base.sh "$base"
  timing[base]="made in $((SECONDS - started)) s"
else
  timing[base]="pulled"
fi
step "Building the images on $base"
started=$SECONDS
bash deploy/images/build.sh --base "$base"
timing[build]=$((SECONDS - started))
for service in "${services[@]}"; do
  # The service's own code must not be writable by the user it runs as, even without a read-only root.
  writable=$(podman run --rm --user 185:185 --entrypoint /bin/sh "convene/$service:$version" -c \
    'find /deployments \( ! -user 0 -o -perm /022 \) -print | head -n 5')
  [ -z "$writable" ] || fail "convene/$service:$version: files the service user could change: $writable"
done
# No secret built in: what the images add to their base (/deployments, read inside every jar) and their
# environment, with the rules the repository's own scan uses (deploy/src/test/.../SecretScan.java).
step "Scanning the images for secrets"
scan=$work/secret-scan
rm -rf "$scan"
for service in "${services[@]}"; do
  mkdir -p "$scan/$service"
  container=$(podman create "convene/$service:$version")
  podman export "$container" | tar -x -C "$scan/$service" deployments
  podman rm "$container" >/dev/null
  podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "convene/$service:$version" \
    > "$scan/$service/image.env"
done
[ -d deploy/target/test-classes ] || fail "deploy/target/test-classes is missing: run ./mvnw verify first"
"$JAVA_HOME/bin/java" -cp deploy/target/test-classes org.convene.deploy.SecretScan "$scan"/* \
  || fail "a possible secret in an image (above)"

# --- Local stack ---------------------------------------------------------------------------------------
if [ -n "${CONVENE_IMAGE_CHECK_PORT_BASE:-}" ]; then
  use_ports "$CONVENE_IMAGE_CHECK_PORT_BASE"
  ports_free || fail "a port of CONVENE_IMAGE_CHECK_PORT_BASE=$CONVENE_IMAGE_CHECK_PORT_BASE is taken"
else
  # Below Linux's ephemeral range (32768 up), where no outgoing connection takes them by chance.
  for candidate in $(seq 31000 100 32000) fail; do
    [ "$candidate" != fail ] || fail "no free set of ports between 31000 and 32600; set CONVENE_IMAGE_CHECK_PORT_BASE"
    use_ports "$candidate"
    if ports_free; then break; fi
  done
fi
step "Starting Kafka, PostgreSQL and SMTP (data in $stack_dir)"
mkdir -p "$stack_dir"
started=$SECONDS
"$JAVA_HOME/bin/java" -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  org.convene.localstack.run.RunCommand --infra-only --clean --data-dir "$stack_dir" \
  --kafka-port "$kafka_port" --kafka-controller-port "$kafka_controller_port" --postgres-port "$postgres_port" \
  --smtp-port "$smtp_port" --mail-page-port "$mail_page_port" > "$stack_dir/run.log" 2>&1 &
stack_pid=$!
until grep -q '^Ready in' "$stack_dir/run.log"; do
  if ! kill -0 "$stack_pid" 2>/dev/null; then
    cat "$stack_dir/run.log" >&2
    stack_pid=
    fail "the local stack stopped while starting"
  fi
  [ $((SECONDS - started)) -lt 120 ] || { cat "$stack_dir/run.log" >&2; fail "the local stack was not ready in 120 s"; }
  sleep 1
done
timing[stack]=$((SECONDS - started))

# The secrets the stack made, given as ConveneServices gives them to ./run's processes. Exported and
# passed by name (-e NAME), so that they never appear on a command line.
keys=$stack_dir/data/keys
export SMALLRYE_JWT_SIGN_KEY MP_JWT_VERIFY_PUBLICKEY CONVENE_ORGANISER_PASSWORD CONVENE_LINKS_SECRET \
  QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY
SMALLRYE_JWT_SIGN_KEY=$(cat "$keys/token-private.pem")
MP_JWT_VERIFY_PUBLICKEY=$(cat "$keys/token-public.pem")
CONVENE_ORGANISER_PASSWORD=$(cat "$keys/organiser-password")
CONVENE_LINKS_SECRET=$(cat "$keys/link-secret")
QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY=$(cat "$keys/csrf-key")
organiser=organiser@convene.localhost
public_pages=http://localhost:${port[registration-service]}
declare -A database=([events-service]=events [registration-service]=registrations
  [notification-service]=notifications)
declare -A service_env=(
  [events-service]="SMALLRYE_JWT_SIGN_KEY MP_JWT_VERIFY_PUBLICKEY CONVENE_ORGANISER_PASSWORD QUARKUS_REST_CSRF_TOKEN_SIGNATURE_KEY"
  [registration-service]="MP_JWT_VERIFY_PUBLICKEY CONVENE_LINKS_SECRET"
  [notification-service]="CONVENE_LINKS_SECRET"
)

# --- Containers ----------------------------------------------------------------------------------------
declare -A run_started
for service in "${services[@]}"; do
  name=$(container "$service")
  podman rm -f "$name" >/dev/null 2>&1 || true
  args=(
    --name "$name" --detach --network host
    # The hardening of the manifests' securityContext, with /tmp as their 64 Mi emptyDir and their limit.
    --read-only --tmpfs /tmp:rw,exec,nosuid,nodev,size=64m,mode=1777 --user 185:185 --cap-drop ALL
    --security-opt no-new-privileges --memory 512m
    -e JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75
    -e "QUARKUS_HTTP_PORT=${port[$service]}"
    -e "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$postgres_port/${database[$service]}"
    -e "QUARKUS_DATASOURCE_USERNAME=${database[$service]}" -e QUARKUS_DATASOURCE_PASSWORD=local
    -e "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port"
    -e "CONVENE_PUBLIC_PAGES_URL=$public_pages"
  )
  for secret in ${service_env[$service]}; do args+=(-e "$secret"); done
  case "$service" in
    events-service) args+=(-e "CONVENE_ORGANISER_EMAIL=$organiser") ;;
    notification-service)
      args+=(-e QUARKUS_MAILER_HOST=localhost -e "QUARKUS_MAILER_PORT=$smtp_port"
        -e "CONVENE_UNSUBSCRIBE_URL=http://localhost:${port[$service]}") ;;
  esac
  step "Starting $service (convene/$service:$version) on port ${port[$service]}"
  run_started[$service]=$SECONDS
  podman run "${args[@]}" "convene/$service:$version" >/dev/null
done

for service in "${services[@]}"; do
  name=$(container "$service")
  url="http://localhost:${port[$service]}/q/health/ready"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; do
    [ "$(podman inspect --format '{{.State.Running}}' "$name")" = true ] || fail "$service's container stopped" "$name"
    if [ $((SECONDS - run_started[$service])) -ge "$ready_timeout" ]; then
      curl -s "$url" >&2 || true
      fail "$service was not ready within $ready_timeout s" "$name"
    fi
    sleep 1
  done
  timing[$service]=$((SECONDS - run_started[$service]))
  echo "$service is ready (${timing[$service]} s after its start)"
done

# --- A registration through the containers -------------------------------------------------------------
events=http://localhost:${port[events-service]}
call() { # expected-status method url [curl args…]: prints the body, fails on another status
  local expected=$1 method=$2 url=$3 body status
  shift 3
  body=$(curl -s -X "$method" -w '\n%{http_code}' "$url" "$@") || fail "$method $url: no answer"
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  [ "$status" = "$expected" ] || fail "$method $url answered $status, not $expected: $body"
  printf '%s' "$body"
}
step "Signing in as $organiser through events-service"
token=$(call 200 POST "$events/api/session" -H 'Content-Type: application/json' \
  -d "$(jq -n --arg e "$organiser" --arg p "$CONVENE_ORGANISER_PASSWORD" '{email: $e, password: $p}')" | jq -r .token)
auth=(-H "Authorization: Bearer $token")
step "Creating and publishing an event"
event=$(jq -n --arg starts "$(date -d '+14 days' +%Y-%m-%dT18:30)" '{
  title: "Container check", startsAt: $starts, timeZone: "Europe/London", durationMinutes: 60,
  joinUrl: "https://meet.example.org/convene-image-check", host: "Friends of Bolivia", languages: ["en"]}')
event_id=$(call 201 POST "$events/api/events" "${auth[@]}" -H 'Content-Type: application/json' -d "$event" | jq -r .id)
call 200 POST "$events/api/events/$event_id/publish" "${auth[@]}" >/dev/null
started=$SECONDS
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$public_pages/events/$event_id")" = 200 ]; do
  [ $((SECONDS - started)) -lt 60 ] || fail "registration-service did not show event $event_id within 60 s" \
    "$(container registration-service)"
  sleep 1
done
email="check-$(date +%s)@example.org"
step "Registering $email through registration-service"
registration=$(call 201 POST "$public_pages/api/events/$event_id/registrations" "${auth[@]}" \
  -H 'Content-Type: application/json' -d "$(jq -n --arg e "$email" '{name: "Image Check", email: $e}')")
echo "Registration $(jq -r '.id + " " + .state' <<< "$registration")"
started=$SECONDS
subject=
until [ -n "$subject" ]; do
  [ $((SECONDS - started)) -lt "$mail_timeout" ] || fail "no email to $email within $mail_timeout s" \
    "$(container notification-service)"
  sleep 1
  subject=$(curl -s "http://localhost:$mail_page_port/api/messages?parts=none" |
    jq -r --arg e "$email" '[.[] | select(.to | map(ascii_downcase) | index($e))][0].subject // empty' ||
    true)
done
timing[mail]=$((SECONDS - started))
echo "Confirmation received $((SECONDS - started)) s after registering: \"$subject\""
declare -A memory
for service in "${services[@]}"; do
  memory[$service]=$(podman stats --no-stream --format '{{.MemUsage}}' "$(container "$service")" | sed 's| / .*||')
done

# --- Summary -------------------------------------------------------------------------------------------
echo
echo "Image check passed in $((SECONDS - started_all)) s."
echo "  base image $base: ${timing[base]}, $(($(podman image inspect --format '{{.Size}}' "$base") / 1000000)) MB"
echo "  three images built in ${timing[build]} s; local stack ready in ${timing[stack]} s"
for service in "${services[@]}"; do
  printf '  %-28s %4d MB, ready %3d s after its start, using %s\n' "convene/$service:$version" \
    $(($(podman image inspect --format '{{.Size}}' "convene/$service:$version") / 1000000)) "${timing[$service]}" \
    "${memory[$service]}"
done
echo "  confirmation email: ${timing[mail]} s after the registration"
