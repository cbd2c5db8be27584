import Foundation
import Testing
@testable import AnnualReportKit

/// Headless Chromium, when installed (Debian's `chromium` package; `.ci/run` installs it).
enum Chromium {
    /// The first of `chromium`, `chromium-browser`, `google-chrome` found on PATH.
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The DOM of `file` after Chromium has parsed and laid it out (`--dump-dom`), serialised
    /// as HTML. A profile folder of its own keeps parallel runs apart; gives up after 120 s.
    static func renderedDOM(of file: URL, extraArguments: [String] = []) throws -> String {
        guard let path else { throw Failure(description: "no Chromium") }
        let profile = Workdir("chromium-profile")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--user-data-dir=\(profile.url.path)"] + extraArguments + ["--dump-dom", file.absoluteString]
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
            throw Failure(description: "chromium exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Text as Chromium serialises a text node: only `&`, `<`, `>` and no-break spaces escaped.
    static func serialised(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
    }
}

/// The sample `annual-report.html` opened in a real browser: the rendered DOM holds every
/// table (by caption), chart and headline sentence of the report, with the published figures.
@Suite(.serialized) struct HTMLBrowserTests {
    static let report = SampleReportTests.report

    @Test(.enabled(if: Chromium.path != nil,
                   "Chromium is not installed (apt-get install chromium): the browser check is skipped"))
    func theSampleReportRendersInChromium() throws {
        let dir = Workdir()
        let outcome = try ReportRun(inputs: sampleInputs, output: dir.url, formats: [.html]).build()
        let page = try #require(outcome.written).appendingPathComponent("annual-report.html")
        let dom = try Chromium.renderedDOM(of: page)

        // The browser's serialisation, not the file echoed (the parser drops the file's line
        // break between <html> and <head>), and the whole page: the last section is there.
        #expect(dom.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\"><head>\n<meta charset=\"utf-8\">"))
        #expect(dom.contains("<h2 id=\"section-\(Self.report.sections.count + 1)-heading\">Data quality</h2>"))
        #expect(dom.components(separatedBy: "<h1>").count - 1 == 1)

        // Every table, by caption, with scoped header cells.
        #expect(dom.components(separatedBy: "<table id=").count - 1 == Self.report.tables.count)
        for table in Self.report.tables {
            #expect(dom.contains("<caption>\(Chromium.serialised(table.title))</caption>"), "no table captioned \(table.title)")
        }
        #expect(!dom.contains("<th>"), "a header cell without scope")

        // Every chart, as an image with its title and its figures in words.
        let charts = Self.report.sections.flatMap(\.charts)
        #expect(dom.components(separatedBy: "role=\"img\"").count - 1 == charts.count)
        for chart in charts {
            #expect(dom.contains("<title id=\"chart-\(chart.id)-title\">\(Chromium.serialised(chart.title))</title>"), "no chart \(chart.id)")
        }
        #expect(dom.contains("<desc id=\"chart-rapid-reviews-per-year-desc\">2020-21: 3; 2021-22: 8; 2022-23: 3</desc>"))
        #expect(dom.contains("<desc id=\"chart-attendances-per-year-desc\">2020-21: 1,802; 2021-22: 2,215; 2022-23: 2,569</desc>"))

        // Every headline sentence of the Markdown report.
        for paragraph in Self.report.sections.flatMap(\.paragraphs) {
            #expect(dom.contains("<p>\(Chromium.serialised(paragraph))</p>"), "no headline: \(paragraph)")
        }

        // The published figures, cell by cell.
        #expect(dom.contains("<tr class=\"total\"><th scope=\"row\">Total income</th><td class=\"num\">£327,126</td><td class=\"num\">£364,633</td>"))
        #expect(dom.contains("<tr><th scope=\"row\">2020-21</th><td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">0</td></tr>"))
        #expect(dom.contains("<tr><th scope=\"row\">2021-22</th><td class=\"num\">8</td><td class=\"num\">1</td><td class=\"num\">0</td></tr>"))
        #expect(dom.contains("<tr><th scope=\"row\">2022-23</th><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">1</td></tr>"))
        #expect(dom.contains("<tr class=\"total\"><th scope=\"row\">Total expenditure</th><td class=\"num\">£185,917</td><td class=\"num\">£185,414</td><td class=\"num\">\u{2212}£503</td><td class=\"num\">\u{2212}0.3%</td></tr>"))
        #expect(dom.contains("<tr class=\"total\"><th scope=\"row\">Total reach, each video counted once</th><td></td><td class=\"num\">2,271</td></tr>"))
        #expect(dom.contains("<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">66</td><td class=\"num\">1,810</td><td class=\"num\">1,993</td><td class=\"num\">3,803</td></tr>"))
    }

    /// On a 390 px phone the page itself does not scroll sideways: wide tables scroll in their
    /// own box. Headless Chromium's window is at least 500 px wide, so the page is laid out in
    /// a 390 px frame (`srcdoc`), with a one-line script that reports the page's scroll width to
    /// the frame's parent (the report itself has no script).
    @Test(.enabled(if: Chromium.path != nil,
                   "Chromium is not installed (apt-get install chromium): the browser check is skipped"))
    func onAPhoneThePageDoesNotScrollSideways() throws {
        let dir = Workdir()
        let report = HTMLWriter.html(Self.report)
            .replacingOccurrences(of: "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n", with: "")
            .replacingOccurrences(of: "</body>", with: "<script>const b = parent.document.body; b.setAttribute('data-width', String(document.documentElement.scrollWidth)); b.setAttribute('data-frame', String(window.innerWidth)); b.setAttribute('data-wide-boxes', String([...document.querySelectorAll('.table-box')].filter(x => x.scrollWidth > x.clientWidth).length));</script>\n</body>")
        let attribute = report.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let page = dir.write("phone.html", "<!DOCTYPE html>\n<html><body style=\"margin:0\"><iframe width=\"390\" height=\"844\" style=\"border:0\" srcdoc=\"\(attribute)\"></iframe></body></html>\n")
        let dom = try Chromium.renderedDOM(of: page)
        func number(_ name: String) throws -> Int {
            let match = try #require(dom.firstMatch(of: try Regex("\(name)=\"(\\d+)\"")), "no \(name) in the rendered page")
            return Int(match.output[1].substring!)!
        }
        #expect(try number("data-frame") == 390)
        #expect(try number("data-width") <= 390, "the page is wider than the phone")
        // Some tables are wider than a phone: they scroll in their own box instead.
        #expect(try number("data-wide-boxes") > 0)
    }
}
