// Command stancemon watches news as a stream and tells how each country
// stands toward every other. `stancemon --help` lists the subcommands.
//
// main.go builds the command tree, one file per command (run, demo,
// migrate, broker, produce, dyads, score, eval, alerts, simulate); they
// parse flags, call the packages that do the work and print the results.
// The composition root that assembles the running service from the
// configuration is internal/app.
package main
