{{/* Names, labels and the switches that several templates share. */}}

{{- define "mcp-fleet.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the prefix of every object the chart creates. */}}
{{- define "mcp-fleet.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "mcp-fleet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mcp-fleet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "mcp-fleet.labels" -}}
{{ include "mcp-fleet.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: mcp-fleet
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mcp-fleet.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "mcp-fleet.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "mcp-fleet.operatorImage" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "mcp-fleet.runtimeImage" -}}
{{- printf "%s:%s" .Values.runtimeImage.repository (default .Chart.AppVersion .Values.runtimeImage.tag) }}
{{- end }}

{{/* A runtime variant (node, python): its own repository and tag, else the runtime's with -<variant>. */}}
{{- define "mcp-fleet.runtimeVariantImage" -}}
{{- $variant := index .root.Values (printf "runtime%sImage" (title .variant)) }}
{{- $repository := default (printf "%s-%s" .root.Values.runtimeImage.repository .variant) $variant.repository }}
{{- $tag := default (default .root.Chart.AppVersion .root.Values.runtimeImage.tag) $variant.tag }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}

{{/* "true" when the replicas elect a leader: forced by leaderElection.enabled, else when replicaCount > 1. */}}
{{- define "mcp-fleet.leaderElection" -}}
{{- $setting := .Values.leaderElection.enabled }}
{{- if eq (toString $setting) "auto" }}
{{- gt (int .Values.replicaCount) 1 | toString }}
{{- else }}
{{- $setting | toString }}
{{- end }}
{{- end }}

{{/* "true" in namespaced mode: the operator watches only the listed namespaces. */}}
{{- define "mcp-fleet.namespaced" -}}
{{- gt (len .Values.watchNamespaces) 0 | toString }}
{{- end }}
