#!/usr/bin/env bash
# Builds the three service images, convene/<service>:<version> (0.1.0, as deploy/kubernetes/base names
# them), with podman from each service's Quarkus fast-jar (target/quarkus-app), which must be built first.
#   deploy/images/build.sh                  on the public Java 21 runtime image (needs its registry)
#   deploy/images/build.sh --base IMAGE     on another base, e.g. convene/java-base:21 from make-local-base.sh
# Prints each image's build time and size. CONVENE_IMAGE_VERSION (the tag and version label) and
# CONVENE_IMAGE_SOURCE (the source label: where the code is published) set the OCI labels.
set -euo pipefail
cd "$(dirname "$0")/../.."

services=(events-service registration-service notification-service)
version=${CONVENE_IMAGE_VERSION:-0.1.0}
base=
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=${2:?--base needs an image name}; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

missing=()
for service in "${services[@]}"; do
  [ -f "$service/target/quarkus-app/quarkus-run.jar" ] || missing+=("$service")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "No Quarkus fast-jar (target/quarkus-app) for: ${missing[*]}. Build the services first:" >&2
  echo "  ./mvnw -B -q install -DskipTests \\
    -pl local-stack,events-service,registration-service,notification-service -am" >&2
  exit 1
fi

export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/.tools/containers/containers.conf}
[ -f "$CONTAINERS_CONF" ] || bash bin/install-podman.sh
build_args=()
[ -z "$base" ] || build_args+=(--build-arg "BASE_IMAGE=$base")
default_base=$(sed -n 's/^ARG BASE_IMAGE=//p' deploy/images/Containerfile)

for service in "${services[@]}"; do
  image=convene/$service:$version
  started=$SECONDS
  echo "Building $image on ${base:-the default base}…"
  # Labels given here rather than in the Containerfile: see there.
  podman build --quiet -f deploy/images/Containerfile "${build_args[@]}" -t "$image" \
    --label "org.opencontainers.image.title=convene-$service" \
    --label "org.opencontainers.image.description=Convene $service (Quarkus, JVM mode)" \
    --label "org.opencontainers.image.version=$version" \
    --label "org.opencontainers.image.source=${CONVENE_IMAGE_SOURCE:-}" \
    --label "org.opencontainers.image.base.name=${base:-$default_base}" \
    "$service/target/quarkus-app" >/dev/null
  size=$(podman image inspect --format '{{.Size}}' "$image")
  echo "Built $image in $((SECONDS - started)) s: $((size / 1000000)) MB"
  # A rebuild leaves the image it replaced behind, untagged: remove those, and only this service's.
  podman image prune --force --filter "label=org.opencontainers.image.title=convene-$service" >/dev/null
done
