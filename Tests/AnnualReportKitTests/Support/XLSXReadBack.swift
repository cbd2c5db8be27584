import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

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
        /// `<alignment wrapText="1">`, its `vertical` and `indent`.
        var wraps = false
        var vertical: String?
        var indent = 0

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
        /// `srgbClr` of the series' `c:spPr` solid fill and of its outline (`a:ln`).
        var fill: String?
        var outline: String?
        /// The data labels' `c:numFmt` format code and text colour (`c:txPr`).
        var labelNumberFormat: String?
        var labelColour: String?
    }

    /// A chart axis: `c:catAx` or `c:valAx` with its scaling and crossing.
    struct Axis {
        var kind: String
        /// `c:scaling/c:orientation`: `minMax`, or `maxMin` for a reversed axis.
        var orientation: String?
        var min: String?
        var max: String?
        var majorUnit: String?
        /// `c:crosses`: where this axis crosses the other (`autoZero`, `max`, `min`).
        var crosses: String?
        var numberFormat: String?
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
        var axes: [Axis]

        var categoryAxis: Axis? { axes.first { $0.kind == "c:catAx" } }
        var valueAxis: Axis? { axes.first { $0.kind == "c:valAx" } }
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
        /// 1-based row -> height in points, for rows with a custom height.
        var rowHeights: [Int: Double]
        /// Merged ranges, e.g. `A9:E9`.
        var mergedCells: [String]
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
        var parts = Parts()
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            parts.data[entry.path] = data
            parts.names.append(entry.path)
        }
        partNames = parts.names
        let shared = try parts.sharedStrings()
        let styles = try parts.cellStyles()
        let workbook = try parts.xml("xl/workbook.xml")
        let workbookRels = try parts.relationships(of: "xl/workbook.xml")
        let definedNames = workbook.descendants("definedName")
        sheets = try workbook.descendants("sheet").enumerated().map { sheetIndex, sheetNode in
            let name = sheetNode["name"] ?? ""
            guard let rel = workbookRels.first(where: { $0.id == sheetNode["r:id"] }) else {
                throw ReadError(description: "no relationship for sheet \(name)")
            }
            let printNames = definedNames.filter { $0["localSheetId"] == String(sheetIndex) }
            return try Self.sheet(
                name: name, path: rel.target, parts: parts, shared: shared, styles: styles, definedNames: printNames)
        }
        core = try parts.elements("docProps/core.xml")
        app = try parts.elements("docProps/app.xml")
    }

    /// A cellXfs entry: its number format code, whether its font is bold, its alignment.
    typealias CellStyle = (code: String, bold: Bool, alignment: ReadBackXMLNode?)

    /// The package's parts by path, and the steps that read them.
    struct Parts {
        var data: [String: Data] = [:]
        var names: [String] = []

        func xml(_ path: String) throws -> ReadBackXMLNode {
            guard let bytes = data[path] else { throw ReadError(description: "no part \(path)") }
            return try ReadBackXMLNode.parse(bytes, path: path)
        }

        /// The part's relationships, their targets resolved against its folder.
        func relationships(of path: String) throws -> [(id: String, type: String, target: String)] {
            let folder = (path as NSString).deletingLastPathComponent
            let file = (path as NSString).lastPathComponent
            let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
            guard data[relsPath] != nil else { return [] }
            return try xml(relsPath).all("Relationship").map { rel in
                (rel["Id"] ?? "", rel["Type"] ?? "", XLSXReadBack.resolve(rel["Target"] ?? "", relativeTo: folder))
            }
        }

        /// Shared strings: each <si> is the concatenation of its <t> texts.
        func sharedStrings() throws -> [String] {
            guard data["xl/sharedStrings.xml"] != nil else { return [] }
            return try xml("xl/sharedStrings.xml").all("si").map { $0.descendants("t").map(\.text).joined() }
        }

        /// Styles: cellXfs index -> (number format code, bold, alignment).
        func cellStyles() throws -> [CellStyle] {
            let styles = try xml("xl/styles.xml")
            var codes: [Int: String] = [
                0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
            ]
            for format in styles.descendants("numFmt") {
                if let id = format["numFmtId"].flatMap(Int.init) { codes[id] = format["formatCode"] }
            }
            let fonts = styles.first("fonts")?.all("font").map { $0.first("b") != nil } ?? []
            return (styles.first("cellXfs")?.all("xf") ?? []).map { xf in
                let code = codes[Int(xf["numFmtId"] ?? "0") ?? 0] ?? "?"
                let fontID = Int(xf["fontId"] ?? "0") ?? 0
                return (code, fonts.indices.contains(fontID) && fonts[fontID], xf.first("alignment"))
            }
        }

        /// A docProps part's elements by name.
        func elements(_ path: String) throws -> [String: String] {
            var elements: [String: String] = [:]
            for child in try xml(path).children { elements[child.name] = child.text }
            return elements
        }
    }

    /// One worksheet: its cells, layout, tables, charts and print setup.
    private static func sheet(
        name: String, path: String, parts: Parts, shared: [String], styles: [CellStyle],
        definedNames: [ReadBackXMLNode]
    ) throws -> Sheet {
        let root = try parts.xml(path)
        var hyperlinks: [String: String] = [:]
        for link in root.descendants("hyperlink") {
            if let ref = link["ref"], let location = link["location"] { hyperlinks[ref] = location }
        }
        var widths: [Int: Double] = [:]
        for col in root.descendants("col") {
            guard let min = col["min"].flatMap(Int.init), let max = col["max"].flatMap(Int.init),
                let width = col["width"].flatMap(Double.init)
            else { continue }
            for i in min...max { widths[i] = width }
        }
        var heights: [Int: Double] = [:]
        for row in root.descendants("row") where row["customHeight"] == "1" {
            if let r = row["r"].flatMap(Int.init), let ht = row["ht"].flatMap(Double.init) { heights[r] = ht }
        }
        let drawn = try drawings(of: path, parts: parts)
        func definedName(_ defined: String) -> String? { definedNames.first { $0["name"] == defined }?.text }
        let printing = Printing(
            fitToPage: root.first("sheetPr")?.first("pageSetUpPr")?["fitToPage"] == "1",
            pageSetup: root.first("pageSetup")?.attributes ?? [:],
            oddHeader: root.first("headerFooter")?.first("oddHeader")?.text,
            oddFooter: root.first("headerFooter")?.first("oddFooter")?.text,
            printArea: definedName("_xlnm.Print_Area"), printTitles: definedName("_xlnm.Print_Titles"))
        return Sheet(
            name: name, path: path, cells: cells(root, shared: shared, styles: styles),
            frozenRows: root.descendants("pane").first?["ySplit"].flatMap(Int.init),
            hyperlinks: hyperlinks, columnWidths: widths, rowHeights: heights,
            mergedCells: root.descendants("mergeCell").compactMap { $0["ref"] }, tables: drawn.tables,
            charts: drawn.charts, chartAnchors: drawn.anchors, printing: printing)
    }

    /// A worksheet's cells by address, shared strings and styles resolved.
    private static func cells(_ root: ReadBackXMLNode, shared: [String], styles: [CellStyle]) -> [String: Cell] {
        var cells: [String: Cell] = [:]
        for c in root.descendants("c") {
            guard let address = c["r"] else { continue }
            let styleIndex = Int(c["s"] ?? "0") ?? 0
            let style: CellStyle = styles.indices.contains(styleIndex) ? styles[styleIndex] : ("General", false, nil)
            let alignment = style.alignment
            var value = c.first("v")?.text
            if c["t"] == "s", let index = value.flatMap(Int.init), shared.indices.contains(index) {
                value = shared[index]
            } else if c["t"] == "inlineStr" {
                value = c.descendants("t").map(\.text).joined()
            }
            cells[address] = Cell(
                type: c["t"], value: value, formula: c.first("f")?.text, styleIndex: styleIndex,
                numberFormat: style.code, bold: style.bold, alignment: alignment?["horizontal"],
                wraps: alignment?["wrapText"] == "1", vertical: alignment?["vertical"],
                indent: Int(alignment?["indent"] ?? "0") ?? 0)
        }
        return cells
    }

    /// The worksheet's tables, and its drawing's charts with where each is anchored.
    private static func drawings(
        of path: String, parts: Parts
    ) throws -> (tables: [Table], charts: [Chart], anchors: [(column: Int, row: Int)]) {
        var tables: [Table] = []
        var charts: [Chart] = []
        var anchors: [(column: Int, row: Int)] = []
        for sheetRel in try parts.relationships(of: path) {
            if sheetRel.type.hasSuffix("/table") {
                let table = try parts.xml(sheetRel.target)
                tables.append(
                    Table(
                        path: sheetRel.target, ref: table["ref"] ?? "",
                        columns: table.descendants("tableColumn").map { $0["name"] ?? "" },
                        style: table.first("tableStyleInfo")?["name"],
                        totalsRowCount: Int(table["totalsRowCount"] ?? "0") ?? 0,
                        hasAutoFilter: table.first("autoFilter") != nil))
            } else if sheetRel.type.hasSuffix("/drawing") {
                let drawing = try parts.xml(sheetRel.target)
                for anchor in drawing.all("xdr:twoCellAnchor") {
                    let from = anchor.first("xdr:from")
                    anchors.append(
                        (Int(from?.first("xdr:col")?.text ?? "") ?? -1, Int(from?.first("xdr:row")?.text ?? "") ?? -1))
                }
                for drawingRel in try parts.relationships(of: sheetRel.target) where drawingRel.type.hasSuffix("/chart")
                {
                    charts.append(try chart(parts.xml(drawingRel.target), path: drawingRel.target))
                }
            }
        }
        return (tables, charts, anchors)
    }

    private static func chart(_ root: ReadBackXMLNode, path: String) -> Chart {
        let plotArea = root.descendants("c:plotArea").first
        let plots = (plotArea?.children ?? []).filter { $0.name.hasSuffix("Chart") }
        func richText(_ node: ReadBackXMLNode?) -> String { node?.descendants("a:t").map(\.text).joined() ?? "" }
        let chartTitle = root.first("c:chart")?.first("c:title")
        let axes = (plotArea?.children ?? []).filter { $0.name == "c:catAx" || $0.name == "c:valAx" }
        let series = plots.flatMap { $0.all("c:ser") }.map { ser in
            let shape = ser.first("c:spPr")
            let labels = ser.first("c:dLbls")
            return Series(
                name: ser.first("c:tx")?.descendants("c:f").first?.text,
                categories: ser.first("c:cat")?.descendants("c:f").first?.text,
                values: ser.first("c:val")?.descendants("c:f").first?.text,
                showsValueLabels: labels?.first("c:showVal")?["val"] == "1",
                fill: shape?.first("a:solidFill")?.first("a:srgbClr")?["val"],
                outline: shape?.first("a:ln")?.first("a:solidFill")?.first("a:srgbClr")?["val"],
                labelNumberFormat: labels?.first("c:numFmt")?["formatCode"],
                labelColour: labels?.first("c:txPr")?.descendants("a:srgbClr").first?["val"])
        }
        return Chart(
            path: path, plotTypes: plots.map(\.name), barDirection: plots.first?.first("c:barDir")?["val"],
            grouping: plots.first?.first("c:grouping")?["val"], title: richText(chartTitle),
            axisTitles: axes.map { "\($0.name)=\(richText($0.first("c:title")))" }, series: series,
            valueAxisNumberFormats: axes.filter { $0.name == "c:valAx" }.map { $0.first("c:numFmt")?["formatCode"] },
            axes: axes.map { axis in
                let scaling = axis.first("c:scaling")
                return Axis(
                    kind: axis.name, orientation: scaling?.first("c:orientation")?["val"],
                    min: scaling?.first("c:min")?["val"], max: scaling?.first("c:max")?["val"],
                    majorUnit: axis.first("c:majorUnit")?["val"], crosses: axis.first("c:crosses")?["val"],
                    numberFormat: axis.first("c:numFmt")?["formatCode"])
            })
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
            throw XLSXReadBack.ReadError(
                description: "\(path): \(parser.parserError.map { "\($0)" } ?? "no root element")")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: ReadBackXMLNode?
        var stack: [ReadBackXMLNode] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let node = ReadBackXMLNode(name: qName ?? elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
