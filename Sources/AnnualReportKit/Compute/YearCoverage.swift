/// The years a dataset covers: from the year of its first record to the year of its last.
///
/// Absent is not zero: a year inside the span with none of the dataset's records is a real 0
/// (no reviews that year), a year outside it is "not recorded" (N/A), and so is every year of
/// a dataset with no records at all.
struct YearCoverage: Equatable {
    let first: FinancialYear?
    let last: FinancialYear?

    init(_ years: some Sequence<FinancialYear>) {
        var first: FinancialYear?
        var last: FinancialYear?
        for y in years {
            if first == nil || y < first! { first = y }
            if last == nil || y > last! { last = y }
        }
        self.first = first
        self.last = last
    }

    func covers(_ year: FinancialYear) -> Bool {
        guard let first, let last else { return false }
        return first <= year && year <= last
    }

    /// `2020-21 to 2022-23`, `2022-23`, or `no year`.
    var description: String {
        guard let first, let last else { return "no year" }
        return first == last ? first.label : "\(first) to \(last)"
    }

    /// `value` where the year is covered, else nil (not recorded).
    func recorded<T>(_ year: FinancialYear, _ value: () -> T) -> T? { covers(year) ? value() : nil }
}

/// Why a dataset's section has no tables: absent, or present with no usable rows.
enum MissingDataset {
    /// `noun` as in "training records", `files` the name pattern (`training*.csv`).
    static func note(_ noun: String, files: String, supplied: Bool) -> String {
        supplied
            ? "The \(files) files hold no usable \(noun) records (header only, or every row rejected), so this section has no tables: \(noun) figures are not recorded."
            : "No \(noun) records were supplied (no \(files)), so this section has no tables."
    }
}
