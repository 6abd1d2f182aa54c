// Implementation of the plain-C ICU facade; see include/CICUBridge.h for why it exists.
#include "CICUBridge.h"

#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unicode/utypes.h>
#include <unicode/unorm2.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/utf16.h>

// MARK: normalization

int32_t sumi_nfkc_map(const uint16_t *src, int32_t srcLen, uint16_t *dst, int32_t *map, int32_t dstCap) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t written = 0;
    int32_t segStart = 0;
    // Walk segments that begin at a normalization boundary: each segment normalizes
    // independently, so every output unit can be traced back to its segment's start.
    while (segStart < srcLen) {
        // Copy the longest already-normalized run in one go (most Japanese text is):
        // ICU ends the span at a normalization boundary, so the rest can start a segment.
        status = U_ZERO_ERROR;
        int32_t span = unorm2_spanQuickCheckYes(nfkc, (const UChar *)src + segStart, srcLen - segStart, &status);
        if (U_FAILURE(status)) return -1;
        for (int32_t i = 0; i < span; i++) {
            if (written + i < dstCap) { dst[written + i] = src[segStart + i]; map[written + i] = segStart + i; }
        }
        written += span;
        segStart += span;
        if (segStart >= srcLen) break;
        int32_t segEnd = segStart;
        UChar32 c;
        U16_NEXT(src, segEnd, srcLen, c);
        while (segEnd < srcLen) {
            int32_t probe = segEnd;
            UChar32 d;
            U16_NEXT(src, probe, srcLen, d);
            if (unorm2_hasBoundaryBefore(nfkc, d)) break;
            segEnd = probe;
        }
        int32_t segLen = segEnd - segStart;
        int32_t room = written < dstCap ? dstCap - written : 0;
        status = U_ZERO_ERROR;
        int32_t produced;
        if (segLen == 1 && unorm2_isNormalized(nfkc, (const UChar *)src + segStart, 1, &status) && U_SUCCESS(status)) {
            // Fast path: most characters are already normalized.
            if (room >= 1) { dst[written] = src[segStart]; map[written] = segStart; }
            produced = 1;
        } else {
            status = U_ZERO_ERROR;
            produced = unorm2_normalize(nfkc, (const UChar *)src + segStart, segLen,
                                        room > 0 ? (UChar *)dst + written : NULL, room, &status);
            if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
            if (U_FAILURE(status)) return -1;
            if (produced <= room) for (int32_t i = 0; i < produced; i++) map[written + i] = segStart;
        }
        written += produced;
        segStart = segEnd;
    }
    return written;
}

// MARK: charset detection

int32_t sumi_detect_charset(const uint8_t *bytes, int32_t len, char *nameOut, int32_t nameCap) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(det, (const char *)bytes, len, &status);
    const UCharsetMatch *match = ucsdet_detect(det, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match) {
        const char *name = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && name && nameCap > 0) {
            strncpy(nameOut, name, (size_t)nameCap - 1);
            nameOut[nameCap - 1] = 0;
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(det);
    return confidence;
}

// MARK: decoding

struct SumiDecoder {
    UConverter *conv;
    int64_t errors;
};

static void U_CALLCONV countingSubstitute(const void *context, UConverterToUnicodeArgs *args,
                                          const char *codeUnits, int32_t length,
                                          UConverterCallbackReason reason, UErrorCode *err) {
    if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
        ((struct SumiDecoder *)context)->errors += 1;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, err);
}

SumiDecoder *sumi_decoder_open(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &status);
    if (U_FAILURE(status) || !conv) return NULL;
    SumiDecoder *d = calloc(1, sizeof(SumiDecoder));
    if (!d) { ucnv_close(conv); return NULL; }
    d->conv = conv;
    ucnv_setToUCallBack(conv, countingSubstitute, d, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(conv); free(d); return NULL; }
    return d;
}

int32_t sumi_decoder_decode(SumiDecoder *d, const uint8_t *in, int32_t inLen,
                            uint16_t *out, int32_t outCap, int32_t flush, int64_t *errors) {
    if (!d) return -1;
    UErrorCode status = U_ZERO_ERROR;
    const char *source = (const char *)in;
    const char *sourceLimit = source + inLen;
    UChar *target = (UChar *)out;
    UChar *targetLimit = target + outCap;
    d->errors = 0;
    ucnv_toUnicode(d->conv, &target, targetLimit, &source, sourceLimit, NULL, (UBool)(flush != 0), &status);
    if (errors) *errors += d->errors;
    if (U_FAILURE(status)) return -1;
    return (int32_t)(target - (UChar *)out);
}

int32_t sumi_encode(const char *charset, const uint16_t *src, int32_t srcLen, uint8_t *out, int32_t outCap) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &status);
    if (U_FAILURE(status) || !conv) return -1;
    ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(conv); return -1; }
    int32_t n = ucnv_fromUChars(conv, (char *)out, outCap, (const UChar *)src, srcLen, &status);
    ucnv_close(conv);
    if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND) return -2;
    if (status == U_BUFFER_OVERFLOW_ERROR) return -3;
    if (U_FAILURE(status)) return -1;
    return n;
}

void sumi_decoder_close(SumiDecoder *d) {
    if (!d) return;
    ucnv_close(d->conv);
    free(d);
}

// MARK: break iteration

int32_t sumi_breaks(int32_t kind, const uint16_t *text, int32_t len, int32_t *out, int32_t outCap) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(kind == SUMI_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE, "ja",
                                   (const UChar *)text, len, &status);
    if (U_FAILURE(status)) return -1;
    int32_t n = 0;
    for (int32_t p = ubrk_first(bi); p != UBRK_DONE; p = ubrk_next(bi)) {
        if (n < outCap) out[n] = p;
        n++;
    }
    ubrk_close(bi);
    return n;
}

// MARK: regular expressions

struct SumiRegex {
    URegularExpression *re;
};

SumiRegex *sumi_regex_compile(const uint16_t *pattern, int32_t len, uint32_t flags, char *errorOut, int32_t errorCap) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    URegularExpression *re = uregex_open((const UChar *)pattern, len, flags, &pe, &status);
    if (U_FAILURE(status) || !re) {
        if (errorOut && errorCap > 0)
            snprintf(errorOut, (size_t)errorCap, "%s at line %d, offset %d", u_errorName(status), pe.line, pe.offset);
        if (re) uregex_close(re);
        return NULL;
    }
    SumiRegex *r = calloc(1, sizeof(SumiRegex));
    if (!r) { uregex_close(re); return NULL; }
    r->re = re;
    return r;
}

SumiRegex *sumi_regex_clone(const SumiRegex *regex) {
    if (!regex) return NULL;
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(regex->re, &status);
    if (U_FAILURE(status) || !re) return NULL;
    SumiRegex *r = calloc(1, sizeof(SumiRegex));
    if (!r) { uregex_close(re); return NULL; }
    r->re = re;
    return r;
}

void sumi_regex_close(SumiRegex *regex) {
    if (!regex) return;
    uregex_close(regex->re);
    free(regex);
}

int32_t sumi_regex_group_count(SumiRegex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uregex_groupCount(regex->re, &status);
    return U_SUCCESS(status) ? n : -1;
}

int32_t sumi_regex_set_text(SumiRegex *regex, const uint16_t *text, int32_t len) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(regex->re, (const UChar *)text, len, &status);
    if (U_FAILURE(status)) return -1;
    uregex_useTransparentBounds(regex->re, 1, &status);
    uregex_useAnchoringBounds(regex->re, 0, &status);
    // A pathological pattern must not hang a scan: bound the backtracking work per match.
    uregex_setTimeLimit(regex->re, 2000, &status);
    return U_SUCCESS(status) ? 0 : -1;
}

int32_t sumi_regex_set_region(SumiRegex *regex, int32_t start, int32_t end) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setRegion(regex->re, start, end, &status);
    return U_SUCCESS(status) ? 0 : -1;
}

int32_t sumi_regex_find_next(SumiRegex *regex, int32_t *start, int32_t *end) {
    UErrorCode status = U_ZERO_ERROR;
    UBool found = uregex_findNext(regex->re, &status);
    if (U_FAILURE(status)) return -1;
    if (!found) return 0;
    *start = uregex_start(regex->re, 0, &status);
    *end = uregex_end(regex->re, 0, &status);
    return U_SUCCESS(status) ? 1 : -1;
}

int32_t sumi_regex_group(SumiRegex *regex, int32_t group, int32_t *start, int32_t *end) {
    UErrorCode status = U_ZERO_ERROR;
    *start = uregex_start(regex->re, group, &status);
    *end = uregex_end(regex->re, group, &status);
    return U_SUCCESS(status) ? 0 : -1;
}
