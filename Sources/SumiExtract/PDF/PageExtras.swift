import CPoppler
import Foundation
import SumiModel

/// What a page carries besides its text layer: annotations (notes, free text, popups,
/// stamps, redaction marks), form field values, link targets and attached files.
struct PageExtras {
    var units: [TextUnit] = []
    /// Files attached through file-attachment annotations (owned references).
    var attachments: [UnsafeMutablePointer<PopplerAttachment>] = []
}

extension PopplerPageRef {
    func readExtras() -> PageExtras {
        var extras = PageExtras()
        let page = index + 1
        var seen = Set<String>()
        func add(_ text: String?, _ source: Source, _ label: String?, _ box: BoundingBox) {
            guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return }
            // A popup repeats its parent's text; report it once.
            guard seen.insert("\(source.rawValue)|\(t)").inserted else { return }
            extras.units.append(TextUnit(text: t, source: source, location: Location(page: page, bbox: box.array),
                                         fieldLabel: label))
        }

        let annots = poppler_page_get_annot_mapping(handle)
        forEachGList(annots) { p in
            let m = p.assumingMemoryBound(to: PopplerAnnotMapping.self).pointee
            guard let annot = m.annot else { return }
            let type = poppler_annot_get_annot_type(annot)
            // Form widgets are read as fields below; link targets from the link mapping.
            if type == POPPLER_ANNOT_WIDGET || type == POPPLER_ANNOT_LINK { return }
            let box = topLeftBox(m.area)
            let kind = Self.annotLabel(type)
            add(GString.take(poppler_annot_get_contents(annot)), .annotation, kind, box)
            // Only annotations poppler wraps as markup have an author and subject (a stamp may not).
            if g_type_check_instance_is_a(UnsafeMutableRawPointer(annot).assumingMemoryBound(to: GTypeInstance.self),
                                          poppler_annot_markup_get_type()) != 0 {
                let markup = annot
                add(GString.take(poppler_annot_markup_get_label(markup)), .annotation, "注釈の作成者", box)
                add(GString.take(poppler_annot_markup_get_subject(markup)), .annotation, "注釈の件名", box)
            }
            if type == POPPLER_ANNOT_FILE_ATTACHMENT, let att = poppler_annot_file_attachment_get_attachment(annot) {
                extras.attachments.append(att)
            }
        }
        poppler_page_free_annot_mapping(annots)

        let fields = poppler_page_get_form_field_mapping(handle)
        forEachGList(fields) { p in
            let m = p.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee
            guard let field = m.field else { return }
            let label = GString.take(poppler_form_field_get_alternate_ui_name(field))
                ?? GString.take(poppler_form_field_get_partial_name(field))
            let box = topLeftBox(m.area)
            switch poppler_form_field_get_field_type(field) {
            case POPPLER_FORM_FIELD_TEXT:
                add(GString.take(poppler_form_field_text_get_text(field)), .formField, label, box)
            case POPPLER_FORM_FIELD_CHOICE:
                var values: [String] = []
                if let t = GString.take(poppler_form_field_choice_get_text(field)) { values.append(t) }
                let n = poppler_form_field_choice_get_n_items(field)
                if n > 0 {
                    for i in 0..<n where poppler_form_field_choice_is_item_selected(field, i) != 0 {
                        if let t = GString.take(poppler_form_field_choice_get_item(field, i)) { values.append(t) }
                    }
                }
                for v in values { add(v, .formField, label, box) }
            default:
                break
            }
        }
        poppler_page_free_form_field_mapping(fields)

        let links = poppler_page_get_link_mapping(handle)
        forEachGList(links) { p in
            let m = p.assumingMemoryBound(to: PopplerLinkMapping.self).pointee
            guard let action = m.action, action.pointee.type == POPPLER_ACTION_URI,
                  let uri = GString.borrow(action.pointee.uri.uri) else { return }
            add(Self.readableURI(uri), .annotation, "リンク先", topLeftBox(m.area))
        }
        poppler_page_free_link_mapping(links)
        return extras
    }

    /// mailto:/tel: targets percent-decoded, so an address or number written in them is read as text.
    static func readableURI(_ uri: String) -> String {
        uri.removingPercentEncoding ?? uri
    }

    static func annotLabel(_ type: PopplerAnnotType) -> String {
        switch type {
        case POPPLER_ANNOT_TEXT: "注釈（ノート）"
        case POPPLER_ANNOT_FREE_TEXT: "注釈（テキストボックス）"
        case POPPLER_ANNOT_POPUP: "注釈（ポップアップ）"
        case POPPLER_ANNOT_STAMP: "注釈（スタンプ）"
        case POPPLER_ANNOT_FILE_ATTACHMENT: "添付ファイルの説明"
        case POPPLER_ANNOT_HIGHLIGHT, POPPLER_ANNOT_UNDERLINE, POPPLER_ANNOT_SQUIGGLY, POPPLER_ANNOT_STRIKE_OUT: "注釈（マーカー）"
        default: "注釈"
        }
    }
}
