/// Observations that are not errors but that the business office should see.
enum ConsistencyNotes {
    static func notes(records: Records, unsupplied: [String], year: FinancialYear, configuration: ReportConfiguration)
        -> [String]
    {
        var notes: [String] = []
        if let finance = records.finance {
            let partners = FinanceTables.byLine(
                finance.filter { $0.kind == .contribution }, years: [year.previous, year])
            for (name, amounts) in partners where (amounts[0] == nil) != (amounts[1] == nil) {
                notes.append(
                    "Partner '\(name)' contributed in \(amounts[0] == nil ? year : year.previous) only; the other year shows N/A."
                )
            }
        }
        for (y, definitions) in configuration.priorities.sorted(by: { $0.key < $1.key }) {
            let names = Set(definitions.map(\.name))
            for e in records.training ?? [] where e.year == y {
                for p in e.priorities where !names.contains(p.name) {
                    notes.append("\(e.source): event '\(e.title)' is tagged '\(p.name)', which is not a \(y) priority.")
                }
            }
            for v in records.videos ?? [] where v.year == y {
                for p in v.priorities where !names.contains(p.name) {
                    notes.append(
                        "\(v.source): video '\(v.video ?? v.category)' is tagged '\(p.name)', which is not a \(y) priority."
                    )
                }
            }
        }
        for dataset in unsupplied {
            notes.append("No \(dataset) dataset was supplied; its sections are left out.")
        }
        return notes
    }
}
