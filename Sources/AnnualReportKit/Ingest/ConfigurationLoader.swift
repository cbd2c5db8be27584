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
                if let s = value.string, let year = FinancialYear(label: s) {
                    config.reportingYear = year
                } else {
                    error(value, "bad reporting_year '\(value.string ?? "")'; expected a financial year like 2022-23")
                }
            case "priorities":
                guard let years = value.mapping else {
                    error(value, "priorities must map each year (\"2022-23\") to a list of priorities")
                    continue
                }
                for (yearNode, list) in years {
                    guard let label = yearNode.string, let year = FinancialYear(label: label) else {
                        error(yearNode, "bad year '\(yearNode.string ?? "")' under priorities; expected a financial year like \"2022-23\"")
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
                            let aliases = m["aliases"]?.sequence?.compactMap(\.string) ?? m["aliases"]?.string.map { [$0] } ?? []
                            definitions.append(PriorityDefinition(name: name, aliases: aliases))
                        } else {
                            error(item, "a priority must be a name or a mapping with name and aliases")
                        }
                    }
                    config.priorities[year] = definitions
                }
            default:
                diagnostics.append(Diagnostic(.note, file: file, line: keyNode.mark?.line ?? 0, column: keyNode.mark?.column,
                                              "ignored unknown setting '\(key)'"))
            }
        }
        return (config, diagnostics)
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
