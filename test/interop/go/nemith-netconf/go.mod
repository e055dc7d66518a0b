module junos-emulator/test/interop/nemith-netconf

go 1.19

require (
	github.com/nemith/netconf v0.0.1
	golang.org/x/crypto v0.12.0
)

// Offline builds: the client from the unchanged copy beside the checkout,
// golang.org/x/* from Debian's golang-golang-x-*-dev packages. The test
// rewrites the first path when JUNOS_EMULATOR_SHARED_CLIENTS points elsewhere.
replace github.com/nemith/netconf => ../../../../../shared/clients/go/nemith-netconf

replace golang.org/x/crypto => /usr/share/gocode/src/golang.org/x/crypto

replace golang.org/x/net => /usr/share/gocode/src/golang.org/x/net

replace golang.org/x/sys => /usr/share/gocode/src/golang.org/x/sys

replace golang.org/x/term => /usr/share/gocode/src/golang.org/x/term

replace golang.org/x/text => /usr/share/gocode/src/golang.org/x/text
