/// The columns a dataset's CSV files may have, with the aliases each accepts.
public struct DatasetSchema: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var aliases: [String]
        public var required: Bool
        public init(_ name: String, aliases: [String] = [], required: Bool = false) {
            self.name = name; self.aliases = aliases; self.required = required
        }
    }

    /// The dataset name, which is also the file-name prefix (`training*.csv`).
    public var name: String
    public var columns: [Column]

    /// Header names compare case-insensitively, ignoring spaces, `_` and `-`.
    static func normalize(_ header: String) -> String {
        String(header.trimmingSpaces.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" }.map(Character.init))
    }

    public static let training = DatasetSchema(name: "training", columns: [
        Column("date", aliases: ["event date", "session date"], required: true),
        Column("title", aliases: ["course", "event", "course title", "name"], required: true),
        Column("kind", aliases: ["type", "event type"]),
        Column("priorities", aliases: ["priority", "business priorities"]),
        Column("status"),
        Column("attendees", aliases: ["attended", "delegates", "attendance"], required: true),
        Column("format", aliases: ["delivery", "mode"]),
        Column("evaluations", aliases: ["evaluations completed", "evaluation forms"]),
    ])

    public static let videos = DatasetSchema(name: "videos", columns: [
        Column("year", aliases: ["financial year"]),
        Column("date"),
        Column("category", aliases: ["name of category"], required: true),
        Column("video", aliases: ["title", "name of video", "video title"]),
        Column("video_id", aliases: ["id", "url", "video url"]),
        Column("views", aliases: ["total seen by", "watched", "fully watched"], required: true),
        Column("priorities", aliases: ["priority", "business priorities"]),
    ])

    public static let reviews = DatasetSchema(name: "reviews", columns: [
        Column("reference", aliases: ["ref", "id"], required: true),
        Column("type", aliases: ["kind", "review type"], required: true),
        Column("date", aliases: ["notification date", "start date", "started"], required: true),
        Column("published", aliases: ["publication date", "published date"]),
        Column("sex", aliases: ["gender"]),
        Column("ethnicity"),
        Column("age_group", aliases: ["age", "age band"]),
        Column("count", aliases: ["number"]),
    ])

    public static let finance = DatasetSchema(name: "finance", columns: [
        Column("year", aliases: ["financial year"], required: true),
        Column("type", aliases: ["kind"], required: true),
        Column("line", aliases: ["partner", "category", "item"], required: true),
        Column("amount", aliases: ["value", "pounds"], required: true),
        Column("board"),
    ])

    /// The datasets in the order they are read and reported.
    public static let all: [DatasetSchema] = [.training, .videos, .reviews, .finance]
}

/// Where each schema column sits in one file's header.
struct HeaderMap {
    /// Schema column index -> field index in the file.
    var fieldIndex: [Int?]
    var fieldCount: Int
    var unknown: [String]

    init(header: [String], schema: DatasetSchema) {
        fieldCount = header.count
        fieldIndex = Array(repeating: nil, count: schema.columns.count)
        var lookup: [String: Int] = [:]
        for (i, column) in schema.columns.enumerated() {
            for name in [column.name] + column.aliases {
                lookup[DatasetSchema.normalize(name)] = lookup[DatasetSchema.normalize(name)] ?? i
            }
        }
        unknown = []
        for (f, name) in header.enumerated() {
            if let i = lookup[DatasetSchema.normalize(name)], fieldIndex[i] == nil {
                fieldIndex[i] = f
            } else if !name.trimmingSpaces.isEmpty {
                unknown.append(name.trimmingSpaces)
            }
        }
    }
}

extension HeaderMap {
    /// Whether every required column of `schema` was found.
    func hasRequired(_ schema: DatasetSchema) -> Bool {
        schema.columns.indices.allSatisfy { !schema.columns[$0].required || fieldIndex[$0] != nil }
    }

    /// An error for each missing required column (naming its accepted aliases) and one note
    /// listing the unknown columns, located at the header line.
    func diagnostics(_ schema: DatasetSchema, file: String, line: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (i, column) in schema.columns.enumerated() where column.required && fieldIndex[i] == nil {
            let accepted = ([column.name] + column.aliases).joined(separator: ", ")
            diagnostics.append(Diagnostic(.error, file: file, line: line, column: nil,
                "missing required column '\(column.name)'; expected a header naming one of: \(accepted)"))
        }
        if !unknown.isEmpty {
            diagnostics.append(Diagnostic(.note, file: file, line: line, column: nil,
                "ignored unknown column\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", "))"))
        }
        return diagnostics
    }
}

