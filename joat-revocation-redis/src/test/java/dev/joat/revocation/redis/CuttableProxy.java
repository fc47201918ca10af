package dev.joat.revocation.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a Redis server, so that one node can be cut off while others keep their
 * connections: {@link #cut()} closes every proxied connection and refuses new ones (the node sees
 * its connections drop and reconnects fail), {@link #restore()} accepts again on the same port.
 * {@link #pause()} keeps the connections open but forwards nothing, as a frozen server or a
 * partitioned network does (no answer, and nothing tells the client the connection is dead).
 * Thread-safe.
 */
final class CuttableProxy implements AutoCloseable {

	private final int port;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private volatile boolean paused;

	private CuttableProxy(int port, int targetPort) {
		this.port = port;
		this.targetPort = targetPort;
	}

	static CuttableProxy start(int targetPort) throws IOException {
		CuttableProxy proxy = new CuttableProxy(RedisServer.freePort(), targetPort);
		proxy.restore();
		return proxy;
	}

	int port() {
		return this.port;
	}

	/** Accepts connections again (the first call starts the proxy). */
	synchronized void restore() throws IOException {
		if (this.server != null) {
			return;
		}
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = socket;
		Thread acceptor = new Thread(() -> accept(socket), "proxy-accept-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Holds every byte received from now on, in both directions, without forwarding it. */
	void pause() {
		this.paused = true;
	}

	/** Drops every connection and refuses new ones until {@link #restore()}. */
	synchronized void cut() {
		ServerSocket socket = this.server;
		this.server = null;
		closeQuietly(socket);
		for (Socket each : this.sockets) {
			closeQuietly(each);
		}
		this.sockets.clear();
	}

	@Override
	public void close() {
		cut();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				pump(client, target);
				pump(target, client);
			}
			catch (IOException ex) {
				// closed by cut(), or the target refused: the node's client sees the connection fail
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
					while (this.paused && !from.isClosed()) {
						RedisServer.sleep(10);
					}
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "proxy-pump-" + this.port);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// already closed
			}
		}
	}

}
