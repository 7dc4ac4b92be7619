import { changeQuota, getBalance, getContract } from "../../domain/use-cases/contracts.js";
import type { StoreOf, UseCaseDeps } from "../../domain/use-cases/deps.js";
import { createContractInvoiced, topUpPoolInvoiced } from "../../domain/use-cases/invoices.js";
import {
  balanceQuerySchema,
  changeQuotaSchema,
  createContractSchema,
  topUpSchema,
} from "../schemas/contract.schema.js";
import { actorOf, type GroupRoutes } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { invoicingView } from "./invoice-views.js";
import { pathId } from "./params.js";
import { balanceView, contractView, contractWithBalanceView, topUpView } from "./views.js";

/** The contracts function's ports: contracts, their customer, the usage balances read, idempotency. */
export type ContractsPorts = UseCaseDeps<
  StoreOf<"customers" | "contracts" | "usage" | "idempotency" | "invoices">
>;

export const contractRoutes: GroupRoutes<"contracts", ContractsPorts> = {
  "POST /contracts": async (request, ports) => {
    const input = parseWith(createContractSchema, request.body);
    const { contract, invoice } = await createContractInvoiced(ports, actorOf(request), input);
    return { statusCode: 201, body: { ...contractView(contract), invoicing: invoicingView(invoice) } };
  },
  "GET /contracts/{contractId}": async (request, ports) => {
    const { contract, balance } = await getContract(ports, actorOf(request), pathId(request, "contractId"));
    return { statusCode: 200, body: contractWithBalanceView(contract, balance) };
  },
  "PUT /contracts/{contractId}/quota": async (request, ports) => {
    const input = parseWith(changeQuotaSchema, request.body);
    const contract = await changeQuota(ports, actorOf(request), pathId(request, "contractId"), input);
    return { statusCode: 200, body: contractView(contract) };
  },
  "POST /contracts/{contractId}/topups": async (request, ports) => {
    const input = parseWith(topUpSchema, request.body);
    const { topUp, invoice } = await topUpPoolInvoiced(
      ports,
      actorOf(request),
      pathId(request, "contractId"),
      input,
    );
    return { statusCode: 201, body: { ...topUpView(topUp), invoicing: invoicingView(invoice) } };
  },
  "GET /contracts/{contractId}/balance": async (request, ports) => {
    const query = parseWith(balanceQuerySchema, request.query, "query");
    const balance = await getBalance(ports, actorOf(request), pathId(request, "contractId"), query.month);
    return { statusCode: 200, body: balanceView(balance) };
  },
};
