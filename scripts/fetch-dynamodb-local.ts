import { ensureDynamoDbLocal } from "../infra/local/dynamodb-local.js";

// Fetches DynamoDB Local into the git-ignored cache ahead of time (npm start and npm test do it too).
const dir = await ensureDynamoDbLocal();
console.log(`DynamoDB Local ready in ${dir}`);
