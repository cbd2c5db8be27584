/// Evaluation forms on another rating scale than the configured one (1-10 forms read with the
/// default 1 to 5): one error per file naming `evaluation_scale`, not one per cell.
///
/// Each off-scale rating is still an error at its cell and its form is rejected (the
/// data-quality section and `rejects.csv` list every one), but a rating from 0 to 10 that is
/// off the scale is a member of its file's fold (`DiagnosticFold`): when the file's forms are
/// on another scale, the terminal prints the one summary instead. A file is on another scale
/// when at least two of its forms, and at least a tenth of the forms with any rating, hold a
/// rating above the scale's maximum (and at most 10): a 1-10 form rates above 5 on most
/// forms, a column on 2-10 on a quarter of them, while a slip is one cell in a hundred. One
/// stray 7 in a 1-5 file stays an error at its cell.
final class EvaluationScale {
    // Mutated only while one dataset's files are read, which is single-threaded.
    let scale: ClosedRange<Int64>
    /// The scale other forms use: a rating up to this is folded under its file's summary.
    static let otherMaximum: Int64 = 10

    /// One file's ratings as read.
    struct FileTally {
        var forms = 0, formsAbove = 0, ratingsAbove = 0
        /// The lowest whole-number rating from 0 up, for a scale from 0.
        var lowest: Int64?
        /// Header names of the columns with a rating above the scale, in the header's order.
        var columns: [(field: Int, name: String)] = []
    }
    private var files: [String: FileTally] = [:]
    private var order: [String] = []

    init(scale: ClosedRange<Int64>) { self.scale = scale }

    /// The fold key of `file`'s off-scale ratings.
    static func key(_ file: String) -> String { "evaluation-scale|\(file)" }

    /// Whether a whole-number rating off the scale may be a form on the other scale.
    func onOtherScale(_ n: Int64) -> Bool { n >= 0 && n <= Self.otherMaximum && scale.upperBound < Self.otherMaximum }

    /// Counts one form's ratings: `ratings` are its non-blank rating cells as (field, header name, whole number or nil).
    func count(file: String, ratings: [(field: Int, name: String, value: Int64?)]) {
        guard !ratings.isEmpty else { return }
        if files[file] == nil {
            files[file] = FileTally()
            order.append(file)
        }
        var tally = files[file]!
        tally.forms += 1
        var above = false
        for r in ratings {
            guard let n = r.value, n >= 0 else { continue }
            tally.lowest = min(tally.lowest ?? n, n)
            guard n > scale.upperBound, n <= Self.otherMaximum else { continue }
            above = true
            tally.ratingsAbove += 1
            if !tally.columns.contains(where: { $0.field == r.field }) { tally.columns.append((r.field, r.name)) }
        }
        if above { tally.formsAbove += 1 }
        files[file] = tally
    }

    /// The summary error of each file whose forms are on another scale.
    func summaries() -> [Diagnostic] {
        order.compactMap { file in
            let t = files[file]!
            guard scale.upperBound < Self.otherMaximum, t.formsAbove >= 2, t.formsAbove * 10 >= t.forms else {
                return nil
            }
            let low = min(scale.lowerBound, t.lowest ?? scale.lowerBound)
            let columns = t.columns.sorted { $0.field < $1.field }.map { "'\($0.name)'" }
            let named =
                columns.count == 1 ? columns[0] : columns.dropLast().joined(separator: ", ") + " and " + columns.last!
            var d = Diagnostic(
                .error, file: file, line: 0, column: nil,
                "the forms rate on a \(low)-\(Self.otherMaximum) scale, not \(scale.lowerBound)-\(scale.upperBound): \(Count.grouped(t.ratingsAbove)) rating\(t.ratingsAbove == 1 ? "" : "s") in \(named) \(t.ratingsAbove == 1 ? "is" : "are") above \(scale.upperBound), and the \(Count.grouped(t.formsAbove)) forms holding them are rejected; set `evaluation_scale: [\(low), \(Self.otherMaximum)]` in annual-report.yaml to read them"
            )
            d.fold = .summary(Self.key(file), under: nil)
            return d
        }
    }
}
