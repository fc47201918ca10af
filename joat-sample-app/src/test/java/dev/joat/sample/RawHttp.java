package dev.joat.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client for tests that need what the JDK {@code HttpClient} cannot do: send
 * exactly the bytes given (malformed bodies, oversized headers) and connect from a chosen
 * loopback address (127.0.0.2, 127.0.0.3 …), as distinct clients do in production. One request
 * per connection ({@code Connection: close}); every read is bounded by a timeout.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 20_000;

	private RawHttp() {
	}

	/**
	 * Sends {@code head} (request line and headers, without the blank line; {@code Host} unless
	 * the head has one,
	 * {@code Connection: close} and, unless the head has a {@code Transfer-Encoding},
	 * {@code Content-Length} are added) and {@code body} as is.
	 */
	static Response send(int port, String fromAddress, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket()) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			String host = head.contains("\r\nHost:") ? "" : "\r\nHost: localhost:" + port;
			String fullHead = head + host + "\r\nConnection: close\r\n"
					+ ((body != null && !head.contains("Transfer-Encoding")) ? "Content-Length: " + body.length + "\r\n" : "")
					+ "\r\n";
			out.write(fullHead.getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException ex) {
					// The server may answer and close before reading a body it refuses.
				}
			}
			out.flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
	}

	/** A form POST to the token endpoint from {@code fromAddress}. */
	static Response postToken(int port, String fromAddress, String authorization, String form) throws IOException {
		String head = "POST /oauth2/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded"
				+ ((authorization != null) ? "\r\nAuthorization: " + authorization : "");
		return send(port, fromAddress, head, form.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				bytes.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			// A reset after a complete response (the server refused the rest of the body).
			if (bytes.size() == 0) {
				throw ex;
			}
		}
		return bytes.toByteArray();
	}

	/** A response: status, headers by lower-case name (last one wins), body as UTF-8. */
	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		static Response parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("No complete response head in " + raw.length + " bytes");
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (true) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
				if (size == 0) {
					return body.toString();
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
		}

	}

}
