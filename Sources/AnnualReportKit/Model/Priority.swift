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
