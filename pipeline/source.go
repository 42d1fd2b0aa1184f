package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unicode/utf8"

	"github.com/stancemon/stancemon/article"
	"github.com/stancemon/stancemon/kafka"
)

// Source yields messages in partition order and commits them once they
// are stored. The consumer-group reader of kafka.NewReader is the
// implementation; tests wrap it to inject faults or replace it by a fake.
type Source interface {
	// FetchMessage blocks until a message is available or ctx is done.
	FetchMessage(ctx context.Context) (kafka.Message, error)
	// CommitMessages commits, per partition, the highest offset given.
	CommitMessages(ctx context.Context, msgs ...kafka.Message) error
	// Close leaves the group.
	Close() error
}

// Dead-letter headers.
const (
	HeaderError             = "stancemon-error"
	HeaderErrorKind         = "stancemon-error-kind"
	HeaderOriginalTopic     = "stancemon-original-topic"
	HeaderOriginalPartition = "stancemon-original-partition"
	HeaderOriginalOffset    = "stancemon-original-offset"
	// HeaderOriginalSize and HeaderOriginalSHA256 are the length and the
	// hex SHA-256 of the original value, so a cut record can be matched
	// with its original (read again at its original offset).
	HeaderOriginalSize   = "stancemon-original-size"
	HeaderOriginalSHA256 = "stancemon-original-sha256"
	// HeaderTruncated is "true" when the value or the key was cut.
	HeaderTruncated = "stancemon-truncated"
)

// Bounds of a dead-letter record, so that it always fits what the broker
// accepts (kafka.MaxRecordBytes) whatever the original.
const (
	// MaxErrorBytes bounds the error text in HeaderError and in log lines.
	MaxErrorBytes = 1024
	// maxKeyBytes bounds the original key kept.
	maxKeyBytes = 1024
	// headerRoom is what the headers of a dead letter take at most.
	headerRoom = 4096
)

// deadLetter builds the dead-letter record of m: the original key and
// value, cut so that the record fits both limit and what the broker
// accepts, with headers naming the error (bounded), the original position,
// size and hash.
func deadLetter(m kafka.Message, err error, limit int) kafka.Message {
	if limit <= 0 {
		limit = article.DefaultMaxBytes
	}
	limit = min(limit, kafka.MaxRecordBytes-headerRoom-maxKeyBytes)
	sum := sha256.Sum256(m.Value)
	headers := []kafka.Header{
		{Key: HeaderError, Value: []byte(Cut(err.Error(), MaxErrorBytes))},
		{Key: HeaderErrorKind, Value: []byte(article.Kind(err))},
		{Key: HeaderOriginalTopic, Value: []byte(Cut(m.Topic, 256))},
		{Key: HeaderOriginalPartition, Value: []byte(strconv.Itoa(m.Partition))},
		{Key: HeaderOriginalOffset, Value: []byte(strconv.FormatInt(m.Offset, 10))},
		{Key: HeaderOriginalSize, Value: []byte(strconv.Itoa(len(m.Value)))},
		{Key: HeaderOriginalSHA256, Value: []byte(hex.EncodeToString(sum[:]))},
	}
	key, value := m.Key, m.Value
	if len(value) > limit || len(key) > maxKeyBytes {
		value, key = value[:min(len(value), limit)], key[:min(len(key), maxKeyBytes)]
		headers = append(headers, kafka.Header{Key: HeaderTruncated, Value: []byte("true")})
	}
	return kafka.Message{Key: key, Value: value, Headers: headers}
}

// Cut returns s cut to at most n bytes on a UTF-8 boundary, with "..."
// appended when it was cut: for error texts in headers and log lines.
func Cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	n = max(n-3, 0)
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

func headerValue(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}
