import AnnualReportKit
import ArgumentParser

@main
struct AnnualReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual-report",
        abstract: "Turn a Safeguarding Children Partnership's records into its annual report's tables.",
        discussion: """
            Reads an inputs folder as downloaded (the records of each dataset docs/inputs.md names, \
            and an optional annual-report.yaml) and writes <out>/<year>/ with annual-report.md, \
            tables/*.csv, annual-report.xlsx, annual-report.html and charts/*.svg. With no \
            subcommand, runs `build`.
            """,
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
