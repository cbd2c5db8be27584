/// Why the year the report chose by itself may not be the one wanted: the latest year with
/// activity can hold the first records of a year just begun (one rapid review in April) while
/// the year before holds everything else.
enum DefaultYear {
    /// Each dataset that makes a year (SPEC: training, videos, reviews, contributions or
    /// expenditure; recommendations and audits too), with the years it has records in.
    static func activity(_ records: Records) -> [(name: String, years: Set<FinancialYear>)] {
        var recommendations = Set<FinancialYear>()
        for r in records.recommendations ?? [] {
            if let day = r.agreed ?? r.completed { recommendations.insert(FinancialYear(containing: day)) }
        }
        return [
            ("training", Records.trainingYears(records.training)),
            ("videos", Set((records.videos ?? []).map(\.year))),
            ("reviews", Set((records.reviews ?? []).map(\.year))),
            ("finance", Set((records.finance ?? []).filter { $0.kind != .budget }.map(\.year))),
            ("recommendations", recommendations),
            ("audits", Set((records.audits ?? []).map(\.year))),
        ]
    }

    /// The warning, when the year was chosen by default (no `--year`, no `reporting_year`) and
    /// it holds records of fewer datasets than the year before; nil otherwise.
    static func warning(records: Records, configuration: ReportConfiguration, requested: FinancialYear?) -> String? {
        guard requested == nil, configuration.reportingYear == nil, let year = records.activityYears.max() else {
            return nil
        }
        let datasets = activity(records)
        let now = datasets.filter { $0.years.contains(year) }.map(\.name)
        let before = datasets.filter { $0.years.contains(year.previous) }.map(\.name)
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
