#!/usr/bin/perl
# FastCGI without a web server, for the tests: the two ends of the
# protocol that naqib.cgi speaks, in perl-base (which every Debian system
# has).
#
#   tests/fcgi.pl serve SOCKET PROGRAM    makes the listening socket SOCKET,
#                                         runs PROGRAM on it (its standard
#                                         input, as a web server does) in
#                                         the background and prints its pid
#   tests/fcgi.pl get SOCKET QUERY_STRING [hangup]
#                                         sends one GET request and prints
#                                         the response (headers and body);
#                                         with "hangup", closes the
#                                         connection as soon as the request
#                                         is sent, as a web server does when
#                                         its client went away, and prints
#                                         nothing
#
# The environment of `get` goes with the request as its parameters
# (NAQIB_DB among them), as a web server sends its own.
use strict;
use warnings;
use IO::Socket::UNIX;
use Socket qw(SOCK_STREAM SHUT_WR);

my ($cmd, $path, @rest) = @ARGV;
die "usage: fcgi.pl serve SOCKET PROGRAM | get SOCKET QUERY_STRING [hangup]\n"
	unless defined $cmd && defined $path && @rest;

if ($cmd eq 'serve') {
	unlink $path;
	my $listen = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $path,
		Listen => 16) or die "fcgi.pl: cannot listen on $path: $!\n";
	my $pid = fork() // die "fcgi.pl: fork: $!\n";
	if ($pid == 0) {
		open(STDIN, '<&', $listen) or die "fcgi.pl: dup: $!\n";
		open(STDOUT, '>', '/dev/null') or die "fcgi.pl: /dev/null: $!\n";
		close $listen;
		exec @rest or die "fcgi.pl: cannot run $rest[0]: $!\n";
	}
	print "$pid\n";
	exit 0;
}
die "fcgi.pl: unknown command '$cmd'\n" unless $cmd eq 'get';

# A record: version 1, type, request 1, the content and its padding.
sub record {
	my ($type, $content) = @_;
	my $pad = (8 - length($content) % 8) % 8;
	return pack('CCnnCC', 1, $type, 1, length($content), $pad, 0) .
		$content . ("\0" x $pad);
}
sub length_of {
	my $n = length(shift);
	return $n < 128 ? pack('C', $n) : pack('N', $n | 0x80000000);
}

my %params = (%ENV, REQUEST_METHOD => 'GET', QUERY_STRING => $rest[0],
	GATEWAY_INTERFACE => 'CGI/1.1', SERVER_PROTOCOL => 'HTTP/1.1');
my $pairs = '';
$pairs .= length_of($_) . length_of($params{$_}) . $_ . $params{$_}
	for sort keys %params;
my $request = record(1, pack('nCx5', 1, 0));  # BEGIN_REQUEST, a responder
for (my $i = 0; $i < length $pairs; $i += 65528) {
	$request .= record(4, substr($pairs, $i, 65528));
}
$request .= record(4, '') . record(5, '');   # end of PARAMS and of STDIN

my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $path)
	or die "fcgi.pl: cannot connect to $path: $!\n";
print $s $request;
$s->flush;
if (($rest[1] // '') eq 'hangup') {
	shutdown($s, SHUT_WR);
	close $s;
	exit 0;
}
my ($out, $buf) = ('', '');
while (1) {
	my $head = '';
	while (length $head < 8) {
		my $n = sysread($s, $buf, 8 - length $head);
		die "fcgi.pl: the connection ended inside a record\n" unless $n;
		$head .= $buf;
	}
	my (undef, $type, undef, $len, $pad) = unpack('CCnnC', $head);
	my $content = '';
	while (length $content < $len + $pad) {
		my $n = sysread($s, $buf, $len + $pad - length $content);
		die "fcgi.pl: the connection ended inside a record\n" unless $n;
		$content .= $buf;
	}
	$out .= substr($content, 0, $len) if $type == 6;   # STDOUT
	last if $type == 3;                                 # END_REQUEST
}
print $out;
