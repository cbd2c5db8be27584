/// A problem or observation about the inputs, located like a compiler diagnostic.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A warning does not stop a build (unlike an error) but asks to be looked at (unlike a note).
    enum Severity: String, Sendable { case error, warning, note }
    var severity: Severity
    var file: String
    /// 1-based physical line; 0 when the problem concerns the whole file.
    var line: Int
    /// 1-based column in characters; nil when it concerns the whole row or file.
    var column: Int?
    /// `what is wrong; what was expected`.
    var message: String
    /// The file is a workbook's sheet (`finance.xlsx:Ledger`): `line` is its row and `column`
    /// its column number, shown as Excel names the cell (`finance.xlsx:Ledger!C7`).
    var inSheet = false
    /// The problem concerns its whole file (it cannot be decoded, its header does not match, a
    /// column's dates are in both orders) though it sits at a line: printed with the file-level
    /// problems, before any row's.
    var wholeFile = false
    /// How the terminal prints it with others of one cause (`DiagnosticFold`); nil: a line of its own.
    var fold: DiagnosticFold?

    init(_ severity: Severity, file: String, line: Int, column: Int?, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Whether the terminal prints it before every row-level problem: it concerns a whole file.
    var isFileLevel: Bool { line == 0 || wholeFile }

    /// The same problem, marked as concerning its whole file (`wholeFile`).
    var ofWholeFile: Diagnostic {
        var d = self
        d.wholeFile = true
        return d
    }

    /// `training.csv:14:27: error: bad date '31/02/2022'; expected ...`
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// Where it is, as `description` begins: `training.csv:14:27`, `finance.xlsx:Ledger!D7`.
    var location: String {
        var location = file
        if inSheet && line > 0 {
            location += column.map { "!\(Self.columnLetters($0))\(line)" } ?? ", row \(line)"
        } else {
            if line > 0 { location += ":\(line)" }
            if let column { location += ":\(column)" }
        }
        return location
    }

    /// Excel's column letters for a 1-based column number (1 is A, 27 is AA).
    static func columnLetters(_ column: Int) -> String {
        var n = column
        var letters = ""
        while n > 0 {
            letters = String(Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// By file, line, column and message: the order they are printed in.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column ?? 0, a.message) < (b.file, b.line, b.column ?? 0, b.message)
    }
}

/// Problems that follow from one cause print as one line: the `summary` stands for its
/// `member`s, which the terminal leaves out while the summary is there (the data-quality
/// section and `rejects.csv` keep every one). A summary `under` a file prints straight after
/// that file's file-level problems, its cause (the forms of a training file that was not read).
enum DiagnosticFold: Hashable, Sendable {
    case summary(String, under: String?)
    case member(String)
}

/// Rows read, used and rejected for one input file, and the summary rows (control totals)
/// checked against them, and footnotes. `read == used + rejected + controlTotals + footnotes` always.
public struct FileLedger: Hashable, Sendable {
    /// The file as shown to the user (its path below the inputs folder, or inside a zip).
    public var file: String
    /// The dataset the file was read as (`training`, `attendance`, ...).
    public var dataset: String
    /// Data rows read (not the header or blank lines).
    public var read: Int
    /// Rows that became records.
    public var used: Int
    /// Rows with a problem, listed in `rejects.csv`.
    public var rejected: Int
    /// Summary rows (`Total`, `Sub-total` …, or a video category's own row): checked, not counted as data.
    public var controlTotals: Int
    /// One-cell lines after the last record (`Note: …`, `Prepared by …`): named in a note, not data.
    public var footnotes: Int = 0
    /// Decoding applied, e.g. "Windows-1252", or nil for UTF-8.
    public var encoding: String?

    init(
        file: String, dataset: String, read: Int = 0, used: Int = 0, rejected: Int = 0, controlTotals: Int = 0,
        encoding: String? = nil
    ) {
        self.file = file
        self.dataset = dataset
        self.read = read
        self.used = used
        self.rejected = rejected
        self.controlTotals = controlTotals
        self.encoding = encoding
    }

    var balances: Bool { read == used + rejected + controlTotals + footnotes }
}

/// A row that was not used, with the fields as read, for `rejects.csv`.
struct RejectedRow: Hashable, Sendable {
    var file: String
    var line: Int
    var reason: String
    var fields: [String]
}

/// The ledger and notes, shown as the report's data-quality section and sheet.
struct DataQuality: Sendable, Equatable {
    var ledger: [FileLedger]
    var notes: [String]
    var rejected: [RejectedRow]
    /// The ledger as a table, with the notes under it (Compute's `LedgerTable` builds it).
    var ledgerTable: ReportTable
}
