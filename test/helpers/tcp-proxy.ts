/**
 * A TCP proxy on 127.0.0.1 in front of a real server (PostgreSQL), to play its outages:
 * - `down()`: the port refuses connections and open ones are cut (server stopped, host gone);
 * - `freeze()`: connections are accepted and kept, but no byte goes through either way
 *   (a network that drops packets, a server stuck on its disk): nothing fails, nothing answers;
 * - `restore()`: back to forwarding; frozen connections resume where they stopped.
 */
import { createServer, connect, type Server, type Socket } from "node:net";

type Mode = "forwarding" | "frozen" | "down";

interface Pair {
  client: Socket;
  upstream?: Socket;
}

export interface TcpProxy {
  port: number;
  down(): Promise<void>;
  freeze(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: Mode = "forwarding";
  const pairs = new Set<Pair>();

  const link = (pair: Pair) => {
    if (!pair.upstream) {
      pair.upstream = connect(target.port, target.host);
      pair.upstream.on("error", () => pair.client.destroy());
      pair.upstream.on("close", () => pair.client.destroy());
    }
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  };
  const unlink = (pair: Pair) => {
    pair.client.unpipe();
    pair.upstream?.unpipe();
    pair.client.pause();
    pair.upstream?.pause();
  };

  const onConnection = (client: Socket) => {
    const pair: Pair = { client };
    pairs.add(pair);
    client.on("error", () => pair.upstream?.destroy());
    client.on("close", () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    if (mode === "forwarding") link(pair);
    else client.pause(); // frozen: accepted, never answered
  };

  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
    });
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const port = await listen(0);

  return {
    port,
    async down() {
      mode = "down";
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      pairs.clear();
      await stop();
    },
    freeze() {
      mode = "frozen";
      for (const pair of pairs) unlink(pair);
    },
    async restore() {
      const wasDown = mode === "down";
      mode = "forwarding";
      if (wasDown) {
        server = createServer(onConnection);
        await listen(port);
        return;
      }
      for (const pair of pairs) {
        if (pair.client.destroyed) continue;
        link(pair);
        pair.client.resume();
        pair.upstream?.resume();
      }
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      if (mode !== "down") await stop();
      mode = "down";
    },
  };
}
