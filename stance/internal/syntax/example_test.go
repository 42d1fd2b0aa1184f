package syntax_test

import (
	"fmt"
	"strings"

	"github.com/stancemon/stancemon/stance/internal/syntax"
)

func Example() {
	p, err := syntax.NewParser()
	if err != nil {
		panic(err)
	}
	tokens := strings.Fields("The US , which has long backed Israel , condemned Iran after Tehran attacked Kuwait .")
	s := p.Parse(tokens)
	fmt.Println(s)
	for i := range tokens {
		v, ok := s.VerbGroup(i)
		if !ok || v.Head != i {
			continue
		}
		subj, _ := s.Subject(v)
		fmt.Printf("%s: subject %q, clause %s", s.Text(v.Span), s.Text(subj.Span), s.Clause(i).Kind)
		for _, o := range s.Objects(v) {
			fmt.Printf(", %s %q", o.Kind, s.Text(o.Span))
		}
		fmt.Println()
	}
	// Output:
	// {main [NP The US] {relative , which [VG has long backed] [NP Israel] ,} [VG condemned] [NP Iran] {subordinate after [NP Tehran] [VG attacked] [NP Kuwait] .}}
	// has long backed: subject "The US", clause relative, NP "Israel"
	// condemned: subject "The US", clause main, NP "Iran"
	// attacked: subject "Tehran", clause subordinate, NP "Kuwait"
}

func ExampleSentence_Agent() {
	p, err := syntax.NewParser()
	if err != nil {
		panic(err)
	}
	s := p.Parse(strings.Fields("Japan was criticised by the United States on Monday ."))
	v, _ := s.VerbGroup(2)
	agent, _ := s.Agent(v)
	subj, _ := s.Subject(v)
	fmt.Println(s.Text(subj.Span), "|", s.Text(v.Span), "| passive:", v.IsPassive(), "| agent:", s.Text(agent.Span))
	// Output: Japan | was criticised | passive: true | agent: the United States
}
