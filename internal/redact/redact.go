// Package redact hides secrets in text meant for logs and error messages:
// the password of URLs and DSNs (user:password@host) and the values of
// query parameters whose name looks like a credential (token, key, secret,
// password, signature, ...). It is the one redaction helper of stancemon:
// the logger (internal/obs) passes every message and field through Text,
// and the code that builds an error around a URL uses URL or Error.
package redact

import (
	"errors"
	"net/url"
	"regexp"
	"strings"
)

// Mask replaces a secret.
const Mask = "xxxxx"

// secretParamParts are substrings of query parameter names (lower case)
// whose values are hidden.
var secretParamParts = []string{
	"token", "secret", "pass", "pwd", "key", "sig", "auth", "credential", "session", "code",
}

// URL returns s, a URL or DSN, with its password and the values of its
// credential-like query parameters replaced by Mask. A string that does
// not parse as a URL is reduced to its scheme (or to "(unparsable URL)")
// since its secrets cannot be told apart.
func URL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		if scheme, _, ok := strings.Cut(s, "://"); ok && isScheme(scheme) {
			return scheme + "://(unparsable URL)"
		}
		return "(unparsable URL)"
	}
	return redactURL(u)
}

func redactURL(u *url.URL) string {
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), Mask)
		}
	}
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			u.RawQuery = Mask
		} else {
			changed := false
			for k, vs := range q {
				if secretParam(k) {
					for i := range vs {
						vs[i] = Mask
					}
					changed = true
				}
			}
			if changed {
				u.RawQuery = q.Encode()
			}
		}
	}
	return u.String()
}

func secretParam(name string) bool {
	name = strings.ToLower(name)
	for _, p := range secretParamParts {
		if strings.Contains(name, p) {
			return true
		}
	}
	return false
}

func isScheme(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// urlInText matches a URL with a scheme inside free text, up to a space,
// a quote or an angle bracket.
var urlInText = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.\-]*://[^\s"'<>]+`)

// Text returns s with every URL in it passed through URL. Text without
// "://" is returned as it is, without allocating.
func Text(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return urlInText.ReplaceAllStringFunc(s, func(m string) string {
		// A URL quoted by %q ends before a backslash-escaped quote; keep
		// trailing punctuation of the sentence out of the URL.
		trail := ""
		for len(m) > 0 && strings.ContainsRune(`.,;:)]}\`, rune(m[len(m)-1])) {
			trail = m[len(m)-1:] + trail
			m = m[:len(m)-1]
		}
		return URL(m) + trail
	})
}

// Error returns err with the URL of every *url.Error in its chain
// redacted in place, and, when the message still holds a secret (a URL
// formatted into it with %s), an error whose message is Text(err.Error())
// and that unwraps to err. nil stays nil.
func Error(err error) error {
	if err == nil {
		return nil
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		ue.URL = URL(ue.URL)
	}
	msg := err.Error()
	if red := Text(msg); red != msg {
		return &redacted{msg: red, err: err}
	}
	return err
}

// redacted is an error with a redacted message.
type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }
