import { parseArgs } from "node:util";
import { defaultDataDir } from "./paths.js";
import { localSigningKey, type Role, signLocalToken } from "./token.js";

// npm run --silent token -- --role admin | technician | customer --customer ID
const { values } = parseArgs({
  options: {
    role: { type: "string", default: "admin" },
    customer: { type: "string" },
    expires: { type: "string", default: "12h" },
  },
});
const role = values.role as Role;
if (!["admin", "technician", "customer"].includes(role)) {
  console.error("--role must be admin, technician or customer");
  process.exit(2);
}
if (role === "customer" && !values.customer) {
  console.error("--role customer needs --customer ID");
  process.exit(2);
}
const token = await signLocalToken(localSigningKey(defaultDataDir()), {
  role,
  customerId: values.customer,
  expiresIn: values.expires,
});
process.stdout.write(`${token}\n`);
