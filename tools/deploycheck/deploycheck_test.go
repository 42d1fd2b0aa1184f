package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepositoryFiles runs every check on the repository's own files.
func TestRepositoryFiles(t *testing.T) {
	for name, check := range map[string]func(string) []string{
		"dockerfile": checkDockerfile, "compose": checkCompose, "kubernetes": checkKubernetes, "rules": checkRules,
	} {
		if problems := check("../.."); len(problems) > 0 {
			t.Errorf("%s: %s", name, strings.Join(problems, "\n"))
		}
	}
}

const goodDockerfile = `FROM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/stancemon ./cmd/stancemon
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/stancemon /usr/local/bin/stancemon
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["stancemon"]
`

// TestDockerfileRejects changes one thing of a good Dockerfile at a time
// and expects the problem it introduces.
func TestDockerfileRejects(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"good", "", "", ""},
		{"one stage", "FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/stancemon ./cmd/stancemon\n", "", "multi-stage"},
		{"cgo", "CGO_ENABLED=0 ", "", "CGO_ENABLED=0"},
		{"root", "USER 65532:65532", "USER root", "non-root"},
		{"no user", "USER 65532:65532\n", "", "non-root"},
		{"shell entrypoint", `ENTRYPOINT ["stancemon"]`, "ENTRYPOINT stancemon", "(exec form)"},
		{"other entrypoint", `ENTRYPOINT ["stancemon"]`, `ENTRYPOINT ["/bin/sh"]`, `ENTRYPOINT ["stancemon"]`},
		{"no expose", "EXPOSE 8080\n", "", "EXPOSE"},
		{"fat base", "gcr.io/distroless/static-debian12:nonroot", "debian:12", "distroless"},
		{"casing", "AS build", "as build", "FromAsCasing"},
		{"unknown instruction", "EXPOSE 8080", "EXPOSES 8080", "unknown instruction"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			df := goodDockerfile
			if tc.old != "" {
				if !strings.Contains(df, tc.old) {
					t.Fatalf("test case: %q not in the Dockerfile", tc.old)
				}
				df = strings.Replace(df, tc.old, tc.new, 1)
			}
			expectProblem(t, lintDockerfile([]byte(df)), tc.want)
		})
	}
}

func expectProblem(t *testing.T, problems []string, want string) {
	t.Helper()
	all := strings.Join(problems, "\n")
	t.Logf("problems: %s", all)
	if want == "" {
		if len(problems) > 0 {
			t.Fatalf("want no problem, got:\n%s", all)
		}
		return
	}
	if !strings.Contains(all, want) {
		t.Fatalf("want a problem containing %q, got:\n%s", want, all)
	}
}

// TestComposeRejects edits the repository's compose file and expects the
// schema validation or the policy to refuse each edit.
func TestComposeRejects(t *testing.T) {
	src, err := os.ReadFile("../../deploy/compose/compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("../../deploy/compose/stancemon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"good", "", "", ""},
		{"unknown key", "  read_only: true\n", "  read_only: true\n  readonly: true\n", "readonly"},
		{"wrong type", "stop_grace_period: 45s", "stop_grace_period: [45s]", "stop_grace_period"},
		{"same client id", "STANCEMON_KAFKA_CLIENT_ID: stancemon-2", "STANCEMON_KAFKA_CLIENT_ID: stancemon-1", "share STANCEMON_KAFKA_CLIENT_ID"},
		{"no health check", "    test: [\"CMD\", \"stancemon\", \"healthcheck\", \"--url\", \"http://127.0.0.1:8080/readyz\"]\n", "    disable: true\n", "has no health check"},
		{"migrate not awaited", "    migrate:\n      condition: service_completed_successfully\n\nservices:", "    migrate:\n      condition: service_started\n\nservices:", "depend on migrate"},
		{"missing mount", "../grafana/dashboards:", "../grafana/nodashboards:", "nodashboards"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "deploy", "compose")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			// The grafana mounts are relative: give them the real folders.
			if err := os.Symlink(filepath.Join(mustAbs(t, "../../deploy/grafana")), filepath.Join(dir, "..", "grafana")); err != nil {
				t.Fatal(err)
			}
			s := string(src)
			if tc.old != "" {
				if !strings.Contains(s, tc.old) {
					t.Fatalf("test case: %q not in compose.yaml", tc.old)
				}
				s = strings.Replace(s, tc.old, tc.new, 1)
			}
			writeFile(t, filepath.Join(dir, "compose.yaml"), s)
			writeFile(t, filepath.Join(dir, "stancemon.yaml"), string(cfg))
			p, err := loadCompose(dir, "compose.yaml")
			var problems []string
			if err != nil {
				problems = []string{err.Error()}
			} else {
				problems = composePolicy(p)
			}
			expectProblem(t, problems, tc.want)
		})
	}
}

// TestKubernetesRejects renders a kustomization over a copy of the base
// with one edit and expects the strict decoding or the policy to refuse it.
func TestKubernetesRejects(t *testing.T) {
	base := mustAbs(t, "../../deploy/k8s/base")
	tests := []struct {
		name, file, old, new, want string
	}{
		{"good", "", "", "", ""},
		{"unknown field", "deployment.yaml", "readinessProbe:", "readinesProbe:", "unknown field"},
		{"field case", "deployment.yaml", "readOnlyRootFilesystem: true", "ReadOnlyRootFilesystem: true", "unknown field"},
		{"wrong type", "deployment.yaml", "terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: soon", "terminationGracePeriodSeconds"},
		{"bad quantity", "deployment.yaml", "memory: 512Mi", "memory: 512MB!", "quantities"},
		{"probe path", "deployment.yaml", "path: /readyz", "path: /", "readiness probe"},
		{"writable root", "deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "readOnlyRootFilesystem"},
		{"no limits", "deployment.yaml", "            limits:\n              cpu: \"2\"\n              memory: 512Mi\n", "", "a request and a limit"},
		{"service selector", "service.yaml", "app.kubernetes.io/component: pipeline", "app.kubernetes.io/component: web", "does not match"},
		{"hpa target", "hpa.yaml", "    name: stancemon\n  minReplicas", "    name: other\n  minReplicas", "not the Deployment"},
		{"request over limit", "deployment.yaml", "memory: 256Mi", "memory: 1Gi", "exceeds the limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			entries, err := os.ReadDir(base)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				b, err := os.ReadFile(filepath.Join(base, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				s := string(b)
				if e.Name() == tc.file {
					if !strings.Contains(s, tc.old) {
						t.Fatalf("test case: %q not in %s", tc.old, tc.file)
					}
					s = strings.Replace(s, tc.old, tc.new, 1)
				}
				writeFile(t, filepath.Join(dir, e.Name()), s)
			}
			objs, err := renderKustomization(dir)
			var problems []string
			if err != nil {
				problems = []string{err.Error()}
			} else {
				problems = kubernetesPolicy(objs)
			}
			expectProblem(t, problems, tc.want)
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRulesRejects edits the alert rules and expects rulefmt or the policy
// to refuse each edit.
func TestRulesRejects(t *testing.T) {
	src, err := os.ReadFile("../../deploy/prometheus/stancemon-alerts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"good", "", "", ""},
		{"bad promql", "expr: up{job=\"stancemon\"} == 0", "expr: up{job=\"stancemon\" == 0", "parse error"},
		{"unknown field", "        for: 2m\n", "        for: 2m\n        fro: 2m\n", "fro"},
		{"bad template", "{{ $labels.instance }} cannot", "{{ $labels.instance  cannot", "template"},
		{"unknown metric", "stancemon_batches_committed_total{job=\"stancemon\"}[10m])) == 0\n        for: 5m", "stancemon_last_commit_age_seconds{job=\"stancemon\"}[10m])) == 0\n        for: 5m", "does not export"},
		{"alert missing", "alert: StancemonLagGrowing", "alert: StancemonLagUp", "no alert StancemonLagGrowing"},
		{"no severity", "          severity: warning\n        annotations:\n          summary: \"stancemon {{ $labels.instance }} cannot", "          team: x\n        annotations:\n          summary: \"stancemon {{ $labels.instance }} cannot", "no severity"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := string(src)
			if tc.old != "" {
				if !strings.Contains(s, tc.old) {
					t.Fatalf("test case: %q not in the rules", tc.old)
				}
				s = strings.Replace(s, tc.old, tc.new, 1)
			}
			expectProblem(t, rulesPolicy([]byte(s), knownMetrics), tc.want)
		})
	}
}

// TestMigrateJobRejects edits the migrate Job and expects the check to
// refuse each edit.
func TestMigrateJobRejects(t *testing.T) {
	src, err := os.ReadFile("../../deploy/k8s/migrate-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"good", "", "", ""},
		{"unknown field", "backoffLimit: 3", "backofLimit: 3", "unknown field"},
		{"restarts forever", "restartPolicy: Never", "restartPolicy: Always", "restartPolicy"},
		{"not migrate", `args: ["migrate", `, `args: ["run", `, "stancemon migrate"},
		{"root", "runAsNonRoot: true\n    ", "runAsNonRoot: false\n    ", "runAsNonRoot"},
		{"literal password", "          env:\n", "          env:\n            - name: STANCEMON_CLICKHOUSE_PASSWORD\n              value: hunter2\n", "literal value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := string(src)
			if tc.old != "" {
				if !strings.Contains(s, tc.old) {
					t.Fatalf("test case: %q not in migrate-job.yaml", tc.old)
				}
				s = strings.Replace(s, tc.old, tc.new, 1)
			}
			path := filepath.Join(t.TempDir(), "migrate-job.yaml")
			writeFile(t, path, s)
			expectProblem(t, checkMigrateJob(path), tc.want)
		})
	}
}
