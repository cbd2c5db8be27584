import Foundation

/// A folder with no file of any dataset in it (only the configuration, a Word document, a
/// thumbnail cache): one error naming the folder as the user gave it and every file found in
/// it with why it is not read. No report is written from such a folder, even with
/// `--keep-going`: it would be a report of empty sections.
enum NoRecordFiles {
    /// At most this many files are named; the rest are counted.
    static let named = 12

    /// The folder as messages name it: as the user gave it when relative (`Inputs`, `../in`),
    /// else its own name, so that no output holds a machine's absolute path.
    static func displayName(_ folder: URL) -> String {
        let given = folder.relativePath
        return given.hasPrefix("/") ? folder.lastPathComponent : given
    }

    /// The error, and the notes about those files marked as folded under it (they say the same).
    /// Only for a folder whose files raised no error of their own (a damaged workbook says why itself).
    static func error(
        folder: String, inputs: InputFiles, datasets: [DatasetDeclaration],
        diagnostics: inout [Diagnostic]
    ) -> Diagnostic {
        var found: [(name: String, why: String)] = []
        for file in inputs.files where file.sheet == nil {
            found.append(
                (file.name, "a CSV file whose name starts with no dataset name and whose header is no known export's"))
        }
        for book in inputs.workbooks { found.append((book.name, "a workbook with no sheet of records")) }
        for path in inputs.others { found.append((path, OtherFiles.reason(path))) }
        found.sort { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
        let key = "no-record-files"
        let listed = Set(found.map(\.name))
        for k in diagnostics.indices where diagnostics[k].severity == .note && diagnostics[k].line == 0 {
            let file = diagnostics[k].file
            if listed.contains(file) || listed.contains(where: { file.hasPrefix($0 + ":") }) {
                diagnostics[k].fold = .member(key)
            }
        }
        var items = found.prefix(named).map { "\($0.name) (\($0.why))" }
        if found.count > named { items.append("\(found.count - named) more") }
        let holds =
            items.isEmpty
            ? "the folder is empty"
            : "the folder holds "
                + (items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items.last!)
        var error = Diagnostic(
            .error, file: folder, line: 0, column: nil,
            "no file in the folder is one of the report's records, so no report is written: \(holds); expected CSV files or workbooks named for their dataset (\(datasets.map { $0.schema.name + "…" }.joined(separator: ", "))) or a platform's export (see docs/inputs.md)"
        )
        error.fold = .summary(key, under: nil)
        return error
    }
}
