package stance

import (
	"embed"
	"fmt"
	"strings"

	"github.com/stancemon/stancemon/internal/strictyaml"
)

//go:generate go run ./internal/agentgen -in ../../shared/data/lexicons -out data/agents_phoenix.yaml

// agentData holds the generated Phoenix agent list and the hand list on top.
//
//go:embed data/agents_phoenix.yaml data/agents.yaml
var agentData embed.FS

// maxAgentWords is the longest agent phrase matched, in words.
const maxAgentWords = 4

// agentFile is the schema of data/agents*.yaml.
type agentFile struct {
	Agents []struct {
		Words  string `yaml:"words"`
		Code   string `yaml:"code"`
		Source string `yaml:"source"`
	} `yaml:"agents"`
}

// agentTable maps agent noun phrases ("rebel", "car maker", "central bank")
// to their Phoenix agent codes.
type agentTable struct {
	codes map[string]string // words -> code
	first map[string]uint8  // first word -> longest phrase in words
}

// stateAgent reports whether a Phoenix agent code names a state organ:
// government, military, police, courts, legislature, intelligence.
func stateAgent(code string) bool {
	if strings.HasPrefix(code, "GOV") || strings.HasPrefix(code, "MIL") {
		return true
	}
	switch code {
	case "COP", "JUD", "LEG", "SPY":
		return true
	}
	return false
}

// loadAgents reads the generated list, then the hand list over it.
func loadAgents() (*agentTable, error) {
	t := &agentTable{codes: map[string]string{}, first: map[string]uint8{}}
	for _, name := range []string{"data/agents_phoenix.yaml", "data/agents.yaml"} {
		b, err := agentData.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		var f agentFile
		if err := strictyaml.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("decoding %s: %w", name, err)
		}
		for i, a := range f.Agents {
			words := strings.Fields(a.Words)
			if len(words) == 0 || len(words) > maxAgentWords || a.Code == "" {
				return nil, fmt.Errorf("%s: agent %d: words must be 1 to %d words and code set", name, i+1, maxAgentWords)
			}
			key := strings.Join(words, " ")
			t.codes[key] = a.Code
			if n := uint8(len(words)); n > t.first[words[0]] {
				t.first[words[0]] = n
			}
		}
	}
	return t, nil
}

// lookup returns the code of words, trying the singular of a plural last
// word ("rebels", "companies", "businesses"). It allocates nothing: it runs
// for every actor of every sentence.
func (t *agentTable) lookup(words []byte) (string, bool) {
	if c, ok := t.codes[string(words)]; ok {
		return c, true
	}
	var stem [64]byte
	for _, suf := range [...][2]string{{"ies", "y"}, {"es", ""}, {"s", ""}} {
		if n := len(words) - len(suf[0]); n >= 0 && n+len(suf[1]) <= len(stem) && string(words[n:]) == suf[0] {
			b := append(append(stem[:0], words[:n]...), suf[1]...)
			if c, ok := t.codes[string(b)]; ok {
				return c, true
			}
		}
	}
	return "", false
}

// describing are the participles that make "X-participle" an adjective
// that only describes ("U.S.-backed rebels", "a Swiss-based firm",
// "Soviet-made jets"); "U.S.-led forces" still act for the state.
var describing = map[string]bool{
	"backed": true, "based": true, "made": true, "born": true, "owned": true,
	"registered": true, "funded": true, "financed": true, "flagged": true,
	"built": true, "educated": true, "trained": true, "sponsored": true,
	"supported": true, "armed": true, "listed": true, "style": true,
}
