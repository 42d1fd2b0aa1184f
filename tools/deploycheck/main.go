// Command deploycheck validates stancemon's deployment files with the tools
// made for each format, without a Docker engine or a Kubernetes cluster:
//
//   - the Dockerfile with BuildKit's own parser and its build-check rules
//     (the checks of `docker build --check` that run at parse time), then
//     the project's image policy (multi-stage, static build, non-root,
//     ENTRYPOINT ["stancemon"], EXPOSE, a .dockerignore);
//   - deploy/compose/compose.yaml with compose-go's loader, which validates
//     against the Compose specification's JSON schema, then the project's
//     policy (health checks, one consumer group, distinct client ids, the
//     one-shot migrate, mounted files present);
//   - deploy/k8s: every overlay rendered with kustomize (krusty), each
//     object decoded strictly (unknown or duplicate fields, wrong types,
//     bad quantities are errors) into its k8s.io/api type, then the
//     project's policy (probes, resources, security context, selectors that
//     match, Secret references without Secret objects);
//   - deploy/prometheus/stancemon-alerts.yaml with Prometheus's rulefmt
//     (what `promtool check rules` runs), then the required alerts and
//     only metric names stancemon exports. `promtool test rules` runs the
//     unit tests of the rules (make deploy-check).
//
// It lives in its own module so that these dependencies do not enter
// stancemon's. Run from the repository root: go -C tools/deploycheck run . -root ../..
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	root := flag.String("root", ".", "repository root")
	render := flag.String("render", "", "print the kustomize build of this directory (e.g. deploy/k8s/overlays/prod) and exit")
	flag.Parse()
	if *render != "" {
		b, err := renderYAML(*render)
		if err != nil {
			fmt.Fprintln(os.Stderr, "deploycheck:", err)
			os.Exit(1)
		}
		os.Stdout.Write(b)
		return
	}
	failed := false
	for _, c := range []struct {
		name string
		run  func(root string) []string
	}{
		{"Dockerfile", checkDockerfile},
		{"deploy/compose/compose.yaml", checkCompose},
		{"deploy/k8s", checkKubernetes},
		{"deploy/prometheus/stancemon-alerts.yaml", checkRules},
	} {
		problems := c.run(*root)
		if len(problems) == 0 {
			fmt.Printf("ok   %s\n", c.name)
			continue
		}
		failed = true
		for _, p := range problems {
			fmt.Printf("FAIL %s: %s\n", c.name, p)
		}
	}
	if failed {
		os.Exit(1)
	}
}

// readLimited reads a file of at most 1 MiB: every file checked here is
// far smaller, so a larger one is a mistake.
func readLimited(path string) ([]byte, error) {
	const limit = 1 << 20
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Base(path), err)
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("reading %s: larger than %d bytes", path, limit)
	}
	return os.ReadFile(path)
}
