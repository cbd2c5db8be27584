/// Errors caused by another file's failure: evaluation forms whose training event is "not in
/// the training records" because a training file was not read at all (its header does not
/// match, it is a workbook, it cannot be decoded). Each such form is still rejected at its
/// row, but without a word about the cause the office sees hundreds of form errors and looks
/// for the fault in the forms. One note at the top of the forms file names the training file
/// and its own first error, so the fix is where the eye lands first.
enum KnockOnErrors {
    /// Messages of a form whose event was not found (EvaluationForms' wording).
    static let unmatched = ["which is not in the training records", "which no training row has"]

    /// The notes for `diagnostics` and `ledger` as read; empty when no training file failed.
    static func notes(_ diagnostics: [Diagnostic], ledger: [FileLedger]) -> [Diagnostic] {
        let trainingFiles = Set(ledger.filter { $0.dataset == "training" }.map(\.file))
        let unusedTraining = Set(ledger.filter { $0.dataset == "training" && $0.used == 0 }.map(\.file))
        // A training file that failed: nothing of it used, or a workbook/other file not read.
        var failed: [String: Diagnostic] = [:]
        for d in diagnostics where d.severity == .error {
            let base = (d.file.split(separator: "/").last.map(String.init) ?? d.file).lowercased()
            let isTraining = unusedTraining.contains(d.file) || (!trainingFiles.contains(d.file) && base.hasPrefix("training") && d.line == 0)
            if isTraining, failed[d.file] == nil { failed[d.file] = d }
        }
        guard !failed.isEmpty else { return [] }
        var counts: [String: Int] = [:], order: [String] = []
        for d in diagnostics where d.severity == .error && unmatched.contains(where: { d.message.contains($0) }) {
            if counts[d.file] == nil { order.append(d.file) }
            counts[d.file, default: 0] += 1
        }
        let causes = failed.keys.sorted().map { file -> String in
            let first = failed[file]!
            let reason = first.message.split(separator: ";", maxSplits: 1).first.map(String.init) ?? first.message
            return "\(file) was not read (\(first.line > 0 ? "line \(first.line): " : "")\(reason))"
        }.joined(separator: ", and ")
        return order.map { file in
            let n = counts[file]!
            return Diagnostic(.note, file: file, line: 0, column: nil,
                "\(Count.grouped(n)) form\(n == 1 ? " names a training event" : "s name training events") not in the training records, most likely because \(causes); fix that first, and the forms will find their events")
        }
    }
}
