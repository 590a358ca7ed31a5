package gateway

import (
	"unicode"
	"unicode/utf8"
)

// badPath reports a request path the gateway refuses to route or forward,
// because some server behind it could read it as leaving its module. The
// path is r.URL.Path, which net/http has decoded once. It is refused when:
//
//   - it does not start with "/": "OPTIONS *" or a CONNECT's host:port is
//     not a path into any module;
//   - a segment is "." or "..", also before a ";" (servers such as Tomcat
//     drop path parameters, so "..;x" is ".." there);
//   - it holds a backslash, which some servers take for a separator, or a
//     control character (C0, DEL or C1), which no resource name needs and
//     which lets a log or a header be forged;
//   - it is not UTF-8, which is how overlong forms of "." and "/" (%c0%ae,
//     %c0%af) reach servers that decode them loosely.
//
// The client's percent-encoding is decoded by net/http, so "%2e%2e" and
// "%5c" are caught as "..", "\". The same rules then apply once more with
// any escape left in the decoded path decoded too, as an upstream that
// unescapes a second time would see it: "%252e%252e" is "..", "%255c" a
// backslash, and "%252f" a separator. A third level, an escape that
// decodes to "%" again ("%2525"), is refused outright rather than decoded
// without end: no resource name needs it. Other escapes left after one
// decoding ("%2520" for a name holding "%20") pass, as sent.
//
// Unicode look-alikes (a full-width dot or solidus) pass: a server that
// folds them into ASCII before routing is out of the ordinary, and refusing
// them would refuse names in other scripts' punctuation.
//
// It allocates nothing: it runs on every request.
func badPath(path string) bool {
	if path == "" || path[0] != '/' {
		return true
	}
	var s pathScan
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c == '%' && i+2 < len(path) && isHex(path[i+1]) && isHex(path[i+2]) {
			c = unhex(path[i+1])<<4 | unhex(path[i+2])
			i += 2
			if c == '%' {
				return true
			}
		}
		if !s.next(c) {
			return true
		}
	}
	return !s.end()
}

// pathScan follows a path byte by byte, as decoded twice, through its
// segments and its multi-byte characters.
type pathScan struct {
	dots    int  // dots that started the segment's name
	other   bool // the name holds something besides dots
	params  bool // past a ";" in this segment
	char    [utf8.UTFMax]byte
	runeLen int // bytes of char received so far
	runeEnd int // bytes its first byte announced
}

// next takes one byte and reports whether the path is still acceptable.
func (s *pathScan) next(c byte) bool {
	if s.runeLen > 0 || c >= utf8.RuneSelf {
		return s.multiByte(c)
	}
	switch {
	case c == '/':
		if s.dotSegment() {
			return false
		}
		*s = pathScan{}
	case c == '\\' || c < ' ' || c == 0x7f:
		return false
	case s.params:
		// A segment's parameters do not change what its name is.
	case c == ';':
		s.params = true
	case c == '.' && !s.other:
		s.dots++
	default:
		s.other = true
	}
	return true
}

// multiByte collects a character of two to four bytes and judges it
// whole: valid UTF-8 in its shortest form, and not a control character.
func (s *pathScan) multiByte(c byte) bool {
	if s.runeLen == 0 {
		switch {
		case c >= 0xc2 && c <= 0xdf:
			s.runeEnd = 2
		case c >= 0xe0 && c <= 0xef:
			s.runeEnd = 3
		case c >= 0xf0 && c <= 0xf4:
			s.runeEnd = 4
		default:
			return false // a stray continuation byte, or never the first
		}
	} else if c&0xc0 != 0x80 {
		return false // a character cut short
	}
	s.char[s.runeLen] = c
	s.runeLen++
	if s.runeLen < s.runeEnd {
		return true
	}
	r, size := utf8.DecodeRune(s.char[:s.runeLen])
	s.runeLen = 0
	if r == utf8.RuneError && size <= 1 || unicode.IsControl(r) {
		return false
	}
	if !s.params {
		s.other = true
	}
	return true
}

// end reports whether the path may end where the scan is.
func (s *pathScan) end() bool {
	return s.runeLen == 0 && !s.dotSegment()
}

// dotSegment is whether the segment so far, its parameters aside, is "."
// or "..".
func (s *pathScan) dotSegment() bool {
	return !s.other && (s.dots == 1 || s.dots == 2)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unhex is a hex digit's value; 0 for anything else, which isHex rules out.
func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}
