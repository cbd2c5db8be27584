import Foundation
import Testing

/// The library's layers use each other one way (docs/architecture.md): Model uses nothing
/// else; Ingest and Compute use Model; Render uses Model; Pipeline uses them all. One Swift
/// module cannot enforce it, so this test does: no file names a type declared at the top
/// level of a layer it may not use. (A member added by an extension in another layer is not
/// caught: keep such extensions in the layer of the type they extend.)
@Suite struct LayeringTests {
    static let layers = ["Model", "Ingest", "Compute", "Render", "Pipeline"]
    static let uses: [String: Set<String>] = [
        "Model": ["Model"],
        "Ingest": ["Model", "Ingest"],
        "Compute": ["Model", "Compute"],
        "Render": ["Model", "Render"],
        "Pipeline": Set(layers),
    ]

    /// Each layer's Swift files' text, by path from the repository root.
    static let files: [String: [(path: String, text: String)]] = {
        var files: [String: [(String, String)]] = [:]
        for layer in layers {
            let folder = repositoryRoot.appendingPathComponent("Sources/AnnualReportKit/\(layer)")
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else {
                    continue
                }
                files[layer, default: []].append((String(url.path.dropFirst(repositoryRoot.path.count + 1)), text))
            }
        }
        return files
    }()

    /// The layer that declares each top-level type.
    static let declaredIn: [String: String] = {
        var declared: [String: String] = [:]
        for layer in layers {
            for file in files[layer] ?? [] {
                for match in file.text.matches(of: topLevelDeclaration) {
                    declared[String(match.output.1)] = layer
                }
            }
        }
        return declared
    }()

    static var topLevelDeclaration: Regex<(Substring, Substring)> {
        /(?m)^(?:(?:public|package|internal|private|fileprivate|final|indirect) )*(?:struct|enum|class|protocol|actor|typealias) +([A-Z]\w*)/
    }

    /// The capitalised identifiers in `text`'s code: comments and string literals left out.
    static func typeNames(in text: String) -> Set<String> {
        var inMultiline = false
        var names: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = String(FunctionSpans.code(of: line, inMultilineString: &inMultiline))
            // Split on what cannot be in an identifier (not `\b`: Unicode word boundaries do not
            // break `Name.member`).
            let words = code.split { !($0.isLetter || $0.isNumber || $0 == "_") }
            for word in words where word.first?.isUppercase == true { names.insert(String(word)) }
        }
        return names
    }

    @Test func theLayersAreFound() {
        #expect(Self.declaredIn["Money"] == "Model")
        #expect(Self.declaredIn["FileIngester"] == "Ingest")
        #expect(Self.declaredIn["ReportBuilder"] == "Compute")
        #expect(Self.declaredIn["XLSXWorkbook"] == "Render")
        #expect(Self.declaredIn["ReportRun"] == "Pipeline")
        #expect(Self.declaredIn["FinanceBoards"] == "Ingest")
        #expect(Self.typeNames(in: "private let p = FinanceBoards.self") == ["FinanceBoards"])
        #expect(Self.files["Compute"]?.contains { $0.path.hasSuffix("Compute/FinanceTables.swift") } == true)
        #expect(Self.typeNames(in: "let a = Money(1) // FileIngester\nlet s = \"ReportRun\"") == ["Money"])
    }

    @Test(arguments: ["Model", "Ingest", "Compute", "Render"])
    func aLayerUsesOnlyTheLayersBelowIt(layer: String) {
        let allowed = Self.uses[layer] ?? []
        var crossings: [String] = []
        for file in Self.files[layer] ?? [] {
            for name in Self.typeNames(in: file.text).sorted() {
                if let home = Self.declaredIn[name], !allowed.contains(home) {
                    crossings.append("\(file.path) names \(name), declared in \(home)/")
                }
            }
        }
        #expect(
            crossings.isEmpty,
            "\(layer)/ may use only \(allowed.sorted().joined(separator: ", ")):\n\(crossings.joined(separator: "\n"))")
    }
}
