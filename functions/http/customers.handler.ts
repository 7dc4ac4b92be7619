import { ContractStore } from "../../domain/store/contract-store.js";
import { CustomerStore } from "../../domain/store/customer-store.js";
import { IdempotencyStore } from "../../domain/store/idempotency-store.js";
import { storeOf } from "../../domain/store/store-of.js";
import { listContracts } from "../../domain/use-cases/contracts.js";
import { createCustomer, getCustomer, listCustomers } from "../../domain/use-cases/customers.js";
import { pageQuerySchema } from "../schemas/common.schema.js";
import { createCustomerSchema } from "../schemas/customer.schema.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pageOf, pathId } from "./params.js";
import { contractView, customerView, pageView } from "./views.js";

/** Customers and their contracts' list. */
const deps = storeDeps((table) =>
  storeOf(new CustomerStore(table), new ContractStore(table), { idempotency: new IdempotencyStore(table) }),
);

export const handler = httpHandler("customers", deps, {
  "POST /customers": async (request, deps) => {
    const input = parseWith(createCustomerSchema, request.body);
    return { statusCode: 201, body: customerView(await createCustomer(deps, actorOf(request), input)) };
  },
  "GET /customers": async (request, deps) => {
    const query = parseWith(pageQuerySchema, request.query, "query");
    const page = await listCustomers(deps, actorOf(request), pageOf(query));
    return { statusCode: 200, body: pageView(page, customerView) };
  },
  "GET /customers/{customerId}": async (request, deps) => {
    const customer = await getCustomer(deps, actorOf(request), pathId(request, "customerId"));
    return { statusCode: 200, body: customerView(customer) };
  },
  "GET /customers/{customerId}/contracts": async (request, deps) => {
    const contracts = await listContracts(deps, actorOf(request), pathId(request, "customerId"));
    return { statusCode: 200, body: { items: contracts.map(contractView) } };
  },
});
