import { listContracts } from "../../domain/use-cases/contracts.js";
import { createCustomer, getCustomer, listCustomers } from "../../domain/use-cases/customers.js";
import { pageQuerySchema } from "../schemas/common.schema.js";
import { createCustomerSchema } from "../schemas/customer.schema.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pageOf, pathId } from "./params.js";
import { contractView, customerView, pageView } from "./views.js";

export const handler = httpHandler("customers", {
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
