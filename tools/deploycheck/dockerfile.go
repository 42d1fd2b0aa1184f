package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// checkDockerfile parses root/Dockerfile with BuildKit, runs its build
// checks (every warning is a problem) and the image policy.
func checkDockerfile(root string) []string {
	b, err := readLimited(filepath.Join(root, "Dockerfile"))
	if err != nil {
		return []string{err.Error()}
	}
	problems := lintDockerfile(b)
	ignore, err := readLimited(filepath.Join(root, ".dockerignore"))
	if err != nil {
		return append(problems, err.Error())
	}
	return append(problems, checkDockerignore(string(ignore))...)
}

// lintDockerfile returns the parse errors, BuildKit's build-check warnings
// and the policy problems of a Dockerfile.
func lintDockerfile(b []byte) []string {
	var problems []string
	res, err := parser.Parse(bytes.NewReader(b))
	if err != nil {
		return []string{fmt.Sprintf("parsing: %v", err)}
	}
	for _, w := range res.Warnings {
		problems = append(problems, fmt.Sprintf("line %d: %s", w.Location.Start.Line, w.Short))
	}
	lint := linter.New(&linter.Config{Warn: func(rule, _, _, msg string, loc []parser.Range) {
		line := 0
		if len(loc) > 0 {
			line = loc[0].Start.Line
		}
		problems = append(problems, fmt.Sprintf("line %d: build check %s: %s", line, rule, msg))
	}})
	stages, _, err := instructions.Parse(res.AST, lint)
	if err != nil {
		return append(problems, fmt.Sprintf("parsing instructions: %v", err))
	}
	return append(problems, imagePolicy(stages)...)
}

// imagePolicy checks what the image must be: built in a separate stage
// with CGO_ENABLED=0, a final stage on distroless/static or scratch that
// copies the binary from the build stage, runs as a non-root user, exposes
// a port and has ENTRYPOINT ["stancemon"] in exec form.
func imagePolicy(stages []instructions.Stage) []string {
	if len(stages) < 2 {
		return []string{fmt.Sprintf("want a multi-stage build, got %d stage(s)", len(stages))}
	}
	var problems []string
	static := false
	for _, st := range stages[:len(stages)-1] {
		for _, c := range st.Commands {
			if r, ok := c.(*instructions.RunCommand); ok && strings.Contains(strings.Join(r.CmdLine, " "), "CGO_ENABLED=0") {
				static = true
			}
		}
	}
	if !static {
		problems = append(problems, "no build stage runs with CGO_ENABLED=0 (the binary must be static)")
	}
	final := stages[len(stages)-1]
	if !strings.HasPrefix(final.BaseName, "gcr.io/distroless/static") && final.BaseName != "scratch" {
		problems = append(problems, fmt.Sprintf("final stage is FROM %s, want gcr.io/distroless/static* or scratch", final.BaseName))
	}
	var user string
	var entrypoint *instructions.EntrypointCommand
	exposed, copied := false, false
	for _, c := range final.Commands {
		switch c := c.(type) {
		case *instructions.UserCommand:
			user = c.User
		case *instructions.EntrypointCommand:
			entrypoint = c
		case *instructions.ExposeCommand:
			exposed = len(c.Ports) > 0
		case *instructions.CopyCommand:
			copied = copied || c.From != ""
		case *instructions.RunCommand:
			problems = append(problems, "the final stage runs a command: it has no shell")
		}
	}
	name, _, _ := strings.Cut(user, ":")
	if name == "" || name == "0" || name == "root" {
		problems = append(problems, fmt.Sprintf("the final stage must set USER to a non-root user, got %q", user))
	}
	if entrypoint == nil || entrypoint.PrependShell || !slices.Equal(entrypoint.CmdLine, []string{"stancemon"}) {
		problems = append(problems, `the final stage must have ENTRYPOINT ["stancemon"] (exec form)`)
	}
	if !exposed {
		problems = append(problems, "the final stage must EXPOSE the HTTP port")
	}
	if !copied {
		problems = append(problems, "the final stage must COPY --from the build stage")
	}
	return problems
}

// checkDockerignore requires the entries that keep history, local state and
// secrets out of the build context.
func checkDockerignore(content string) []string {
	lines := map[string]bool{}
	for _, l := range strings.Split(content, "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	var problems []string
	for _, want := range []string{".git", ".run", "bin", "**/*.db"} {
		if !lines[want] {
			problems = append(problems, fmt.Sprintf(".dockerignore must exclude %s", want))
		}
	}
	return problems
}
