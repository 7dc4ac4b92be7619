import { parseArgs } from "node:util";
import { startLocalSystem } from "./local-system.js";
import { defaultDataDir } from "./paths.js";
import { seedDemo, seedSampleWork } from "./seed.js";
import { signLocalToken } from "./token.js";

// npm start -- [--port N] [--in-memory] [--no-seed]
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    "in-memory": { type: "boolean", default: false },
    "no-seed": { type: "boolean", default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("--port must be a port number");
  process.exit(2);
}

const system = await startLocalSystem({
  port,
  inMemory: values["in-memory"],
  dataDir: defaultDataDir(),
  schedules: true,
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping KoAd…");
  await system.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

console.log(`KoAd is running at ${system.url} (DynamoDB Local at ${system.dynamoEndpoint})`);
const seeded = values["no-seed"] ? null : await seedDemo(system.ports);
if (seeded) await seedSampleWork(system.ports, seeded);
const customers = await system.ports.store.customers.listCustomers({ limit: 1 });
const demoCustomer = seeded?.customerId ?? customers.items[0]?.id;
if (seeded)
  console.log(
    `Seeded demo customer ${seeded.customerId}: monthly ${seeded.monthlyContractId}, prepaid ${seeded.prepaidContractId}`,
  );
console.log(
  "\nTokens (valid 12 h; more with `npm run --silent token -- --role admin|technician|customer --customer ID`):",
);
const adminToken = await signLocalToken(system.signingKey, { role: "admin" });
const technicianToken = await signLocalToken(system.signingKey, { role: "technician" });
const customerToken = demoCustomer
  ? await signLocalToken(system.signingKey, { role: "customer", customerId: demoCustomer })
  : null;
console.log(`  admin:      ${adminToken}`);
console.log(`  technician: ${technicianToken}`);
if (customerToken) console.log(`  customer:   ${customerToken}`);
// One sign-in link per role: open all three to see each view of the workspace side by side.
console.log("\nWorkspace, signed in:");
console.log(`  as admin:      ${system.url}/#token=${adminToken}`);
console.log(`  as technician: ${system.url}/#token=${technicianToken}`);
if (customerToken) console.log(`  as customer:   ${system.url}/#token=${customerToken}`);
console.log(`Try: curl ${system.url}/health`);
console.log("Ctrl-C stops everything.");
