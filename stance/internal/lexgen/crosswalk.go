package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// ploverCode is what the crosswalk says about one CAMEO code.
type ploverCode struct {
	plover   string // PLOVER 2021 category as written: "REQUEST", "ACCUSE", ...
	category string // the scorer's category: "DEMAND", "DISAPPROVE", ...
	mode     string // "" if none
	context  string // "" if none
	line     int
}

// crosswalk maps CAMEO codes to PLOVER categories (CAMEO2PLOVER-2021.txt).
type crosswalk struct {
	codes    map[string]ploverCode // 3- and 4-digit codes
	problems []problem
}

// scorerCategory maps a PLOVER 2021 category and mode to the scorer's
// category (stance/api.go): REQUEST is DEMAND, ACCUSE is DISAPPROVE, and
// ACCUSE in its investigate mode is INVESTIGATE.
func scorerCategory(plover, mode string) (string, bool) {
	switch plover {
	case "REQUEST":
		return "DEMAND", true
	case "ACCUSE":
		if mode == "investigate" {
			return "INVESTIGATE", true
		}
		return "DISAPPROVE", true
	}
	for _, c := range categories {
		if c.name == plover {
			return plover, true
		}
	}
	return "", false
}

var crosswalkRE = regexp.MustCompile(`^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,]*))?(?:,(.*))?$`)

// parseCrosswalk parses the CAMEO to PLOVER table. Lines of two-digit
// codes are group headings ("08: RETREAT") and map nothing. It returns an
// error only when r cannot be read.
func parseCrosswalk(r io.Reader) (*crosswalk, error) {
	cw := &crosswalk{codes: map[string]ploverCode{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(stripComment(sc.Text()))
		if line == "" || strings.Trim(line, "~") == "" {
			continue
		}
		bad := func(reason string) {
			cw.problems = append(cw.problems, problem{line: n, reason: reason, text: line})
		}
		m := crosswalkRE.FindStringSubmatch(line)
		if m == nil {
			bad("malformed crosswalk line")
			continue
		}
		if len(m[1]) == 2 {
			continue // group heading
		}
		pc := ploverCode{plover: m[2], mode: strings.TrimSpace(m[3]), context: strings.TrimSpace(m[4]), line: n}
		cat, ok := scorerCategory(pc.plover, pc.mode)
		if !ok {
			bad(fmt.Sprintf("unknown PLOVER category %s", pc.plover))
			continue
		}
		pc.category = cat
		if old, dup := cw.codes[m[1]]; dup {
			if old.category != pc.category || old.mode != pc.mode {
				bad(fmt.Sprintf("code %s mapped twice (line %d)", m[1], old.line))
			}
			continue
		}
		cw.codes[m[1]] = pc
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading crosswalk: %w", err)
	}
	return cw, nil
}

// lookup returns the mapping of a CAMEO code, falling back from a 4-digit
// code to its 3-digit parent. via is the code that was found.
func (cw *crosswalk) lookup(c string) (pc ploverCode, via string, ok bool) {
	if pc, ok = cw.codes[c]; ok {
		return pc, c, true
	}
	if len(c) == 4 {
		if pc, ok = cw.codes[c[:3]]; ok {
			return pc, c[:3], true
		}
	}
	return ploverCode{}, "", false
}
