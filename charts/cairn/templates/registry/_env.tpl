{{/* Database: CloudNativePG-style keys become the libpq variables, then the registry's URL. */}}
{{- define "cairn.registryDatabaseEnv" -}}
{{- if eq .Values.database.mode "external" -}}
{{- $db := .Values.database.external -}}
{{- if $db.keys.jdbcUri }}
- name: CAIRN_DB_URL
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.keys.jdbcUri }}
{{- else }}
- name: PGHOST
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.keys.host }}
- name: PGPORT
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.keys.port }}
- name: PGDATABASE
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.keys.dbname }}
- name: CAIRN_DB_URL
  value: "jdbc:postgresql://$(PGHOST):$(PGPORT)/$(PGDATABASE)?sslmode={{ $db.sslmode }}"
{{- end }}
- name: CAIRN_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.keys.username }}
- name: CAIRN_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.keys.password }}
{{- with $db.ownerSecret }}
- name: CAIRN_DB_OWNER_USER
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: username
- name: CAIRN_DB_OWNER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: password
{{- end }}
{{- end -}}
{{- end -}}

{{- define "cairn.registryBlobEnv" -}}
{{- if eq .Values.blobStore.type "s3" -}}
{{- $s3 := .Values.blobStore.s3 -}}
{{- if $s3.existingSecret }}
- name: AWS_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ $s3.existingSecret }}
      key: {{ $s3.accessKeyIdKey }}
- name: AWS_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $s3.existingSecret }}
      key: {{ $s3.secretAccessKeyKey }}
{{- end }}
{{- end -}}
{{- end -}}

{{- define "cairn.registryAuthEnv" -}}
- name: CAIRN_AUDIT_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "cairn.auditKeySecret" . }}
      key: {{ ternary .Values.auth.auditKey.key "key" (not (empty .Values.auth.auditKey.existingSecret)) }}
- name: CAIRN_BOOTSTRAP_ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "cairn.adminTokenSecret" . }}
      key: token
{{- end -}}
