#!/usr/bin/env bash
# Makes a video through Reelsmith's HTTP API with curl alone: files (paths or https:// links) + one sentence → an MP4.
#
#   REELSMITH_URL=http://127.0.0.1:8787 examples/make-video.sh "a 6 second promo called Spring Sale" a.jpg b.jpg
#
# REELSMITH_URL  where Reelsmith runs (default http://127.0.0.1:8787)
# REELSMITH_KEY  an API key (rs_…); without one a key is minted and printed to stderr
# PRESET         the platform preset (default xiaohongshu; GET /api/presets lists them)
# OUT            where the MP4 goes (default video.mp4)
# Needs bash, curl and node (node only to read JSON).
set -euo pipefail

B=${REELSMITH_URL:-http://127.0.0.1:8787}
PRESET=${PRESET:-xiaohongshu}
OUT=${OUT:-video.mp4}
[ $# -ge 1 ] || { echo "usage: $0 \"what the video should be\" [file or https:// link …]" >&2; exit 2; }
SENTENCE=$1
shift

J='Content-Type: application/json'
# Refused calls exit non-zero and still print Reelsmith's JSON error.
api() { curl -sS --fail-with-body "$@"; }
# One field of the JSON on stdin, e.g. `field id`.
field() { node -pe "JSON.parse(require('fs').readFileSync(0, 'utf8')).$1"; }
# A string as a JSON string literal.
json_string() { node -pe 'JSON.stringify(process.argv[1])' "$1"; }

KEY=${REELSMITH_KEY:-}
if [ -z "$KEY" ]; then
  KEY=$(api -X POST -H "$J" -d '{"label":"make-video.sh"}' "$B/api/keys" | field key)
  echo "minted an API key (keep it): $KEY" >&2
fi
A="Authorization: Bearer $KEY"

P=$(api -H "$A" -H "$J" -d "{\"preset\":\"$PRESET\"}" "$B/api/projects" | field id)
echo "project $P ($PRESET)"

# A local file in parts of exactly partSize bytes (the last holds the rest); the server sniffs its type.
upload_parts() {
  local name size u ps pc n
  name=$(basename "$1")
  size=$(wc -c < "$1")
  read -r u ps pc < <(api -H "$A" -H "$J" -d "{\"name\":$(json_string "$name"),\"size\":$size}" \
    "$B/api/projects/$P/uploads" | node -pe 'const u = JSON.parse(require("fs").readFileSync(0)); `${u.id} ${u.partSize} ${u.partCount}`')
  for n in $(seq 1 "$pc"); do
    dd if="$1" bs="$ps" skip=$((n - 1)) count=1 status=none |
      api -H "$A" -X PUT --data-binary @- "$B/api/uploads/$u/parts/$n" > /dev/null
  done
  api -H "$A" -X POST "$B/api/uploads/$u/complete" | field state
}

for f in "$@"; do
  case $f in
    https://*) state=$(api -H "$A" -H "$J" -d "{\"url\":$(json_string "$f")}" "$B/api/projects/$P/imports" | field state) ;;
    *) state=$(upload_parts "$f") ;;
  esac
  echo "added $f: $state"
done

# The editor's turn as it happens; an error event fails the script after the stream ends.
TURN=$(api -N -H "$A" -H "$J" -H 'Accept: text/event-stream' -d "{\"text\":$(json_string "$SENTENCE")}" \
  "$B/api/projects/$P/messages" | tee /dev/stderr)
if grep -q '^event: error' <<< "$TURN"; then echo "the editor refused: see the error event above" >&2; exit 1; fi

E=$(api -H "$A" -H "$J" -H "Idempotency-Key: $P-make-video" -d '{}' "$B/api/projects/$P/exports" | field id)
while :; do
  S=$(api -H "$A" "$B/api/exports/$E")
  status=$(field status <<< "$S")
  echo "export $E: $status $(field progress <<< "$S")%"
  case $status in
    completed) break ;;
    failed) echo "$S" >&2; exit 1 ;;
  esac
  sleep 2
done

api -H "$A" -o "$OUT" "$B/api/exports/$E/download"
# An MP4 says "ftyp" at bytes 4–7.
[ "$(head -c 8 "$OUT" | tail -c 4)" = ftyp ] || { echo "$OUT is not an MP4" >&2; exit 1; }
echo "saved $OUT ($(wc -c < "$OUT") bytes)"
