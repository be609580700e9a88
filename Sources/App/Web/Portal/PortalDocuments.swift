import Fluent
import Vapor

/// The portal's "Warranties & documents" page: what the customer owns and is covered for, the proof
/// documents on record, and an upload form so a receipt or warranty card is on record before the
/// customer ever has to ask.
enum PortalDocuments {
    struct UploadForm: Content {
        let file: File?
    }

    @Sendable static func page(req: Request) async throws -> Response {
        let customer = try PortalController.portalCustomer(req)
        return try await render(req, customer: customer, problem: nil).response()
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let customer = try PortalController.portalCustomer(req)
        guard let file = (try? req.content.decode(UploadForm.self))?.file, file.data.readableBytes > 0 else {
            return try await render(req, customer: customer, problem: "Choose a file to send: a receipt, an invoice or a warranty card.")
                .response(status: .unprocessableEntity)
        }
        do {
            _ = try await CustomerDocuments(app: req.application).store(
                Data(buffer: file.data), filename: file.filename, contentType: file.contentType?.serialize() ?? "application/octet-stream",
                for: try customer.requireID(), by: .customer(customer), at: req.now)
        } catch let error as RequestError {
            return try await render(req, customer: customer, problem: error.reason).response(status: error.status)
        }
        return req.redirect(to: WebRoute.portal(.documents))
    }

    /// The customer's own documents only; anyone else's is "not found".
    @Sendable static func download(req: Request) async throws -> Response {
        let customer = try PortalController.portalCustomer(req)
        guard let id = req.parameters.get("documentID").flatMap(UUID.init(uuidString:)),
            let document = try await CustomerDocument.find(id, on: req.db), document.customerId == customer.id
        else { throw WebError.notFound("document") }
        return try await CustomerDocuments(app: req.application).download(document)
    }

    private static func render(_ req: Request, customer: Customer, problem: String?) async throws -> Markup {
        let customerId = try customer.requireID()
        let products = try await Product.query(on: req.db).filter(\.$customerId == customerId).sort(\.$createdAt).all()
        let entitlements = try await Entitlement.query(on: req.db).filter(\.$customerId == customerId).sort(\.$endsOn, .descending).all()
        let documents = try await CustomerDocument.query(on: req.db).filter(\.$customerId == customerId).sort(\.$createdAt, .descending).all()
        let today = req.now
        let productRows: [Markup] = products.map { product in
            let covering = entitlements.filter { $0.productId == product.id }
            let coverage: Markup = covering.first { EntitlementsController.isActive($0, at: today) }.map {
                "<span class=\"badge status-solved\">Covered until \($0.endsOn)</span> \($0.coverage)"
            } ?? (covering.isEmpty ? "<span class=\"muted\">No warranty on record</span>" : "<span class=\"muted\">Coverage ended \(covering[0].endsOn)</span>")
            return """
                <tr><td>\(product.model)</td><td>\(product.serialNumber)</td><td>\(product.purchaseDate ?? "")\
                \(product.purchasedFrom.map { " · \($0)" } ?? "")</td><td>\(coverage)</td></tr>
                """
        }
        let documentRows: [Markup] = documents.map { document in
            """
            <li><a href="\(WebRoute.portal(.document(.value(document.id ?? UUID()))))">\(document.filename)</a>
              <span class="muted small">\(Format.bytes(document.size)) · \(Format.time(document.createdAt, now: req.now)) · from \(document.uploadedByName)</span></li>
            """
        }
        let error: Markup = problem.map { "<p class=\"form-error\" role=\"alert\">\($0)</p>" } ?? .empty
        return try await PortalPages.frame(req, customer: customer, title: "Warranties & documents", main: """
            <h1>Warranties &amp; documents</h1>
            <section class="card">
              <h2>Your products</h2>
              <table class="tickets"><caption class="visually-hidden">Your products and their coverage</caption>
                <thead><tr><th scope="col">Model</th><th scope="col">Serial number</th><th scope="col">Bought</th><th scope="col">Coverage</th></tr></thead>
                <tbody>\(productRows.isEmpty ? ["<tr class=\"empty\"><td colspan=\"4\">No products on record yet.</td></tr>"] : productRows)</tbody></table>
            </section>
            <section class="card">
              <h2>Documents on record</h2>
              <p class="small muted">Everything here is attached to you, so whoever helps you sees it with every request.</p>
              <ul class="plain-list documents">\(documentRows.isEmpty ? ["<li class=\"muted\">None yet.</li>"] : documentRows)</ul>
              <form method="post" action="\(WebRoute.portal(.documents))" enctype="multipart/form-data" class="stack">\(req.csrfField)
                \(error)
                <label for="file">Send a receipt, invoice or warranty card (up to 20 MB)</label>
                <input id="file" name="file" type="file" required>
                <button type="submit">Send document</button>
              </form>
            </section>
            """)
    }
}
