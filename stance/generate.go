package stance

// The generated cue lexicon data/cues_cameo.yaml and its licence notices
// data/LICENSES.md are built by internal/lexgen from the CAMEO verb
// dictionary and the CAMEO to PLOVER crosswalk in ../shared/data/lexicons,
// given the hand lexicon data/cues.yaml. The outputs are committed: building
// and testing need no ../shared. Regenerate after changing cues.yaml or the
// generator: go generate ./stance/

//go:generate go run ./internal/lexgen -lexicons ../../shared/data/lexicons -hand data/cues.yaml -out data/cues_cameo.yaml
