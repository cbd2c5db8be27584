import AnnualReportKit
import ArgumentParser
import Foundation

extension OutputFormat: ExpressibleByArgument {
    /// `md` (or `markdown`), `csv`, `xlsx`, `html`, in any case.
    public init?(argument: String) {
        let name = argument.trimmingCharacters(in: .whitespaces).lowercased()
        self.init(rawValue: name == "markdown" ? "md" : name)
    }

    /// `--format md,csv`: the comma-separated list users type, each name an `OutputFormat`.
    static func parseList(_ argument: String) throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let format = OutputFormat(argument: String(part)) else {
                throw ValidationError("unknown format '\(part)'; expected md, csv, xlsx or html separated by commas")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }
}
