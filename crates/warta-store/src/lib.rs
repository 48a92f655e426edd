//! The event store: articles, mentions and events in an embedded database; queries and exports.
