/* The floor for Sumi's PDF reading (Tools/bench/pdf.sh): what poppler-glib itself costs for
 * the calls Sumi makes on every page (text, one box per character, text attributes, links,
 * annotations, form fields), with no processing of the results. Prints seconds, in-process.
 *   cc -O2 poppler_floor.c $(pkg-config --cflags --libs poppler-glib) -o poppler_floor
 *   ./poppler_floor FILE.pdf */
#include <poppler.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: poppler_floor FILE.pdf\n"); return 2; }
    double start = now();
    gchar *uri = g_filename_to_uri(argv[1], NULL, NULL);
    PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, NULL);
    if (!doc) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
    int pages = poppler_document_get_n_pages(doc);
    for (int i = 0; i < pages; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        g_free(poppler_page_get_text(page));
        PopplerRectangle *rects; guint n;
        if (poppler_page_get_text_layout(page, &rects, &n)) g_free(rects);
        poppler_page_free_text_attributes(poppler_page_get_text_attributes(page));
        poppler_page_free_link_mapping(poppler_page_get_link_mapping(page));
        poppler_page_free_annot_mapping(poppler_page_get_annot_mapping(page));
        poppler_page_free_form_field_mapping(poppler_page_get_form_field_mapping(page));
        g_object_unref(page);
    }
    g_object_unref(doc);
    g_free(uri);
    printf("%.3f\n", now() - start);
    return 0;
}
