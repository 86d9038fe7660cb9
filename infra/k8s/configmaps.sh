#!/bin/sh
# Creates or updates the three ConfigMaps the gateway mounts, from a project directory:
#   sluice-config    <- PROJECT/sluice.yaml            mounted at /srv/sluice/sluice.yaml
#   sluice-schema    <- PROJECT/Schema/*.graphql       mounted at /srv/sluice/Schema
#   sluice-resolvers <- PROJECT/Resolvers/*.yaml       mounted at /srv/sluice/Resolvers
# A ConfigMap key cannot hold a slash, so each directory gets its own ConfigMap.
#
#   infra/k8s/configmaps.sh [PROJECT_DIR] [kubectl arguments…]   (default: the current directory)
#   infra/k8s/configmaps.sh . --dry-run=server                   (print nothing, check only)
#
# Pods read the files at start: `kubectl rollout restart deployment/sluice` after a change.
set -eu
project=${1:-.}
[ $# -gt 0 ] && shift
for path in "$project/sluice.yaml" "$project/Schema" "$project/Resolvers"; do
    [ -e "$path" ] || { echo "configmaps.sh: $path not found (is $project a Sluice project?)" >&2; exit 1; }
done
apply() {
    name=$1
    source=$2
    shift 2
    kubectl create configmap "$name" --from-file="$source" --dry-run=client -o yaml | kubectl apply "$@" -f -
}
apply sluice-config "$project/sluice.yaml" "$@"
apply sluice-schema "$project/Schema" "$@"
apply sluice-resolvers "$project/Resolvers" "$@"
