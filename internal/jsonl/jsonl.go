// Package jsonl reads JSON Lines input (one JSON value a line, plain or
// gzip-compressed) line by line with a bound on the memory a line may
// take: the one scanner that the commands, the publisher and the
// benchmarks share. It does not decode JSON; each caller decodes its own
// schema.
package jsonl

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// DefaultMaxLine is the size limit of one line when Options.MaxLine is 0.
const DefaultMaxLine = 16 << 20

// ErrLineTooLong is passed (wrapped) to the callback of Scan for a line
// over the size limit; match it with errors.Is.
var ErrLineTooLong = errors.New("line too long")

// Options adjust Scan.
type Options struct {
	// MaxLine is the size limit of one line in bytes, without its line
	// break. A longer line is never held in memory: the callback gets an
	// ErrLineTooLong error for it instead. Default: DefaultMaxLine
	MaxLine int
	// KeepBlank passes blank lines (empty or only white space) to the
	// callback too. Default: false (they are skipped, but still counted
	// in line numbers)
	KeepBlank bool
}

// Scan calls fn with each line of r: its 1-based number, its bytes without
// the line break ("\n" or "\r\n"), and nil, or for a line over
// Options.MaxLine an error wrapping ErrLineTooLong and no bytes. The line
// is only valid during the call. The scan goes on after a line error; an
// error returned by fn stops it and is returned as it is. A read error is
// returned wrapped.
func Scan(r io.Reader, o Options, fn func(n int, line []byte, err error) error) error {
	max := o.MaxLine
	if max <= 0 {
		max = DefaultMaxLine
	}
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	n := 0
	tooLong := false
	for {
		part, isPrefix, err := br.ReadLine()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading line %d: %w", n+1, err)
		}
		if !tooLong {
			if len(buf)+len(part) > max {
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, part...)
			}
		}
		if isPrefix {
			continue
		}
		n++
		var lineErr error
		if tooLong {
			lineErr = fmt.Errorf("%w (limit %d bytes)", ErrLineTooLong, max)
		}
		if lineErr != nil || o.KeepBlank || len(bytes.TrimSpace(buf)) > 0 {
			if err := fn(n, buf, lineErr); err != nil {
				return err
			}
		}
		tooLong = false
		buf = buf[:0]
	}
}

// NewReader returns r, gunzipped when it starts with the gzip magic bytes,
// so that callers take plain and .gz input alike.
func NewReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic, err := br.Peek(2)
	if err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("opening gzip stream: %w", err)
		}
		return zr, nil
	}
	return br, nil
}
