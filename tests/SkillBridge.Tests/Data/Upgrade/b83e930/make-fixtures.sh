#!/usr/bin/env bash
# Remakes one upgrade-test fixture from commit b83e930: starts the site from this checkout, lets it migrate and
# import the starter content, creates the dev accounts, then drives some activity through the site over HTTP
# (curl with a cookie jar, reading each form's antiforgery token), as a user would.
#
#   make-fixtures.sh sqlite OUT_DIR
#       writes OUT_DIR/skillbridge.db (checkpointed, journal_mode=DELETE, vacuumed: one self-contained file)
#   make-fixtures.sh pg OUT_DIR
#       needs SKILLBRIDGE_PG (an Npgsql connection string to an empty database) and PG_DUMP_URL (the same
#       database as a libpq URL, for pg_dump); writes OUT_DIR/skillbridge.pg.sql
#       pg-fill-in.sql (beside this script; PG_FILL_IN= to skip it, or PG_FILL_IN=FILE for another) is run after
#       the activity and before the dump: it adds the rows that steps failing on PostgreSQL at b83e930 could not
#       write through the site (see README.md). Accounts, which dev-accounts cannot create there, are written
#       with SQL by this script.
#
# Run it from a checkout of b83e930 (it says so if HEAD is anything else). Needs dotnet, curl, python3 and, for
# pg, psql and pg_dump 15. Every HTTP step is logged with its status in OUT_DIR/activity-<mode>.log, and the
# site's console in OUT_DIR/site-<mode>.log; neither is part of the fixture.
set -uo pipefail

mode=${1:?usage: make-fixtures.sh sqlite|pg OUT_DIR}
out=$(realpath -m "${2:?usage: make-fixtures.sh sqlite|pg OUT_DIR}")
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
port=${PORT:-5391}
base="http://127.0.0.1:$port"
mkdir -p "$out"
work=$(mktemp -d /tmp/skillbridge-fixture-XXXXXX)
log="$out/activity-$mode.log"
sitelog="$out/site-$mode.log"
: >"$log"

head=$(git -C "$repo" rev-parse --short=7 HEAD)
[ "$head" = b83e930 ] || echo "warning: HEAD is $head, not b83e930" | tee -a "$log"

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="$base"
export SkillBridge__DataPath="$work/data"
case "$mode" in
  sqlite) export SkillBridge__DatabaseProvider=Sqlite ;;
  pg)
    : "${SKILLBRIDGE_PG:?set SKILLBRIDGE_PG to an Npgsql connection string}" "${PG_DUMP_URL:?set PG_DUMP_URL}"
    export SkillBridge__DatabaseProvider=PostgreSql
    export SkillBridge__ConnectionString="$SKILLBRIDGE_PG" ;;
  *) echo "mode is sqlite or pg" >&2; exit 2 ;;
esac

note() { echo "$*" | tee -a "$log"; }

dotnet build "$repo/src/SkillBridge.Web" -nologo -v q >>"$log" 2>&1 || { note "build failed"; exit 1; }

# --- start the site (migrations and the starter import run at start-up) ---------------------------------
setsid dotnet run --no-build --no-launch-profile --project "$repo/src/SkillBridge.Web" >"$sitelog" 2>&1 &
site=$!
stop_site() { kill -TERM -- "-$site" 2>/dev/null; wait "$site" 2>/dev/null; }
trap stop_site EXIT
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "$base/healthz" && break
  sleep 1
done
curl -fs -o /dev/null "$base/healthz" || { note "site did not start; see $sitelog"; exit 1; }
note "site up on $base ($mode)"

# --- accounts: one per person in content/people.yml ---------------------------------------------------
dotnet run --no-build --no-launch-profile --project "$repo/src/SkillBridge.Web" -- dev-accounts >"$work/accounts.txt" 2>"$work/accounts.err"
accounts_rc=$?
sed 's/  [A-Za-z0-9]\{16\}  / <password>  /' "$work/accounts.txt" | tee -a "$log"
if [ "$accounts_rc" != 0 ]; then
  note "dev-accounts failed (exit $accounts_rc): $(grep -m1 'exception' "$work/accounts.err")"
  grep -m1 'SkillBridgeCommands.cs' "$work/accounts.err" | tee -a "$log"
  if [ "$mode" = pg ]; then
    # Fallback (PostgreSQL at b83e930 only): write the same rows dev-accounts writes on SQLite (one AspNetUsers
    # row per person, linked by PersonId; the person's roles; AccountCreated and RoleGranted audit entries by
    # "dev-accounts") directly with SQL. Passwords are random, hashed in ASP.NET Core Identity's V3 format
    # (PBKDF2-HMAC-SHA512, 100,000 iterations, 16-byte salt), as UserManager would.
    note "creating the accounts with SQL instead (see README.md)"
    psql -qAt "$PG_DUMP_URL" -c 'SELECT "Username" FROM "People" p WHERE NOT EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."PersonId" = p."Id") ORDER BY "Username"' >"$work/people.txt"
    python3 - "$work/people.txt" "$work/accounts.txt" >"$work/accounts.sql" <<'PY'
import base64, hashlib, os, secrets, struct, sys
alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
people = [line.strip() for line in open(sys.argv[1]) if line.strip()]
q = lambda s: "'" + s.replace("'", "''") + "'"
with open(sys.argv[2], "w") as passwords:
    print("BEGIN;")
    for username in people:
        password = "".join(secrets.choice(alphabet) for _ in range(16))
        salt = os.urandom(16)
        subkey = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, 100_000, 32)
        hashed = base64.b64encode(b"\x01" + struct.pack(">III", 2, 100_000, 16) + salt + subkey).decode()
        stamp = base64.b32encode(os.urandom(20)).decode()
        u = q(username)
        print(f"""INSERT INTO "AspNetUsers" ("Id", "PersonId", "TimeZoneId", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
  "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled",
  "LockoutEnd", "LockoutEnabled", "AccessFailedCount", "SharesProgressWithAuthors", "CreatedAt")
SELECT gen_random_uuid()::text, p."Id", 'Europe/London', p."Username", upper(p."Username"),
  coalesce(p."Email", p."Username" || '@example.invalid'), upper(coalesce(p."Email", p."Username" || '@example.invalid')),
  false, {q(hashed)}, {q(stamp)}, gen_random_uuid()::text, NULL, false, false, NULL, true, 0, true, clock_timestamp()
FROM "People" p WHERE p."Username" = {u};
INSERT INTO "AuditEntries" ("At", "Action", "Actor", "Subject", "Details") VALUES (clock_timestamp(), 'AccountCreated', 'dev-accounts', {u}, NULL);
INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
SELECT u."Id", r."Id" FROM "AspNetUsers" u JOIN "People" p ON p."Id" = u."PersonId"
  CROSS JOIN LATERAL unnest(p."Roles"::text[]) AS role(name) JOIN "AspNetRoles" r ON r."Name" = role.name
WHERE u."UserName" = {u};
INSERT INTO "AuditEntries" ("At", "Action", "Actor", "Subject", "Details")
SELECT clock_timestamp(), 'RoleGranted', 'dev-accounts', {u}, role.name
FROM "People" p CROSS JOIN LATERAL unnest(p."Roles"::text[]) WITH ORDINALITY AS role(name, n)
WHERE p."Username" = {u} ORDER BY role.n;""")
        print(f"{username}  {password}  roles: (from People.Roles)", file=passwords)
    print("COMMIT;")
PY
    psql -v ON_ERROR_STOP=1 -q "$PG_DUMP_URL" -f "$work/accounts.sql" 2>&1 | tee -a "$log"
    psql -qAt "$PG_DUMP_URL" -c 'SELECT count(*) || '"' accounts, '"' || (SELECT count(*) FROM "AspNetUserRoles") || '"' role grants'"' FROM "AspNetUsers"' | tee -a "$log"
  fi
fi
password() { awk -v u="$1" '$1 == u { print $2 }' "$work/accounts.txt"; }

# --- HTTP helpers ------------------------------------------------------------------------------------
jar=""
page="$work/page.html"
# get URL: GET with the current cookie jar; logs the status.
get() {
  local status
  status=$(curl -s -o "$page" -w '%{http_code}' -b "$jar" -c "$jar" "$base$1")
  note "GET  $1 -> $status"
  [ "${status:0:1}" = 2 ]
}
# token: the antiforgery token of the last page fetched (the first form's; all forms on a page share it).
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$page" | head -1 | sed 's/.*value="//; s/"$//'; }
# post URL FIELD=VALUE...: POST form fields (url-encoded) plus the token of the last page fetched.
post() {
  local url=$1 status location t
  shift
  t=$(token)
  local args=(--data-urlencode "__RequestVerificationToken=$t")
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  status=$(curl -s -o "$page.post" -D "$work/headers" -w '%{http_code}' -b "$jar" -c "$jar" "${args[@]}" "$base$url")
  location=$(grep -i '^location:' "$work/headers" | tr -d '\r' | cut -d' ' -f2)
  note "POST $url -> $status${location:+ -> $location}"
  LAST_LOCATION=$location
  cp "$page.post" "$page"
  [ "${status:0:1}" = 2 ] || [ "${status:0:1}" = 3 ]
}
sign_in() {
  jar="$work/$1.cookies"
  get /account/signin
  post /account/signin "Input.Username=$1" "Input.Password=$(password "$1")"
  [ "$LAST_LOCATION" != "" ] || note "sign-in as $1 did not redirect (refused?)"
}

# --- a learner takes a module to completion, rates it and asks an author for a session -------------------
learner=helen.carter
module=share-your-screen
sign_in "$learner"
get /
get "/modules/$module"
for step in 1 2 3 4; do get "/modules/$module/steps/$step"; done
# The module's one quiz is on step 4; option 0 ("Only that window") is right. A wrong answer first, then the
# right one: the latest answer is the one stored.
post "/modules/$module/steps/4?handler=Answer" quiz=0 selected=1
grep -q 'Not quite' "$page" && note "  (wrong answer recorded as wrong)"
post "/modules/$module/steps/4?handler=Answer" quiz=0 selected=0
grep -q 'Correct\.' "$page" && note "  (right answer recorded as right)"
get "/modules/$module/finish"
grep -q 'id="completion"' "$page" && note "  (finish page says completed)"
post "/modules/$module/finish?handler=Rate" stars=5 "comment=Clear and short; I now share one window in every call."
get "/modules/$module/finish"
# The "Ask Tom Okafor for a follow-up session" link on the finish page.
grep -o 'href="/modules/[^"]*/ask/[^"]*"' "$page" | tee -a "$log"
# If the form does not show (PostgreSQL at b83e930), the same POST is still sent, with the session's token from
# the finish page, to see whether sending the request fails as well.
get "/modules/$module/ask/tom.okafor" || get "/modules/$module/finish"
first=$(date -u -d '+14 days' +%Y-%m-%dT10:00)
second=$(date -u -d '+15 days' +%Y-%m-%dT14:30)
post "/modules/$module/ask/tom.okafor" \
  "Message=Thanks for the module. Could you show me how to share a single slide deck in a Teams meeting with a client, and what to do when the window list is empty?" \
  DurationMinutes=30 "Times.First=$first" "Times.Second=$second" "Times.Third="
[ -n "$LAST_LOCATION" ] && get "$LAST_LOCATION"
get /learning

# A second module, part-way: the module page and two of its four steps.
get /modules/join-a-teams-meeting
get /modules/join-a-teams-meeting/steps/1
get /modules/join-a-teams-meeting/steps/2

# A search that finds nothing (recorded for L&D as a missed search; no one's name is kept with it).
get "/search?q=mastodon"

# --- an author starts a new module (a draft with tags and a second author) -----------------------------
author=priya.shah
sign_in "$author"
get /authoring/new
post /authoring/new "Title=Add captions to a short video" Category=social-media
slug=${LAST_LOCATION#/authoring/}
if [ -n "$slug" ]; then
  if get "/authoring/$slug"; then
    version=$(grep -o '<input[^>]*name="Form.Version"[^>]*>' "$page" | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//')
  else
    # The editor does not open (PostgreSQL at b83e930): send the same Save anyway, with the session's token from
    # /authoring/new and version 1 (a just-created draft's version, as the editor shows it on SQLite).
    get /authoring/new
    version=1
  fi
  post "/authoring/$slug?handler=Save" \
    "Form.Version=$version" "Form.Title=Add captions to a short video" \
    "Form.Summary=Most people watch short videos with the sound off; captions make sure they still get the message." \
    Form.Category=social-media Form.Level=Beginner Form.Minutes=6 "Form.Tags=short video, captions, accessibility" \
    "Form.Authors=priya.shah, aisha.rahman" Form.Cover= \
    "Form.Body=$(printf 'Captions help everyone who watches with the sound off.\n\n## Turn on automatic captions\nMost apps offer them when you upload.\n\n## Check the words\nRead them once: names and product words are often wrong.\n')"
else
  note "no new draft to edit"
fi

# --- read-only checks (write nothing; only logged): the people list and a search that should find modules --------
jar="$work/anonymous.cookies"
get /people
get "/people/tom.okafor"
curl -s -o "$page" -w '' "$base/api/search?q=window"
note "GET  /api/search?q=window -> $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get("total", d.get("Total", "?")), "result(s)")' "$page" 2>/dev/null || echo 'not JSON')"

note "activity done"
stop_site
trap - EXIT

# --- write the fixture --------------------------------------------------------------------------------
case "$mode" in
  sqlite)
    python3 - "$work/data/skillbridge.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
c.execute("PRAGMA journal_mode=DELETE")
c.execute("VACUUM")
print("integrity:", c.execute("PRAGMA integrity_check").fetchone()[0])
c.close()
PY
    cp "$work/data/skillbridge.db" "$out/skillbridge.db"
    note "wrote $out/skillbridge.db ($(stat -c %s "$out/skillbridge.db") bytes)" ;;
  pg)
    fill_in=${PG_FILL_IN-$(dirname "$(realpath "$0")")/pg-fill-in.sql}
    if [ -n "$fill_in" ]; then
      psql -v ON_ERROR_STOP=1 "$PG_DUMP_URL" -f "$fill_in" 2>&1 | tee -a "$log"
      note "ran $fill_in"
    fi
    /usr/lib/postgresql/15/bin/pg_dump --no-owner --no-acl --format=plain --column-inserts "$PG_DUMP_URL" >"$out/skillbridge.pg.sql"
    note "wrote $out/skillbridge.pg.sql ($(stat -c %s "$out/skillbridge.pg.sql") bytes)" ;;
esac
rm -rf "$work"
