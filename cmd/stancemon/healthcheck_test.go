package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestHealthcheckCommand runs `stancemon healthcheck` against a real HTTP
// server answering each status, and checks the exit (error or not) and that
// no credential of the URL reaches the error text.
func TestHealthcheckCommand(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("/unready", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusTemporaryRedirect) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	withCreds := strings.Replace(srv.URL, "http://", "http://user:s3cret@", 1)

	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"ok", []string{"--url", srv.URL + "/ok"}, ""},
		{"503", []string{"--url", srv.URL + "/unready"}, "status 503"},
		{"redirect not followed", []string{"--url", srv.URL + "/moved"}, "status 307"},
		{"timeout", []string{"--url", srv.URL + "/slow", "--timeout", "200ms"}, "request failed"},
		{"credentials hidden", []string{"--url", withCreds + "/unready?token=t0ken"}, "status 503"},
		{"not http", []string{"--url", "ftp://127.0.0.1/x"}, "must be an http:// or https:// URL"},
		{"no host", []string{"--url", "http:///readyz"}, "must be an http:// or https:// URL"},
		{"bad timeout", []string{"--url", srv.URL + "/ok", "--timeout", "0s"}, "--timeout must be positive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runCmd(t.Context(), append([]string{"healthcheck"}, tc.args...)...)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("healthcheck: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("healthcheck error = %v, want it to contain %q", err, tc.wantErr)
			}
			for _, secret := range []string{"s3cret", "t0ken"} {
				if strings.Contains(err.Error(), secret) {
					t.Fatalf("error %q shows %q", err, secret)
				}
			}
		})
	}
}
