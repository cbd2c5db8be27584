/// Errors caused by another file's failure: evaluation forms whose training event is "not in
/// the training records" because a training file was not read at all (its header does not
/// match, it is an old `.xls`, it cannot be decoded). Each such form is still rejected at its
/// row (the data-quality section and `rejects.csv` list every one), but the terminal prints
/// the training file's own error first and, straight under it, one line for the forms of each
/// forms file ("60 evaluation forms name events of training-2022-23.xls, which could not be
/// read: save it as .xlsx or CSV"), so the office fixes the training file, not the forms.
enum KnockOnErrors {
    /// Messages of a form whose event was not found (EvaluationForms' wording).
    static let unmatched = ["which is not in the training records", "which no training row has"]

    /// Marks the forms' errors in `diagnostics` as following from the training files that
    /// failed, and adds one summary per forms file; unchanged when no training file failed.
    static func fold(_ diagnostics: inout [Diagnostic], ledger: [FileLedger]) {
        let failed = failedTraining(diagnostics, ledger: ledger)
        guard let cause = failed.first else { return }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for k in diagnostics.indices
        where diagnostics[k].severity == .error && unmatched.contains(where: { diagnostics[k].message.contains($0) }) {
            let file = diagnostics[k].file
            if counts[file] == nil { order.append(file) }
            counts[file, default: 0] += 1
            diagnostics[k].fold = .member(key(file))
        }
        let named = failed.count == 1 ? failed[0] : failed.dropLast().joined(separator: ", ") + " and " + failed.last!
        let advice =
            failed.allSatisfy(isOldWorkbook)
            ? "save \(failed.count == 1 ? "it" : "them") as .xlsx or CSV"
            : "fix \(failed.count == 1 ? "it" : "them") first, and the forms will find their events"
        for file in order {
            let n = counts[file]!
            var summary = Diagnostic(
                .error, file: file, line: 0, column: nil,
                "\(Count.grouped(n)) evaluation form\(n == 1 ? " names an event" : "s name events") of \(named), which could not be read: \(advice)"
            )
            summary.fold = .summary(key(file), under: cause)
            diagnostics.append(summary)
        }
    }

    /// The fold key of one forms file's unmatched forms.
    static func key(_ file: String) -> String { "unread-training|\(file)" }

    /// A Microsoft binary workbook (`.xls`, `.xlsb`), which the tool does not read.
    static func isOldWorkbook(_ file: String) -> Bool {
        let lower = file.lowercased()
        return lower.hasSuffix(".xls") || lower.hasSuffix(".xlsb")
    }

    /// The training files that failed, sorted: nothing of a read file used and an error in it,
    /// or a workbook or other file named `training…` that was not read.
    static func failedTraining(_ diagnostics: [Diagnostic], ledger: [FileLedger]) -> [String] {
        let trainingFiles = Set(ledger.filter { $0.dataset == "training" }.map(\.file))
        let unusedTraining = Set(ledger.filter { $0.dataset == "training" && $0.used == 0 }.map(\.file))
        var failed: Set<String> = []
        for d in diagnostics where d.severity == .error {
            let base = (d.file.split(separator: "/").last.map(String.init) ?? d.file).lowercased()
            if unusedTraining.contains(d.file)
                || (!trainingFiles.contains(d.file) && base.hasPrefix("training") && d.line == 0)
            {
                failed.insert(d.file)
            }
        }
        return failed.sorted()
    }
}
