import Foundation

@testable import AnnualReportKit

/// A fresh scratch folder per test, removed when the test ends (xsv's `Workdir`).
final class Workdir {
    let url: URL

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "annual-report-\(safe)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a file (UTF-8 text) relative to the folder.
    @discardableResult
    func write(_ path: String, _ text: String) -> URL { write(path, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ path: String, bytes: [UInt8]) -> URL {
        let file = url.appendingPathComponent(path)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path)
    }
}

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

/// Reads all CSV records from text.
func csvRecords(_ text: String) -> [CSVRecord] {
    var reader = CSVReader(bytes: Array(text.utf8))
    var records: [CSVRecord] = []
    while let r = reader.next() { records.append(r) }
    return records
}

extension ReportTable {
    /// The display text of every cell, row by row, as the Markdown shows it.
    var displayRows: [[String]] {
        rows.map { row in zip(row.cells, columns).map { CellText.display($0.value, column: $1.kind) } }
    }

    /// The display text of the row whose first cell is `label`.
    func display(_ label: String) -> [String]? {
        displayRows.first { $0.first == label }
    }
}

/// Parses the simple CSV the writers produce into rows of fields.
func parseCSV(_ text: String) -> [[String]] { csvRecords(text).filter { !$0.isBlank }.map(\.fields) }

/// The sample inputs, read once for every test that asks (reading them costs a fifth of a second).
let sampleIngest: IngestResult = InputFolder.read(sampleInputs)

/// The sample report, built once from `sampleIngest`.
func sampleReport() throws -> Report { try ReportBuilder.build(sampleIngest) }
