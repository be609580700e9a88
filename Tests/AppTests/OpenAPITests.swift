@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// The OpenAPI document describes exactly the routes the app registers.
@Suite("OpenAPI document")
struct OpenAPITests {
    @Test func everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        try await TestDesk.run { desk in
            let response = try await desk.send(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])

            var documented = Set<String>()
            for (path, item) in paths {
                for method in item.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            // Web pages are not part of the REST API; everything else is.
            let registered = Set(desk.app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                let isAPI = path.hasPrefix("/api/") || ["/healthz", "/readyz", "/metrics", "/openapi.json"].contains(path)
                return isAPI ? "\(route.method.rawValue) \(path)" : nil
            })
            let undocumented = registered.subtracting(documented).sorted()
            let phantom = documented.subtracting(registered).sorted()
            #expect(undocumented.isEmpty, "routes missing from the OpenAPI document: \(undocumented)")
            #expect(phantom.isEmpty, "documented routes that do not exist: \(phantom)")
        }
    }
}
