// Plain-C facade over the system ICU (72).
//
// Why this exists: a Swift module that imports both Foundation and the system ICU
// headers fails to compile (Foundation bundles its own ICU and the UErrorCode enums
// clash), and ICU's versioned symbol names (uregex_open_72) are invisible to Swift.
// This header therefore uses only plain C types; the implementation includes
// <unicode/*.h> and is the only place that does.
#ifndef SUMI_CICU_BRIDGE_H
#define SUMI_CICU_BRIDGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// NFKC-normalizes `src` and records, for every UTF-16 unit written to `dst`,
/// the index in `src` of the start of the normalization segment it came from.
/// `map` must have room for `dstCap` entries. Returns the number of units needed;
/// if it exceeds `dstCap`, nothing useful was written and the caller retries with
/// a larger buffer. Returns -1 on an ICU error.
int32_t sumi_nfkc_map(const uint16_t *src, int32_t srcLen,
                      uint16_t *dst, int32_t *map, int32_t dstCap);

/// Best guess at the charset of `bytes` by ICU's detector. Writes a NUL-terminated
/// name into `nameOut`; returns the confidence 0...100, or -1 if nothing was detected.
int32_t sumi_detect_charset(const uint8_t *bytes, int32_t len, char *nameOut, int32_t nameCap);

/// A streaming byte → UTF-16 decoder. Keeps state across calls so a multi-byte
/// character split between two chunks decodes correctly.
typedef struct SumiDecoder SumiDecoder;

/// Opens a decoder for an ICU converter name (e.g. "windows-31j", "EUC-JP",
/// "ISO-2022-JP", "UTF-16LE", "UTF-8"). Returns NULL for an unknown name.
SumiDecoder *sumi_decoder_open(const char *charset);
/// Decodes `inLen` bytes into `out` (capacity `outCap`, which must be at least
/// 2 * inLen + 16). Illegal or unmappable sequences become U+FFFD and are counted
/// into `*errors`. `flush` != 0 for the last chunk. Returns units written or -1.
int32_t sumi_decoder_decode(SumiDecoder *decoder, const uint8_t *in, int32_t inLen,
                            uint16_t *out, int32_t outCap, int32_t flush, int64_t *errors);
void sumi_decoder_close(SumiDecoder *decoder);

/// Encodes UTF-16 text into the charset named by an ICU converter name (the inverse of the
/// decoder, for writing a redacted copy in the file's own charset). Returns the bytes
/// written; -2 when a character has no mapping in the charset (nothing is substituted);
/// -3 when `outCap` is too small; -1 for an unknown charset or another error.
int32_t sumi_encode(const char *charset, const uint16_t *src, int32_t srcLen, uint8_t *out, int32_t outCap);

/// Break kinds for `sumi_breaks`.
enum { SUMI_BREAK_SENTENCE = 0, SUMI_BREAK_WORD = 1 };

/// Writes the boundary offsets (UTF-16 indices, including 0 and len) of `text`
/// for the given kind into `out`. Returns the number of boundaries (which may
/// exceed `outCap`; then only the first `outCap` were written), or -1 on error.
int32_t sumi_breaks(int32_t kind, const uint16_t *text, int32_t len, int32_t *out, int32_t outCap);

/// A compiled ICU regular expression. Not thread-safe: clone one per thread.
typedef struct SumiRegex SumiRegex;

enum { SUMI_REGEX_CASE_INSENSITIVE = 2, SUMI_REGEX_COMMENTS = 4, SUMI_REGEX_DOTALL = 32, SUMI_REGEX_MULTILINE = 8 };

/// Compiles `pattern`. On failure returns NULL and writes a NUL-terminated
/// message (with the offset of the error) into `errorOut`.
SumiRegex *sumi_regex_compile(const uint16_t *pattern, int32_t len, uint32_t flags,
                              char *errorOut, int32_t errorCap);
SumiRegex *sumi_regex_clone(const SumiRegex *regex);
void sumi_regex_close(SumiRegex *regex);
/// Number of capture groups in the pattern.
int32_t sumi_regex_group_count(SumiRegex *regex);
/// Sets the subject text. The buffer must stay alive and unchanged while matching.
int32_t sumi_regex_set_text(SumiRegex *regex, const uint16_t *text, int32_t len);
/// Limits matching to [start, end) with transparent bounds (look-behind and
/// look-ahead see past the region) and resets the search to `start`.
int32_t sumi_regex_set_region(SumiRegex *regex, int32_t start, int32_t end);
/// Finds the next match in the region. Returns 1 and the span of group `group`
/// (0 = whole match; -1/-1 if the group did not take part) in `*start`/`*end`,
/// 0 when there is no further match, -1 on error (e.g. time limit).
int32_t sumi_regex_find_next(SumiRegex *regex, int32_t *start, int32_t *end);
/// Span of capture group `group` of the last match.
int32_t sumi_regex_group(SumiRegex *regex, int32_t group, int32_t *start, int32_t *end);

#ifdef __cplusplus
}
#endif
#endif
