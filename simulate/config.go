package simulate

import (
	"bytes"
	"fmt"
	"time"

	"github.com/stancemon/stancemon/internal/strictyaml"
)

// MaxConfigBytes is the size limit of a configuration file.
const MaxConfigBytes = 1 << 20

// ParseConfig decodes a YAML configuration strictly (unknown keys are
// errors, reported with line and column) over DefaultConfig and validates
// it.
func ParseConfig(b []byte) (Config, error) {
	if len(b) > MaxConfigBytes {
		return Config{}, fmt.Errorf("simulation config is %d bytes, limit %d", len(b), MaxConfigBytes)
	}
	cfg := DefaultConfig()
	if len(bytes.TrimSpace(b)) > 0 {
		if err := strictyaml.Unmarshal(b, &cfg); err != nil {
			return Config{}, fmt.Errorf("decoding simulation config: %w", err)
		}
	}
	cfg.Start = cfg.Start.UTC()
	if err := cfg.Validate(); err != nil {
		return Config{}, fmt.Errorf("validating simulation config: %w", err)
	}
	return cfg, nil
}

// DemoConfig is the built-in sample stream of `stancemon demo`: about
// 2,000 articles over three simulated days from 2025-03-03 on, six dyads,
// and one sharp turn: China's stance toward the Philippines drops from
// mildly tense to hostile 48 hours in (2025-03-05T00:00:00Z), and the
// Philippines answers in kind two hours later; the default alert rules
// catch both. The other dyads are stationary: Russia and China
// cooperative both ways, the United States mildly hostile toward China,
// and Japan friendly toward South Korea.
func DemoConfig() Config {
	cfg := DefaultConfig()
	cfg.Seed = 2025
	cfg.Duration = 72 * time.Hour
	cfg.Rate = 28
	cfg.Dyads = []Dyad{
		{Source: "CHN", Target: "PHL", Base: -0.2, Weight: 5, Shifts: []Shift{{At: 48 * time.Hour, To: -0.75}}},
		{Source: "PHL", Target: "CHN", Base: -0.2, Weight: 2, Shifts: []Shift{{At: 50 * time.Hour, To: -0.75}}},
		{Source: "RUS", Target: "CHN", Base: 0.6, Weight: 2},
		{Source: "CHN", Target: "RUS", Base: 0.6, Weight: 2},
		{Source: "USA", Target: "CHN", Base: -0.35, Weight: 3},
		{Source: "JPN", Target: "KOR", Base: 0.3, Weight: 2},
	}
	return cfg
}
