import Foundation

/// A business priority of the partnership, identified by its configured (canonical) name.
struct Priority: Hashable, Sendable, CustomStringConvertible {
    let name: String
    init(_ name: String) { self.name = name }
    var description: String { name }
}

/// The configured priorities of one year, each with the other names the data may use for it.
struct PriorityDefinition: Hashable, Sendable {
    var name: String
    var aliases: [String]
    init(name: String, aliases: [String] = []) { self.name = name; self.aliases = aliases }
}

/// Resolves the names found in records to priorities.
///
/// With configured priorities an unknown name is an error that suggests the closest known
/// name. Without any, every name seen becomes a priority, in order of first appearance.
final class PriorityCatalog: @unchecked Sendable {
    // Mutated only while ingesting, which is single-threaded per catalog.
    private var byKey: [String: Priority] = [:]
    private(set) var discovered: [Priority] = []
    let isConfigured: Bool
    private let knownNames: [String]

    init(configuration: ReportConfiguration) {
        isConfigured = !configuration.priorities.isEmpty
        var names: [String] = []
        for year in configuration.priorities.keys.sorted() {
            for definition in configuration.priorities[year]! {
                let priority = Priority(definition.name)
                for name in [definition.name] + definition.aliases {
                    let key = PriorityCatalog.key(name)
                    if byKey[key] == nil { byKey[key] = priority; names.append(name) }
                }
            }
        }
        knownNames = names
    }

    enum Resolution: Equatable {
        case known(Priority)
        case unknown(closest: String?)
    }

    func resolve(_ name: String) -> Resolution {
        let key = PriorityCatalog.key(name)
        if let p = byKey[key] { return .known(p) }
        if isConfigured {
            // Suggestions only make sense for name-sized input; a huge cell gets none.
            guard key.count <= 200 else { return .unknown(closest: nil) }
            let distances = knownNames.map { Edit.distance(PriorityCatalog.key($0), key) }
            return .unknown(closest: distances.indices.min { distances[$0] < distances[$1] }.map { knownNames[$0] })
        }
        let p = Priority(name.trimmingSpaces)
        byKey[key] = p
        discovered.append(p)
        return .known(p)
    }

    /// Case-insensitive, with runs of spaces folded and `&` read as `and`.
    static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "&", with: " and ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

enum Edit {
    /// Levenshtein distance over characters, for "did you mean" suggestions.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                       previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
