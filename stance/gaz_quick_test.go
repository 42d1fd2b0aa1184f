package stance
import ("testing";"time";"fmt")
func TestQuickGaz(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil { t.Fatal(err) }
	fmt.Printf("%+v\n", g.stats)
	for _, s := range []string{"China's foreign ministry warned the U.S. and Moscow's allies", "U.S. WARNS JAPAN ON CHIP PACT", "Atlanta, Georgia and Tbilisi", "Putin met Xi in Beijing", "Jordan Peterson said", "Jordan said", "Bush and Clinton", "People's Republic of China and Republic of China"} {
		ms := g.Find(s, time.Date(2010,1,1,0,0,0,0,time.UTC), nil)
		for _, m := range ms { fmt.Printf("%q %s %v %s\n", s[m.Start:m.End], m.Code, m.Form, m.Role) }
		fmt.Println("--")
	}
}
