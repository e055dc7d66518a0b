// Drives Juniper/go-netconf against the emulator the way its README does:
// netconf.DialSSH with netconf.SSHConfigPassword, Session.Exec with the
// Method helpers and RawMethod, then close-session and Close. Parameters
// come as one JSON object in argv[1]; the outcome of every step is printed
// as one JSON object on stdout.
package main

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/Juniper/go-netconf/netconf"
	"golang.org/x/crypto/ssh"
)

type params struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	User     string `json:"user"`
	Password string `json:"password"`
	// "dial": netconf.DialSSH (the README way); "timeout": DialSSHTimeout;
	// "client": ssh.Dial then netconf.NewSSHClientSession on the caller's client.
	Dial       string `json:"dial"`
	UnknownRPC string `json:"unknown_rpc"`
	TimeoutSec int    `json:"timeout_sec"`
}

type rpcErr struct {
	Type       string `json:"type"`
	Tag        string `json:"tag"`
	Severity   string `json:"severity"`
	Message    string `json:"message"`
	BadElement string `json:"bad_element"`
}

type step struct {
	OK    bool    `json:"ok"`
	Tag   string  `json:"tag,omitempty"`
	Body  string  `json:"body,omitempty"`
	Raw   string  `json:"raw,omitempty"`
	Error string  `json:"error,omitempty"`
	RPC   *rpcErr `json:"rpc_error,omitempty"`
}

type result struct {
	Client       string          `json:"client"`
	Open         step            `json:"open"`
	SessionID    int             `json:"session_id"`
	ServerBase11 bool            `json:"server_base11"`
	Steps        map[string]step `json:"steps"`
}

// body is the first element under <rpc-reply>.
type body struct {
	First struct {
		XMLName xml.Name
		Inner   string `xml:",innerxml"`
	} `xml:",any"`
}

func exec(s *netconf.Session, m netconf.RPCMethod) step {
	reply, err := s.Exec(m)
	var st step
	if reply != nil {
		st.Raw = reply.RawReply
	}
	if err != nil {
		st.Error = err.Error()
		var re *netconf.RPCError
		if errors.As(err, &re) {
			var info struct {
				BadElement string `xml:"error-info>bad-element"`
			}
			_ = xml.Unmarshal([]byte("<e>"+re.Info+"</e>"), &info)
			st.RPC = &rpcErr{Type: re.Type, Tag: re.Tag, Severity: re.Severity, Message: strings.TrimSpace(re.Message), BadElement: strings.TrimSpace(info.BadElement)}
		}
		return st
	}
	st.OK = true
	var b body
	if err := xml.Unmarshal([]byte("<r>"+reply.Data+"</r>"), &b); err == nil {
		st.Tag = b.First.XMLName.Local
		st.Body = b.First.Inner
	}
	return st
}

func main() {
	var p params
	if err := json.Unmarshal([]byte(os.Args[1]), &p); err != nil {
		fmt.Fprintln(os.Stderr, "bad parameters:", err)
		os.Exit(2)
	}
	if p.TimeoutSec == 0 {
		p.TimeoutSec = 30
	}
	out := result{Client: "Juniper/go-netconf", Steps: map[string]step{}}
	defer func() {
		enc, _ := json.Marshal(out)
		fmt.Println(string(enc))
	}()

	addr := net.JoinHostPort(p.Host, strconv.Itoa(p.Port))
	config := netconf.SSHConfigPassword(p.User, p.Password)
	var s *netconf.Session
	var err error
	switch p.Dial {
	case "timeout":
		s, err = netconf.DialSSHTimeout(addr, config, time.Duration(p.TimeoutSec)*time.Second)
	case "client":
		var client *ssh.Client
		client, err = ssh.Dial("tcp", addr, config)
		if err == nil {
			defer client.Close()
			s, err = netconf.NewSSHClientSession(client)
		}
	default:
		s, err = netconf.DialSSH(addr, config)
	}
	if err != nil {
		out.Open = step{Error: err.Error()}
		return
	}
	// go-netconf ignores a hello it cannot read; no session id means it saw none.
	out.Open = step{OK: s.SessionID != 0}
	out.SessionID = s.SessionID
	for _, c := range s.ServerCapabilities {
		if c == "urn:ietf:params:netconf:base:1.1" {
			out.ServerBase11 = true
		}
	}

	out.Steps["request_snapshot"] = exec(s, netconf.RawMethod("<request-snapshot/>"))
	out.Steps["get_snapshot_information"] = exec(s, netconf.RawMethod("<get-snapshot-information/>"))
	out.Steps["unknown_rpc"] = exec(s, netconf.RawMethod("<"+p.UnknownRPC+"/>"))
	out.Steps["lock"] = exec(s, netconf.MethodLock("candidate"))
	out.Steps["unlock"] = exec(s, netconf.MethodUnlock("candidate"))
	out.Steps["close"] = exec(s, netconf.RawMethod("<close-session/>"))
	_ = s.Close()
}
