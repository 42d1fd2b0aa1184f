package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// checkCompose loads deploy/compose/compose.yaml with compose-go (schema
// validation, interpolation with an empty environment so the defaults are
// used, normalization, consistency) and applies the stack's policy.
func checkCompose(root string) []string {
	dir := filepath.Join(root, "deploy", "compose")
	p, err := loadCompose(dir, "compose.yaml")
	if err != nil {
		return []string{err.Error()}
	}
	return composePolicy(p)
}

// loadCompose loads and validates file in dir.
func loadCompose(dir, file string) (*types.Project, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: %w", dir, err)
	}
	b, err := readLimited(filepath.Join(abs, file))
	if err != nil {
		return nil, err
	}
	p, err := loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  abs,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(abs, file), Content: b}},
		Environment: types.Mapping{},
	}, func(o *loader.Options) { o.ResolvePaths = true })
	if err != nil {
		return nil, fmt.Errorf("loading: %w", err)
	}
	return p, nil
}

// composePolicy checks the services the stack must have and how they are
// tied together.
func composePolicy(p *types.Project) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for _, name := range []string{"kafka", "clickhouse", "grafana", "migrate"} {
		if _, ok := p.Services[name]; !ok {
			add("no %s service", name)
		}
	}
	if k, ok := p.Services["kafka"]; ok && !strings.HasPrefix(k.Image, "apache/kafka:") {
		add("kafka runs %s, want the official apache/kafka image", k.Image)
	}
	if c, ok := p.Services["clickhouse"]; ok && !strings.HasPrefix(c.Image, "clickhouse/clickhouse-server:") {
		add("clickhouse runs %s, want clickhouse/clickhouse-server", c.Image)
	}
	if m, ok := p.Services["migrate"]; ok && (len(m.Command) == 0 || m.Command[0] != "migrate") {
		add("the migrate service must run `stancemon migrate`, runs %v", m.Command)
	}
	var instances []types.ServiceConfig
	for _, s := range p.Services {
		if len(s.Command) > 0 && s.Command[0] == "run" {
			instances = append(instances, s)
		}
	}
	if len(instances) < 2 {
		add("want at least two `stancemon run` services, got %d", len(instances))
	}
	seen := map[string]string{}
	for _, s := range instances {
		if s.HealthCheck == nil || s.HealthCheck.Disable || len(s.HealthCheck.Test) == 0 {
			add("%s has no health check", s.Name)
		} else if t := strings.Join(s.HealthCheck.Test, " "); !strings.Contains(t, "/readyz") && !strings.Contains(t, "/healthz") {
			add("%s: the health check must ask /readyz or /healthz, got %q", s.Name, t)
		}
		if d, ok := s.DependsOn["migrate"]; !ok || d.Condition != types.ServiceConditionCompletedSuccessfully {
			add("%s must depend on migrate with condition service_completed_successfully", s.Name)
		}
		for _, key := range []string{"STANCEMON_KAFKA_CLIENT_ID", "STANCEMON_KAFKA_INSTANCE_ID"} {
			v := s.Environment[key]
			if v == nil || *v == "" {
				add("%s does not set %s", s.Name, key)
				continue
			}
			if other, dup := seen[key+"="+*v]; dup {
				add("%s and %s share %s=%s", s.Name, other, key, *v)
			}
			seen[key+"="+*v] = s.Name
		}
		for k := range s.Environment {
			if strings.Contains(k, "GROUP") {
				add("%s sets %s: the instances must share the group of the configuration file", s.Name, k)
			}
		}
	}
	if len(instances) > 1 {
		first := configSources(instances[0])
		for _, s := range instances[1:] {
			if !slices.Equal(configSources(s), first) {
				add("%s and %s mount different configurations (one group needs one file)", s.Name, instances[0].Name)
			}
		}
	}
	for _, s := range []string{"kafka", "clickhouse", "grafana"} {
		if svc, ok := p.Services[s]; ok && svc.HealthCheck == nil {
			add("%s has no health check", s)
		}
	}
	for name, c := range p.Configs {
		if _, err := os.Stat(c.File); c.File != "" && err != nil {
			add("config %s: %v", name, err)
		}
	}
	for _, s := range p.Services {
		for _, v := range s.Volumes {
			if v.Type != types.VolumeTypeBind {
				continue
			}
			if _, err := os.Stat(v.Source); err != nil {
				add("%s mounts %s: %v", s.Name, v.Source, err)
			}
		}
	}
	slices.Sort(problems)
	return problems
}

func configSources(s types.ServiceConfig) []string {
	var out []string
	for _, c := range s.Configs {
		out = append(out, c.Source+"->"+c.Target)
	}
	slices.Sort(out)
	return out
}
