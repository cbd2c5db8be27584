import AnnualReportKit
import ArgumentParser
import Foundation

/// `annual-report build` (the default): read the inputs and write Reports/<year>/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the annual report from the inputs into <out>/<year>/.",
        discussion: """
            Writes annual-report.md, tables/<table>.csv, annual-report.xlsx, annual-report.html and (with md or \
            html) charts/<chart>.svg into a \
            temporary folder beside <out>/<year> and renames it into place, so a failed run leaves the \
            previous report untouched. With any input error nothing is written and the exit status is 1, \
            unless --keep-going is given: then the report is written without the rejected rows, which are \
            listed in rejects.csv and the data-quality section, and the exit status is still 1. \
            SOURCE_DATE_EPOCH, when set, fixes the workbook's document timestamp.
            """
    )

    @OptionGroup var options: InputOptions

    @Option(name: .long, help: "Folder the report is written under, as <out>/<year>/.")
    var out: String = "Reports"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Comma-separated output formats: md, csv, xlsx, html (default: all four).",
            valueName: "format"),
        transform: OutputFormat.parseList)
    var format: [OutputFormat] = OutputFormat.allCases

    @Flag(name: .long, help: "Write the report without rejected rows instead of writing nothing (still exits 1).")
    var keepGoing = false

    func run() throws {
        var timestamp: Date?
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch) else {
                throw ValidationError("SOURCE_DATE_EPOCH '\(epoch)' is not a whole number of seconds")
            }
            timestamp = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        let run = ReportRun(
            inputs: options.inputsURL, output: URL(fileURLWithPath: out, isDirectory: true), year: options.year,
            formats: Set(format), keepGoing: keepGoing, documentTimestamp: timestamp,
            progress: ProgressLine.standardError())
        // Every diagnostic first, cause first, whatever happens next: a build that stops for want
        // of a year still says which files could not be read.
        let ingest = run.check()
        Console.printDiagnostics(ingest.diagnostics)
        if let warning = run.yearWarning(ingest) { Console.printError("warning: \(warning)") }
        let outcome: ReportRun.Outcome
        do {
            outcome = try run.build(ingest)
        } catch let failure as ReportBuilder.Failure {
            Console.printLedger(ingest.ledger)
            Console.printError("error: \(failure.explained(by: ingest))")
            throw ExitCode(1)
        } catch {
            Console.printError("error: \(error)")
            throw ExitCode(1)
        }
        Console.printLedger(ingest.ledger)
        if let written = outcome.written {
            print("Wrote \(out)/\(written.lastPathComponent)/")
        }
        if !ingest.errors.isEmpty {
            let n = ingest.errorCount
            let errors = "\(n) error\(n == 1 ? "" : "s") in the inputs"
            if outcome.written == nil {
                // A folder with no records writes nothing even with --keep-going: no use suggesting it.
                Console.printError(
                    keepGoing || ingest.holdsNoRecordFiles
                        ? "\(errors); nothing was written."
                        : "\(errors); nothing was written (use --keep-going to write the report without the rejected rows)."
                )
            } else {
                Console.printError(
                    ingest.rejectedRows
                        ? "\(errors); the report was written without the rejected rows (listed in rejects.csv and the data-quality section)."
                        : "\(errors); the report was written anyway (its data-quality section lists them).")
            }
            throw ExitCode(1)
        }
    }
}
