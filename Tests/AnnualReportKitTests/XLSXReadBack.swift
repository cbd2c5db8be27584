import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an .xlsx back for tests: unzips it with ZIPFoundation and parses the parts the writer
/// produces (workbook, sheets, shared strings, styles, tables, drawings, charts, document
/// properties) with Foundation's XMLParser. Only what the tests look at is kept.
struct XLSXReadBack {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    struct Cell: Equatable {
        /// The `t` attribute: `s` shared string, `str` formula text result, `n` or nil number.
        var type: String?
        /// The stored value: the shared string resolved, or the raw `<v>` text.
        var value: String?
        /// The formula without `=`, if any.
        var formula: String?
        var styleIndex: Int
        var numberFormat: String
        var bold: Bool
        var alignment: String?

        var isString: Bool { type == "s" || type == "str" || type == "inlineStr" }
        var number: Double? { isString ? nil : value.flatMap(Double.init) }
    }

    struct Table {
        var path: String
        var ref: String
        var columns: [String]
        var style: String?
        var totalsRowCount: Int
        var hasAutoFilter: Bool
    }

    struct Series {
        var name: String?
        var categories: String?
        var values: String?
        var showsValueLabels: Bool
    }

    struct Chart {
        var path: String
        /// Plot element names, e.g. `c:barChart`.
        var plotTypes: [String]
        var barDirection: String?
        var grouping: String?
        var title: String
        var axisTitles: [String]
        var series: [Series]
        /// `formatCode` of each value axis's `c:numFmt`, nil where it has none.
        var valueAxisNumberFormats: [String?]
    }

    /// How a sheet prints, from its `<sheetPr><pageSetUpPr>`, `<pageSetup>`, `<headerFooter>` and
    /// the workbook's defined names for it.
    struct Printing {
        var fitToPage: Bool
        /// Every attribute of `<pageSetup>` as written (absent ones take OOXML's defaults:
        /// fitToWidth and fitToHeight 1).
        var pageSetup: [String: String]
        var oddHeader: String?
        var oddFooter: String?
        /// `_xlnm.Print_Area` and `_xlnm.Print_Titles` for this sheet.
        var printArea: String?
        var printTitles: String?
    }

    struct Sheet {
        var name: String
        var path: String
        var cells: [String: Cell]
        /// `ySplit` of a frozen pane.
        var frozenRows: Int?
        /// Cell -> hyperlink location (internal links).
        var hyperlinks: [String: String]
        /// 1-based column -> width.
        var columnWidths: [Int: Double]
        var tables: [Table]
        var charts: [Chart]
        /// Chart anchors: top-left (column, row), zero-based, in drawing order.
        var chartAnchors: [(column: Int, row: Int)]
        var printing: Printing

        subscript(_ address: String) -> Cell? { cells[address] }
    }

    var sheets: [Sheet]
    /// docProps/core.xml elements by qualified name (`dc:title`, `dcterms:created`, …).
    var core: [String: String]
    /// docProps/app.xml elements by name (`Company`, …).
    var app: [String: String]
    var partNames: [String]

    subscript(sheet name: String) -> Sheet? { sheets.first { $0.name == name } }

    init(url: URL) throws {
        let archive = try Archive(url: url, accessMode: .read)
        var parts: [String: Data] = [:]
        var names: [String] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            parts[entry.path] = data
            names.append(entry.path)
        }
        partNames = names

        func xml(_ path: String) throws -> ReadBackXMLNode {
            guard let data = parts[path] else { throw ReadError(description: "no part \(path)") }
            return try ReadBackXMLNode.parse(data, path: path)
        }
        func relationships(of path: String) throws -> [(id: String, type: String, target: String)] {
            let folder = (path as NSString).deletingLastPathComponent
            let file = (path as NSString).lastPathComponent
            let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
            guard parts[relsPath] != nil else { return [] }
            return try xml(relsPath).all("Relationship").map { rel in
                (rel["Id"] ?? "", rel["Type"] ?? "", Self.resolve(rel["Target"] ?? "", relativeTo: folder))
            }
        }

        // Shared strings: each <si> is the concatenation of its <t> texts.
        let shared = parts["xl/sharedStrings.xml"] == nil ? [] :
            try xml("xl/sharedStrings.xml").all("si").map { $0.descendants("t").map(\.text).joined() }

        // Styles: cellXfs index -> (number format code, bold, horizontal alignment).
        let styles = try xml("xl/styles.xml")
        var codes: [Int: String] = [0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%"]
        for format in styles.descendants("numFmt") {
            if let id = format["numFmtId"].flatMap(Int.init) { codes[id] = format["formatCode"] }
        }
        let fonts = styles.first("fonts")?.all("font").map { $0.first("b") != nil } ?? []
        let xfs: [(String, Bool, String?)] = (styles.first("cellXfs")?.all("xf") ?? []).map { xf in
            let code = codes[Int(xf["numFmtId"] ?? "0") ?? 0] ?? "?"
            let fontID = Int(xf["fontId"] ?? "0") ?? 0
            return (code, fonts.indices.contains(fontID) && fonts[fontID], xf.first("alignment")?["horizontal"])
        }

        let workbook = try xml("xl/workbook.xml")
        let workbookRels = try relationships(of: "xl/workbook.xml")
        let definedNames = workbook.descendants("definedName")
        sheets = try workbook.descendants("sheet").enumerated().map { sheetIndex, sheetNode in
            let name = sheetNode["name"] ?? ""
            guard let rel = workbookRels.first(where: { $0.id == sheetNode["r:id"] }) else {
                throw ReadError(description: "no relationship for sheet \(name)")
            }
            let root = try xml(rel.target)
            var cells: [String: Cell] = [:]
            for c in root.descendants("c") {
                guard let address = c["r"] else { continue }
                let styleIndex = Int(c["s"] ?? "0") ?? 0
                let style = xfs.indices.contains(styleIndex) ? xfs[styleIndex] : ("General", false, nil)
                var value = c.first("v")?.text
                if c["t"] == "s", let index = value.flatMap(Int.init), shared.indices.contains(index) {
                    value = shared[index]
                } else if c["t"] == "inlineStr" {
                    value = c.descendants("t").map(\.text).joined()
                }
                cells[address] = Cell(type: c["t"], value: value, formula: c.first("f")?.text, styleIndex: styleIndex,
                                      numberFormat: style.0, bold: style.1, alignment: style.2)
            }
            let pane = root.descendants("pane").first
            var hyperlinks: [String: String] = [:]
            for link in root.descendants("hyperlink") {
                if let ref = link["ref"], let location = link["location"] { hyperlinks[ref] = location }
            }
            var widths: [Int: Double] = [:]
            for col in root.descendants("col") {
                guard let min = col["min"].flatMap(Int.init), let max = col["max"].flatMap(Int.init),
                      let width = col["width"].flatMap(Double.init) else { continue }
                for i in min...max { widths[i] = width }
            }
            var tables: [Table] = []
            var charts: [Chart] = []
            var anchors: [(column: Int, row: Int)] = []
            for sheetRel in try relationships(of: rel.target) {
                if sheetRel.type.hasSuffix("/table") {
                    let table = try xml(sheetRel.target)
                    tables.append(Table(path: sheetRel.target, ref: table["ref"] ?? "",
                                        columns: table.descendants("tableColumn").map { $0["name"] ?? "" },
                                        style: table.first("tableStyleInfo")?["name"],
                                        totalsRowCount: Int(table["totalsRowCount"] ?? "0") ?? 0,
                                        hasAutoFilter: table.first("autoFilter") != nil))
                } else if sheetRel.type.hasSuffix("/drawing") {
                    let drawing = try xml(sheetRel.target)
                    for anchor in drawing.all("xdr:twoCellAnchor") {
                        let from = anchor.first("xdr:from")
                        anchors.append((Int(from?.first("xdr:col")?.text ?? "") ?? -1,
                                        Int(from?.first("xdr:row")?.text ?? "") ?? -1))
                    }
                    for drawingRel in try relationships(of: sheetRel.target) where drawingRel.type.hasSuffix("/chart") {
                        charts.append(try Self.chart(xml(drawingRel.target), path: drawingRel.target))
                    }
                }
            }
            func definedName(_ defined: String) -> String? {
                definedNames.first { $0["name"] == defined && $0["localSheetId"] == String(sheetIndex) }?.text
            }
            let printing = Printing(
                fitToPage: root.first("sheetPr")?.first("pageSetUpPr")?["fitToPage"] == "1",
                pageSetup: root.first("pageSetup")?.attributes ?? [:],
                oddHeader: root.first("headerFooter")?.first("oddHeader")?.text,
                oddFooter: root.first("headerFooter")?.first("oddFooter")?.text,
                printArea: definedName("_xlnm.Print_Area"), printTitles: definedName("_xlnm.Print_Titles"))
            return Sheet(name: name, path: rel.target, cells: cells, frozenRows: pane?["ySplit"].flatMap(Int.init),
                         hyperlinks: hyperlinks, columnWidths: widths, tables: tables, charts: charts,
                         chartAnchors: anchors, printing: printing)
        }

        var core: [String: String] = [:]
        for child in try xml("docProps/core.xml").children { core[child.name] = child.text }
        self.core = core
        var app: [String: String] = [:]
        for child in try xml("docProps/app.xml").children { app[child.name] = child.text }
        self.app = app
    }

    private static func chart(_ root: ReadBackXMLNode, path: String) -> Chart {
        let plotArea = root.descendants("c:plotArea").first
        let plots = (plotArea?.children ?? []).filter { $0.name.hasSuffix("Chart") }
        func richText(_ node: ReadBackXMLNode?) -> String { node?.descendants("a:t").map(\.text).joined() ?? "" }
        let chartTitle = root.first("c:chart")?.first("c:title")
        let axes = (plotArea?.children ?? []).filter { $0.name == "c:catAx" || $0.name == "c:valAx" }
        let series = plots.flatMap { $0.all("c:ser") }.map { ser in
            Series(name: ser.first("c:tx")?.descendants("c:f").first?.text,
                   categories: ser.first("c:cat")?.descendants("c:f").first?.text,
                   values: ser.first("c:val")?.descendants("c:f").first?.text,
                   showsValueLabels: ser.first("c:dLbls")?.first("c:showVal")?["val"] == "1")
        }
        return Chart(path: path, plotTypes: plots.map(\.name), barDirection: plots.first?.first("c:barDir")?["val"],
                     grouping: plots.first?.first("c:grouping")?["val"], title: richText(chartTitle),
                     axisTitles: axes.map { "\($0.name)=\(richText($0.first("c:title")))" }, series: series,
                     valueAxisNumberFormats: axes.filter { $0.name == "c:valAx" }.map { $0.first("c:numFmt")?["formatCode"] })
    }

    /// `../drawings/drawing1.xml` relative to `xl/worksheets` -> `xl/drawings/drawing1.xml`.
    static func resolve(_ target: String, relativeTo folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = folder.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { _ = components.popLast() } else if part != "." { components.append(String(part)) }
        }
        return components.joined(separator: "/")
    }
}

// MARK: - A small XML tree

final class ReadBackXMLNode {
    let name: String
    let attributes: [String: String]
    var children: [ReadBackXMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }
    func first(_ name: String) -> ReadBackXMLNode? { children.first { $0.name == name } }
    func all(_ name: String) -> [ReadBackXMLNode] { children.filter { $0.name == name } }
    func descendants(_ name: String) -> [ReadBackXMLNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    static func parse(_ data: Data, path: String) throws -> ReadBackXMLNode {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XLSXReadBack.ReadError(description: "\(path): \(parser.parserError.map { "\($0)" } ?? "no root element")")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: ReadBackXMLNode?
        var stack: [ReadBackXMLNode] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = ReadBackXMLNode(name: qName ?? elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

// MARK: - Re-checking formulas

/// Evaluates the formulas the writer emits (SUM, IF, N, COUNT, OR, ISNUMBER, + - * /, = <)
/// against the stored cells of one sheet, independently of the writer's own check.
struct XLSXFormulaEvaluator {
    enum Value: Equatable {
        case number(Double)
        case text(String)
        case bool(Bool)
        case blank
        case error
    }

    let sheet: XLSXReadBack.Sheet

    func evaluate(_ formula: String) -> Value {
        var parser = Parser(tokens: Self.tokenize(formula), sheet: sheet)
        let value = parser.expression()
        return parser.position == parser.tokens.count ? value : .error
    }

    /// The stored value of a cell as Excel sees it.
    func stored(_ address: String) -> Value {
        guard let cell = sheet[address], let value = cell.value else { return .blank }
        if cell.isString { return .text(value) }
        return Double(value).map(Value.number) ?? .error
    }

    enum Token: Equatable { case number(Double), string(String), ref(String), name(String), op(String) }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == " " { chars.removeFirst(); continue }
            if c == "\"" {
                chars.removeFirst()
                var s = ""
                while let d = chars.first, d != "\"" { s.append(d); chars.removeFirst() }
                chars.removeFirst()
                tokens.append(.string(s))
            } else if c.isNumber || c == "." {
                var s = ""
                while let d = chars.first, d.isNumber || d == "." { s.append(d); chars.removeFirst() }
                tokens.append(.number(Double(s) ?? .nan))
            } else if c.isLetter || c == "$" {
                var s = ""
                while let d = chars.first, d.isLetter || d.isNumber || d == "$" || d == ":" { s.append(d); chars.removeFirst() }
                let plain = s.replacingOccurrences(of: "$", with: "")
                if plain.first?.isLetter == true, plain.last?.isNumber == true { tokens.append(.ref(plain)) } else { tokens.append(.name(s)) }
            } else {
                tokens.append(.op(String(c)))
                chars.removeFirst()
            }
        }
        return tokens
    }

    struct Parser {
        let tokens: [Token]
        let sheet: XLSXReadBack.Sheet
        var position = 0

        init(tokens: [Token], sheet: XLSXReadBack.Sheet) { self.tokens = tokens; self.sheet = sheet }

        var next: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func expression() -> Value {
            var left = additive()
            while let token = next, token == .op("=") || token == .op("<") {
                position += 1
                let right = additive()
                guard case .number(let a) = left, case .number(let b) = right else { return .error }
                left = .bool(token == .op("=") ? a == b : a < b)
            }
            return left
        }

        mutating func additive() -> Value {
            var left = multiplicative()
            while let token = next, token == .op("+") || token == .op("-") {
                position += 1
                let right = multiplicative()
                guard let a = Self.arithmetic(left), let b = Self.arithmetic(right) else { return .error }
                left = .number(token == .op("+") ? a + b : a - b)
            }
            return left
        }

        mutating func multiplicative() -> Value {
            var left = primary()
            while let token = next, token == .op("*") || token == .op("/") {
                position += 1
                let right = primary()
                guard let a = Self.arithmetic(left), let b = Self.arithmetic(right) else { return .error }
                if token == .op("/") && b == 0 { return .error }
                left = .number(token == .op("*") ? a * b : a / b)
            }
            return left
        }

        static func arithmetic(_ value: Value) -> Double? {
            switch value {
            case .number(let n): n
            case .blank: 0
            case .bool(let b): b ? 1 : 0
            default: nil
            }
        }

        mutating func primary() -> Value {
            guard let token = next else { return .error }
            position += 1
            switch token {
            case .number(let n): return .number(n)
            case .string(let s): return .text(s)
            case .op("-"): return Self.arithmetic(primary()).map { .number(-$0) } ?? .error
            case .op("("):
                let value = expression()
                guard next == .op(")") else { return .error }
                position += 1
                return value
            case .ref(let ref):
                let cells = cellsIn(ref)
                return cells.count == 1 ? XLSXFormulaEvaluator(sheet: sheet).stored(cells[0]) : .error
            case .name(let function):
                guard next == .op("(") else { return .error }
                position += 1
                var arguments: [[Value]] = []
                while next != .op(")") {
                    if case .ref(let ref) = next, cellsIn(ref).count > 1 {
                        position += 1
                        arguments.append(cellsIn(ref).map { XLSXFormulaEvaluator(sheet: sheet).stored($0) })
                    } else {
                        arguments.append([expression()])
                    }
                    if next == .op(",") { position += 1 } else if next != .op(")") { return .error }
                }
                position += 1
                return call(function, arguments)
            default: return .error
            }
        }

        func call(_ function: String, _ arguments: [[Value]]) -> Value {
            let flat = arguments.flatMap { $0 }
            func numbers() -> [Double] { flat.compactMap { if case .number(let n) = $0 { n } else { nil } } }
            switch function {
            case "SUM": return flat.contains(.error) ? .error : .number(numbers().reduce(0, +))
            case "COUNT": return .number(Double(numbers().count))
            case "N": if case .number(let n) = flat.first { return .number(n) } else { return .number(0) }
            case "ISNUMBER": if case .number = flat.first { return .bool(true) } else { return .bool(false) }
            case "OR": return .bool(flat.contains(.bool(true)))
            case "IF":
                guard flat.count == 3, case .bool(let condition) = flat[0] else { return .error }
                return condition ? flat[1] : flat[2]
            default: return .error
            }
        }

        /// `B3:B5` -> [B3, B4, B5]; `B3` -> [B3].
        func cellsIn(_ ref: String) -> [String] {
            let ends = ref.split(separator: ":").map(String.init)
            guard ends.count == 2 else { return [ref] }
            func split(_ a: String) -> (String, Int) {
                (String(a.prefix { $0.isLetter }), Int(a.drop { $0.isLetter }) ?? 0)
            }
            let (c0, r0) = split(ends[0])
            let (c1, r1) = split(ends[1])
            guard c0 == c1, r0 <= r1 else { return [] }
            return (r0...r1).map { "\(c0)\($0)" }
        }
    }
}
