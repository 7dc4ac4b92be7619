/** The import rules of the hexagon: the domain knows no AWS, Lambda, middy, HTTP or adapters. */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "domain/ (rules, use cases, ports) imports no AWS SDK, Lambda types, middy or Powertools",
      severity: "error",
      from: { path: "^domain/" },
      to: {
        path: "(^|/)node_modules/(@aws-sdk|@smithy|aws-lambda|@types/aws-lambda|@middy|@aws-lambda-powertools)/",
      },
    },
    {
      name: "domain-uses-ports-not-adapters",
      comment: "use cases get their adapters through ports; only the composition roots pick them",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^(adapters|functions|infra)/" },
    },
    {
      name: "adapters-know-no-edge",
      comment: "adapters implement the domain's ports; they import no handler, no CDK app, no local runtime",
      severity: "error",
      from: { path: "^adapters/" },
      to: { path: "^(functions|infra)/" },
    },
    {
      name: "functions-know-no-infra",
      comment: "handlers run on Lambda: they import nothing from the CDK app or the local runtime",
      severity: "error",
      from: { path: "^functions/" },
      to: { path: "^infra/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
