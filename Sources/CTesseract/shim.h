// Tesseract's C API (OCR) and Leptonica (decoding PNG, JPEG, TIFF, BMP, GIF into the images
// Tesseract reads). Only SumiOCR imports this module.
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
