import Foundation
import Testing

@testable import AnnualReportKit

/// The first of `names` found as an executable on PATH.
func executableOnPath(_ names: [String]) -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in names {
        for folder in folders {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
    }
    return nil
}

struct ToolFailure: Error, CustomStringConvertible { var description: String }

/// Runs `path` with `arguments` and returns its standard output; gives up after 120 s, and
/// throws when it exits non-zero.
func runTool(_ path: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    guard process.terminationStatus == 0 else {
        throw ToolFailure(description: "\(path) exited with status \(process.terminationStatus)")
    }
    return data
}

/// Headless Chromium, when installed (Debian's `chromium` package; `.ci/run` installs it).
enum Chromium {
    /// The first of `chromium`, `chromium-browser`, `google-chrome` found on PATH.
    static let path: String? = executableOnPath(["chromium", "chromium-browser", "google-chrome"])

    /// Chromium headless with a profile folder of its own, which keeps parallel runs apart.
    static func run(_ arguments: [String]) throws -> Data {
        guard let path else { throw ToolFailure(description: "no Chromium") }
        let profile = Workdir("chromium-profile")
        return try runTool(
            path,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=\(profile.url.path)",
            ] + arguments)
    }

    /// The DOM of `file` after Chromium has parsed and laid it out (`--dump-dom`), serialised
    /// as HTML.
    static func renderedDOM(of file: URL, extraArguments: [String] = []) throws -> String {
        String(decoding: try run(extraArguments + ["--dump-dom", file.absoluteString]), as: UTF8.self)
    }

    /// `file` printed as a browser's reader prints it (File > Print > Save as PDF), without
    /// Chromium's own header and footer: only the page's `@page` rules apply.
    static func printToPDF(_ file: URL, to pdf: URL) throws {
        _ = try run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", file.absoluteString])
    }

    /// Text as Chromium serialises a text node: only `&`, `<`, `>` and no-break spaces escaped.
    static func serialised(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
    }

    /// The value of the attribute `name` somewhere in a rendered DOM (a script's result).
    static func attribute(_ name: String, in dom: String) throws -> String {
        let match = try #require(
            dom.firstMatch(of: try Regex("\(name)=\"([^\"]*)\"")), "no \(name) in the rendered page")
        return String(match.output[1].substring!)
    }
}

/// poppler-utils' `pdfinfo` and `pdftotext` (Debian's `poppler-utils`; `.ci/run` installs it).
enum Poppler {
    static let pdfinfo = executableOnPath(["pdfinfo"])
    static let pdftotext = executableOnPath(["pdftotext"])
    static var available: Bool { pdfinfo != nil && pdftotext != nil }

    /// `pdfinfo`'s `Key: value` lines as a dictionary (`Pages`, `Page size`).
    static func info(_ pdf: URL) throws -> [String: String] {
        let text = String(decoding: try runTool(try #require(pdfinfo), [pdf.path]), as: UTF8.self)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// A page of the PDF: its height in points and each word with its top and bottom (points
    /// from the top of the page).
    struct Page {
        var height: Double
        var words: [(text: String, top: Double, bottom: Double)] = []
    }

    /// The words of each page with their positions (`pdftotext -bbox`).
    static func pages(_ pdf: URL) throws -> [Page] {
        let xml = String(decoding: try runTool(try #require(pdftotext), ["-bbox", pdf.path, "-"]), as: UTF8.self)
        var pages: [Page] = []
        let page = try Regex(#"<page width="[\d.]+" height="([\d.]+)">"#)
        let word = try Regex(#"<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>"#)
        for line in xml.split(separator: "\n") {
            if let m = line.firstMatch(of: page) {
                pages.append(Page(height: Double(m.output[1].substring!)!))
            } else if let m = line.firstMatch(of: word), !pages.isEmpty {
                pages[pages.count - 1].words.append(
                    (
                        String(m.output[3].substring!), Double(m.output[1].substring!)!,
                        Double(m.output[2].substring!)!
                    ))
            }
        }
        return pages
    }
}
