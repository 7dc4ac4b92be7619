import { Aspects } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { createKoadApp } from "./koad-app.js";

// `npx cdk synth` / `npx cdk deploy --all`; context values in docs/deploy.md. cdk-nag runs on every
// synth: an unsuppressed AwsSolutions finding fails it.
const { app } = createKoadApp();
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
app.synth();
