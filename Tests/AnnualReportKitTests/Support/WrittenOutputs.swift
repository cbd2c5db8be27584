import Foundation

@testable import AnnualReportKit

/// Every text a build wrote below `folder`, for tests that a value never reaches an output:
/// Markdown, HTML, SVG and CSV files as they are, and each workbook's cell values.
func writtenText(_ folder: URL) throws -> String {
    var texts: [String] = []
    let files =
        FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
    for file in files.sorted(by: { $0.path < $1.path }) {
        if file.pathExtension == "xlsx" {
            let book = try XLSXReadBack(url: file)
            texts += book.sheets.flatMap { $0.cells.values.compactMap(\.value) }
        } else if let data = FileManager.default.contents(atPath: file.path) {
            texts.append(String(decoding: data, as: UTF8.self))
        }
    }
    return texts.joined(separator: "\n")
}
