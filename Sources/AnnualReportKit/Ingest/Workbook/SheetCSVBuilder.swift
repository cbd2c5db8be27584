/// Builds a sheet's CSV row by row, in the order the workbook stores them.
///
/// Rows are written as they come and padded to the widest row at the end (the widest is
/// known only then), so memory grows with the sheet's values, never with a tree of its XML.
/// A vertically merged cell's value fills the rows it spans in its column (a date merged
/// over a day's sessions, a header merged over a two-row header); a horizontally merged
/// one stays in its first column, as Excel stores it.
struct SheetCSVBuilder {
    private var bytes: [UInt8] = []
    /// Where each written row's text ends, and how many fields it has.
    private var ends: [Int] = []
    private var widths: [Int32] = []
    private var lastRow = 0
    private(set) var problems: [WorkbookSheet.CellProblem] = []
    /// Merged ranges spanning rows: (first row, last row, column) → the first cell's value.
    private var verticalMerges: [(top: Int, bottom: Int, column: Int)] = []
    private var mergeValues: [Int: String] = [:]

    init(merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []) {
        verticalMerges = merges.filter { $0.bottom > $0.top }.map { ($0.top, $0.bottom, $0.left) }
    }

    /// A merged range found as the cells are read (`.ods` names it at its first cell).
    mutating func merge(top: Int, left: Int, bottom: Int, right: Int) {
        if bottom > top { verticalMerges.append((top, bottom, left)) }
    }

    mutating func problem(row: Int, column: Int, _ message: String) {
        problems.append(.init(row: row, column: column, message: message))
    }

    /// Adds sheet row `row` (1-based, after every row added so far) with its non-empty
    /// cells as (1-based column, text), in column order. Returns false when rows come out of order.
    mutating func add(row: Int, cells: [(column: Int, text: String)]) -> Bool {
        guard row > lastRow else { return false }
        var cells = cells
        for merge in verticalMerges where merge.top <= row && row <= merge.bottom {
            let key = merge.top << 20 | merge.column
            if row == merge.top {
                if let value = cells.first(where: { $0.column == merge.column })?.text { mergeValues[key] = value }
            } else if let value = mergeValues[key], !cells.contains(where: { $0.column == merge.column }) {
                cells.append((merge.column, value))
            }
        }
        cells = cells.filter { !$0.text.isEmpty }
        guard !cells.isEmpty else { return true }
        cells.sort { $0.column < $1.column }
        while lastRow < row - 1 {
            lastRow += 1
            bytes.append(0x0A)
            ends.append(bytes.count - 1)
            widths.append(0)
        }
        var next = 1  // the next column to write
        for cell in cells where cell.column >= next {
            while next < cell.column {
                if next > 1 { bytes.append(UInt8(ascii: ",")) }
                next += 1
            }
            if next > 1 { bytes.append(UInt8(ascii: ",")) }
            append(field: cell.text)
            next += 1
        }
        ends.append(bytes.count)
        widths.append(Int32(cells.last!.column))
        bytes.append(0x0A)
        lastRow = row
        return true
    }

    private mutating func append(field text: String) {
        let utf8 = text.utf8
        let needsQuotes = utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x09 || $0 == 0x0A
                || $0 == 0x0D
        }
        guard needsQuotes else {
            bytes += utf8
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for b in utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The CSV, every row padded with empty fields to the widest row (as Excel saves CSV).
    func finish(name: String, hidden: Bool) -> WorkbookSheet {
        let width = Int(widths.max() ?? 0)
        if !widths.contains(where: { $0 > 0 && Int($0) < width }) {
            // Every row already as wide as the widest (the usual table): no copy.
            return WorkbookSheet(
                name: name, hidden: hidden, csv: bytes, problems: problems,
                rowsWithValues: widths.filter { $0 > 0 }.count)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ends.count)
        var start = 0
        for (k, end) in ends.enumerated() {
            out += bytes[start..<end]
            if widths[k] > 0 { out += repeatElement(UInt8(ascii: ","), count: width - Int(widths[k])) }
            out.append(0x0A)
            start = end + 1
        }
        return WorkbookSheet(
            name: name, hidden: hidden, csv: out, problems: problems,
            rowsWithValues: widths.filter { $0 > 0 }.count)
    }
}
