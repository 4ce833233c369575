/* Images (PNG, JPEG, TIFF): their text, read by OCR with Tesseract in the
 * languages of --ocr-lang, only with --ocr (FMT_OCR).  The record has
 * NAQIB_RECORD_OCR and the mean confidence of the words read; its title
 * is the text's first sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "formats/arabic.h"
#include "formats/ocr.h"
#include "formats/reader.h"
#include "formats/workers.h"
#include "util/util.h"

/* An image above this many pixels is not decoded: a PNG of a few bytes
 * can say 100000 x 100000 pixels (a page at 300 dpi is 9 million). */
#define MAX_PIXELS (120u * 1000 * 1000)

/* Tesseract, started once for a process (its models take a third of a
 * second to load) in the languages it was started for. */
static TessBaseAPI *api;
static char api_lang[64];

static TessBaseAPI *tesseract(char *why, size_t why_len)
{
	const char *lang = fmt_options.ocr_lang && *fmt_options.ocr_lang
				   ? fmt_options.ocr_lang : "ara+fra";

	if (api && !strcmp(api_lang, lang))
		return api;
	if (api) {
		TessBaseAPIEnd(api);
		TessBaseAPIDelete(api);
		api = NULL;
	}
	if (strlen(lang) >= sizeof api_lang) {
		snprintf(why, why_len, "--ocr-lang '%s': too long", lang);
		return NULL;
	}
	TessBaseAPI *a = TessBaseAPICreate();
	if (!a) {
		snprintf(why, why_len, "cannot start Tesseract");
		return NULL;
	}
	/* Tesseract writes its warnings to standard error, which a
	 * reader must leave alone. */
	TessBaseAPISetVariable(a, "debug_file", "/dev/null");
	if (TessBaseAPIInit3(a, NULL, lang)) {
		TessBaseAPIDelete(a);
		snprintf(why, why_len, "Tesseract has no model for '%s' "
			 "(--ocr-lang; tesseract --list-langs)", lang);
		return NULL;
	}
	TessBaseAPISetVariable(a, "debug_file", "/dev/null");
	/* The API reads a page as one block of text unless told; the
	 * command line finds the page's layout first (a heading, columns),
	 * which reads better: 0.014 against 0.041 of CER on a clean page
	 * of corpus/files/scans. */
	TessBaseAPISetPageSegMode(a, PSM_AUTO);
	api = a;
	snprintf(api_lang, sizeof api_lang, "%s", lang);
	return api;
}

/* Recognizes what is set in a, appending the text to out. */
static int recognize(TessBaseAPI *a, _naqib_buf_t *out, int *conf, char *why,
		     size_t why_len)
{
	char *text = TessBaseAPIGetUTF8Text(a);

	if (!text) {
		snprintf(why, why_len, "Tesseract could not read the image");
		TessBaseAPIClear(a);
		return -1;
	}
	*conf = TessBaseAPIMeanTextConf(a);
	if (*conf < 0)
		*conf = 0;
	if (out->len)
		_naqib_buf_addc(out, '\n');
	_naqib_buf_adds(out, text);
	TessDeleteText(text);
	TessBaseAPIClear(a);
	return 0;
}

int fmt_ocr_rgb(const unsigned char *data, int w, int h, int stride, int dpi,
		_naqib_buf_t *out, int *conf, char *why, size_t why_len)
{
	TessBaseAPI *a = tesseract(why, why_len);

	if (!a)
		return -1;
	unsigned char *grey = malloc((size_t)w * (size_t)h);
	if (!grey) {
		snprintf(why, why_len, "out of memory");
		return -1;
	}
	for (int y = 0; y < h; y++) {
		const unsigned char *row = data + (size_t)y * (size_t)stride;
		for (int x = 0; x < w; x++) {
			unsigned p;
			memcpy(&p, row + 4 * (size_t)x, 4);
			unsigned r = (p >> 16) & 0xff, g = (p >> 8) & 0xff,
				 b = p & 0xff;
			grey[(size_t)y * (size_t)w + (size_t)x] =
				(unsigned char)((r * 299 + g * 587 + b * 114) /
						1000);
		}
	}
	TessBaseAPISetImage(a, grey, w, h, 1, w);
	TessBaseAPISetSourceResolution(a, dpi);
	int st = recognize(a, out, conf, why, why_len);
	free(grey);
	return st;
}

int fmt_image_read(const char *id, char *data, size_t len,
		      const fmt_callbacks_t *cb)
{
	char why[256] = "";
	l_int32 format, w = 0, h = 0, bps, spp, cmap;

	if (!fmt_options.ocr) {
		fmt_bad(cb, 0, "an image: read with --ocr only; left out");
		return NAQIB_OK;
	}
	/* Leptonica tells its errors on standard error too. */
	setMsgSeverity(L_SEVERITY_NONE);
	if (pixReadHeaderMem((const l_uint8 *)data, len, &format, &w, &h, &bps,
			     &spp, &cmap) || w <= 0 || h <= 0) {
		fmt_bad(cb, 0, "not an image leptonica can read (damaged or "
			"truncated?)");
		return NAQIB_OK;
	}
	if ((unsigned long long)w * (unsigned long long)h > MAX_PIXELS) {
		fmt_bad(cb, 0, "image of %dx%d pixels: too large to read",
			(int)w, (int)h);
		return NAQIB_OK;
	}
	PIX *pix = pixReadMem((const l_uint8 *)data, len);
	if (!pix) {
		fmt_bad(cb, 0, "not an image leptonica can read (damaged or "
			"truncated?)");
		return NAQIB_OK;
	}
	TessBaseAPI *a = tesseract(why, sizeof why);
	if (!a) {
		pixDestroy(&pix);
		fmt_bad(cb, 0, "OCR: %s", why);
		return NAQIB_OK;
	}
	l_int32 xres = pixGetXRes(pix);
	TessBaseAPISetImage2(a, pix);
	/* A PNG that says no resolution was most likely scanned at 300
	 * dpi; Tesseract guesses worse. */
	TessBaseAPISetSourceResolution(a, xres >= 70 && xres <= 2400 ? xres
								    : 300);
	_naqib_buf_t raw = NAQIB_BUF_INIT;
	int conf = 0;
	int failed = recognize(a, &raw, &conf, why, sizeof why);
	pixDestroy(&pix);
	if (failed) {
		_naqib_buf_free(&raw);
		fmt_bad(cb, 0, "OCR: %s", why);
		return NAQIB_OK;
	}
	char *body = NULL;
	size_t n = 0;
	if (raw.failed || fmt_arabic_repair(raw.data, raw.len,
					    fmt_arabic_repairs, &body, &n)) {
		_naqib_buf_free(&raw);
		return _naqib_fail(NAQIB_E_NOMEM, "out of memory");
	}
	_naqib_buf_free(&raw);
	size_t from = 0, to = n;
	fmt_trim(body, &from, &to);
	body[to] = '\0';
	if (from == to) {
		fmt_bad(cb, 0, "OCR found no text in the image");
		free(body);
		return NAQIB_OK;
	}
	fmt_doc_t d = { .line = 1 };
	d.rec.id = id;
	d.rec.path = id;
	d.rec.format = "image";
	d.rec.pages = 1;
	d.rec.body = body + from;
	d.rec.flags = NAQIB_RECORD_OCR | NAQIB_RECORD_TITLE_FROM_TEXT;
	d.rec.ocr_confidence = (unsigned)conf;
	char *title = NULL;
	int st = fmt_title_from_text(d.rec.body, to - from, &title);
	if (!st) {
		d.rec.title = title;
		st = cb->doc(&d, cb->ctx);
	}
	free(title);
	free(body);
	return st;
}
