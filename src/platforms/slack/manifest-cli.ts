/**
 * `npm run slack:manifest [-- --out DIR] [--url https://host/slack/events] [--name CDCE]`
 * Writes `slack-manifest.socket.yaml` and `slack-manifest.http.yaml` from the command
 * registry, so that the app's `/cdce` usage hint follows the commands. See docs/slack.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createRegistry } from "../../features/index.js";
import { manifestYaml, type ManifestVariant } from "./manifest.js";
import { applyEnvFile } from "../../env-file.js";

// Like every npm script: the .env of the working directory (nothing here reads it yet, but
// an option added later must not behave differently from the bot).
applyEnvFile(process.env);

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { out: { type: "string", default: "." }, url: { type: "string" }, name: { type: "string" } },
  strict: true,
});
if (values.url && !/^https:\/\/\S+$/.test(values.url)) {
  process.stderr.write("--url must be an https:// URL (Slack calls it from the internet)\n");
  process.exit(2);
}
const registry = createRegistry();
mkdirSync(values.out!, { recursive: true });
for (const variant of ["socket", "http"] as ManifestVariant[]) {
  const file = join(values.out!, `slack-manifest.${variant}.yaml`);
  writeFileSync(file, manifestYaml(registry, { variant, requestUrl: values.url, name: values.name }));
  process.stdout.write(`wrote ${file}\n`);
}
