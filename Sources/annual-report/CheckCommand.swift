import AnnualReportKit
import ArgumentParser

/// `annual-report check`: validate the inputs and print the ledger; write nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the inputs and print rows read, used and rejected per file; write nothing.",
        discussion: "Every problem is printed as file:line:column: error: what is wrong; what was expected. Exits 1 when there is any error."
    )

    @OptionGroup var options: InputOptions

    func run() throws {
        let result = ReportRun(inputs: options.inputsURL, output: options.inputsURL, progress: ProgressLine.standardError()).check()
        Console.printDiagnostics(result.diagnostics)
        Console.printLedger(result.ledger)
        if !result.errors.isEmpty {
            Console.printError("\(result.errors.count) error\(result.errors.count == 1 ? "" : "s") in the inputs.")
            throw ExitCode(1)
        }
    }
}
