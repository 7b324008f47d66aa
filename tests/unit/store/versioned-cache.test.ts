import { describe, expect, it } from "vitest";
import type { ChangeVersions } from "../../../src/store/change-versions.ts";
import { VersionedCache } from "../../../src/store/versioned-cache.ts";

/** A container's change counter that the test moves by hand, as a write in the store would. */
function counter(): ChangeVersions & { bump(): void } {
  let version = 0;
  return {
    version: () => version,
    bump: () => {
      version += 1;
    },
  };
}

describe("remembering a container's reads until it changes", () => {
  it("reads once while nothing changes, and again after any change", async () => {
    const versions = counter();
    const cache = new VersionedCache(versions, "people");
    let reads = 0;
    const read = async () => ({ roles: ["manager"], read: ++reads });

    expect(await cache.get("mo", read)).toEqual({ roles: ["manager"], read: 1 });
    expect(await cache.get("mo", read)).toEqual({ roles: ["manager"], read: 1 });
    versions.bump();
    expect(await cache.get("mo", read)).toEqual({ roles: ["manager"], read: 2 });
  });

  it("does not keep a read during which the container changed", async () => {
    const versions = counter();
    const cache = new VersionedCache(versions, "people");
    let reads = 0;
    const read = async () => {
      reads += 1;
      if (reads === 1) versions.bump(); // a write lands while the first read is on the wire
      return reads;
    };
    expect(await cache.get("mo", read)).toBe(1);
    expect(await cache.get("mo", read)).toBe(2);
    expect(await cache.get("mo", read)).toBe(2);
  });

  it("hands out copies, so a caller changing what it got cannot change what others get", async () => {
    const cache = new VersionedCache(counter(), "people");
    const first = await cache.get("mo", async () => ({ roles: ["manager"] }));
    first.roles.push("admin");
    expect(await cache.get("mo", async () => ({ roles: ["lead"] }))).toEqual({
      roles: ["manager"],
    });
  });

  it("remembers nothing without change versions (a real Cosmos account): every call reads", async () => {
    const cache = new VersionedCache(undefined, "people");
    let reads = 0;
    await cache.get("mo", async () => ++reads);
    expect(await cache.get("mo", async () => ++reads)).toBe(2);
  });

  it("does not remember a read that failed", async () => {
    const cache = new VersionedCache(counter(), "people");
    await expect(
      cache.get("mo", async () => {
        throw new Error("store unreachable");
      }),
    ).rejects.toThrow("store unreachable");
    expect(await cache.get("mo", async () => "read again")).toBe("read again");
  });
});
