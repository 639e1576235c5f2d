#!/usr/bin/env bash
# Screenshots of the Gantt picture of `tender plan -o html` / `-o svg` in a
# real browser (headless Chromium), to look at by eye after a change to
# pkg/render/gantt.go. Not run by CI: the structural checks of the picture
# (valid XML, labels inside the canvas and never overlapping, one row per
# milestone) are Go tests in pkg/render.
#
#   testdata/screenshot.sh [OUTDIR]        default OUTDIR: /tmp/tender-screenshots
#   UPDATE_EXAMPLE=1 testdata/screenshot.sh  also rewrites examples/gantt-achterhoek.png
#
# It shoots the three built-in regions (English and Dutch), a large
# synthetic region (three tenders of 60 milestones each, with holidays and a
# closure), and the Achterhoek picture alone, at its own size, which is the
# image the README shows. Chromium is installed with apt-get when it is
# missing and that is possible; otherwise the script says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/tender-screenshots}
mkdir -p "$out"

browser=""
for b in chromium chromium-browser google-chrome google-chrome-stable; do
	if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	echo "installing chromium with apt-get…"
	if apt-get update >/dev/null && apt-get install -y chromium >/dev/null; then
		browser=chromium
	fi
fi
if [ -z "$browser" ]; then
	echo "screenshot.sh: no Chromium found and none could be installed; skipping (install chromium and run again)"
	exit 0
fi

go build -o "$out/tender" ./cmd/tender
tender="$out/tender"

# shot FILE PNG WIDTH HEIGHT
shot() {
	local profile
	profile=$(mktemp -d)
	"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$profile" \
		--screenshot="$2" --window-size="$3,$4" "file://$(realpath "$1")" >/dev/null 2>&1 || true
	rm -rf "$profile"
	if [ -s "$2" ]; then echo "wrote $2"; else echo "screenshot of $1 failed"; fi
}

# svgsize FILE: the width and height of a picture, rounded up.
svgsize() {
	sed -n 's/.*<svg [^>]*width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 \2/p' "$1" | head -1 |
		awk '{ printf "%d %d\n", ($1 == int($1)) ? $1 : int($1) + 1, ($2 == int($2)) ? $2 : int($2) + 1 }'
}

# The built-in regions, with a today inside their plans.
for r in achterhoek:2021-05-03 twente:2018-03-15 drenthe:2024-10-01; do
	id=${r%%:*} today=${r#*:}
	"$tender" plan "$id" -o html --today "$today" >"$out/$id.html"
	shot "$out/$id.html" "$out/$id.png" 1400 900
	"$tender" plan "$id" -o html --today "$today" --lang nl >"$out/$id-nl.html"
	shot "$out/$id-nl.html" "$out/$id-nl.png" 1400 900
done

# A large synthetic region: three tenders, 60 milestones each.
large="$out/large.yaml"
{
	echo "version: 1"
	echo "region:"
	echo "  id: large"
	echo "  name: Synthetische regio met een lange naam om de kolommen te testen"
	echo "  municipalities: [Aalten, Berkelland]"
	echo "calendar:"
	echo "  closed:"
	echo "    - { name: Kerstsluiting, from: 2026-12-24, to: 2027-01-03 }"
	echo "    - { name: Zomersluiting, from: 2027-07-20, to: 2027-08-02 }"
	echo "tenders:"
	for t in 1 2 3; do
		echo "  t$t:"
		echo "    name: Aanbesteding $t met een naam die de kolom vult"
		echo "    procedure: open"
		echo "    milestones:"
		echo "      start:"
		echo "        name: Start van aanbesteding $t"
		echo "        kind: decision"
		echo "        done: 2026-0$t-1$t"
		prev=start
		for i in $(seq 1 59); do
			id="m$i"
			echo "      $id:"
			if [ $((i % 7)) = 0 ]; then
				echo "        name: \"Mijlpaal $i: een heel lange naam die zeker afgekapt moet worden | met # en ; tekens\""
			else
				echo "        name: Mijlpaal $i van aanbesteding $t"
			fi
			echo "        kind: other"
			echo "        after: $prev + $(((i * 7 + t * 3) % 11 + 2))wd"
			if [ $((i % 5)) = 0 ]; then echo "        before: 2028-0$t-01"; fi
			echo "        align: workday"
			prev=$id
		done
	done
} >"$large"
"$tender" plan "$large" -o html --today 2027-03-01 >"$out/large.html"
shot "$out/large.html" "$out/large.png" 1400 4400

# The Achterhoek picture alone, at its own size: the README's image.
"$tender" plan achterhoek -o svg --today 2021-05-03 >"$out/gantt-achterhoek.svg"
read -r w h < <(svgsize "$out/gantt-achterhoek.svg")
shot "$out/gantt-achterhoek.svg" "$out/gantt-achterhoek.png" "$w" "$h"
if [ "${UPDATE_EXAMPLE:-}" = 1 ] && [ -s "$out/gantt-achterhoek.png" ]; then
	cp "$out/gantt-achterhoek.png" examples/gantt-achterhoek.png
	echo "updated examples/gantt-achterhoek.png"
fi
