/// Why the year the report chose by itself may not be the one wanted: the latest year with
/// activity can hold the first records of a year just begun (one rapid review in April) while
/// the year before holds everything else.
enum DefaultYear {
    /// The warning, when the year was chosen by default (no `--year`, no `reporting_year`) and
    /// it holds records of fewer datasets than the year before; nil otherwise.
    /// Each dataset that makes a year (SPEC: training, videos, reviews, contributions or
    /// expenditure; recommendations and audits too) is one of `input.datasetYears`.
    static func warning(_ input: ReportInput, requested: FinancialYear?) -> String? {
        guard requested == nil, input.configuration.reportingYear == nil, let year = input.activityYears.max() else {
            return nil
        }
        let datasets = input.datasetYears
        let now = datasets.filter { $0.activity.contains(year) }.map(\.name)
        let before = datasets.filter { $0.activity.contains(year.previous) }.map(\.name)
        guard now.count < before.count else { return nil }
        let onlyBefore = before.filter { !now.contains($0) }
        let previous = year.previous
        return "the report is on \(year), the latest year with records, which holds records of \(list(now)) only; "
            + "\(list(onlyBefore)) \(onlyBefore.count == 1 ? "has" : "have") records in \(previous) but none in \(year). "
            + "To report on \(previous), run with --year \(previous) or set `reporting_year: \(previous)` in annual-report.yaml"
    }

    /// `training, finance and audits`.
    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
