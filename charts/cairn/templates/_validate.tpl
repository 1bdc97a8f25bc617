{{/*
Combinations the schema cannot express; each message names the value to change.
*/}}
{{- define "cairn.validate" -}}
{{- $replicas := int .Values.registry.replicas -}}
{{- $scaled := or (gt $replicas 1) .Values.registry.autoscaling.enabled -}}
{{- if and (eq .Values.database.mode "embedded") $scaled -}}
{{- fail (printf "database.mode=embedded is for development and runs one registry: set registry.replicas=1 (it is %d) and registry.autoscaling.enabled=false (it is %v), or use database.mode=external" $replicas .Values.registry.autoscaling.enabled) -}}
{{- end -}}
{{- if and (eq .Values.blobStore.type "file") $scaled (ne .Values.blobStore.file.accessMode "ReadWriteMany") -}}
{{- fail (printf "blobStore.file.accessMode=%s cannot be shared by registry.replicas=%d: use ReadWriteMany, blobStore.type=s3, or one replica" .Values.blobStore.file.accessMode $replicas) -}}
{{- end -}}
{{- if and (eq .Values.database.mode "external") (not .Values.database.external.existingSecret) -}}
{{- fail "database.external.existingSecret is required with database.mode=external: name the Secret with the PostgreSQL connection (a CloudNativePG <cluster>-app Secret works as it is)" -}}
{{- end -}}
{{- if and .Values.registry.autoscaling.enabled (lt (int .Values.registry.autoscaling.maxReplicas) (int .Values.registry.autoscaling.minReplicas)) -}}
{{- fail "registry.autoscaling.maxReplicas must be at least registry.autoscaling.minReplicas" -}}
{{- end -}}
{{- if and .Values.ingress.tls.enabled (not .Values.ingress.tls.secretName) -}}
{{- fail "ingress.tls.secretName is required when ingress.tls.enabled=true" -}}
{{- end -}}
{{- if and (eq .Values.environment "production") (has "*" .Values.auth.allowedOrigins) -}}
{{- fail "auth.allowedOrigins may not contain \"*\" with environment=production: list the origins" -}}
{{- end -}}
{{- if and .Values.signing.sigstoreTrustedRoot .Values.signing.sigstoreTrustedRootConfigMap -}}
{{- fail "signing.sigstoreTrustedRoot and signing.sigstoreTrustedRootConfigMap both name a Sigstore trusted root: set one" -}}
{{- end -}}
{{- with .Values.signing.sigstoreTrustedRoot -}}
{{- if not (hasKey (fromJson .) "mediaType") -}}
{{- fail "signing.sigstoreTrustedRoot is not a Sigstore trusted_root.json (JSON with a mediaType): give the file with --set-file signing.sigstoreTrustedRoot=trusted_root.json" -}}
{{- end -}}
{{- end -}}
{{- include "cairn.validateNames" . -}}
{{- end -}}

{{/*
Charts before the Helm naming convention named everything "<release>-cairn-<part>". Renaming an
installed release would start the registry on a new, empty data volume with a new audit key
(the old ones are kept, unused), so a release whose old generated Secrets are still there must
choose: keep the old names with fullnameOverride, or remove those Secrets first. Lookup finds
nothing in helm template, so only a real install or upgrade is checked.
*/}}
{{- define "cairn.validateNames" -}}
{{- $old := printf "%s-cairn" .Release.Name | trunc 57 | trimSuffix "-" -}}
{{- $new := include "cairn.fullname" . -}}
{{- if and (ne $old $new) (not .Values.fullnameOverride) -}}
{{- range $part := list "audit-key" "admin-token" -}}
{{- $name := printf "%s-%s" $old $part | trunc 63 | trimSuffix "-" -}}
{{- if lookup "v1" "Secret" $.Release.Namespace $name -}}
{{- fail (printf "the Secret %s shows this release's objects were named %s-<part> by an earlier chart; they would now be named %s-<part>, with a new, empty data volume and a new audit key. Set fullnameOverride=%s to keep the names (and the data), or delete the old Secrets for a fresh start" $name $old $new $old) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
