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

}

extension DatasetSchema {
    /// What every reader says of a file with no header row.
    var emptyFileMessage: String { "empty file; expected a header row naming the \(name) columns" }
}
