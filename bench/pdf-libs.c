/* bench/pdf-libs' helper: the text of a PDF as poppler-glib or MuPDF
 * extracts it, page after page (a form feed between), on standard output,
 * so that the two libraries are measured on the same files.
 *   pdf-libs poppler|poppler-rtl|mupdf|mupdf-gaps FILE.pdf
 * poppler: poppler_page_get_text(), the page selected from its top left
 * corner to its bottom right; poppler-rtl: from its top right corner to
 * its bottom left, where a right-to-left page begins and ends; mupdf:
 * MuPDF's text of the page; mupdf-gaps: with the spaces MuPDF left out
 * put back (put_gapped()). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mupdf/fitz.h>
#include <poppler.h>

static int with_poppler(const char *path, int rtl)
{
	GError *err = NULL;
	gchar *uri = g_filename_to_uri(path, NULL, &err);
	PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL,
								   &err) : NULL;

	g_free(uri);
	if (!doc) {
		fprintf(stderr, "pdf-libs: %s: %s\n", path,
			err ? err->message : "?");
		return 1;
	}
	int n = poppler_document_get_n_pages(doc);
	for (int i = 0; i < n; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		gchar *text = NULL;
		if (page && !rtl) {
			text = poppler_page_get_text(page);
		} else if (page) {
			double w, h;
			poppler_page_get_size(page, &w, &h);
			PopplerRectangle r = { w, 0, 0, h };
			text = poppler_page_get_text_for_area(page, &r);
		}
		printf("%s%s", i ? "\f" : "", text ? text : "");
		g_free(text);
		if (page)
			g_object_unref(page);
	}
	g_object_unref(doc);
	return 0;
}

/* The text of a MuPDF text page, with a space wherever two characters of
 * a line stand apart by more than a fifth of their size and the page has
 * none (MuPDF 1.19 puts none between the words of right-to-left lines
 * that LibreOffice places one by one). */
static void put_gapped(fz_stext_page *text)
{
	for (fz_stext_block *b = text->first_block; b; b = b->next) {
		if (b->type != FZ_STEXT_BLOCK_TEXT)
			continue;
		for (fz_stext_line *l = b->u.t.first_line; l; l = l->next) {
			fz_stext_char *prev = NULL;
			for (fz_stext_char *c = l->first_char; c; c = c->next) {
				if (prev && prev->c != ' ' && c->c != ' ') {
					fz_rect a = fz_rect_from_quad(prev->quad);
					fz_rect r = fz_rect_from_quad(c->quad);
					float gap = r.x0 >= a.x1 ? r.x0 - a.x1 :
						    a.x0 >= r.x1 ? a.x0 - r.x1 : 0;
					if (gap > c->size * 0.2f)
						putchar(' ');
				}
				char u[8];
				int n = fz_runetochar(u, c->c);
				fwrite(u, 1, (size_t)n, stdout);
				prev = c;
			}
			putchar('\n');
		}
		putchar('\n');
	}
}

static int with_mupdf(const char *path, int gaps)
{
	fz_context *ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	fz_document *doc = NULL;
	int st = 0;

	fz_register_document_handlers(ctx);
	fz_try(ctx) {
		doc = fz_open_document(ctx, path);
		int n = fz_count_pages(ctx, doc);
		for (int i = 0; i < n; i++) {
			fz_stext_options opts = { 0 };
			fz_page *page = fz_load_page(ctx, doc, i);
			fz_stext_page *text = fz_new_stext_page_from_page(ctx,
								page, &opts);
			if (i)
				putchar('\f');
			if (gaps) {
				put_gapped(text);
			} else {
				fz_buffer *buf = fz_new_buffer_from_stext_page(
					ctx, text);
				unsigned char *data;
				size_t len = fz_buffer_storage(ctx, buf, &data);
				printf("%.*s", (int)len, data);
				fz_drop_buffer(ctx, buf);
			}
			fz_drop_stext_page(ctx, text);
			fz_drop_page(ctx, page);
		}
	}
	fz_always(ctx)
		fz_drop_document(ctx, doc);
	fz_catch(ctx) {
		fprintf(stderr, "pdf-libs: %s: %s\n", path,
			fz_caught_message(ctx));
		st = 1;
	}
	fz_drop_context(ctx);
	return st;
}

int main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[1], "poppler") &&
			  strcmp(argv[1], "poppler-rtl") &&
			  strcmp(argv[1], "mupdf") &&
			  strcmp(argv[1], "mupdf-gaps"))) {
		fprintf(stderr, "usage: pdf-libs poppler|poppler-rtl|mupdf|"
			"mupdf-gaps "
			"FILE.pdf\n");
		return 2;
	}
	if (!strncmp(argv[1], "mupdf", 5))
		return with_mupdf(argv[2], !strcmp(argv[1], "mupdf-gaps"));
	return with_poppler(argv[2], !strcmp(argv[1], "poppler-rtl"));
}
