{{/*
The operator's permissions, the same in cluster-wide mode (ClusterRole) and namespaced mode (a
Role per watched namespace): exactly the verbs on exactly the resources the operator's code uses
(ChartRbacTest compares them with OperatorPermissions, the operator's own list; `java -jar
mcp-fleet-operator.jar rbac` prints it).
*/}}
{{- define "mcp-fleet.rules" -}}
- apiGroups: ["mcpfleet.dev"]
  resources: ["mcpservers"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["mcpfleet.dev"]
  resources: ["mcpservers/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: [""]
  resources: ["configmaps", "serviceaccounts", "services"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["monitoring.coreos.com"]
  resources: ["servicemonitors"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
{{- end }}

{{/* Leader election: the Lease in the release namespace. */}}
{{- define "mcp-fleet.leaseRules" -}}
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "create", "update"]
{{- end }}
