import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";

/**
 * The yardstick: a bare botbuilder echo bot on the same machine, the same adapter and the same
 * stand-in connector. Every Plan Tracker latency in the benchmark is reported as a ratio to it.
 */
export async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text}`);
    await next();
  });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const request = { body, headers: req.headers, method: req.method };
      const response = {
        socket: res.socket,
        status(code: number) {
          res.statusCode = code;
          return this;
        },
        header(name: string, value: string) {
          res.setHeader(name, value);
          return this;
        },
        send(payload?: unknown) {
          if (payload !== undefined)
            res.write(typeof payload === "string" ? payload : JSON.stringify(payload));
          return this;
        },
        end() {
          res.end();
        },
      };
      adapter
        .process(request as never, response as never, (context) => bot.run(context))
        .catch(() => {
          res.statusCode = 500;
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
