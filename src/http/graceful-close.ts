import type http from 'node:http';
import type { Socket } from 'node:net';

/** How long a connection whose request has not arrived may still send it once closing has begun. */
const FIRST_REQUEST_GRACE_MS = 2_000;

/**
 * Closes an HTTP server without cutting an answer short. Node's own close() destroys every connection it
 * deems idle, and a connection is idle as soon as its response has ended — while megabytes of that
 * response can still sit in the socket's buffer, unsent: the client of a 10 MB answer got 4 MB, and the
 * process said "stopped cleanly". Here idle connections are ended, which sends what is buffered first;
 * a connection with a request in flight is ended when its response is done, and told `Connection: close`.
 */
export function gracefulCloser(server: http.Server) {
  const inFlight = new Map<Socket, number>();
  // Connections whose first request has not arrived yet: a client connected to send one, so it is not idle.
  const fresh = new Set<Socket>();
  let closing = false;
  const endIfIdle = (socket: Socket) => {
    if ((inFlight.get(socket) ?? 0) === 0 && !fresh.has(socket)) socket.end();
  };
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    fresh.add(socket);
    socket.on('close', () => {
      inFlight.delete(socket);
      fresh.delete(socket);
    });
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    fresh.delete(socket);
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    if (closing) res.shouldKeepAlive = false;
    res.on('close', () => {
      inFlight.set(socket, Math.max(0, (inFlight.get(socket) ?? 1) - 1));
      if (closing) endIfIdle(socket);
    });
  });
  // close() calls this on every idle connection, and would destroy them with their unsent bytes.
  server.closeIdleConnections = () => {
    for (const socket of inFlight.keys()) endIfIdle(socket);
  };
  const closeNow = (resolve: () => void) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // A connection that never sends its request is ended after a moment, as Node's headers timeout would.
    setTimeout(() => {
      for (const socket of fresh) socket.end();
      fresh.clear();
    }, FIRST_REQUEST_GRACE_MS).unref();
  };
  return {
    /** Stops accepting, lets answers in flight finish to their last byte, and resolves when every connection is gone. */
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        // Connections the kernel has accepted but Node not yet: one turn of the loop takes them in, rather
        // than resetting them with the listening socket.
        setImmediate(() => closeNow(resolve));
      }),
  };
}
