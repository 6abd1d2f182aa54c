#ifndef CXMLBRIDGE_H
#define CXMLBRIDGE_H
// libxml2's streaming reader behind plain C types. libxml2's own headers include the system
// ICU headers, which must never meet Foundation's bundled ICU in a Swift module (the ICU
// pitfall in DEVELOPERS.md): only this header is visible to Swift.
#include <stdint.h>

typedef struct SumiXMLReader SumiXMLReader;

// Node types (libxml2's xmlReaderTypes).
enum {
    SUMI_XML_ELEMENT = 1, SUMI_XML_TEXT = 3, SUMI_XML_CDATA = 4, SUMI_XML_ENTITY_REFERENCE = 5,
    SUMI_XML_ENTITY = 6, SUMI_XML_DOCUMENT_TYPE = 10, SUMI_XML_WHITESPACE = 13,
    SUMI_XML_SIGNIFICANT_WHITESPACE = 14, SUMI_XML_END_ELEMENT = 15
};

/// A reader over bytes in memory (not copied: they must outlive the reader). No network, no
/// DTD loading, entities never substituted, libxml2's depth limit; errors are counted, never
/// printed. NULL when it cannot start.
SumiXMLReader *sumi_xml_open(const uint8_t *bytes, int32_t length);
/// 1: a node was read; 0: the end; -1: an error stopped the parse.
int32_t sumi_xml_read(SumiXMLReader *reader);
int32_t sumi_xml_node_type(SumiXMLReader *reader);
/// The qualified name of the current node, or of the current attribute (UTF-8, NULL if none).
const char *sumi_xml_name(SumiXMLReader *reader);
/// The text of a text node, or the value of the current attribute (UTF-8, NULL if none).
const char *sumi_xml_value(SumiXMLReader *reader);
int32_t sumi_xml_is_empty_element(SumiXMLReader *reader);
int32_t sumi_xml_has_attributes(SumiXMLReader *reader);
/// Moves to the next attribute of the current element: 1 when it did.
int32_t sumi_xml_next_attribute(SumiXMLReader *reader);
void sumi_xml_move_to_element(SumiXMLReader *reader);
/// Errors (not warnings) reported so far, and the first one's message.
int32_t sumi_xml_error_count(SumiXMLReader *reader);
const char *sumi_xml_first_error(SumiXMLReader *reader);
void sumi_xml_close(SumiXMLReader *reader);

#endif
