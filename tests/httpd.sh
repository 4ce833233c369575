# A real web server for the tests: lighttpd on a loopback port, serving
# naqib.cgi as plain CGI under /cgi-bin/naqib.cgi and as FastCGI under
# /search (database in the processes' environment) and /search-setenv (in
# each request's parameters).  Sourced after tests/lib.sh.
#   start_httpd DB    sets HTTP (http://127.0.0.1:PORT); at the top level of
#                     a test, so that the server outlives the cases;
#                     HTTPD_FCGI_ENV, if set, adds to the environment of the
#                     /search processes (lighttpd's syntax: "NAME" => "VALUE",
#                     ...)
#   stop_httpd        (also run at exit: at_exit)

start_httpd() {
	db=$1
	mkdir -p "$T/www" "$T/cgi-bin"
	cp "$NAQIB_BIN/naqib.cgi" "$T/cgi-bin/naqib.cgi"
	# A file only our server has: on a port another server holds (a test
	# run beside this one), the answer is not it.
	token="$$.$(date +%s%N)"
	printf '%s' "$token" >"$T/www/token"
	port=$(( 20000 + $$ % 20000 ))
	tries=0
	while :; do
		cat >"$T/lighttpd.conf" <<CONF
server.document-root = "$T/www"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$T/lighttpd.log"
server.modules = ( "mod_cgi", "mod_fastcgi", "mod_setenv", "mod_alias" )
mimetype.assign = ( ".html" => "text/html; charset=utf-8" )
alias.url = ( "/cgi-bin/" => "$T/cgi-bin/" )
\$HTTP["url"] =~ "^/cgi-bin/" {
	cgi.assign = ( ".cgi" => "" )
	setenv.add-environment = ( "NAQIB_DB" => "$db" )
}
\$HTTP["url"] =~ "^/search-setenv" {
	setenv.add-environment = ( "NAQIB_DB" => "$db" )
}
fastcgi.server = ( "/search-setenv" => ( (
	"bin-path" => "$NAQIB_BIN/naqib.cgi",
	"socket" => "$T/naqib-setenv.sock",
	"max-procs" => 1,
	"check-local" => "disable"
) ),
"/search" => ( (
	"bin-path" => "$NAQIB_BIN/naqib.cgi",
	"socket" => "$T/naqib.sock",
	"max-procs" => 2,
	"bin-environment" => ( "NAQIB_DB" => "$db"${HTTPD_FCGI_ENV:+, $HTTPD_FCGI_ENV} ),
	"check-local" => "disable"
) ) )
CONF
		lighttpd -D -f "$T/lighttpd.conf" 2>>"$T/lighttpd.log" &
		httpd_pid=$!
		HTTP=http://127.0.0.1:$port
		# Up to 30 s for a busy machine (a guard against a hang: a
		# server that cannot bind exits at once, and the next port is
		# tried).
		i=0
		while [ $i -lt 300 ]; do
			kill -0 "$httpd_pid" 2>/dev/null || break
			if [ "$(curl -s "$HTTP/token")" = "$token" ] &&
				curl -s -o /dev/null "$HTTP/cgi-bin/naqib.cgi"; then
				at_exit stop_httpd
				return 0
			fi
			sleep 0.1
			i=$((i + 1))
		done
		kill "$httpd_pid" 2>/dev/null || true
		wait "$httpd_pid" 2>/dev/null || true
		tries=$((tries + 1))
		[ $tries -lt 5 ] || fail "lighttpd did not start: $(tail -5 "$T/lighttpd.log")"
		port=$((port + 7))
	done
}

stop_httpd() {
	if [ -n "${httpd_pid:-}" ]; then
		kill "$httpd_pid" 2>/dev/null || true
		wait "$httpd_pid" 2>/dev/null || true
		httpd_pid=
	fi
}
