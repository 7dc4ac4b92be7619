import { ContractStore } from "../../domain/store/contract-store.js";
import { CustomerStore } from "../../domain/store/customer-store.js";
import { IdempotencyStore } from "../../domain/store/idempotency-store.js";
import { storeOf } from "../../domain/store/store-of.js";
import { UsageStore } from "../../domain/store/usage-store.js";
import {
  changeQuota,
  createContract,
  getBalance,
  getContract,
  topUpPool,
} from "../../domain/use-cases/contracts.js";
import {
  balanceQuerySchema,
  changeQuotaSchema,
  createContractSchema,
  topUpSchema,
} from "../schemas/contract.schema.js";
import { storeDeps } from "../shared/deps.js";
import { actorOf, httpHandler } from "../shared/http.js";
import { parseWith } from "../shared/validation.js";
import { pathId } from "./params.js";
import { balanceView, contractView } from "./views.js";

/**
 * Contracts, their customer, and the usage their balances read. No booking in this function: no
 * booking contexts to keep (on Lambda each function has its own cache anyway).
 */
const deps = storeDeps((table) =>
  storeOf(new CustomerStore(table), new ContractStore(table), new UsageStore(table), {
    idempotency: new IdempotencyStore(table),
  }),
);

export const handler = httpHandler("contracts", deps, {
  "POST /contracts": async (request, deps) => {
    const input = parseWith(createContractSchema, request.body);
    return { statusCode: 201, body: contractView(await createContract(deps, actorOf(request), input)) };
  },
  "GET /contracts/{contractId}": async (request, deps) => {
    const { contract, balance } = await getContract(deps, actorOf(request), pathId(request, "contractId"));
    return { statusCode: 200, body: { ...contractView(contract), balance: balanceView(balance) } };
  },
  "PUT /contracts/{contractId}/quota": async (request, deps) => {
    const input = parseWith(changeQuotaSchema, request.body);
    const contract = await changeQuota(deps, actorOf(request), pathId(request, "contractId"), input);
    return { statusCode: 200, body: contractView(contract) };
  },
  "POST /contracts/{contractId}/topups": async (request, deps) => {
    const input = parseWith(topUpSchema, request.body);
    const topUp = await topUpPool(deps, actorOf(request), pathId(request, "contractId"), input);
    return {
      statusCode: 201,
      body: {
        id: topUp.id,
        contractId: topUp.contractId,
        minutes: topUp.minutes,
        note: topUp.note,
        at: topUp.at,
        totalMinutes: topUp.pool.totalMinutes,
      },
    };
  },
  "GET /contracts/{contractId}/balance": async (request, deps) => {
    const query = parseWith(balanceQuerySchema, request.query, "query");
    const balance = await getBalance(deps, actorOf(request), pathId(request, "contractId"), query.month);
    return { statusCode: 200, body: balanceView(balance) };
  },
});
