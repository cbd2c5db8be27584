import Foundation

/// The workbook's live formulas: each `Derivation` of the model as Excel formula text, checked to
/// compute the value the report stores.
extension XLSXWriter {
    // MARK: - Formulas

    /// What a cell holds or a formula gives, as Excel sees it.
    enum SpreadsheetValue: Equatable, CustomStringConvertible {
        case number(Double)
        case text(String)
        case blank
        case error

        init(_ value: CellValue) {
            switch value {
            case .empty: self = .blank
            case .text(let text): self = .text(text)
            case .notApplicable: self = .text(TableLayout.notApplicable)
            case .count(let n): self = .number(Double(n))
            case .money(let money): self = .number(money.poundsForSpreadsheet)
            case .percent(let ratio): self = .number(ratio.fractionForSpreadsheet)
            case .decimal(let d): self = .number(d.double)
            }
        }

        /// Equal, allowing the rounding of binary floating point.
        func matches(_ other: SpreadsheetValue) -> Bool {
            switch (self, other) {
            case (.number(let a), .number(let b)): abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
            default: self == other
            }
        }

        var number: Double? { if case .number(let n) = self { n } else { nil } }
        /// Excel's N(): the number, or 0 for text and blanks.
        var n: Double { number ?? 0 }
        /// The value in arithmetic: blanks are 0, text is #VALUE!.
        var arithmetic: Double? {
            switch self {
            case .number(let n): n
            case .blank: 0
            case .text, .error: nil
            }
        }

        var description: String {
            switch self {
            case .number(let n): "\(n)"
            case .text(let t): "\"\(t)\""
            case .blank: "blank"
            case .error: "#VALUE!"
            }
        }
    }

    /// Formula text for a `Derivation`, and what it computes from the stored cells.
    enum FormulaBuilder {
        struct Formula: Equatable {
            /// Without the leading `=`, as Excel stores it: `SUM(B3:B7)`.
            var text: String
            var result: SpreadsheetValue
        }

        /// The formula for the derived cell at `cell` that stores `value`. The plain form (for
        /// example `C3-B3`) is used when it computes the stored value; a stored N/A that the plain
        /// form would not give (a difference with an N/A operand) gets a form that tests for it.
        /// Anything else is a model error.
        static func formula(
            for derivation: Derivation, storing value: CellValue, at cell: CellRef,
            in table: ReportTable
        ) throws -> Formula {
            let stored = SpreadsheetValue(value)
            let candidates = try forms(of: derivation, in: table, at: cell)
            let usable = stored == .text(TableLayout.notApplicable) ? candidates : Array(candidates.prefix(1))
            if let match = usable.first(where: { $0.result.matches(stored) }) {
                return Formula(text: match.text, result: stored)
            }
            throw XLSXWriterError.inconsistentDerivation(
                table: table.id, cell: TableLayout.address(cell), formula: candidates[0].text,
                stored: TableLayout.displayText(value, kind: table.columns[cell.column].kind),
                computed: candidates[0].result.description)
        }

        /// The plain form first, then the one that answers N/A for non-numeric operands.
        static func forms(of derivation: Derivation, in table: ReportTable, at cell: CellRef) throws -> [Formula] {
            func check(_ ref: CellRef) throws -> (String, SpreadsheetValue) {
                guard table.rows.indices.contains(ref.row), table.columns.indices.contains(ref.column) else {
                    throw XLSXWriterError.badReference(table: table.id, cell: TableLayout.address(cell), reference: ref)
                }
                let cells = table.rows[ref.row].cells
                let value = ref.column < cells.count ? SpreadsheetValue(cells[ref.column].value) : .blank
                return (TableLayout.address(ref), value)
            }
            let na = "\"\(TableLayout.notApplicable)\""
            let naValue = SpreadsheetValue.text(TableLayout.notApplicable)
            switch derivation {
            case .sum(let refs):
                let values = try refs.map { try check($0).1 }
                let numbers = values.compactMap(\.number)
                let total = numbers.reduce(0, +)
                guard !refs.isEmpty else { return [Formula(text: "0", result: .number(0))] }
                let args = sumArguments(refs)
                return [
                    Formula(text: "SUM(\(args))", result: .number(total)),
                    Formula(
                        text: "IF(COUNT(\(args))=0,\(na),SUM(\(args)))",
                        result: numbers.isEmpty ? naValue : .number(total)),
                ]
            case .difference(let a, let b):
                let (aText, aValue) = try check(a)
                let (bText, bValue) = try check(b)
                let plain: SpreadsheetValue =
                    if let x = aValue.arithmetic, let y = bValue.arithmetic { .number(x - y) } else { .error }
                let counted = [aValue, bValue].compactMap(\.number).count
                let guarded: SpreadsheetValue = counted < 2 ? naValue : plain
                return [
                    Formula(text: "\(aText)-\(bText)", result: plain),
                    Formula(text: "IF(COUNT(\(aText),\(bText))<2,\(na),\(aText)-\(bText))", result: guarded),
                ]
            case .percentChange(let from, let to):
                let (f, fValue) = try check(from)
                let (t, tValue) = try check(to)
                let change: SpreadsheetValue =
                    if let x = tValue.arithmetic { .number((x - fValue.n) / fValue.n) } else { .error }
                let plain = fValue.n == 0 ? naValue : change
                let guarded = fValue.n == 0 || tValue.number == nil ? naValue : change
                return [
                    Formula(text: "IF(N(\(f))=0,\(na),(\(t)-\(f))/\(f))", result: plain),
                    Formula(text: "IF(OR(N(\(f))=0,COUNT(\(t))=0),\(na),(\(t)-\(f))/\(f))", result: guarded),
                ]
            case .share(let part, let whole):
                let (p, pValue) = try check(part)
                let (w, wValue) = try check(whole)
                let ratio: SpreadsheetValue = if let x = pValue.arithmetic { .number(x / wValue.n) } else { .error }
                let plain = wValue.n == 0 ? naValue : ratio
                let guarded = wValue.n == 0 || pValue.number == nil ? naValue : ratio
                return [
                    Formula(text: "IF(N(\(w))=0,\(na),\(p)/\(w))", result: plain),
                    Formula(text: "IF(OR(N(\(w))=0,COUNT(\(p))=0),\(na),\(p)/\(w))", result: guarded),
                ]
            }
        }

        /// `B3:B7` for consecutive rows of one column, else a list: `B3:B5,B7,C3`. Refs are sorted
        /// by column then row; a ref listed twice stays twice, as SUM then counts it twice too.
        static func sumArguments(_ refs: [CellRef]) -> String {
            let sorted = refs.sorted { ($0.column, $0.row) < ($1.column, $1.row) }
            var runs: [(column: Int, first: Int, last: Int)] = []
            for ref in sorted {
                if let last = runs.last, last.column == ref.column, ref.row == last.last + 1 {
                    runs[runs.count - 1].last = ref.row
                } else {
                    runs.append((ref.column, ref.row, ref.row))
                }
            }
            return runs.map { run in
                let first = TableLayout.address(CellRef(row: run.first, column: run.column))
                return run.first == run.last
                    ? first : first + ":" + TableLayout.address(CellRef(row: run.last, column: run.column))
            }.joined(separator: ",")
        }
    }
}
