package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
	"regexp"
	"strings"
)

// SecretBytes is the secret's entropy: 160 bits, shown as 40 hex digits.
const SecretBytes = 20

var (
	idPattern     = regexp.MustCompile(`^SU-[0-9]{3}-[0-9]{3}-[0-9]{3}$`)
	secretPattern = regexp.MustCompile(`^[0-9a-f]{40}$`)
)

// newID draws an ID such as SU-631-625-036 from crypto/rand.
func newID() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000_000))
	if err != nil {
		return "", fmt.Errorf("draw token ID: %w", err)
	}
	d := fmt.Sprintf("%09d", n.Int64())
	return "SU-" + d[0:3] + "-" + d[3:6] + "-" + d[6:9], nil
}

func newSecret() (Secret, error) {
	b := make([]byte, SecretBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("draw secret: %w", err)
	}
	return Secret(hex.EncodeToString(b)), nil
}

// ValidID reports whether s has the form of a token ID.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// ParseKey splits an API key into its ID and secret, refusing anything that
// does not have the exact form ID:40-lowercase-hex.
func ParseKey(key string) (id, secret string, err error) {
	id, secret, ok := strings.Cut(key, ":")
	if !ok || !ValidID(id) || !secretPattern.MatchString(secret) {
		return "", "", &RefusedError{Reason: RefusedMalformed}
	}
	return id, secret, nil
}

// KeyID returns the token ID a key names, even when the rest of the key is
// malformed, so a refused request can still be counted against its token.
func KeyID(key string) (string, bool) {
	id, _, _ := strings.Cut(key, ":")
	return id, ValidID(id)
}
