//! The API described as an OpenAPI 3.1 document, served at
//! `/api/openapi.json`, for anyone who would rather script the room.

use serde_json::{json, Value};

/// The document. Kept beside the handlers it describes; a test checks that
/// every route of the API is in it.
pub fn document() -> Value {
    let lang = json!({"name": "lang", "in": "query", "required": false,
        "schema": {"type": "string", "enum": ["en", "ja"]},
        "description": "The language of every sentence in the answer."});
    let error = json!({"description": "Not done; `error` says why, in one sentence.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    let said = json!({"type": "object", "properties": {"said": {"type": "string"}}});
    let lang_field = json!({"type": "string", "enum": ["en", "ja"]});
    let scene = json!({"get": {
        "summary": "The room's scene: an SVG document drawn with the cast's library (`/cast.svg`), the stylesheet that plays its film, and what Goro is doing through each part of it.",
        "parameters": [{"name": "still", "in": "query", "required": false,
            "schema": {"type": "boolean"},
            "description": "Still drawings only (the reader prefers reduced motion)."}],
        "responses": {"200": {"description": "The scene.", "content": {"application/json":
            {"schema": {"type": "object", "properties": {
                "key": {"type": "string"},
                "light": {"type": "string", "enum": ["day", "dusk", "night"]},
                "film": {"type": "string", "description": "The film's stylesheet, `/film.css?film=…`."},
                "svg": {"type": "string"},
                "parts": {"type": "array", "items": {"type": "object", "properties": {
                    "part": {"type": "string", "enum": ["idle", "joy", "rest", "breath"]},
                    "seconds": {"type": "number"},
                    "doing": {"type": "array", "description": "`[seconds, movement]` at each change.",
                        "items": {"type": "array"}}}}}}}}}}}
    }});
    let id_field = json!({"type": "string", "pattern": "^[A-Za-z0-9]{1,64}$"});
    let letters = json!({
        "get": {
            "summary": "Kind letters, when they are on: letters from strangers and answers to yours (strangers' words are plain text, never markup; while the service is away, those last read), what is kept here until the service answers, and a calm line when letters are off or the service is away.",
            "parameters": [lang],
            "responses": {"200": {"description": "The inbox.", "content": {"application/json":
                {"schema": {"type": "object", "required": ["on", "away", "kept", "thanked_letters", "words"], "properties": {
                    "on": {"type": "boolean"},
                    "said": {"type": ["string", "null"]},
                    "away": {"type": "boolean", "description": "The letters service could not be reached just now: `inbox` is then the letters last read (`said` tells when), or null when none were."},
                    "inbox": {"type": ["object", "null"], "properties": {
                        "letters": {"type": "array", "items": {"type": "object", "properties": {
                            "id": {"type": "string"}, "body": {"type": "string"},
                            "answered": {"type": "boolean"}}}},
                        "replies": {"type": "array", "items": {"type": "object", "properties": {
                            "id": {"type": "string"}, "letter_id": {"type": "string"},
                            "letter_body": {"type": "string"}, "body": {"type": "string"},
                            "thanked": {"type": "boolean"}}}}}},
                    "kept": {"type": "integer", "minimum": 0, "description": "How many letters, answers, thank-yous and reports are kept here until the service answers; `said` says which."},
                    "thanks": {"type": ["string", "null"], "description": "A warm line when the person's kind answers were thanked (with when it is from while the service is away); null when none were."},
                    "thanked_letters": {"type": "array", "items": {"type": "string"}, "description": "Strangers' letters whose answer from this person was thanked."},
                    "words": {"type": "object", "additionalProperties": {"type": "string"}},
                    "letter_max": {"type": "integer"}, "reply_max": {"type": "integer"}}}}}}}
        },
        "post": {
            "summary": "Write a letter (`write`; kept here and sent later when the service is away), answer a stranger's letter (`reply`; kept and sent later too), thank an answer to yours (`thank`), or tell a moderator (`report`), as `iyashi letters` does; while the service is away each is kept here and sent later.",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "oneOf": [
                    {"type": "object", "required": ["action", "text"], "additionalProperties": false,
                        "properties": {"action": {"const": "write"},
                            "text": {"type": "string", "maxLength": 600}, "lang": lang_field}},
                    {"type": "object", "required": ["action", "id", "text"], "additionalProperties": false,
                        "properties": {"action": {"const": "reply"}, "id": id_field,
                            "text": {"type": "string", "maxLength": 1000}, "lang": lang_field}},
                    {"type": "object", "required": ["action", "id"], "additionalProperties": false,
                        "properties": {"action": {"const": "thank"}, "id": id_field, "lang": lang_field}},
                    {"type": "object", "required": ["action", "id"], "additionalProperties": false,
                        "properties": {"action": {"const": "report"}, "id": id_field, "lang": lang_field}}
                ]}}}},
            "responses": {
                "200": {"description": "Done, or (`kept`) kept to send later.", "content": {"application/json":
                    {"schema": {"type": "object", "properties": {"said": {"type": "string"},
                        "kept": {"type": "boolean"}}}}}},
                "400": error,
                "502": {"description": "The letters service refused; `error` says why."}}
        }
    });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "iyashi web room",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The local API of `iyashi web`. It answers only on 127.0.0.1 \
                with its own Host, needs the per-install token (as the cookie set by the \
                link `iyashi web` prints), and accepts changes only with its own Origin."
        },
        "servers": [{"url": "/"}],
        "security": [{"token": []}],
        "paths": {
            "/api/room": {"get": {
                "summary": "Today: the shelf of joys, entries, season, work and rest, labels.",
                "parameters": [lang],
                "responses": {"200": {"description": "The room.", "content": {"application/json":
                    {"schema": {"$ref": "#/components/schemas/Room"}}}}}
            }},
            "/api/entries": {"post": {
                "summary": "Keep a joy, a mood or a note.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["kind"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["joy", "mood", "note"]},
                        "text": {"type": "string", "maxLength": 10000},
                        "mood": {"type": "integer", "minimum": 1, "maximum": 5},
                        "lang": {"type": "string", "enum": ["en", "ja"]}}}}}},
                "responses": {"200": {"description": "Kept.", "content": {"application/json":
                    {"schema": {"type": "object", "properties": {"said": {"type": "string"},
                        "entry": {"$ref": "#/components/schemas/Entry"}}}}}}, "400": error}
            }},
            "/api/work": {"post": {
                "summary": "Start or stop a work session (through `iyashi watch` when it runs).",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["action"],
                    "properties": {"action": {"type": "string", "enum": ["start", "stop"]},
                        "lang": {"type": "string", "enum": ["en", "ja"]}}}}}},
                "responses": {"200": {"description": "Done.", "content": {"application/json":
                    {"schema": said}}}, "400": error}
            }},
            "/api/quiet": {"post": {
                "summary": "Hold reminders back for an hour (`hour`), until the day rolls over (`today`), or no longer (`off`), as `iyashi quiet` does.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["quiet"], "additionalProperties": false,
                    "properties": {"quiet": {"type": "string", "enum": ["hour", "today", "off"]},
                        "lang": {"type": "string", "enum": ["en", "ja"]}}}}}},
                "responses": {"200": {"description": "Done.", "content": {"application/json":
                    {"schema": said}}}, "400": error}
            }},
            "/api/breaks": {"post": {
                "summary": "Begin a rest break (`start`), record one the page timed (`done`), or say you are still resting (`resting`: a heartbeat to the letters service, when letters are on).",
                // One shape per action, as the server admits them: a
                // finished break must say how long the rest was.
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "oneOf": [
                        {"type": "object", "required": ["action"], "additionalProperties": false,
                            "properties": {"action": {"const": "start"}, "lang": lang_field}},
                        {"type": "object", "required": ["action", "rested_secs"],
                            "additionalProperties": false,
                            "properties": {"action": {"const": "done"},
                                "rested_secs": {"type": "integer", "minimum": 0},
                                "lang": lang_field}},
                        {"type": "object", "required": ["action"], "additionalProperties": false,
                            "properties": {"action": {"const": "resting"}, "lang": lang_field}}
                    ]}}}},
                "responses": {"200": {"description": "Piyo's words.", "content": {"application/json":
                    {"schema": {"type": "object", "properties": {"said": {"type": "string"},
                        "by_watch": {"type": "boolean"}, "resting": {"type": "integer"}}}}}}, "400": error}
            }},
            "/api/letters": letters,
            "/api/episode": {"get": {
                "summary": "A month's episode: its text, and each day for the charts.",
                "parameters": [lang, {"name": "month", "in": "query", "required": false,
                    "schema": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}}],
                "responses": {"200": {"description": "The episode.", "content": {"application/json":
                    {"schema": {"type": "object", "properties": {"title": {"type": "string"},
                        "text": {"type": "string"}, "days": {"type": "array", "items": {
                            "type": "object", "properties": {"day": {"type": "string", "format": "date"},
                            "mood": {"type": ["number", "null"]}, "worked_min": {"type": "integer"},
                            "limit_min": {"type": "integer"}, "joys": {"type": "integer"}}}},
                        "episode": {"type": "object"}}}}}}, "400": error}
            }},
            "/api/events": {"get": {
                "summary": "Server-sent events: `changed` whenever anyone writes to the journal.",
                "responses": {"200": {"description": "An event stream.",
                    "content": {"text/event-stream": {"schema": {"type": "string"}}}}}
            }},
            "/api/scene": scene,
            "/api/openapi.json": {"get": {
                "summary": "This document.",
                "responses": {"200": {"description": "OpenAPI 3.1."}}
            }}
        },
        "components": {
            "securitySchemes": {"token": {"type": "apiKey", "in": "cookie", "name": "iyashi-PORT",
                "description": "Set by opening the link `iyashi web` prints (`/?token=…`)."}},
            "schemas": {
                "Error": {"type": "object", "properties": {"error": {"type": "string"}}},
                "Entry": {"type": "object", "properties": {
                    "id": {"type": "string"}, "kind": {"type": "string", "enum": ["joy", "mood", "note"]},
                    "mark": {"type": "string"}, "time": {"type": "string"}, "text": {"type": "string"},
                    "mood": {"type": ["integer", "null"]}, "mood_words": {"type": ["string", "null"]}}},
                "Room": {"type": "object", "properties": {
                    "lang": {"type": "string"}, "day": {"type": "string", "format": "date"},
                    "day_words": {"type": "string"},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    "joys": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}},
                    "entries": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}},
                    "summary": {"type": "string"},
                    "season": {"type": ["object", "null"]},
                    "light": {"type": "string", "enum": ["day", "dusk", "night"]},
                    "scene": {"type": "string", "description": "Changes when `/api/scene` would."},
                    "goro_doing": {"type": "object", "additionalProperties": {"type": "string"},
                        "description": "Each of Goro's movements in words, by its key."},
                    "rhythm": {"type": "object"},
                    "quiet": {"type": ["string", "null"], "description": "While quiet is on, until when, in words."},
                    "version": {"type": "string"}}}
            }
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_api_route_is_described() {
        let doc = super::document();
        let source = include_str!("api.rs");
        let router = &source[source.find("pub fn router").unwrap()..];
        let router = &router[..router.find("\n}\n").unwrap()];
        let routes = router
            .split("\"/api/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next());
        let mut n = 0;
        for route in routes {
            n += 1;
            assert!(doc["paths"][format!("/api/{route}")].is_object(), "{route}");
        }
        assert!(n >= 7);
    }

    #[test]
    fn a_finished_break_must_say_how_long_the_rest_was() {
        let doc = super::document();
        let shapes = doc["paths"]["/api/breaks"]["post"]["requestBody"]["content"]
            ["application/json"]["schema"]["oneOf"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let shape = |action: &str| {
            shapes
                .iter()
                .find(|s| s["properties"]["action"]["const"] == action)
                .cloned()
                .unwrap_or_else(|| panic!("no shape for {action}"))
        };
        let required = |action: &str| shape(action)["required"].clone();
        assert_eq!(
            required("done"),
            serde_json::json!(["action", "rested_secs"])
        );
        for other in ["start", "resting"] {
            assert_eq!(required(other), serde_json::json!(["action"]));
            assert!(shape(other)["properties"]["rested_secs"].is_null());
        }
    }

    #[test]
    fn every_letter_action_has_its_own_shape() {
        let doc = super::document();
        let shapes = doc["paths"]["/api/letters"]["post"]["requestBody"]["content"]
            ["application/json"]["schema"]["oneOf"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let required = |action: &str| {
            shapes
                .iter()
                .find(|s| s["properties"]["action"]["const"] == action)
                .map(|s| {
                    assert_eq!(s["additionalProperties"], false, "{action}");
                    s["required"].clone()
                })
                .unwrap_or_else(|| panic!("no shape for {action}"))
        };
        assert_eq!(required("write"), serde_json::json!(["action", "text"]));
        assert_eq!(
            required("reply"),
            serde_json::json!(["action", "id", "text"])
        );
        assert_eq!(required("thank"), serde_json::json!(["action", "id"]));
        assert_eq!(required("report"), serde_json::json!(["action", "id"]));
        assert_eq!(shapes.len(), 4);
    }
}
