/// The one form phone numbers are compared in: `+` and the digits, nothing else.
///
/// Phone systems and people write the same number many ways ("+1 (555) 010-2030", "+1.555.010.2030");
/// calls find their customer by this form. A leading `00` is the international prefix and becomes `+`.
public enum PhoneNumber {
    /// The normalised number, or nil when it has fewer than 3 or more than 15 digits (E.164's limit)
    /// or contains letters.
    public static func normalized(_ raw: String) -> String? {
        var digits = ""
        for character in raw {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character.isLetter {
                return nil
            }
        }
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        guard (3...15).contains(digits.count) else { return nil }
        return "+" + digits
    }
}
