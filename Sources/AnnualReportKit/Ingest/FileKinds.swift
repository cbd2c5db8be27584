/// What a file's first bytes say it is when its name says otherwise: a workbook (a zip
/// archive) saved or renamed as `.csv`, or CSV text named `.xlsx`. One error naming what the
/// file is and the name to give it, rather than a decoding error or "damaged".
enum FileKinds {
    /// A zip archive's first bytes (`PK\x03\x04`): `.xlsx`, `.ods` and `.zip` files.
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// An OLE compound file's: the old `.xls`, and a password-protected workbook.
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// How much of a file the checks look at.
    static let headSize = 64 << 10

    /// Why bytes meant as CSV text are not text, nil when they may be.
    static func notText(_ head: some Collection<UInt8>) -> String? {
        if head.starts(with: zipMagic) {
            // Entry names are stored as they are: the parts say which kind of document it is.
            let entries = Array(head.prefix(headSize))
            func holds(_ text: String) -> Bool { entries.firstRange(of: Array(text.utf8)) != nil }
            if holds("application/vnd.oasis.opendocument.spreadsheet")
                || (holds("content.xml") && holds("META-INF/manifest.xml"))
            {
                return "the file is a spreadsheet (an OpenDocument zip archive), not CSV text: rename it to .ods"
            }
            if holds("xl/") {
                return "the file is a workbook (a zip archive), not CSV text: rename it to .xlsx"
            }
            return "the file is a zip archive, not CSV text: rename it to .zip (the CSV files in it are read)"
        }
        if head.starts(with: oleMagic) {
            return
                "the file is an Excel 97-2003 workbook (.xls) or a password-protected one, not CSV text: open it in Excel or LibreOffice Calc and save it as CSV UTF-8 or as an Excel Workbook (.xlsx)"
        }
        return nil
    }

    /// Why a file named as a workbook (`ext`: `xlsx`, `ods` …) that is not a zip archive
    /// cannot be read: it is CSV text (it decodes as text and has a separator or a line
    /// break); nil for anything else, which is a damaged workbook.
    static func notWorkbook(head: [UInt8], named ext: String) -> String? {
        guard !head.starts(with: zipMagic), head.contains(where: { [0x2C, 0x3B, 0x09, 0x0A].contains($0) }),
            case .success = TextDecoder.decode(wholeLines(head))
        else { return nil }
        return "cannot read the workbook: it is a text (CSV) file named .\(ext), not a workbook: rename it to .csv"
    }

    /// The head up to its last line break, so a character cut at the end cannot make it undecodable.
    private static func wholeLines(_ head: [UInt8]) -> [UInt8] {
        guard head.count == headSize, let lastBreak = head.lastIndex(of: 0x0A) else { return head }
        return Array(head[...lastBreak])
    }
}
