# The test harness itself (tests/lib.sh, tests/run): a failing case is
# reported and the next ones still run, a failure outside the cases is
# reported, and nothing passes that should not.  Each script here is run by
# sh or by tests/run, and its TAP compared with what it must be.
. tests/lib.sh

# Writes the script $T/NAME.sh: the lines of standard input after lib.sh.
script() { # name
	{
		echo '. tests/lib.sh'
		cat
	} >"$T/$1.sh"
}

# Runs $T/NAME.sh as tests/run does; its TAP in $T/out (no timings), its
# exit status in $status.
tap_of() { # name
	mkdir -p "$T/$1.tmp"
	status=0
	NAQIB_TEST_TMP=$T/$1.tmp NAQIB_SANLOG= sh "$T/$1.sh" >"$T/out.raw" 2>&1 </dev/null ||
		status=$?
	grep -v '^# [0-9]*: [0-9.]* s$' "$T/out.raw" >"$T/out" || true
}

expect_tap() { # what; the TAP wanted on standard input
	cat >"$T/want"
	diff "$T/want" "$T/out" >"$T/diff" ||
		fail "$1: the TAP differs (- wanted, + got): $(cat "$T/diff")"
}

script pass-fail-pass <<'SCRIPT'
test_case 'first' <<'EOF'
true
EOF
test_case 'second' <<'EOF'
expect_eq "a" "b" "the check"
echo "not reached"
EOF
test_case 'third' <<'EOF'
[ 1 = 1 ]
EOF
test_done
SCRIPT
# First, outside any case: a harness whose cases always passed would pass
# its own tests too.
tap_of pass-fail-pass
grep -qx 'not ok 2 - second' "$T/out" && [ "$status" -eq 1 ] ||
	fail "a failing case is not reported as one (exit status $status): $(cat "$T/out")"

test_case 'a failing case is "not ok" with its message; the cases after it still run' <<'EOF'
tap_of pass-fail-pass
expect_status 1 "a script with a failing case"
expect_tap "pass, fail, pass" <<'TAP'
ok 1 - first
not ok 2 - second
# FAILED: the check: got 'a', want 'b'
ok 3 - third
1..3
# 1 of 3 cases failed
TAP
EOF

script failed-command <<'SCRIPT'
test_case 'a command fails' <<'EOF'
echo "before" >&2
false
echo "after"
EOF
test_done
SCRIPT
test_case 'any failing command ends its case "not ok", with its output and a hint' <<'EOF'
tap_of failed-command
expect_status 1 "a script with a failing command"
expect_tap "failed command" <<'TAP'
not ok 1 - a command fails
# before
# (a command of the case failed: exit status 1)
1..1
# 1 of 1 cases failed
TAP
EOF

script setup-fails <<'SCRIPT'
test_case 'before' <<'EOF'
true
EOF
fail "the setup could not be done"
test_case 'never run' <<'EOF'
true
EOF
test_done
SCRIPT
test_case 'a failure outside the cases bails out, with its reason' <<'EOF'
tap_of setup-fails
expect_status 1 "a setup that fails"
expect_tap "setup fails" <<'TAP'
ok 1 - before
# FAILED: the setup could not be done
Bail out! the setup could not be done
TAP
EOF

script no-test-done <<'SCRIPT'
test_case 'alone' <<'EOF'
true
EOF
false
SCRIPT
test_case 'a script that stops before test_done bails out, and fails' <<'EOF'
tap_of no-test-done
expect_status 1 "a script without test_done"
expect_tap "no test_done" <<'TAP'
ok 1 - alone
Bail out! stopped outside a case, exit status 1, before test_done
TAP
EOF

# Scripts written before cases: one case, by their exit status.
script old-style-pass <<'SCRIPT'
expect_eq 1 1 "a check"
SCRIPT
script old-style-fail <<'SCRIPT'
expect_eq 1 2 "a check"
SCRIPT
test_case 'a script of no cases is one case, which fails as the script fails' <<'EOF'
tap_of old-style-pass
expect_status 0 "a script of no cases that passes"
expect_tap "old style, passing" <<'TAP'
ok 1 - the whole script, which has no cases
1..1
# (each check of it as a case: test_case, tests/lib.sh)
TAP
tap_of old-style-fail
expect_status 1 "a script of no cases that fails"
expect_tap "old style, failing" <<'TAP'
# FAILED: a check: got '1', want '2'
Bail out! a check: got '1', want '2'
TAP
EOF

script state <<'SCRIPT'
shared=top
test_case 'sets a variable, writes a file' <<'EOF'
[ "$shared" = top ]
shared=changed
mine=1
echo kept >"$T/file"
EOF
test_case 'sees the top level, the file, not the variables' <<'EOF'
[ "$shared" = top ] && [ -z "${mine:-}" ] && [ "$(cat "$T/file")" = kept ]
EOF
test_done
SCRIPT
test_case "a case's variables are gone after it, its files stay" <<'EOF'
tap_of state
expect_status 0 "two cases that share files"
expect_tap "state" <<'TAP'
ok 1 - sets a variable, writes a file
ok 2 - sees the top level, the file, not the variables
1..2
TAP
EOF

script cleanups <<'SCRIPT'
at_exit 'echo "the script cleans up" >>"$T/log"'
test_case 'cleans up though it fails' <<'EOF'
at_exit 'echo "the case cleans up" >>"$T/log"'
false
EOF
test_case 'the case cleaned up before this one' <<'EOF'
[ "$(cat "$T/log")" = "the case cleans up" ]
EOF
test_skip 'cannot run here' 'no such thing'
test_done
SCRIPT
test_case 'at_exit runs at the end of the case, failed or not, or of the script; test_skip' <<'EOF'
tap_of cleanups
expect_status 1 "cleanups"
expect_eq "$(cat "$T/cleanups.tmp/log")" "the case cleans up
the script cleans up" "the cleanups, in order"
expect_in "$T/out" "ok 2 - the case cleaned up before this one" "the case cleaned up first"
expect_in "$T/out" "ok 3 - cannot run here # SKIP no such thing" "a skipped case"
EOF

# tests/run on the scripts above (its logs in $T/logs, and not as under
# prove, which it would tell by HARNESS_ACTIVE): one stream, every case
# numbered in turn under its test's name, the runner's own case for the
# bail-out, and the closing line.
test_case 'tests/run numbers every case in one stream, reports the bail-out and the failures, exits 1' <<'EOF'
status=0
HARNESS_ACTIVE= NAQIB_TEST_LOGS=$T/logs tests/run "$NAQIB_BIN" "$T/pass-fail-pass.sh" "$T/setup-fails.sh" \
	"$T/state.sh" >"$T/run.out" 2>&1 </dev/null || status=$?
expect_eq "$status" 1 "tests/run's exit status"
grep -E '^(ok|not ok|1\.\.)' "$T/run.out" >"$T/out"
expect_tap "tests/run" <<'TAP'
ok 1 - pass-fail-pass: first
not ok 2 - pass-fail-pass: second
ok 3 - pass-fail-pass: third
ok 4 - setup-fails: before
not ok 5 - setup-fails: bailed out after case 1 of the test: the setup could not be done
ok 6 - state: sets a variable, writes a file
ok 7 - state: sees the top level, the file, not the variables
1..7
TAP
expect_in "$T/run.out" "# FAILED: the check: got 'a', want 'b'" "a failing case's message"
expect_in "$T/run.out" "#   2 - pass-fail-pass: second" "the failed cases by name"
expect_in "$T/run.out" "#   5 - setup-fails: bailed out" "the failed cases by name"
expect_eq "$(tail -n 1 "$T/run.out")" "# 5 passed, 2 failed" "the closing line"
expect_in "$T/logs/setup-fails.log" "FAILED: the setup could not be done" "the log of a test"
EOF

test_case 'tests/run refuses a test that is not there' <<'EOF'
status=0
HARNESS_ACTIVE= NAQIB_TEST_LOGS=$T/logs tests/run "$NAQIB_BIN" t9999-no-such-test >"$T/run.out" 2>&1 ||
	status=$?
expect_eq "$status" 2 "an unknown test"
expect_in "$T/run.out" "no test 't9999-no-such-test'" "the message"
EOF

test_done
