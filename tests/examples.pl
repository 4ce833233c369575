#!/usr/bin/perl
# The examples of one page, README.md or a man page, run in the order a
# reader meets them, in one shell, and their output compared with what the
# page shows; with --update, the page's outputs are rewritten from the run,
# for review with git diff.  tests/t0210-examples.sh sets up each page's
# directory (the sample corpus, the tools, a web server) and calls this.
#
#   perl tests/examples.pl [--update] --dir DIR --prelude FILE
#        [--map FROM=TO]... PAGE
#
# What is an example:
#   - in a man page, an .EX block with lines that begin with "$ ": each is
#     a command, the lines up to the next one its output;
#   - in README.md, a fenced or indented code block: the same when it has
#     "$ " lines, or else a block of commands, each line (and its
#     continuations) one command whose output the page does not show;
#   - a command goes on over lines that end with \, |, && or ||, and over
#     the lines of its here-document;
#   - a block of "# " lines in a man page is run as root on a server
#     (a2enmod, lighty-enable-mod): not run, and said so.
# A directive just before a block, a roff comment or an HTML comment
#     .\" example: varies 0.001 "1.98 MB/s"
#     <!-- example: not run: needs the machines host1 and host2 -->
#     .\" example: output not shown
#     .\" example: same output
# says which figures of its outputs vary from run to run (each given
# string, wherever it is in the block's outputs, stands for any figures of
# its shape: each run of digits any digits), that the block is not run,
# and why, that it is a list of commands whose outputs the page leaves out
# (each must still exit 0), or such a list where the page says that each
# finds the same (each must print what the first prints, the time a
# search took, "(0.001 s)", aside).  A line "…" alone in an output stands for any lines.  A command
# that exits non-zero fails unless the next command is `echo $?`, which
# shows the status.  --map FROM=TO replaces FROM in the commands (and TO
# by FROM in their outputs): /srv/naqib/unions.db is a file of the scratch
# directory.  Trailing white space is not compared, nor the invisible
# direction marks (U+200E, U+200F, U+2066 to U+2069) that naqib-analyze
# puts after the Arabic cells of a table: no page can show them.
#
# Exit status: 0 when every example matches (or, with --update, once the
# page is written), 1 when one does not, 2 on a page that cannot be read.
use strict;
use warnings;

my ($update, $dir, $prelude, @map, $page) = (0);
while (@ARGV) {
	my $a = shift @ARGV;
	if ($a eq '--update') { $update = 1 }
	elsif ($a eq '--dir') { $dir = shift @ARGV }
	elsif ($a eq '--prelude') { $prelude = shift @ARGV }
	elsif ($a eq '--map') {
		my $m = shift @ARGV // '';
		$m =~ /^([^=]+)=(.*)$/s or usage("--map takes FROM=TO, not '$m'");
		push @map, [$1, $2];
	}
	elsif ($a =~ /^-/) { usage("unknown option '$a'") }
	else { usage("one page only") if defined $page; $page = $a }
}
usage("no page") unless defined $page;
usage("no --dir") unless defined $dir;
usage("no --prelude") unless defined $prelude;

sub usage {
	print STDERR "examples.pl: $_[0]\n",
	    "usage: examples.pl [--update] --dir DIR --prelude FILE [--map FROM=TO]... PAGE\n";
	exit 2;
}

open(my $fh, '<', $page) or do { print STDERR "examples.pl: $page: $!\n"; exit 2 };
my @src = <$fh>;
close $fh;
chomp @src;
my $roff = $page !~ /\.md$/;

my $errors = 0;
sub error { print STDERR "$page:$_[0]: $_[1]\n"; $errors++ }

# ---------------------------------------------------------------- roff

my %named = (
	aq => "'", dq => '"', Fo => "\xc2\xab", Fc => "\xc2\xbb",
	em => "\xe2\x80\x94", en => "\xe2\x80\x93", rs => '\\', ti => '~',
	ha => '^', lq => "\xe2\x80\x9c", rq => "\xe2\x80\x9d",
	oq => "\xe2\x80\x98", cq => "\xe2\x80\x99", bu => "\xe2\x80\xa2",
	'->' => "\xe2\x86\x92", '<-' => "\xe2\x86\x90", ga => '`', ul => '_',
);
my %single = (
	'-' => '-', 'e' => '\\', '\\' => '\\', '&' => '', '%' => '',
	'~' => ' ', ' ' => ' ', '|' => '', '^' => '', '.' => '.', '0' => ' ',
);

# One line of an .EX block as the reader sees it.
sub roff_decode {
	my ($s, $n) = @_;
	my $out = '';
	while ($s =~ /\G([^\\]*)\\(?:\(([^\s]{2})|\[([^\]]+)\]|f(?:\(..|\[[^\]]*\]|.)|(.))/gc) {
		$out .= $1;
		my $name = defined $2 ? $2 : $3;
		if (defined $name) {
			if (exists $named{$name}) { $out .= $named{$name} }
			else { error($n, "unknown roff escape \\($name in an example"); }
		} elsif (defined $4) {
			if (exists $single{$4}) { $out .= $single{$4} }
			else { error($n, "unknown roff escape \\$4 in an example"); }
		}
		# \f...: a font change, nothing to read.
	}
	$out .= substr($s, pos($s) // 0);
	return $out;
}

sub roff_encode {
	my ($s) = @_;
	$s =~ s/\\/\\e/g;
	$s =~ s/-/\\-/g;
	$s =~ s/'/\\(aq/g;
	$s = "\\&$s" if $s =~ /^[.']/;
	return $s;
}

# ---------------------------------------------------------------- blocks

# A block: its first line in the page (1-based), its kind, the directive,
# and its lines: [page line number, text as read].
my @blocks;
my $directive;

sub take_directive {
	my ($n, $text) = @_;
	error($n, "two directives for one block") if defined $directive;
	$directive = { line => $n, text => $text };
}

sub add_block {
	my ($n, $lines) = @_;
	my %b = (line => $n, lines => $lines, varies => [], skip => undef);
	if (defined $directive) {
		my $d = $directive->{text};
		if ($d =~ /^not run:\s*(\S.*)$/) {
			$b{skip} = $1;
		} elsif ($d eq 'output not shown') {
			$b{quiet} = 1;
		} elsif ($d eq 'same output') {
			$b{quiet} = $b{same} = 1;
		} elsif ($d =~ /^varies\s+(.*)$/) {
			my $rest = $1;
			while ($rest =~ /\G\s*(?:"([^"]*)"|(\S+))/gc) {
				push @{ $b{varies} }, defined $1 ? $1 : $2;
			}
		} else {
			error($directive->{line}, "unknown example directive '$d' (varies ..., output not shown, same output, not run: WHY)");
		}
		$directive = undef;
	}
	push @blocks, \%b;
}

if ($roff) {
	for (my $i = 0; $i < @src; $i++) {
		my $l = $src[$i];
		if ($l =~ /^\.\\"\s*example:\s*(.*?)\s*$/) {
			take_directive($i + 1, $1);
		} elsif ($l =~ /^\.EX\b/) {
			my $start = $i + 1;
			my @lines;
			for ($i++; $i < @src && $src[$i] !~ /^\.EE\b/; $i++) {
				push @lines, [$i + 1, roff_decode($src[$i], $i + 1)];
			}
			error($start, ".EX with no .EE") if $i >= @src;
			add_block($start, \@lines);
		}
	}
} else {
	my $blank = 1;
	for (my $i = 0; $i < @src; $i++) {
		my $l = $src[$i];
		if ($l =~ /^<!--\s*example:\s*(.*?)\s*-->\s*$/) {
			take_directive($i + 1, $1);
			next;
		} elsif ($l =~ /^```/) {
			my $start = $i + 1;
			my @lines;
			for ($i++; $i < @src && $src[$i] !~ /^```/; $i++) {
				push @lines, [$i + 1, $src[$i]];
			}
			add_block($start, \@lines);
			$blank = 0;
			next;
		} elsif ($blank && $l =~ /^    \S/) {
			my $start = $i + 1;
			my @lines;
			for (; $i < @src && $src[$i] =~ /^(    |\s*$)/; $i++) {
				push @lines, [$i + 1, length($src[$i]) >= 4 ? substr($src[$i], 4) : ""];
			}
			pop @lines while @lines && $lines[-1][1] =~ /^\s*$/;
			$i--;
			add_block($start, \@lines);
			$blocks[-1]{indent} = "    ";
			$blank = 0;
			next;
		}
		$blank = $l =~ /^\s*$/;
	}
}
error($directive->{line}, "a directive with no block after it") if defined $directive;

# ---------------------------------------------------------------- commands

# A command: where it is, its text, and its output as the page shows it
# (undef: not shown) with the page lines it spans.
my @commands;
my (@skipped, $n_blocks);

# The text of a command starting at $lines->[$k], and the index after it.
sub read_command {
	my ($lines, $k, $first) = @_;
	my $text = $first;
	my $last = $first;
	$k++;
	while (1) {
		my @heredocs = $last =~ /<<-?\s*['"]?(\w+)['"]?/g;
		@heredocs = () if $last =~ /<<</;
		for my $word (@heredocs) {
			while ($k < @$lines && $lines->[$k][1] ne $word) {
				$text .= "\n" . $lines->[$k][1];
				$k++;
			}
			if ($k < @$lines) {
				$text .= "\n" . $lines->[$k][1];
				$k++;
			} else {
				error($lines->[0][0], "a here-document with no '$word' line");
			}
		}
		last if @heredocs;
		last unless $last =~ /(\\|\||&&)\s*$/ && $k < @$lines;
		$last = $lines->[$k][1];
		$text .= "\n" . $last;
		$k++;
	}
	return ($text, $k);
}

for my $b (@blocks) {
	my $lines = $b->{lines};
	next unless @$lines;
	my $session = grep { $_->[1] =~ /^\$ / } @$lines;
	if ($roff && !$session) {
		error($b->{line}, "'varies' on a block that is not an example")
		    if @{ $b->{varies} };
		next;
	}
	if (defined $b->{skip}) {
		push @skipped, "$b->{line}: $b->{skip}";
		next;
	}
	$n_blocks++;
	my @cmds;
	my $k = 0;
	while ($k < @$lines) {
		my ($n, $l) = @{ $lines->[$k] };
		if ($session) {
			if ($l !~ /^\$ (.*)$/) {
				error($n, "output with no command before it");
				$k++;
				next;
			}
			my ($text, $next) = read_command($lines, $k, $1);
			my @out;
			for ($k = $next; $k < @$lines && $lines->[$k][1] !~ /^\$ /; $k++) {
				push @out, $lines->[$k];
			}
			error($n, "'output not shown', but the page shows some")
			    if $b->{quiet} && grep { $_->[1] !~ /^\s*$/ } @out;
			push @cmds, { line => $n, text => $text, out => $b->{quiet} ? undef : \@out,
			    block => $b };
		} else {
			if ($l =~ /^\s*$/) { $k++; next }
			my ($text, $next) = read_command($lines, $k, $l);
			$k = $next;
			push @cmds, { line => $n, text => $text, out => undef, block => $b };
		}
	}
	push @commands, @cmds;
	for my $v (@{ $b->{varies} }) {
		my $seen = grep { defined $_->{out} && grep { index($_->[1], $v) >= 0 } @{ $_->{out} } } @cmds;
		error($b->{line}, "'varies $v': no output of the block has it") unless $seen;
	}
}
exit 1 if $errors;

# ---------------------------------------------------------------- the run

sub write_file {
	my ($path, $text) = @_;
	open(my $f, '>', $path) or die "examples.pl: $path: $!\n";
	print $f $text;
	close $f or die "examples.pl: $path: $!\n";
}
sub read_file {
	my ($path) = @_;
	open(my $f, '<', $path) or return undef;
	local $/;
	my $t = <$f>;
	close $f;
	return $t;
}
sub sh_quote { my ($s) = @_; $s =~ s/'/'\\''/g; return "'$s'" }

my $script = ". " . sh_quote($prelude) . "\n_ex_status() { return \"\$1\"; }\n_ex_st=0\n";
for my $i (0 .. $#commands) {
	my $c = $commands[$i];
	my $text = $c->{text};
	$text =~ s/\Q$_->[0]\E/$_->[1]/g for @map;
	write_file("$dir/cmd.$i", $text . "\n");
	unlink "$dir/out.$i", "$dir/status.$i";
	my ($cmd, $out, $st) = map { sh_quote("$dir/$_.$i") } qw(cmd out status);
	$script .= "# $page:$c->{line}\n"
	    . "_ex_cmd=\$(cat $cmd); _ex_status \$_ex_st; eval \"\$_ex_cmd\" </dev/null >$out 2>&1; "
	    . "_ex_st=\$?; echo \$_ex_st >$st\n";
}
write_file("$dir/session.sh", $script);
system('bash', "$dir/session.sh");

# ---------------------------------------------------------------- compare

my $NUM = '[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?';

# A pattern for one line of output: the block's varying strings stand for
# figures of their shape.
sub line_pattern {
	my ($line, $varies) = @_;
	my @v = sort { length($b) <=> length($a) } @$varies;
	return quotemeta($line) unless @v;
	my $alt = join('|', map { quotemeta } @v);
	my $p = '';
	for my $part (split(/($alt)/, $line)) {
		if (grep { $_ eq $part } @v) {
			$p .= $part =~ /^[0-9]+(?:\.[0-9]+)?$/ ? $NUM : shape($part, 0);
		} else {
			$p .= quotemeta($part);
		}
	}
	return $p;
}

# A pattern for the string s with each run of digits any digits (fixed: as
# many digits as s has there).
sub shape {
	my ($s, $fixed) = @_;
	return join('', map {
		/^[0-9]+$/ ? ($fixed ? '[0-9]{' . length($_) . '}' : '[0-9]+') : quotemeta
	} split(/([0-9]+)/, $s));
}

sub clean_lines {
	my @l = map { my $x = $_; $x =~ s/\s+$//; $x } @_;
	pop @l while @l && $l[-1] eq '';
	return @l;
}

my ($failed, $ran) = (0, 0);
my @updates;
for my $i (0 .. $#commands) {
	my $c = $commands[$i];
	my $where = "$page:$c->{line}";
	my $status = read_file("$dir/status.$i");
	if (!defined $status) {
		print STDERR "$where: not run (the shell stopped before it)\n  \$ $c->{text}\n";
		$failed++;
		next;
	}
	$ran++;
	chomp $status;
	my $got = read_file("$dir/out.$i") // '';
	$got =~ s/\Q$_->[1]\E/$_->[0]/g for @map;
	# The marks that keep a table's Arabic cells apart: invisible, so no
	# page can show them.
	$got =~ s/\xe2\x80[\x8e\x8f]|\xe2\x81[\xa6-\xa9]//g;
	my @got = clean_lines(split(/\n/, $got, -1));
	my $shown = $i < $#commands && $commands[$i + 1]{text} =~ /^echo \$\?\s*$/
	    && $commands[$i + 1]{block} == $c->{block};
	if ($status ne '0' && !$shown) {
		print STDERR "$where: exit status $status\n  \$ $c->{text}\n",
		    map({ "  | $_\n" } @got);
		$failed++;
		next;
	}
	next unless defined $c->{out};
	my @want = clean_lines(map { $_->[1] } @{ $c->{out} });
	my $varies = $c->{block}{varies};
	my @pat = map { line_pattern($_, $varies) } @want;
	my $re = join('', map {
		$want[$_] eq "\xe2\x80\xa6" ? '(?:[^\n]*\n)*?' : "$pat[$_]\n"
	} 0 .. $#want);
	my $text = join('', map { "$_\n" } @got);
	next if $text =~ /\A$re\z/;
	$failed++;
	# The page's lines, those that match under their figures replaced by
	# what the run printed, so that the diff shows what changed.
	my @shown;
	for my $j (0 .. $#want) {
		push @shown, (defined $got[$j] && $got[$j] =~ /\A$pat[$j]\z/)
		    ? $got[$j] : $want[$j];
	}
	write_file("$dir/want.$i", join('', map { "$_\n" } @shown));
	write_file("$dir/got.$i", join('', map { "$_\n" } @got));
	print STDERR "$where: the output differs from the page's (- page, + run)\n  \$ $c->{text}\n";
	my $diff = `diff -U2 '$dir/want.$i' '$dir/got.$i' | tail -n +3`;
	print STDERR map { "  $_\n" } split(/\n/, $diff);
	if ($update) {
		if (grep { $_ eq "\xe2\x80\xa6" } @want) {
			print STDERR "  (not updated: the page's output has a '…' line; edit it by hand)\n";
			next;
		}
		# The page's own line where the run printed what it shows (the
		# page's lines taken in order, so that a line added or removed
		# does not shift the others), the run's line elsewhere, with the
		# block's marked figures in it where a figure of their shape is.
		my $indent = $c->{block}{indent} // '';
		my @new;
		my $k = 0;
		for my $j (0 .. $#got) {
			my $m;
			for (my $x = $k; $x <= $#want; $x++) {
				if ($got[$j] =~ /\A$pat[$x]\z/) { $m = $x; last }
			}
			if (defined $m) {
				push @new, $src[$c->{out}[$m][0] - 1];
				$k = $m + 1;
				next;
			}
			my $line = $got[$j];
			for my $v (sort { length($b) <=> length($a) } @$varies) {
				my $fixed = shape($v, 1);
				last if $line =~ s/(?<![0-9.])$fixed(?![0-9])/$v/;
			}
			push @new, $line eq '' ? '' : $indent . ($roff ? roff_encode($line) : $line);
		}
		my ($from, $count);
		if (@want) {
			$from = $c->{out}[0][0] - 1;
			$count = @want;
		} else {
			$from = $c->{line} + ($c->{text} =~ tr/\n//);
			$count = 0;
		}
		push @updates, [$from, $count, \@new];
	}
}

# The blocks whose commands must all print the same.
my %first;
for my $i (0 .. $#commands) {
	my $c = $commands[$i];
	next unless $c->{block}{same};
	my $got = read_file("$dir/out.$i");
	next unless defined $got;
	$got =~ s/\([0-9.]+ s\)$/(TIME s)/mg;
	write_file("$dir/same.$i", $got);
	if (!exists $first{$c->{block}}) {
		$first{$c->{block}} = $i;
		next;
	}
	my $f = $first{$c->{block}};
	next if $got eq read_file("$dir/same.$f");
	$failed++;
	print STDERR "$page:$c->{line}: the page says it prints what line $commands[$f]{line} prints (- line $commands[$f]{line}, + this one)\n",
	    "  \$ $c->{text}\n";
	my $diff = `diff -U1 '$dir/same.$f' '$dir/same.$i' | tail -n +3 | head -n 20`;
	print STDERR map { "  $_\n" } split(/\n/, $diff);
}

if ($update && @updates) {
	for my $u (sort { $b->[0] <=> $a->[0] } @updates) {
		my ($from, $count, $new) = @$u;
		splice(@src, $from, $count, @$new);
	}
	write_file("$page.new", join('', map { "$_\n" } @src));
	rename("$page.new", $page) or die "examples.pl: $page: $!\n";
	print STDERR "$page: ", scalar(@updates), " outputs rewritten: review them with git diff\n";
}
printf STDERR "%s: %d examples in %d blocks run, %d differ%s\n", $page, $ran,
    $n_blocks // 0, $failed,
    @skipped ? "; not run: " . join('; ', map { "line $_" } @skipped) : '';
exit(($failed && !$update) ? 1 : 0);
