// Package grafana holds the Grafana provisioning and dashboards of
// stancemon; its test runs every SQL query of the dashboards against the
// test ClickHouse server filled with fixture data.
//
// Grafana macros and variables are replaced with fixed values before a
// query runs (see expand), as grafana-clickhouse-datasource v4 expands them:
//
//	$__timeFilter(col)  col >= toDateTime(FROM) AND col <= toDateTime(TO)
//	$__fromTime         toDateTime(FROM)
//	$__toTime           toDateTime(TO)
//	$__interval_s       3600
//	${source}           CHN
//	${target}           USA
//	${min_articles}     3
//
// where FROM..TO is the 7 days before the end of storetest.Fixture.
package grafana

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/stancemon/stancemon/store"
	"github.com/stancemon/stancemon/store/storetest"
	"github.com/stancemon/stancemon/tests/testenv"
)

// fixtureEnd is the end of the fixture data and of the time range.
var fixtureEnd = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// timeRange is the dashboard's time range in the test.
var timeRange = store.Window{From: fixtureEnd.Add(-7 * 24 * time.Hour), To: fixtureEnd}

// variables are the values of the dashboard variables in the test.
var variables = map[string]string{"source": "CHN", "target": "USA", "min_articles": "3"}

// datasourceUID is the uid of the provisioned data source.
const datasourceUID = "stancemon-clickhouse"

var (
	timeFilter = regexp.MustCompile(`\$__timeFilter\(\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)`)
	variable   = regexp.MustCompile(`\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}|\$([a-zA-Z_][a-zA-Z0-9_]*)`)
)

// expand replaces the Grafana macros and variables of sql with the test's
// values; an unknown one is an error.
func expand(sql string, w store.Window, vars map[string]string) (string, error) {
	from, to := w.From.Unix(), w.To.Unix()
	sql = timeFilter.ReplaceAllString(sql, fmt.Sprintf("$1 >= toDateTime(%d) AND $1 <= toDateTime(%d)", from, to))
	macros := map[string]string{
		"__fromTime":   fmt.Sprintf("toDateTime(%d)", from),
		"__toTime":     fmt.Sprintf("toDateTime(%d)", to),
		"__interval_s": "3600",
	}
	var unknown []string
	sql = variable.ReplaceAllStringFunc(sql, func(m string) string {
		name := strings.Trim(m, "${}")
		if v, ok := macros[name]; ok {
			return v
		}
		if v, ok := vars[name]; ok {
			return v
		}
		unknown = append(unknown, m)
		return m
	})
	if len(unknown) > 0 {
		return "", fmt.Errorf("expanding the query: unknown macros or variables %v", unknown)
	}
	return sql, nil
}

func TestExpand(t *testing.T) {
	w := store.Window{From: time.Unix(100, 0), To: time.Unix(200, 0)}
	for _, tc := range []struct {
		in, want, err string
	}{
		{"WHERE $__timeFilter(hour)", "WHERE hour >= toDateTime(100) AND hour <= toDateTime(200)", ""},
		{"WHERE $__timeFilter( published_at ) AND x < $__toTime", "WHERE published_at >= toDateTime(100) AND published_at <= toDateTime(200) AND x < toDateTime(200)", ""},
		{"toUInt32($__fromTime) / $__interval_s", "toUInt32(toDateTime(100)) / 3600", ""},
		{"source = '${source}' AND target = '$target' AND n >= ${min_articles}", "source = 'CHN' AND target = 'USA' AND n >= 3", ""},
		{"WHERE $__timeInterval(hour)", "", "unknown macros or variables [$__timeInterval]"},
		{"x = '${nope}'", "", "unknown macros or variables [${nope}]"},
	} {
		got, err := expand(tc.in, w, variables)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("expand(%q): error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("expand(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// query is an SQL query of the dashboard and where it is.
type query struct {
	where string
	sql   string
}

// dashboard is the part of a dashboard's JSON that holds queries.
type dashboard struct {
	Panels      []panel `json:"panels"`
	Annotations struct {
		List []struct {
			Name       string     `json:"name"`
			Datasource datasource `json:"datasource"`
			Target     target     `json:"target"`
		} `json:"list"`
	} `json:"annotations"`
	Templating struct {
		List []struct {
			Name       string     `json:"name"`
			Type       string     `json:"type"`
			Datasource datasource `json:"datasource"`
			Query      string     `json:"query"`
		} `json:"list"`
	} `json:"templating"`
}

type panel struct {
	ID         int        `json:"id"`
	Title      string     `json:"title"`
	Type       string     `json:"type"`
	Datasource datasource `json:"datasource"`
	Targets    []target   `json:"targets"`
	Panels     []panel    `json:"panels"` // of a row
}

type target struct {
	RefID      string     `json:"refId"`
	Datasource datasource `json:"datasource"`
	RawSQL     string     `json:"rawSql"`
}

type datasource struct {
	Type string `json:"type"`
	UID  string `json:"uid"`
}

// loadDashboard reads a dashboard file and returns its queries, checking
// that each one uses the provisioned data source.
func loadDashboard(t *testing.T, path string) []query {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d dashboard
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("decoding %s: %v", path, err)
	}
	var qs []query
	add := func(where string, ds datasource, sql string) {
		if ds.UID != datasourceUID || ds.Type != "grafana-clickhouse-datasource" {
			t.Errorf("%s: data source %+v, want the provisioned %s", where, ds, datasourceUID)
		}
		if strings.TrimSpace(sql) == "" {
			t.Errorf("%s: no SQL", where)
		}
		qs = append(qs, query{where: where, sql: sql})
	}
	var walk func(ps []panel)
	walk = func(ps []panel) {
		for _, p := range ps {
			walk(p.Panels)
			if p.Type == "row" {
				continue
			}
			if len(p.Targets) == 0 {
				t.Errorf("panel %d %q has no query", p.ID, p.Title)
			}
			for _, tg := range p.Targets {
				add(fmt.Sprintf("panel %d %s/%s", p.ID, p.Title, tg.RefID), tg.Datasource, tg.RawSQL)
			}
		}
	}
	walk(d.Panels)
	for _, a := range d.Annotations.List {
		add("annotation "+a.Name, a.Target.Datasource, a.Target.RawSQL)
	}
	for _, v := range d.Templating.List {
		if v.Type == "query" {
			add("variable "+v.Name, v.Datasource, v.Query)
		}
	}
	return qs
}

func TestDashboardQueries(t *testing.T) {
	queries := loadDashboard(t, "dashboards/stancemon.json")
	if len(queries) < 8 {
		t.Fatalf("found %d queries in the dashboard, want the 5 of the panels, the annotation and the 2 variables", len(queries))
	}
	ctx := context.Background()
	active := fixtureEnd.Add(-3 * 24 * time.Hour)
	db := testenv.ClickHouseWith(t, storetest.Fixture(fixtureEnd), store.AlertRecord{
		Fingerprint: "grafana-test", Rule: "HostileTurn", Source: "CHN", Target: "USA", State: store.AlertFiring,
		Value: -0.7, ActiveAt: active, FiredAt: active.Add(time.Hour), UpdatedAt: active.Add(time.Hour),
	})
	for _, q := range queries {
		t.Run(q.where, func(t *testing.T) {
			sql, err := expand(q.sql, timeRange, variables)
			if err != nil {
				t.Fatal(err)
			}
			n, err := testenv.CountRows(ctx, db.Conn, sql)
			if err != nil {
				t.Fatalf("%v\n%s", err, sql)
			}
			if n == 0 {
				t.Errorf("no rows from:\n%s", sql)
			}
			t.Logf("%d rows", n)
		})
	}
}

func TestProvisioning(t *testing.T) {
	var ds struct {
		APIVersion  int `yaml:"apiVersion"`
		Datasources []struct {
			Name     string         `yaml:"name"`
			Type     string         `yaml:"type"`
			UID      string         `yaml:"uid"`
			JSONData map[string]any `yaml:"jsonData"`
		} `yaml:"datasources"`
	}
	readYAML(t, "provisioning/datasources/clickhouse.yaml", &ds)
	if ds.APIVersion != 1 || len(ds.Datasources) != 1 {
		t.Fatalf("datasources: apiVersion %d, %d data sources; want 1 and 1", ds.APIVersion, len(ds.Datasources))
	}
	d := ds.Datasources[0]
	if d.Type != "grafana-clickhouse-datasource" || d.UID != datasourceUID || d.JSONData["protocol"] != "native" {
		t.Errorf("data source %+v: want type grafana-clickhouse-datasource, uid %s, protocol native", d, datasourceUID)
	}
	var dp struct {
		APIVersion int `yaml:"apiVersion"`
		Providers  []struct {
			Type    string `yaml:"type"`
			Options struct {
				Path string `yaml:"path"`
			} `yaml:"options"`
		} `yaml:"providers"`
	}
	readYAML(t, "provisioning/dashboards/stancemon.yaml", &dp)
	if dp.APIVersion != 1 || len(dp.Providers) != 1 || dp.Providers[0].Type != "file" || dp.Providers[0].Options.Path == "" {
		t.Errorf("dashboard providers: %+v, want one file provider with a path", dp)
	}
}

func readYAML(t *testing.T, path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("decoding %s: %v", path, err)
	}
}
