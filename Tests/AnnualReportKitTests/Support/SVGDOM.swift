import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

// A small DOM read back with Foundation's XMLParser, for the chart tests to query SVG.

/// One element of a parsed SVG.
final class SVGNode {
    let name: String
    let attributes: [String: String]
    var children: [SVGNode] = []
    var ownText = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// All text inside the element, children included.
    var text: String { ownText + children.map(\.text).joined() }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    func all(_ name: String) -> [SVGNode] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    func all(_ name: String, class cls: String) -> [SVGNode] { all(name).filter { $0.classes.contains(cls) } }

    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

/// Parses SVG text into a tree of `SVGNode`s with Foundation's `XMLParser`.
final class SVGDOM: NSObject, XMLParserDelegate {
    private var stack: [SVGNode] = []
    private(set) var root: SVGNode?
    private(set) var error: Error?

    /// The parsed document, or nil when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGNode? {
        let parser = XMLParser(data: Data(svg.utf8))
        let dom = SVGDOM()
        parser.delegate = dom
        guard parser.parse(), dom.error == nil else { return nil }
        return dom.root
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let node = SVGNode(name: elementName, attributes: attributeDict)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.ownText += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}
