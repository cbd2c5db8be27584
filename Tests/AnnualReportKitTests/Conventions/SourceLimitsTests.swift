import Foundation
import Testing

/// The house's size limits, checked on every source and test file so they hold after the next change:
/// no source file over 500 lines, no function (or initialiser, subscript) over 80 lines. A file
/// or function past the limit is split into parts with one job each (docs/architecture.md).
@Suite struct SourceLimitsTests {
    static let maximumFileLines = 500
    static let maximumFunctionLines = 80

    /// Every `.swift` file under `Sources/` and `Tests/`, as its path from the repository root.
    static let sources: [String] = ["Sources", "Tests"].flatMap { folder in
        let walker = FileManager.default.enumerator(
            at: repositoryRoot.appendingPathComponent(folder), includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            paths.append(String(url.path.dropFirst(repositoryRoot.path.count + 1)))
        }
        return paths.sorted()
    }

    static func lines(_ path: String) throws -> [Substring] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
    }

    @Test func theSourcesAreFound() {
        #expect(Self.sources.contains("Sources/AnnualReportKit/Compute/ReportBuilder.swift"))
        #expect(Self.sources.contains("Tests/AnnualReportKitTests/Conventions/SourceLimitsTests.swift"))
        #expect(Self.sources.count > 100, "\(Self.sources.count) source files")
    }

    @Test func noSourceFileIsOver500Lines() throws {
        var long: [String] = []
        for path in Self.sources {
            let count = try Self.lines(path).count
            if count > Self.maximumFileLines { long.append("\(path): \(count) lines") }
        }
        #expect(long.isEmpty, "over \(Self.maximumFileLines) lines; split by job:\n\(long.joined(separator: "\n"))")
    }

    @Test func noFunctionIsOver80Lines() throws {
        var long: [String] = []
        for path in Self.sources {
            for function in FunctionSpans.find(in: try Self.lines(path))
            where function.lines > Self.maximumFunctionLines {
                long.append("\(path):\(function.firstLine): \(function.name) is \(function.lines) lines")
            }
        }
        #expect(
            long.isEmpty,
            "over \(Self.maximumFunctionLines) lines; split into named steps:\n\(long.joined(separator: "\n"))")
    }

    /// The scanner the limit rests on measures what it should: a function's body from its
    /// declaration to its closing brace, braces in strings and comments ignored.
    @Test func theScannerMeasuresFunctions() {
        let source: [Substring] = [
            "struct S {",
            "    /// A doc comment with a { brace.",
            "    func a() -> Int {",
            "        let s = \"}}}\"  // and } here",
            "        return s.count",
            "    }",
            "    static func b(",
            "        x: Int",
            "    ) {",
            "        let css = \"\"\"",
            "            p { margin: 0 }",
            "            }",
            "            \"\"\"",
            "        if x > 0 { print(css) }",
            "    }",
            "    init() {}",
            "}",
        ]
        let spans = FunctionSpans.find(in: source)
        #expect(spans.map(\.name) == ["func a", "func b", "init"])
        #expect(spans.map(\.lines) == [4, 9, 1])
        #expect(spans.map(\.firstLine) == [3, 7, 16])
    }
}

/// Functions found in Swift source by counting braces outside strings and comments: enough for
/// the house's own code, which the formatter keeps in one shape.
enum FunctionSpans {
    struct Span: Equatable {
        var name: String
        /// 1-based line of the declaration.
        var firstLine: Int
        var lines: Int
    }

    static var declaration: Regex<(Substring, Substring)> {
        /^\s*(?:@[\w.]+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate|static|final|override|mutating|nonisolated|class|convenience|required)(?:\([a-z]+\))?\s+)*(func\s+[^\s(<]+|init[?!]?|deinit|subscript)[\s(<{]/
    }

    static func find(in lines: [Substring]) -> [Span] {
        var spans: [Span] = []
        var open: [(depth: Int, line: Int, name: String)] = []
        var depth = 0
        var inMultilineString = false
        var pendingName: (name: String, line: Int)?
        let declaration = Self.declaration
        for (index, line) in lines.enumerated() {
            if !inMultilineString, let match = line.firstMatch(of: declaration) {
                let name = match.output.1.split(separator: " ").filter { !$0.isEmpty }.joined(separator: " ")
                pendingName = (name.hasSuffix("?") || name.hasSuffix("!") ? String(name.dropLast()) : name, index)
            }
            for character in code(of: line, inMultilineString: &inMultilineString) {
                if character == "{" {
                    if let pending = pendingName {
                        open.append((depth, pending.line, pending.name))
                        pendingName = nil
                    }
                    depth += 1
                } else if character == "}" {
                    depth -= 1
                    if let last = open.last, last.depth == depth {
                        open.removeLast()
                        spans.append(Span(name: last.name, firstLine: last.line + 1, lines: index - last.line + 1))
                    }
                }
            }
            // A requirement in a protocol has no body: forget it at its line's end unless its
            // signature continues (an open parenthesis or a trailing comma or arrow).
            if let pending = pendingName, pending.line == index {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let continues =
                    trimmed.hasSuffix("(") || trimmed.hasSuffix(",") || trimmed.hasSuffix("->")
                    || trimmed.filter { $0 == "(" }.count > trimmed.filter { $0 == ")" }.count
                if !continues && !trimmed.hasSuffix("{") { pendingName = nil }
            }
        }
        return spans.sorted { $0.firstLine < $1.firstLine }
    }

    /// The characters of `line` that are code: string contents and comments removed.
    static func code(of line: Substring, inMultilineString: inout Bool) -> [Character] {
        var result: [Character] = []
        let characters = Array(line)
        var index = 0
        var inString = false
        while index < characters.count {
            let character = characters[index]
            let startsTripleQuote =
                index + 2 < characters.count && character == "\"" && characters[index + 1] == "\""
                && characters[index + 2] == "\""
            if inMultilineString {
                if startsTripleQuote {
                    inMultilineString = false
                    index += 3
                    continue
                }
            } else if inString {
                if character == "\\" {
                    index += 2
                    continue
                }
                if character == "\"" { inString = false }
            } else if startsTripleQuote {
                inMultilineString = true
                index += 3
                continue
            } else if character == "\"" {
                inString = true
            } else if character == "/" && index + 1 < characters.count && characters[index + 1] == "/" {
                break
            } else {
                result.append(character)
            }
            index += 1
        }
        return result
    }
}
