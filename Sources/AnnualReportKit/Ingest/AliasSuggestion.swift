import Foundation

/// The lines to add to `annual-report.yaml` so that a file's own header name is read as a column.
enum AliasSuggestion {
    /// The unknown header most like the column's names (sharing a word with one of them), if any.
    static func closest(to column: DatasetSchema.Column, among unknown: [String]) -> String? {
        let known = Set(([column.name] + column.aliases).flatMap(words))
        let scored = unknown.map { header in (header, Set(words(header)).intersection(known).count) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return nil }
        return best.0
    }

    static func advice(dataset: String, column: String, header: String?) -> String {
        let shown = header.map(yamlScalar) ?? "<the header in your file>"
        let lead = header.map { "If '\($0)' is that column, add" } ?? "To read your own header name as this column, add"
        return
            "\(lead) these lines to annual-report.yaml:\n    columns:\n      \(dataset):\n        \(column): [\(shown)]"
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 2 }
    }

    /// A header as a YAML flow-list item: plain where that is safe, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let special = Set(",[]{}:#&*!|>'\"%@`")
        guard text.contains(where: { special.contains($0) }) || text.first == "-" || text.first == "?" else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}
