#!/usr/bin/env bash
# Saves a screenshot of the demo shop's page, with orders in every state, to docs/screenshot.png.
#
#   sample-app/screenshot.sh [output.png]
#
# What it does:
#   1. Uses the shop at $SHOP_URL (default http://127.0.0.1:8080) if it answers. Otherwise it starts
#      target/sample-app-*.jar (build it first: ./mvnw -B -q install -DskipTests), which needs RabbitMQ
#      on 127.0.0.1:5672 and MariaDB on 127.0.0.1:3306, and stops it again at the end.
#   2. Through the shop's API: creates three orders, pays one of them without the notification, and
#      waits until their payment window is over (two are then CLOSED, the third compensated as PAID);
#      then one of the closed ones is paid late (it stays CLOSED and is listed as a late payment).
#      Set SKIP_CLOSE_WAIT=1 to skip this step (it takes the shop's timeout, 60 s by default).
#   3. Creates three more orders: pays one (WeChat Pay notifies the shop), marks one as USERPAYING and
#      leaves one counting down.
#   4. Loads the page in headless Chromium and saves the screenshot.
#
# Needs curl and Chromium (Debian: apt-get install -y chromium). Chromium gets a throw-away profile
# and every background service switched off, so it needs no network beyond the shop.
set -euo pipefail

cd "$(dirname "$0")"
SHOP_URL=${SHOP_URL:-http://127.0.0.1:8080}
OUTPUT=${1:-docs/screenshot.png}
BROWSER=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z "$BROWSER" ]]; then
  echo "Chromium not found: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)" >&2
  exit 1
fi

up() { curl -sf "$SHOP_URL/api/demo" >/dev/null 2>&1; }

APP_PID=
cleanup() {
  if [[ -n "$APP_PID" ]]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if up; then
  echo "Using the shop running at $SHOP_URL"
else
  JAR=$(ls target/sample-app-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [[ -z "$JAR" ]]; then
    echo "No shop at $SHOP_URL and no target/sample-app-*.jar: build it with ./mvnw -B -q install -DskipTests" >&2
    exit 1
  fi
  echo "Starting $JAR (log: target/screenshot-app.log)"
  java -jar "$JAR" >target/screenshot-app.log 2>&1 &
  APP_PID=$!
  for _ in $(seq 120); do
    up && break
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The shop did not start; see target/screenshot-app.log" >&2
      tail -20 target/screenshot-app.log >&2
      exit 1
    fi
    sleep 1
  done
  up || { echo "The shop did not answer within 120 s; see target/screenshot-app.log" >&2; exit 1; }
fi

# POST /api/orders for one SKU; prints the new order's id.
order() {
  curl -sf -X POST "$SHOP_URL/api/orders" -H 'Content-Type: application/json' \
    -d "{\"items\":[{\"skuId\":\"$1\",\"num\":$2}]}" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}
status() { curl -sf "$SHOP_URL/api/orders/$1" | grep -o '"status":"[^"]*"' | cut -d'"' -f4; }
control() { curl -sf -X POST "$SHOP_URL/api/demo/orders/$1/$2" >/dev/null; }

if [[ "${SKIP_CLOSE_WAIT:-0}" != 1 ]]; then
  left=$(order 1005 1)
  late=$(order 1003 1)
  silent=$(order 1002 1)
  control "$silent" "pay?notify=false"
  timeout=$(curl -sf "$SHOP_URL/api/demo" | grep -o '"timeoutSeconds":[0-9]*' | cut -d: -f2)
  echo "Created $left and $late (left unpaid), $silent (paid, notification lost); waiting ~${timeout}s for their window to end"
  for _ in $(seq $((timeout + 60))); do
    [[ "$(status "$left")" != UNPAID && "$(status "$late")" != UNPAID && "$(status "$silent")" != UNPAID ]] && break
    sleep 1
  done
  control "$late" "late-payment" # paid after the close: stays CLOSED, listed as a late payment
  echo "  $left: $(status "$left"), $late: $(status "$late") + late payment, $silent: $(status "$silent")"
fi

paid=$(order 1001 1)
paying=$(order 1003 2)
waiting=$(order 1004 1)
control "$paid" "pay?notify=true"
control "$paying" "user-paying"
echo "Created $paid (paid), $paying (payer still paying), $waiting (waiting)"
sleep 3 # let the countdowns move a little

mkdir -p "$(dirname "$OUTPUT")"
PROFILE=$(mktemp -d)
"$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$PROFILE" --window-size=1280,900 \
  --virtual-time-budget=5000 --screenshot="$OUTPUT" "$SHOP_URL/" 2>/dev/null
rm -rf "$PROFILE"
echo "Saved $OUTPUT"
