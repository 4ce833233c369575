/* Repairs of Arabic text as extractors give it (arabic.c): what a PDF's
 * text layer, read by poppler or MuPDF, does to Arabic, undone where it
 * can be told from the text alone.  Each repair is a flag, so that a
 * bench can measure each one on and off (bench/extract-quality); the
 * readers ask for FMT_AR_ALL. */
#ifndef NAQIB_FORMATS_ARABIC_H
#define NAQIB_FORMATS_ARABIC_H

#include <stddef.h>

/* The bidi controls an extractor writes around each word and number
 * (U+202A..E, U+2066..9, U+200E/F, U+061C) are dropped. */
#define FMT_AR_BIDI 0x01u
/* Where one embedding closes and the next opens with nothing between,
 * poppler lost a space: one is put there (the first two words of each
 * line of right-to-left text run together without it). */
#define FMT_AR_SPLIT 0x02u
/* A line whose Arabic words read backwards (the glyphs were taken in the
 * order they are drawn, left to right) is turned around, its runs of
 * digits and Latin letters kept as they read. */
#define FMT_AR_VISUAL 0x04u
/* Presentation forms (U+FB50..FDFF, U+FE70..FEFC) are the letters they
 * show; U+FEFF is dropped. */
#define FMT_AR_FORMS 0x08u
/* A lam-alef ligature whose two letters came out backwards: alef, then
 * alef and lam ("األمين") is alef, lam, alef ("الأمين"); the word "ال"
 * alone is "لا". */
#define FMT_AR_LAMALEF 0x10u
/* A word cut at a kashida (tatweel, then white space, then tatweel) is
 * one word again. */
#define FMT_AR_KASHIDA 0x20u
/* Not a repair of the text but a way of reading it: a PDF's text is
 * rebuilt from where its glyphs stand (layout.h), in logical order, rather
 * than taken as poppler strings it together.  A flag, so that the bench
 * measures both. */
#define FMT_AR_LAYOUT 0x40u
#define FMT_AR_ALL 0x7fu

/* The repairs the readers make: FMT_AR_ALL, unless a bench says
 * otherwise. */
extern unsigned fmt_arabic_repairs;

/* The names of the repairs, for a bench: "bidi", "split", ... (the i-th
 * flag is 1u << i); NULL past the last. */
const char *fmt_arabic_repair_name(size_t i);

/* Repairs s[0..len) (UTF-8; a byte that is not part of valid UTF-8 is
 * U+FFFD) with the repairs `what`.  *out is malloc'd, NUL-terminated, of
 * *out_len bytes (caller frees).  Returns 0 or NAQIB_E_NOMEM. */
int fmt_arabic_repair(const char *s, size_t len, unsigned what, char **out,
		      size_t *out_len);

#endif
