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
    init(name: String, aliases: [String] = []) {
        self.name = name
        self.aliases = aliases
    }
}

enum Edit {
    /// Levenshtein distance over characters, for "did you mean" suggestions.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
