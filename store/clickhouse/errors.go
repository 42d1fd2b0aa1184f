package clickhouse

import (
	"errors"

	ch "github.com/ClickHouse/clickhouse-go/v2"

	"github.com/stancemon/stancemon/store"
)

// permanentCodes are the ClickHouse exception codes that no retry fixes:
// the schema or the rows are wrong, or the credentials or rights are.
// (src/Common/ErrorCodes.cpp.) Every other error (network, timeouts,
// too many parts, memory, ZooKeeper, quorum) is retried.
var permanentCodes = map[int32]string{
	8:   "THERE_IS_NO_COLUMN",
	10:  "NOT_FOUND_COLUMN_IN_BLOCK",
	16:  "NO_SUCH_COLUMN_IN_TABLE",
	26:  "CANNOT_PARSE_QUOTED_STRING",
	27:  "CANNOT_PARSE_INPUT_ASSERTION_FAILED",
	32:  "ATTEMPT_TO_READ_AFTER_EOF",
	33:  "CANNOT_READ_ALL_DATA",
	41:  "CANNOT_PARSE_DATETIME",
	43:  "ILLEGAL_TYPE_OF_ARGUMENT",
	44:  "ILLEGAL_COLUMN",
	47:  "UNKNOWN_IDENTIFIER",
	48:  "NOT_IMPLEMENTED",
	50:  "UNKNOWN_TYPE",
	53:  "TYPE_MISMATCH",
	60:  "UNKNOWN_TABLE",
	62:  "SYNTAX_ERROR",
	69:  "ARGUMENT_OUT_OF_BOUND",
	70:  "CANNOT_CONVERT_TYPE",
	81:  "UNKNOWN_DATABASE",
	115: "UNKNOWN_SETTING",
	117: "INCORRECT_DATA",
	164: "READONLY",
	192: "UNKNOWN_USER",
	193: "WRONG_PASSWORD",
	194: "REQUIRED_PASSWORD",
	195: "IP_ADDRESS_NOT_ALLOWED",
	291: "DATABASE_ACCESS_DENIED",
	497: "ACCESS_DENIED",
	516: "AUTHENTICATION_FAILED",
}

// classify wraps err in a *store.PermanentError when it is a ClickHouse
// exception that no retry fixes.
func classify(err error) error {
	var ex *ch.Exception
	if errors.As(err, &ex) {
		if _, ok := permanentCodes[ex.Code]; ok {
			return &store.PermanentError{Err: err}
		}
	}
	return err
}
