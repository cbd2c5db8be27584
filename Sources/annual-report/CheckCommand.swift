import AnnualReportKit
import ArgumentParser
import Foundation

/// `annual-report check`: validate the inputs and print the ledger; write nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the inputs and print rows read, used and rejected per file; write nothing.",
        discussion:
            "Every problem is printed as file:line:column: error: what is wrong; what was expected. Exits 1 when there is any error."
    )

    @OptionGroup var options: InputOptions

    func run() throws {
        // The default output folder, so that a report written inside the inputs folder is not read as input.
        let run = ReportRun(
            inputs: options.inputsURL, output: URL(fileURLWithPath: "Reports", isDirectory: true), year: options.year,
            progress: ProgressLine.standardError())
        let result = run.check()
        Console.printDiagnostics(result.diagnostics)
        Console.printLedger(result.ledger)
        // The same year check as `build`, so the two agree on whether a report can be written.
        // A folder with no file of records has said so already.
        let yearProblem = result.holdsNoRecordFiles ? nil : run.yearProblem(result)
        if let yearProblem {
            Console.printError("error: \(yearProblem.explained(by: result))")
        } else if let warning = run.yearWarning(result) {
            Console.printError("warning: \(warning)")
        }
        if !result.errors.isEmpty {
            let n = result.errorCount
            Console.printError("\(n) error\(n == 1 ? "" : "s") in the inputs.")
            throw ExitCode(1)
        }
        if yearProblem != nil { throw ExitCode(1) }
    }
}
