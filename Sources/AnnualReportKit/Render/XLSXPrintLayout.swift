extension XLSXWriter {
    /// How a sheet of the workbook prints: its page header and footer, its orientation and
    /// fit-to-page scaling, and how many lines a wrapped sentence needs. Pure arithmetic on
    /// the sheet's content, decided before any libxlsxwriter call.
    ///
    /// Every sheet prints on A4, one page wide. It prints on one page tall too when its content
    /// fits there at `minimumOnePageScale` or more; a longer sheet runs onto further pages with
    /// its title and header rows repeated. Landscape is chosen when it prints the sheet larger
    /// than portrait does (wide tables, tables with a chart beside or below them).
    enum PrintLayout {
        /// A4 at 96 pixels an inch with Excel's default margins (0.7 in left and right, 0.75 in
        /// top and bottom, which also hold the header and footer): the printable area in the
        /// pixels Excel measures columns and rows in.
        static let portraitPixels = (width: 659, height: 978)
        static let landscapePixels = (width: 988, height: 650)
        /// Below this scale a one-page fit would be too small to read; the sheet then prints
        /// one page wide and as many pages tall as it needs.
        static let minimumOnePageScale = 0.6
        /// Excel's default row height (15 points = 20 pixels) and column width (8.43 characters
        /// = 64 pixels).
        static let rowPixels = 20
        static let defaultColumnPixels = 64
        static let pointsPerLine = 15.0
        /// A generous average character width for wrapped text in pixels: LibreOffice may draw
        /// Calibri text in a wider substitute font, and a row too short would hide a line.
        static let averageCharacterPixels = 7.5

        static let footer = "&CPage &P of &N"

        /// The page header: on the left the partnership, with "Annual report <year>" on a second
        /// line; on the right the sheet's name. (Left, centre and right parts of one line overlap
        /// on a portrait page when the partnership's name is long.) Text is escaped for Excel's
        /// header codes, and the partnership shortened (ending in `…`) to keep the whole within
        /// Excel's 255 characters.
        ///
        ///     headerText(partnership: "Example SCP", year: "2022-23", sheet: "Finance")
        ///     // "&LExample SCP\nAnnual report 2022-23&RFinance"
        static func headerText(partnership: String?, year: String, sheet: String) -> String {
            let report = escape("Annual report \(year)", budget: 60)
            let right = escape(sheet, budget: 62)
            let budget = XLSXWorkbook.Sheet.maxHeaderFooterCharacters - 5 - report.utf8.count - right.utf8.count
            let left = escape(partnership ?? "Safeguarding Children Partnership", budget: budget)
            return "&L\(left)\n\(report)&R\(right)"
        }

        /// Text as literal header text: `&` doubled (a single `&` starts a code), line breaks
        /// and other control characters made spaces; at most `budget` characters once escaped,
        /// ending in `…` when cut (`…` is 3 UTF-8 bytes, so the budget keeps 3 spare).
        static func escape(_ text: String, budget: Int = .max) -> String {
            var out = ""
            var used = 0
            let characters = Array(text)
            for (i, character) in characters.enumerated() {
                let piece: String = if character == "&" { "&&" }
                    else if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { " " }
                    else { String(character) }
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

        /// Orientation and fitting for content `width` × `height` pixels.
        static func pageSetup(width: Int, height: Int) -> XLSXWorkbook.Sheet.PageSetup {
            func scale(_ page: (width: Int, height: Int), tall: Bool) -> Double {
                let across = Double(page.width) / Double(max(width, 1))
                let down = Double(page.height) / Double(max(height, 1))
                return min(1, tall ? min(across, down) : across)
            }
            let portraitOne = scale(portraitPixels, tall: true)
            let landscapeOne = scale(landscapePixels, tall: true)
            if max(portraitOne, landscapeOne) >= minimumOnePageScale {
                return .init(paper: 9, landscape: landscapeOne > portraitOne, pagesWide: 1, pagesTall: 1)
            }
            // Too long for one page: fit the width only, in whichever orientation shows it larger.
            let landscape = scale(landscapePixels, tall: false) > scale(portraitPixels, tall: false)
            return .init(paper: 9, landscape: landscape, pagesWide: 1, pagesTall: 0)
        }

        /// The lines `text` takes wrapped on spaces in a cell `pixels` wide.
        static func wrappedLines(_ text: String, pixels: Int) -> Int {
            let perLine = max(1, Int(Double(pixels - 6) / averageCharacterPixels))
            var lines = 0
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var used = 0
                lines += 1
                for word in paragraph.split(separator: " ") {
                    let n = word.count
                    if used == 0 {
                        used = n
                    } else if used + 1 + n <= perLine {
                        used += 1 + n
                    } else {
                        lines += 1
                        used = n
                    }
                    // A word longer than a line wraps by itself.
                    while used > perLine {
                        lines += 1
                        used -= perLine
                    }
                }
            }
            return max(lines, 1)
        }

        /// The row height in points for `lines` lines of text.
        static func rowHeight(lines: Int) -> Double { Double(max(lines, 1)) * pointsPerLine }
    }
}
