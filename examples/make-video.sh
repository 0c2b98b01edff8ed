#!/usr/bin/env bash
# Makes a video through Reelsmith's HTTP API with curl: files (paths or https:// links) + one sentence → an MP4.
#
#   REELSMITH_URL=http://127.0.0.1:8787 examples/make-video.sh "a 6 second promo called Spring Sale" a.jpg b.jpg
#
# REELSMITH_URL  where Reelsmith runs (default http://127.0.0.1:8787)
# REELSMITH_KEY  an API key (rs_…); without one a key is minted and printed to stderr
# PRESET         the platform preset (default xiaohongshu; GET /api/presets lists them)
# OUT            where the MP4 goes (default video.mp4)
# Needs bash, curl and node (node only to read and write JSON).
set -euo pipefail

B=${REELSMITH_URL:-http://127.0.0.1:8787}
PRESET=${PRESET:-xiaohongshu}
OUT=${OUT:-video.mp4}
[ $# -ge 1 ] || { echo "usage: $0 \"what the video should be\" [file or https:// link …]" >&2; exit 2; }
SENTENCE=$1
shift

J='Content-Type: application/json'
# One call, printing EXPR of its JSON answer r: `api r.id curl-args…`. A refused call prints Reelsmith's JSON
# error to stderr and fails.
api() {
  local expr=$1 out
  shift
  out=$(curl -sS --fail-with-body "$@") || { echo "$out" >&2; return 1; }
  node -pe "const r = JSON.parse(process.argv[1]); $expr" "$out"
}
# A string as a JSON string literal.
json() { node -pe 'JSON.stringify(process.argv[1])' "$1"; }

KEY=${REELSMITH_KEY:-}
if [ -z "$KEY" ]; then
  KEY=$(api r.key -X POST -H "$J" -d '{"label":"make-video.sh"}' "$B/api/keys")
  echo "minted an API key (keep it): $KEY" >&2
fi
A="Authorization: Bearer $KEY"

P=$(api r.id -H "$A" -H "$J" -d "{\"preset\":$(json "$PRESET")}" "$B/api/projects")
echo "project $P ($PRESET)"

# A local file in parts of exactly partSize bytes (the last holds the rest); the server sniffs its type.
upload_parts() {
  local plan u ps pc n
  plan=$(api '`${r.id} ${r.partSize} ${r.partCount}`' -H "$A" -H "$J" \
    -d "{\"name\":$(json "$(basename "$1")"),\"size\":$(wc -c < "$1")}" "$B/api/projects/$P/uploads")
  read -r u ps pc <<< "$plan"
  for n in $(seq 1 "$pc"); do
    dd if="$1" bs="$ps" skip=$((n - 1)) count=1 status=none |
      api r.id -H "$A" -X PUT --data-binary @- "$B/api/uploads/$u/parts/$n" > /dev/null
  done
  api r.id -H "$A" -X POST "$B/api/uploads/$u/complete"
}

# complete (and an import) answer at once; the editor then fetches and measures the file: wait until it is ready.
until_ready() {
  local s
  while s=$(api 'r.state === "sent" ? "sent" : r.state + (r.error ? " " + JSON.stringify(r.error) : "")' \
      -H "$A" "$B/api/uploads/$1") && [ "$s" = sent ]; do
    sleep 1
  done
  [ "$s" = ready ] || { echo "the editor did not take $2: $s" >&2; exit 1; }
}

for f in "$@"; do
  case $f in
    https://*) u=$(api r.id -H "$A" -H "$J" -d "{\"url\":$(json "$f")}" "$B/api/projects/$P/imports") ;;
    *) u=$(upload_parts "$f") ;;
  esac
  until_ready "$u" "$f"
  echo "added $f: ready"
done

# The editor's turn as it happens; an error event in it fails the script once the stream ends.
TURN=$(mktemp)
trap 'rm -f "$TURN"' EXIT
curl -sS --fail-with-body -N -H "$A" -H "$J" -H 'Accept: text/event-stream' \
  -d "{\"text\":$(json "$SENTENCE")}" "$B/api/projects/$P/messages" | tee "$TURN"
if grep -q '^event: error' "$TURN"; then echo "the editor refused: see the error event above" >&2; exit 1; fi

E=$(api r.id -H "$A" -H "$J" -H "Idempotency-Key: $P-make-video" -d '{}' "$B/api/projects/$P/exports")
while :; do
  S=$(api 'r.status + " " + r.progress + "%" + (r.error ? " " + r.error : "")' -H "$A" "$B/api/exports/$E")
  echo "export $E: $S"
  case $S in
    completed*) break ;;
    failed*) exit 1 ;;
  esac
  sleep 2
done

curl -sS --fail-with-body -H "$A" -o "$OUT" "$B/api/exports/$E/download"
# An MP4 says "ftyp" at bytes 4–7.
[ "$(head -c 8 "$OUT" | tail -c 4)" = ftyp ] || { echo "$OUT is not an MP4" >&2; exit 1; }
echo "saved $OUT ($(wc -c < "$OUT") bytes)"
