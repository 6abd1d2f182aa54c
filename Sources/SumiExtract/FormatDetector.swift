import Foundation
import SumiModel

/// Decides which extractor reads a file: by its first bytes where they are telling
/// (%PDF, a zip package, an OLE compound file), else by its extension.
public enum FormatDetector {
    /// What a file is, as far as Sumi is concerned.
    public enum Kind: Sendable, Equatable {
        case supported(FileFormat)
        /// Binary Office of before 2007 or RTF: read after LibreOffice converts it to OOXML
        /// (`LegacyExtractor`), or, on a machine without LibreOffice, not read (`legacy`).
        case convertible(LegacyFormat)
        /// 一太郎, WordPerfect and the like: cannot be read; the user is told to re-save.
        case legacy(String)
        /// An OLE container holding an encrypted OOXML package (a password-protected .docx/.xlsx).
        case encryptedOffice
        case unknown
    }

    public static func detect(name: String, head: Data) -> Kind {
        let ext = (name as NSString).pathExtension.lowercased()
        let bytes = [UInt8](head.prefix(8))
        if bytes.starts(with: [0x25, 0x50, 0x44, 0x46]) { return .supported(.pdf) } // %PDF
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // OLE2: legacy .doc/.xls/.ppt, or an encrypted OOXML package (same container).
            if ["docx", "xlsx", "pptx", "docm", "xlsm", "pptm"].contains(ext) { return .encryptedOffice }
            if containsUTF16(head, "EncryptedPackage") { return .encryptedOffice }
            if let legacy = LegacyFormat.detect(ext: ext, head: head) { return .convertible(legacy) }
            return .legacy(ext.isEmpty ? "ole" : ext)
        }
        if bytes.starts(with: [0x7B, 0x5C, 0x72, 0x74, 0x66]) { return .convertible(.rtf) } // {\rtf
        if isImage(bytes, ext: ext) { return .supported(.image) }
        switch ext {
        case "pdf": return .supported(.pdf)
        case "docx", "docm", "dotx": return .supported(.docx)
        case "xlsx", "xlsm", "xltx": return .supported(.xlsx)
        case "pptx", "pptm", "potx": return .supported(.pptx)
        case "html", "htm", "xhtml", "shtml": return .supported(.html)
        case "csv", "tsv": return .supported(.csv)
        case "txt", "text", "log", "md", "json", "xml": return .supported(.txt)
        // OpenDocument is read natively (ODFReader), reported in the OOXML family.
        case "odt", "ott": return .supported(.docx)
        case "ods", "ots": return .supported(.xlsx)
        case "odp", "otp": return .supported(.pptx)
        // A zip named .doc/.xls is an OOXML package with the wrong name (a redacted copy is
        // re-read under the original's name): read by its content below.
        case "doc", "xls", "ppt", "rtf":
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { break }
            return LegacyFormat(rawValue: ext).map { .convertible($0) } ?? .unknown
        case "jtd", "jtt", "jtdc", "wpd": return .legacy(ext)
        default: break
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let ascii = String(decoding: head.prefix(4096), as: UTF8.self)
            if ascii.contains("application/vnd.oasis.opendocument.text") { return .supported(.docx) }
            if ascii.contains("application/vnd.oasis.opendocument.spreadsheet") { return .supported(.xlsx) }
            if ascii.contains("application/vnd.oasis.opendocument.presentation") { return .supported(.pptx) }
            if ascii.contains("word/") { return .supported(.docx) }
            if ascii.contains("xl/") { return .supported(.xlsx) }
            if ascii.contains("ppt/") { return .supported(.pptx) }
            return .unknown
        }
        let prefix = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
        if prefix.contains("<!doctype html") || prefix.contains("<html") { return .supported(.html) }
        return .unknown
    }

    /// PNG, JPEG, TIFF (both byte orders) and GIF by their magic bytes; BMP's two-byte "BM"
    /// only with its extension (a text file may begin with BM).
    static func isImage(_ b: [UInt8], ext: String) -> Bool {
        b.starts(with: [0x89, 0x50, 0x4E, 0x47]) || b.starts(with: [0xFF, 0xD8, 0xFF])
            || b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || b.starts(with: Array("GIF8".utf8)) || (ext == "bmp" && b.starts(with: [0x42, 0x4D]))
    }

    private static func containsUTF16(_ data: Data, _ s: String) -> Bool {
        let pattern = Data(s.utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] })
        return data.range(of: pattern) != nil
    }
}

extension FormatDetector {
    /// The OOXML family a name says (for an encrypted package, which cannot be opened).
    public static func officeFormat(forName name: String) -> FileFormat {
        switch (name as NSString).pathExtension.lowercased() {
        case "docx", "docm": .docx
        case "xlsx", "xlsm": .xlsx
        case "pptx", "pptm": .pptx
        default: .unknown
        }
    }
}
