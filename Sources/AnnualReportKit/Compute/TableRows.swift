/// Rows that several tables share.
enum TableRows {
    /// A total row summing the given columns over every body row so far; a column with no
    /// figure in any row (all N/A) totals N/A, not 0.
    static func sumRow(_ label: String, columns: ClosedRange<Int>, table: ReportTable) -> ReportRow {
        var cells: [ReportCell] = [.text(label)]
        for c in 1..<table.columns.count {
            guard columns.contains(c) else {
                cells.append(.empty)
                continue
            }
            let refs = table.rows.indices.filter { table.rows[$0].role == .body }.map { CellRef(row: $0, column: c) }
            var total: Int64 = 0
            var any = refs.isEmpty
            for ref in refs {
                if case .count(let n) = table[ref].value {
                    total += n
                    any = true
                }
            }
            cells.append(ReportCell(any ? .count(total) : .notApplicable, derivation: .sum(refs)))
        }
        return ReportRow(cells, role: .total)
    }
}
