/**
 * The load generator of the Slack ack bench, run in a worker thread: Slack is another
 * machine, so the client must not share the app's event loop (in one thread, the app's
 * post-ack work would delay the client's reading of an ack that had already left).
 * Plain JavaScript source, evaluated by `new Worker(source, { eval: true })`, so that it
 * needs no TypeScript loader. It owns the response_url sink, so it knows when a reply landed.
 */
export const CLIENT_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const { createHmac } = require("node:crypto");
const http = require("node:http");

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const waiting = new Map();
const sink = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200).end("ok");
    const id = req.url.split("/").pop();
    const done = waiting.get(id);
    if (done) { waiting.delete(id); done(); }
  });
});

function post(url, body, headers) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: "POST", agent, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, ms: performance.now() - started }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

let seq = 0;
async function send(target, i, waitReply) {
  const id = String(++seq);
  const user = workerData.users[i % workerData.users.length];
  const body = new URLSearchParams({
    team_id: workerData.teamId, channel_id: "C0BENCH", user_id: user.id, user_name: user.name,
    command: target.command, text: "kit jeunes", response_url: workerData.sinkBase + id, trigger_id: i + ".1.bench",
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = "v0=" + createHmac("sha256", workerData.secret).update("v0:" + ts + ":" + body).digest("hex");
  const headers = { "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": String(ts), "X-Slack-Signature": signature };
  const replied = target.replies ? new Promise((resolve) => waiting.set(id, resolve)) : null;
  const started = performance.now();
  const answer = await post(target.url, body, headers);
  if (answer.status !== 200) throw new Error(target.command + ": HTTP " + answer.status);
  if (!waitReply || !replied) return { ack: answer.ms };
  await Promise.race([replied, new Promise((_, rej) => setTimeout(() => rej(new Error("no reply within 10 s")), 10000))]);
  return { ack: answer.ms, reply: performance.now() - started };
}

async function main() {
  await new Promise((resolve) => sink.listen(0, "127.0.0.1", resolve));
  workerData.sinkBase = "http://127.0.0.1:" + sink.address().port + "/response/";
  const out = {};
  for (const t of workerData.targets) out[t.name] = { idle: [], burst: [] };
  // Idle rounds alternate the targets (drift hits both alike); each request leaves after the
  // previous one was answered, so only the ack path is measured.
  const round = async (count, record) => {
    for (let i = 0; i < count; i++) {
      for (const t of workerData.targets) {
        const s = await send(t, i, true);
        if (record) out[t.name].idle.push(s);
        // One round trip through the server process's event loop: whatever the last request
        // left running there (logs, the reply's tail) is done before the next one is timed.
        await post(workerData.settleUrl, "", {});
      }
    }
  };
  await round(workerData.warmup, false);
  await round(workerData.requests, true);
  // Back to back, one target after the other: both apps share the server process, so
  // interleaving would charge one app's post-ack work to the other's acks.
  for (const t of workerData.targets) {
    for (let i = 0; i < workerData.requests; i++) out[t.name].burst.push(await send(t, i, false));
    const deadline = Date.now() + 30000;
    while (waiting.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
  sink.close();
  agent.destroy();
  parentPort.postMessage(out);
}
main().catch((e) => { parentPort.postMessage({ error: String(e && e.stack || e) }); });
`;
