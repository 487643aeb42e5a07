#!/usr/bin/env bash
# The container image checks (deploy/images) build and run images with podman, and make their base image
# with debootstrap, both from the distribution's packages (Debian or Ubuntu). Installs them when missing,
# then writes the project's own containers.conf to .tools/containers/containers.conf. Nothing global is
# changed besides the packages: scripts name that file in CONTAINERS_CONF themselves.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ "${#missing[@]}" -gt 0 ]; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  echo "Installing ${missing[*]} for the container image checks"
  as_root apt-get update -qq
  # podman's recommends bring what `podman build` and rootless use (buildah, fuse-overlayfs, uidmap).
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

conf=.tools/containers/containers.conf
mkdir -p "$(dirname "$conf")"
# runc, which these machines were seen to run containers with, even where crun is installed too. The
# ulimits: by default podman gives containers the host's own, and setting those is refused here ("error
# setting rlimit type 7: operation not permitted").
cat > "$conf.new" <<'CONF'
# Written by bin/install-podman.sh; used through CONTAINERS_CONF by deploy/images/*.sh.
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

[engine]
runtime = "runc"
CONF
mv "$conf.new" "$conf"
echo "podman $(podman version --format '{{.Client.Version}}' 2>/dev/null || echo '?'); configuration: $conf"
