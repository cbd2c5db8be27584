import Foundation

/// The columns a dataset's CSV files may have, with the aliases each accepts.
struct DatasetSchema: Sendable {
    struct Column: Sendable {
        var name: String
        var aliases: [String]
        var required: Bool
        /// Another column that may stand in for a required one (a register's `email` for its
        /// `delegate_id`): the file then needs one of the two.
        var alternative: String?
        /// When the column is missing and no column of the file could be it: how to make one.
        var whenMissing: String?
        init(
            _ name: String, aliases: [String] = [], required: Bool = false, alternative: String? = nil,
            whenMissing: String? = nil
        ) {
            self.name = name
            self.aliases = aliases
            self.required = required
            self.alternative = alternative
            self.whenMissing = whenMissing
        }
    }

    /// A figure that a summary row (`Total`, `Sub-total` …) totals, and what a data row
    /// with the cell blank counts as.
    struct Totalled: Sendable {
        var column: String
        var isMoney: Bool
        var blankCounts: Int64
        init(_ column: String, isMoney: Bool = false, blankCounts: Int64 = 0) {
            self.column = column
            self.isMoney = isMoney
            self.blankCounts = blankCounts
        }
    }

    /// The dataset name, which is also the file-name prefix (`training*.csv`).
    var name: String
    var columns: [Column] { didSet { headerLookup = Self.lookup(columns) } }
    /// Normalised header name -> column index, the first column naming it winning. Kept with
    /// the columns, not built by each `HeaderMap`: the header search maps up to ten candidate
    /// rows of every file, and building it there was most of the time of a small file's read.
    private(set) var headerLookup: [String: Int] = [:]
    /// The figures a summary row of this dataset is checked on.
    var totalled: [Totalled] = []
    /// Columns whose filled value in a summary row narrows the rows it totals (year, type).
    var totalKeys: [String] = []
    /// Whether a summary row may come first and total the rows after it (YouTube's exports).
    var totalsLead = false
    /// Columns holding personal data (names, emails): read to count people, never written out.
    var personal: [String] = []
    /// Columns read as a number, a date, a year, an id or a word from a fixed list: the only
    /// cells a rejected row may show (`Withholding`). Free text (titles, partners, agencies,
    /// an organiser's own questions, unknown columns) is never written out from a rejected row.
    var typed: [String] = []
    /// The column holding each record's own date (an event's `date`), which must fall in the
    /// financial year a file's name carries (`training-2022-23.csv`). nil: the dataset's files
    /// may span years (a review notified in one year is published in another; a ledger has Y-1).
    var datedBy: String?

    init(
        name: String, columns: [Column], totalled: [Totalled] = [], totalKeys: [String] = [], totalsLead: Bool = false,
        personal: [String] = [], typed: [String] = [], datedBy: String? = nil
    ) {
        self.name = name
        self.columns = columns
        self.totalled = totalled
        self.totalKeys = totalKeys
        self.totalsLead = totalsLead
        self.personal = personal
        self.typed = typed
        self.datedBy = datedBy
        headerLookup = Self.lookup(columns)
    }

    private static func lookup(_ columns: [Column]) -> [String: Int] {
        var lookup: [String: Int] = [:]
        for (i, column) in columns.enumerated() {
            for name in [column.name] + column.aliases {
                let key = normalize(name)
                if lookup[key] == nil { lookup[key] = i }
            }
        }
        return lookup
    }

    /// The schema with more header names for some columns (the configuration's `columns:`).
    func adding(aliases extra: [String: [String]]) -> DatasetSchema {
        var schema = self
        for i in schema.columns.indices { schema.columns[i].aliases += extra[schema.columns[i].name] ?? [] }
        return schema
    }

    /// Every dataset's name (`Datasets.all`), for the configuration's `columns:`.
    static var allNames: [String] { Datasets.all.map(\.schema.name) }

    /// The schema of the dataset with this name (`training`).
    static func named(_ name: String) -> DatasetSchema? {
        Datasets.all.first { $0.schema.name == name.lowercased() }?.schema
    }

    /// Header names compare case-insensitively, ignoring spaces, `_` and `-`.
    static func normalize(_ header: String) -> String {
        // ASCII (nearly every header and choice) is folded byte by byte; the rest takes the general path.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(header.utf8.count)
        var ascii = true
        for byte in header.utf8 {
            switch byte {
            case 0x20, 0x5F, 0x2D, 0x09, 0x0A, 0x0D: continue
            case 0x41...0x5A: bytes.append(byte + 0x20)
            case 0x80...: ascii = false
            default: bytes.append(byte)
            }
            if !ascii { break }
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        return String(
            header.trimmingSpaces.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" }.map(
                Character.init))
    }

    static let training = DatasetSchema(
        name: "training",
        columns: [
            Column(
                "date", aliases: ["event date", "session date", "date of event", "date of session"], required: true),
            Column(
                "title", aliases: ["course", "event", "course title", "name", "event title", "event name"],
                required: true),
            Column("kind", aliases: ["type", "event type"]),
            Column("priorities", aliases: ["priority", "business priorities"]),
            Column("status"),
            Column(
                "attendees",
                aliases: [
                    "attended", "delegates", "attendance", "number attended", "no attended",
                    "no. attended", "attendees number", "no. of delegates", "number of delegates", "delegates attended",
                ], required: true),
            Column("format", aliases: ["delivery", "mode"]),
            Column("evaluations", aliases: ["evaluations completed", "evaluation forms"]),
            Column("event_id", aliases: ["event id", "eventbrite id", "eventbrite event id", "booking id"]),
            Column("places", aliases: ["capacity", "places offered", "spaces"]),
            Column("booked", aliases: ["bookings", "places booked", "registrations", "registered"]),
            Column(
                "cancel_reason",
                aliases: ["cancellation reason", "reason cancelled", "reason for cancellation", "reason"]),
        ], totalled: [Totalled("attendees"), Totalled("evaluations"), Totalled("places"), Totalled("booked")],
        totalKeys: ["kind", "status", "format"],
        typed: [
            "date", "kind", "priorities", "status", "attendees", "format", "evaluations", "event_id", "places",
            "booked",
        ], datedBy: "date")

    static let videos = DatasetSchema(
        name: "videos",
        columns: [
            Column("year", aliases: ["financial year"]),
            Column("date"),
            Column("category", aliases: ["name of category"], required: true),
            Column("video", aliases: ["title", "name of video", "video title"]),
            Column("video_id", aliases: ["id", "url", "video url"]),
            // The header says what the figures count: `views` are plays; the others, completions.
            Column(
                "views", aliases: ["total seen by", "watched", "fully watched", "completions", "completed views"],
                required: true),
            Column("priorities", aliases: ["priority", "business priorities"]),
        ], totalled: [Totalled("views")], totalKeys: ["year", "category"],
        typed: ["year", "date", "video_id", "views", "priorities"])

    static let reviews = DatasetSchema(
        name: "reviews",
        columns: [
            Column("reference", aliases: ["ref", "id"], required: true),
            Column("type", aliases: ["kind", "review type"], required: true),
            Column("date", aliases: ["notification date", "start date", "started"], required: true),
            Column("published", aliases: ["publication date", "published date"]),
            Column("sex", aliases: ["gender"]),
            Column("ethnicity"),
            Column("age_group", aliases: ["age", "age band"]),
            Column("count", aliases: ["number"]),
            // A rapid review's timeline: the local authority aware, the Panel notified (`date`), completed.
            Column(
                "aware",
                aliases: [
                    "date aware", "aware date", "la aware", "date la aware", "date la became aware",
                    "became aware", "date of awareness", "incident date aware",
                ]),
            Column(
                "completed",
                aliases: [
                    "date completed", "completed date", "completion date", "sent to panel",
                    "date sent to panel", "rapid review completed", "submitted to panel",
                ]),
        ], totalled: [Totalled("count", blankCounts: 1)], totalKeys: ["type"],
        typed: ["reference", "type", "date", "published", "count", "aware", "completed"])

    static let finance = DatasetSchema(
        name: "finance",
        columns: [
            Column("year", aliases: ["financial year"], required: true),
            Column("type", aliases: ["kind"], required: true),
            Column("line", aliases: ["partner", "category", "item"], required: true),
            Column("amount", aliases: ["value", "pounds"], required: true),
            Column("board"),
        ], totalled: [Totalled("amount", isMoney: true)], totalKeys: ["year", "type", "board"],
        typed: ["year", "type", "amount", "board"])
}

/// The cells of a row as they may be written out (`rejects.csv`): a cell of a column the
/// dataset reads as a number, a date, an id or a word from a fixed list (`DatasetSchema.typed`)
/// as it is, unless it looks personal (`PersonalText`); every other cell (names, emails,
/// titles, partners, agencies, an organiser's own questions, cells past the header) reads
/// `(withheld)`. A blank cell stays blank: it holds nothing to withhold. A priorities cell is
/// the partnership's own words, shown as its message quotes it unless it reaches a person
/// (`PersonalText.quotedVocabulary`).
struct Withholding: Sendable {
    private let shown: Set<Int>
    private let vocabulary: Set<Int>

    init(header: HeaderMap, schema: DatasetSchema) {
        shown = Set(
            schema.columns.indices.filter {
                schema.typed.contains(schema.columns[$0].name) && !schema.personal.contains(schema.columns[$0].name)
            }
            .compactMap { header.fieldIndex[$0] })
        vocabulary = Set(
            schema.columns.indices.filter { schema.columns[$0].name == "priorities" }.compactMap {
                header.fieldIndex[$0]
            }
        )
        .intersection(shown)
    }

    func apply(_ cells: [String]) -> [String] {
        cells.enumerated().map { f, cell in
            if cell.trimmingSpaces.isEmpty { return cell }
            if vocabulary.contains(f) { return PersonalText.reachesPerson(cell) ? PersonalText.withheld : cell }
            return shown.contains(f) && !PersonalText.looksPersonal(cell) ? cell : PersonalText.withheld
        }
    }
}

extension DatasetSchema {
    /// What every reader says of a file with no header row.
    var emptyFileMessage: String { "empty file; expected a header row naming the \(name) columns" }
}

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
