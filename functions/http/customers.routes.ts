import { listContracts } from "../../domain/use-cases/contracts.js";
import { createCustomer, getCustomer, listCustomers } from "../../domain/use-cases/customers.js";
import type { ContractLookups, StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { pageQuerySchema } from "../schemas/common.schema.js";
import { createCustomerSchema } from "../schemas/customer.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pageOf, pathId } from "./params.js";
import { contractView, customerView, pageView } from "./views.js";

/** The customers function's ports: customers, their contracts' list, idempotency records. */
export type CustomersPorts = UseCaseDeps<StoreOf<"customers" | "idempotency"> & ContractLookups>;

export const customerRoutes: GroupRoutes<"customers", CustomersPorts> = {
  "POST /customers": async (request, ports) => {
    const input = parseWith(createCustomerSchema, request.body);
    return { statusCode: 201, body: customerView(await createCustomer(ports, actorOf(request), input)) };
  },
  "GET /customers": async (request, ports) => {
    const query = parseWith(pageQuerySchema, request.query, "query");
    const page = await listCustomers(ports, actorOf(request), pageOf(query));
    return { statusCode: 200, body: pageView(page, customerView) };
  },
  "GET /customers/{customerId}": async (request, ports) => {
    const customer = await getCustomer(ports, actorOf(request), pathId(request, "customerId"));
    return { statusCode: 200, body: customerView(customer) };
  },
  "GET /customers/{customerId}/contracts": async (request, ports) => {
    const contracts = await listContracts(ports, actorOf(request), pathId(request, "customerId"));
    return { statusCode: 200, body: { items: contracts.map(contractView) } };
  },
};
