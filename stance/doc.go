// Package stance scores news articles into directed stances between states
// and international organisations: who praises, warns, sanctions or threatens
// whom, with a score in [-1, 1], an event category, a confidence and the
// evidence (sentence and cue words) behind each number.
//
// The package is pure Go, does no I/O beyond reading its embedded data,
// is deterministic and is safe for concurrent use.
package stance
