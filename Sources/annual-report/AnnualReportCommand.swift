import AnnualReportKit
import ArgumentParser

@main
struct AnnualReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual-report",
        abstract:
            "Turn a Safeguarding Children Partnership's records into its annual report: Markdown, CSV, XLSX and HTML.",
        discussion: """
            Reads an inputs folder as downloaded: training, videos, attendance registers, booking \
            registers, evaluation forms, reviews, recommendations, case audits and finance (docs/inputs.md \
            names each dataset's files and columns), and an optional annual-report.yaml. Writes \
            <out>/<year>/ with annual-report.md, tables/*.csv, annual-report.xlsx, annual-report.html and \
            charts/*.svg. With no subcommand, runs `build`.
            """,
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
