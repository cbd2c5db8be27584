extension XLSXWriter {
    /// How a sheet of the workbook prints: its page header and footer, its orientation and
    /// fit-to-page scaling, and how many lines a wrapped sentence needs. Pure arithmetic on
    /// the sheet's content, decided before any libxlsxwriter call.
    ///
    /// Every sheet prints on A4, one page wide. It prints on one page tall too when its content
    /// fits there at `minimumOnePageScale` or more; a longer sheet runs onto further pages with
    /// its title and header rows repeated, at the size its width allows, so text prints at much
    /// the same size on every sheet. A table with a chart is kept on one page down to
    /// `minimumChartPageScale`, so the chart prints beside its figures. Landscape is chosen
    /// when it prints the sheet larger than portrait does (wide tables, tables with a chart
    /// beside or below them).
    enum PrintLayout {
        /// A4 at 96 pixels an inch with Excel's default margins (0.7 in left and right, 0.75 in
        /// top and bottom, which also hold the header and footer): the printable area in the
        /// pixels Excel measures columns and rows in.
        static let portraitPixels = (width: 659, height: 978)
        static let landscapePixels = (width: 988, height: 650)
        /// Below this scale a one-page fit would print a sheet's text visibly smaller than the
        /// other sheets'; the sheet then prints one page wide and as many pages tall as it needs.
        static let minimumOnePageScale = 0.85
        /// The same for a sheet with a chart, which should print on its table's page: below this
        /// it would be too small to read.
        static let minimumChartPageScale = 0.6
        /// Excel's default row height (15 points = 20 pixels) and column width (8.43 characters
        /// = 64 pixels).
        static let rowPixels = 20
        static let defaultColumnPixels = 64
        static let pointsPerLine = 15.0

        /// The page header: the partnership, with "Annual report <year>" on a second line, on
        /// the left and nothing else, so nothing can run into it on a narrow portrait page (a
        /// sheet name on the right overlapped a long partnership name). Text is escaped for
        /// Excel's header codes, and the partnership shortened (ending in `…`) to keep the whole
        /// within Excel's 255 characters.
        ///
        ///     headerText(partnership: "Example SCP", year: "2022-23")
        ///     // "&LExample SCP\nAnnual report 2022-23"
        static func headerText(partnership: String?, year: String) -> String {
            let report = escape("Annual report \(year)", budget: 60)
            let budget = XLSXWorkbook.Sheet.maxHeaderFooterCharacters - 3 - report.utf8.count
            let left = escape(partnership ?? "Safeguarding Children Partnership", budget: budget)
            return "&L\(left)\n\(report)"
        }

        /// The page footer: the sheet's name on the left and "Page N of M" on the right, at the
        /// two ends of the line (a centred page number came close to a 31-character sheet name
        /// on a portrait page).
        ///
        ///     footerText(sheet: "Finance")   // "&LFinance&RPage &P of &N"
        static func footerText(sheet: String) -> String {
            "&L\(escape(sheet, budget: 200))&RPage &P of &N"
        }

        /// Text as literal header text: `&` doubled (a single `&` starts a code), line breaks
        /// and other control characters made spaces; at most `budget` characters once escaped,
        /// ending in `…` when cut (`…` is 3 UTF-8 bytes, so the budget keeps 3 spare).
        static func escape(_ text: String, budget: Int = .max) -> String {
            var out = ""
            var used = 0
            let characters = Array(text)
            for (i, character) in characters.enumerated() {
                let piece: String =
                    if character == "&" {
                        "&&"
                    } else if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                        " "
                    } else { String(character) }
                let room = i == characters.count - 1 ? budget : budget - 3
                // UTF-8 bytes: never fewer than characters, so within whichever libxlsxwriter counts.
                if used + piece.utf8.count > room { return out + "…" }
                out += piece
                used += piece.utf8.count
            }
            return out
        }

        /// Excel's pixel width of a column `width` characters wide in the default font (Calibri
        /// 11, whose digits are 7 pixels): `Int(width × 7 + 0.5) + 5`.
        static func columnPixels(_ width: Double) -> Int { Int(width * 7 + 0.5) + 5 }

        /// Orientation and fitting for content `width` × `height` pixels, with or without charts.
        static func pageSetup(width: Int, height: Int, charts: Bool = false) -> XLSXWorkbook.Sheet.PageSetup {
            func scale(_ page: (width: Int, height: Int), tall: Bool) -> Double {
                let across = Double(page.width) / Double(max(width, 1))
                let down = Double(page.height) / Double(max(height, 1))
                return min(1, tall ? min(across, down) : across)
            }
            let portraitOne = scale(portraitPixels, tall: true)
            let landscapeOne = scale(landscapePixels, tall: true)
            if max(portraitOne, landscapeOne) >= (charts ? minimumChartPageScale : minimumOnePageScale) {
                return .init(paper: 9, landscape: landscapeOne > portraitOne, pagesWide: 1, pagesTall: 1)
            }
            // Too long for one page: fit the width only, in whichever orientation shows it larger.
            let landscape = scale(landscapePixels, tall: false) > scale(portraitPixels, tall: false)
            return .init(paper: 9, landscape: landscape, pagesWide: 1, pagesTall: 0)
        }

        /// The lines `text` takes wrapped on spaces in a cell (or merged cells) `pixels` wide:
        /// `wrappedLines(_:columnWidth:)` for the characters that many pixels hold.
        static func wrappedLines(_ text: String, pixels: Int) -> Int {
            wrappedLines(text, columnWidth: Double(pixels - 5) / 7)
        }

        /// The lines `text` takes wrapped on spaces in a cell `width` characters wide (Excel's
        /// unit: the default font's digit). Each character is measured against a digit with the
        /// SVG charts' widths (`SVGChartWriter.textWidth`): a label of lower-case words takes a
        /// little less than a digit a character, capitals more. Those widths are a few percent
        /// generous for Calibri and for DejaVu Sans, which LibreOffice draws in its place
        /// (checked: a 40-character column holds 41.5 such characters on a line, not 43.6),
        /// which covers the cell's padding. Bold text is reckoned 8% wider.
        static func wrappedLines(_ text: String, columnWidth: Double, bold: Bool = false) -> Int {
            let digit = SVGChartWriter.textWidth("0")
            let space = SVGChartWriter.textWidth(" ", bold: bold) / digit
            let room = max(1, columnWidth)
            var lines = 0
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var used = 0.0
                lines += 1
                for word in paragraph.split(separator: " ") {
                    let w = SVGChartWriter.textWidth(String(word), bold: bold) / digit
                    if used == 0 {
                        used = w
                    } else if used + space + w <= room {
                        used += space + w
                    } else {
                        lines += 1
                        used = w
                    }
                    // A word longer than a line wraps by itself.
                    while used > room {
                        lines += 1
                        used -= room
                    }
                }
            }
            return max(lines, 1)
        }

        /// The pixels a table's bold title takes on one line, with a character to spare: its
        /// bold width in digits (as `wrappedLines` measures), and never fewer than it has
        /// characters.
        static func titlePixels(_ title: String) -> Int {
            let digits = SVGChartWriter.textWidth(title, bold: true) / SVGChartWriter.textWidth("0")
            return columnPixels(max(digits, Double(title.count)) + 1)
        }

        /// The row height in points for `lines` lines of text.
        static func rowHeight(lines: Int) -> Double { Double(max(lines, 1)) * pointsPerLine }
    }
}
