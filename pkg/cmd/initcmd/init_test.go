package initcmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/region"
	regionschema "github.com/tender-nl/tender/pkg/region/schema"
	"github.com/tender-nl/tender/pkg/region/syntax"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/timeline"
)

// TestTemplatePlans loads the starter file and plans it. The dates were
// worked out by hand on the 2027 calendar (1 Jan 2027 is a Friday; Easter
// is 28 Mar, so Whit Monday is 17 May):
//
//	marktconsultatie      on Tue 19 Jan
//	uitgangspunten        19 Jan + 2w = Tue 2 Feb; pho's next meeting is Thu 4 Feb
//	publicatie            4 Feb + 4w = Thu 4 Mar
//	vragen                + 2w = Thu 18 Mar
//	nvi                   18 Mar + 1w = Thu 25 Mar (before 19 Apr - 10d = 9 Apr)
//	sluiting              4 Mar + 45d = Sun 18 Apr, so workday Mon 19 Apr
//	gunningsbeslissing    19 Apr + 6w = Mon 31 May
//	opschortende-termijn  31 May + 20d = Sun 20 Jun, so Mon 21 Jun
//	gunning               21 Jun + 1d = Tue 22 Jun (before 1 Oct)
//	aankondiging-gunning  22 Jun + 2w = Tue 6 Jul
//	contract-start        on 1 Jan 2028 (after 22 Jun + 3mo = 22 Sep)
//
// Both starter files, English and Dutch, must plan to these dates.
func TestTemplatePlans(t *testing.T) {
	for name, src := range templates {
		t.Run(name, func(t *testing.T) { testTemplatePlans(t, src) })
	}
}

// templates are the starter files by file name.
var templates = map[string][]byte{"template.yaml": Template, "template_nl.yaml": TemplateNL}

func testTemplatePlans(t *testing.T, src []byte) {
	r, err := region.Load("template.yaml", src)
	if err != nil {
		t.Fatalf("the template does not load:\n%v", err)
	}
	if len(r.Tenders) != 1 {
		t.Fatalf("%d tenders, want 1", len(r.Tenders))
	}
	res, err := (&timeline.Planner{}).Plan(r, r.Tenders[0], timeline.Options{})
	if err != nil || !res.Feasible {
		t.Fatalf("the template does not plan: %v %+v", err, res.Conflict)
	}
	got := map[string]string{}
	for _, m := range res.Milestones {
		got[m.Milestone.ID] = m.Date.String()
	}
	want := map[string]string{
		"marktconsultatie":     "2027-01-19",
		"uitgangspunten":       "2027-02-04",
		"publicatie":           "2027-03-04",
		"vragen":               "2027-03-18",
		"nvi":                  "2027-03-25",
		"sluiting":             "2027-04-19",
		"gunningsbeslissing":   "2027-05-31",
		"opschortende-termijn": "2027-06-21",
		"gunning":              "2027-06-22",
		"aankondiging-gunning": "2027-07-06",
		"contract-start":       "2028-01-01",
		// Derived from contract jeugd-2024 (2024-01-01 + 4y - 1d =
		// 2027-12-31): its option must be decided 6 months earlier, by
		// 2027-06-30. The contract start is the day after the end.
		"jeugd-2024-option-1": "2027-06-30",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("planned dates (-want +got):\n%s", diff)
	}
	// The scenario: publicatie 4 Feb + 8w = Thu 1 Apr; sluiting 1 Apr +
	// 45d = Sun 16 May (Whit Sunday), Whit Monday is not a working day, so
	// Tue 18 May.
	sc, err := r.Tenders[0].WithScenario("publicatie-later")
	if err != nil {
		t.Fatal(err)
	}
	res, err = (&timeline.Planner{}).Plan(r, sc, timeline.Options{})
	if err != nil || !res.Feasible {
		t.Fatalf("the scenario does not plan: %v %+v", err, res.Conflict)
	}
	if d := res.Milestone("sluiting").Date.String(); d != "2027-05-18" {
		t.Errorf("scenario sluiting = %s, want 2027-05-18", d)
	}
}

func TestTemplateMatchesSchema(t *testing.T) {
	schemaJSON, err := regionschema.JSON()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("region.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("region.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range templates {
		v, err := syntax.ToJSONValue(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s does not match the schema:\n%v", name, err)
		}
	}
}

// TestTemplatesSameContent: the Dutch starter file is the English one with
// other comments and the region's notes (free text no command prints) in
// Dutch. Read as data (comments dropped) they are otherwise the same
// document, key for key and value for value, so a Dutch user starts from
// the same region and plan as an English one.
func TestTemplatesSameContent(t *testing.T) {
	en, err := syntax.ToJSONValue(Template)
	if err != nil {
		t.Fatal(err)
	}
	nl, err := syntax.ToJSONValue(TemplateNL)
	if err != nil {
		t.Fatal(err)
	}
	for lang, doc := range map[string]any{"en": en, "nl": nl} {
		reg, _ := doc.(map[string]any)["region"].(map[string]any)
		if n, _ := reg["notes"].(string); n == "" {
			t.Fatalf("the %s template has no region notes", lang)
		}
		delete(reg, "notes")
	}
	if diff := cmp.Diff(en, nl); diff != "" {
		t.Errorf("the templates differ as data (-en +nl):\n%s", diff)
	}
	// Starter replaces the id and the file name in the comments: both
	// files must hold them the way it looks for them.
	for name, src := range templates {
		for _, want := range []string{"  id: " + templateID + " ", "tender plan " + DefaultFile + " "} {
			if !bytes.Contains(src, []byte(want)) {
				t.Errorf("%s does not contain %q", name, want)
			}
		}
	}
}

// TestTemplateLanguage: the comments follow the language of the settings;
// a language tender does not speak is English, as everywhere.
func TestTemplateLanguage(t *testing.T) {
	for lang, want := range map[string][]byte{"en": Template, "": Template, "de": Template, "nl": TemplateNL} {
		if got := Starter("-", lang); !bytes.Equal(got, want) {
			t.Errorf("Starter(-, %q) is not the starter file of that language", lang)
		}
	}
	nl := string(Starter("regions/noord-veluwe.yaml", "nl"))
	for _, want := range []string{
		"  id: noord-veluwe ",
		"#   tender plan regions/noord-veluwe.yaml       per mijlpaal de datum",
		"# Een werkdag is maandag tot en met vrijdag",
	} {
		if !strings.Contains(nl, want) {
			t.Errorf("the Dutch starter file for regions/noord-veluwe.yaml does not contain %q", want)
		}
	}
}

func TestStarter(t *testing.T) {
	tests := []struct {
		path, wantID, wantCmd string
	}{
		{"region.yaml", "mijn-regio", "tender plan region.yaml "},
		{"-", "mijn-regio", "tender plan region.yaml "},
		{"regions/noord-veluwe.yaml", "noord-veluwe", "tender plan regions/noord-veluwe.yaml "},
		{"Noord Veluwe.yaml", "mijn-regio", "tender plan 'Noord Veluwe.yaml' "},
		{"2027-01-01.yml", "mijn-regio", "tender plan 2027-01-01.yml "},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			src := Starter(tt.path, "en")
			r, err := region.Load(tt.path, src)
			if err != nil {
				t.Fatalf("does not load: %v", err)
			}
			if r.ID != tt.wantID {
				t.Errorf("id = %q, want %q", r.ID, tt.wantID)
			}
			if !bytes.Contains(src, []byte(tt.wantCmd)) {
				t.Errorf("the comments do not show %q", tt.wantCmd)
			}
		})
	}
}

// newOptions are the Options of a terminal-less run in English, with
// file and from.
func newOptions(file, from string) (*Options, *bytes.Buffer, *bytes.Buffer) {
	ios, _, out, errOut := iostreams.Test()
	return &Options{IO: ios, Lang: func() string { return "en" }, File: file, From: from}, out, errOut
}

// TestRunDutch: with the settings in Dutch, tender init writes the Dutch
// starter file; --from copies the built-in region as it is.
func TestRunDutch(t *testing.T) {
	t.Chdir(t.TempDir())
	opts, _, errOut := newOptions("", "")
	opts.Lang = func() string { return "nl" }
	if err := run(opts); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(DefaultFile); !bytes.Equal(got, TemplateNL) {
		t.Error("region.yaml is not the Dutch starter file")
	}
	if !strings.Contains(errOut.String(), "geschreven") {
		t.Errorf("the notice is not in Dutch: %q", errOut)
	}
	opts, _, _ = newOptions("", "twente")
	opts.Lang = func() string { return "nl" }
	if err := run(opts); err != nil {
		t.Fatal(err)
	}
	want, _ := source.BuiltInSource("twente")
	if got, _ := os.ReadFile("twente.yaml"); !bytes.Equal(got, want) {
		t.Error("--from in Dutch is not the built-in region byte for byte")
	}
}

func TestRunWritesAndRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "dir", "mine.yaml")
	opts, _, errOut := newOptions(path, "")
	if err := run(opts); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, Starter(path, "en")) {
		t.Error("the file is not the starter file")
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	if !strings.Contains(errOut.String(), "tender plan "+path) {
		t.Errorf("no next step in %q", errOut.String())
	}

	// A second run refuses and leaves the file as it was.
	os.WriteFile(path, []byte("mine\n"), 0o600)
	err = run(opts)
	var ee *source.ExistsError
	if !errors.As(err, &ee) || cmdutil.ExitCode(err) != cmdutil.ExitError {
		t.Fatalf("err = %v, want an ExistsError with exit code 2", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "mine\n" {
		t.Errorf("the existing file was changed: %q", got)
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want 1", len(entries))
	}
}

func TestRunFromBuiltIn(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	opts, out, _ := newOptions("", "achterhoek")
	if err := run(opts); err != nil {
		t.Fatal(err)
	}
	want, _ := source.BuiltInSource("achterhoek")
	got, err := os.ReadFile("achterhoek.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the copy is not byte for byte the built-in region")
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", out)
	}

	// To standard output.
	opts, out, _ = newOptions("-", "twente")
	if err := run(opts); err != nil {
		t.Fatal(err)
	}
	want, _ = source.BuiltInSource("twente")
	if !bytes.Equal(out.Bytes(), want) {
		t.Error("stdout is not the built-in region")
	}

	// An unknown id is a usage error.
	opts, _, _ = newOptions("", "utrecht")
	err = run(opts)
	var ue *cmdutil.UsageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "twente, achterhoek, drenthe") {
		t.Errorf("err = %v, want a usage error listing the built-in regions", err)
	}
}

func TestQuiet(t *testing.T) {
	t.Chdir(t.TempDir())
	opts, out, errOut := newOptions("", "")
	opts.IO.Quiet = true
	if err := run(opts); err != nil {
		t.Fatal(err)
	}
	if out.Len()+errOut.Len() != 0 {
		t.Errorf("-q printed %q %q", out, errOut)
	}
	if _, err := os.Stat(DefaultFile); err != nil {
		t.Error(err)
	}
}

// The hint after tender init runs where it is printed: single quotes for a
// POSIX shell, double quotes in cmd.exe and PowerShell, which take them
// (cmd.exe has no single quotes).
func TestQuoteForShell(t *testing.T) {
	env := func(m map[string]string) cmdutil.Env {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	for _, c := range []struct {
		goos string
		env  map[string]string
		path string
		want string
	}{
		{"linux", nil, "regions/oost.yaml", "regions/oost.yaml"},
		{"linux", nil, "Aanbesteding 2026/kopie.yaml", "'Aanbesteding 2026/kopie.yaml'"},
		{"linux", nil, "it's.yaml", `'it'\''s.yaml'`},
		{"windows", map[string]string{}, `Aanbesteding 2026\achterhoek kopie.yaml`, `"Aanbesteding 2026\achterhoek kopie.yaml"`},
		{"windows", map[string]string{}, `regions\oost.yaml`, `"regions\oost.yaml"`},
		{"windows", map[string]string{}, "oost.yaml", "oost.yaml"},
		// Git Bash on Windows reads POSIX quotes.
		{"windows", map[string]string{"MSYSTEM": "MINGW64"}, `a b.yaml`, `'a b.yaml'`},
		{"windows", map[string]string{"SHELL": "/usr/bin/bash"}, `a b.yaml`, `'a b.yaml'`},
	} {
		if got := quoteFor(c.path, windowsShell(c.goos, env(c.env))); got != c.want {
			t.Errorf("%s %v %q: got %s, want %s", c.goos, c.env, c.path, got, c.want)
		}
	}
}
