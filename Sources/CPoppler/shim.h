// poppler-glib with cairo, for PDF text, layout, annotations and page rendering;
// zlib, for a quick look into content streams before deciding to render a page.
#include <poppler.h>
#include <cairo.h>
#include <glib.h>
#include <zlib.h>
