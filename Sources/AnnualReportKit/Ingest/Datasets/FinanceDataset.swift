/// `finance*.csv`: one row per contribution, expenditure or budget line per financial year and
/// board.
extension DatasetSchema {
    static let finance = DatasetSchema(
        name: "finance",
        columns: [
            Column("year", aliases: ["financial year"], required: true),
            Column("type", aliases: ["kind"], required: true),
            Column("line", aliases: ["partner", "category", "item"], required: true),
            Column("amount", aliases: ["value", "pounds"], required: true),
            Column("board"),
        ], totalled: [Totalled("amount", isMoney: true)], totalKeys: ["year", "type", "board"],
        typed: ["year", "type", "amount", "board"])
}

extension DatasetParsers {
    /// `partners` maps each spelling (normalised by `PartnerNames.key`) to the canonical name.
    static func finance(partners: [String: String] = [:]) -> FileIngester<FinanceLine> {
        FileIngester(
            schema: .finance,
            parse: { row in
                let year = row.year("year")
                let kind = row.choice(
                    "type",
                    [
                        ("contribution", FinanceLine.Kind.contribution), ("income", .contribution),
                        ("expenditure", .expenditure), ("spend", .expenditure),
                        ("budget", .budget), ("agreed", .budget),
                    ], default: nil)
                let line = row.requiredLabel("line", "the partner or expenditure category").map {
                    partners[PartnerNames.key($0)] ?? $0
                }
                let amount = row.money("amount")
                guard let year, let kind, let line, let amount else { return nil }
                return FinanceLine(
                    year: year, kind: kind, line: line, amount: amount, board: row.text("board"),
                    source: SourceLocation(file: row.file, line: row.record.line))
            }, duplicateKey: { _ in nil },  // several lines for one key are summed (FinanceInstalments)
            describeDuplicate: "finance line")
    }
}
