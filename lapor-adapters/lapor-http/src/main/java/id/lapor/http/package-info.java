/**
 * lapor's HTTP channels as Jakarta Servlets: {@link id.lapor.http.Open311Servlet} (GeoReport v2) and
 * {@link id.lapor.http.OfficerApiServlet} (JSON), each built from a {@link id.lapor.core.Lapor}, the
 * store's {@link id.lapor.core.port.ComplaintSearch} and configuration. Who calls the officer API is a
 * {@link id.lapor.http.CallerResolver}'s answer; retried POSTs are answered from an
 * {@link id.lapor.http.IdempotencyStore}. {@code internal} holds the parsing and the documents.
 */
package id.lapor.http;
