// libxml2's streaming reader (xmlTextReader), the XML parser most document tools use on
// hostile input: no network, no external DTD, entities left unexpanded, a depth limit.
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
