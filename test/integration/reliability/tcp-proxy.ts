import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** The database goes away: open connections are torn down, new ones refused. */
  cut(): Promise<void>;
  /** The database is back on the same port. */
  restore(): Promise<void>;
  /**
   * Resolves when the app sends bytes containing `marker` (e.g. a table name in an INSERT); those
   * bytes and everything after them on that connection are held back, as on a link that died.
   */
  holdWhenSent(marker: string): Promise<void>;
  close(): Promise<void>;
}

/** A plain TCP forwarder between the app and the database, so a test can pull the cable. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let hold: { marker: string; seen: () => void } | undefined;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      let held = false;
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on('data', (chunk: Buffer) => {
        if (!held && hold && chunk.includes(hold.marker)) {
          held = true;
          hold.seen();
          hold = undefined;
        }
        if (!held) upstream.write(chunk);
      });
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  };
  const stop = async () => {
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const s of sockets) s.destroy();
    await closed;
    server = undefined;
  };
  await listen();
  return {
    port,
    cut: stop,
    restore: listen,
    holdWhenSent: (marker) => new Promise<void>((resolve) => (hold = { marker, seen: resolve })),
    close: stop,
  };
}
