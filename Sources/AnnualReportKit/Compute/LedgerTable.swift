/// The data-quality section's table: each file's rows read, used and rejected, and their totals.
enum LedgerTable {
    /// One row per file, a total row of sums when there are files, and `notes` under the table.
    static func table(ledger: [FileLedger], notes: [String]) -> ReportTable {
        // The footnotes column only where some file has footnotes, so a tidy folder's table is unchanged.
        let footnotes = ledger.contains { $0.footnotes > 0 }
        var table = ReportTable(
            id: "data-quality", title: "Data quality: rows read, used and rejected",
            columns: [
                ReportColumn("File", .label), ReportColumn("Dataset", .text),
                ReportColumn("Rows read", .count), ReportColumn("Rows used", .count),
                ReportColumn("Rows rejected", .count), ReportColumn("Control totals", .count),
            ]
                + (footnotes ? [ReportColumn("Footnotes", .count)] : []),
            notes: notes)
        let figures: [(FileLedger) -> Int] =
            [\.read, \.used, \.rejected, \.controlTotals] + (footnotes ? [\.footnotes] : [])
        for entry in ledger {
            table.rows.append(
                ReportRow([.text(entry.file), .text(entry.dataset)] + figures.map { .count(Int64($0(entry))) }))
        }
        if !ledger.isEmpty {
            let n = ledger.count
            let totals: [ReportCell] = figures.enumerated().map { offset, figure in
                let refs = (0..<n).map { CellRef(row: $0, column: offset + 2) }
                return ReportCell(.count(ledger.reduce(Int64(0)) { $0 + Int64(figure($1)) }), derivation: .sum(refs))
            }
            table.rows.append(ReportRow([.text("Total"), .empty] + totals, role: .total))
        }
        return table
    }
}

extension DataQuality {
    /// The ledger, notes and rejected rows, with the ledger's table built from them.
    init(ledger: [FileLedger] = [], notes: [String] = [], rejected: [RejectedRow] = []) {
        self.init(
            ledger: ledger, notes: notes, rejected: rejected,
            ledgerTable: LedgerTable.table(ledger: ledger, notes: notes))
    }
}
