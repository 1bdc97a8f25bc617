{{/*
Names follow the common Helm convention: fullnameOverride as given; else the release name alone
when it already contains the chart's name (nameOverride, else "cairn"), so release "cairn" names
its objects "cairn-registry" rather than "cairn-cairn-registry"; else "<release>-cairn". Each
object is "<fullname>-<part>", shortened to the 63 characters a DNS label allows (the fullname to
57, so the part stays readable).
*/}}
{{- define "cairn.chartName" -}}
{{- .Values.nameOverride | default .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "cairn.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 57 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "cairn.chartName" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 57 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 57 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "cairn.name" -}}
{{- printf "%s-%s" (include "cairn.fullname" .root) .part | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Standard labels; "component" is registry, operator, ... */}}
{{- define "cairn.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "cairn.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: cairn
{{- end -}}

{{- define "cairn.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cairn.chartName" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* "<registry>/<repository>:<tag>", the tag defaulting to the chart's appVersion. */}}
{{- define "cairn.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Pull policy of the Cairn images: as set, else Always for a tag that moves (SNAPSHOT, latest). */}}
{{- define "cairn.pullPolicy" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion -}}
{{- if .Values.image.pullPolicy -}}
{{- .Values.image.pullPolicy -}}
{{- else if or (contains "SNAPSHOT" $tag) (eq $tag "latest") -}}
Always
{{- else -}}
IfNotPresent
{{- end -}}
{{- end -}}

{{/* The security context every container gets (spec 70-deployment, Pod security). */}}
{{- define "cairn.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "cairn.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "cairn.registryUrl" -}}
{{- printf "http://%s.%s.svc:%d" (include "cairn.name" (dict "root" . "part" "registry")) .Release.Namespace (int .Values.registry.service.port) -}}
{{- end -}}

{{/*
The human admin token: the chart generates it in every auth mode (spec 40-security's bootstrap
admin, CAIRN_BOOTSTRAP_ADMIN_TOKEN, which the registry accepts beside a tokens file and JWTs), so
whoever installs the chart can always sign in; NOTES.txt prints the command that reads it.
*/}}
{{- define "cairn.adminTokenSecret" -}}
{{- include "cairn.name" (dict "root" . "part" "admin-token") -}}
{{- end -}}

{{/* True when the chart's admin token is the only identity: no tokens file, no JWTs. */}}
{{- define "cairn.adminTokenOnly" -}}
{{- if and (not .Values.auth.tokensSecret) (not .Values.auth.jwt.jwksUrl) -}}true{{- end -}}
{{- end -}}

{{/* The Secret with the audit chain's key: the one named, else one the chart generates once. */}}
{{- define "cairn.auditKeySecret" -}}
{{- .Values.auth.auditKey.existingSecret | default (include "cairn.name" (dict "root" . "part" "audit-key")) -}}
{{- end -}}

{{/*
Where the operator's registry token comes from: its own Secret; else, when the chart's admin token
is the only identity, that one. With a tokens file or JWTs the operator gets an identity of its
own, so the audit trail tells its writes from a person's.
*/}}
{{- define "cairn.operatorTokenSecret" -}}
{{- if .Values.operator.tokenSecret.name -}}
{{- .Values.operator.tokenSecret.name -}}
{{- else if include "cairn.adminTokenOnly" . -}}
{{- include "cairn.adminTokenSecret" . -}}
{{- else -}}
{{- fail "operator.tokenSecret.name is required when auth.tokensSecret or auth.jwt is set: name a Secret with a registry token that has publisher and approver rights (admin to create projects)" -}}
{{- end -}}
{{- end -}}

{{- define "cairn.operatorTokenKey" -}}
{{- if .Values.operator.tokenSecret.name -}}{{ .Values.operator.tokenSecret.key }}{{- else -}}token{{- end -}}
{{- end -}}
