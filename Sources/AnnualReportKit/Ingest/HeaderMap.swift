import Foundation

/// Where each schema column sits in one file's header.
struct HeaderMap: Sendable {
    /// Schema column index -> field index in the file.
    var fieldIndex: [Int?]
    /// The file's own header text, by field index.
    var names: [String]
    var fieldCount: Int
    var unknown: [String]
    /// A second header read as a column already found (two `booked` columns): schema column,
    /// first field, repeated field. An error: choosing one would be a silent guess.
    var repeated: [(column: Int, first: Int, again: Int)] = []

    init(header: [String], schema: DatasetSchema) {
        fieldCount = header.count
        names = header.map { $0.trimmingSpaces }
        fieldIndex = Array(repeating: nil, count: schema.columns.count)
        let lookup = schema.headerLookup
        unknown = []
        for (f, name) in header.enumerated() {
            let column = lookup[DatasetSchema.normalize(name)]
            if let i = column, fieldIndex[i] == nil {
                fieldIndex[i] = f
            } else if let i = column, let first = fieldIndex[i] {
                repeated.append((i, first, f))
            } else if !name.trimmingSpaces.isEmpty {
                unknown.append(name.trimmingSpaces)
            }
        }
    }
}

extension HeaderMap {
    /// Whether every required column of `schema` was found.
    func hasRequired(_ schema: DatasetSchema) -> Bool {
        schema.columns.indices.allSatisfy { !missing(schema, $0) }
    }

    /// A required column the file lacks, with no alternative column standing in for it.
    private func missing(_ schema: DatasetSchema, _ i: Int) -> Bool {
        let column = schema.columns[i]
        guard column.required, fieldIndex[i] == nil else { return false }
        guard let alternative = column.alternative, let a = schema.columns.firstIndex(where: { $0.name == alternative })
        else { return true }
        return fieldIndex[a] == nil
    }

    /// An error for each missing required column (naming its accepted aliases) and one note
    /// listing the unknown columns, located at the header line.
    func diagnostics(_ schema: DatasetSchema, file: String, line: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (i, column) in schema.columns.enumerated() where missing(schema, i) {
            let alternative = column.alternative.flatMap { a in schema.columns.first { $0.name == a } }
            let accepted =
                ([column.name] + column.aliases).joined(separator: ", ")
                + (alternative.map {
                    "; or a column '\($0.name)' (\(([$0.name] + $0.aliases).joined(separator: ", ")))"
                } ?? "")
            // A header of thousands (`Amount (£000)`) is never offered as a column of pounds.
            let money = ThousandsHeader.moneyColumns(schema).contains(column.name)
            let candidate = AliasSuggestion.closest(
                to: column, among: money ? unknown.filter { !ThousandsHeader.says($0) } : unknown)
            let thousands = money && candidate == nil ? ThousandsHeader.advice(self, column: column.name) : nil
            diagnostics.append(
                Diagnostic(
                    .error, file: file, line: line, column: nil,
                    "missing required column '\(column.name)'; expected a header naming one of: \(accepted)"
                        // Only where the file has a column of its own that could be this one.
                        + (thousands.map { "; \($0)" }
                            ?? (unknown.isEmpty || candidate == nil && column.whenMissing != nil
                                ? column.whenMissing.map { "; \($0)" } ?? ""
                                : ". "
                                    + AliasSuggestion.advice(
                                        dataset: schema.name, column: column.name, header: candidate)))
                ).ofWholeFile)
        }
        if let thousands = ThousandsHeader.error(self, schema: schema, file: file, line: line) {
            diagnostics.append(thousands)
        }
        for r in repeated {
            diagnostics.append(
                Diagnostic(
                    .error, file: file, line: line, column: nil,
                    "columns \(r.first + 1) ('\(names[r.first])') and \(r.again + 1) ('\(names[r.again])') are both read as '\(schema.columns[r.column].name)'; expected one such column (rename or delete the other)"
                ).ofWholeFile)
        }
        // An evaluation form's rating columns are read by their names, not listed as unknown.
        let unknown =
            schema.name == EvaluationColumns.dataset
            ? self.unknown.filter { EvaluationColumns.rating($0) == nil } : self.unknown
        if !unknown.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .note, file: file, line: line, column: nil,
                    "ignored unknown column\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", "))"
                ))
        }
        return diagnostics
    }
}
