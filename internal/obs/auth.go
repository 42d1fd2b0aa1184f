package obs

import (
	"bufio"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

// Limits of the credentials.
const (
	// MinTokenBytes is the shortest bearer token accepted.
	MinTokenBytes = 16
	// MinPasswordBytes is the shortest basic-auth password accepted.
	MinPasswordBytes = 8
	// maxSecretFileBytes is the size limit of a token or users file.
	maxSecretFileBytes = 64 << 10
)

// AuthConfig says where the credentials of the HTTP server come from. A
// value set directly (from the environment) wins over its file. With
// neither a token nor a user, the server is open.
type AuthConfig struct {
	// BearerToken is the token clients send as "Authorization: Bearer TOKEN".
	BearerToken string
	// BearerTokenFile holds the token (surrounding white space is ignored).
	BearerTokenFile string
	// BasicUsers are "user:password" lines (see ParseBasicUsers).
	BasicUsers string
	// BasicUsersFile holds BasicUsers.
	BasicUsersFile string
}

// Auth checks the credentials of requests: a bearer token, basic-auth
// users, or either of both. Secrets are kept as SHA-256 digests and
// compared in constant time.
type Auth struct {
	token []byte // digest of the bearer token; nil: no bearer auth
	users map[string][]byte
	// challenge is the WWW-Authenticate values of a 401.
	challenge []string
}

// dummy is compared against when the user is unknown, so that the time of
// a check does not tell whether a user exists.
var dummy = digest("")

func digest(s string) []byte {
	d := sha256.Sum256([]byte(s))
	return d[:]
}

// NewAuth reads the credentials of c. It returns nil (no authentication)
// when c names none, and an error naming the file or the variable when
// one is unreadable or malformed.
func NewAuth(c AuthConfig) (*Auth, error) {
	token, users := c.BearerToken, c.BasicUsers
	if token == "" && c.BearerTokenFile != "" {
		b, err := readSecretFile(c.BearerTokenFile)
		if err != nil {
			return nil, fmt.Errorf("reading the bearer token: %w", err)
		}
		if token = strings.TrimSpace(string(b)); token == "" {
			return nil, fmt.Errorf("reading the bearer token: %s is empty", c.BearerTokenFile)
		}
	}
	if users == "" && c.BasicUsersFile != "" {
		b, err := readSecretFile(c.BasicUsersFile)
		if err != nil {
			return nil, fmt.Errorf("reading the basic-auth users: %w", err)
		}
		users = string(b)
	}
	if token == "" && users == "" {
		return nil, nil
	}
	a := &Auth{}
	if token != "" {
		token = strings.TrimSpace(token)
		if len(token) < MinTokenBytes || strings.ContainsAny(token, " \t\r\n") {
			return nil, fmt.Errorf("the bearer token must be at least %d bytes without white space", MinTokenBytes)
		}
		a.token = digest(token)
		a.challenge = append(a.challenge, `Bearer realm="stancemon"`)
	}
	if users != "" {
		m, err := ParseBasicUsers(strings.NewReader(users))
		if err != nil {
			name := c.BasicUsersFile
			if c.BasicUsers != "" {
				name = "STANCEMON_HTTP_BASIC_USERS"
			}
			return nil, fmt.Errorf("reading the basic-auth users of %s: %w", name, err)
		}
		a.users = make(map[string][]byte, len(m))
		for u, p := range m {
			a.users[u] = digest(p)
		}
		a.challenge = append(a.challenge, `Basic realm="stancemon", charset="UTF-8"`)
	}
	return a, nil
}

func readSecretFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSecretFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(b) > maxSecretFileBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxSecretFileBytes)
	}
	return b, nil
}

// ParseBasicUsers reads "user:password" lines; blank lines and lines
// starting with # are skipped. The password is everything after the first
// colon, at least MinPasswordBytes long; a user appears once. Errors name
// the line but never show a password.
func ParseBasicUsers(r io.Reader) (map[string]string, error) {
	users := map[string]string{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		user, pass, ok := strings.Cut(line, ":")
		switch {
		case !ok:
			return nil, fmt.Errorf("line %d: want user:password", n)
		case user == "" || strings.TrimSpace(user) != user:
			return nil, fmt.Errorf("line %d: the user name is empty or has surrounding spaces", n)
		case len(pass) < MinPasswordBytes:
			return nil, fmt.Errorf("line %d: the password of %q is shorter than %d bytes", n, user, MinPasswordBytes)
		}
		if _, dup := users[user]; dup {
			return nil, fmt.Errorf("line %d: user %q appears twice", n, user)
		}
		users[user] = pass
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(users) == 0 {
		return nil, errors.New("no user:password line")
	}
	return users, nil
}

// Check reports whether r carries valid credentials.
func (a *Auth) Check(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, cred, _ := strings.Cut(h, " ")
	switch {
	case a.token != nil && strings.EqualFold(scheme, "Bearer"):
		return subtle.ConstantTimeCompare(digest(strings.TrimSpace(cred)), a.token) == 1
	case a.users != nil && strings.EqualFold(scheme, "Basic"):
		user, pass, ok := r.BasicAuth()
		if !ok {
			return false
		}
		want, known := a.users[user]
		if !known {
			want = dummy
		}
		return subtle.ConstantTimeCompare(digest(pass), want) == 1 && known
	}
	return false
}

// Wrap returns a handler that serves next to requests with valid
// credentials and answers the others 401 with a WWW-Authenticate
// challenge for each configured scheme. onReject, if not nil, is called
// for each refused request. A nil Auth returns next.
func (a *Auth) Wrap(next http.Handler, onReject func()) http.Handler {
	if a == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.Check(r) {
			next.ServeHTTP(w, r)
			return
		}
		if onReject != nil {
			onReject()
		}
		for _, c := range a.challenge {
			w.Header().Add("WWW-Authenticate", c)
		}
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	})
}
