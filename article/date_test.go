package article

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"1987-03-02", time.Date(1987, 3, 2, 0, 0, 0, 0, time.UTC), false},
		{"2023-02-22T10:00:00+01:00", time.Date(2023, 2, 22, 9, 0, 0, 0, time.UTC), false},
		{"02/03/1987", time.Time{}, true},
		{"", time.Time{}, true},
	} {
		got, err := ParseDate(tc.in)
		if (err != nil) != tc.wantErr || !got.Equal(tc.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}
