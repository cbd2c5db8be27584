@testable import AnnualReportKit

// The tests read inputs with `InputFolder.read` or `ReportRun.check()` and build from what they
// return; the library builds from the `ReportInput` inside it.
extension ReportBuilder {
    static func build(_ ingest: IngestResult, year: FinancialYear? = nil) throws -> Report {
        try build(ingest.reportInput, year: year)
    }

    static func build(_ checked: InputCheck, year: FinancialYear? = nil) throws -> Report {
        try build(checked.reportInput, year: year)
    }
}

extension ReportRun {
    func yearWarning(_ ingest: IngestResult) -> String? { yearWarning(InputCheck(ingest: ingest)) }
}
