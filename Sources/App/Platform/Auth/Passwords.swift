import Vapor

extension Application {
    private struct DecoyHashKey: StorageKey {
        typealias Value = String
    }

    /// A Bcrypt hash of a random secret, made at start with the configured cost. Sign-in checks it
    /// when the account does not exist, so a wrong email takes as long as a wrong password.
    var decoyPasswordHash: String {
        get { storage[DecoyHashKey.self] ?? "" }
        set { storage[DecoyHashKey.self] = newValue }
    }
}
