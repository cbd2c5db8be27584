import Foundation
import ZIPFoundation

/// Reads an Excel 2007+ workbook (`.xlsx`, `.xlsm`: Office Open XML, ECMA-376) into its
/// sheets as CSV text (`WorkbookSheet`).
///
/// Parts read: the package relationships (to find the workbook part), the workbook (sheet
/// names, order, hidden state and the 1900/1904 date system), its relationships (each
/// sheet's part), the shared strings, the styles (which cell formats are dates) and each
/// worksheet. A cell is read by its type: a shared or inline string (rich text runs joined,
/// phonetic guides left out), a number as stored, a boolean as `TRUE`/`FALSE`, a formula's
/// saved value. A formula with no saved value and an error value (`#DIV/0!`) are problems at
/// their cell.
///
///     let sheets = try XLSXReader.read(url).get()
///     print(sheets[0].name, String(decoding: sheets[0].csv, as: UTF8.self))
enum XLSXReader {
    static func read(_ url: URL) -> Result<[WorkbookSheet], WorkbookFailure> {
        // An encrypted workbook is an OLE compound file holding the encrypted package, not a zip.
        let magic = (try? FileHandle(forReadingFrom: url)).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 8)
        }
        if magic == Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .failure(.encrypted) }
        // From the file, not from memory: ZIPFoundation's in-memory archive traps on an entry
        // whose offset lies past the end (found by FuzzWorkbook); its file-backed one reads short.
        guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else {
            return .failure(.notZip(url))
        }
        do {
            return .success(try read(archive))
        } catch let failure as WorkbookFailure {
            return .failure(failure)
        } catch {
            return .failure(.damaged)
        }
    }

    private static func read(_ archive: Archive) throws -> [WorkbookSheet] {
        let workbookPath =
            try relationships(archive, of: "")
            .first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbookXML = try part(archive, workbookPath) else {
            throw WorkbookFailure(
                message:
                    "cannot read the workbook: it has no workbook part (\(workbookPath)); expected an Excel workbook (.xlsx) as Excel or LibreOffice Calc saves it"
            )
        }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let links = try relationships(archive, of: workbookPath)
        var system = WorkbookCells.DateSystem.from1900
        var declared: [(name: String, hidden: Bool, id: String)] = []
        var xml = XMLScanner(workbookXML)
        while let token = try xml.next() {
            guard token == .start else { continue }
            if xml.isNamed("workbookPr"), let value = xml.attribute("date1904") {
                system = value == "1" || value.lowercased() == "true" ? .from1904 : .from1900
            } else if xml.isNamed("sheet") {
                let state = xml.attribute("state") ?? "visible"
                declared.append(
                    (
                        xml.attribute("name") ?? "Sheet\(declared.count + 1)", state != "visible",
                        xml.attribute("id") ?? ""
                    ))
            }
        }
        let strings = try sharedStrings(
            archive, links.first { $0.type.hasSuffix("/sharedStrings") }.map { resolve($0.target, in: folder) })
        let kinds = try numberKinds(
            archive, links.first { $0.type.hasSuffix("/styles") }.map { resolve($0.target, in: folder) })
        var sheets: [WorkbookSheet] = []
        for sheet in declared {
            let link = links.first { $0.id == sheet.id }
            guard let link, link.type.hasSuffix("/worksheet"),
                let bytes = try part(archive, resolve(link.target, in: folder))
            else {
                // A chart sheet or a dialog: no cells.
                sheets.append(SheetCSVBuilder().finish(name: sheet.name, hidden: sheet.hidden))
                continue
            }
            var builder = SheetCSVBuilder(merges: try merges(bytes))
            try cells(bytes, strings: strings, kinds: kinds, system: system, into: &builder)
            sheets.append(builder.finish(name: sheet.name, hidden: sheet.hidden))
        }
        return sheets
    }

    private static func part(_ archive: Archive, _ path: String) throws -> [UInt8]? {
        try ZipParts.read(archive, path)
    }

    /// A relationship target relative to its source part's folder (or absolute, from the package root).
    private static func resolve(_ target: String, in folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The relationships of `source` (`""`: the package's own, `_rels/.rels`).
    private static func relationships(_ archive: Archive, of source: String) throws -> [(
        id: String, type: String, target: String
    )] {
        let parts = source.split(separator: "/").map(String.init)
        let relsPath = (parts.dropLast() + ["_rels", (parts.last ?? "") + ".rels"]).joined(separator: "/")
        guard let bytes = try part(archive, relsPath) else { return [] }
        var found: [(String, String, String)] = []
        var xml = XMLScanner(bytes)
        while let token = try xml.next() {
            if token == .start, xml.isNamed("Relationship") {
                let target = xml.attribute("Target") ?? ""
                found.append(
                    (
                        xml.attribute("Id") ?? "", xml.attribute("Type") ?? "",
                        source.isEmpty ? resolve(target, in: "") : target
                    ))
            }
        }
        return found
    }

    /// The shared string table: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out.
    private static func sharedStrings(_ archive: Archive, _ path: String?) throws -> [String] {
        guard let path, let bytes = try part(archive, path) else { return [] }
        var strings: [String] = []
        var xml = XMLScanner(bytes)
        var current = ""
        var inText = false
        var phonetic = 0
        while let token = try xml.next() {
            switch token {
            case .start:
                if xml.isNamed("si") {
                    current = ""
                } else if xml.isNamed("rPh") {
                    phonetic += 1
                } else if xml.isNamed("t") {
                    inText = phonetic == 0
                }
            case .end:
                if xml.isNamed("si") {
                    strings.append(WorkbookCells.unescapeExcel(current))
                } else if xml.isNamed("rPh") {
                    phonetic -= 1
                } else if xml.isNamed("t") {
                    inText = false
                }
            case .text:
                if inText { current += xml.text() }
            }
        }
        return strings
    }

    /// For each cell format (`<cellXfs>` index, a cell's `s`), whether it shows a date, a time or a number.
    private static func numberKinds(_ archive: Archive, _ path: String?) throws -> [WorkbookCells.NumberKind] {
        guard let path, let bytes = try part(archive, path) else { return [] }
        var custom: [Int: WorkbookCells.NumberKind] = [:]
        var kinds: [WorkbookCells.NumberKind] = []
        var inCellFormats = false
        var xml = XMLScanner(bytes)
        while let token = try xml.next() {
            switch token {
            case .start:
                if xml.isNamed("numFmt"), let id = xml.intAttribute("numFmtId") {
                    custom[id] = WorkbookCells.kind(formatCode: xml.attribute("formatCode") ?? "")
                } else if xml.isNamed("cellXfs") {
                    inCellFormats = true
                } else if inCellFormats, xml.isNamed("xf") {
                    let id = xml.intAttribute("numFmtId") ?? 0
                    kinds.append(custom[id] ?? WorkbookCells.kind(builtIn: id))
                }
            case .end:
                if xml.isNamed("cellXfs") { inCellFormats = false }
            case .text: break
            }
        }
        return kinds
    }

    /// The sheet's merged ranges (`<mergeCells>`, after the cells in the part: found from the end).
    static func merges(_ bytes: [UInt8]) throws -> [(top: Int, left: Int, bottom: Int, right: Int)] {
        let marker = Array("<mergeCells".utf8)
        guard bytes.count > marker.count else { return [] }
        var start: Int?
        var k = bytes.count - marker.count
        // mergeCells follows sheetData; stop looking once past the end of the cells.
        let cellsEnd = Array("</sheetData>".utf8)
        while k >= 0 {
            if bytes[k] == UInt8(ascii: "<") {
                if bytes[k..<(k + marker.count)].elementsEqual(marker) {
                    start = k
                    break
                }
                if k + cellsEnd.count <= bytes.count, bytes[k..<(k + cellsEnd.count)].elementsEqual(cellsEnd) { break }
            }
            k -= 1
        }
        guard let start else { return [] }
        var found: [(Int, Int, Int, Int)] = []
        var xml = XMLScanner(Array(bytes[start...]))
        while let token = try xml.next() {
            if token == .end, xml.isNamed("mergeCells") { break }
            guard token == .start, xml.isNamed("mergeCell"), let ref = xml.attribute("ref") else { continue }
            let ends = ref.split(separator: ":")
            guard ends.count == 2, let a = WorkbookCells.cellReference(ends[0]),
                let b = WorkbookCells.cellReference(ends[1])
            else { continue }
            found.append((min(a.row, b.row), min(a.column, b.column), max(a.row, b.row), max(a.column, b.column)))
        }
        return found
    }

    /// Every cell of a worksheet part, row by row, into `builder`. A row or cell past Excel's
    /// limits (1,048,576 rows, 16,384 columns), or rows out of order, make the sheet damaged;
    /// a value outside a cell, or a cell outside a row, is not a cell and is passed over.
    static func cells(
        _ bytes: [UInt8], strings: [String], kinds: [WorkbookCells.NumberKind],
        system: WorkbookCells.DateSystem, into builder: inout SheetCSVBuilder
    ) throws {
        var xml = XMLScanner(bytes)
        var scan = WorksheetScan()
        while let token = try xml.next() {
            switch token {
            case .start: try scan.start(xml)
            case .text: scan.text(xml)
            case .end:
                let done = try scan.end(xml, strings: strings, kinds: kinds, system: system, into: &builder)
                if done { return }
            }
        }
    }

    /// Where the scan of a worksheet part is: the row, its cells so far, and the current cell.
    private struct WorksheetScan {
        var row = 0
        var column = 0
        var rowCells: [(column: Int, text: String)] = []
        // The current cell: its type, format, whether it has a formula, and its value's text.
        var type = ""
        var style = 0
        var formula = false
        var value: String?
        var inValue = false
        var inline = ""
        var inInlineText = false
        var phonetic = 0
        var inSheetData = false
        var inRow = false
        var inCell = false

        /// An element starts: the cells, a row, a cell, or a part of the current cell.
        mutating func start(_ xml: XMLScanner) throws {
            if xml.isNamed("sheetData") {
                inSheetData = true
                return
            }
            guard inSheetData else { return }
            if xml.isNamed("row") {
                row = xml.intAttribute("r") ?? row + 1
                guard (1...maximumRows).contains(row) else { throw WorkbookFailure.damaged }
                column = 0
                inRow = true
                inCell = false
                rowCells.removeAll(keepingCapacity: true)
            } else if xml.isNamed("c"), inRow {
                try startCell(xml)
            } else if !inCell {
                return
            } else if xml.isNamed("f") {
                formula = true
            } else if xml.isNamed("v") {
                inValue = phonetic == 0
                value = value ?? ""
            } else if xml.isNamed("rPh") {
                phonetic += 1
            } else if xml.isNamed("t") {
                inInlineText = phonetic == 0
            }
        }

        /// A cell starts: its column (from its reference, else the next), type and format.
        private mutating func startCell(_ xml: XMLScanner) throws {
            column = xml.attribute("r").flatMap { WorkbookCells.cellReference($0)?.column } ?? column + 1
            guard column <= maximumColumns else { throw WorkbookFailure.damaged }
            type = xml.attribute("t") ?? "n"
            style = xml.intAttribute("s") ?? 0
            // A new cell ends whatever an unclosed element of the last one left open.
            formula = false
            value = nil
            inline = ""
            inValue = false
            inInlineText = false
            phonetic = 0
            inCell = true
        }

        /// Text: part of the current cell's value or of its inline string.
        mutating func text(_ xml: XMLScanner) {
            guard inCell else { return }
            if inValue { value = (value ?? "") + xml.text() } else if inInlineText { inline += xml.text() }
        }

        /// An element ends: a cell's text is added to its row, a row is written to `builder`.
        /// True at the end of the cells.
        mutating func end(
            _ xml: XMLScanner, strings: [String], kinds: [WorkbookCells.NumberKind],
            system: WorkbookCells.DateSystem, into builder: inout SheetCSVBuilder
        ) throws -> Bool {
            if xml.isNamed("v") {
                inValue = false
            } else if xml.isNamed("t") {
                inInlineText = false
            } else if xml.isNamed("rPh") {
                phonetic = max(0, phonetic - 1)
            } else if xml.isNamed("c"), inCell {
                inCell = false
                let (row, column) = (row, column)
                if let text = cellText(
                    type: type, style: style, formula: formula, value: value, inline: inline,
                    strings: strings, kinds: kinds, system: system,
                    problem: { builder.problem(row: row, column: column, $0) })
                {
                    rowCells.append((column, text))
                }
            } else if xml.isNamed("row"), inRow {
                inRow = false
                inCell = false
                guard builder.add(row: row, cells: rowCells) else { throw WorkbookFailure.damaged }
            } else if xml.isNamed("sheetData") {
                return true
            }
            return false
        }
    }

    /// Excel's sheet limits (ECMA-376 and Excel's specifications): a reference past them is damage.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// A cell's value as CSV text (nil: empty), reporting a cell that holds no usable value.
    private static func cellText(
        type: String, style: Int, formula: Bool, value: String?, inline: String,
        strings: [String], kinds: [WorkbookCells.NumberKind], system: WorkbookCells.DateSystem,
        problem: (String) -> Void
    ) -> String? {
        if type == "inlineStr" { return WorkbookCells.unescapeExcel(inline) }
        // A number-typed formula with an empty `<v/>` (openpyxl's uncalculated formula) has no
        // saved value either; an empty text result is written with `t="str"`.
        let unsaved = value == nil || (formula && value?.isEmpty == true && (type == "n" || type == "d"))
        guard !unsaved, let value else {
            if formula {
                problem(
                    "the formula has no saved value (the workbook was written by a program that does not calculate formulas); open it in Excel or LibreOffice Calc and save it, or type the value"
                )
            }
            return nil
        }
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                problem(
                    "the cell refers to shared string \(value), which the workbook does not have (the workbook is damaged); save it again"
                )
                return nil
            }
            return strings[index]
        case "str": return WorkbookCells.unescapeExcel(value)
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "e":
            problem(
                "the cell holds Excel's error \(value)\(formula ? " from its formula" : ""); expected a value: correct the formula or type the value"
            )
            return value
        case "d":
            // An ISO 8601 date cell (Strict Open XML): its date part.
            return String(value.prefix(while: { $0 != "T" }))
        default:
            guard !value.isEmpty else { return nil }
            let kind = kinds.indices.contains(style) ? kinds[style] : .number
            switch kind {
            case .number:
                guard let text = WorkbookCells.decimalText(value) else {
                    problem(
                        "the cell's number '\(value)' is not a number (the workbook is damaged); type the value again")
                    return value
                }
                return text
            case .date:
                guard let date = WorkbookCells.date(serial: value, system: system) else {
                    problem(
                        "the cell is formatted as a date but its number \(value) is not one (Excel shows it as ####### or 1900-01-00); type the date"
                    )
                    return value
                }
                return date.description
            case .time:
                return WorkbookCells.time(serial: value) ?? value
            }
        }
    }
}
