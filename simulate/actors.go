package simulate

import (
	"slices"
	"strings"
)

// actor is how the generator names one state in English text.
type actor struct {
	// name is the short name as used in running text ("China", "the
	// Philippines").
	name string
	// capital stands for the government ("Beijing").
	capital string
	// adj is the demonym adjective ("Chinese").
	adj string
}

// actors are the states the generator can write about, by ISO 3166-1
// alpha-3 code.
var actors = map[string]actor{
	"AUS": {"Australia", "Canberra", "Australian"},
	"BRA": {"Brazil", "Brasilia", "Brazilian"},
	"CAN": {"Canada", "Ottawa", "Canadian"},
	"CHN": {"China", "Beijing", "Chinese"},
	"DEU": {"Germany", "Berlin", "German"},
	"FRA": {"France", "Paris", "French"},
	"GBR": {"Britain", "London", "British"},
	"IND": {"India", "New Delhi", "Indian"},
	"IRN": {"Iran", "Tehran", "Iranian"},
	"ISR": {"Israel", "Jerusalem", "Israeli"},
	"JPN": {"Japan", "Tokyo", "Japanese"},
	"KOR": {"South Korea", "Seoul", "South Korean"},
	"PAK": {"Pakistan", "Islamabad", "Pakistani"},
	"PHL": {"the Philippines", "Manila", "Philippine"},
	"PRK": {"North Korea", "Pyongyang", "North Korean"},
	"RUS": {"Russia", "Moscow", "Russian"},
	"TUR": {"Turkey", "Ankara", "Turkish"},
	"UKR": {"Ukraine", "Kyiv", "Ukrainian"},
	"USA": {"the United States", "Washington", "American"},
	"VNM": {"Vietnam", "Hanoi", "Vietnamese"},
}

// Actors returns the codes of the states the generator can write about,
// sorted.
func Actors() []string {
	codes := make([]string, 0, len(actors))
	for c := range actors {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}

// possessive returns the English possessive of a noun phrase.
func possessive(s string) string {
	if strings.HasSuffix(s, "s") {
		return s + "'"
	}
	return s + "'s"
}

// subjects are the ways an actor is named as the one who acts.
func (a actor) subjects() []string {
	return []string{
		a.name,
		a.name,
		a.capital,
		"the " + a.adj + " government",
		possessive(a.name) + " foreign ministry",
		a.adj + " officials",
		possessive(a.name) + " foreign minister",
	}
}

// objects are the ways an actor is named as the one acted upon.
func (a actor) objects() []string {
	return []string{a.name, a.name, a.capital, "the " + a.adj + " government"}
}

// owners are the possessive forms of an actor ("China's", "Beijing's").
func (a actor) owners() []string {
	return []string{possessive(a.name), possessive(a.name), possessive(a.capital)}
}
