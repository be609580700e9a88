/// The words of the demo desk: teams, people, companies and what customers write about.
enum DemoScript {
    static let teams = [
        ("Front Line", "First contact for every customer: orders, accounts, general questions."),
        ("Technical Support", "Printers that will not print, setup, firmware, connectivity."),
        ("Billing & Returns", "Invoices, refunds, replacements and warranty claims."),
    ]

    static let firstNames = [
        "Amara", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jonas", "Keiko", "Lena",
        "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Viktor", "Wen", "Yusuf", "Zoë",
    ]

    static let lastNames = [
        "Okafor", "Schmidt", "Dubois", "Ivanova", "Yılmaz", "Haddad", "Pereira", "Sato", "Novak", "Berg", "Tanaka",
        "Rossi", "García", "Kowalski", "Nguyen", "Patel", "Moreau", "Lindqvist", "Costa", "Müller", "Fischer", "Kim",
    ]

    static let companyWords = [
        "Northwind", "Bluebird", "Granite", "Harbor", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchard",
        "Pioneer", "Quarry", "Redwood", "Summit", "Tidewater", "Upland", "Vantage", "Willow", "Yarrow", "Zephyr",
    ]

    static let companyKinds = ["Logistics", "Dental", "Architects", "Bakery", "Law Office", "Clinic", "Studio", "Hotels"]
}
