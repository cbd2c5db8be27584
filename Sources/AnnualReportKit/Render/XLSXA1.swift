// Excel's A1 addresses and chart references: pure text, no libxlsxwriter call.

extension XLSXWorkbook {
    // MARK: - A1 references

    /// Excel cell addresses and references, independent of libxlsxwriter.
    enum A1 {
        /// `0` -> `A`, `25` -> `Z`, `26` -> `AA`.
        static func column(_ index: Int) -> String {
            var n = index + 1
            var letters: [Character] = []
            while n > 0 {
                let r = (n - 1) % 26
                letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
                n = (n - 1) / 26
            }
            return String(letters.reversed())
        }

        /// Zero-based row and column -> `B3`.
        static func cell(row: Int, column: Int) -> String { "\(Self.column(column))\(row + 1)" }

        /// A sheet name as formulas and links need it: always quoted, quotes doubled.
        /// `Summary` -> `'Summary'`; `Children's ages` -> `'Children''s ages'`. (Quoting a name that
        /// needs none is valid everywhere, and it spares checking names that look like cells.)
        static func quotedSheetName(_ name: String) -> String {
            "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        }

        /// Sorted rows grouped into runs of consecutive rows: [2,3,4,6] -> [2...4, 6...6].
        static func runs(_ rows: [Int]) -> [ClosedRange<Int>] {
            var result: [ClosedRange<Int>] = []
            for row in rows.sorted() {
                if let last = result.last, row == last.upperBound + 1 {
                    result[result.count - 1] = last.lowerBound...row
                } else if let last = result.last, last.contains(row) {
                    continue
                } else {
                    result.append(row...row)
                }
            }
            return result
        }

        /// `='Sheet'!$B$3:$B$5` or, with gaps, `=('Sheet'!$B$3:$B$5,'Sheet'!$B$7)`.
        static func chartFormula(_ range: Chart.Range) -> String {
            let sheet = quotedSheetName(range.sheet)
            let col = "$" + column(range.column)
            let parts = runs(range.rows).map { run in
                run.count == 1
                    ? "\(sheet)!\(col)$\(run.lowerBound + 1)"
                    : "\(sheet)!\(col)$\(run.lowerBound + 1):\(col)$\(run.upperBound + 1)"
            }
            return parts.count == 1 ? "=" + parts[0] : "=(" + parts.joined(separator: ",") + ")"
        }
    }
}
