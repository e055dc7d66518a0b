// Drives nemith/netconf against the emulator the way its README does:
// transport/ssh.Dial with an ssh.ClientConfig, netconf.Open, Session.Call,
// Lock/Unlock, Close. Parameters come as one JSON object in argv[1]; the
// outcome of every step is printed as one JSON object on stdout, so the
// test asserts on what the client saw rather than on exit codes.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/nemith/netconf"
	ncssh "github.com/nemith/netconf/transport/ssh"
	"golang.org/x/crypto/ssh"
)

type params struct {
	Host     string `json:"host"`
	Port     int    `json:"port"`
	User     string `json:"user"`
	Password string `json:"password"`
	// "dial": transport/ssh.Dial (the README way); "client": ssh.Dial then
	// transport/ssh.NewTransport on the caller's own ssh.Client.
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
	Error string  `json:"error,omitempty"`
	RPC   *rpcErr `json:"rpc_error,omitempty"`
}

type result struct {
	Client       string          `json:"client"`
	Open         step            `json:"open"`
	SessionID    uint64          `json:"session_id"`
	ServerBase11 bool            `json:"server_base11"`
	Chunked      bool            `json:"chunked"`
	Steps        map[string]step `json:"steps"`
	// The framed bytes as the client read and wrote them (its DebugCapture).
	Received string `json:"received"`
	Sent     string `json:"sent"`
}

// element is any reply body: its name and its content.
type element struct {
	XMLName xml.Name
	Inner   string `xml:",innerxml"`
}

type snapshotReq struct {
	XMLName xml.Name `xml:"request-snapshot"`
}

type snapshotInfoReq struct {
	XMLName xml.Name `xml:"get-snapshot-information"`
}

type namedReq struct {
	XMLName xml.Name
}

func describe(err error) step {
	s := step{Error: err.Error()}
	var one netconf.RPCError
	var many netconf.RPCErrors
	if errors.As(err, &many) && len(many) > 0 {
		one = many[0]
	} else if !errors.As(err, &one) {
		return s
	}
	var info struct {
		BadElement string `xml:"bad-element"`
	}
	_ = xml.Unmarshal(append(append([]byte("<i>"), one.Info...), "</i>"...), &info)
	s.RPC = &rpcErr{Type: string(one.Type), Tag: string(one.Tag), Severity: string(one.Severity), Message: one.Message, BadElement: info.BadElement}
	return s
}

func call(ctx context.Context, s *netconf.Session, op any) step {
	var body element
	if err := s.Call(ctx, op, &body); err != nil {
		return describe(err)
	}
	return step{OK: true, Tag: body.XMLName.Local, Body: body.Inner}
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
	out := result{Client: "nemith/netconf", Steps: map[string]step{}}
	defer func() {
		enc, _ := json.Marshal(out)
		fmt.Println(string(enc))
	}()

	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(p.TimeoutSec)*time.Second)
	defer cancel()
	addr := net.JoinHostPort(p.Host, strconv.Itoa(p.Port))
	config := &ssh.ClientConfig{
		User:            p.User,
		Auth:            []ssh.AuthMethod{ssh.Password(p.Password)},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
	}

	var tr *ncssh.Transport
	var err error
	if p.Dial == "client" {
		var client *ssh.Client
		client, err = ssh.Dial("tcp", addr, config)
		if err == nil {
			defer client.Close()
			tr, err = ncssh.NewTransport(client)
		}
	} else {
		tr, err = ncssh.Dial(ctx, "tcp", addr, config)
	}
	if err != nil {
		out.Open = step{Error: err.Error()}
		return
	}
	var in, sent bytes.Buffer
	tr.DebugCapture(&in, &sent)
	defer func() {
		out.Received = in.String()
		out.Sent = sent.String()
	}()

	s, err := netconf.Open(tr)
	if err != nil {
		out.Open = step{Error: err.Error()}
		return
	}
	out.Open = step{OK: true}
	out.SessionID = s.SessionID()
	for _, c := range s.ServerCapabilities() {
		if c == "urn:ietf:params:netconf:base:1.1" {
			out.ServerBase11 = true
		}
	}

	out.Steps["request_snapshot"] = call(ctx, s, &snapshotReq{})
	out.Steps["get_snapshot_information"] = call(ctx, s, &snapshotInfoReq{})
	out.Steps["unknown_rpc"] = call(ctx, s, &namedReq{XMLName: xml.Name{Local: p.UnknownRPC}})
	if err := s.Lock(ctx, netconf.Candidate); err != nil {
		out.Steps["lock"] = describe(err)
	} else {
		out.Steps["lock"] = step{OK: true}
	}
	if err := s.Unlock(ctx, netconf.Candidate); err != nil {
		out.Steps["unlock"] = describe(err)
	} else {
		out.Steps["unlock"] = step{OK: true}
	}
	// After the hello, chunked framing shows as a chunk header first.
	if _, rest, found := bytes.Cut(sent.Bytes(), []byte("]]>]]>")); found {
		out.Chunked = bytes.HasPrefix(rest, []byte("\n#"))
	}
	if err := s.Close(ctx); err != nil {
		out.Steps["close"] = describe(err)
	} else {
		out.Steps["close"] = step{OK: true}
	}
}
