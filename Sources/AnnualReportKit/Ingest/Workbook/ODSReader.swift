import Foundation
import ZIPFoundation

/// Reads an OpenDocument spreadsheet (`.ods`, as LibreOffice Calc saves it) into its sheets
/// as CSV text (`WorkbookSheet`), from the package's `content.xml`.
///
/// A cell is read by its `office:value-type`: numbers from `office:value` as stored, dates
/// from `office:date-value` (ISO, so no date system), times, booleans, and text from its
/// paragraphs (`text:s` spaces and line breaks kept, comments left out). Repeated rows and
/// cells (`number-rows-repeated`) are expanded when they hold values and skipped when
/// empty, so the million empty rows LibreOffice declares at a sheet's end cost nothing. A
/// sheet whose table style has `table:display="false"` is hidden. A formula with no value
/// type and an error value (`calcext:value-type="error"`) are problems at their cell.
///
///     let sheets = try ODSReader.read(url).get()
enum ODSReader {
    /// The most rows and columns Calc allows; a file that declares more is damaged.
    static let maxRows = 1 << 20, maxColumns = 1 << 14

    static func read(_ url: URL) -> Result<[WorkbookSheet], WorkbookFailure> {
        // From the file, not from memory (see `XLSXReader.read`).
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else {
            return .failure(.notZip(url))
        }
        do {
            if let manifest = try part(archive, "META-INF/manifest.xml"),
                manifest.firstRange(of: Array("encryption-data".utf8)) != nil
            {
                return .failure(.encrypted)
            }
            guard let content = try part(archive, "content.xml") else {
                return .failure(
                    WorkbookFailure(
                        message:
                            "cannot read the spreadsheet: it has no content.xml; expected an OpenDocument spreadsheet (.ods) as LibreOffice Calc saves it"
                    ))
            }
            return .success(try sheets(content))
        } catch let failure as WorkbookFailure {
            return .failure(failure)
        } catch {
            return .failure(.damaged)
        }
    }

    private static func part(_ archive: Archive, _ path: String) throws -> [UInt8]? {
        try ZipParts.read(archive, path)
    }

    /// Every sheet of the package's `content.xml`, in order.
    static func sheets(_ content: [UInt8]) throws -> [WorkbookSheet] {
        var xml = XMLScanner(content)
        var scan = ContentScan()
        while let token = try xml.next() {
            switch token {
            case .start: scan.start(xml)
            case .text: scan.text(xml)
            case .end: try scan.end(xml)
            }
        }
        return scan.sheets
    }

    /// A cell as its start tag declares it: its value by type, and how far it repeats and spans.
    private struct Cell {
        var value: String?
        var kind: String
        var formula: Bool
        var error: Bool
        var `repeat`: Int
        var across: Int
        var down: Int
        var covered: Bool
    }

    /// Where the scan of `content.xml` is: the sheets so far, the sheet, row and cell being read.
    private struct ContentScan {
        var sheets: [WorkbookSheet] = []
        var hiddenStyles: Set<String> = []
        var styleName: String?
        var builder = SheetCSVBuilder()
        var sheetName = ""
        var sheetHidden = false
        var row = 0
        var column = 0
        var rowRepeat = 1
        var rowCells: [(column: Int, text: String)] = []
        // The current cell.
        var cell: Cell?
        var paragraphs: [String] = []
        var inParagraph = 0
        var annotation = 0

        /// An element starts: a table style, a sheet, a row, a cell, or a part of a cell's text.
        mutating func start(_ xml: XMLScanner) {
            if xml.isNamed("style") {
                styleName = xml.attribute("family") == "table" ? xml.attribute("name") : nil
            } else if xml.isNamed("table-properties"), let styleName, xml.attribute("display") == "false" {
                hiddenStyles.insert(styleName)
            } else if xml.isNamed("table") {
                builder = SheetCSVBuilder()
                sheetName = xml.attribute("name") ?? "Sheet\(sheets.count + 1)"
                sheetHidden = xml.attribute("style-name").map(hiddenStyles.contains) ?? false
                row = 0
            } else if xml.isNamed("table-row") {
                // Clamped: a repeat past the sheet's limit is damage, found when the row ends.
                rowRepeat = min(max(1, xml.intAttribute("number-rows-repeated") ?? 1), maxRows + 1)
                column = 0
                rowCells.removeAll(keepingCapacity: true)
            } else if xml.isNamed("table-cell") || xml.isNamed("covered-table-cell") {
                startCell(xml)
            } else if xml.isNamed("annotation") {
                annotation += 1
            } else if annotation == 0, cell != nil {
                startText(xml)
            }
        }

        /// A cell starts: its value read by its `office:value-type`, its repeat and spans clamped.
        private mutating func startCell(_ xml: XMLScanner) {
            let types = xml.attributes("value-type")
            let kind = types.first ?? ""
            var value: String?
            switch kind {
            case "float", "percentage", "currency": value = xml.attribute("value")
            case "date": value = xml.attribute("date-value")
            case "time": value = xml.attribute("time-value")
            case "boolean": value = xml.attribute("boolean-value")
            case "string": value = xml.attribute("string-value")
            default: value = nil
            }
            let limit = { (n: Int?, most: Int) in min(max(1, n ?? 1), most + 1) }
            cell = Cell(
                value: value, kind: kind, formula: xml.attribute("formula") != nil, error: types.contains("error"),
                repeat: limit(xml.intAttribute("number-columns-repeated"), maxColumns),
                across: limit(xml.intAttribute("number-columns-spanned"), maxColumns),
                down: limit(xml.intAttribute("number-rows-spanned"), maxRows),
                covered: xml.isNamed("covered-table-cell")
            )
            // A new cell ends whatever an unclosed paragraph of the last one left open.
            paragraphs = []
            inParagraph = 0
        }

        /// Inside a cell (not a comment): a paragraph starts, or a space, tab or line break in one.
        private mutating func startText(_ xml: XMLScanner) {
            if xml.isNamed("p") || xml.isNamed("h") {
                paragraphs.append("")
                inParagraph += 1
            } else if xml.isNamed("s"), inParagraph > 0 {
                paragraphs[paragraphs.count - 1] += String(
                    repeating: " ", count: min(xml.intAttribute("c") ?? 1, 1000))
            } else if xml.isNamed("tab"), inParagraph > 0 {
                paragraphs[paragraphs.count - 1] += "\t"
            } else if xml.isNamed("line-break"), inParagraph > 0 {
                paragraphs[paragraphs.count - 1] += "\n"
            }
        }

        /// Text: part of the current paragraph of a cell (not of a comment).
        mutating func text(_ xml: XMLScanner) {
            if annotation == 0, inParagraph > 0, cell != nil { paragraphs[paragraphs.count - 1] += xml.text() }
        }

        /// An element ends: a cell's text is added to its row (once per repeat), a row is
        /// written (once per repeat), a sheet is finished.
        mutating func end(_ xml: XMLScanner) throws {
            if xml.isNamed("annotation") {
                annotation = max(0, annotation - 1)
            } else if xml.isNamed("p") || xml.isNamed("h") {
                if annotation == 0, cell != nil { inParagraph = max(0, inParagraph - 1) }
            } else if xml.isNamed("table-cell") || xml.isNamed("covered-table-cell"), let c = cell {
                try endCell(c)
            } else if xml.isNamed("table-row") {
                if rowCells.isEmpty {
                    row += rowRepeat
                } else {
                    guard row + rowRepeat <= maxRows else { throw WorkbookFailure.damaged }
                    for _ in 0..<rowRepeat {
                        row += 1
                        guard builder.add(row: row, cells: rowCells) else { throw WorkbookFailure.damaged }
                    }
                }
            } else if xml.isNamed("table") {
                sheets.append(builder.finish(name: sheetName, hidden: sheetHidden))
            }
        }

        /// A cell ends: its text goes in each column it repeats over, and a merge down rows is noted.
        private mutating func endCell(_ c: Cell) throws {
            let first = column + 1
            column += c.repeat
            cell = nil
            let text = cellText(c, paragraphs: paragraphs, row: row + 1, column: first, builder: &builder)
            guard let text, !text.isEmpty else { return }
            guard column <= maxColumns else { throw WorkbookFailure.damaged }
            for k in first...column { rowCells.append((k, text)) }
            if c.down > 1 {
                builder.merge(top: row + 1, left: first, bottom: row + c.down, right: first + c.across - 1)
            }
        }
    }

    /// A cell's value as CSV text (nil: empty), reporting a cell that holds no usable value.
    private static func cellText(
        _ c: Cell, paragraphs: [String], row: Int, column: Int, builder: inout SheetCSVBuilder
    ) -> String? {
        let shown = paragraphs.joined(separator: "\n")
        if c.error {
            builder.problem(
                row: row, column: column,
                "the cell holds the error \(shown)\(c.formula ? " from its formula" : ""); expected a value: correct the formula or type the value"
            )
            return shown
        }
        switch c.kind {
        case "float", "percentage", "currency":
            guard let value = c.value, let text = WorkbookCells.decimalText(value) else {
                builder.problem(
                    row: row, column: column,
                    "the cell's number '\(c.value ?? "")' is not a number (the file is damaged); type the value again")
                return c.value
            }
            return text
        case "date": return c.value.map { String($0.prefix(while: { $0 != "T" })) }
        case "time": return c.value.flatMap(isoDuration) ?? c.value
        case "boolean": return c.value == "true" ? "TRUE" : "FALSE"
        case "string": return c.value ?? shown
        default:
            if c.formula {
                builder.problem(
                    row: row, column: column,
                    "the formula has no saved value; open the file in LibreOffice Calc or Excel and save it, or type the value"
                )
                return nil
            }
            return shown
        }
    }

    /// `PT10H30M00S` as `10:30` (`10:30:15` with seconds).
    private static func isoDuration(_ value: String) -> String? {
        guard value.hasPrefix("PT") else { return nil }
        var h = 0
        var m = 0
        var s = 0
        var number = ""
        for ch in value.dropFirst(2) {
            switch ch {
            case "H":
                h = Int(number) ?? 0
                number = ""
            case "M":
                m = Int(number) ?? 0
                number = ""
            case "S":
                s = Int(number.prefix { $0 != "." }) ?? 0
                number = ""
            default: number.append(ch)
            }
        }
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return s == 0 ? "\(two(h)):\(two(m))" : "\(two(h)):\(two(m)):\(two(s))"
    }
}
