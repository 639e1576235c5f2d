package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/source"
)

// moveBody is the body of POST /api/reschedule and POST /api/write.
type moveBody struct {
	Region   string            `json:"region"`
	Tender   string            `json:"tender"`
	Scenario string            `json:"scenario"`
	Moves    map[string]string `json:"moves"`
	Keep     []string          `json:"keep"`
	// SHA256 is the file's hash as the client saw it (GET /api/regions):
	// /api/write writes nothing when the file has changed since.
	SHA256 string `json:"sha256"`
}

// decodeMove reads a move body: one JSON object with known fields only.
func decodeMove(r *http.Request) (*moveBody, error) {
	var b moveBody
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, err
		}
		return nil, app.Usagef("the body is not a move: %v (send {\"region\": ID, \"tender\": ID, \"moves\": {\"ID\": \"YYYY-MM-DD\"}, \"keep\": [ID]})", err)
	}
	if dec.More() {
		return nil, app.Usagef("the body holds more than one JSON value")
	}
	if b.Region == "" {
		return nil, app.Usagef("region missing: name the region by its id")
	}
	if len(b.Moves) == 0 {
		return nil, app.Usagef("moves missing: give at least one milestone and its new date, {\"ID\": \"YYYY-MM-DD\"}")
	}
	return &b, nil
}

// request is the use-case's request for the body: the moves in id order,
// so that the same body gives the same answer.
func (b *moveBody) request(write bool) app.RescheduleRequest {
	ids := make([]string, 0, len(b.Moves))
	for id := range b.Moves {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	req := app.RescheduleRequest{Region: b.Region, Tender: b.Tender, Scenario: b.Scenario, Keeps: b.Keep, Write: write, SHA256: b.SHA256}
	for _, id := range ids {
		req.Moves = append(req.Moves, id+"="+b.Moves[id])
	}
	return req
}

// reschedule runs the use-case for a move body and answers.
func (s *Server) reschedule(w http.ResponseWriter, r *http.Request, write bool) {
	b, err := decodeMove(r)
	if err != nil {
		moveError(w, err)
		return
	}
	if write && b.SHA256 == "" {
		apiError(w, app.Usagef("sha256 missing: send the file's hash as the page saw it (GET /api/regions), so that nothing changed since is overwritten"))
		return
	}
	if write && s.opts.ReadOnly {
		writeError(w, http.StatusForbidden, "this server is read-only (--read-only): nothing is written")
		return
	}
	rep, err := s.app.Reschedule(b.request(write))
	if err != nil {
		moveError(w, err)
		return
	}
	var out bytes.Buffer
	if err := render.RescheduleJSON(&out, rep.Reschedule, s.lang(r)); err != nil {
		apiError(w, err)
		return
	}
	switch {
	case write && rep.Infeasible:
		writeJSON(w, http.StatusUnprocessableEntity, errorBody{
			Error:      "the move leaves the tender without a schedule: nothing was written (the conflict is in reschedule.conflict)",
			Reschedule: out.Bytes()})
		return
	case write && rep.Blocked:
		writeJSON(w, http.StatusConflict, errorBody{
			Error:      fmt.Sprintf("the move leaves scenario(s) %s without a schedule: nothing was written", strings.Join(rep.BrokenIDs(), ", ")),
			Reschedule: out.Bytes()})
		return
	}
	if write && rep.Written != "" {
		s.logf("wrote %s", rep.Written)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = out.WriteTo(w)
}

// moveError answers an error of a move: a file changed on disk or locked
// by another writer 409, a body too large 413, else as apiError.
func moveError(w http.ResponseWriter, err error) {
	var changed *source.ChangedError
	var locked *source.LockedError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &changed):
		writeError(w, http.StatusConflict, changed.Path+" changed on disk since the page read it (an editor or a colleague saved it): nothing was written; the page now shows the file as it is, check the move and write again")
	case errors.As(err, &locked):
		writeError(w, http.StatusConflict, locked.Error())
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", MaxBodyBytes))
	default:
		apiError(w, err)
	}
}

func (s *Server) handleReschedule(w http.ResponseWriter, r *http.Request) { s.reschedule(w, r, false) }
func (s *Server) handleWrite(w http.ResponseWriter, r *http.Request)      { s.reschedule(w, r, true) }
