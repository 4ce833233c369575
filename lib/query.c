/* The query front end: what a person typed is rewritten into the text given
 * to Xapian's QueryParser.  Every word is replaced by its normalized form,
 * found by the same analysis as at index time, so that the parser sees
 * exactly the words the index holds; the syntax around the words (quotes,
 * parentheses, + - * : and the operators AND OR NOT XOR NEAR ADJ) is kept.
 * The parser then stems the words with naqib_analyzer_stem(). */
#include <string.h>

#include "naqib.h"
#include "internal.h"

static int is_operator(const char *s, size_t n)
{
	static const char *const ops[] = { "AND", "OR", "NOT", "XOR",
					   "NEAR", "ADJ" };

	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (strlen(ops[i]) == n && memcmp(ops[i], s, n) == 0)
			return 1;
	return 0;
}

/* Copies the text between two words, keeping the characters that are query
 * syntax and turning everything else into spaces, so that the parser cannot
 * glue two of our words into one of its own (it reads _ & ' as parts of
 * words).  Typographic quotes become the parser's ". */
static int copy_gap(_naqib_buf_t *out, const char *s, size_t from, size_t to)
{
	int st = NAQIB_OK;

	for (size_t i = from; i < to && !st;) {
		unsigned c = _naqib_utf8_next(s, &i);
		switch (c) {
		case '"': case '(': case ')': case '+': case '-': case '*':
		case '/': case ':':
			st = _naqib_buf_addc(out, (char)c);
			break;
		case 0x00AB: case 0x00BB: /* « » */
		case 0x201C: case 0x201D: case 0x201E: /* “ ” „ */
			st = _naqib_buf_addc(out, '"');
			break;
		default:
			if (!out->len || out->data[out->len - 1] != ' ')
				st = _naqib_buf_addc(out, ' ');
		}
	}
	return st;
}

int _naqib_query_rewrite(naqib_analyzer_t *a, const char *text, size_t len,
			 _naqib_buf_t *out, _naqib_buf_t *prefixes)
{
	const naqib_token_t *t;
	size_t n, pos = 0;
	int st;

	out->len = 0;
	prefixes->len = 0;
	if ((st = _naqib_buf_reserve(out, len)) ||
	    (st = _naqib_buf_reserve(prefixes, 0)))
		return st;
	out->data[0] = prefixes->data[0] = '\0';
	size_t bad;
	if (naqib_utf8_check(text, len, &bad))
		return _naqib_fail(NAQIB_E_UTF8,
				   "the query is not valid UTF-8 (at byte %zu)",
				   bad);
	if ((st = naqib_analyze(a, text, len, &t, &n)))
		return st;
	for (size_t k = 0; k < n; k++) {
		const naqib_token_t *tok = &t[k];
		if (tok->start >= pos) {
			if ((st = copy_gap(out, text, pos, tok->start)))
				return st;
		}
		if (out->len && out->data[out->len - 1] != ' ' &&
		    strchr("\"(+-:/", out->data[out->len - 1]) == NULL &&
		    (st = _naqib_buf_addc(out, ' ')))
			return st;
		if (tok->flags & NAQIB_TOKEN_TOO_LONG) {
			/* Never in the index: no term for it. */
		} else if (is_operator(text + tok->start,
				       tok->end - tok->start)) {
			st = _naqib_buf_add(out, text + tok->start,
					    tok->end - tok->start);
		} else {
			st = _naqib_buf_add(out, tok->norm, tok->norm_len);
			if (!st && tok->end < len && text[tok->end] == '*' &&
			    (k + 1 == n || t[k + 1].start > tok->start)) {
				/* A wildcard: remember its prefix for the
				 * highlighting, one NUL-terminated string
				 * each. */
				if (!(st = _naqib_buf_add(prefixes, tok->norm,
							  tok->norm_len)))
					st = _naqib_buf_addc(prefixes, '\0');
			}
		}
		if (st)
			return st;
		if (tok->end > pos)
			pos = tok->end;
	}
	return copy_gap(out, text, pos, len);
}
