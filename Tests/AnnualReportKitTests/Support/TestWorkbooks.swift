import Foundation
import ZIPFoundation

@testable import AnnualReportKit

/// A cell of a test workbook, as Excel or LibreOffice Calc stores it.
enum TestCell {
    case text(String)
    /// A number as the file stores it (`119266.1`).
    case number(String)
    /// A number shown with a `£#,##0.00` format.
    case money(String)
    /// A date-formatted cell (its serial in the workbook's date system).
    case date(year: Int, month: Int, day: Int)
    case bool(Bool)
    /// A formula and its saved value (nil: never calculated, as openpyxl writes them).
    case formula(String, cached: String?)
    /// An error value (`#DIV/0!`) from a formula.
    case error(String)
    /// Rich text: runs in different fonts, one string.
    case rich([String])
    /// A string written in the cell itself rather than the shared strings.
    case inline(String)
    case empty
}

/// A sheet of a test workbook: rows from row 1 (or `firstRow`), cells from column A.
struct TestSheet {
    var name: String
    var rows: [[TestCell]]
    var hidden = false
    /// Merged ranges, `A1:C1`.
    var merges: [String] = []
    var firstRow = 1
}

/// Builds `.xlsx` and `.ods` files part by part, so a test says exactly what is in the
/// workbook (libxlsxwriter cannot write a formula without a value or the 1904 date system's
/// serials on request, and LibreOffice is not on every machine).
enum TestWorkbooks {
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func serial(year: Int, month: Int, day: Int, date1904: Bool) -> Int {
        let days = daysSince1970(year: year, month: month, day: day)
        return date1904 ? days + 24107 : days + 25569
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func zip(_ parts: [(String, String)]) -> [UInt8] {
        let archive = try! Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try! archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data!)
    }

    /// The shared-strings table being built: each string's index (every string is entered twice,
    /// as some writers do, so an index is not a count), and the rich-text runs of some.
    struct SharedStrings {
        var strings: [String] = []
        var indices: [String: Int] = [:]
        var rich: [Int: [String]] = [:]

        mutating func index(_ s: String) -> Int {
            if let i = indices[s] { return i }
            strings.append(s)
            strings.append(s)
            indices[s] = strings.count - 1
            return strings.count - 1
        }
    }

    static func xlsx(_ sheets: [TestSheet], date1904: Bool = false) -> [UInt8] {
        var strings = SharedStrings()
        var parts: [(String, String)] = []
        for (n, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(n + 1).xml", worksheet(sheet, date1904: date1904, strings: &strings)))
        }
        let sst =
            #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + strings.strings.enumerated().map { i, s in
                if let runs = strings.rich[i] {
                    return "<si>"
                        + runs.map { #"<r><rPr><b/></rPr><t xml:space="preserve">\#(escape($0))</t></r>"# }.joined()
                        + #"<rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>"#
                }
                return "<si><t>\(escape(s))</t></si>"
            }.joined() + "</sst>"
        return zip(packageParts(sheets, date1904: date1904, sharedStrings: sst) + parts)
    }

    /// A worksheet's XML: its rows of cells, then its merged ranges.
    private static func worksheet(_ sheet: TestSheet, date1904: Bool, strings: inout SharedStrings) -> String {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in sheet.rows.enumerated() {
            let rowNumber = sheet.firstRow + r
            xml += #"<row r="\#(rowNumber)">"#
            for (c, cell) in row.enumerated() {
                let ref = Diagnostic.columnLetters(c + 1) + "\(rowNumber)"
                xml += cellXML(cell, ref: ref, date1904: date1904, strings: &strings)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.merges.isEmpty {
            xml +=
                #"<mergeCells count="\#(sheet.merges.count)">"#
                + sheet.merges.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
        }
        return xml + "</worksheet>"
    }

    /// One cell's `<c>` element.
    private static func cellXML(_ cell: TestCell, ref: String, date1904: Bool, strings: inout SharedStrings) -> String {
        var xml = ""
        switch cell {
        case .text(let s): xml += #"<c r="\#(ref)" t="s"><v>\#(strings.index(s))</v></c>"#
        case .number(let v): xml += #"<c r="\#(ref)"><v>\#(v)</v></c>"#
        case .money(let v): xml += #"<c r="\#(ref)" s="2"><v>\#(v)</v></c>"#
        case .date(let y, let m, let d):
            xml +=
                #"<c r="\#(ref)" s="3"><v>\#(serial(year: y, month: m, day: d, date1904: date1904))</v></c>"#
        case .bool(let b): xml += #"<c r="\#(ref)" t="b"><v>\#(b ? 1 : 0)</v></c>"#
        case .formula(let f, let cached):
            xml += #"<c r="\#(ref)"><f>\#(escape(f))</f>\#(cached.map { "<v>\($0)</v>" } ?? "")</c>"#
        case .error(let e): xml += #"<c r="\#(ref)" t="e"><f>1/0</f><v>\#(e)</v></c>"#
        case .rich(let runs):
            let i = strings.index(runs.joined())
            strings.rich[i] = runs
            xml += #"<c r="\#(ref)" t="s"><v>\#(i)</v></c>"#
        case .inline(let s): xml += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(escape(s))</t></is></c>"#
        case .empty: xml += #"<c r="\#(ref)" s="1"/>"#
        }
        return xml
    }

    /// The parts every workbook has: content types, relationships, workbook, shared strings, styles.
    private static func packageParts(_ sheets: [TestSheet], date1904: Bool, sharedStrings sst: String) -> [(
        String, String
    )] {
        let styles = #"""
            <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\#
            <numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0.00"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>\#
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\#
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>
            """#
        let workbook =
            #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr\#(date1904 ? #" date1904="1""# : "")/><sheets>"#
            + sheets.enumerated().map { n, s in
                #"<sheet name="\#(escape(s.name))" sheetId="\#(n + 1)"\#(s.hidden ? #" state="hidden""# : "") r:id="rId\#(n + 1)"/>"#
            }.joined()
            + "</sheets></workbook>"
        let rels =
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets.indices.map {
                #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
            }.joined()
            + #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
        let root =
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        let types =
            #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#
        return [
            ("[Content_Types].xml", types), ("_rels/.rels", root), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels), ("xl/sharedStrings.xml", sst), ("xl/styles.xml", styles),
        ]
    }

    static func ods(_ sheets: [TestSheet]) -> [UInt8] {
        var body = ""
        for sheet in sheets {
            body +=
                #"<table:table table:name="\#(escape(sheet.name))" table:style-name="\#(sheet.hidden ? "taHidden" : "ta1")">"#
            if sheet.firstRow > 1 {
                body +=
                    #"<table:table-row table:number-rows-repeated="\#(sheet.firstRow - 1)"><table:table-cell/></table:table-row>"#
            }
            // A merged range is spanned from its top-left cell; the cells it covers are covered cells.
            let ranges = sheet.merges.compactMap { ref -> (top: Int, left: Int, bottom: Int, right: Int)? in
                let ends = ref.split(separator: ":").compactMap { WorkbookCells.cellReference($0) }
                return ends.count == 2 ? (ends[0].row, ends[0].column, ends[1].row, ends[1].column) : nil
            }
            for (r, row) in sheet.rows.enumerated() {
                body += "<table:table-row>"
                for (c, cell) in row.enumerated() {
                    let (rowNumber, column) = (sheet.firstRow + r, c + 1)
                    if ranges.contains(where: {
                        ($0.top...$0.bottom).contains(rowNumber) && ($0.left...$0.right).contains(column)
                            && ($0.top, $0.left) != (rowNumber, column)
                    }) {
                        body += "<table:covered-table-cell/>"
                        continue
                    }
                    if let m = ranges.first(where: { ($0.top, $0.left) == (rowNumber, column) }) {
                        // The spans go on the cell's own element: written first, then moved in below.
                        body +=
                            #"<table:table-cell table:number-rows-spanned="\#(m.bottom - m.top + 1)" table:number-columns-spanned="\#(m.right - m.left + 1)""#
                        body += String(odsCell(cell).dropFirst("<table:table-cell".count))
                        continue
                    }
                    body += odsCell(cell)
                }
                body += "</table:table-row>"
            }
            body +=
                #"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#
        }
        let content = #"""
            <?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">\#
            <office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>\#
            <style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>\#
            <office:body><office:spreadsheet>\#(body)</office:spreadsheet></office:body></office:document-content>
            """#
        let manifest =
            #"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
        return zip([
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("META-INF/manifest.xml", manifest),
            ("content.xml", content),
        ])
    }

    /// One `.ods` cell element (`<table:table-cell …>`).
    private static func odsCell(_ cell: TestCell) -> String {
        var out = ""
        switch cell {
        case .text(let s), .inline(let s):
            out += #"<table:table-cell office:value-type="string"><text:p>\#(escape(s))</text:p></table:table-cell>"#
        case .rich(let runs):
            out +=
                #"<table:table-cell office:value-type="string"><text:p>"#
                + runs.map { "<text:span>\(escape($0))</text:span>" }.joined() + "</text:p></table:table-cell>"
        case .number(let v), .money(let v):
            out +=
                #"<table:table-cell office:value-type="float" office:value="\#(v)"><text:p>\#(v)</text:p></table:table-cell>"#
        case .date(let y, let m, let d):
            let iso = String(format: "%04d-%02d-%02d", y, m, d)
            out +=
                #"<table:table-cell office:value-type="date" office:date-value="\#(iso)"><text:p>\#(iso)</text:p></table:table-cell>"#
        case .bool(let b):
            out +=
                #"<table:table-cell office:value-type="boolean" office:boolean-value="\#(b)"><text:p>\#(b ? "TRUE" : "FALSE")</text:p></table:table-cell>"#
        case .formula(let f, let cached):
            if let cached {
                out +=
                    #"<table:table-cell table:formula="of:=\#(escape(f))" office:value-type="float" office:value="\#(cached)"><text:p>\#(cached)</text:p></table:table-cell>"#
            } else {
                out += #"<table:table-cell table:formula="of:=\#(escape(f))"/>"#
            }
        case .error(let e):
            out +=
                #"<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>\#(e)</text:p></table:table-cell>"#
        case .empty: out += "<table:table-cell/>"
        }
        return out
    }

    /// A CSV file's rows as typed cells, as an office keeps the same records in a workbook:
    /// dates as date-formatted cells, `£` amounts and plain figures as numbers, the rest text.
    static func typedRows(_ csv: String) -> [[TestCell]] {
        parseCSV(csv).map { fields in
            fields.map { field -> TestCell in
                let t = field.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { return .empty }
                if let date = CalendarDate(parsing: t), t.contains(where: { !$0.isNumber }) {
                    return .date(year: date.year, month: date.month, day: date.day)
                }
                let plain = t.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
                if !plain.isEmpty, plain.allSatisfy({ $0.isNumber || $0 == "." }),
                    plain.first != "0" || plain == "0" || plain.hasPrefix("0.")
                {
                    return t.hasPrefix("£") || plain.contains(".") ? .money(plain) : .number(plain)
                }
                return .text(field)
            }
        }
    }
}
