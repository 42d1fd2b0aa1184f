package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// asset is an embedded file ready to serve.
type asset struct {
	contentType string
	body        []byte
	// gz is body gzipped, nil when that does not save a tenth.
	gz []byte
	// etag is a hash of body.
	etag string
}

// assetSet serves the embedded files by URL path.
type assetSet map[string]*asset

// ServeHTTP serves the asset of the request's path to GET and HEAD.
func (s assetSet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a, ok := s[r.URL.Path]
	switch {
	case !ok:
		http.NotFound(w, r)
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	default:
		a.ServeHTTP(w, r)
	}
}

// staticAssets returns the embedded files, loaded (and compressed) once.
var staticAssets = sync.OnceValue(loadAssets)

// loadAssets returns the embedded files by URL path: /assets/... as they
// are embedded, and / for assets/index.html.
func loadAssets() assetSet {
	out := assetSet{}
	// Walking and reading an embedded tree cannot fail: errors are skipped.
	_ = fs.WalkDir(assets, "assets", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		body, err := assets.ReadFile(name)
		if err != nil {
			return nil
		}
		a := &asset{contentType: mime.TypeByExtension(path.Ext(name)), body: body}
		if a.contentType == "" {
			a.contentType = "text/plain; charset=utf-8"
		}
		sum := sha256.Sum256(body)
		a.etag = `"` + hex.EncodeToString(sum[:8]) + `"`
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(body)
		_ = zw.Close()
		if buf.Len() < len(body)*9/10 {
			a.gz = buf.Bytes()
		}
		out["/"+name] = a
		if name == "assets/index.html" {
			out["/"] = a
		}
		return nil
	})
	return out
}

// ServeHTTP serves the asset, gzipped when the client accepts it;
// browsers revalidate it with its ETag (http.ServeContent answers 304).
func (a *asset) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Accept-Encoding")
	body, etag := a.body, a.etag
	if a.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body, etag = a.gz, strings.TrimSuffix(a.etag, `"`)+`-gz"`
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		if c := strings.TrimSpace(coding); c != "gzip" && c != "*" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		return q > 0
	}
	return false
}
