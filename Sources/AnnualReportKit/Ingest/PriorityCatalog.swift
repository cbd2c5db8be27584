import Foundation

/// Resolves the names found in records to priorities.
///
/// With configured priorities an unknown name is an error that suggests the closest known
/// name. Without any, every name seen becomes a priority, in order of first appearance.
///
/// A name whose comma- or slash-separated parts are each a priority of their own (configured,
/// or found as a whole item of a priorities cell) is two priorities written with a comma
/// (`joined`), unless it is itself configured (`Exploitation, missing and trafficking`).
final class PriorityCatalog: @unchecked Sendable {
    // Mutated only while ingesting, which is single-threaded per catalog.
    private var byKey: [String: Priority] = [:]
    private(set) var discovered: [Priority] = []
    let isConfigured: Bool
    private let knownNames: [String]
    /// The keys of the configured names and aliases.
    private let configuredKeys: Set<String>
    /// The keys of names without a comma resolved so far, and of those a previous reading of
    /// the same inputs found (`primed`): the priorities found on their own.
    private(set) var standalone: Set<String>

    init(configuration: ReportConfiguration, primed: Set<String> = []) {
        isConfigured = !configuration.priorities.isEmpty
        var names: [String] = []
        for year in configuration.priorities.keys.sorted() {
            for definition in configuration.priorities[year]! {
                let priority = Priority(definition.name)
                for name in [definition.name] + definition.aliases {
                    let key = PriorityCatalog.key(name)
                    if byKey[key] == nil {
                        byKey[key] = priority
                        names.append(name)
                    }
                }
            }
        }
        knownNames = names
        configuredKeys = Set(byKey.keys)
        standalone = configuredKeys.union(primed)
    }

    /// The parts of a name that is two or more priorities separated by commas or slashes
    /// (`Neglect, Exploitation`, `Neglect / Exploitation`), each a priority on its own; nil for
    /// any other name.
    func joined(_ name: String) -> [String]? {
        guard name.contains(where: PriorityCatalog.isJoiner), !configuredKeys.contains(PriorityCatalog.key(name)) else {
            return nil
        }
        let parts = name.split(omittingEmptySubsequences: false, whereSeparator: PriorityCatalog.isJoiner).map(
            \.trimmingSpaces)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && standalone.contains(PriorityCatalog.key($0)) }) else {
            return nil
        }
        return parts
    }

    /// What offices write between two priorities in place of `;`.
    static func isJoiner(_ c: Character) -> Bool { c == "," || c == "/" }

    /// Whether a name joined by commas was taken as one priority before its parts were all
    /// found on their own (later in the files): read again with `standalone` as `primed`,
    /// every such name is then `joined` at its cell.
    var tookJoinedNames: Bool { discovered.contains { joined($0.name) != nil } }

    enum Resolution: Equatable {
        case known(Priority)
        case unknown(closest: String?)
    }

    func resolve(_ name: String) -> Resolution {
        let key = PriorityCatalog.key(name)
        if let p = byKey[key] {
            if !name.contains(where: PriorityCatalog.isJoiner) { standalone.insert(key) }
            return .known(p)
        }
        if isConfigured {
            // Suggestions only make sense for name-sized input; a huge cell gets none.
            guard key.count <= 200 else { return .unknown(closest: nil) }
            let distances = knownNames.map { Edit.distance(PriorityCatalog.key($0), key) }
            return .unknown(closest: distances.indices.min { distances[$0] < distances[$1] }.map { knownNames[$0] })
        }
        let p = Priority(name.trimmingSpaces)
        byKey[key] = p
        discovered.append(p)
        if !name.contains(where: PriorityCatalog.isJoiner) { standalone.insert(key) }
        return .known(p)
    }

    /// Case-insensitive, with runs of spaces folded and `&` read as `and`.
    static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "&", with: " and ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
