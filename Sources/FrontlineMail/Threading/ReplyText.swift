/// Cuts the quoted history and signature off a reply for the ticket timeline;
/// the full text is still stored, this is only what agents see first.
public enum ReplyText {
    /// The new part of a reply: text above the first attribution line
    /// ("On Tue, Jane wrote:"), Outlook separator ("-----Original Message-----",
    /// "From: ..." block), or the "-- " signature delimiter. Returns the whole
    /// text if cutting would leave nothing.
    public static func newContent(of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingBlanksSubstring()
            if line == "-- " || line == "--" || isSeparator(trimmed) { break }
            if trimmed.hasPrefix(">") { break }
            if isAttribution(trimmed, next: index + 1 < lines.count ? lines[index + 1] : nil) { break }
            kept.append(line)
        }
        let result = kept.joined(separator: "\n").trimmingBlanks()
        return result.isEmpty ? text.trimmingBlanks() : result
    }

    private static func isSeparator(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("-----original message-----") || lower.hasPrefix("________________________________")
            || lower.hasPrefix("-----ursprüngliche nachricht-----") || lower.hasPrefix("begin forwarded message")
            || lower.hasPrefix("---------- forwarded message")
    }

    /// "On ... wrote:" on one line or wrapped onto the next, in common languages.
    private static func isAttribution(_ line: String, next: Substring?) -> Bool {
        let lower = line.lowercased()
        let endings = ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "scritto:", "skrev:", "napisał:"]
        if endings.contains(where: { lower.hasSuffix($0) }) { return true }
        if lower.hasPrefix("on "), let next, endings.contains(where: { next.lowercased().hasSuffix($0) }) {
            return true
        }
        return false
    }
}

private extension Substring {
    func trimmingBlanksSubstring() -> String {
        String(self).trimmingBlanks()
    }
}
