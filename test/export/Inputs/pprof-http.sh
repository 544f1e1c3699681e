#!/usr/bin/env bash
# pprof-http.sh PROFILE URL_PATH OUT: starts `go tool pprof -lines -http` on
# PROFILE at a free local port, fetches URL_PATH into OUT once the server
# answers (with Python, which the suite needs anyway), and stops the server.
# A port another process took between the probe and the server's bind is
# retried with a new one.
set -u
profile=$1 path=$2 out=$3
fetch='
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as page:
    open(sys.argv[2], "wb").write(page.read())
'
for attempt in 1 2 3; do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  go tool pprof -lines -no_browser -http="127.0.0.1:$port" "$profile" > "$out.log" 2>&1 &
  server=$!
  # Bounded wait for the server to listen (pprof starts in well under a
  # second; the bound only stops a hung server from hanging the test).
  for _ in $(seq 240); do
    if python3 -c "$fetch" "http://127.0.0.1:$port$path" "$out" 2> /dev/null; then
      kill "$server"
      wait "$server" 2> /dev/null
      exit 0
    fi
    kill -0 "$server" 2> /dev/null || break # exited: the port was taken
    sleep 0.25
  done
  kill "$server" 2> /dev/null
  wait "$server" 2> /dev/null
done
echo "pprof-http.sh: go tool pprof -http did not serve $path" >&2
cat "$out.log" >&2
exit 1
