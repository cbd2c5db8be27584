/// Every file in the inputs folder is read or named: what is said of the files that are not
/// CSV, zip or workbook (the old Excel format, a Numbers file, a PDF), so none is passed over in silence.
///
/// A file whose name starts with a dataset's name (`finance.xlsx`) is an error unless a CSV
/// of the same name stands beside it: without one the report would say the dataset was not
/// supplied, and publish that. Other files get a note each. Office clutter (lock
/// files `~$…`, `Thumbs.db`, `desktop.ini`) and the configuration are passed over silently.
enum OtherFiles {
    static let clutter: Set<String> = ["thumbs.db", "desktop.ini", "icon\r"]

    /// How to supply a file of this kind, by extension.
    static func advice(_ ext: String) -> String {
        switch ext {
        case "xls":
            ".xls is the old Excel format: open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
        case "xlsb":
            ".xlsb is Excel's binary workbook: open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
        case "numbers": "a Numbers file: export it from Numbers as Excel (File > Export To > Excel…) or CSV"
        case "txt", "tsv", "tab": "rename it to .csv if it is a table of records (tab- and ;-separated files are read)"
        default: "not a CSV file; expected the records as CSV files (or a .zip of them)"
        }
    }

    /// Why a file that is not read is not, in a few words, for the list of a folder with no
    /// records in it (`NoRecordFiles`).
    static func reason(_ path: String) -> String {
        let lower = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        if lower == "annual-report.yaml" || lower == "annual-report.yml" { return "the configuration" }
        if lower.hasPrefix("~$") { return "an Office lock file, skipped" }
        if lower == "thumbs.db" { return "Windows' thumbnail cache, skipped" }
        if clutter.contains(lower) { return "a folder setting, skipped" }
        let ext = lower.lastIndex(of: ".").map { String(lower[lower.index(after: $0)...]) } ?? ""
        switch ext {
        case "xls": return ".xls is the old Excel format: save it as .xlsx or CSV"
        case "xlsb": return "Excel's binary workbook: save it as .xlsx or CSV"
        case "numbers": return "a Numbers file: export it as Excel or CSV"
        case "txt", "tsv", "tab": return "text: rename it to .csv if it is a table of records"
        case "doc", "docx", "odt", "rtf": return "a document, not records"
        case "pdf": return "a PDF, not records"
        default: return "not a CSV file or workbook"
        }
    }

    static func diagnostics(_ others: [String], csvNames: Set<String>, datasetNames: [String]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for path in others {
            let base = path.split(separator: "/").last.map(String.init) ?? path
            let lower = base.lowercased()
            if lower.hasPrefix("~$") || clutter.contains(lower) || lower == "annual-report.yaml"
                || lower == "annual-report.yml"
            {
                continue
            }
            let dot = lower.lastIndex(of: ".")
            let ext = dot.map { String(lower[lower.index(after: $0)...]) } ?? ""
            let stem = dot == nil ? path.lowercased() : String(path.lowercased().dropLast(ext.count + 1))
            if let dataset = datasetNames.first(where: { lower.hasPrefix($0) }), !csvNames.contains(stem + ".csv") {
                found.append(
                    Diagnostic(
                        .error, file: path, line: 0, column: nil,
                        "not read, so the \(dataset) records in it would be missing from the report: \(advice(ext))"))
            } else {
                found.append(Diagnostic(.note, file: path, line: 0, column: nil, "not read: \(advice(ext))"))
            }
        }
        return found
    }
}
