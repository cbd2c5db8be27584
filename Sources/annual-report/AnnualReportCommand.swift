import AnnualReportKit
import ArgumentParser

@main
struct AnnualReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual-report",
        abstract: "Turn a Safeguarding Children Partnership's records into its annual report's tables.",
        discussion: """
            Reads the CSV records in an inputs folder (training, attendance, videos, reviews, finance, \
            and an optional annual-report.yaml) and writes Reports/<year>/ with annual-report.md, \
            tables/*.csv, annual-report.xlsx and charts/*.svg. With no subcommand, runs `build`.
            """,
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
