#!/usr/bin/env bash
# Takes the README's screenshots from a running ./run (demo data loaded): the first demo event's
# public page, and the back office's list of events after signing in. Drives Chromium through
# chromedriver's WebDriver API with curl and jq. Usage: docs/images/take-screenshots.sh [run's output file]
set -euo pipefail
cd "$(dirname "$0")"
password=$(grep -o 'organiser@convene.localhost / [A-Za-z0-9]*' "${1:-/dev/stdin}" | awk '{print $3}')
chromedriver --port=9515 >/dev/null 2>&1 &
driver=$!
trap 'kill $driver' EXIT
until curl -s localhost:9515/status >/dev/null; do sleep 0.2; done
session=$(curl -s -X POST localhost:9515/session -H 'Content-Type: application/json' -d '{"capabilities":
  {"alwaysMatch":{"goog:chromeOptions":{"args":["--headless=new","--no-sandbox","--window-size=1280,1000","--hide-scrollbars"]}}}}' \
  | jq -r .value.sessionId)
wd() { curl -s -X "$1" "localhost:9515/session/$session$2" -H 'Content-Type: application/json' -d "${3:-{\}}"; }
element() { wd POST /element "{\"using\":\"css selector\",\"value\":\"$1\"}" | jq -r '.value[]'; }
shot() { wd GET /screenshot | jq -r .value | base64 -d > "$1"; }

wd POST /url '{"url":"http://localhost:8080/events/bolivia-people-power-hope-solidarity"}' >/dev/null
shot event-page.png
wd POST /url '{"url":"http://localhost:8081/organiser/sign-in?then=%2Forganiser"}' >/dev/null
wd POST "/element/$(element 'input[name=email]')/clear" >/dev/null
wd POST "/element/$(element 'input[name=email]')/value" '{"text":"organiser@convene.localhost"}' >/dev/null
wd POST "/element/$(element 'input[name=password]')/value" "{\"text\":\"$password\"}" >/dev/null
wd POST "/element/$(element 'form button')/click" >/dev/null
until [ "$(wd GET /url | jq -r .value)" = "http://localhost:8081/organiser" ]; do sleep 0.2; done
shot back-office.png
wd DELETE "" >/dev/null
