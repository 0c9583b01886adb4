/**
 * Not API: strict parsing of forms, queries and JSON bodies, the GeoReport v2 and officer documents,
 * and the idempotent replay of answers. May change in any release.
 */
package id.lapor.http.internal;
