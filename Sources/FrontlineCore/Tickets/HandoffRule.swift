import Foundation

/// The rule of a warm hand-off: the receiver gets a context note, always.
public enum HandoffRule {
    /// The note as it will be stored, or nil when it says nothing (empty or only white space).
    public static func contextNote(_ raw: String?) -> String? {
        guard let trimmed = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }
}
