import cosmosServer from "@vercel/cosmosdb-server";
import { CosmosClient } from "@azure/cosmos";
import https from "node:https";
const server = (cosmosServer as any).default ? (cosmosServer as any).default() : (cosmosServer as any)();
await new Promise<void>((r) => server.listen(0, r));
const port = server.address().port;
const client = new CosmosClient({ endpoint: `https://localhost:${port}`, key: "dummy", agent: new https.Agent({ rejectUnauthorized: false }), connectionPolicy: { enableEndpointDiscovery: false } });
const { database } = await client.databases.createIfNotExists({ id: "t" });
const { container } = await database.containers.createIfNotExists({ id: "outbox", partitionKey: { paths: ["/id"] } });
for (let i = 0; i < 5; i++) await container.items.create({ id: `k:${i}@x`, state: i % 2 ? "pending" : "sent", queuedAt: `2026-01-0${5 - i}`, teamIds: ["t1"], ...(i === 2 ? { pendingCard: { a: 1 } } : {}) });
const q = async (s: string) => { try { const r = await container.items.query(s).fetchAll(); console.log(s, "=>", JSON.stringify(r.resources)); } catch (e: any) { console.log(s, "ERR", e.message?.slice(0, 200)); } };
await q(`SELECT c.id, c.queuedAt FROM c WHERE c.state = "pending" OR (c.state = "sent" AND IS_DEFINED(c.pendingCard))`);
await q(`SELECT VALUE COUNT(1) FROM c WHERE c.state = "pending"`);
await q(`SELECT c.id FROM c WHERE ARRAY_CONTAINS(c.teamIds, "t1") ORDER BY c.queuedAt`);
await q(`SELECT TOP 2 c.id FROM c WHERE c.state != "sent"`);
const it = container.item("k:1@x", "k:1@x");
const { resource, etag } = await it.read();
await it.replace({ ...resource, state: "x" }, { accessCondition: { type: "IfMatch", condition: etag } });
try { await it.replace({ ...resource, state: "y" }, { accessCondition: { type: "IfMatch", condition: etag } }); } catch (e: any) { console.log("412?", e.code); }
try { await container.items.create({ id: "k:1@x" }); } catch (e: any) { console.log("409?", e.code); }
server.close(); client.dispose();
