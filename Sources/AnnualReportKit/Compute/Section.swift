/// One section of the report's outline: every `*Tables` enum builds its section from the same
/// context, and `ReportBuilder.outline` lists them in the published report's order.
protocol Section {
    /// The section for `context`'s year, or none when it is left out (its dataset never supplied).
    static func build(_ context: SectionContext) -> SectionOutput
}

/// What every section is built from: the report's input, the year reported on, and the
/// priorities of each year (`ReportPriorities`).
struct SectionContext {
    let input: ReportInput
    let year: FinancialYear
    let prioritiesFor: (FinancialYear) -> [Priority]

    var records: Records { input.records }
    var configuration: ReportConfiguration { input.configuration }

    /// A dataset with no usable records is not recorded, like an absent one; `supplied` tells
    /// the notes apart.
    func usable<T>(_ records: [T]?) -> [T]? { records?.isEmpty == false ? records : nil }
}

/// A section's part of the report: its section, if any, and notes for the data-quality section.
struct SectionOutput {
    var section: ReportSection?
    var dataQualityNotes: [String] = []

    init(_ section: ReportSection?, dataQualityNotes: [String] = []) {
        self.section = section
        self.dataQualityNotes = dataQualityNotes
    }
}
