import SumiModel

/// What a package holds besides text: embedded files (an Excel sheet inside a Word
/// document, a PDF attachment) are not opened, so the file is incomplete; images and
/// macros are mentioned so the reviewer knows to look.
enum OOXMLEmbedded {
    static func note(_ session: OOXMLSession, relationships: [OOXMLPackage.Relationship]) {
        var embedded = Set<String>()
        var images = Set<String>()
        var macros = false
        for rel in relationships where !rel.external {
            switch rel.kind {
            case "oleObject", "package", "embeddedFile": embedded.insert(rel.target)
            case "image": images.insert(rel.target)
            case "vbaProject": macros = true
            default: break
            }
        }
        // Embedded packages also show in the part list even when a drawing refers to them.
        for part in session.package.partNames {
            if part.contains("/embeddings/") { embedded.insert(part) }
            if part.contains("/media/") { images.insert(part) }
        }
        if !embedded.isEmpty {
            session.notice(Notice(code: NoticeCode.embeddedFile, message: OOXMLMessages.embeddedObjects(embedded.count),
                                  part: embedded.sorted().first))
        }
        if !images.isEmpty {
            session.notice(Notice(code: NoticeCode.embeddedImage, message: OOXMLMessages.images(images.count)))
        }
        if macros || session.package.partNames.contains(where: { $0.hasSuffix("vbaProject.bin") }) {
            session.notice(Notice(code: NoticeCode.macros, message: OOXMLMessages.macros))
        }
    }
}
