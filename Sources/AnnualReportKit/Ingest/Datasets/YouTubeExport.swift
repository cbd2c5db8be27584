/// YouTube Studio's content export (Analytics, Advanced mode, download as CSV): the
/// `Table data.csv` of a zip or folder named like `Content 2022-04-01_2023-03-31 Channel`.
///
/// Its header is `Content,Video title,Video publish time,Duration,` then the chosen metrics
/// (`Views`, `Watch time (hours)` …). A `Total` row comes first (a control total checked
/// against every row after it), ids that begin with `-` are written with a leading space, and
/// a list YouTube cut ends with `Showing top 500 results`, after which the Total may exceed
/// the rows' sum (a note, not an error). The export knows no categories or priorities: the
/// `catalogue` dataset gives them.
enum YouTubeExport {
    static let schema = DatasetSchema(
        name: "youtube",
        columns: [
            .init("video_id", aliases: ["content"], required: true),
            .init("video", aliases: ["video title"]),
            .init("views", required: true),
        ], totalled: [.init("views")], totalsLead: true, typed: ["video_id", "views"])

    /// Whether a header is a content export's table: `Content` first, then `Video title` and
    /// `Views` among its columns (its `Chart data.csv` starts with `Date`).
    static func recognises(_ header: [String]) -> Bool {
        let names = header.map(DatasetSchema.normalize)
        return names.first == "content" && names.contains("videotitle") && names.contains("views")
    }

    /// The export's other files, which repeat the table's figures by day or in total.
    static func isCompanion(_ file: InputFile) -> Bool {
        ["chart data.csv", "totals.csv"].contains(file.baseName.lowercased())
    }

    /// One exported video's row.
    struct Row {
        var id: String?
        var title: String?
        var views: Int64
        var year: FinancialYear
        var source: SourceLocation
        /// The export's dates when they are only part of `year`.
        var period: ExportPeriod?
    }

    static func ingester() -> FileIngester<Row> {
        var ingester = FileIngester<Row>(
            schema: schema,
            parse: { row in
                let views = row.count("views")
                let id = row.id("video_id")
                let title = row.label("video", "the video's title")
                if row.text("video_id") == nil && title == nil {
                    row.fail("video_id", "missing video; expected the video's id in Content or its title")
                }
                guard let views, id != nil || title != nil, case .success(let year) = Self.year(path: row.file) else {
                    return nil
                }
                return Row(
                    id: id, title: title, views: views, year: year,
                    source: SourceLocation(file: row.file, line: row.record.line),
                    period: partialPeriod(path: row.file))
            }, duplicateKey: { "\($0.year)|\($0.id ?? "title:" + ($0.title ?? ""))" },
            describeDuplicate: "video (same id)")
        ingester.fileCheck = { name in
            guard case .failure(let problem) = Self.year(path: name) else { return nil }
            return problem.message
        }
        // An export of part of a year is read, with a warning: its views are not the year's.
        ingester.fileScan = { _, _, name in
            guard let period = partialPeriod(path: name), case .success(let year) = Self.year(path: name) else {
                return FileScan()
            }
            let whole = "1 April \(year.startYear) to 31 March \(year.startYear + 1)"
            return FileScan(diagnostics: [
                Diagnostic(
                    .warning, file: name, line: 0, column: nil,
                    "\(period.sentence(year)); expected an export of the whole year (\(whole) in YouTube Studio's date range) for the year's views"
                )
            ])
        }
        return ingester
    }

    /// The period in a folder or zip name when it lies in one financial year but is not the
    /// whole of it (`Content 2023-04-01_2023-09-30 Channel`); nil for a whole year or no period.
    static func partialPeriod(path: String) -> ExportPeriod? {
        for part in path.split(separator: "/").reversed() {
            guard let (from, to) = period(in: String(part)) else { continue }
            let year = FinancialYear(containing: from)
            guard year == FinancialYear(containing: to), from != year.firstDay || to != year.lastDay else { return nil }
            return ExportPeriod(from: from, to: to)
        }
        return nil
    }

    struct YearProblem: Error { let message: String }

    /// The financial year of an export: the period in a folder or zip name it sits in
    /// (`Content 2022-04-01_2023-03-31 Channel`), which must lie in one year; else a financial
    /// year written in its path (`Table data 2022-23.csv`).
    static func year(path: String) -> Result<FinancialYear, YearProblem> {
        let parts = path.split(separator: "/").map(String.init)
        for part in parts.reversed() {
            if let (from, to) = period(in: part) {
                let first = FinancialYear(containing: from)
                let last = FinancialYear(containing: to)
                guard first == last else {
                    return .failure(
                        YearProblem(
                            message:
                                "the export's period \(from) to \(to) spans \(first) and \(last); expected an export of one financial year (1 April to 31 March), chosen in YouTube Studio's date range"
                        ))
                }
                return .success(first)
            }
        }
        for part in parts.reversed() {
            if let year = financialYear(in: part) { return .success(year) }
        }
        return .failure(
            YearProblem(
                message:
                    "cannot tell which year the export covers; expected it in the folder or zip YouTube Studio names (Content 2022-04-01_2023-03-31 Channel name), or a financial year in the file name (Table data 2022-23.csv)"
            ))
    }

    /// `2022-04-01_2023-03-31` anywhere in a name.
    private static func period(in name: String) -> (CalendarDate, CalendarDate)? {
        let chars = Array(name.utf8)
        guard chars.count >= 21 else { return nil }
        for start in 0...(chars.count - 21) where chars[start + 10] == UInt8(ascii: "_") {
            let a = String(decoding: chars[start..<start + 10], as: UTF8.self)
            let b = String(decoding: chars[(start + 11)..<(start + 21)], as: UTF8.self)
            if a.utf8.allSatisfy({ $0 != 0x20 }), let from = CalendarDate(parsing: a),
                let to = CalendarDate(parsing: b), from <= to
            {
                return (from, to)
            }
        }
        return nil
    }

    /// `2022-23` or `2022-2023` (also with `/` or `_`) anywhere in a name.
    static func financialYear(in name: String) -> FinancialYear? {
        let chars = Array(name.utf8)
        for length in [9, 7] where chars.count >= length {
            for start in 0...(chars.count - length) {
                let text = String(
                    String(decoding: chars[start..<start + length], as: UTF8.self).map { $0 == "_" ? "-" : $0 })
                let before = start > 0 ? chars[start - 1] : 0x20
                let after = start + length < chars.count ? chars[start + length] : 0x20
                let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
                if !isDigit(before), !isDigit(after), let year = FinancialYear(label: text) { return year }
            }
        }
        return nil
    }
}
