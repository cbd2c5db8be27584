import Foundation

@testable import AnnualReportKit

/// A scratch folder holding `Fixtures/trial/<name>` (a new user's folder from the trial of the
/// tool on "Wyvern SCP" records, as found) as `in/`.
func trialFixture(_ name: String, _ test: String = #function) throws -> Workdir {
    let dir = Workdir(test)
    try FileManager.default.copyItem(
        at: repositoryRoot.appendingPathComponent("Tests/AnnualReportKitTests/Fixtures/trial/\(name)"),
        to: dir.url.appendingPathComponent("in"))
    return dir
}
