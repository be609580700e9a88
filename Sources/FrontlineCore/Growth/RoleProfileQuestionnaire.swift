/// The team-role questionnaire as stored in `Resources/role-profile.json`: the four roles and the
/// statements, each with one choice per role.
public struct RoleProfileQuestionnaire: Codable, Sendable, Hashable {
    /// A role's name and a kind description of its strengths, shown with the result.
    public struct Role: Codable, Sendable, Hashable {
        /// A ``TeamRole`` raw value.
        public var id: String
        public var name: String
        public var description: String

        public init(id: String, name: String, description: String) {
            self.id = id
            self.name = name
            self.description = description
        }
    }

    /// One situation with four ways of responding.
    public struct Question: Codable, Sendable, Hashable {
        public var id: String
        public var text: String
        public var choices: [Choice]

        public init(id: String, text: String, choices: [Choice]) {
            self.id = id
            self.text = text
            self.choices = choices
        }
    }

    /// One way of responding, and the role it speaks for.
    public struct Choice: Codable, Sendable, Hashable {
        public var id: String
        public var text: String
        /// A ``TeamRole`` raw value.
        public var role: String

        public init(id: String, text: String, role: String) {
            self.id = id
            self.text = text
            self.role = role
        }
    }

    /// Bumped when statements change, so stored results say which wording they answered.
    public var version: Int
    public var roles: [Role]
    public var questions: [Question]

    public init(version: Int, roles: [Role], questions: [Question]) {
        self.version = version
        self.roles = roles
        self.questions = questions
    }
}
