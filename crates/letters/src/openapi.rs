//! The OpenAPI 3 document of the service, served at `/openapi.json` and
//! printed by `iyashi-letters openapi`. It is kept as a file beside the
//! crate so tools (schemathesis in CI) can read it without a running server.

/// The document, as JSON.
pub const DOCUMENT: &str = include_str!("../openapi.json");

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_names_every_route_the_router_has() {
        let doc: serde_json::Value = serde_json::from_str(super::DOCUMENT).unwrap();
        for path in [
            "/v1/session",
            "/v1/presence",
            "/v1/letters",
            "/v1/inbox",
            "/v1/letters/{id}/replies",
            "/v1/replies/{id}/thanks",
            "/v1/thanks",
            "/v1/reports",
        ] {
            assert!(doc["paths"][path].is_object(), "{path} is missing");
        }
    }

    #[test]
    fn the_document_lists_exactly_the_codes_the_service_sends() {
        let doc: serde_json::Value = serde_json::from_str(super::DOCUMENT).unwrap();
        let listed: Vec<String> = doc["components"]["schemas"]["Error"]["properties"]["error"]
            ["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        let sent: Vec<String> = crate::protocol::ErrorCode::ALL
            .iter()
            .map(|c| {
                serde_json::to_value(c)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(listed, sent);
    }
}
