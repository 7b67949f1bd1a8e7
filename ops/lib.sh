# Shared by the scripts under ops/ (sourced, not run).

# Waits until the service on port $1 answers its health endpoint; gives up after 60 s.
wait_until_healthy() {
  for _ in $(seq 240); do
    curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null && return
    sleep 0.25
  done
}
