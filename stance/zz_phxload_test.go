//go:build phxprobe

package stance

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

func TestPhoenixColdLoad(t *testing.T) {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	d := time.Since(t0)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t1 := time.Now()
	LoadGazetteer()
	fmt.Printf("cold load %v, warm load %v, heap after %d MB, officials %d, nodes %d\n", d, time.Since(t1), (m1.HeapAlloc-m0.HeapAlloc)>>20, len(g.offs), len(g.m.nodes))
}
