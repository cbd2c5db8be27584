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

/// The sample inputs (`Inputs/`), the one loader the tests read them through: the folder and its
/// files, and the folder read (and its report built) once for every test that asks. Reading
/// costs a fifth of a second; static lets are initialised once, thread-safely, and hold
/// Sendable values, so tests running in parallel share them.
enum SampleInputs {
    /// The folder.
    static let folder = repositoryRoot.appendingPathComponent("Inputs")

    /// A file in the folder by its name (`videos.csv`).
    static func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The sample's configuration file, `annual-report.yaml`.
    static var configuration: URL { file("annual-report.yaml") }

    /// The folder's CSV files, as `InputFolder` lists them.
    static var csvFiles: [URL] { InputFolder.csvFiles(in: folder) }

    /// The folder as the tool reads it.
    static let ingest: IngestResult = InputFolder.read(folder)

    /// The report built from `ingest`, or the error building it threw.
    private static let built = Result { try ReportBuilder.build(ingest) }

    /// The sample report, built once.
    static func report() throws -> Report { try built.get() }

    /// Copies the folder into a scratch folder's `Inputs/` and returns that copy's URL.
    @discardableResult
    static func copy(into dir: Workdir) throws -> URL {
        let copy = dir.url.appendingPathComponent("Inputs")
        try FileManager.default.copyItem(at: folder, to: copy)
        return copy
    }
}
