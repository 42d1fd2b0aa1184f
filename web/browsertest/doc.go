// Package browsertest holds the browser test of the dashboard (package
// web). It drives the dashboard in headless Chromium (Debian's chromium
// package) over the embedded store filled with storetest.Fixture:
//
//	make test-browser
//	cd web/browsertest && go test -tags browser -run Browser -v .
//
// It reads the charts' options through the ECharts API, clicks a matrix
// cell and a series point, checks that the evidence follows, fails on any
// script error of the page and saves screenshots, whose paths it prints.
// -dashboard-png PATH also saves the page as PATH (docs/dashboard.png).
//
// It is a module of its own so that its browser driver (chromedp) stays
// out of the dependencies of github.com/stancemon/stancemon: the replace
// directive in its go.mod builds it against this checkout.
package browsertest
