import Foundation
import Yams

/// Reads `annual-report.yaml` (or `.yml`) from the inputs folder with Yams.
///
/// ```yaml
/// partnership: Leicestershire & Rutland Safeguarding Children Partnership
/// board: SCP
/// reporting_year: 2022-23
/// priorities:
///   "2022-23":
///     - name: Safeguarding Babies
///       aliases: [Babies]
///     - Child Mental Health and Emotional Wellbeing
/// columns:                # more header names, per dataset and column
///   training:
///     attendees: [Number Attended]
/// partners:               # other spellings of a partner in any finance row
///   Leicestershire County Council: [LCC, Leics CC]
/// bank_holidays: [2024-12-27]   # more days that are not working days
/// review_limits: {notify_days: 5, rapid_review_days: 15}
/// ```
enum ConfigurationLoader {
    static let fileNames = ["annual-report.yaml", "annual-report.yml"]

    static func load(from folder: URL) -> (ReportConfiguration, String?, [Diagnostic]) {
        for name in fileNames {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let (config, diagnostics) = parse(data, file: name)
            return (config, name, diagnostics)
        }
        return (ReportConfiguration(), nil, [])
    }

    static func parse(_ data: Data, file: String) -> (ReportConfiguration, [Diagnostic]) {
        var config = ReportConfiguration()
        var diagnostics: [Diagnostic] = []
        func error(_ node: Node?, _ message: String) {
            let mark = node?.mark
            diagnostics.append(Diagnostic(.error, file: file, line: mark?.line ?? 0, column: mark?.column, message))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            error(nil, "not UTF-8 text; expected a UTF-8 YAML file")
            return (config, diagnostics)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            diagnostics.append(Self.diagnostic(for: e, file: file))
            return (config, diagnostics)
        } catch {
            diagnostics.append(Diagnostic(.error, file: file, line: 0, column: nil, "cannot read YAML: \(error)"))
            return (config, diagnostics)
        }
        guard let root else { return (config, diagnostics) }
        guard let mapping = root.mapping else {
            error(root, "expected a mapping with partnership, board, reporting_year and priorities")
            return (config, diagnostics)
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "partnership":
                config.partnership = value.string
            case "board":
                config.board = value.string
            case "reporting_year":
                if let s = value.string, let year = FinancialYear(loose: s) {
                    config.reportingYear = year
                } else {
                    error(value, "bad reporting_year '\(value.string ?? "")'; expected a financial year like 2022-23")
                }
            case "priorities":
                priorities(value, into: &config.priorities, error: error)
            case "columns":
                columns(value, into: &config.columns, error: error)
            case "evaluation_scale":
                evaluationScale(value, into: &config.evaluationScale, error: error)
            case "partners":
                partners(value, into: &config.partners, error: error)
            case "bank_holidays":
                bankHolidays(value, into: &config.bankHolidays, error: error)
            case "review_limits":
                reviewLimits(value, into: &config.reviewLimits, error: error)
            default:
                diagnostics.append(
                    Diagnostic(
                        .note, file: file, line: keyNode.mark?.line ?? 0, column: keyNode.mark?.column,
                        "ignored unknown setting '\(key)'"))
            }
        }
        return (config, diagnostics)
    }

    /// `priorities:`, each year (`"2022-23"`) to a list of priorities, each a name or a mapping
    /// with `name` and `aliases`.
    private static func priorities(
        _ value: Node, into priorities: inout [FinancialYear: [PriorityDefinition]], error: (Node?, String) -> Void
    ) {
        guard let years = value.mapping else {
            error(value, "priorities must map each year (\"2022-23\") to a list of priorities")
            return
        }
        for (yearNode, list) in years {
            guard let label = yearNode.string, let year = FinancialYear(loose: label) else {
                error(
                    yearNode,
                    "bad year '\(yearNode.string ?? "")' under priorities; expected a financial year like \"2022-23\""
                )
                continue
            }
            guard let items = list.sequence else {
                error(list, "priorities for \(year) must be a list")
                continue
            }
            var definitions: [PriorityDefinition] = []
            for item in items {
                if let name = item.string {
                    definitions.append(PriorityDefinition(name: name))
                } else if let m = item.mapping, let name = m["name"]?.string {
                    let aliases =
                        m["aliases"]?.sequence?.compactMap(\.string) ?? m["aliases"]?.string.map { [$0] } ?? []
                    definitions.append(PriorityDefinition(name: name, aliases: aliases))
                } else {
                    error(item, "a priority must be a name or a mapping with name and aliases")
                }
            }
            priorities[year] = definitions
        }
    }

    /// `columns:`, each dataset (`DatasetSchema.allNames`) to its columns, each to the extra
    /// header names it is read under.
    private static func columns(
        _ value: Node, into columns: inout [String: [String: [String]]], error: (Node?, String) -> Void
    ) {
        guard let datasets = value.mapping else {
            error(
                value,
                "columns must map a dataset (training, videos …) to its columns and their extra header names")
            return
        }
        for (datasetNode, columnsNode) in datasets {
            let dataset = datasetNode.string ?? ""
            guard let schema = DatasetSchema.named(dataset) else {
                error(
                    datasetNode,
                    "unknown dataset '\(dataset)' under columns; expected one of: \(DatasetSchema.allNames.joined(separator: ", "))"
                )
                continue
            }
            guard let mapping = columnsNode.mapping else {
                error(columnsNode, "columns of \(dataset) must map a column name to a list of header names")
                continue
            }
            for (columnNode, names) in mapping {
                let column = columnNode.string ?? ""
                guard schema.columns.contains(where: { $0.name == column }) else {
                    error(
                        columnNode,
                        "unknown \(dataset) column '\(column)'; expected one of: \(schema.columns.map(\.name).joined(separator: ", "))"
                    )
                    continue
                }
                guard let list = stringList(names) else {
                    error(names, "header names for \(dataset) \(column) must be a list such as [Number Attended]")
                    continue
                }
                columns[schema.name, default: [:]][column, default: []] += list
            }
        }
    }

    /// `evaluation_scale: [1, 5]`: the lowest and highest rating, whole numbers.
    private static func evaluationScale(
        _ value: Node, into scale: inout ClosedRange<Int64>, error: (Node?, String) -> Void
    ) {
        guard let items = value.sequence, items.count == 2, let low = items[0].int, let high = items[1].int,
            low < high
        else {
            error(value, "evaluation_scale must be two whole numbers, lowest first, such as [1, 5]")
            return
        }
        scale = Int64(low)...Int64(high)
    }

    /// `partners:`, each partner's name to a list of its other spellings.
    private static func partners(_ value: Node, into partners: inout [String: [String]], error: (Node?, String) -> Void)
    {
        guard let mapping = value.mapping else {
            error(value, "partners must map a partner's name to a list of other spellings")
            return
        }
        for (nameNode, spellings) in mapping {
            guard let name = nameNode.string, let list = stringList(spellings) else {
                error(spellings, "other spellings of a partner must be a list such as [LCC, Leics CC]")
                continue
            }
            partners[name, default: []] += list
        }
    }

    /// `bank_holidays: [2024-12-27]`: a list of dates (or one date), each written ISO.
    private static func bankHolidays(
        _ value: Node, into holidays: inout Set<CalendarDate>, error: (Node?, String) -> Void
    ) {
        guard let items = value.sequence ?? (value.scalar != nil ? [value] : nil) else {
            error(value, "bank_holidays must be a list of dates such as [2024-12-27]")
            return
        }
        for item in items {
            // ISO only: a configuration is written once, by hand, and 03/06/2022 could be read either way round.
            let text = item.string ?? ""
            guard let date = CalendarDate(parsing: text), date.description == text.trimmingSpaces else {
                error(item, "bank holiday '\(text)' is not a date written as 2024-12-27")
                continue
            }
            holidays.insert(date)
        }
    }

    /// `review_limits: {notify_days: 5, rapid_review_days: 15}`: either or both, each a whole
    /// number of working days above 0; an unknown key is an error (a misspelt limit would
    /// otherwise silently keep its default).
    private static func reviewLimits(_ value: Node, into limits: inout ReviewLimits, error: (Node?, String) -> Void) {
        guard let mapping = value.mapping else {
            error(
                value,
                "review_limits must map notify_days and rapid_review_days to working days, such as {notify_days: 5, rapid_review_days: 15}"
            )
            return
        }
        for (keyNode, days) in mapping {
            let key = keyNode.string ?? ""
            guard key == "notify_days" || key == "rapid_review_days" else {
                error(keyNode, "unknown review limit '\(key)'; expected notify_days or rapid_review_days")
                continue
            }
            guard let n = days.scalar.flatMap({ Int($0.string.trimmingSpaces) }), n > 0 else {
                error(
                    days,
                    "\(key)\(days.scalar.map { " '\($0.string)'" } ?? "") is not a whole number of working days above 0; expected such as \(key == "notify_days" ? 5 : 15)"
                )
                continue
            }
            if key == "notify_days" { limits.notifyDays = n } else { limits.rapidReviewDays = n }
        }
    }

    /// A YAML list of strings, or one string.
    private static func stringList(_ node: Node) -> [String]? {
        if let s = node.string { return [s] }
        guard let items = node.sequence else { return nil }
        let strings = items.compactMap(\.string)
        return strings.count == items.count ? strings : nil
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return Diagnostic(.error, file: file, line: mark.line, column: mark.column, "invalid YAML: \(problem)")
        default:
            return Diagnostic(.error, file: file, line: 0, column: nil, "invalid YAML: \(error)")
        }
    }
}
