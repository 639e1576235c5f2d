package region

import (
	"fmt"
	"strings"
)

// Suggest returns the word of known that is closest to word, for messages
// such as "unknown milestone 'publicaton' (did you mean 'publication'?)", or
// "" when nothing is close. Closeness is the optimal-string-alignment
// distance (Levenshtein plus adjacent transpositions, so "kidn" is one step
// from "kind"): none for words of one or two letters, at most 1 up to 4, 2 up to 8 and 3
// beyond. A difference in case only always matches. Ties go to the word
// listed first, so the answer is deterministic.
func Suggest(word string, known []string) string {
	if word == "" {
		return ""
	}
	limit := 1
	switch n := len(word); {
	case n <= 2:
		limit = 0 // one letter off a two-letter word is a different word
	case n > 8:
		limit = 3
	case n > 4:
		limit = 2
	}
	best, bestDist := "", limit+1
	var buf [3][]int
	for _, k := range known {
		if k == word {
			continue
		}
		if strings.EqualFold(k, word) {
			return k
		}
		if d := len(k) - len(word); d > limit || -d > limit {
			continue
		}
		if d := osaDistance(word, k, &buf); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// osaDistance is the optimal string alignment distance between a and b,
// counted in bytes (the words compared are ids and keys, which are ASCII).
func osaDistance(a, b string, buf *[3][]int) int {
	n := len(b) + 1
	for i := range buf {
		if cap(buf[i]) < n {
			buf[i] = make([]int, n)
		}
		buf[i] = buf[i][:n]
	}
	prev2, prev, cur := buf[0], buf[1], buf[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// SuggestID is the suggester of ids (regions, tenders, scenarios,
// milestones) for every flag and argument: Suggest, else the first known
// id that a word of three or more letters begins ("pub" → "publicatie").
func SuggestID(word string, known []string) string {
	if s := Suggest(word, known); s != "" {
		return s
	}
	if len(word) >= 3 {
		for _, k := range known {
			if strings.HasPrefix(k, word) {
				return k
			}
		}
	}
	return ""
}

// DidYouMean returns ` (did you mean "x"?)`, or "" when nothing is close:
// the phrase for messages about command-line words, which quote with
// double quotes as Go's %q does.
func DidYouMean(word string, known []string) string {
	if s := Suggest(word, known); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// didYouMean returns " (did you mean 'x'?)" or "": the phrase for load
// errors, which quote what the file says with single quotes.
func didYouMean(word string, known []string) string {
	if s := Suggest(word, known); s != "" {
		return " (did you mean '" + s + "'?)"
	}
	return ""
}
