package obs

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"go.uber.org/zap"
)

func TestNewLogger(t *testing.T) {
	for _, tt := range []struct {
		format, level string
		ok            bool
	}{
		{"json", "info", true}, {"console", "debug", true}, {"auto", "warn", true},
		{"xml", "info", false}, {"json", "loud", false},
	} {
		_, err := NewLogger(tt.format, tt.level)
		if (err == nil) != tt.ok {
			t.Errorf("NewLogger(%q, %q) error = %v", tt.format, tt.level, err)
		}
	}
}

// TestLoggerRedacts: whatever carries a secret URL (message, string
// field, error, a field added by With, an array), the line written does
// not show the secret.
func TestLoggerRedacts(t *testing.T) {
	for _, format := range []string{"json", "console"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			log, err := NewLoggerTo(&buf, format, "debug")
			if err != nil {
				t.Fatal(err)
			}
			dsn := "clickhouse://stancemon:dsnpass123@ch:9000/stancemon"
			hook := "https://ops:hookpass456@hooks.example.com/alerts?token=tok789&team=ops"
			log.With(zap.String("dsn", dsn)).Info("using " + dsn)
			log.Error("notifying", zap.Error(fmt.Errorf("posting alerts to %s: %w", hook, errors.New("refused"))))
			log.Warn("brokers", zap.Strings("urls", []string{hook}), zap.Stringer("s", stringer(hook)))
			out := buf.String()
			for _, secret := range []string{"dsnpass123", "hookpass456", "tok789"} {
				if strings.Contains(out, secret) {
					t.Errorf("log shows %q:\n%s", secret, out)
				}
			}
			if strings.Count(out, "xxxxx") < 6 || !strings.Contains(out, "team=ops") {
				t.Errorf("log lost more than the secrets:\n%s", out)
			}
		})
	}
}

type stringer string

func (s stringer) String() string { return string(s) }
