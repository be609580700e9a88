/// One piece of HTML as the tokenizer sees it. Attribute values are already
/// entity-decoded; text is raw (decode with `HTMLEntities` when needed).
enum HTMLToken: Sendable {
    case text(String)
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    case endTag(name: String)
}

/// A tag attribute: lowercased name and entity-decoded value.
struct HTMLAttribute: Sendable, Hashable {
    var name: String
    var value: String
}
