#include "CXMLBridge.h"
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

struct SumiXMLReader {
    xmlTextReaderPtr reader;
    int32_t errors;
    char first[256];
};

static void on_error(void *context, xmlErrorPtr error) {
    SumiXMLReader *r = (SumiXMLReader *)context;
    if (!r || !error || error->level < XML_ERR_ERROR) return; // warnings are not errors
    if (r->errors == 0 && error->message) {
        strncpy(r->first, error->message, sizeof(r->first) - 1);
        r->first[sizeof(r->first) - 1] = 0;
        size_t n = strlen(r->first);
        while (n > 0 && (r->first[n - 1] == '\n' || r->first[n - 1] == ' ')) r->first[--n] = 0;
    }
    r->errors++;
}

static int initialized = 0;

SumiXMLReader *sumi_xml_open(const uint8_t *bytes, int32_t length) {
    if (!initialized) { xmlInitParser(); initialized = 1; }
    if (!bytes || length <= 0) return NULL;
    int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_NOXINCNODE;
    xmlTextReaderPtr reader = xmlReaderForMemory((const char *)bytes, length, NULL, NULL, options);
    if (!reader) return NULL;
    SumiXMLReader *r = calloc(1, sizeof(SumiXMLReader));
    if (!r) { xmlFreeTextReader(reader); return NULL; }
    r->reader = reader;
    xmlTextReaderSetStructuredErrorHandler(reader, on_error, r);
    return r;
}

int32_t sumi_xml_read(SumiXMLReader *r) { return r ? xmlTextReaderRead(r->reader) : -1; }
int32_t sumi_xml_node_type(SumiXMLReader *r) { return r ? xmlTextReaderNodeType(r->reader) : -1; }
const char *sumi_xml_name(SumiXMLReader *r) { return r ? (const char *)xmlTextReaderConstName(r->reader) : NULL; }
const char *sumi_xml_value(SumiXMLReader *r) { return r ? (const char *)xmlTextReaderConstValue(r->reader) : NULL; }
int32_t sumi_xml_is_empty_element(SumiXMLReader *r) { return r ? xmlTextReaderIsEmptyElement(r->reader) : 0; }
int32_t sumi_xml_has_attributes(SumiXMLReader *r) { return r ? xmlTextReaderHasAttributes(r->reader) : 0; }
int32_t sumi_xml_next_attribute(SumiXMLReader *r) { return r ? xmlTextReaderMoveToNextAttribute(r->reader) : 0; }
void sumi_xml_move_to_element(SumiXMLReader *r) { if (r) xmlTextReaderMoveToElement(r->reader); }
int32_t sumi_xml_error_count(SumiXMLReader *r) { return r ? r->errors : 0; }
const char *sumi_xml_first_error(SumiXMLReader *r) { return (r && r->errors > 0) ? r->first : NULL; }
void sumi_xml_close(SumiXMLReader *r) { if (!r) return; xmlFreeTextReader(r->reader); free(r); }
