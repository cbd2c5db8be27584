/// How a recommendations tracker's status colours are read, decided once per file.
///
/// Two schemes are in use, and Green means different things in them. In a RAG tracker the
/// colours are stages: Red not started, Amber in progress, Green complete. In a BRAG tracker
/// Blue is complete and the others rate the progress of a started recommendation: Green on
/// track, Amber at risk, Red off track, all in progress. A file is BRAG when its status column
/// holds Blue anywhere, or its header says BRAG; else it is RAG. Each file that uses colours
/// gets a note saying how they were read.
enum TrackerColours {
    /// Whether a status cell is Green, ignoring case and spaces.
    static func isGreen(_ value: String) -> Bool { DatasetSchema.normalize(value) == "green" }

    /// The file's scheme (`Recommendations.bragTrait` for BRAG) and the notes about it.
    static func scan(header: HeaderMap, records: [CSVRecord], file: String) -> FileScan {
        let schema = Recommendations.schema
        func field(_ name: String) -> Int? {
            schema.columns.firstIndex { $0.name == name }.flatMap { header.fieldIndex[$0] }
        }
        guard let status = field("status") else { return FileScan() }
        let completed = field("completed")
        let colours: Set<String> = ["red", "amber", "green", "blue"]
        var used: Set<String> = []
        var greenCompleted: [Int] = []
        for record in records where status < record.fields.count {
            let value = DatasetSchema.normalize(record.fields[status])
            guard colours.contains(value) else { continue }
            used.insert(value)
            if value == "green", let completed, completed < record.fields.count,
                !record.fields[completed].trimmingSpaces.isEmpty
            {
                greenCompleted.append(record.line)
            }
        }
        let brag = used.contains("blue") || DatasetSchema.normalize(header.names[status]).contains("brag")
        var scan = FileScan(traits: brag ? [Recommendations.bragTrait] : [])
        guard !used.isEmpty else { return scan }
        if brag {
            let why = used.contains("blue") ? "it uses Blue" : "its status column is headed '\(header.names[status])'"
            scan.diagnostics.append(
                Diagnostic(
                    .note, file: file, line: 0, column: nil,
                    "status colours read as a BRAG tracker (\(why)): Blue complete; Green, Amber and Red in progress (on track, at risk, off track)"
                ))
            if let first = greenCompleted.first {
                let lines =
                    greenCompleted.prefix(10).map(String.init).joined(separator: ", ")
                    + (greenCompleted.count > 10 ? " …" : "")
                let n = greenCompleted.count
                scan.diagnostics.append(
                    Diagnostic(
                        .note, file: file, line: first, column: nil,
                        "\(n) recommendation\(n == 1 ? " is" : "s are") Green with a completed date and counted as complete (line\(n == 1 ? "" : "s") \(lines)); in a BRAG tracker Green means on track, so mark complete ones Blue"
                    ))
            }
        } else {
            scan.diagnostics.append(
                Diagnostic(
                    .note, file: file, line: 0, column: nil,
                    "status colours read as a RAG tracker: Green complete, Amber in progress, Red not started; a tracker whose Green means on track should mark complete ones Blue (BRAG)"
                ))
        }
        return scan
    }
}
