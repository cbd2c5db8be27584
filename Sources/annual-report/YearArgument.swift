import AnnualReportKit
import ArgumentParser

extension FinancialYear: ExpressibleByArgument {
    /// `2022-23`, `2022/23`, `22-23`, `FY2022-23` …: the forms people type.
    public init?(argument: String) { self.init(loose: argument) }
}
