/// Reads typed values out of one CSV record, collecting a located diagnostic for each bad one.
///
/// Ingesters ask for each value once; a row with any problem is rejected as a whole, and
/// every problem in it is reported (not just the first).
struct RowReader {
    let file: String
    let record: CSVRecord
    let header: HeaderMap
    let schema: DatasetSchema
    private(set) var problems: [Diagnostic] = []
    /// Cells read as Excel serial dates (`44830`), for one note per file and column.
    private(set) var excelSerials: [(column: String, raw: String, date: CalendarDate, position: CSVPosition)] = []

    /// The file is `;`-separated, where amounts may be written `1.234,56` (`Separators`).
    var decimalComma = false
    /// Fields whose all-number dates are month-first (`DateOrder`, decided for the whole file).
    var monthFirst: Set<Int> = []
    /// The financial year the file's name carries (`training-2022-23.csv`): the record's own
    /// date (`schema.datedBy`) must fall in it.
    var fileYear: FinancialYear?
    /// What the dataset's `FileIngester.fileScan` found in the whole file (a BRAG tracker).
    var fileTraits: Set<String> = []

    init(file: String, record: CSVRecord, header: HeaderMap, schema: DatasetSchema) {
        self.file = file
        self.record = record
        self.header = header
        self.schema = schema
    }

    private func columnIndex(_ name: String) -> Int {
        guard let i = schema.columns.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("no column \(name) in schema \(schema.name)")
        }
        return i
    }

    /// The file's own header for a column (`Fully watched` for `views`), nil when absent.
    func headerName(_ name: String) -> String? { header.fieldIndex[columnIndex(name)].map { header.names[$0] } }

    /// Whether the file has this column at all.
    func has(_ name: String) -> Bool { header.fieldIndex[columnIndex(name)] != nil }

    /// The trimmed text of a column with runs of spaces inside collapsed to one (`Rutland  County
    /// Council` is `Rutland County Council`); nil when the column is absent or the cell is blank.
    func text(_ name: String) -> String? {
        guard let f = header.fieldIndex[columnIndex(name)], f < record.fields.count else { return nil }
        let value = record.fields[f].trimmingSpaces.collapsingSpaces
        return value.isEmpty ? nil : value
    }

    func position(_ name: String) -> CSVPosition {
        if let f = header.fieldIndex[columnIndex(name)], f < record.positions.count { return record.positions[f] }
        return CSVPosition(line: record.line, column: 1)
    }

    /// A value echoed in a message, cut short so a runaway cell cannot flood the report.
    static func shown(_ value: String) -> String {
        value.count <= 80 ? value : String(value.prefix(77)) + "…"
    }

    /// Priorities are the partnership's own words, so an unknown one is quoted for the office
    /// to correct, unless it reaches a person (`PersonalText.quotedVocabulary`).
    static func unknownPriority(_ item: String, closest: String?) -> String {
        "unknown priority \(PersonalText.quotedVocabulary(item)); expected a configured priority or alias"
            + (closest.map { "; did you mean '\($0)'?" } ?? "")
    }

    /// What is wrong with one item of a priorities cell before it is resolved: an email
    /// address or telephone number (a priority becomes a table label), or priorities joined by
    /// commas or slashes (`PriorityCatalog.joined`); nil for an item to resolve.
    static func priorityProblem(_ item: String, joined: (String) -> [String]?) -> String? {
        if PersonalText.reachesPerson(item) { return personalLabel("priority", expected: "a priority's name") }
        guard let parts = joined(item) else { return nil }
        let slash = item.contains("/")
        let comma = item.contains(",")
        let by = comma && slash ? "',' and '/'" : slash ? "'/'" : parts.count == 2 ? "a comma" : "commas"
        let many = "\(parts.count == 2 ? "two" : "\(parts.count)") priorities separated by \(by)"
        return "'\(shown(item))' looks like \(many); separate priorities with ';' (\(parts.joined(separator: ";")))"
    }

    /// The error for a cell that becomes a table label (a priority, partner, category, agency
    /// or title) and holds an email address or a telephone number: its value withheld.
    static func personalLabel(_ what: String, expected: String) -> String {
        "\(what) (withheld) holds an email address or a telephone number, which the report's tables would show; expected \(expected), with no personal details"
    }

    /// An optional cell whose text becomes a table label, checked as `requiredLabel` checks one.
    mutating func label(_ name: String, _ what: String) -> String? {
        guard let value = text(name) else { return nil }
        guard !PersonalText.reachesPerson(value) else {
            fail(name, Self.personalLabel(name, expected: what))
            return nil
        }
        return value
    }

    /// A required cell whose text becomes a table label: an error, its value withheld, when it
    /// holds an email address or a telephone number (`personalLabel`).
    mutating func requiredLabel(_ name: String, _ what: String) -> String? {
        guard let value = required(name, what) else { return nil }
        guard !PersonalText.reachesPerson(value) else {
            fail(name, Self.personalLabel(name, expected: what))
            return nil
        }
        return value
    }

    /// One note per file and column for the cells `date` read as Excel serial dates.
    static func excelSerialNote(column: String, count: Int, raw: String, date: CalendarDate) -> String {
        "read \(count == 1 ? "'\(raw)'" : "\(count) numbers such as '\(raw)'") in column '\(column)' as Excel serial date\(count == 1 ? "" : "s") (\(raw) is \(date)); expected dates such as 2022-09-26, so check the column was exported as dates"
    }

    /// A problem at a field the schema does not name (an evaluation's rating column).
    mutating func fail(field f: Int, _ message: String) {
        let p = f < record.positions.count ? record.positions[f] : CSVPosition(line: record.line, column: 1)
        problems.append(Diagnostic(.error, file: file, line: p.line, column: p.column, message))
    }

    /// Marks the last problem as following from its file's cause (`DiagnosticFold`).
    mutating func foldLastProblem(into key: String) {
        if !problems.isEmpty { problems[problems.count - 1].fold = .member(key) }
    }

    mutating func fail(_ name: String, _ message: String) {
        let p = position(name)
        problems.append(Diagnostic(.error, file: file, line: p.line, column: p.column, message))
    }

    mutating func required(_ name: String, _ what: String) -> String? {
        guard let value = text(name) else {
            fail(name, "missing \(name); expected \(what)")
            return nil
        }
        return value
    }

    /// An id as the cell writes it (nil when blank; `what` makes it required). One Excel
    /// shortened into scientific notation (`6.12346E+11`) is an error saying so (`ExcelShortened`).
    mutating func id(_ name: String, required what: String? = nil) -> String? {
        let value: String?
        if let what { value = required(name, what) } else { value = text(name) }
        guard let value, !excelShortened(name, value, count: false) else { return nil }
        return value
    }

    /// Whether `raw` is a number Excel shortened: then an error saying so, folded per file and column.
    private mutating func excelShortened(_ name: String, _ raw: String, count: Bool) -> Bool {
        guard ExcelShortened.isShortened(raw) else { return false }
        let column = headerName(name) ?? name
        fail(name, ExcelShortened.message(raw, column: column, count: count))
        foldLastProblem(into: ExcelShortened.key(file: file, column: column))
        return true
    }

    mutating func date(_ name: String, required: Bool = true) -> CalendarDate? {
        guard let raw = required ? self.required(name, "a date such as \(CalendarDate.acceptedForms)") : text(name)
        else { return nil }
        let monthFirst = header.fieldIndex[columnIndex(name)].map(self.monthFirst.contains) ?? false
        if let date = CalendarDate(parsing: raw, monthFirst: monthFirst) {
            if let fileYear, name == schema.datedBy, FinancialYear(containing: date) != fileYear {
                let other = CalendarDate(parsing: raw, monthFirst: !monthFirst).flatMap { $0 == date ? nil : $0 }
                let cause =
                    other.map { o in
                        " (the usual cause is the day/month order: read \(monthFirst ? "day" : "month")-first it is \(o.longDescription)\(FinancialYear(containing: o) == fileYear ? ", in \(fileYear)" : ""); write dates as 2022-04-01 to be sure)"
                    }
                    ?? " (a record of another year belongs in a file named for that year, or in one with no year in its name)"
                fail(
                    name,
                    "date \(PersonalText.quoted(raw)) is \(date.longDescription), in \(FinancialYear(containing: date)), but the file's name says \(fileYear); expected only \(fileYear) records in it"
                        + cause)
                return nil
            }
            return date
        }
        if let date = CalendarDate(excelSerial: raw) {
            excelSerials.append((name, raw, date, position(name)))
            return date
        }
        if let (date, written) = CalendarDate.weekdayDisagreement(raw, monthFirst: monthFirst) {
            // Both named from what was read, not quoted: a weekday and a month name look like a name.
            fail(
                name,
                "the weekday '\(written)' does not agree with the date: \(date.longDescription) is a \(date.weekdayName); expected the weekday and the date to agree (correct whichever is wrong, or write the date alone)"
            )
            return nil
        }
        fail(name, "bad date \(PersonalText.quoted(raw)); expected a real date such as \(CalendarDate.acceptedForms)")
        return nil
    }

    mutating func year(_ name: String) -> FinancialYear? {
        guard let raw = required(name, "a financial year like 2022-23") else { return nil }
        guard let year = FinancialYear(loose: raw) else {
            fail(name, "bad financial year \(PersonalText.quoted(raw)); expected \(FinancialYear.acceptedForms)")
            return nil
        }
        return year
    }

    /// A non-negative whole number; `defaultValue` when the cell is blank (nil = required). In a
    /// `;`-separated file dots may group thousands (`1.054`), as in its amounts (`decimalComma`).
    mutating func count(_ name: String, default defaultValue: Int64? = nil) -> Int64? {
        guard let raw = text(name) else {
            if let defaultValue { return defaultValue }
            fail(name, "missing \(name); expected a whole number")
            return nil
        }
        if let n = Self.count(raw, decimalComma: decimalComma) { return Int64(n) }
        if excelShortened(name, raw, count: true) { return nil }
        let digits = raw.replacingCommas
        if digits.hasPrefix("-"), Count.parseGrouped(digits.dropFirst()) != nil {
            fail(name, "negative \(name) \(PersonalText.quoted(raw)); expected a whole number of 0 or more")
        } else {
            fail(
                name,
                "bad \(name) \(PersonalText.quoted(raw)); expected a whole number such as 1054 or 1,054"
                    + (decimalComma ? " (or 1.054 in this file)" : ""))
        }
        return nil
    }

    mutating func money(_ name: String) -> Money? {
        guard let raw = required(name, "an amount in pounds") else { return nil }
        guard let money = Self.money(raw, decimalComma: decimalComma) else {
            fail(
                name,
                "bad amount \(PersonalText.quoted(raw)); expected pounds with at most 2 decimals, such as "
                    + (decimalComma
                        ? "£102.496, 102496,00, -£1.000,50 or (1.000,00) (a decimal comma, as in this file)"
                        : "£102,496, 102496.00, -£1,000 or (1,000)"))
            return nil
        }
        return money
    }

    /// A count as a file with or without decimal commas writes it: `1,054`, and `1.054` where
    /// the decimal mark is a comma (a dot and three digits is then never a fraction).
    static func count(_ raw: String, decimalComma: Bool) -> UInt64? {
        Count.parseGrouped(raw) ?? (decimalComma ? Count.parseGrouped(fromDecimalComma(raw)) : nil)
    }

    /// An amount as a file with or without decimal commas writes it (`£1.234,56` where they are).
    static func money(_ raw: String, decimalComma: Bool) -> Money? {
        Money(parsing: decimalComma ? fromDecimalComma(raw) : raw)
    }

    /// `1.234,56` as `1234.56`, `119266,1` as `119266.1` and `£102.496` as `£102496`: a comma
    /// followed by one or two digits at the end is the decimal mark, and dots that group
    /// thousands are separators (a dot and three digits is never pence). Only the number
    /// changes, not what wraps it: `£(1.000,00)` is `£(1000.00)`, `-£1.000,00` is `-£1000.00`.
    /// Anything else (`£102,496`, `1,234.56`) is left for `Money` to read or refuse.
    static func fromDecimalComma(_ raw: String) -> String {
        let chars = Array(raw)
        guard let first = chars.firstIndex(where: \.isNumber), let last = chars.lastIndex(where: \.isNumber) else {
            return raw
        }
        let number = chars[first...last]
        var whole = number
        var pence: ArraySlice<Character> = []
        if let comma = number.lastIndex(of: ",") {
            guard (1...2).contains(last - comma), number[(comma + 1)...].allSatisfy(\.isNumber),
                !number[..<comma].contains(",")
            else { return raw }
            whole = number[..<comma]
            pence = number[(comma + 1)...]
        }
        let runs = whole.split(separator: ".", omittingEmptySubsequences: false)
        guard runs.count > 1 || !pence.isEmpty else { return raw }
        // Dots must group thousands (1.234.567) to be read as separators.
        guard runs.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) }) else { return raw }
        return String(chars[..<first]) + String(whole.filter { $0 != "." }) + (pence.isEmpty ? "" : "." + String(pence))
            + String(chars[(last + 1)...])
    }

    /// One of a fixed set of values, matched case-insensitively ignoring spaces, `_` and `-`.
    mutating func choice<T: Equatable>(_ name: String, _ options: [(String, T)], default defaultValue: T?) -> T? {
        guard let raw = text(name) else {
            if let defaultValue { return defaultValue }
            fail(name, "missing \(name); expected one of: \(Choice.allowed(options))")
            return nil
        }
        if let match = Choice.match(raw, options) { return match }
        fail(name, "unknown \(name) \(PersonalText.quoted(raw)); expected one of: \(Choice.allowed(options))")
        return nil
    }

    /// A `;`-separated list of priorities, each resolved through the catalog.
    mutating func priorities(_ name: String, catalog: PriorityCatalog) -> [Priority] {
        guard let raw = text(name) else { return [] }
        var result: [Priority] = []
        for part in raw.split(separator: ";") {
            let item = part.trimmingSpaces
            guard !item.isEmpty else { continue }
            if let problem = Self.priorityProblem(item, joined: catalog.joined) {
                fail(name, problem)
                continue
            }
            switch catalog.resolve(item) {
            case .known(let p):
                if !result.contains(p) { result.append(p) }
            case .unknown(let closest):
                fail(name, Self.unknownPriority(item, closest: closest))
            }
        }
        return result
    }
}

extension String {
    var replacingCommas: String { String(filter { $0 != "," }) }
}
