import AnnualReportKit
import ArgumentParser

@main
struct AnnualReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "annual-report")
    func run() throws {}
}
