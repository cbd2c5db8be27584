import Foundation
import Testing

@testable import AnnualReportKit

/// The sample `annual-report.html` opened in a real browser: the rendered DOM holds every
/// table (by caption), chart and headline sentence of the report, with the published figures.
@Suite(.serialized) struct HTMLBrowserTests {
    static let report = SampleReportTests.report

    @Test(
        .enabled(
            if: Chromium.path != nil,
            "Chromium is not installed (apt-get install chromium): the browser check is skipped"))
    func theSampleReportRendersInChromium() throws {
        let dir = Workdir()
        let outcome = try ReportRun(inputs: SampleInputs.folder, output: dir.url, formats: [.html]).build()
        let page = try #require(outcome.written).appendingPathComponent("annual-report.html")
        let dom = try Chromium.renderedDOM(of: page)

        // The browser's serialisation, not the file echoed (the parser drops the file's line
        // break between <html> and <head>), and the whole page: the last section is there.
        #expect(dom.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\"><head>\n<meta charset=\"utf-8\">"))
        #expect(dom.contains("<h2 id=\"section-\(Self.report.sections.count + 1)-heading\">Data quality</h2>"))
        #expect(dom.components(separatedBy: "<h1>").count - 1 == 1)

        // Every table, by caption, with scoped header cells.
        #expect(dom.components(separatedBy: "<table id=").count - 1 == Self.report.tables.count)
        #expect(Self.report.tables.count == 28)
        for table in Self.report.tables {
            #expect(
                dom.contains(
                    "<caption>\(HTMLWriter.keepingHyphenatedWords(Chromium.serialised(table.title)))</caption>"),
                "no table captioned \(table.title)")
        }
        #expect(!dom.contains("<th>"), "a header cell without scope")

        // Every chart, as an image with its title and its figures in words.
        let charts = Self.report.sections.flatMap(\.charts)
        #expect(dom.components(separatedBy: "role=\"img\"").count - 1 == charts.count)
        #expect(charts.count == 8)
        for chart in charts {
            #expect(
                dom.contains("<title id=\"chart-\(chart.id)-title\">\(Chromium.serialised(chart.title))</title>"),
                "no chart \(chart.id)")
        }
        #expect(
            dom.contains("<desc id=\"chart-rapid-reviews-per-year-desc\">2020-21: 3; 2021-22: 8; 2022-23: 3</desc>"))
        #expect(
            dom.contains(
                "<desc id=\"chart-attendances-per-year-desc\">2020-21: 1,802; 2021-22: 2,215; 2022-23: 2,569</desc>"))

        // Every headline sentence of the Markdown report.
        let paragraphs = Self.report.sections.flatMap(\.paragraphs)
        #expect(paragraphs.count == 24)
        for paragraph in paragraphs {
            #expect(
                dom.contains("<p>\(HTMLWriter.keepingHyphenatedWords(Chromium.serialised(paragraph)))</p>"),
                "no headline: \(paragraph)")
        }

        // The published figures, cell by cell.
        #expect(
            dom.contains(
                "<tr class=\"total\"><th scope=\"row\">Total income</th><td class=\"num\">£327,126</td><td class=\"num\">£364,633</td>"
            ))
        #expect(
            dom.contains(
                "<tr><th scope=\"row\"><span class=\"nw\">2020-21</span></th><td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">0</td></tr>"
            ))
        #expect(
            dom.contains(
                "<tr><th scope=\"row\"><span class=\"nw\">2021-22</span></th><td class=\"num\">8</td><td class=\"num\">1</td><td class=\"num\">0</td></tr>"
            ))
        #expect(
            dom.contains(
                "<tr><th scope=\"row\"><span class=\"nw\">2022-23</span></th><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">1</td></tr>"
            ))
        #expect(
            dom.contains(
                "<tr class=\"total\"><th scope=\"row\">Total expenditure</th><td class=\"num\">£185,917</td><td class=\"num\">£185,414</td><td class=\"num\">\u{2212}£503</td><td class=\"num\">\u{2212}0.3%</td></tr>"
            ))
        #expect(
            dom.contains(
                "<tr class=\"total\"><th scope=\"row\">Total reach, each video counted once</th><td></td><td class=\"num\">2,271</td></tr>"
            ))
        #expect(
            dom.contains(
                "<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\">66</td><td class=\"num\">1,810</td><td class=\"num\">1,993</td><td class=\"num\">3,803</td></tr>"
            ))
    }

    /// The report as the browser gets it, with `script` run at the end of its body (the report
    /// itself has no script; its Content-Security-Policy, which would stop one, is left out).
    static func withScript(_ script: String) -> String {
        HTMLWriter.html(report)
            .replacingOccurrences(
                of:
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
                with: ""
            )
            .replacingOccurrences(of: "</body>", with: "<script>\(script)</script>\n</body>")
    }

    /// The report laid out in a `width` px frame (`srcdoc`), as on a phone: headless Chromium's
    /// window is at least 500 px wide. `script` runs in the frame and reports to the frame's
    /// parent by setting attributes of `b`, the parent's body; the rendered parent is returned.
    static func inAFrame(width: Int, _ script: String) throws -> String {
        let dir = Workdir()
        let report = withScript("const b = parent.document.body; " + script)
        let attribute = report.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "\"", with: "&quot;")
        let page = dir.write(
            "phone.html",
            "<!DOCTYPE html>\n<html><body style=\"margin:0\"><iframe width=\"\(width)\" height=\"844\" style=\"border:0\" srcdoc=\"\(attribute)\"></iframe></body></html>\n"
        )
        return try Chromium.renderedDOM(of: page)
    }

    static func number(_ name: String, in dom: String) throws -> Int {
        try #require(Int(try Chromium.attribute(name, in: dom)), "\(name) is not a number")
    }

    /// On a 390 px phone the page itself does not scroll sideways: wide tables scroll in their
    /// own box, and charts keep their size (12 px labels), scrolling in theirs; captions and
    /// row-group headings wrap to the phone's width.
    @Test(
        .enabled(
            if: Chromium.path != nil,
            "Chromium is not installed (apt-get install chromium): the browser check is skipped"))
    func onAPhoneThePageDoesNotScrollSideways() throws {
        let dom = try Self.inAFrame(
            width: 390,
            "b.setAttribute('data-width', String(document.documentElement.scrollWidth)); b.setAttribute('data-frame', String(window.innerWidth)); b.setAttribute('data-wide-boxes', String([...document.querySelectorAll('.table-box')].filter(x => x.scrollWidth > x.clientWidth).length)); b.setAttribute('data-chart-scale', String(Math.round(100 * Math.min(...[...document.querySelectorAll('figure.chart svg')].map(x => x.getBoundingClientRect().width / x.viewBox.baseVal.width))))); b.setAttribute('data-charts', String(document.querySelectorAll('figure.chart svg').length)); b.setAttribute('data-cut-captions', [...document.querySelectorAll('caption, th[scope=rowgroup] > span')].filter(x => x.getBoundingClientRect().right > window.innerWidth + 0.5).map(x => x.textContent).join(' | '));"
        )
        #expect(try Self.number("data-frame", in: dom) == 390)
        #expect(try Self.number("data-width", in: dom) <= 390, "the page is wider than the phone")
        // Some tables are wider than a phone: they scroll in their own box instead.
        #expect(try Self.number("data-wide-boxes", in: dom) > 0)
        // Charts are not shrunk to the phone's width: their 12 px labels stay 12 px (the box scrolls).
        #expect(try Self.number("data-charts", in: dom) == Self.report.sections.flatMap(\.charts).count)
        #expect(try Self.number("data-chart-scale", in: dom) == 100)
        // A wide table's caption and row-group headings wrap to the phone's width, not the table's.
        #expect(try Chromium.attribute("data-cut-captions", in: dom) == "", "captions or headings wider than the phone")
    }

    /// Every word joined by a hyphen or en dash (`2022-23`, `2022-12-07`, `face-to-face`) in
    /// the page's text, outside the charts, as a range whose client rectangles lie on more
    /// than one line is broken; the script lists those and counts the words it measured.
    static let brokenWords = """
        const broken = []; let words = 0;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement.closest('svg, style, script')) continue;
          for (const m of n.data.matchAll(/[\\p{L}\\p{N}]+(?:[-\\u2013][\\p{L}\\p{N}]+)+/gu)) {
            const range = document.createRange(); range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
            const rects = [...range.getClientRects()].filter(r => r.width > 0);
            words += 1;
            if (rects.some(r => Math.abs(r.top - rects[0].top) > rects[0].height / 2)) broken.push(m[0]);
          }
        }
        b.setAttribute('data-words', String(words)); b.setAttribute('data-broken', broken.join(' | '));
        """

    /// On a phone (390 px) and a small one (320 px), no year, date or hyphenated word breaks
    /// across lines anywhere in the text: title, period, contents, body, tables, notes.
    @Test(
        .enabled(
            if: Chromium.path != nil,
            "Chromium is not installed (apt-get install chromium): the browser check is skipped"),
        arguments: [390, 320])
    func hyphenatedWordsNeverBreakOnAPhone(width: Int) throws {
        let dom = try Self.inAFrame(width: width, Self.brokenWords)
        #expect(try Chromium.attribute("data-broken", in: dom) == "", "broken at \(width) px")
        // The title's, the contents' and the data-quality notes' years and dates were measured.
        let words = try Self.number("data-words", in: dom)
        #expect(words > 100, "only \(words) hyphenated words measured")
    }

    /// The contents list works in the browser: every link lands on an element of the page, and
    /// every section is linked from it.
    @Test(
        .enabled(
            if: Chromium.path != nil,
            "Chromium is not installed (apt-get install chromium): the browser check is skipped"))
    func theContentsLinkEverySection() throws {
        let dir = Workdir()
        let page = dir.write(
            "annual-report.html",
            Self.withScript(
                """
                const b = document.body, links = [...document.querySelectorAll('nav a[href]')];
                const dead = links.filter(a => !document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))));
                const linked = new Set(links.map(a => a.getAttribute('href')));
                const unlinked = [...document.querySelectorAll('section')].filter(s => !linked.has('#' + s.id));
                b.setAttribute('data-links', String(links.length)); b.setAttribute('data-sections', String(document.querySelectorAll('section').length));
                b.setAttribute('data-dead', dead.map(a => a.getAttribute('href')).join(' ')); b.setAttribute('data-unlinked', unlinked.map(s => s.id || '(no id)').join(' '));
                """))
        let dom = try Chromium.renderedDOM(of: page)
        let sections = Self.report.sections.count + 1
        #expect(try Self.number("data-sections", in: dom) == sections)
        #expect(
            try Self.number("data-links", in: dom) == sections
                + Self.report.sections.flatMap(\.tables).filter { !$0.columns.isEmpty }.count)
        #expect(try Chromium.attribute("data-dead", in: dom) == "", "links to nothing")
        #expect(try Chromium.attribute("data-unlinked", in: dom) == "", "sections not in the contents")
    }
}
