import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import { listenHost } from "../../../src/http/listen-host.ts";

const PRODUCTION = {
  MicrosoftAppId: "6d1c0b4e-3b1a-4a8e-9a59-2f6f3c0e9b11",
  MicrosoftAppType: "UserAssignedMSI",
};

describe("HOST", () => {
  it("is 127.0.0.1 in development mode unless set, and every interface in production", () => {
    expect(listenHost(loadConfig({}))).toBe("127.0.0.1");
    expect(listenHost(loadConfig({ HOST: "0.0.0.0" }))).toBe("0.0.0.0");
    expect(listenHost(loadConfig({ HOST: " " }))).toBe("127.0.0.1");
    expect(listenHost(loadConfig(PRODUCTION))).toBeUndefined();
    expect(listenHost(loadConfig({ ...PRODUCTION, HOST: "10.0.0.4" }))).toBe("10.0.0.4");
  });

  it.each(["::", "::1", "localhost", "bot.council.gov.uk"])("accepts %s", (host) => {
    expect(loadConfig({ HOST: host }).HOST).toBe(host);
  });

  it.each(["http://0.0.0.0", "0.0.0.0:3978", "not a host", "-bad-.example"])(
    "refuses %s, naming the variable",
    (host) => {
      expect(() => loadConfig({ HOST: host })).toThrow(
        /^HOST must be an IP address or host name to listen on, such as 127\.0\.0\.1 or 0\.0\.0\.0 \(got ".*"\)\.$/,
      );
    },
  );
});
