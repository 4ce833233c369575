/* Optical character recognition with Tesseract (image.c), for images and
 * for the pages of a PDF that have no text layer (pdf.c). */
#ifndef NAQIB_FORMATS_OCR_H
#define NAQIB_FORMATS_OCR_H

#include <stddef.h>

#include "util/util.h"

/* Reads the text of an image of w x h pixels, 0x00RRGGBB in 32 bits each
 * (cairo's RGB24), stride bytes a row, scanned at dpi, in the languages
 * of fmt_options.ocr_lang: appends it to out (after a line break when
 * out is not empty) and sets *conf to the mean confidence of its words
 * (0 to 100).  Returns 0, or -1 with a message in why. */
int fmt_ocr_rgb(const unsigned char *data, int w, int h, int stride, int dpi,
		_naqib_buf_t *out, int *conf, char *why, size_t why_len);

#endif
