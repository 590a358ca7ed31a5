package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTableAlignsWideCharacters checks that the column after a name of CJK
// or emoji characters starts at the same terminal column in every row.
func TestTableAlignsWideCharacters(t *testing.T) {
	tb := &table{alignRight: map[int]bool{2: true}}
	tb.add("NAME", "ID", "COUNT")
	tb.add("令牌管理", "SU-111-111-111", "7")
	tb.add("👩‍👩‍👧‍👦 family", "SU-222-222-222", "1234")
	tb.add("plain", "SU-333-333-333", "")
	var b strings.Builder
	if err := tb.write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	col := -1
	for _, l := range lines {
		i := strings.Index(l, "SU-")
		if i < 0 {
			i = strings.Index(l, "ID")
		}
		at := ansi.StringWidth(l[:i])
		if col >= 0 && at != col {
			t.Errorf("ID column at %d in %q, want %d", at, l, col)
		}
		col = at
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing space in %q", l)
		}
	}
	if !strings.HasSuffix(lines[1], "    7") || !strings.HasSuffix(lines[2], " 1234") {
		t.Errorf("counts not right-aligned:\n%s", b.String())
	}
}
