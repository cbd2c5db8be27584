import AnnualReportKit
import ArgumentParser
import Foundation

/// Options shared by every subcommand that reads the inputs.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of input CSV files and the optional annual-report.yaml.")
    var inputs: String = "Inputs"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The financial year to report on: 2022-23, 2022/23, 22-23 or FY2022-23 (default: the configured year, else the latest in the data).",
            valueName: "year"))
    var year: FinancialYear?

    var inputsURL: URL { URL(fileURLWithPath: inputs, isDirectory: true) }
}
