import Foundation

@testable import AnnualReportKit

/// The repository root, found from this source file's path.
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

let sampleInputs = repositoryRoot.appendingPathComponent("Inputs")

/// The sample inputs, read once for every test that asks (reading them costs a fifth of a second).
let sampleIngest: IngestResult = InputFolder.read(sampleInputs)

/// The sample report, built once from `sampleIngest`.
func sampleReport() throws -> Report { try ReportBuilder.build(sampleIngest) }
