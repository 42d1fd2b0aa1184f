package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/spf13/cobra"
)

// defaultHealthURL is the endpoint `stancemon healthcheck` asks by default.
const defaultHealthURL = "http://127.0.0.1:8080/readyz"

func newHealthcheckCmd() *cobra.Command {
	var (
		target  string
		timeout time.Duration
	)
	cmd := &cobra.Command{
		Use:   "healthcheck",
		Short: "Exit 0 when an HTTP health endpoint answers 2xx (for container health checks)",
		Long: `healthcheck sends GET to --url and exits 0 when the answer is 2xx within
--timeout, 1 otherwise. It is the health check of the container image, which
has no shell and no curl: for example
  HEALTHCHECK CMD ["stancemon", "healthcheck", "--url", "http://127.0.0.1:8080/readyz"]`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return probe(cmd.Context(), target, timeout)
		},
	}
	cmd.Flags().StringVar(&target, "url", defaultHealthURL, "http:// or https:// URL to GET (e.g. .../healthz or .../readyz)")
	cmd.Flags().DurationVar(&timeout, "timeout", 3*time.Second, "time limit of the request")
	return cmd
}

// probe GETs target and returns nil when the status is 2xx. Errors name the
// URL without its user information or query, which may hold credentials.
func probe(ctx context.Context, target string, timeout time.Duration) error {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("checking health: --url must be an http:// or https:// URL with a host")
	}
	shown := (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
	if timeout <= 0 {
		return fmt.Errorf("checking health: --timeout must be positive, got %s", timeout)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fmt.Errorf("checking health of %s: building request: %w", shown, err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		// The *url.Error would repeat the URL with its query: keep its cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("checking health of %s: request failed: %w", shown, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("checking health of %s: status %d", shown, resp.StatusCode)
	}
	return nil
}
