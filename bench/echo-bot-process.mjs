/**
 * The yardstick: a bare botbuilder echo bot, in plain JavaScript (nothing to compile, as the built
 * server). `bench/echo-bot.ts` runs it inside the bench for the latency rows; run as a process of
 * its own (`PORT=3979 node bench/echo-bot-process.mjs`), it answers GET /healthz once it listens,
 * and the start-up bench starts it the way it starts `plan-tracker serve`, in the same run, so the
 * server's start-up and memory can be read against what botbuilder and Node alone cost on the
 * machine at that moment.
 */
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";

/** An HTTP listener for the echo bot: POST an activity to any path; GET /healthz answers "ok". */
export function echoBotListener() {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text}`);
    await next();
  });
  return (req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.end("ok");
      return;
    }
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        headers: req.headers,
        method: req.method,
      };
      const response = {
        socket: res.socket,
        status(code) {
          res.statusCode = code;
          return this;
        },
        header(name, value) {
          res.setHeader(name, value);
          return this;
        },
        send(payload) {
          if (payload !== undefined)
            res.write(typeof payload === "string" ? payload : JSON.stringify(payload));
          return this;
        },
        end() {
          res.end();
        },
      };
      adapter
        .process(request, response, (context) => bot.run(context))
        .catch(() => {
          res.statusCode = 500;
          res.end();
        });
    });
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const server = createServer(echoBotListener());
  server.listen(Number(process.env.PORT ?? 3979), "127.0.0.1");
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}
