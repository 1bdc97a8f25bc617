#!/usr/bin/env bash
# Writes examples/k8s/generated/ (git-ignored): fresh registry tokens and the Secrets that carry
# them, and the ConfigMap of example artifacts the in-cluster artifact server serves.
#   cairn-tokens.yaml          Secret cairn-system/cairn-tokens: the registry's tokens file (hashes)
#   cairn-operator-token.yaml  Secret cairn-system/cairn-operator-token: the operator's token (admin)
#   sidecar-token.yaml         Secret inference/cairn-sidecar-token: the sidecars' token (role
#                              sidecar — reads and reports instances — of project inference only)
#   ink-artifacts.yaml         ConfigMap inference/ink-artifacts
#   images/kustomization.yaml  the kustomize Component that points the walk-through's sidecar at
#                              $IMAGE_REGISTRY (default ghcr.io/cairn-dev, the chart's default
#                              image.registry): `kubectl apply -k examples/k8s/` uses it, so the
#                              setting that moves the chart's images moves the sidecar's too
# Tokens are printed nowhere; read them back with kubectl if you need them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/generated}"
artifacts="$here/../artifacts/ink-sku001-a"
registry="${IMAGE_REGISTRY:-ghcr.io/cairn-dev}"
registry="${registry%/}"
case "$registry" in
  ''|*[[:space:]@]*|*/*:*)
    echo "prepare.sh: IMAGE_REGISTRY must be a registry host and path such as ghcr.io/you, not '$registry'" >&2
    exit 1 ;;
esac
mkdir -p "$out" "$out/images"
umask 077

token() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
b64() { base64 | tr -d '\n'; }

operator_token="$(token)"
sidecar_token="$(token)"

tokens_file="tokens:
  - name: cairn-operator
    sha256: $(sha "$operator_token")
    roles: [admin]
    projects: [\"*\"]
  - name: inference-sidecar
    sha256: $(sha "$sidecar_token")
    roles: [sidecar]
    projects: [inference]
"

cat > "$out/cairn-tokens.yaml" <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: cairn-tokens
  namespace: cairn-system
type: Opaque
data:
  tokens.yaml: $(printf %s "$tokens_file" | b64)
YAML

cat > "$out/cairn-operator-token.yaml" <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: cairn-operator-token
  namespace: cairn-system
type: Opaque
data:
  token: $(printf %s "$operator_token" | b64)
YAML

cat > "$out/sidecar-token.yaml" <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: cairn-sidecar-token
  namespace: inference
type: Opaque
data:
  token: $(printf %s "$sidecar_token" | b64)
YAML

{
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ink-artifacts\n  namespace: inference\nbinaryData:\n'
  for mode in low mid high; do
    printf '  %s-v1-signature.json: %s\n' "$mode" "$(b64 < "$artifacts/$mode/v1/signature.json")"
    for n in 1 2 3; do
      printf '  %s-v1-std-img%s.png: %s\n' "$mode" "$n" "$(b64 < "$artifacts/$mode/v1/std/img$n.png")"
    done
  done
} > "$out/ink-artifacts.yaml"

cat > "$out/images/kustomization.yaml" <<YAML
# Written by prepare.sh: the sidecar image of examples/k8s/40-inference.yaml from the registry the
# chart's image.registry names (IMAGE_REGISTRY=$registry). The tag stays the project version.
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
images:
  - name: ghcr.io/cairn-dev/cairn-sidecar
    newName: $registry/cairn-sidecar
YAML

echo "wrote $out: cairn-tokens.yaml cairn-operator-token.yaml sidecar-token.yaml ink-artifacts.yaml images/kustomization.yaml (sidecar from $registry)"
