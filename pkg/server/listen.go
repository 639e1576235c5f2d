package server

import (
	"errors"
	"fmt"
	"net"
)

// Listen is the assembly of a server for tender serve: it makes the run's
// token (opts.Token is ignored), loads the regions (New) and listens on
// addr (host:port), so that what is left to the caller is to say where the
// server is and to Serve until it is stopped. A port that is taken is said
// in words a user can act on.
func Listen(addr string, opts Options) (*Server, net.Listener, error) {
	token, err := NewToken()
	if err != nil {
		return nil, nil, err
	}
	opts.Token = token
	srv, err := New(opts)
	if err != nil {
		return nil, nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) {
			err = op.Err
		}
		return nil, nil, fmt.Errorf("cannot listen on %s: %v (is another tender serve running? choose another port with --addr)", addr, err)
	}
	srv.SetAddr(ln.Addr().String())
	return srv, ln, nil
}
