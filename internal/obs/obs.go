// Package obs sets up logging (with secrets redacted) and the HTTP server
// of stancemon: /metrics, /healthz, /readyz, optional /debug/pprof/, and
// the dashboard mounted by the caller, with optional authentication, TLS,
// timeouts and a limit on concurrent requests.
package obs

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"go.uber.org/zap"
	"go.uber.org/zap/buffer"
	"go.uber.org/zap/zapcore"
	"golang.org/x/term"

	"github.com/stancemon/stancemon/internal/redact"
)

// NewLogger returns a zap logger writing to stderr: format is json,
// console or auto (console when stderr is a terminal, JSON otherwise);
// level is debug, info, warn or error. Every line it writes has its
// secrets redacted (see RedactEncoder).
func NewLogger(format, level string) (*zap.Logger, error) {
	if format == "auto" || format == "" {
		format = "json"
		if term.IsTerminal(int(os.Stderr.Fd())) {
			format = "console"
		}
	}
	return NewLoggerTo(os.Stderr, format, level)
}

// NewLoggerTo is NewLogger writing to w; format is json or console.
func NewLoggerTo(w io.Writer, format, level string) (*zap.Logger, error) {
	lvl, err := zapcore.ParseLevel(level)
	if err != nil {
		return nil, fmt.Errorf("parsing log level: %w", err)
	}
	var enc zapcore.Encoder
	opts := []zap.Option{zap.AddCaller(), zap.ErrorOutput(zapcore.Lock(zapcore.AddSync(os.Stderr)))}
	switch format {
	case "json":
		ec := zap.NewProductionEncoderConfig()
		ec.TimeKey = "ts"
		ec.EncodeTime = zapcore.ISO8601TimeEncoder
		enc = zapcore.NewJSONEncoder(ec)
		opts = append(opts, zap.AddStacktrace(zapcore.ErrorLevel))
	case "console":
		ec := zap.NewDevelopmentEncoderConfig()
		ec.TimeKey = "ts"
		ec.EncodeTime = zapcore.ISO8601TimeEncoder
		ec.EncodeLevel = zapcore.CapitalColorLevelEncoder
		enc = zapcore.NewConsoleEncoder(ec)
		opts = append(opts, zap.Development())
	default:
		return nil, fmt.Errorf("unknown log format %q (want json, console or auto)", format)
	}
	core := zapcore.NewCore(RedactEncoder(enc), zapcore.Lock(zapcore.AddSync(w)), zap.NewAtomicLevelAt(lvl))
	return zap.New(core, opts...), nil
}

// RedactEncoder wraps enc so that every line it encodes has the secrets
// of the URLs and DSNs in it (passwords, credential-like query
// parameters) replaced, whatever field or message they are in
// (redact.Text).
func RedactEncoder(enc zapcore.Encoder) zapcore.Encoder {
	return redactEncoder{enc}
}

type redactEncoder struct{ zapcore.Encoder }

func (e redactEncoder) Clone() zapcore.Encoder { return redactEncoder{e.Encoder.Clone()} }

func (e redactEncoder) EncodeEntry(ent zapcore.Entry, fields []zapcore.Field) (*buffer.Buffer, error) {
	buf, err := e.Encoder.EncodeEntry(ent, fields)
	if err != nil || !bytes.Contains(buf.Bytes(), []byte("://")) {
		return buf, err
	}
	line := redact.Text(buf.String())
	buf.Reset()
	buf.AppendString(line)
	return buf, nil
}

// Check reports whether a component is ready.
type Check func() bool
