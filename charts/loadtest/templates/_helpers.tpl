{{/* Names and labels shared by every template of the chart. */}}

{{/* The release's resource name prefix, cut to 52 characters so that suffixes fit in 63. */}}
{{- define "loadtest.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 52 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/*
The run's id: its folder on the results volume and the run_id label of its metrics. Without
runId, the release name and the render time in UTC, so that a new install never finds an
earlier run's results. It is stored back into .Values on first use: every template of one
render then reads the same id, even when the clock ticks over a second between two of them.
*/}}
{{- define "loadtest.runId" -}}
{{- if not .Values.runId -}}
{{- $stamp := dateInZone "20060102-150405" now "UTC" -}}
{{- $release := .Release.Name | trunc 47 | trimSuffix "-" -}}
{{- $_ := set .Values "runId" (printf "%s-%s" $release $stamp) -}}
{{- end -}}
{{- .Values.runId -}}
{{- end -}}

{{/* Kubernetes recommended labels (app.kubernetes.io/*) plus the chart's own. */}}
{{- define "loadtest.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "loadtest.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: loadtest
loadtest.dev/run-id: {{ include "loadtest.runId" . | quote }}
{{- end -}}

{{- define "loadtest.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The loadtest image; a digest wins over the tag. */}}
{{- define "loadtest.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{- define "loadtest.specConfigMap" -}}
{{- .Values.spec.existingConfigMap | default (printf "%s-spec" (include "loadtest.fullname" .)) -}}
{{- end -}}

{{- define "loadtest.resultsClaim" -}}
{{- $chartClaim := printf "%s-results" (include "loadtest.fullname" .) -}}
{{- .Values.results.existingClaim | default $chartClaim -}}
{{- end -}}

{{/* The run's folder on the results volume, where worker-I/ and merged/ land. */}}
{{- define "loadtest.runFolder" -}}
{{- printf "/results/%s" (include "loadtest.runId" .) -}}
{{- end -}}

{{/*
The instant every worker starts its schedule, in UTC. Computed once, when Helm renders the
release, so all workers get the same value without talking to each other; see job-workers.yaml.
*/}}
{{- define "loadtest.startAt" -}}
{{- if not .Values.startAt -}}
{{- $start := now | dateModify (printf "+%s" .Values.startDelay) -}}
{{- $_ := set .Values "startAt" (dateInZone "2006-01-02T15:04:05Z" $start "UTC") -}}
{{- end -}}
{{- .Values.startAt -}}
{{- end -}}

{{/*
Pod settings shared by the workers and the merge step. No pod talks to the Kubernetes API,
so none gets a service account token.
*/}}
{{- define "loadtest.podCommon" -}}
automountServiceAccountToken: false
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
