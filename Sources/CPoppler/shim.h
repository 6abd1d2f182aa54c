// poppler-glib with cairo, for PDF text, layout, annotations and page rendering.
#include <poppler.h>
#include <cairo.h>
#include <glib.h>
