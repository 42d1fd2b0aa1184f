package pipeline

import (
	"context"
	"strconv"

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
	HeaderTruncated         = "stancemon-truncated"
)

// deadLetter builds the dead-letter record of m: the original key and
// value (cut to limit bytes so the record fits the topic), with headers
// naming the error and the original position.
func deadLetter(m kafka.Message, err error, limit int) kafka.Message {
	if limit <= 0 {
		limit = article.DefaultMaxBytes
	}
	headers := []kafka.Header{
		{Key: HeaderError, Value: []byte(err.Error())},
		{Key: HeaderErrorKind, Value: []byte(article.Kind(err))},
		{Key: HeaderOriginalTopic, Value: []byte(m.Topic)},
		{Key: HeaderOriginalPartition, Value: []byte(strconv.Itoa(m.Partition))},
		{Key: HeaderOriginalOffset, Value: []byte(strconv.FormatInt(m.Offset, 10))},
	}
	value := m.Value
	if len(value) > limit {
		value = value[:limit]
		headers = append(headers, kafka.Header{Key: HeaderTruncated, Value: []byte("true")})
	}
	return kafka.Message{Key: m.Key, Value: value, Headers: headers}
}

func headerValue(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}
